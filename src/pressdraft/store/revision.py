"""Which schema revision a database is at, and which one this code expects, without Alembic.

Every start asks whether the database is at head; Alembic answers by loading itself and every
migration script (~0.15 s of a server's start). A database at head needs neither, so the question
is answered here: the revision Alembic recorded in the database (its ``alembic_version`` table)
against the newest migration file. The revisions are numbered in order (``alembic revision
--rev-id 0005``), and Alembic names each file by its revision (``0005_<slug>.py``), so the newest
file name is the head; ``tests/store/test_store_migrations.py`` checks that Alembic agrees. A
database not at head (never migrated, behind, or ahead) is left to ``store.migrate``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, inspect, text

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
VERSION_TABLE = "alembic_version"
_REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


@cache
def head_revision() -> str:
    """The schema revision this code expects (read once: the newest migration file's number)."""
    files = (MIGRATIONS / "versions").iterdir()
    return max(match.group(1) for path in files if (match := _REVISION_FILE.fullmatch(path.name)))


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at; None for a database never migrated."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()


def at_head(connection: Connection) -> bool:
    return current_revision(connection) == head_revision()
