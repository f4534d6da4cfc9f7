"""Column mixins reused by several tables."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class TimestampMixin:
    """Adds created_at / updated_at managed by the database."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime,
        nullable=False,
        server_default=func.now(),
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime,
        nullable=False,
        server_default=func.now(),
        onupdate=func.now(),
    )


class ChunkTrackingMixin:
    """Celery chunk bookkeeping for long-running crawl jobs."""

    total_chunks: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    active_chunks: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    completed_chunks: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    failed_chunks: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))

    @declared_attr
    def task_ids(cls) -> Mapped[list]:
        return mapped_column(JSONB, nullable=False, server_default=text("'[]'::jsonb"))
