#!/usr/bin/env bash
# make demo: load the PixCrawler example database into a throwaway PostgreSQL and inspect it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/schema-audit}
FIXTURE=Fixtures/pixcrawler
[ -f "$FIXTURE/database.sql" ] || FIXTURE=Fixtures/catalog-features

exec scripts/with-postgres.sh bash -c '
  set -euo pipefail
  WORK_JSON=$(mktemp)
  trap "rm -f $WORK_JSON" EXIT
  psql -q -X -v ON_ERROR_STOP=1 "$SCHEMA_AUDIT_TEST_DATABASE_URL" -c "CREATE DATABASE demo" >/dev/null
  DEMO_URL="${SCHEMA_AUDIT_TEST_DATABASE_URL%/*}/demo"
  psql -q -X -v ON_ERROR_STOP=1 "$DEMO_URL" -f "'"$FIXTURE"'/database.sql" >/dev/null
  echo "== schema-audit inspect --database <demo> --format text   ('"$FIXTURE"'/database.sql)"
  "'"$BIN"'" inspect --database "$DEMO_URL" --format text
  echo
  echo "== the same model as JSON (first 40 lines of schema-audit inspect --database <demo>)"
  "'"$BIN"'" inspect --database "$DEMO_URL" --output "$WORK_JSON"
  head -n 40 "$WORK_JSON"
  echo
  echo "== schema-audit compare --drizzle '"$FIXTURE"'/drizzle --database <demo>   (no drift: exit 0)"
  status=0
  "'"$BIN"'" compare --drizzle "'"$FIXTURE"'/drizzle" --database "demo=$DEMO_URL" --fail-on error || status=$?
  echo "exit code: $status"
'
