# shellcheck shell=bash
# Helpers shared by the bench scripts: sourced, not run.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_http() {
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "bench: $1 did not answer" >&2; return 1
}

# Everything a bench starts goes into pids; it is stopped on exit, and the whole run is bounded in time.
pids=()
WATCHDOG=
bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$WATCHDOG" ]; then pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}

# bench_limit SECONDS: stop the run after that long, whatever happens.
bench_limit() {
  trap bench_cleanup EXIT
  trap 'echo "bench: stopped" >&2; exit 1' TERM INT
  ( sleep "$1"; echo "bench: time limit reached" >&2; kill -TERM $$ ) &
  WATCHDOG=$!
}

# The JVM settings of the suite's container image (the Dockerfile's JAVA_OPTS), so that the figures are those of a
# deployment; a JAVA_OPTS in the environment wins.
image_java_opts() {
  sed -n 's/^ *JAVA_OPTS="\([^"]*\)".*/\1/p' Dockerfile | head -n 1
}

# image_env NAME: the value the Dockerfile's ENV gives NAME (e.g. MALLOC_ARENA_MAX), so that benches run as the image.
image_env() {
  sed -n "s/^ *$1=\\([^ \\\\]*\\).*/\\1/p" Dockerfile | head -n 1
}

# rss_mib PID: resident memory of a process in MiB.
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# The JVM settings of the suite's container image (the Dockerfile's JAVA_OPTS and MALLOC_ARENA_MAX), exported, so
# that the figures are a deployment's; JAVA_OPTS or MALLOC_ARENA_MAX in the environment win.
use_image_jvm_settings() {
  export JAVA_OPTS=${JAVA_OPTS:-$(image_java_opts)}
  [ -n "$JAVA_OPTS" ] || { echo "bench: no JAVA_OPTS in the Dockerfile" >&2; exit 1; }
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(image_env MALLOC_ARENA_MAX)}
}
