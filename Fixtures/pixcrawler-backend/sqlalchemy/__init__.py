"""
SQLAlchemy models synchronized with the frontend Drizzle schema (PixCrawler backend).

IMPORTANT: The frontend Drizzle schema is the single source of truth.
"""

from .base import Base
from .models import ActivityLog, CrawlJob, Image, Profile, Project
from .billing import APIKey, CreditAccount, CreditTransaction, UsageMetric
from .notifications import Notification, NotificationPreference
from . import security  # noqa: F401  (RLS policies and triggers as DDL listeners)

__all__ = [
    "Base", "Profile", "Project", "CrawlJob", "Image", "ActivityLog", "APIKey", "CreditAccount",
    "CreditTransaction", "UsageMetric", "Notification", "NotificationPreference",
]
