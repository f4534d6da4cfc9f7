"""
Core models: profiles, projects, crawl jobs, images, activity logs.

Synchronized with frontend/lib/db/schema.ts.
"""

from datetime import datetime
from typing import List, Optional
from uuid import UUID

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import UUID as SQLAlchemyUUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .mixins import ChunkTrackingMixin, TimestampMixin


class Profile(Base, TimestampMixin):
    """
    User profile model (extends Supabase auth.users).
    """

    __tablename__ = "profiles"

    # Primary key (references auth.users.id)
    id: Mapped[UUID] = mapped_column(
        SQLAlchemyUUID(as_uuid=True),
        primary_key=True,
        comment="References auth.users.id",
    )
    email: Mapped[str] = mapped_column(
        String(255),
        nullable=False,
        unique=True,
        index=True,
    )
    full_name: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    avatar_url: Mapped[Optional[str]] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), nullable=False, server_default="user")
    onboarding_completed: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    onboarding_completed_at: Mapped[Optional[datetime]] = mapped_column(DateTime)

    projects: Mapped[List["Project"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint("role IN ('user', 'admin')", name="ck_profiles_role"),
    )


class Project(Base, TimestampMixin):
    """Project organization."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    description: Mapped[Optional[str]] = mapped_column(Text)
    user_id: Mapped[UUID] = mapped_column(
        SQLAlchemyUUID(as_uuid=True),
        ForeignKey("profiles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="active")

    user: Mapped["Profile"] = relationship(back_populates="projects")
    crawl_jobs: Mapped[List["CrawlJob"]] = relationship(back_populates="project")

    __table_args__ = (
        CheckConstraint("status IN ('active', 'archived', 'deleted')"),
    )


class CrawlJob(Base, TimestampMixin, ChunkTrackingMixin):
    """Crawl jobs with chunk tracking."""

    __tablename__ = "crawl_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"),
        nullable=False,
    )
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    keywords: Mapped[dict] = mapped_column(JSONB, nullable=False)
    max_images: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1000"))
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    progress: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    total_images: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    downloaded_images: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    valid_images: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime)
    completed_at: Mapped[Optional[datetime]] = mapped_column(DateTime)

    project: Mapped["Project"] = relationship(back_populates="crawl_jobs")

    __table_args__ = (
        CheckConstraint("progress >= 0 AND progress <= 100", name="ck_crawl_jobs_progress"),
        CheckConstraint(
            "status IN ('pending', 'running', 'completed', 'failed', 'cancelled')",
            name="ck_crawl_jobs_status",
        ),
        CheckConstraint("max_images > 0"),
        Index("ix_crawl_jobs_project_status", "project_id", "status"),
    )


class Image(Base):
    """Image metadata."""

    __tablename__ = "images"

    id: Mapped[int] = mapped_column(primary_key=True)
    crawl_job_id: Mapped[int] = mapped_column(ForeignKey("crawl_jobs.id", ondelete="CASCADE"), index=True)
    original_url: Mapped[str] = mapped_column(Text, nullable=False)
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    storage_url: Mapped[Optional[str]] = mapped_column(Text)
    width: Mapped[Optional[int]]
    height: Mapped[Optional[int]]
    file_size: Mapped[Optional[int]]
    format: Mapped[Optional[str]] = mapped_column(String(10))
    hash: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    is_valid: Mapped[bool] = mapped_column(server_default=text("true"))
    is_duplicate: Mapped[bool] = mapped_column(server_default=text("false"))
    labels: Mapped[Optional[dict]]
    metadata_: Mapped[Optional[dict]] = mapped_column("metadata", JSONB)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ActivityLog(Base):
    """User activity tracking."""

    __tablename__ = "activity_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[UUID]] = mapped_column(ForeignKey("profiles.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(Text)
    resource_type: Mapped[Optional[str]] = mapped_column(String(50))
    resource_id: Mapped[Optional[str]] = mapped_column(String(100))
    metadata_: Mapped[Optional[dict]] = mapped_column("metadata")
    timestamp: Mapped[datetime] = mapped_column(DateTime, nullable=False, server_default=func.now())

    __table_args__ = (
        Index("ix_activity_logs_user_timestamp", "user_id", timestamp.desc()),
    )
