#!/usr/bin/env python3
"""Print the DDL that ``metadata.create_all()`` emits on PostgreSQL for a fixture's models.

Usage: python scripts/sqlalchemy/dump_ddl.py Fixtures/<case>/sqlalchemy > Fixtures/<case>/database.sql

The fixture directory is imported as a package under a private name (its own name, ``sqlalchemy``,
would shadow the library), every MetaData it defines is collected, and ``create_all`` runs against a
mock engine that prints each statement instead of executing it. DDL event listeners fire as they
would against a real database. Output is deterministic: same models, same bytes (indexes of a table
are emitted in name order; SQLAlchemy's own order is that of a hash set).
"""

import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

from sqlalchemy import MetaData, Table, create_mock_engine


def load_package(directory: Path):
    name = "schema_audit_fixture"
    spec = importlib.util.spec_from_file_location(
        name, directory / "__init__.py", submodule_search_locations=[str(directory)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    modules = [module]
    for info in sorted(pkgutil.iter_modules([str(directory)]), key=lambda m: m.name):
        modules.append(importlib.import_module(f"{name}.{info.name}"))
    return modules


def collect_metadata(modules):
    found = []
    seen = set()

    def add(candidate):
        if isinstance(candidate, MetaData) and id(candidate) not in seen:
            seen.add(id(candidate))
            found.append(candidate)

    for module in modules:
        for attribute in vars(module).values():
            add(attribute)
            add(getattr(attribute, "metadata", None))
            if isinstance(attribute, Table):
                add(attribute.metadata)
    return found


class NameOrderedSet(set):
    """A set that iterates in name order.

    ``Table.indexes`` is a plain set, so ``create_all`` emits CREATE INDEX statements in hash order,
    which changes between runs. Iterating by name makes the output reproducible without changing
    any statement.
    """

    def __iter__(self):
        return iter(sorted(set.__iter__(self), key=lambda item: str(item.name or "")))


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    directory = Path(argv[1]).resolve()
    modules = load_package(directory)
    out = []

    def dump(statement, *multiparams, **params):
        sql = str(statement.compile(dialect=engine.dialect)).strip().rstrip(";").rstrip()
        lines = [line.rstrip() for line in sql.splitlines()]
        out.append("\n".join(lines) + ";\n")

    engine = create_mock_engine("postgresql+psycopg2://", dump)
    for metadata in collect_metadata(modules):
        for table in metadata.tables.values():
            table.indexes = NameOrderedSet(table.indexes)
        metadata.create_all(engine, checkfirst=False)
    sys.stdout.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
