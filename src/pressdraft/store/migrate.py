"""Schema migrations, programmatically: what is pending, and applying them.

The app refuses to run on a database whose schema is behind the code (``StoreNotReady``); the
operator runs ``pressdraft db upgrade``. An upgrade runs in one transaction (on SQLite thanks
to the explicit ``BEGIN IMMEDIATE``, on PostgreSQL because its DDL is transactional) and, on
PostgreSQL, under an advisory lock, so two servers starting at once cannot both apply it.
Which revision a database is at and which one the code expects is read without Alembic
(``store.revision``), so a start on a database at head never imports this module.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from pressdraft.store.database import Database, safe_url
from pressdraft.store.errors import StoreNotReady
from pressdraft.store.revision import MIGRATIONS, current_revision

_PG_UPGRADE_LOCK = 0x70726573  # an arbitrary constant key for pg_advisory_xact_lock


def alembic_config() -> Config:
    """Alembic's configuration for the store's migrations (no ini file needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def pending_on(connection: Connection) -> list[str]:
    """The revisions not yet applied to this database, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(connection)
    if current is not None and not _known(script, current):
        raise StoreNotReady(
            f"The database is at schema revision {current!r}, which this version of pressdraft "
            "does not know: it was upgraded by a newer version. Run that version instead."
        )
    revisions = script.iterate_revisions("heads", current)
    return [rev.revision for rev in reversed(list(revisions))]


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def pending_migrations(url: str | URL) -> list[str]:
    """The migrations ``pressdraft db upgrade`` would apply to the database at ``url``."""
    database = Database(url)
    try:
        return database.run_read(pending_on)
    finally:
        database.dispose()


def upgrade(url: str | URL, revision: str = "head") -> list[str]:
    """Apply the pending migrations (up to ``revision``); returns the revisions applied."""
    database = Database(url)
    try:
        return database.run_write(lambda connection: upgrade_on(connection, revision))
    finally:
        database.dispose()


def upgrade_on(connection: Connection, revision: str = "head") -> list[str]:
    """Upgrade within the caller's transaction."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_UPGRADE_LOCK})
    before = current_revision(connection)
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
    script = ScriptDirectory.from_config(config)
    applied = script.iterate_revisions(revision, before)
    return [rev.revision for rev in reversed(list(applied))]


def require_current(connection: Connection, url: str | URL) -> None:
    """Refuse a database with pending migrations, saying what to run."""
    pending = pending_on(connection)
    if pending:
        raise StoreNotReady(
            f"The database {safe_url(url)} needs {len(pending)} schema migration(s) "
            f"({', '.join(pending)}). Run `pressdraft db upgrade` first."
        )
