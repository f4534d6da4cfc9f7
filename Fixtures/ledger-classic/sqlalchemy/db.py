from sqlalchemy import DDL, MetaData, event
from sqlalchemy.orm import declarative_base

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(schema="ledger", naming_convention=NAMING_CONVENTION)
Base = declarative_base(metadata=metadata)

# create_all() does not create schemas; this listener does, before any table.
event.listen(metadata, "before_create", DDL("CREATE SCHEMA IF NOT EXISTS ledger"))
