#!/usr/bin/env bash
# Builds one exporter's runnable jar (if it is missing or older than the sources) and starts it.
#   scripts/run.sh mysql-exporter --mysqld.address=127.0.0.1:3306 --mysqld.username=root
#   scripts/run.sh redis-exporter --redis.addr=redis://127.0.0.1:6379
#   scripts/run.sh kafka-exporter --kafka.server=127.0.0.1:9092
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: scripts/run.sh <module> [flags...]  (modules: mysql-exporter, redis-exporter, oracle-exporter, kafka-exporter)}
shift
if [ ! -f "$module/pom.xml" ]; then
  echo "run.sh: no module '$module'; try mysql-exporter, redis-exporter, oracle-exporter or kafka-exporter" >&2
  exit 2
fi
jar="$module/target/$module.jar"
if [ ! -f "$jar" ] || [ -n "$(find exporter-core/src "$module/src" -newer "$jar" -type f -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests -pl "$module" -am package
fi
exec java ${JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m} -jar "$jar" "$@"
