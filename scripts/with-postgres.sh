#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster and SCHEMA_AUDIT_TEST_DATABASE_URL pointing at it.
#
#   scripts/with-postgres.sh swift test
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 only (plus a socket in that
# directory), uses password authentication over TCP, and is stopped and deleted when the command ends,
# whatever its outcome. If SCHEMA_AUDIT_TEST_DATABASE_URL is already set, the command runs against that
# database instead and no cluster is started.
set -euo pipefail

if [ -n "${SCHEMA_AUDIT_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}
BINDIR=$(find_bindir)
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/schema-audit-pg.XXXXXX")
PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

# initdb refuses to run as root: run the server as the postgres OS user when we are root.
if [ "$(id -u)" = "0" ]; then
  chown postgres "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

stop_cluster() {
  as_pg "$BINDIR/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop_cluster EXIT

printf '%s\n' "$PASSWORD" >"$WORK/pwfile"
[ "$(id -u)" = "0" ] && chown postgres "$WORK/pwfile"
as_pg "$BINDIR/initdb" -D "$WORK/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$WORK/pwfile" --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 2; }
rm -f "$WORK/pwfile"
# max_locks_per_transaction: pg_dump (measured by make bench) locks every table in one transaction,
# 10,000 at N=10000.
as_pg "$BINDIR/pg_ctl" -D "$WORK/data" -w -t 60 -l "$WORK/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_locks_per_transaction=256" \
  start >/dev/null || { cat "$WORK/server.log" >&2; exit 2; }

export SCHEMA_AUDIT_TEST_DATABASE_URL="postgresql://postgres:${PASSWORD}@127.0.0.1:${PORT}/postgres"
export SCHEMA_AUDIT_TEST_PG_BINDIR="$BINDIR"
echo "with-postgres: PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $WORK)" >&2

set +e
"$@"
status=$?
set -e
exit $status
