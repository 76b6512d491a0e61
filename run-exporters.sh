#!/usr/bin/env bash
# Builds the exporters and starts all four with working defaults and the config files the compose
# stack uses (deploy/config). PostgreSQL and Redis: the local ones where they answer (127.0.0.1,
# ports PG_PORT=5432 and REDIS_PORT=6379, PostgreSQL with a password-less login as postgres);
# otherwise private throwaway servers under run/ on those ports, said so and stopped on exit.
# Nothing on the host is reconfigured. Prints each URL; Ctrl-C stops everything. Logs go to
# run/<name>.log. JAVA_OPTS replaces the flags of jvm.options; SKIP_BUILD=1 uses the jars built.
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
pg_port=${PG_PORT:-5432}
redis_port=${REDIS_PORT:-6379}

[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q -DskipTests package
mkdir -p run

JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# glibc gives each thread its own malloc arena otherwise: megabytes of RSS for nothing.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
pids=()
private_pg=""
stop() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -n "$private_pg" ]; then
    "${as_postgres[@]}" "$private_pg/pg_ctl" -D "$here/run/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: a private server then runs as the postgres user.
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)

pg_answers() {
  command -v psql >/dev/null && psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atqc 'select 1' \
    >/dev/null 2>&1
}
if pg_answers; then
  echo "PostgreSQL: using the server on 127.0.0.1:$pg_port"
else
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "No PostgreSQL answers on 127.0.0.1:$pg_port and none is installed to start one" \
      "(Debian: apt-get install postgresql)." >&2
    exit 1
  fi
  rm -rf run/pg && mkdir -p run/pg
  [ ${#as_postgres[@]} -gt 0 ] && chown postgres run/pg
  "${as_postgres[@]}" "$bin/initdb" -D "$here/run/pg/data" -A trust -U postgres >run/pg/initdb.log
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$here/run/pg/data" -l "$here/run/pg/server.log" -w \
    -o "-p $pg_port -k $here/run/pg -c listen_addresses=127.0.0.1" start >/dev/null
  private_pg=$bin
  # The demo role and schema of the compose stack, with its monitor password.
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -v monitor_password="$(cat deploy/secrets/postgres_monitor_password)" \
    -f deploy/demo/postgres/init.sql >/dev/null
  echo "PostgreSQL: none answered on 127.0.0.1:$pg_port; started a private one there" \
    "(data in run/pg, removed on the next start, stopped on exit)"
fi

if [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ]; then
  echo "Redis: using the server on 127.0.0.1:$redis_port"
else
  if ! command -v redis-server >/dev/null; then
    echo "No Redis answers on 127.0.0.1:$redis_port and none is installed to start one" \
      "(Debian: apt-get install redis-server)." >&2
    exit 1
  fi
  rm -rf run/redis && mkdir -p run/redis
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$here/run/redis" --daemonize no >run/redis/server.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 50); do
    [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
  echo "Redis: none answered on 127.0.0.1:$redis_port; started a private one there (stopped on exit)"
fi

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

start postgres 9187 DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable" \
  -- --config.file=deploy/config/postgres_exporter.yml
start redis 9121 REDIS_ADDR="redis://127.0.0.1:$redis_port" --
start cloudflare 9199 --
# The compose stack's modules; its static targets (the demo service) replaced by the exporters'
# own health endpoints.
start scraper 9115 SCRAPER_TARGETS="http://127.0.0.1:9187/-/healthy,http://127.0.0.1:9121/-/healthy,http://127.0.0.1:9199/-/healthy" \
  -- --config.file=deploy/config/scraper.yml

ready() { curl -fs "http://127.0.0.1:$1/-/ready" >/dev/null 2>&1; }
for port in 9187 9121 9199 9115; do
  for _ in $(seq 1 60); do ready "$port" && break; sleep 0.5; done
done
for entry in postgres:9187 redis:9121 cloudflare:9199 scraper:9115; do
  name=${entry%%:*}; port=${entry##*:}
  if ready "$port"; then
    echo "exporter-$name: http://127.0.0.1:$port/metrics  (log: run/$name.log)"
  else
    echo "exporter-$name: did not start; see run/$name.log" >&2
  fi
done
echo "Probe example: http://127.0.0.1:9115/probe?target=http://127.0.0.1:9187/-/healthy"
echo "Ctrl-C stops them."
wait
