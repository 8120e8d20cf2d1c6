"""The store: drafts, template versions, the directory, settings, the audit log, release-number
series and the pictures of photo blocks, in one database.

SQLite in the data folder by default, PostgreSQL for several servers; the same behaviour on
both. Nothing is lost: autosaves and template saves are guarded by revisions (a stale save is
refused with what is stored now), deletions go to a trash, versions are never rewritten,
every change to templates, directory and settings and every deletion is audited in the same
transaction, release numbers are unique and without gaps per issuer and year, and the whole
store can be backed up, restored and copied, verified by checksums.
"""

from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from pressdraft.store.api import Store, default_url, open_store
from pressdraft.store.database import make_engine
from pressdraft.store.drafts import NotInTrash
from pressdraft.store.errors import (
    BackupError,
    ConflictError,
    InvalidData,
    NotFound,
    StoreBusy,
    StoreError,
    StoreNotEmpty,
    StoreNotReady,
    StoreUnavailable,
)
from pressdraft.store.records import (
    AuditEntry,
    DirectoryVersion,
    DraftSummary,
    DraftVersion,
    StoredDraft,
    TemplateSummary,
    TemplateVersion,
)
from pressdraft.store.revision import head_revision

#: What needs Alembic (migrations, and restore and copy, which migrate their target), imported
#: when first asked for: every module of the store imports this package first, and the app's
#: start on a database at head needs no Alembic (``store.revision``).
_WITH_ALEMBIC = {
    "pending_migrations": ("pressdraft.store.migrate", "pending_migrations"),
    "upgrade": ("pressdraft.store.migrate", "upgrade"),
    "restore": ("pressdraft.store.backup_file", "restore_backup"),
    "migrate_store": ("pressdraft.store.transfer", "migrate_store"),
}


def __getattr__(name: str) -> Any:
    if name not in _WITH_ALEMBIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _WITH_ALEMBIC[name]
    return getattr(import_module(module), attribute)


def backup(url: str | URL, path: str | Path) -> dict[str, Any]:
    """Back up the store at ``url`` to one file (``pressdraft backup``); returns the manifest."""
    with Store(url) as store:
        return store.backup(path)


__all__ = [
    "AuditEntry",
    "BackupError",
    "ConflictError",
    "DirectoryVersion",
    "StoredDraft",
    "DraftSummary",
    "DraftVersion",
    "InvalidData",
    "NotFound",
    "NotInTrash",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreNotEmpty",
    "StoreNotReady",
    "StoreUnavailable",
    "TemplateSummary",
    "TemplateVersion",
    "backup",
    "default_url",
    "head_revision",
    "make_engine",
    "migrate_store",
    "open_store",
    "pending_migrations",
    "restore",
    "upgrade",
]
