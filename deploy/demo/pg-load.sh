#!/bin/sh
# A steady trickle of writes and reads on the demo PostgreSQL, so the dashboards show movement.
until pg_isready -q; do sleep 1; done
while true; do
  psql -q -c "INSERT INTO orders (status, amount) SELECT (ARRAY['open','paid','shipped'])[1 + (random() * 2)::int], random() * 100 FROM generate_series(1, 20); SELECT count(*) FROM orders WHERE status = 'paid';" >/dev/null
  sleep 2
done
