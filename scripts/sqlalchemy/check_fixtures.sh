#!/bin/sh
# Checks that each SQLAlchemy fixture's committed database.sql is still exactly what
# metadata.create_all() emits for its models.
# Usage: scripts/sqlalchemy/check_fixtures.sh [case ...]   (default: the fixtures generated this way)
# PYTHON defaults to .venv/bin/python, set up from scripts/sqlalchemy/requirements.txt.
set -eu
python="${PYTHON:-.venv/bin/python}"
[ "$#" -gt 0 ] || set -- pixcrawler-backend ledger-classic
status=0
for case_name in "$@"; do
    dir="Fixtures/$case_name"
    if ! "$python" scripts/sqlalchemy/dump_ddl.py "$dir/sqlalchemy" | diff -u "$dir/database.sql" -; then
        echo "error: $dir/database.sql is not what create_all() emits; regenerate it with" >&2
        echo "  $python scripts/sqlalchemy/dump_ddl.py $dir/sqlalchemy > $dir/database.sql" >&2
        status=1
    fi
done
exit $status
