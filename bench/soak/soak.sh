#!/usr/bin/env bash
# Soak: 8 scrapers for a long time while the datastore is killed (SIGKILL) and restarted twice, with the image's
# JVM settings. Prints scrapes served, failed HTTP answers, the exporter's own error counters, how long <ns>_up
# took to come back after each restart, and threads, open files and RSS at the start, after each restart and at
# the end. Exits 1 if threads or open files end higher than after the warm-up by more than a small slack, if a
# scrape failed at the HTTP level, or if the exporter did not see the datastore again.
#
#   bench/soak/soak.sh [redis|mysql] [SECONDS]      (default: redis 600)
#
# The datastore is a private one on a free port (redis-server; for mysql a mariadbd with its own data directory
# made by mariadb-install-db), so the machine's own services are never killed. Everything is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODULE=${1:-redis}
DURATION=${2:-600}
case "$MODULE" in redis|mysql) ;; *) echo "usage: $0 [redis|mysql] [SECONDS]" >&2; exit 2 ;; esac
(( DURATION >= 60 )) || { echo "soak: at least 60 seconds" >&2; exit 2; }
JAR=$MODULE-exporter/target/$MODULE-exporter.jar
# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings
command -v wrk >/dev/null || { echo "soak: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  echo "soak: building $JAR" >&2
  mvn -q -B package -DskipTests -pl "$MODULE-exporter" -am
fi
bench_limit $((DURATION + 180))
WORK=$(mktemp -d)
trap 'bench_cleanup; cp "$WORK/exporter.log" "${TMPDIR:-/tmp}/soak-$MODULE-exporter.log" 2>/dev/null; rm -rf "$WORK"' EXIT
DS_PORT=$(free_port)
EXPORTER_PORT=$(free_port)
DS_PID=

start_datastore() {
  if [ "$MODULE" = redis ]; then
    redis-server --port "$DS_PORT" --bind 127.0.0.1 --save "" --appendonly no --loglevel warning >/dev/null &
    DS_PID=$!
    for _ in $(seq 1 100); do redis-cli -p "$DS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  else
    mariadbd --no-defaults --datadir="$WORK/data" --port="$DS_PORT" --bind-address=127.0.0.1 \
      --socket="$WORK/mysqld.sock" --pid-file="$WORK/mysqld.pid" --skip-grant-tables --user="$(id -un)" \
      --innodb-buffer-pool-size=32M --log-error="$WORK/mysqld.err" 2>>"$WORK/mysqld.err" &
    DS_PID=$!
    for _ in $(seq 1 300); do
      mariadb-admin --protocol=tcp -h 127.0.0.1 -P "$DS_PORT" -u root ping >/dev/null 2>&1 && return 0; sleep 0.1
    done
  fi
  echo "soak: the private $MODULE did not start" >&2; return 1
}

if [ "$MODULE" = mysql ]; then
  mariadb-install-db --no-defaults --datadir="$WORK/data" --user="$(id -un)" --skip-test-db >/dev/null 2>&1
fi
start_datastore
pids+=("$DS_PID")

if [ "$MODULE" = redis ]; then
  java $JAVA_OPTS -jar "$JAR" --redis.addr="redis://127.0.0.1:$DS_PORT" \
    --web.listen-address="127.0.0.1:$EXPORTER_PORT" --log.level=warn >"$WORK/exporter.log" 2>&1 &
else
  MYSQLD_EXPORTER_PASSWORD=unused java $JAVA_OPTS -jar "$JAR" --mysqld.address="127.0.0.1:$DS_PORT" \
    --mysqld.username=root --web.listen-address="127.0.0.1:$EXPORTER_PORT" --log.level=warn \
    >"$WORK/exporter.log" 2>&1 &
fi
EXPORTER_PID=$!
pids+=("$EXPORTER_PID")
URL="http://127.0.0.1:$EXPORTER_PORT/metrics"
wait_http "$URL"

resources() { # threads open-files rss-MiB
  local threads fds rss
  threads=$(awk '/^Threads:/{print $2}' "/proc/$EXPORTER_PID/status")
  fds=$(find "/proc/$EXPORTER_PID/fd" -mindepth 1 -maxdepth 1 | wc -l)
  rss=$(awk '/^VmRSS:/{printf "%.0f", $2/1024}' "/proc/$EXPORTER_PID/status")
  echo "$threads $fds $rss"
}
up() { curl -fs "$URL" | awk -v n="${MODULE}_up" '$1==n{print $2+0}'; }
errors() { curl -fs "$URL" | awk -v n="${MODULE}_exporter_scrape_errors_total" 'index($1,n)==1{s+=$2} END{print s+0}'; }

echo "soak: $(date -u +%FT%TZ), $MODULE, ${DURATION}s, 8 scrapers, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS"
wrk -t2 -c8 -d"${DURATION}s" --timeout 30s "$URL" >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
pids+=("$WRK_PID")
STARTED=$SECONDS
sleep 30
read -r T0 F0 R0 < <(resources)
printf '%-22s %8s %8s %8s\n' "moment" threads files "RSS MiB"
printf '%-22s %8s %8s %8s\n' "after 30 s warm-up" "$T0" "$F0" "$R0"
recovered_all=1
for k in 1 2; do
  wait_for=$(( DURATION * k / 3 - (SECONDS - STARTED) ))
  (( wait_for > 0 )) && sleep "$wait_for"
  kill -9 "$DS_PID"; wait "$DS_PID" 2>/dev/null || true
  sleep 10
  down=$(up)
  start_datastore
  pids+=("$DS_PID")
  t=0
  while [ "$(up)" != "1" ] && (( t < 60 )); do sleep 1; t=$((t + 1)); done
  if [ "$(up)" != "1" ]; then recovered_all=0; fi
  read -r T F R < <(resources)
  printf '%-22s %8s %8s %8s   (%s_up was %s while down; 1 again %ss after the restart)\n' "after restart $k" "$T" "$F" "$R" "$MODULE" "${down:-?}" "$t"
done
wait "$WRK_PID" || true
read -r T1 F1 R1 < <(resources)
printf '%-22s %8s %8s %8s\n' "end" "$T1" "$F1" "$R1"
served=$(awk '/requests in/{print $1}' "$WORK/wrk.txt")
failed=$(awk '/Non-2xx|Socket errors/{print}' "$WORK/wrk.txt" | tr '\n' ' ')
echo "scrapes served: ${served:-?} in ${DURATION}s; HTTP failures: ${failed:-none}"
echo "exporter's scrape errors (collectors failing while the $MODULE was down): $(errors)"
echo "log lines: $(wc -l <"$WORK/exporter.log"); the most frequent (time stamps removed, cut at 160 characters):"
echo "(the whole log is kept in ${TMPDIR:-/tmp}/soak-$MODULE-exporter.log)"
sed -E 's/^[0-9T:.+-]+ //; s/\[[a-z]+-[0-9]+\]/[thread]/' "$WORK/exporter.log" | cut -c1-160 | sort | uniq -c | sort -rn | head -n 5
verdict=0
if (( T1 > T0 + 4 )); then echo "soak: threads grew $T0 -> $T1" >&2; verdict=1; fi
if (( F1 > F0 + 8 )); then echo "soak: open files grew $F0 -> $F1" >&2; verdict=1; fi
if [ -n "$failed" ]; then echo "soak: some scrapes failed at the HTTP level" >&2; verdict=1; fi
if (( recovered_all == 0 )); then echo "soak: ${MODULE}_up did not come back within 60 s" >&2; verdict=1; fi
echo "soak: $( ((verdict == 0)) && echo PASS || echo FAIL ): threads $T0 -> $T1, files $F0 -> $F1, RSS $R0 -> $R1 MiB"
exit "$verdict"
