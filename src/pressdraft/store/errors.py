"""The errors the store raises: each says what happened and what to do, never a raw driver error."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """Base of every store error; its message is fit to show to a user or an operator."""


class NotFound(StoreError):
    """The draft, template version or setting asked for does not exist."""


class ConflictError(StoreError):
    """Someone saved first: the change was refused and nothing was written.

    Carries what is stored now (``current``: draft data, template files or directory data)
    and its ``revision`` (draft revision, template or directory version number), so the UI
    can show a diff and let the user merge instead of overwriting.
    """

    def __init__(self, message: str, *, current: Any, revision: int | None, record: Any = None):
        super().__init__(message)
        self.current = current
        self.revision = revision
        self.record = record


class InvalidData(StoreError, ValueError):
    """A value the store cannot keep: not JSON (NaN, objects) or a naive timestamp."""


class StoreBusy(StoreError):
    """The database stayed locked by other writers after waiting and retrying."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or used (server down, file unreadable, disk full)."""


class StoreNotReady(StoreError):
    """The database schema is behind the code (pending migrations) or newer than it."""


class StoreNotEmpty(StoreError):
    """A restore or copy was aimed at a database that already holds data."""


class BackupError(StoreError):
    """A backup file is unreadable, of an unknown format, or fails its counts or checksums."""
