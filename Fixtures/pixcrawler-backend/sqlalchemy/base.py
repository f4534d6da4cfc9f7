"""Declarative base shared by all backend models."""

from sqlalchemy import MetaData
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Base class for all models."""

    metadata = MetaData()
    type_annotation_map = {
        dict: JSONB,
        list: JSONB,
    }
