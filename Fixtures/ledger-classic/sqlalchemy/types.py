from sqlalchemy import BigInteger, Integer, Numeric, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator


class Money(TypeDecorator):
    """Amounts in minor units, stored as numeric(18, 2)."""

    impl = Numeric(18, 2)
    cache_ok = True


class Tags(TypeDecorator):
    impl = postgresql.ARRAY(String(40))
    cache_ok = True


# SQLite in tests, bigint on PostgreSQL.
BigIntId = Integer().with_variant(BigInteger(), "postgresql")
