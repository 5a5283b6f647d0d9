#!/usr/bin/env bash
# Scrapes our kafka-exporter on a cluster where kafka_exporter times out: a KRaft cluster in one JVM (Kafka's test
# kit, loopback ports) with 3 brokers, 300 topics x 10 partitions (3,000), 20 records in each, and 100 consumer groups
# that committed offsets on 30 topics each (30,000 offsets, half of them behind). Prints, for the default metrics and
# for --lag.seconds: the median (and min, max) of 5 scrapes of /metrics, the requests the brokers received per scrape
# by API (their own request meters), the bytes they sent to consumers per scrape, the series count and the
# exporter's resident memory (and --lag.seconds once more with a 256 MB heap, as the README advises for it); then the
# lines kafka-exporter/README.md quotes.
#
#   bench/kafka/bench.sh [BROKERS] [TOPICS] [PARTITIONS_PER_TOPIC] [GROUPS] [TOPICS_PER_GROUP]   (default 3 300 10 100 30)
#
# The exporter runs with the image's JAVA_OPTS (the Dockerfile's) unless JAVA_OPTS is set. Only Maven Central is
# needed: the test classpath comes from the dependency plugin. Takes about 2-3 minutes; bounded to 15.
set -euo pipefail
cd "$(dirname "$0")/../.."
BROKERS=${1:-3}
TOPICS=${2:-300}
PARTITIONS=${3:-10}
GROUPS_N=${4:-100}
TOPICS_PER_GROUP=${5:-30}
JAR=kafka-exporter/target/kafka-exporter.jar
# shellcheck source=bench/lib.sh
. bench/lib.sh
use_image_jvm_settings
bench_limit 900

# The exporter jar, the test classes (KafkaBench, the broker's request meters) and the test classpath, built
# through the reactor so that exporter-core is this checkout's.
echo "bench: building $JAR and the test classpath" >&2
mvn -B -ntp -q -pl exporter-core,kafka-exporter -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
CP="kafka-exporter/target/test-classes:kafka-exporter/target/classes:$(cat kafka-exporter/target/bench.classpath)"

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS"
echo "peer: danielqsj/kafka_exporter is not installable here (no Debian package, no Go module proxy reachable);" \
  "only our figures are reported"
OUT=$(mktemp)
# In the background, so that the time limit's signal is handled at once rather than after java returns.
java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" dev.exportersuite.kafka.KafkaBench \
  "$JAR" "$JAVA_OPTS" "$BROKERS" "$TOPICS" "$PARTITIONS" "$GROUPS_N" "$TOPICS_PER_GROUP" > "$OUT" &
pids+=($!)
wait $!
# The Kafka test kit prints its formatting steps on standard output.
grep -v -e '^Bootstrap metadata' -e '^Formatting ' "$OUT"
echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The README line: default metrics, then --lag.seconds.
awk -v date="$(date -u +%F)" -v cores="$(nproc)" '
  /^setup:/ { sub(/^setup: /, ""); setup = $0 }
  $1 == "default" || $1 == "lag.seconds" || $1 == "lag.256m" { med[$1] = $2; cpu[$1] = $5; req[$1] = $6; kib[$1] = $7; series[$1] = $8; rss[$1] = $9 }
  END {
    printf "README: %s, %s cores, bench/kafka/bench.sh (%s): scrape median %.2f s (CPU %.2f s), %.0f requests per scrape, %d series, RSS %.0f MiB; with --lag.seconds: %.2f s (CPU %.2f s), %.0f requests, %.0f KiB fetched per scrape, %d series, RSS %.0f MiB\n",
      date, cores, setup, med["default"], cpu["default"], req["default"], series["default"], rss["default"],
      med["lag.seconds"], cpu["lag.seconds"], req["lag.seconds"], kib["lag.seconds"], series["lag.seconds"], rss["lag.seconds"]
    if ("lag.256m" in med) printf "README: with --lag.seconds and -Xmx256m: %.2f s (CPU %.2f s), RSS %.0f MiB\n", med["lag.256m"], cpu["lag.256m"], rss["lag.256m"]
    printf "goal (under 1 s per scrape on this machine, default metrics): %s\n", med["default"] < 1 ? "met" : "missed"
  }' "$OUT"
rm -f "$OUT"
