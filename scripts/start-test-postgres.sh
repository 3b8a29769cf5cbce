#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1:55432 with trust auth and prints the test database URL.
# Used by .ci/run; handy locally (as root) too: export TONGXIN_TEST_DATABASE_URL=$(bash scripts/start-test-postgres.sh)
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=${PGDATA_DIR:-/tmp/tongxin-pg}
PORT=${PGPORT_TEST:-55432}
if [ ! -x "$PGBIN/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
if ! pg_isready -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log.txt -w -t 30 -o '-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c max_connections=200 -c fsync=off' start" >&2
fi
psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='tongxin_test'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PORT" -U postgres -qc 'create database tongxin_test' >&2
echo "postgres://postgres@127.0.0.1:$PORT/tongxin_test"
