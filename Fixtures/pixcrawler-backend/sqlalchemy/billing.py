"""API keys, credits and usage metrics."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .mixins import TimestampMixin


class APIKey(Base, TimestampMixin):
    """Programmatic access management."""

    __tablename__ = "api_keys"

    id: Mapped[uuid.UUID] = mapped_column(pg.UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()"))
    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    key_hash: Mapped[str] = mapped_column(sa.String(255), unique=True)
    key_prefix: Mapped[str] = mapped_column(sa.String(20))
    status: Mapped[str] = mapped_column(sa.String(20), server_default="active")
    permissions: Mapped[list] = mapped_column(server_default=sa.text("'[]'::jsonb"))
    rate_limit: Mapped[int] = mapped_column(server_default=sa.text("1000"))
    usage_count: Mapped[int] = mapped_column(server_default=sa.text("0"))
    last_used_at: Mapped[Optional[datetime]]
    last_used_ip: Mapped[Optional[str]] = mapped_column(sa.String(45))
    expires_at: Mapped[datetime | None]

    __table_args__ = (
        sa.CheckConstraint("status IN ('active', 'revoked', 'expired')", name="ck_api_keys_status"),
        sa.CheckConstraint("rate_limit > 0", name="ck_api_keys_rate_limit_positive"),
    )


class CreditAccount(Base, TimestampMixin):
    """User billing and credit management."""

    __tablename__ = "credit_accounts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=sa.text("gen_random_uuid()"))
    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("profiles.id", ondelete="CASCADE"), unique=True)
    current_balance: Mapped[int] = mapped_column(server_default=sa.text("0"))
    monthly_usage: Mapped[int] = mapped_column(server_default=sa.text("0"))
    average_daily_usage: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("0.00"))
    auto_refill_enabled: Mapped[bool] = mapped_column(server_default=sa.false())
    refill_threshold: Mapped[int] = mapped_column(server_default=sa.text("100"))
    refill_amount: Mapped[int] = mapped_column(server_default=sa.text("500"))
    monthly_limit: Mapped[int] = mapped_column(server_default=sa.text("2000"))

    __table_args__ = (
        sa.CheckConstraint("current_balance >= 0", name="ck_credit_accounts_balance_non_negative"),
    )


class CreditTransaction(Base):
    """Billing history."""

    __tablename__ = "credit_transactions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=sa.text("gen_random_uuid()"))
    account_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("credit_accounts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(sa.String(20))
    description: Mapped[str] = mapped_column(sa.Text)
    amount: Mapped[int]
    balance_after: Mapped[int]
    status: Mapped[str] = mapped_column(sa.String(20), server_default="completed")
    metadata_: Mapped[Optional[dict]] = mapped_column("metadata")
    created_at: Mapped[datetime] = mapped_column(server_default=sa.func.now())

    __table_args__ = (
        sa.CheckConstraint("type IN ('purchase', 'usage', 'refund', 'bonus')", name="ck_credit_transactions_type"),
        sa.Index("ix_credit_transactions_user_created", "user_id", "created_at"),
    )


class UsageMetric(Base):
    """Daily usage tracking."""

    __tablename__ = "usage_metrics"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=sa.text("gen_random_uuid()"))
    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("profiles.id", ondelete="CASCADE"))
    metric_date: Mapped[date]
    images_processed: Mapped[int] = mapped_column(server_default=sa.text("0"))
    images_limit: Mapped[int] = mapped_column(server_default=sa.text("10000"))
    storage_used_gb: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("0.00"))
    storage_limit_gb: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("100.00"))
    api_calls: Mapped[int] = mapped_column(server_default=sa.text("0"))
    api_calls_limit: Mapped[int] = mapped_column(server_default=sa.text("50000"))
    bandwidth_used_gb: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("0.00"))
    bandwidth_limit_gb: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("500.00"))
    created_at: Mapped[datetime] = mapped_column(server_default=sa.func.now())

    __table_args__ = (
        sa.UniqueConstraint("user_id", "metric_date"),
    )
