#!/usr/bin/env bash
# End-to-end benchmark: exporter-scraper beside Debian's prometheus-blackbox-exporter 0.23 (the
# anchor) on 200 local HTTP targets (one loopback server, bench/scraper/TargetServer.java).
# Measures, for both: /probe one target at a time (latency p50/p99), all 200 targets per round
# (ours: one /metrics scrape of 200 static targets; the anchor: 200 /probe calls, 32 at once, as
# Prometheus would send them), exporter CPU per probe, and RSS once settled.
# Usage: bench/scraper-e2e.sh [rounds]   (default 30 rounds of 200 probes per mode)
# Needs: a built jar (mvn -B -o -pl exporter-scraper -DskipTests package), python3,
# apt-get install prometheus-blackbox-exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-30}
N=200
WORKERS=16
JAR=exporter-scraper/target/exporter-scraper.jar
ANCHOR=$(command -v prometheus-blackbox-exporter || true)
TARGET_PORT=19380 ANCHOR_PORT=19315 OURS_PORT=19316
WORK=$(mktemp -d /tmp/bench-scraper.XXXXXX)
[ -f "$JAR" ] || { echo "build first: mvn -B -o -pl exporter-scraper -DskipTests package" >&2; exit 1; }
[ -n "$ANCHOR" ] || { echo "install the anchor: apt-get install prometheus-blackbox-exporter" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed for the client" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# shellcheck source=bench/shipped-jvm.sh
. bench/shipped-jvm.sh
shipped_jvm scraper "$JAR"
# glibc gives each thread its own malloc arena otherwise: megabytes of RSS for nothing.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for port in $TARGET_PORT $ANCHOR_PORT $OURS_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use (an earlier run?): stop that process first" >&2; exit 1
  fi
done

java bench/scraper/TargetServer.java $TARGET_PORT >"$WORK/targets.log" 2>&1 &
pids+=($!)
for i in $(seq 0 $((N - 1))); do echo "http://127.0.0.1:$TARGET_PORT/service/$i/health"; done > "$WORK/targets.txt"
printf 'modules:\n  http_2xx:\n    prober: http\n' > "$WORK/anchor.yml"
{ printf 'probes: {concurrency: %d}\ntargets:\n' $WORKERS; sed 's/^/  - /' "$WORK/targets.txt"; } > "$WORK/ours.yml"

"$ANCHOR" --config.file="$WORK/anchor.yml" --web.listen-address=127.0.0.1:$ANCHOR_PORT \
  >"$WORK/anchor.log" 2>&1 &
pids+=($!); anchor_pid=$!
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" --config.file="$WORK/ours.yml" \
  --web.listen-address=127.0.0.1:$OURS_PORT >"$WORK/ours.log" 2>&1 &
pids+=($!); ours_pid=$!
for port in $TARGET_PORT $ANCHOR_PORT $OURS_PORT; do
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "a process did not start: see $WORK/*.log" >&2; cat "$WORK"/*.log >&2; exit 1; }
done

client() { python3 bench/scraper/client.py "$@"; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system, in clock ticks
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
TICK=$(getconf CLK_TCK)

# Warm-up: both exporters probe every target a few times, ours compiles its hot paths.
client probe 127.0.0.1:$ANCHOR_PORT "$WORK/targets.txt" 2 >/dev/null
client probe 127.0.0.1:$OURS_PORT "$WORK/targets.txt" 2 >/dev/null
client scrape 127.0.0.1:$OURS_PORT /metrics 10 >/dev/null

measure() { # name pid probes command...: latencies to $WORK/name, CPU ms per probe to stdout
  local name=$1 pid=$2 probes=$3; shift 3
  local before; before=$(cpu "$pid")
  "$@" > "$WORK/$name"
  local after; after=$(cpu "$pid")
  echo "$(( (after - before) * 1000000 / TICK / probes ))"   # microseconds of CPU per probe
}

echo "targets=$N rounds=$ROUNDS workers=$WORKERS (anchor: $("$ANCHOR" --version 2>&1 | head -1))"
a_seq_cpu=$(measure anchor-probe "$anchor_pid" $((N * ROUNDS / 4)) \
  client probe 127.0.0.1:$ANCHOR_PORT "$WORK/targets.txt" $((ROUNDS / 4)))
o_seq_cpu=$(measure ours-probe "$ours_pid" $((N * ROUNDS / 4)) \
  client probe 127.0.0.1:$OURS_PORT "$WORK/targets.txt" $((ROUNDS / 4)))
a_all_cpu=$(measure anchor-sweep "$anchor_pid" $((N * ROUNDS)) \
  client sweep 127.0.0.1:$ANCHOR_PORT "$WORK/targets.txt" "$ROUNDS" $WORKERS)
o_all_cpu=$(measure ours-metrics "$ours_pid" $((N * ROUNDS)) \
  client scrape 127.0.0.1:$OURS_PORT /metrics "$ROUNDS")
series=$(curl -s "http://127.0.0.1:$OURS_PORT/metrics" | grep -c '^probe_success{')
[ "$series" = "$N" ] || { echo "ours served $series probe_success series, not $N" >&2; exit 1; }
curl -s "http://127.0.0.1:$OURS_PORT/metrics" | grep -q 'probe_success{.*} 0' \
  && { echo "a static target failed: see http://127.0.0.1:$OURS_PORT/history" >&2; exit 1; }

echo "--- one target per request (/probe), sequential"
python3 bench/scraper/summary.py "anchor /probe" "$WORK/anchor-probe"
python3 bench/scraper/summary.py "ours /probe" "$WORK/ours-probe"
echo "--- all $N targets per round"
python3 bench/scraper/summary.py "anchor $N x /probe, $WORKERS at once" "$WORK/anchor-sweep" $N
python3 bench/scraper/summary.py "ours one /metrics ($N static)" "$WORK/ours-metrics" $N
echo "--- exporter CPU per probe (microseconds)"
printf '%-34s /probe=%5d  all-targets=%5d\n' anchor "$a_seq_cpu" "$a_all_cpu"
printf '%-34s /probe=%5d  all-targets=%5d\n' ours "$o_seq_cpu" "$o_all_cpu"
ours_rss=$(rss "$ours_pid") anchor_rss=$(rss "$anchor_pid")
printf -- '--- RSS right after the runs: anchor=%sMiB ours=%sMiB (ours peak %sMiB)\n' \
  "$anchor_rss" "$ours_rss" "$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$ours_pid/status")"
# Once settled: heap grown by the runs given back (the core's HeapTidy, malloc trimmed every 30 s).
sleep 40
printf -- '--- RSS 40 s later: anchor=%sMiB ours=%sMiB\n' "$(rss "$anchor_pid")" "$(rss "$ours_pid")"
python3 - "$WORK" "$a_all_cpu" "$o_all_cpu" "$ours_rss" "$N" <<'PY'
import sys
work, a_cpu, o_cpu, rss, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
def p(name, q):
    t = sorted(float(x) for x in open(f"{work}/{name}") if x.strip())
    return t[min(len(t) - 1, int(q * len(t)))]
ratio_latency = p("ours-metrics", 0.5) / p("anchor-sweep", 0.5)
print("--- targets")
print(f"per-probe overhead, wall (ours /metrics vs anchor sweep): {ratio_latency:.2f}x  (target <= 1.0) "
      + ("OK" if ratio_latency <= 1.0 else "MISSED"))
print(f"per-probe overhead, CPU: {o_cpu / max(a_cpu, 1):.2f}x  (target <= 1.0) "
      + ("OK" if o_cpu <= a_cpu else "MISSED"))
scrape = p("ours-metrics", 0.99)
print(f"{n} static targets in one /metrics scrape: p99 {scrape * 1000:.0f} ms  (target < 1000 ms) "
      + ("OK" if scrape < 1 else "MISSED"))
print(f"RSS under load {rss:.1f} MiB  (target <= 90 MiB) " + ("OK" if rss <= 90 else "MISSED"))
PY
