#!/usr/bin/env bash
# Runs our mysql-exporter and the Debian prometheus-mysqld-exporter against the same MySQL/MariaDB, one
# after the other in one run, and prints scrape latency (p50, p99) with 1 and 8 concurrent scrapers,
# scrapes/s, queries per scrape (server's Questions counter), RSS after warm-up, and ours/peer ratios.
#
#   bench/mysql/bench.sh [SECONDS_PER_PHASE]      (default 10; the whole run takes about 6x that)
#
# Server: MYSQL_ADDRESS (default 127.0.0.1:3306), user BENCH_MYSQL_USER (default root), password
# BENCH_MYSQL_PASSWORD (default empty). Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${1:-10}
ADDRESS=${MYSQL_ADDRESS:-127.0.0.1:3306}
USER_NAME=${BENCH_MYSQL_USER:-root}
PASSWORD=${BENCH_MYSQL_PASSWORD:-}
JAR=mysql-exporter/target/mysql-exporter.jar
PEER=${PEER_BINARY:-/usr/bin/prometheus-mysqld-exporter}

[ -x "$PEER" ] || { echo "bench: $PEER is not installed (apt-get install prometheus-mysqld-exporter)" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  echo "bench: building $JAR" >&2
  mvn -q -B package -DskipTests -pl mysql-exporter -am
fi

command -v mysql >/dev/null || { echo "bench: the mysql client is needed to read Questions" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings
# Bound the whole run whatever happens: 6 phases plus start-up and warm-up slack.
bench_limit $((SECONDS_PER_PHASE * 8 + 60))

OURS_PORT=$(free_port)
PEER_PORT=$(free_port)
# shellcheck disable=SC2086
MYSQLD_EXPORTER_PASSWORD="$PASSWORD" java $JAVA_OPTS -jar "$JAR" --mysqld.address="$ADDRESS" \
  --mysqld.username="$USER_NAME" --web.listen-address="127.0.0.1:$OURS_PORT" --log.level=warn &
pids+=($!); OURS_PID=$!
DATA_SOURCE_NAME="$USER_NAME:$PASSWORD@tcp($ADDRESS)/" "$PEER" --web.listen-address="127.0.0.1:$PEER_PORT" \
  --log.level=error &
pids+=($!); PEER_PID=$!
wait_http "http://127.0.0.1:$OURS_PORT/metrics"
wait_http "http://127.0.0.1:$PEER_PORT/metrics"

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), server $ADDRESS, ${SECONDS_PER_PHASE}s per phase, JAVA_OPTS=$JAVA_OPTS"
# In the background, so that the time limit's signal is handled at once rather than after java returns.
# The server's own Questions counter, read with the mysql client (the password through MYSQL_PWD, not argv).
export MYSQL_PWD="$PASSWORD"
COUNTER="mysql -N -B -h ${ADDRESS%:*} -P ${ADDRESS##*:} --protocol=tcp -u '$USER_NAME' \
  -e \"SHOW GLOBAL STATUS LIKE 'Questions'\" | awk '{print \$2}'"
java bench/ScrapeBench.java "$SECONDS_PER_PHASE" queries "$COUNTER" 0 \
  ours "http://127.0.0.1:$OURS_PORT/metrics" "$OURS_PID" \
  peer "http://127.0.0.1:$PEER_PORT/metrics" "$PEER_PID" &
pids+=($!)
wait $!
