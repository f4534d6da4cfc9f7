import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Enum,
    ForeignKey,
    Identity,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import declared_attr, relationship

from .db import Base
from .types import BigIntId, Money


class AccountKind(enum.Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


class Audited:
    """Columns every ledger table carries."""

    created_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    created_by = Column(String(64), nullable=False, server_default=text("CURRENT_USER"))

    @declared_attr
    def revision(cls):
        return Column(Integer, nullable=False, server_default="1")


class Account(Audited, Base):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("length(code) >= 3", name="code_length"),
        {"comment": "Chart of accounts"},
    )

    id = Column(BigIntId, primary_key=True)
    code = Column(String(12), nullable=False)
    name = Column("display_name", String(120), nullable=False)
    kind = Column(Enum(AccountKind, name="account_kind"), nullable=False)
    parent_id = Column(ForeignKey("accounts.id", ondelete="SET NULL"))
    balance = Column(Money, nullable=False, server_default=text("0"))
    is_active = Column(Boolean, nullable=False, server_default=text("true"))
    status = Column(Enum("open", "frozen", "closed", name="account_status", native_enum=False, create_constraint=True), nullable=False, server_default="open")
    notes = Column(Text, comment="Free text for accountants")
    account_type = Column(String(20), nullable=False)

    parent = relationship("Account", remote_side=[id])

    __mapper_args__ = {"polymorphic_on": account_type, "polymorphic_identity": "account"}


class AssetAccount(Account):
    """Single-table inheritance: its column lives in accounts."""

    depreciation_rate = Column(Integer)

    __mapper_args__ = {"polymorphic_identity": "asset"}


class Party(Audited, Base):
    __tablename__ = "parties"

    id = Column(Integer, Identity(always=True, start=1000), primary_key=True)
    legal_name = Column(String(200), nullable=False, index=True)
    email = Column(String(255), unique=True, index=True)
    kind = Column(String(20), nullable=False)

    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "party"}


class Customer(Party):
    """Joined-table inheritance: its own table keyed by the parent's id."""

    __tablename__ = "customers"

    id = Column(Integer, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True)
    credit_limit = Column(Money)

    __mapper_args__ = {"polymorphic_identity": "customer"}


class Supplier(Party):
    __tablename__ = "suppliers"

    id = Column(ForeignKey(Party.id), primary_key=True)
    payment_terms_days = Column(Integer, nullable=False, default=30)

    __mapper_args__ = {"polymorphic_identity": "supplier"}


account_tags = Table(
    "account_tags",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Column("tagged_at", DateTime(timezone=True), server_default=func.now()),
)
