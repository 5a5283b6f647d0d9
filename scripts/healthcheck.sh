#!/usr/bin/env bash
# The image's HEALTHCHECK: is the exporter's port answering? bash's /dev/tcp keeps curl out of the image.
#   exit 0: /-/healthy said 200; or 401 (basic auth from --web.config.file: the server answered); or the
#           connection was accepted and closed without an HTTP answer, which is how a TLS port (tls_server_config)
#           answers plain HTTP.
#   exit 1: nothing listens on the port, any other status, or no answer within 4 s (a hung process).
# EXPORTER_PORT must follow a changed --web.listen-address port.
port="${EXPORTER_PORT:?EXPORTER_PORT is not set}"
# A TLS port may hang up before the request is written: a failed write, not a SIGPIPE ending the check (141).
trap '' PIPE
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET /-/healthy HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 2>/dev/null
status=""
read -t 4 -r status <&3 2>/dev/null
rc=$?
if (( rc > 128 )); then
  exit 1
fi
case "$status" in
  "") exit 0 ;;
  HTTP/1.?" 200 "* | HTTP/1.?" 401 "*) exit 0 ;;
  *) exit 1 ;;
esac
