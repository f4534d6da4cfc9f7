# schema-audit: the commands that matter.
#   make demo   build, start a throwaway PostgreSQL, load an example database, inspect it
#   make test   the whole suite, live-database tests included (starts its own PostgreSQL)
SWIFT ?= swift
CONFIG ?= debug
BIN := .build/$(CONFIG)/schema-audit

.PHONY: build release test demo record reports bench clean help

help:
	@sed -n '1,4p' Makefile

build:
	$(SWIFT) build -c $(CONFIG)

release:
	$(SWIFT) build -c release

# Builds everything first (so the CLI tests find the binary), then runs every test target against
# a throwaway PostgreSQL started by scripts/with-postgres.sh.
test:
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test --skip-build

demo: build
	scripts/demo.sh $(BIN)

clean:
	rm -rf .build
