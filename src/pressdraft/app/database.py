"""The store's own commands, for an operator: schema status and upgrade, backup, restore, copy.

Each works on a database URL (``--database-url``, else the settings'), prints nothing, and turns
the store's errors and the database driver's into ``StoreFailure``: one line, any password hidden,
so the command line shows it as it is and never a traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from alembic.script import ScriptDirectory
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from pressdraft.app.archive import Archive, ArchiveHit
from pressdraft.app.failures import StoreFailure, hide_passwords
from pressdraft.app.settings import load_settings
from pressdraft.store.api import Store, open_store
from pressdraft.store.backup_file import restore_backup
from pressdraft.store.database import safe_url
from pressdraft.store.errors import StoreError
from pressdraft.store.migrate import alembic_config, pending_migrations
from pressdraft.store.migrate import upgrade as upgrade_schema
from pressdraft.store.revision import head_revision
from pressdraft.store.transfer import migrate_store

__all__ = [
    "Status",
    "StoreFailure",
    "backup",
    "checked_url",
    "database_url",
    "head_revision",
    "hide_passwords",
    "migrate",
    "reindex",
    "restore",
    "safe_url",
    "search",
    "status",
    "upgrade",
]


def _one_line(text: str) -> str:
    return hide_passwords(" ".join(str(text).split()))


Params = ParamSpec("Params")
Result = TypeVar("Result")


def _failing_in_one_line(run: Callable[Params, Result]) -> Callable[Params, Result]:
    """The store's errors, and the database's own, become one ``StoreFailure`` line."""

    @functools.wraps(run)
    def wrapped(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        try:
            return run(*args, **kwargs)
        except StoreError as error:
            raise StoreFailure(_one_line(str(error))) from None
        except SQLAlchemyError as error:
            lines = str(getattr(error, "orig", None) or error).strip().splitlines()
            reason = lines[0] if lines else type(error).__name__
            raise StoreFailure(_one_line(f"the database refused: {reason}")) from None

    return wrapped


def checked_url(value: str, option: str) -> str:
    """A database URL SQLAlchemy can use, or a clear refusal (naming the option it came from)."""
    try:
        make_url(value).get_dialect()
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise ValueError(
            _one_line(
                f"{option}: not a database URL pressdraft can use ({hide_passwords(value)!r}: {error}); "
                "expected sqlite:///PATH or postgresql+psycopg://… (see docs/deploy.md)"
            )
        ) from None
    return value


def database_url(given: str | None) -> str:
    """``given`` (``--database-url``), else the settings' ``database_url`` (``PRESSDRAFT_DATABASE_URL``)."""
    if given:
        return checked_url(given, "--database-url")
    return checked_url(str(load_settings()["database_url"]), "PRESSDRAFT_DATABASE_URL")


def _missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL that does not exist yet (None: exists, or not a SQLite file)."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return None if path.exists() else path


def _migration_titles(revisions: Sequence[str]) -> list[str]:
    """``revision (what it does)`` of each migration."""
    script = ScriptDirectory.from_config(alembic_config())
    titles = []
    for revision in revisions:
        doc = (script.get_revision(revision).doc or "").strip()  # type: ignore[union-attr]
        titles.append(f"{revision} ({doc})" if doc else revision)
    return titles


@_failing_in_one_line
def upgrade(url: str) -> list[str]:
    """Apply the pending schema migrations; the title of each one applied."""
    return _migration_titles(upgrade_schema(url))


@dataclass(frozen=True)
class Status:
    pending: list[str]  # the title of each pending migration
    no_file_yet: bool  # a SQLite file that does not exist: every migration is pending


@_failing_in_one_line
def status(url: str) -> Status:
    """The migrations the store at ``url`` still needs; a missing SQLite file is not created here."""
    missing = _missing_sqlite_file(url) is not None
    return Status(_migration_titles(pending_migrations("sqlite://" if missing else url)), missing)


@_failing_in_one_line
def backup(url: str, path: Path) -> dict[str, Any]:
    """The whole store in one file; returns its manifest (per-table counts and checksums)."""
    missing = _missing_sqlite_file(url)
    if missing:
        raise StoreFailure(f"there is no store at {missing}; nothing to back up")
    with Store(url) as store:
        return store.backup(path)


@_failing_in_one_line
def restore(path: Path, url: str) -> dict[str, Any]:
    """A backup into a new, empty store, every table verified; returns the backup's manifest."""
    if not path.is_file():
        raise StoreFailure(f"cannot read the backup {path}: no such file")
    return restore_backup(path, url)


def _existing_store(url: str) -> Store:
    """The store at ``url``, at the code's schema revision (else a one-line refusal)."""
    missing = _missing_sqlite_file(url)
    if missing:
        raise StoreFailure(f"there is no store at {missing}")
    return open_store(url)


@_failing_in_one_line
def search(url: str, query: str, *, lang: str, **filters: Any) -> list[ArchiveHit]:
    """The archive's search (``app/archive.py``) on the store at ``url``, for scripts and the CLI."""
    with _existing_store(url) as store:
        return Archive(store).search(query, lang=lang, **filters)


@_failing_in_one_line
def reindex(url: str) -> int:
    """Rebuild the search index of every draft (after it was lost or damaged); how many were indexed."""
    with _existing_store(url) as store:
        return store.reindex_drafts()


@_failing_in_one_line
def migrate(source: str, target: str) -> dict[str, dict[str, Any]]:
    """A whole store copied into a new, empty database, verified; returns the per-table report."""
    missing = _missing_sqlite_file(source)
    if missing:
        raise StoreFailure(f"--from: there is no store at {missing}")
    return migrate_store(source, target)
