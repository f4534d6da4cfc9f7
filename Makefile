# schema-audit: the commands that matter.
#   make demo   build, start a throwaway PostgreSQL, load an example database, inspect it
#   make test   the whole suite, live-database tests included (starts its own PostgreSQL)
#   make record rewrite golden reports; make reports: regenerate Reports/
#   make bench N=1000 (or N=10000): time compare on a generated application, see Benchmarks/README.md
SWIFT ?= swift
CONFIG ?= debug
# Release builds link the Swift runtime and Foundation into the binary on Linux: a run then starts in
# about 15 ms instead of 25 (no 40 shared libraries to map and relocate), for an 88 MB binary.
# The frontend flag makes the compiler call each generic type's metadata accessor directly instead of
# building the type from its mangled name at first use, which looked up every protocol requirement
# by scanning all 6,082 conformance records of the binary: about 0.4 M instructions per type, 5.8-7.2 M
# of an `inspect` of the 1,000-table bench apps (Benchmarks/README.md, thirteenth round).
RELEASE_FLAGS ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,) \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
BIN := .build/$(CONFIG)/schema-audit

.PHONY: build release test check-sqlalchemy-fixtures demo record reports bench clean help

help:
	@sed -n '1,5p' Makefile

build:
	$(SWIFT) build -c $(CONFIG)

release:
	$(SWIFT) build -c release $(RELEASE_FLAGS)

# Builds everything first (so the CLI tests find the binary), then runs every test target against
# a throwaway PostgreSQL started by scripts/with-postgres.sh.
test: check-sqlalchemy-fixtures
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test --skip-build

# The SQLAlchemy fixtures' database.sql must be exactly what metadata.create_all() emits
# (SQLAlchemy pinned in scripts/sqlalchemy/requirements.txt, installed into .venv).
check-sqlalchemy-fixtures:
	scripts/python-env.sh
	PYTHON=.venv/bin/python scripts/sqlalchemy/check_fixtures.sh

demo: build
	scripts/demo.sh $(BIN)

# Rewrites the golden reports under Fixtures/*/expected/ (review the git diff before committing).
record:
	scripts/record.sh

# Regenerates Reports/<app>.md from the seed fixtures against a throwaway database.
reports: build
	SCHEMA_AUDIT_BINARY=$(BIN) scripts/reports.sh

# Generates N tables, loads them into a throwaway PostgreSQL and times schema-audit, pg_dump, migra
# and Alembic on them (release build; the tools come from Benchmarks/requirements.txt in a venv).
# BENCH_ARGS passes more options to Benchmarks/bench.py (e.g. --reuse, --tools-from FILE).
N ?= 1000
RUNS ?= 5
BENCH_ARGS ?=
bench:
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product schema-audit
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product schema-audit-bench
	scripts/with-postgres.sh python3 Benchmarks/bench.py --tables $(N) --runs $(RUNS) $(BENCH_ARGS)

clean:
	rm -rf .build
