#!/usr/bin/env bash
# End-to-end benchmark: exporter-postgres beside Debian's prometheus-postgres-exporter 0.11.1 (the
# anchor) on one database with 1,000 tables, all in one run. Records scrape latency (p50/p99),
# backend transactions per scrape and RSS of each; then the per-table workload (ours by default,
# the anchor given the per-table queries of its own examples/queries.yaml) with 10 concurrent
# scrapers. Usage: bench/postgres-e2e.sh [scrapes] [concurrent seconds]
# Needs: a built jar (mvn -DskipTests package), PostgreSQL on 127.0.0.1:5432 (trust), wrk,
# apt-get install prometheus-postgres-exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
CONCURRENT_SECONDS=${2:-20}
WARMUP=50
DB=bench_$RANDOM$RANDOM
PSQL="psql -h 127.0.0.1 -U postgres -qAt"
JAR=exporter-postgres/target/exporter-postgres.jar
ANCHOR=$(command -v prometheus-postgres-exporter || true)
EXAMPLES=/usr/share/doc/prometheus-postgres-exporter/examples/queries.yaml
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
[ -n "$ANCHOR" ] || { echo "install the anchor: apt-get install prometheus-postgres-exporter" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# shellcheck source=bench/shipped-jvm.sh
. bench/shipped-jvm.sh
shipped_jvm postgres "$JAR"
# glibc gives each thread its own malloc arena otherwise: megabytes of RSS for nothing.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; }
trap cleanup EXIT

for port in 19187 19188 19189 19190 19192; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use (an earlier run?): stop that process first" >&2; exit 1
  fi
done
$PSQL -d postgres -c "CREATE DATABASE $DB"
$PSQL -d "$DB" -c "DO \$\$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE t_%s (id int primary key, v text)', i); EXECUTE format('INSERT INTO t_%s SELECT g, ''x'' FROM generate_series(1, 20) g', i); END LOOP; END \$\$"
$PSQL -d "$DB" -c "VACUUM ANALYZE"
DSN="postgresql://postgres@127.0.0.1:5432/$DB?sslmode=disable"
# The anchor's own per-table queries (pg_stat_user_tables, pg_statio_user_tables).
QUERIES=/tmp/bench-anchor-tables.yaml
sed -n '/^pg_stat_user_tables:/,/^pg_stat_statements:/p' "$EXAMPLES" | sed '$d' > "$QUERIES"

DATA_SOURCE_NAME=$DSN "$ANCHOR" --web.listen-address=127.0.0.1:19187 >/tmp/bench-anchor.log 2>&1 &
pids+=($!); anchor_pid=$!
DATA_SOURCE_NAME=$DSN "$ANCHOR" --web.listen-address=127.0.0.1:19192 \
  --extend.query-path="$QUERIES" >/tmp/bench-anchor-tables.log 2>&1 &
pids+=($!); anchor_tables_pid=$!
# "same": the anchor's (0.11.1) default set - database, bgwriter and its legacy maps.
SAME=(--no-collector.stat_user_tables --no-collector.table_sizes --no-collector.statio_user_tables
  --no-collector.wal --no-collector.roles --no-collector.replication --no-collector.stat_progress_vacuum)
# shellcheck disable=SC2086
DATA_SOURCE_NAME=$DSN "$JAVA" $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:19188 \
  --no-auto-discover-databases "${SAME[@]}" >/tmp/bench-ours-same.log 2>&1 &
pids+=($!); same_pid=$!
# "same-nocache": as "same" but database sizes queried on every scrape, as the anchor does.
# shellcheck disable=SC2086
DATA_SOURCE_NAME=$DSN "$JAVA" $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:19190 \
  --no-auto-discover-databases "${SAME[@]}" --collector.database.ttl=0s >/tmp/bench-ours-nocache.log 2>&1 &
pids+=($!); nocache_pid=$!
# "all": our defaults, which add per-table statistics (21 series per table, sizes cached).
# shellcheck disable=SC2086
DATA_SOURCE_NAME=$DSN "$JAVA" $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:19189 \
  --no-auto-discover-databases >/tmp/bench-ours-all.log 2>&1 &
pids+=($!); all_pid=$!
for port in 19187 19192 19188 19190 19189; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 && break; sleep 0.2; done
done
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "an exporter did not start: see /tmp/bench-*.log" >&2; exit 1; }
done

xacts() { $PSQL -d postgres -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"; }

run() { # name port pid
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 $WARMUP); do curl -s -o /dev/null "http://127.0.0.1:$port/metrics"; done
  sleep 1; local before; before=$(xacts)
  : > "/tmp/bench-$name.times"
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/metrics" >> "/tmp/bench-$name.times"
  done
  sleep 1; local after; after=$(xacts)
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  local series; series=$(curl -s "http://127.0.0.1:$port/metrics" | grep -vc '^#')
  python3 - "$name" "/tmp/bench-$name.times" "$before" "$after" "$N" "$rss" "$series" <<'PY'
import sys
name, path, before, after, n, rss, series = sys.argv[1:]
t = sorted(float(x) for x in open(path) if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))] * 1000
print(f"{name:13s} p50={p(0.50):7.2f}ms p99={p(0.99):7.2f}ms "
      f"xacts/scrape={(int(after) - int(before)) / int(n):6.2f} rss={int(rss) / 1024:6.1f}MiB series={series}")
PY
}

concurrent() { # name port pid
  local name=$1 port=$2 pid=$3
  wrk -t2 -c10 -d"${CONCURRENT_SECONDS}s" --timeout 30s --latency \
    -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' "http://127.0.0.1:$port/metrics" > "/tmp/bench-$name-wrk.txt"
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  awk -v name="$name" -v rss="$rss" '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1} /Non-2xx/ {bad=$5}
    END {printf "%-13s 10 concurrent: p50=%s p99=%s scrapes=%s non-200=%s rss=%.1fMiB\n", name, p50, p99, n, bad+0, rss/1024}
  ' "/tmp/bench-$name-wrk.txt"
}

echo "scrapes=$N warmup=$WARMUP database=$DB (1000 tables)"
run anchor 19187 "$anchor_pid"
run same 19188 "$same_pid"
run nocache 19190 "$nocache_pid"
run anchor-tables 19192 "$anchor_tables_pid"
run all 19189 "$all_pid"
concurrent anchor-tables 19192 "$anchor_tables_pid"
concurrent all 19189 "$all_pid"
# Memory once the burst is over: the heap and malloc arenas given back (see HeapTidy).
sleep 40
printf 'rss 40 s after the runs: anchor-tables=%.1fMiB all=%.1fMiB\n' \
  "$(awk '/VmRSS/ {print $2 / 1024}' /proc/$anchor_tables_pid/status)" \
  "$(awk '/VmRSS/ {print $2 / 1024}' /proc/$all_pid/status)"
