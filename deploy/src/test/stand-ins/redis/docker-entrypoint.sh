#!/bin/sh
# As the official image: a bare redis-server listens everywhere with protected mode off.
set -e
if [ "$1" = redis-server ]; then
  shift
  exec redis-server --protected-mode no --bind '* -::*' "$@"
fi
exec "$@"
