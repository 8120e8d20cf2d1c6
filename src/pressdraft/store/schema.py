"""The store's tables, declared once (SQLAlchemy Core) for queries, backups and migration checks.

The migrations in ``pressdraft/migrations`` create exactly this schema; a test compares them.
Natural keys where they exist (draft id, template id + version number), so a version can never
be inserted twice: the unique key is what makes optimistic locking hold across processes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

#: A release's states, in the order it moves through them (the rules are in ``app/review.py``).
STATUSES = ("draft", "in_review", "approved", "published")
#: The states in which a release's text is frozen (``app/locks.py``).
LOCKED = frozenset({"approved", "published"})


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database.

    SQLite has no time zones: values are stored as naive UTC text (which sorts correctly) and
    come back aware; PostgreSQL stores ``timestamptz`` and the value is converted to UTC.
    Naive datetimes are refused, so local time can never slip in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the store keeps timezone-aware UTC timestamps only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def json_type() -> JSON:
    """JSON where Python ``None`` is SQL NULL, the same on SQLite and PostgreSQL."""
    return JSON(none_as_null=True)


drafts = Table(
    "drafts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("data", json_type(), nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("template_id", String(200), nullable=True),
    Column("languages", json_type(), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("deleted_at", UTCDateTime, nullable=True),
    Column("template_version", Integer, nullable=True),
    Column("marks", json_type(), nullable=True),
    Column("summary", json_type(), nullable=True),
    # where the release stands on its way out: draft -> in_review -> approved -> published
    Column("status", String(16), nullable=False, server_default="draft"),
    Column("status_at", UTCDateTime, nullable=True),
    Column("status_by", String(200), nullable=True),
    CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSES)})", name="status"),
    Index("ix_drafts_deleted_at_updated_at", "deleted_at", "updated_at"),
    Index("ix_drafts_owner", "owner"),
)

template_versions = Table(
    "template_versions",
    metadata,
    Column("template_id", String(200), primary_key=True),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("files", json_type(), nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("restored_from", Integer, nullable=True),
    CheckConstraint("status IN ('working', 'draft')", name="status"),
    CheckConstraint("number >= 1", name="number"),
)

directory_versions = Table(
    "directory_versions",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("data", json_type(), nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    CheckConstraint("number >= 1", name="number"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(64), nullable=False),
    Column("object_id", String(200), nullable=False),
    Column("before", json_type(), nullable=True),
    Column("after", json_type(), nullable=True),
    Index("ix_audit_log_object", "object_type", "object_id"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("value", json_type(), nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", String(200), nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("email", String(320), primary_key=True),
    Column("issuer", String(500), nullable=False),
    Column("subject", String(500), nullable=False),
    Column("claims", json_type(), nullable=True),
    Column("bound_at", UTCDateTime, nullable=False),
    UniqueConstraint("issuer", "subject", name="uq_accounts_issuer"),
)

release_series = Table(
    "release_series",
    metadata,
    Column("issuer", String(80), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_number", Integer, nullable=False),
    CheckConstraint("last_number >= 1", name="last_number"),
)

# The register of numbers given: one row per number of a series, one number per draft, ever.
release_numbers = Table(
    "release_numbers",
    metadata,
    Column("issuer", String(80), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("draft_id", String(32), nullable=False),
    Column("printed", String(40), nullable=False),
    Column("assigned_at", UTCDateTime, nullable=False),
    Column("assigned_by", String(200), nullable=False),
    UniqueConstraint("draft_id", name="uq_release_numbers_draft_id"),
    CheckConstraint("number >= 1", name="number"),
)

# Cleaned pictures of photo blocks, addressed by the SHA-256 of their bytes (``img-<hex>``).
images = Table(
    "images",
    metadata,
    Column("id", String(68), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("content_type", String(64), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("uploaded_by", String(200), nullable=False),
    Column("uploaded_at", UTCDateTime, nullable=False),
)

# Every saved state of a draft: consecutive autosaves by one person within minutes fold into one
# version (``store/versions.py``); a step of the review (submit, approve...) is a version of its own.
draft_versions = Table(
    "draft_versions",
    metadata,
    Column("draft_id", String(32), primary_key=True),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("data", json_type(), nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),  # its last autosave folded in
    Column("revision", Integer, nullable=False),  # the draft's revision this version holds
    Column("status", String(16), nullable=False),
    Column("event", String(32), nullable=False),  # edit, submit, approve, restore, ...
    Column("changed", json_type(), nullable=True),  # the data paths its saves changed
    Column("restored_from", Integer, nullable=True),
    CheckConstraint("number >= 1", name="number"),
)

# A reviewer's remark on one field or body block (``path``), in one language or all (NULL).
draft_comments = Table(
    "draft_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", String(32), nullable=False),
    Column("path", String(200), nullable=False),
    Column("language", String(8), nullable=True),
    Column("text", Text, nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("resolved_by", String(200), nullable=True),
    Index("ix_draft_comments_draft_id", "draft_id"),
)

# What went out: one row per publication of a version, its files kept as sent and never changed.
publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("channel", String(32), nullable=False),
    Column("published_at", UTCDateTime, nullable=False),
    Column("published_by", String(200), nullable=False),
    Column("number", String(40), nullable=True),
    Column("template_id", String(200), nullable=True),
    Column("template_version", Integer, nullable=True),
    Column("directory_version", Integer, nullable=True),
    Index("ix_publications_draft_id", "draft_id"),
)

publication_files = Table(
    "publication_files",
    metadata,
    Column("publication_id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

#: Every table of the store, in the order a backup writes and a restore loads them.
# The words a draft is found by, folded (``language/folding.py``), one row per draft, kept by the
# store with every saved version (``store/search.py``). Derived from the drafts, so not backed up
# (not in TABLES): rebuilt when a store is loaded. The database's own full-text index sits beside
# it, made by migration 0006: an FTS5 table on SQLite, a GIN index on PostgreSQL.
search_index = Table(
    "search_index",
    metadata,
    Column("draft_id", String(32), primary_key=True),
    Column("words", Text, nullable=False),
)

TABLES: tuple[Table, ...] = (
    drafts,
    template_versions,
    directory_versions,
    settings,
    accounts,
    audit_log,
    release_series,
    release_numbers,
    images,
    draft_versions,
    draft_comments,
    publications,
    publication_files,
)


def now() -> datetime:
    """The current time, aware and in UTC (the only kind the store keeps)."""
    return datetime.now(UTC)


def row_dict(row: Any) -> dict[str, Any]:
    """A result row as a plain dict."""
    return dict(row._mapping)
