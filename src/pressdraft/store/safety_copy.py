"""A copy of a SQLite store taken before it is upgraded automatically, so an upgrade can be undone.

Only the embedded SQLite default is ever upgraded without an operator (``open_store(...,
auto_upgrade=True)``); before that touches a database that already holds a schema, the whole
file is copied with SQLite's online backup API (consistent even while others write) next to it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL


def copy_before_upgrade(url: URL, revision: str) -> Path | None:
    """Copy the database file to ``<file>.before-<revision>.bak``; None for in-memory databases."""
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    source = Path(database).expanduser()
    target = source.with_name(f"{source.name}.before-{revision}.bak")
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)
    return target
