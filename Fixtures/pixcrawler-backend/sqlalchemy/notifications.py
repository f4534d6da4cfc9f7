"""User notifications and preferences."""

import enum
from datetime import datetime, time
from typing import Optional
from uuid import UUID

from sqlalchemy import Boolean, Enum, ForeignKey, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .mixins import TimestampMixin


class DigestFrequency(enum.Enum):
    realtime = "realtime"
    daily = "daily"
    weekly = "weekly"
    never = "never"


class Notification(Base):
    """User notifications."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    category: Mapped[Optional[str]] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(255))
    message: Mapped[str] = mapped_column(Text)
    icon: Mapped[Optional[str]] = mapped_column(String(50))
    color: Mapped[Optional[str]] = mapped_column(String(20))
    action_url: Mapped[Optional[str]] = mapped_column(Text)
    action_label: Mapped[Optional[str]] = mapped_column(String(100))
    is_read: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    read_at: Mapped[Optional[datetime]]
    metadata_: Mapped[Optional[dict]] = mapped_column("metadata")
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class NotificationPreference(Base, TimestampMixin):
    """Notification settings."""

    __tablename__ = "notification_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), unique=True)
    email_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    push_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    sms_enabled: Mapped[bool] = mapped_column(server_default=text("false"))
    crawl_jobs_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    datasets_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    billing_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    security_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    marketing_enabled: Mapped[bool] = mapped_column(server_default=text("false"))
    product_updates_enabled: Mapped[bool] = mapped_column(server_default=text("true"))
    digest_frequency: Mapped[DigestFrequency] = mapped_column(
        Enum(DigestFrequency, name="digest_frequency"), server_default="daily"
    )
    quiet_hours_start: Mapped[Optional[time]]
    quiet_hours_end: Mapped[Optional[time]]
