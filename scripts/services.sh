#!/usr/bin/env bash
# Starts the local services the tests use (MariaDB, PostgreSQL, Redis) when they are down, and installs the
# Debian packages the tests call (promtool and the prometheus server, the Go peer exporters, docker-compose
# to validate the compose file). Safe to run again: it only acts on what is
# missing. Uses the machine's own apt and service configuration; no host names are written here.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 name=$2
  for _ in $(seq 1 60); do
    port_open "$port" && return 0
    sleep 0.5
  done
  echo "services: $name did not open port $port" >&2
  return 1
}

if ! port_open 3306; then
  echo "services: starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_port 3306 MariaDB
fi

if ! port_open 5432; then
  echo "services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  wait_port 5432 PostgreSQL
fi

if ! port_open 6379; then
  echo "services: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_port 6379 Redis
fi

missing=()
command -v promtool >/dev/null || missing+=(prometheus)
command -v prometheus-mysqld-exporter >/dev/null || missing+=(prometheus-mysqld-exporter)
command -v prometheus-redis-exporter >/dev/null || missing+=(prometheus-redis-exporter)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  echo "services: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
true
