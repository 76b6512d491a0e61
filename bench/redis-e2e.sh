#!/usr/bin/env bash
# End-to-end benchmark: exporter-redis beside Debian's prometheus-redis-exporter 1.45 (the anchor)
# on one private redis-server holding 100,000 keys in db0 and keys in four more databases, all in
# one run. Records scrape latency (p50/p99) sequentially - a new HTTP connection per scrape (curl)
# and one kept-alive connection, as Prometheus scrapes (wrk -c1) - and with 10 concurrent
# scrapers (wrk), the commands and connections the server saw per scrape (INFO commandstats and
# stats), and RSS; each without and with a key-check pattern (--check-keys=queue:*, 200 matching
# keys among the 100,000).
# Usage: bench/redis-e2e.sh [scrapes] [concurrent seconds]
# Needs: a built jar (mvn -B -o -pl exporter-redis package -DskipTests), redis-server and
# redis-cli, wrk, python3, apt-get install prometheus-redis-exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
CONCURRENT_SECONDS=${2:-20}
WARMUP=50
# Then WARMUP_SECONDS of back-to-back scrapes, for every process alike: what is measured is the
# steady state of an exporter that has run a while (a JVM compiles its hot code in the first
# thousand or so scrapes; at a 15 s interval that is its first hours).
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
REDIS_PORT=${REDIS_BENCH_PORT:-16479}
JAR=exporter-redis/target/exporter-redis.jar
ANCHOR=$(command -v prometheus-redis-exporter || true)
[ -f "$JAR" ] || { echo "build first: mvn -B -o -pl exporter-redis package -DskipTests" >&2; exit 1; }
[ -n "$ANCHOR" ] || { echo "install the anchor: apt-get install prometheus-redis-exporter" >&2; exit 1; }
for tool in redis-server redis-cli wrk python3; do
  command -v "$tool" >/dev/null || { echo "install $tool" >&2; exit 1; }
done
JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# shellcheck source=bench/shipped-jvm.sh
. bench/shipped-jvm.sh
shipped_jvm redis "$JAR"
# glibc gives each thread its own malloc arena otherwise: megabytes of RSS for nothing.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
CLI="redis-cli -p $REDIS_PORT"
DIR=$(mktemp -d /tmp/bench-redis.XXXXXX)

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT

for port in 19321 19322 19323 19324 19325 "$REDIS_PORT"; do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use (an earlier run?): stop that process first" >&2; exit 1
  fi
done
# A private server: the shared one stays small, and nothing else scrapes this one.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$DIR" \
  --logfile "$DIR/redis.log" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do $CLI ping >/dev/null 2>&1 && break; sleep 0.1; done
$CLI eval "for i = 1, 100000 do redis.call('SET', 'key:' .. i, i) end" 0 >/dev/null
$CLI eval "for i = 1, 200 do redis.call('RPUSH', 'queue:' .. i, 'a', 'b', 'c') end" 0 >/dev/null
for db in 1 2 3 5; do
  $CLI -n "$db" eval "for i = 1, 1000 do redis.call('SET', 'k:' .. i, i, 'EX', 3600) end" 0 >/dev/null
done
ADDR=redis://127.0.0.1:$REDIS_PORT
CHECK=(--check-keys='queue:*')

"$ANCHOR" --redis.addr="$ADDR" --web.listen-address=127.0.0.1:19321 >"$DIR/anchor.log" 2>&1 &
pids+=($!); anchor_pid=$!
"$ANCHOR" --redis.addr="$ADDR" --web.listen-address=127.0.0.1:19322 "${CHECK[@]}" \
  >"$DIR/anchor-keys.log" 2>&1 &
pids+=($!); anchor_keys_pid=$!
# "same": the anchor's generation of names (1.45: no latency histograms), the same work.
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" --redis.addr="$ADDR" --web.listen-address=127.0.0.1:19323 \
  --compat=1.45 >"$DIR/ours-same.log" 2>&1 &
pids+=($!); same_pid=$!
# "all": our defaults (current names: adds LATENCY HISTOGRAM's per-command histograms).
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" --redis.addr="$ADDR" --web.listen-address=127.0.0.1:19324 \
  >"$DIR/ours-all.log" 2>&1 &
pids+=($!); all_pid=$!
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" --redis.addr="$ADDR" --web.listen-address=127.0.0.1:19325 \
  --compat=1.45 "${CHECK[@]}" >"$DIR/ours-keys.log" 2>&1 &
pids+=($!); keys_pid=$!
for port in 19321 19322 19323 19324 19325; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 && break; sleep 0.2; done
done
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "a process did not start: see $DIR/*.log" >&2; exit 1; }
done

# Commands (INFO commandstats, less this INFO) and connections the server has seen so far.
served() {
  $CLI info all | tr -d '\r' | python3 -c '
import sys, re
calls = conns = 0
for line in sys.stdin:
    m = re.match(r"cmdstat_[^:]+:calls=(\d+)", line)
    if m: calls += int(m.group(1))
    if line.startswith("total_connections_received:"): conns = int(line.split(":")[1])
print(calls, conns)'
}

rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

run() { # name port pid
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 $WARMUP); do curl -s -o /dev/null "http://127.0.0.1:$port/metrics"; done
  if [ "$WARMUP_SECONDS" -gt 0 ]; then
    wrk -t1 -c1 -d"${WARMUP_SECONDS}s" "http://127.0.0.1:$port/metrics" >/dev/null
  fi
  sleep 1; local rss_before; rss_before=$(rss "$pid")
  local before; before=$(served)
  : > "$DIR/$name.times"
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' \
      -w '%{time_total}\n' "http://127.0.0.1:$port/metrics" >> "$DIR/$name.times"
  done
  local after; after=$(served)
  sleep 1
  local series; series=$(curl -s "http://127.0.0.1:$port/metrics" | grep -c '^redis_')
  local kept; kept=$(wrk -t1 -c1 -d5s --latency -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' \
    "http://127.0.0.1:$port/metrics" | awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print p50 "/" p99}')
  python3 - "$name" "$DIR/$name.times" "$before" "$after" "$N" "$rss_before" "$(rss "$pid")" "$series" "$kept" <<'PY'
import sys
name, path, before, after, n, rss0, rss1, series, kept = sys.argv[1:]
t = sorted(float(x) for x in open(path) if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))] * 1000
(c0, k0), (c1, k1) = (map(int, before.split()), map(int, after.split()))
n = int(n)
# Each served() INFO is one command of ours: take it out.
print(f"{name:12s} p50={p(0.50):7.2f}ms p99={p(0.99):7.2f}ms keep-alive p50/p99={kept} "
      f"commands/scrape={(c1 - c0 - 1) / n:6.2f} connections/scrape={(k1 - k0) / n:5.2f} "
      f"rss={rss0}->{rss1}MiB redis_series={series}")
PY
}

concurrent() { # name port pid
  local name=$1 port=$2 pid=$3
  wrk -t2 -c10 -d"${CONCURRENT_SECONDS}s" --timeout 30s --latency \
    -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' "http://127.0.0.1:$port/metrics" > "$DIR/$name-wrk.txt"
  awk -v name="$name" -v rss="$(rss "$pid")" '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1} /Non-2xx/ {bad=$5}
    END {printf "%-12s 10 concurrent: p50=%s p99=%s scrapes=%s non-200=%s rss=%sMiB\n", name, p50, p99, n, bad+0, rss}
  ' "$DIR/$name-wrk.txt"
}

echo "scrapes=$N warmup=$WARMUP scrapes + ${WARMUP_SECONDS}s redis=$(redis-server --version | awk '{print $3}') keys: db0=100200 db1-3,5=1000 each"
run anchor 19321 "$anchor_pid"
run same 19323 "$same_pid"
run all 19324 "$all_pid"
run anchor-keys 19322 "$anchor_keys_pid"
run keys 19325 "$keys_pid"
concurrent anchor 19321 "$anchor_pid"
concurrent same 19323 "$same_pid"
concurrent anchor-keys 19322 "$anchor_keys_pid"
concurrent keys 19325 "$keys_pid"
# Memory must not grow with scrapes: RSS of ours (defaults) after each of three rounds of
# back-to-back scrapes on one connection.
soak=""
for round in 1 2 3; do
  n=$(wrk -t1 -c1 -d15s "http://127.0.0.1:19324/metrics" | awk '/requests in/ {print $1}')
  soak="$soak $n scrapes->$(rss $all_pid)MiB"
done
echo "all          soak (RSS after each round of 15 s):$soak"
# Memory once the bursts are over (the heap grown by a burst is given back: see HeapTidy).
sleep 40
printf 'rss 40 s after the runs: anchor=%sMiB same=%sMiB all=%sMiB anchor-keys=%sMiB keys=%sMiB\n' \
  "$(rss $anchor_pid)" "$(rss $same_pid)" "$(rss $all_pid)" "$(rss $anchor_keys_pid)" "$(rss $keys_pid)"
