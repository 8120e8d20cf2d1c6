"""Copying a whole store between databases (SQLite → PostgreSQL), verified by counts and checksums.

The source is read in one snapshot transaction; the target is loaded in one transaction that
commits only after every table, read back, matches the source's row count and checksum.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import URL

from pressdraft.store.database import Database
from pressdraft.store.loading import finish, load_table, prepare_target
from pressdraft.store.migrate import require_current
from pressdraft.store.revision import current_revision
from pressdraft.store.rows import column_kinds, read_encoded, stored_digest
from pressdraft.store.schema import TABLES


def migrate_store(from_url: str | URL, to_url: str | URL, **options: Any) -> dict[str, dict[str, Any]]:
    """Copy everything from one store into a new, empty database; returns counts and checksums."""
    source = Database(from_url, **options)
    target = Database(to_url, **options)
    try:
        return source.run_read(
            lambda reading: target.run_write(lambda writing: _copy(reading, writing, source.url)),
            snapshot=True,
        )
    finally:
        source.dispose()
        target.dispose()


def _copy(source: Connection, target: Connection, source_url: URL) -> dict[str, dict[str, Any]]:
    require_current(source, source_url)
    revision = current_revision(source)
    assert revision is not None
    prepare_target(target, revision)
    report: dict[str, dict[str, Any]] = {}
    for table in TABLES:
        kinds = column_kinds(table)
        expected = stored_digest(source, table, kinds).summary()
        report[table.name] = load_table(target, table.name, kinds, read_encoded(source, table, kinds), expected)
    finish(target)
    return report
