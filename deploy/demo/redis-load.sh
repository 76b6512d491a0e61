#!/bin/sh
# Sets and gets on the demo Redis (about a third of the gets miss), so hit ratio and commands move.
while true; do
  now=$(date +%s)
  for i in 1 2 3 4 5; do
    redis-cli -h redis SET "demo:key:$(( (now + i) % 500 ))" "v$i" EX 600 >/dev/null
    redis-cli -h redis GET "demo:key:$(( (now * 7 + i) % 750 ))" >/dev/null
  done
  sleep 1
done
