#!/usr/bin/env bash
# Resilience figures for exporter-postgres under the shipped JVM flags: threads, open FDs and
# backend connections before, during and after 50 concurrent scrapers (OpenMetrics + gzip, as
# Prometheus asks) for 20 s on two databases of 1,000 tables each (~60,000 series), counting
# non-200 answers; then the same after 20 probes of a backend that accepts TCP and never answers;
# then hostile round 3: the six format and encoding mixes at once, /metrics during floods of
# /probe to the silent backend, 80 concurrent /probe with a 3 s timeout, SIGTERM during a scrape.
# Usage: bench/hostile-load.sh [seconds] [connections]
# Needs: a built jar (mvn -DskipTests package), PostgreSQL on 127.0.0.1:5432 (trust), wrk,
# python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD=${1:-20}
CONNS=${2:-50}
PORT=19191
PSQL="psql -h 127.0.0.1 -U postgres -qAt"
JAR=exporter-postgres/target/exporter-postgres.jar
A=bench_big_a$RANDOM
B=bench_big_b$RANDOM
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:-$(cat jvm.options)}
# shellcheck source=bench/shipped-jvm.sh
. bench/shipped-jvm.sh
shipped_jvm postgres "$JAR"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  for db in $A $B; do $PSQL -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; done
}
trap cleanup EXIT
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is in use: stop that process first" >&2; exit 1
fi
for db in $A $B; do
  $PSQL -d postgres -c "CREATE DATABASE $db"
  $PSQL -d "$db" -c "DO \$\$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE t_%s (id int primary key, v text)', i); END LOOP; END \$\$"
done
# shellcheck disable=SC2086
DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:5432/$A?sslmode=disable" \
  "$JAVA" $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:$PORT --include-databases=$A,$B \
  >/tmp/bench-hostile.log 2>&1 &
pid=$!; pids+=($pid)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done
series=$(curl -s "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')
for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT/metrics"; done

sample() { # label
  local threads fds conns rss
  threads=$(awk '/^Threads:/{print $2}' /proc/$pid/status)
  fds=$(ls /proc/$pid/fd | wc -l)
  rss=$(awk '/^VmRSS:/{printf "%.1f", $2/1024}' /proc/$pid/status)
  conns=$($PSQL -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'exporter-postgres'")
  printf '| %-34s | %7s | %5s | %11s | %8s |\n' "$1" "$threads" "$fds" "$conns" "$rss"
}
echo "series per scrape: $series"
printf '| %-34s | %7s | %5s | %11s | %8s |\n' "moment" "threads" "FDs" "backend conns" "RSS MiB"
sample "before"
wrk -t2 -c"$CONNS" -d"${SECONDS_LOAD}s" --timeout 30s \
  -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' \
  -H 'Accept-Encoding: gzip' -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' \
  "http://127.0.0.1:$PORT/metrics" > /tmp/bench-hostile-wrk.txt &
wrk_pid=$!
for i in 1 2 3; do sleep $((SECONDS_LOAD / 4)); sample "during ($CONNS scrapers, t+$((i * SECONDS_LOAD / 4))s)"; done
wait $wrk_pid
sample "right after"
sleep 10
sample "10 s after"
requests=$(awk '/requests in/{print $1}' /tmp/bench-hostile-wrk.txt)
non2xx=$(awk '/Non-2xx/{print $5}' /tmp/bench-hostile-wrk.txt)
errors=$(awk '/Socket errors/{print}' /tmp/bench-hostile-wrk.txt)
echo "scrapes answered: $requests, non-200: ${non2xx:-0}, ${errors:-no socket errors}"
grep -E 'Latency|Req/Sec' /tmp/bench-hostile-wrk.txt

# A backend that accepts TCP and never answers.
silent_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$silent_port" <<'PY' &
import socket, sys, threading
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(200)
def hold(c):
    while c.recv(1024): pass
    c.close()
while True:
    c, _ = srv.accept(); threading.Thread(target=hold, args=(c,), daemon=True).start()
PY
pids+=($!)
sleep 0.5
target="postgresql%3A%2F%2Fmon%3Ax%40127.0.0.1%3A$silent_port%2Fpostgres%3Fsslmode%3Ddisable"
curl -s -o /dev/null -H 'X-Prometheus-Scrape-Timeout-Seconds: 1' "http://127.0.0.1:$PORT/probe?target=$target"
sleep 2
sample "silent backend: before 20 probes"
for _ in $(seq 1 20); do
  curl -s -o /dev/null -H 'X-Prometheus-Scrape-Timeout-Seconds: 1' "http://127.0.0.1:$PORT/probe?target=$target"
done
sample "silent backend: right after"
sleep 3
sample "silent backend: 3 s after"

# --- Hostile round 3 (the cases of issue 19), each figure one line. ---
T='text/plain;version=0.0.4'; O='application/openmetrics-text;version=1.0.0'
P='application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited'

# Six format and encoding mixes at once, 5 scrapers each, on the same ~59,000-series page.
i=0; files=(); load=()
for acc in "$T" "$O" "$P"; do for enc in identity gzip; do
  i=$((i+1)); files+=(/tmp/bench-hostile-mix-$i.txt)
  wrk -t1 -c5 -d"${SECONDS_LOAD}s" --timeout 30s -H "Accept: $acc" -H "Accept-Encoding: $enc" \
    -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' "http://127.0.0.1:$PORT/metrics" \
    > "/tmp/bench-hostile-mix-$i.txt" &
  load+=($!)
done; done
wait "${load[@]}"
total=0; bad=0
for f in "${files[@]}"; do
  total=$((total + $(awk '/requests in/{print $1}' "$f")))
  n=$(awk '/Non-2xx/{print $5}' "$f"); bad=$((bad + ${n:-0}))
done
echo "six format mixes x 5 scrapers, ${SECONDS_LOAD} s: $total answers, $bad not 200," \
  "$(grep -c 'not enough memory\|OutOfMemory\|heap space' /tmp/bench-hostile.log) out-of-memory log lines"
sample "after the format mixes"

# /probe floods of the silent server (20 loops of new targets) while /metrics is scraped.
stop_flood=/tmp/bench-hostile-flood.stop; rm -f "$stop_flood"; flood=()
for c in $(seq 1 20); do
  ( n=0; while [ ! -f "$stop_flood" ]; do n=$((n+1))
      t="postgresql%3A%2F%2Fu${c}x$n%3Ax%40127.0.0.1%3A$silent_port%2Fpostgres%3Fsslmode%3Ddisable"
      curl -s -o /dev/null -m 10 -H 'X-Prometheus-Scrape-Timeout-Seconds: 5' \
        "http://127.0.0.1:$PORT/probe?target=$t"; done ) &
  flood+=($!)
done
sleep 1
ups=""; times=""
for _ in 1 2 3 4 5; do
  out=$(curl -s -w '\n%{time_total}' -H 'X-Prometheus-Scrape-Timeout-Seconds: 3' \
    "http://127.0.0.1:$PORT/metrics")
  ups="$ups $(awk '$1 == "pg_up" {print $2}' <<<"$out")"; times="$times $(tail -n1 <<<"$out")"
done
touch "$stop_flood"; wait "${flood[@]}"
echo "5 scrapes of /metrics during 20 probe floods of a silent server: pg_up$ups; seconds$times"

# 80 concurrent /probe of the configured server with a 3 s scrape timeout.
seq 1 80 | xargs -P 80 -I{} curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' \
  -H 'X-Prometheus-Scrape-Timeout-Seconds: 3' \
  "http://127.0.0.1:$PORT/probe?target=postgresql%3A%2F%2Fpostgres%40127.0.0.1%3A5432%2F$A%3Fsslmode%3Ddisable%26application_name%3Dp{}" \
  > /tmp/bench-hostile-probes.txt
sort -k2 -n /tmp/bench-hostile-probes.txt | awk '{codes[$1]++; t[NR]=$2} END {
  printf "80 concurrent /probe, 3 s timeout:"; for (c in codes) printf " %s x%d", c, codes[c];
  printf "; p90 %.2f s, max %.2f s\n", t[int(NR*0.9)], t[NR]}'

# A graceful stop: SIGTERM during a scrape.
curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/metrics" \
  > /tmp/bench-hostile-last.code &
last=$!
sleep 0.2
kill -TERM "$pid"
code=0; wait "$pid" || code=$?
wait "$last" || true
echo "SIGTERM during a scrape: exit $code, the scrape answered $(cat /tmp/bench-hostile-last.code)," \
  "$(grep -c 'shutting down' /tmp/bench-hostile.log) shutdown log line(s)"
