#!/usr/bin/env bash
# Regenerates Reports/<app>.md: the compliance report of each seed application, comparing its
# fixtures (Drizzle files, and SQLAlchemy models where the application has a backend) with a live
# database built from its database.sql. Deterministic: CI runs it and `git diff --exit-code Reports/`.
#
#   scripts/reports.sh            (starts a throwaway PostgreSQL via scripts/with-postgres.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SCHEMA_AUDIT_TEST_DATABASE_URL:-}" ]; then
  swift build --product schema-audit >&2
  exec scripts/with-postgres.sh "$0" "$@"
fi

BIN="${SCHEMA_AUDIT_BINARY:-$(swift build --show-bin-path)/schema-audit}"
ADMIN="$SCHEMA_AUDIT_TEST_DATABASE_URL"
mkdir -p Reports

# The URL of database $1 on the test cluster (the admin URL with its database name replaced).
database_url() {
  local base="${ADMIN%%\?*}" query=""
  if [ "$base" != "$ADMIN" ]; then query="?${ADMIN#*\?}"; fi
  echo "${base%/*}/$1$query"
}

# Fixture scripts create roles idempotently; their NOTICEs are noise here.
export PGOPTIONS="-c client_min_messages=warning"

# report APP TITLE [extra compare arguments...]
report() {
  local app="$1" title="$2"; shift 2
  local name="reports_${app}_$$"
  psql "$ADMIN" -qX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\"" >/dev/null
  psql "$(database_url "$name")" -qX -v ON_ERROR_STOP=1 -f "Fixtures/$app/database.sql" >/dev/null
  local status=0
  "$BIN" compare --drizzle "Fixtures/$app/drizzle" "$@" --database "database=$(database_url "$name")" \
    --origin "database=database '$app'" --title "$title" --format markdown --output "Reports/$app.md" || status=$?
  psql "$ADMIN" -qX -c "DROP DATABASE IF EXISTS \"$name\"" >/dev/null
  # 1 is drift, which the report shows; anything else means no report was written.
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then echo "reports: $app: schema-audit exited with $status" >&2; exit "$status"; fi
  echo "Reports/$app.md"
}

# PixCrawler has a FastAPI backend whose SQLAlchemy models share the database with the frontend.
report pixcrawler "PixCrawler schema compliance report" --sqlalchemy "Fixtures/pixcrawler-backend/sqlalchemy"
report roborail "RoboRail schema compliance report"
report delula "Delula schema compliance report"
