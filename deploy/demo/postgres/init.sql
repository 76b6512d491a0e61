-- The demo database: a monitoring role for the exporter (pg_monitor, not a superuser) and a
-- little schema the load job writes to. The role's password is the compose secret's, or
-- psql -v monitor_password=... (./run-exporters.sh's private server).
\if :{?monitor_password}
\else
\set monitor_password `cat /run/secrets/postgres_monitor_password`
\endif
CREATE ROLE monitor LOGIN PASSWORD :'monitor_password';
GRANT pg_monitor TO monitor;
CREATE TABLE orders (id bigserial PRIMARY KEY, status text NOT NULL, amount numeric NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX orders_status ON orders (status);
