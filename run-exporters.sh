#!/usr/bin/env bash
# Builds the exporters and starts all four with working defaults against the local PostgreSQL and
# Redis (installed and started by .ci/backends when needed). Prints each URL; Ctrl-C stops them all.
# Logs go to run/<exporter>.log. Set JAVA_OPTS to override the JVM flags.
set -euo pipefail
cd "$(dirname "$0")"

.ci/backends
mvn -B -q -DskipTests package
mkdir -p run

JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# glibc gives each thread its own malloc arena otherwise: megabytes of RSS for nothing.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

start() { # name port env... -- args...
  local name=$1 port=$2; shift 2
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  # shellcheck disable=SC2086
  env "${envs[@]}" java $JAVA_OPTS -jar "exporter-$name/target/exporter-$name.jar" \
    --web.listen-address=":$port" "$@" >"run/$name.log" 2>&1 &
  pids+=($!)
}

start postgres 9187 DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable" --
start redis 9121 REDIS_ADDR="redis://127.0.0.1:6379" --
start cloudflare 9199 --
start scraper 9115 SCRAPER_TARGETS="http://127.0.0.1:9187/-/healthy,http://127.0.0.1:9121/-/healthy,http://127.0.0.1:9199/-/healthy" --

for port in 9187 9121 9199 9115; do
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
for entry in postgres:9187 redis:9121 cloudflare:9199 scraper:9115; do
  name=${entry%%:*}; port=${entry##*:}
  if curl -fs "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
    echo "exporter-$name: http://127.0.0.1:$port/metrics  (log: run/$name.log)"
  else
    echo "exporter-$name: did not start; see run/$name.log" >&2
  fi
done
echo "Probe example: http://127.0.0.1:9115/probe?target=http://127.0.0.1:9187/-/healthy"
echo "Ctrl-C stops them."
wait
