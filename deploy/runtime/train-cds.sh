#!/usr/bin/env bash
# Builds an application class-data sharing archive for one exporter: runs it once on a loopback
# port, sends it the requests it serves (/metrics in each format, /, the health endpoints, /probe),
# stops it, and dumps the classes it loaded into a static archive. Started with
# -XX:SharedArchiveFile=ARCHIVE, the exporter maps those classes ready-parsed instead of parsing
# them into private memory: 2-4 MiB less RSS and a faster start (measured in the README).
# The archive is valid only for this java and this jar (path, size and time): the image trains
# it where it runs it, and the benches train it as the image does.
# Usage: train-cds.sh JAVA JAR ARCHIVE EXPORTER [FAKE_CLOUDFLARE_CLASSPATH]
#   EXPORTER: postgres, redis, cloudflare or scraper. Backends are not needed: postgres and redis
#   are trained against a closed port (their failure path); cloudflare against the fake API when
#   its classpath (the test classes and the jar) is given, else against a closed port.
# JVM flags: JAVA_OPTS, else the file JVM_OPTIONS (default: jvm.options beside the jar's module).
set -euo pipefail
java=$1 jar=$2 archive=$3 exporter=$4 fake_cp=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
opts=${JAVA_OPTS:-$(cat "${JVM_OPTIONS:-$here/../../jvm.options}")}
work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
port=$(free_port)
closed=1  # nothing listens on port 1: the backend is down, as the failure path needs

# GET over bash's /dev/tcp (the runtime image has no curl); the answer is read and dropped.
get() { # path [accept] [accept-encoding]
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: %s\r\nAccept-Encoding: %s\r\n\r\n' \
    "$1" "${2:-*/*}" "${3:-identity}" >&3
  cat <&3 >/dev/null || true
  exec 3<&-
}

envs=() args=(--web.listen-address="127.0.0.1:$port")
case "$exporter" in
  postgres) envs+=(DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$closed/postgres?sslmode=disable") ;;
  redis) args+=(--redis.addr="redis://127.0.0.1:$closed") ;;
  cloudflare)
    api=$closed
    if [ -n "$fake_cp" ]; then
      api=$(free_port)
      "$java" -cp "$fake_cp" io.exporters.cloudflare.fake.FakeCloudflareMain "$api" 20 5 train-token \
        >"$work/fake.log" 2>&1 &
      pids+=($!)
      for _ in $(seq 1 100); do grep -q "fake Cloudflare API at" "$work/fake.log" && break; sleep 0.1; done
    fi
    envs+=(CF_API_TOKEN=train-token CF_API_BASE_URL="http://127.0.0.1:$api/client/v4") ;;
  scraper) envs+=(SCRAPER_TARGETS="http://127.0.0.1:$port/-/healthy,http://127.0.0.1:$closed/") ;;
  *) echo "train-cds.sh: unknown exporter '$exporter'" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086
env "${envs[@]}" "$java" $opts -XX:DumpLoadedClassList="$work/classes.lst" -jar "$jar" "${args[@]}" \
  >"$work/exporter.log" 2>&1 &
pid=$!
pids+=($pid)
for _ in $(seq 1 200); do get /-/ready 2>/dev/null && break; sleep 0.1; done
# Cloudflare's first poll runs in the background: its classes are loaded once it is done.
[ "$exporter" = cloudflare ] && sleep 3
for _ in $(seq 1 20); do get /metrics; done
get /metrics 'application/openmetrics-text; version=1.0.0'
get /metrics '*/*' gzip
get / ; get /-/healthy ; get /-/ready ; get /nonexistent
if [ "$exporter" = scraper ]; then
  for module in http_2xx health tcp_connect; do
    target="http://127.0.0.1:$port/-/healthy"
    [ "$module" = tcp_connect ] && target="127.0.0.1:$port"
    get "/probe?module=$module&target=$target"
    get "/probe?module=$module&target=$target&debug=true"
  done
else
  get "/probe?target=127.0.0.1:$closed"
fi
kill "$pid"
wait "$pid" || true

# shellcheck disable=SC2086
"$java" $opts -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" \
  -XX:SharedArchiveFile="$archive" -cp "$jar" -Xlog:cds=off -Xlog:cds+dynamic=off \
  >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
echo "archive: $archive ($(wc -l <"$work/classes.lst") classes listed, $(du -k "$archive" | cut -f1) KiB)"
