#!/usr/bin/env bash
# One team request that yields 100,000 rows (bench/series/metrics.yaml) scraped from our mysql-exporter: the time
# of each of SCRAPES scrapes one after the other, the series count, and the exporter's resident memory before the
# first scrape, after the first and after the last (a scrape's rows are garbage once written, so the last figure
# should not grow with the number of scrapes).
#
#   bench/series/bench.sh [SCRAPES]      (default 5)
#
# Server: MYSQL_ADDRESS (default 127.0.0.1:3306), user BENCH_MYSQL_USER (default root), password
# BENCH_MYSQL_PASSWORD (default empty). The exporter runs with the image's JAVA_OPTS (the Dockerfile's) unless
# JAVA_OPTS is set. Prints "series:" lines that bench/run.sh reads.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRAPES=${1:-5}
ADDRESS=${MYSQL_ADDRESS:-127.0.0.1:3306}
USER_NAME=${BENCH_MYSQL_USER:-root}
PASSWORD=${BENCH_MYSQL_PASSWORD:-}
JAR=mysql-exporter/target/mysql-exporter.jar
# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings
[ -f "$JAR" ] || { echo "bench: build $JAR first (bench/run.sh does)" >&2; exit 1; }
bench_limit $((SCRAPES * 30 + 60))

PORT=$(free_port)
# shellcheck disable=SC2086
MYSQLD_EXPORTER_PASSWORD="$PASSWORD" java $JAVA_OPTS -jar "$JAR" --mysqld.address="$ADDRESS" \
  --mysqld.username="$USER_NAME" --web.listen-address="127.0.0.1:$PORT" --log.level=warn \
  --custom.metrics=bench/series/metrics.yaml &
pids+=($!); PID=$!
URL="http://127.0.0.1:$PORT/metrics"
wait_http "http://127.0.0.1:$PORT/"
echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), server $ADDRESS, JAVA_OPTS=$JAVA_OPTS"
RSS0=$(rss_mib "$PID")
BODY=$(mktemp)
TIMES=()
for i in $(seq 1 "$SCRAPES"); do
  T=$(curl -fsS -o "$BODY" -w '%{time_total}' "$URL")
  TIMES+=("$T")
  [ "$i" = 1 ] && RSS1=$(rss_mib "$PID")
done
RSSN=$(rss_mib "$PID")
SERIES=$(grep -c '^mysql_bench_shard_load_score{' "$BODY" || true)
BYTES=$(wc -c < "$BODY")
rm -f "$BODY"
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "series: scrapes ${TIMES[*]} s"
printf 'series: %d series, %d bytes, median %.3f s, RSS idle %.0f MiB, after 1 scrape %.0f MiB, after %d %.0f MiB, load %s\n' \
  "$SERIES" "$BYTES" "$MEDIAN" "$RSS0" "$RSS1" "$SCRAPES" "$RSSN" "$(cut -d' ' -f1 /proc/loadavg)"
