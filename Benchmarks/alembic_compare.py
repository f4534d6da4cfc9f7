"""Alembic's autogenerate comparison of generated SQLAlchemy models with a database (for make bench).

usage: alembic_compare.py MODELS_PACKAGE_DIR DATABASE_URL

Imports the package under the name bench_models (its directory is called sqlalchemy, which would
shadow the library), runs compare_metadata and prints a one-line summary to standard error.
"""
import importlib.util
import sys
import time
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine


def load_package(directory):
    init = Path(directory) / "__init__.py"
    spec = importlib.util.spec_from_file_location("bench_models", init, submodule_search_locations=[str(directory)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_models"] = module
    spec.loader.exec_module(module)
    return module


def metadata_of(package):
    for value in vars(package).values():
        metadata = getattr(value, "metadata", None)
        if metadata is not None and hasattr(metadata, "tables") and metadata.tables:
            return metadata
    raise SystemExit("alembic_compare: no declarative Base with tables exported by the package")


def main():
    directory, url = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    metadata = metadata_of(load_package(directory))
    imported = time.perf_counter()
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        diffs = compare_metadata(context, metadata)
    done = time.perf_counter()
    print(f"alembic: {len(diffs)} differences, {len(metadata.tables)} tables, import {imported - start:.2f} s, "
          f"compare_metadata {done - imported:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
