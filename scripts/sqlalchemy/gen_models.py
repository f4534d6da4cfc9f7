#!/usr/bin/env python3
"""Write a large generated SQLAlchemy models file for measuring the reader's speed.

Usage: python scripts/sqlalchemy/gen_models.py N > models.py

N tables of about 9 columns, 2 indexes, 3 policies and a trigger each (the reference workload of
DESIGN.md section 9), in SQLAlchemy 2.0 style with a mixin and DDL listeners.
"""

import sys

HEADER = '''"""Generated models."""
from datetime import datetime
from typing import Optional
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import DDL, event
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = sa.MetaData()


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now(), onupdate=sa.func.now())
'''

TABLE = '''

class Table{i}(TimestampMixin, Base):
    """Generated table number {i}."""

    __tablename__ = "table_{i}"
    __table_args__ = (
        sa.Index("ix_table_{i}_owner_created", "owner_id", "created_at"),
        sa.CheckConstraint("amount >= 0", name="ck_table_{i}_amount"),
    )

    id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    owner_id: Mapped[UUID] = mapped_column(pg.UUID(as_uuid=True), nullable=False, index=True)
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[Optional[str]] = mapped_column(sa.Text)
    amount: Mapped[float] = mapped_column(sa.Numeric(12, 2), server_default=sa.text("0"))
    status: Mapped[str] = mapped_column(sa.String(20), server_default="active")
    payload: Mapped[Optional[dict]] = mapped_column(pg.JSONB, server_default=sa.text("'{{}}'::jsonb"))


event.listen(
    Table{i}.__table__,
    "after_create",
    DDL(
        """
        ALTER TABLE table_{i} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY table_{i}_select ON table_{i} FOR SELECT TO authenticated USING (owner_id = (select auth.uid()));
        CREATE POLICY table_{i}_insert ON table_{i} FOR INSERT TO authenticated WITH CHECK (owner_id = (select auth.uid()));
        CREATE POLICY table_{i}_update ON table_{i} FOR UPDATE TO authenticated USING (owner_id = (select auth.uid()));
        CREATE TRIGGER table_{i}_touch BEFORE UPDATE ON table_{i} FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
        """
    ),
)
'''


def main(argv):
    count = int(argv[1]) if len(argv) > 1 else 1000
    sys.stdout.write(HEADER)
    for i in range(count):
        sys.stdout.write(TABLE.format(i=i))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
