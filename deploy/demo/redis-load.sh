#!/bin/sh
# Sets and gets on the demo Redis (about a third of the gets miss), so hit ratio and commands move.
host=${REDIS_HOST:-redis}
port=${REDIS_PORT:-6379}
while true; do
  now=$(date +%s)
  for i in 1 2 3 4 5; do
    redis-cli -h "$host" -p "$port" SET "demo:key:$(( (now + i) % 500 ))" "v$i" EX 600 >/dev/null
    redis-cli -h "$host" -p "$port" GET "demo:key:$(( (now * 7 + i) % 750 ))" >/dev/null
  done
  sleep 1
done
