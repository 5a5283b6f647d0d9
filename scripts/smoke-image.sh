#!/usr/bin/env bash
# Runs one exporter image with podman against the local MariaDB/Redis and scrapes it, printing the commands and
# what they answered. Used by scripts/build-images.sh after a build; can be run alone:
#
#   scripts/smoke-image.sh mysql-exporter      # or redis-exporter, oracle-exporter, kafka-exporter;
#                                              # image localhost/exporter-suite/<module>:latest
#
# oracle-exporter: DATA_SOURCE_NAME names the database (default: 127.0.0.1:1521/FREEPDB1). Without an Oracle there
# the run checks that the image starts, answers and reports oracledb_up 0; set EXPECT_UP=1 when a database answers.
# kafka-exporter: KAFKA_SERVER names a broker (default: 127.0.0.1:9092). No broker runs on the build machine (the
# tests run theirs in-process), so the run expects kafka_up 0 unless EXPECT_UP=1.
#
# The container shares the host network (the databases listen on loopback only) and listens on a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
module=${1:-mysql-exporter}
image=${IMAGE:-${EXPORTER_IMAGE_REPO:-localhost/exporter-suite}/$module:latest}
STORAGE_DRIVER=${STORAGE_DRIVER:-vfs}
RUNTIME=${CONTAINER_RUNTIME:-runc}
CGROUP_MANAGER=${CGROUP_MANAGER:-cgroupfs}
MYSQL_ADDRESS=${MYSQL_ADDRESS:-127.0.0.1:3306}
MYSQL_USER=${MYSQL_USER:-root}
REDIS_ADDR=${REDIS_ADDR:-redis://127.0.0.1:6379}
export DATA_SOURCE_NAME=${DATA_SOURCE_NAME:-oracle://exporter:exporter@127.0.0.1:1521/FREEPDB1}
KAFKA_SERVER=${KAFKA_SERVER:-127.0.0.1:9092}

PODMAN=(podman --storage-driver "$STORAGE_DRIVER" --runtime "$RUNTIME" --cgroup-manager "$CGROUP_MANAGER")
pod() { "${PODMAN[@]}" "$@"; }
show() { printf '\n$ %s\n' "$*"; "$@"; }
# Without systemd podman cannot schedule the image's HEALTHCHECK timer and says so ("unable to get systemd
# connection"); the check itself is run by hand below with `podman healthcheck run`.

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
name="exporter-suite-smoke-$module-$$"
case "$module" in
  mysql-exporter) ns=mysql; expect_up=${EXPECT_UP:-1}; env=()
    args=(--mysqld.address="$MYSQL_ADDRESS" --mysqld.username="$MYSQL_USER") ;;
  redis-exporter) ns=redis; expect_up=${EXPECT_UP:-1}; env=(); args=(--redis.addr="$REDIS_ADDR") ;;
  # The DSN goes in through the environment, as in compose, so that the password is not on the command line.
  oracle-exporter) ns=oracledb; expect_up=${EXPECT_UP:-0}; env=(-e DATA_SOURCE_NAME); args=() ;;
  # kafka_exporter's flag, as the compose service passes it
  kafka-exporter) ns=kafka; expect_up=${EXPECT_UP:-0}; env=(); args=(--kafka.server="$KAFKA_SERVER") ;;
  *) echo "smoke-image: no smoke settings for $module" >&2; exit 2 ;;
esac

cleanup() { pod rm -f -t 5 "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

show "${PODMAN[@]}" run -d --name "$name" --network host \
  --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 \
  -v "$ROOT/configs/$module:/etc/$module:ro" \
  -e EXPORTER_PORT="$port" ${MYSQLD_EXPORTER_PASSWORD:+-e MYSQLD_EXPORTER_PASSWORD="$MYSQLD_EXPORTER_PASSWORD"} \
  "${env[@]}" \
  "$image" --web.listen-address="127.0.0.1:$port" --custom.metrics="/etc/$module/metrics.yaml" "${args[@]}"

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/-/healthy" >/dev/null 2>&1 && break
  sleep 0.5
done

show "${PODMAN[@]}" ps --filter "name=$name" --format '{{.Names}}  {{.Image}}  {{.Status}}'
show curl -sS -i "http://127.0.0.1:$port/-/healthy"
printf '\n$ curl -sS http://127.0.0.1:%s/metrics | grep -E "^%s_(up|exporter_scrapes_total|exporter_last_scrape_error) |^%s_(global_status_uptime|uptime_in_seconds|connected_clients|global_status_threads_connected|brokers) "\n' \
  "$port" "$ns" "$ns"
metrics=$(curl -sS "http://127.0.0.1:$port/metrics")
echo "$metrics" | grep -E "^${ns}_(up|exporter_scrapes_total|exporter_last_scrape_error) |^${ns}_(global_status_uptime|uptime_in_seconds|connected_clients|global_status_threads_connected|brokers) " || true
printf '\n(%s metric families in total)\n' "$(echo "$metrics" | grep -c '^# TYPE ' || true)"
show "${PODMAN[@]}" healthcheck run "$name" && echo "healthcheck: healthy"
show "${PODMAN[@]}" exec "$name" id
show "${PODMAN[@]}" image inspect --format '{{json .Labels}}' "$image"
for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:$port/metrics"; done
pid=$(pod inspect --format '{{.State.Pid}}' "$name")
printf '\nresident memory of the exporter after 21 scrapes: %s MiB\n' "$(( $(ps -o rss= -p "$pid") / 1024 ))"
printf '\n$ podman logs %s\n' "$name"
pod logs "$name" 2>&1 | tail -n 5

echo "$metrics" | grep -qE "^${ns}_up ${expect_up}" || { echo "smoke-image: ${ns}_up is not ${expect_up}" >&2; exit 1; }
echo
echo "smoke-image: $image OK"
