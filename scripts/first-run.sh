#!/usr/bin/env bash
# The whole suite on this machine, without Docker: brings up what is missing (the Debian MariaDB and Redis, a
# Kafka broker, a Prometheus), starts mysql-, redis- and kafka-exporter against them with the example team
# metrics files of configs/, waits until Prometheus scrapes all three, prints the URLs to open, and stops
# everything it started on Ctrl-C. The compose stack (docs/deployment.md) stays the way to run it for real.
#
#   scripts/first-run.sh            run until Ctrl-C
#   scripts/first-run.sh --smoke    stop as soon as everything is up (exit 0), or say what is not (exit 1)
#
# MariaDB is read as root with the empty password of a fresh Debian install; the Kafka broker is the KRaft test
# broker of kafka-exporter's tests (a stand-in, its data deleted when it stops); there is no Oracle here.
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

work=$(mktemp -d "${TMPDIR:-/tmp}/exporter-suite-first-run.XXXXXX")
pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
trap 'echo; echo "first-run: stopping what it started"; exit 0' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The peer's port when it is free, else any free one: the machine may already run the Go exporters.
pick_port() {
  if ! port_open "$1"; then echo "$1"; return; fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_http() { # url seconds name logfile
  for _ in $(seq 1 $(($2 * 4))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "first-run: $3 did not answer at $1; its log ($4):" >&2
  tail -n 20 "$4" >&2
  return 1
}

echo "first-run: local services (MariaDB, Redis, Prometheus) ..."
scripts/services.sh

modules=(mysql-exporter redis-exporter kafka-exporter)
stale=false
for m in "${modules[@]}"; do
  jar="$m/target/$m.jar"
  if [ ! -f "$jar" ] || [ ! -d "$m/target/test-classes" ] \
      || [ -n "$(find exporter-core/src "$m/src" -newer "$jar" -type f -print -quit)" ]; then stale=true; fi
done
if $stale; then
  echo "first-run: building the exporters (mvn package, tests skipped) ..."
  mvn -B -q -ntp -DskipTests -pl mysql-exporter,redis-exporter,kafka-exporter -am package >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; exit 1; }
fi

echo "first-run: Kafka (a single KRaft broker in its own JVM) ..."
cp_file=kafka-exporter/target/first-run.classpath
if [ ! -f "$cp_file" ] || [ kafka-exporter/pom.xml -nt "$cp_file" ]; then
  mvn -B -q -ntp -pl kafka-exporter dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$cp_file" >"$work/classpath.log" 2>&1 || { tail -n 40 "$work/classpath.log" >&2; exit 1; }
fi
java -XX:+UseSerialGC -Xmx512m -cp "kafka-exporter/target/test-classes:kafka-exporter/target/classes:$(cat "$cp_file")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.exportersuite.kafka.DemoKafka >"$work/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  grep -q '^bootstrap=' "$work/kafka.log" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "first-run: the Kafka broker stopped:" >&2; tail -n 20 "$work/kafka.log" >&2; exit 1; }
  sleep 0.25
done
bootstrap=$(sed -n 's/^bootstrap=//p' "$work/kafka.log" | head -n1)
[ -n "$bootstrap" ] || { echo "first-run: the Kafka broker did not start within 60s" >&2; exit 1; }

java_opts=${JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m}
mysql_port=$(pick_port 9104)
redis_port=$(pick_port 9121)
kafka_port=$(pick_port 9308)
prom_port=$(pick_port 9090)
echo "first-run: the exporters ..."
# shellcheck disable=SC2086
java $java_opts -jar mysql-exporter/target/mysql-exporter.jar --web.listen-address="127.0.0.1:$mysql_port" \
  --mysqld.address=127.0.0.1:3306 --mysqld.username=root \
  --custom.metrics=configs/mysql-exporter/metrics.yaml >"$work/mysql-exporter.log" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
java $java_opts -jar redis-exporter/target/redis-exporter.jar --web.listen-address="127.0.0.1:$redis_port" \
  --redis.addr=redis://127.0.0.1:6379 \
  --custom.metrics=configs/redis-exporter/metrics.yaml >"$work/redis-exporter.log" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
java $java_opts -jar kafka-exporter/target/kafka-exporter.jar --web.listen-address="127.0.0.1:$kafka_port" \
  --kafka.server="$bootstrap" \
  --custom.metrics=configs/kafka-exporter/metrics.yaml >"$work/kafka-exporter.log" 2>&1 &
pids+=($!)

cat >"$work/prometheus.yml" <<EOF
global: {scrape_interval: 5s, evaluation_interval: 5s}
scrape_configs:
  - job_name: mysql
    static_configs: [{targets: ['127.0.0.1:$mysql_port']}]
  - job_name: redis
    static_configs: [{targets: ['127.0.0.1:$redis_port']}]
  - job_name: kafka
    static_configs: [{targets: ['127.0.0.1:$kafka_port']}]
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prometheus-data" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 &
pids+=($!)

wait_http "http://127.0.0.1:$mysql_port/-/healthy" 60 mysql-exporter "$work/mysql-exporter.log"
wait_http "http://127.0.0.1:$redis_port/-/healthy" 60 redis-exporter "$work/redis-exporter.log"
wait_http "http://127.0.0.1:$kafka_port/-/healthy" 60 kafka-exporter "$work/kafka-exporter.log"
wait_http "http://127.0.0.1:$prom_port/-/ready" 60 prometheus "$work/prometheus.log"

# Up means Prometheus scraped the exporter and the exporter reached its datastore.
echo "first-run: waiting for Prometheus to scrape all three ..."
up_query="http://127.0.0.1:$prom_port/api/v1/query?query=count(up%3D%3D1)%20and%20count(mysql_up%3D%3D1)%20and%20count(redis_up%3D%3D1)%20and%20count(kafka_up%3D%3D1)"
ok=false
for _ in $(seq 1 60); do
  if curl -fsS "$up_query" 2>/dev/null | grep -q '"value":\[[0-9.]*,"3"\]'; then ok=true; break; fi
  sleep 1
done
if ! $ok; then
  echo "first-run: not everything is up after 60s; Prometheus's view: http://127.0.0.1:$prom_port/targets" >&2
  curl -fsS "http://127.0.0.1:$prom_port/api/v1/query?query=up" >&2 || true
  echo >&2
  exit 1
fi

cat <<EOF

The suite is running (logs in $work):

  mysql-exporter  http://127.0.0.1:$mysql_port/metrics   status: curl http://127.0.0.1:$mysql_port/
  redis-exporter  http://127.0.0.1:$redis_port/metrics   status: curl http://127.0.0.1:$redis_port/
  kafka-exporter  http://127.0.0.1:$kafka_port/metrics   status: curl http://127.0.0.1:$kafka_port/  (broker $bootstrap)
  prometheus      http://127.0.0.1:$prom_port/targets     try: kafka_consumergroup_lag, mysql_up, redis_memory_used_bytes

  oracle-exporter is not started: no Oracle runs here. With a database of yours:
    DATA_SOURCE_NAME='oracle://user:password@host:1521/service' scripts/run.sh oracle-exporter
  Grafana and the dashboards come with the compose stack (docs/deployment.md).
EOF
if $smoke; then
  echo "first-run: smoke run: all up, stopping"
  exit 0
fi
echo "Press Ctrl-C to stop everything this script started."
wait
