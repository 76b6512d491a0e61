#!/usr/bin/env bash
# End-to-end benchmark of exporter-cloudflare against a fake Cloudflare API (the test sources'
# FakeCloudflareMain: 200 zones and 50 Worker scripts in one account, answers shaped as the
# real API's). Records GraphQL queries per 5 minutes (seen by the fake and by the exporter's
# own budget gauge), poll duration, /metrics latency (p50/p99, sequential scrapes) and RSS
# with the shipped JVM flags, at the start and after 5 minutes of polling and scraping.
# Usage: bench/cloudflare-e2e.sh [scrapes] [seconds]   (defaults: 2000 scrapes, 330 s)
# Needs: mvn -B -o -pl exporter-cloudflare -DskipTests package (the jar and test classes).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRAPES=${1:-2000}
SECONDS_TOTAL=${2:-330}
ZONES=200
WORKERS=50
API_PORT=19300
PORT=19299
TOKEN=bench-token-$RANDOM$RANDOM
JAR=exporter-cloudflare/target/exporter-cloudflare.jar
TEST_CLASSES=exporter-cloudflare/target/test-classes
[ -f "$JAR" ] && [ -d "$TEST_CLASSES/io/exporters/cloudflare/fake" ] || {
  echo "build first: mvn -B -o -pl exporter-cloudflare -DskipTests package" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# shellcheck source=bench/shipped-jvm.sh
. bench/shipped-jvm.sh
shipped_jvm cloudflare "$JAR" "$TEST_CLASSES:$JAR"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
for port in $API_PORT $PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use (an earlier run?): stop that process first" >&2; exit 1
  fi
done

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

# The fake gets the exporter's jar for Jackson; nodelay keeps the JDK server from stalling on
# delayed ACKs.
java -Dsun.net.httpserver.nodelay=true -cp "$TEST_CLASSES:$JAR" \
  io.exporters.cloudflare.fake.FakeCloudflareMain $API_PORT $ZONES $WORKERS "$TOKEN" \
  > /tmp/bench-cf-fake.log 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q "fake Cloudflare API at" /tmp/bench-cf-fake.log && break; sleep 0.1; done
# shellcheck disable=SC2086
CF_API_TOKEN=$TOKEN CF_API_BASE_URL=http://127.0.0.1:$API_PORT/client/v4 \
  "$JAVA" $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:$PORT > /tmp/bench-cf-exporter.log 2>&1 &
pids+=($!); pid=$!
started=$(date +%s)

metric() { # name [label filter]: the first matching sample's value
  local body; body=$(curl -s "http://127.0.0.1:$PORT/metrics")
  awk -v n="$1" -v f="${2:-}" '$1 ~ "^"n"({|$)" && index($1, f) {print $2; exit}' <<< "$body"
}
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
graphql_seen() { grep graphql_requests_total /tmp/bench-cf-fake.log | tail -1 | awk '{print $3}'; }

for _ in $(seq 1 600); do
  [ "$(curl -s "http://127.0.0.1:$PORT/metrics" | grep -c '^cloudflare_zone_requests_total{')" = "$ZONES" ] && break
  sleep 0.1
done
first_poll=$(( $(date +%s) - started ))
series=$(curl -s "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')
echo "zones=$ZONES workers=$WORKERS series=$series first poll done after ${first_poll}s rss=$(rss)MiB"

for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/metrics"; done
: > /tmp/bench-cf.times
for _ in $(seq 1 "$SCRAPES"); do
  curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/metrics" >> /tmp/bench-cf.times
done
python3 - "$SCRAPES" /tmp/bench-cf.times "$(rss)" <<'PY'
import sys
n, path, rss = sys.argv[1:]
t = sorted(float(x) for x in open(path) if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))] * 1000
print(f"/metrics over {n} sequential scrapes: p50={p(0.50):.2f}ms p99={p(0.99):.2f}ms max={t[-1]*1000:.2f}ms rss={rss}MiB")
PY

# Polling goes on; sample the poll duration and RSS until the run has lasted SECONDS_TOTAL.
max_poll=0
while [ $(( $(date +%s) - started )) -lt "$SECONDS_TOTAL" ]; do
  d=$(metric cloudflare_exporter_last_poll_duration_seconds)
  max_poll=$(python3 -c "print(max($max_poll, ${d:-0}))")
  sleep 10
done
sleep 11 # the fake logs its counts every 10 s
elapsed=$(( $(date +%s) - started ))
seen=$(graphql_seen)
echo "after ${elapsed}s: graphql queries seen by the fake: $seen" \
  "($(python3 -c "print(round($seen * 300 / $elapsed, 1))") per 5 minutes)," \
  "exporter's budget gauge: $(metric cloudflare_exporter_api_budget_used 'api="graphql"') of" \
  "$(metric cloudflare_exporter_api_budget_limit 'api="graphql"') in the last 5 minutes;" \
  "deferred: $(metric cloudflare_exporter_queries_deferred); zones per query: $(metric cloudflare_exporter_zones_per_query)"
echo "poll duration: last=$(metric cloudflare_exporter_last_poll_duration_seconds)s max sampled=${max_poll}s;" \
  "rest requests seen: $(grep rest_requests_total /tmp/bench-cf-fake.log | tail -1 | awk '{print $5}')"
echo "rss at the end: $(rss)MiB; series: $(curl -s "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')"
