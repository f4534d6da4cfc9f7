from sqlalchemy import (
    BigInteger,
    Column,
    Computed,
    Date,
    DDL,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    event,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from .db import Base
from .types import Money, Tags


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    label = Column(String(40), nullable=False, unique=True)


class Entry(Base):
    __tablename__ = "entries"

    id = Column(UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()"))
    booked_on = Column(Date, nullable=False)
    memo = Column(String(500))
    memo_upper = Column(String(500), Computed("upper(memo)"))
    tags = Column(Tags, server_default=text("'{}'"))
    extra = Column(JSONB, nullable=False, server_default=text("'{}'::jsonb"))


class JournalLine(Base):
    __tablename__ = "journal_lines"
    __table_args__ = (
        ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        ForeignKeyConstraint(["account_id"], ["accounts.id"]),
        Index("ix_journal_lines_open", "account_id", postgresql_where=text("amount <> 0")),
        Index("ix_journal_lines_meta", "meta", postgresql_using="gin"),
    )

    id = Column(BigInteger, primary_key=True)
    entry_id = Column(UUID(as_uuid=True), nullable=False)
    account_id = Column(BigInteger, nullable=False)
    amount = Column(Money, nullable=False)
    meta = Column(JSONB)
    line_no = Column(Integer, nullable=False, autoincrement=False)


Index("ix_journal_lines_entry_line", JournalLine.entry_id, JournalLine.line_no, unique=True)

event.listen(
    JournalLine.__table__,
    "after_create",
    DDL(
        "ALTER TABLE %(fullname)s ENABLE ROW LEVEL SECURITY; "
        "ALTER TABLE %(fullname)s FORCE ROW LEVEL SECURITY; "
        "CREATE POLICY journal_lines_owner ON %(fullname)s AS RESTRICTIVE FOR ALL TO PUBLIC "
        "USING (current_setting('app.tenant', true) IS NOT NULL)"
    ),
)
