#!/usr/bin/env bash
# Creates .venv from scripts/sqlalchemy/requirements.txt (once; again when the requirements change).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.requirements
if [ -x .venv/bin/python ] && cmp -s scripts/sqlalchemy/requirements.txt "$stamp"; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/sqlalchemy/requirements.txt
cp scripts/sqlalchemy/requirements.txt "$stamp"
