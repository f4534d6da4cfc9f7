"""A double-entry ledger in classic SQLAlchemy 1.4 style: Column(...), declarative_base()."""

from .db import Base, metadata
from .types import Money, Tags
from .accounts import Account, AssetAccount, Customer, Party, Supplier, account_tags
from .entries import Entry, JournalLine, Tag

__all__ = [
    "Base", "metadata", "Money", "Tags", "Account", "AssetAccount", "Customer", "Party", "Supplier",
    "account_tags", "Entry", "JournalLine", "Tag",
]
