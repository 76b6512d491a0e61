#!/usr/bin/env bash
# The images' HEALTHCHECK: GET /-/healthy (never behind basic auth) over bash's /dev/tcp, as the
# runtime image has no curl. With TLS in the web config (HEALTHCHECK_TLS=true) a plain HTTP
# request cannot be made, so a completed TCP connect is the check.
set -eu
port=${PORT:?PORT is set in the image}
exec 3<>"/dev/tcp/127.0.0.1/$port"
if [ "${HEALTHCHECK_TLS:-false}" = true ]; then
  exit 0
fi
printf 'GET /-/healthy HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r status <&3
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "unhealthy: $status"; exit 1 ;;
esac
