#!/usr/bin/env bash
# Every module's bench in one run, each with the container image's JVM settings (the Dockerfile's JAVA_OPTS and
# MALLOC_ARENA_MAX, read from it here; JAVA_OPTS / MALLOC_ARENA_MAX in the environment win):
#
#   redis   bench/redis/bench.sh   ours vs the Debian prometheus-redis-exporter on one private redis-server
#   mysql   bench/mysql/bench.sh   ours vs the Debian prometheus-mysqld-exporter on the same MariaDB/MySQL
#   series  bench/series/bench.sh  one team request of 100,000 rows (time per scrape, memory across scrapes)
#   kafka   bench/kafka/bench.sh   ours alone (kafka_exporter does not install here); KAFKA_ARGS sizes it
#
#   bench/run.sh [SECONDS_PER_PHASE]     (default 10; BENCH_MODULES="redis mysql series kafka" picks modules)
#
# Prints each bench's own output, then one table of the peers' figures, ours and the ratios (ours / peer), with
# the load average of the machine before each bench, and "README:" lines to quote. The peers and this exporter
# are measured one after the other in the same run, by the same load generator (bench/ScrapeBench.java). Not part
# of any test suite: it needs idle cores to mean anything. Run it with nice on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-10}
MODULES=${BENCH_MODULES:-redis mysql series kafka}
# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings

echo "bench: building the exporters" >&2
mvn -B -ntp -q -pl exporter-core,redis-exporter,mysql-exporter,kafka-exporter -DskipTests package >&2

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for m in $MODULES; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "== $m (load $load)"
  case $m in
    redis|mysql) bench/$m/bench.sh "$SECONDS_PER_PHASE" | tee "$OUT/$m" ;;
    series) bench/series/bench.sh | tee "$OUT/$m" ;;
    # shellcheck disable=SC2086
    kafka) bench/kafka/bench.sh ${KAFKA_ARGS:-} | tee "$OUT/$m" ;;
    *) echo "bench: unknown module $m (redis, mysql, series, kafka)" >&2; exit 2 ;;
  esac
  echo "$load" > "$OUT/$m.load"
done

echo
echo "== summary $(date -u +%FT%TZ), $(nproc) cores, JAVA_OPTS=$JAVA_OPTS MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
printf '%-7s %-5s %11s %11s %12s %9s %14s %14s %6s\n' module who "scr/s 1x" "scr/s 8x" "reqs/scrape" "RSS MiB" \
  "cpu ms/scr 1x" "cpu ms/scr 8x" load
readme="README: $(date -u +%F), $(nproc) cores, bench/run.sh $SECONDS_PER_PHASE:"
for m in redis mysql; do
  [ -f "$OUT/$m" ] || continue
  load=$(cat "$OUT/$m.load")
  # ScrapeBench's rows: name p50 p99 rate1 p50 p99 rate8 requests rss cpu-ms-per-scrape-1x cpu-ms-per-scrape-8x
  awk -v m="$m" -v ld="$load" '
    $1 == "peer" || $1 == "ours" { printf "%-7s %-5s %11.1f %11.1f %12.1f %9.1f %14.2f %14.2f %6s\n", m, $1, $4, $7, $8,
      $9, $10, $11, ld }
    $1 == "ratio" { printf "%-7s %-5s %10.2fx %10.2fx %11.2fx %8.2fx %13.2fx %13.2fx\n", m, "ratio", $4, $7, $8, $9,
      $10, $11 }' "$OUT/$m"
  part=$(awk -v m="$m" '
    $1 == "ours" { rss = $9 } $1 == "peer" { prss = $9 }
    $1 == "ratio" { r1 = $4; r8 = $7; rq = $8; rr = $9 }
    END { printf " %s %.2fx/%.2fx the peer'"'"'s scrapes/s (1/8 scrapers), %.2fx its requests, RSS %.1fx (%.0f vs %.0f MiB)", m, r1, r8, rq, rr, rss, prss }' "$OUT/$m")
  readme="$readme$part (load $load);"
done
if [ -f "$OUT/series" ]; then
  line=$(sed -n 's/^series: \([0-9]* series,\)/\1/p' "$OUT/series" | tail -n 1)
  printf '%-7s %s\n' series "$line"
  readme="$readme 100k series: $(echo "$line" | sed 's/, load.*//');"
fi
if [ -f "$OUT/kafka" ]; then
  line=$(sed -n 's/^README: [^:]*: //p' "$OUT/kafka" | head -n 1)
  printf '%-7s %s\n' kafka "$line"
  readme="$readme kafka: $(echo "$line" | cut -d';' -f1)"
fi
echo "$readme"
