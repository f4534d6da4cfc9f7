#!/usr/bin/env bash
# Rewrites the golden compare reports (Fixtures/*/expected/) from the current build.
# Review the resulting `git diff` before committing: goldens are the specification.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
SCHEMA_AUDIT_RECORD=1 scripts/with-postgres.sh swift test --skip-build --filter "CompareCommandTests.goldenReports|RuleListTests"
