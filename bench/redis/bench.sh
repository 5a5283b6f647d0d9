#!/usr/bin/env bash
# Runs our redis-exporter and the Debian prometheus-redis-exporter against the same Redis, one after the
# other in one run, and prints scrape latency (p50, p99) with 1 and 8 concurrent scrapers, scrapes/s,
# commands per scrape (the server's total_commands_processed), RSS after warm-up, and ours/peer ratios.
#
#   bench/redis/bench.sh [SECONDS_PER_PHASE]      (default 10; the whole run takes about 3x + 30s that)
#
# Server: REDIS_ADDR if set; otherwise a private redis-server on a free port (no persistence, 1000 keys in
# db0), so that no other client moves total_commands_processed during the count. Everything started here is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${1:-10}
ADDR=${REDIS_ADDR:-}
JAR=redis-exporter/target/redis-exporter.jar
PEER=${PEER_BINARY:-/usr/bin/prometheus-redis-exporter}

[ -x "$PEER" ] || { echo "bench: $PEER is not installed (apt-get install prometheus-redis-exporter)" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  echo "bench: building $JAR" >&2
  mvn -q -B package -DskipTests -pl redis-exporter -am
fi

# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings
# Bound the whole run whatever happens: 2 exporters x (warm-up + counting + 2 phases) plus start-up slack.
bench_limit $((SECONDS_PER_PHASE * 8 + 60))

if [ -z "$ADDR" ]; then
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --loglevel warning >/dev/null &
  pids+=($!)
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$REDIS_PORT" eval "for i=1,1000 do redis.call('SET','bench:'..i,i) end" 0 >/dev/null
  ADDR="redis://127.0.0.1:$REDIS_PORT"
fi

OURS_PORT=$(free_port)
PEER_PORT=$(free_port)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --redis.addr="$ADDR" --web.listen-address="127.0.0.1:$OURS_PORT" --log.level=warn &
pids+=($!); OURS_PID=$!
"$PEER" --redis.addr="$ADDR" --web.listen-address="127.0.0.1:$PEER_PORT" >/dev/null 2>&1 &
pids+=($!); PEER_PID=$!
wait_http "http://127.0.0.1:$OURS_PORT/metrics"
wait_http "http://127.0.0.1:$PEER_PORT/metrics"

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), server $ADDR, ${SECONDS_PER_PHASE}s per phase, JAVA_OPTS=$JAVA_OPTS"
# Redis's own total_commands_processed, counted over scrapes sent one after the other.
COUNTER="redis-cli -u '$ADDR' INFO stats | tr -d '\\r' | awk -F: '/^total_commands_processed:/{print \$2}'"
java bench/ScrapeBench.java "$SECONDS_PER_PHASE" commands "$COUNTER" 0 \
  ours "http://127.0.0.1:$OURS_PORT/metrics" "$OURS_PID" \
  peer "http://127.0.0.1:$PEER_PORT/metrics" "$PEER_PID"
