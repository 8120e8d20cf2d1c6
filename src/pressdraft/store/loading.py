"""Loading a whole store into an empty database, all or nothing, verified before commit.

Shared by ``restore`` (from a backup file) and ``migrate_store`` (from another database). The
target is prepared (migrated to the source's schema revision when fresh), checked empty, loaded,
read back and compared by counts and checksums, brought up to the code's schema, and only then
committed: a load that fails anywhere leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from pressdraft.store import search
from pressdraft.store.errors import BackupError, StoreNotEmpty
from pressdraft.store.migrate import alembic_config, upgrade_on
from pressdraft.store.revision import current_revision
from pressdraft.store.rows import (
    Kind,
    TableDigest,
    count,
    insert_encoded,
    portable_table,
    stored_digest,
)
from pressdraft.store.schema import TABLES


def prepare_target(connection: Connection, revision: str) -> None:
    """Bring a fresh database to ``revision``; refuse one that holds anything."""
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise BackupError(
            f"The data is at schema revision {revision!r}, which this version of pressdraft does not know; "
            "nothing was changed."
        )
    current = current_revision(connection)
    if current is None:
        leftovers = sorted(set(inspect(connection).get_table_names()) & {t.name for t in TABLES})
        if leftovers:
            raise StoreNotEmpty(
                f"The target database already has store tables ({', '.join(leftovers)}) but no "
                "schema revision; use a new, empty database."
            )
        upgrade_on(connection, revision)
    elif current != revision:
        raise StoreNotEmpty(
            f"The target database is at schema revision {current}, the data at {revision}; "
            "restore into a new, empty database (a new SQLite file or an empty PostgreSQL "
            "database)."
        )
    require_empty(connection)


def require_empty(connection: Connection) -> None:
    """Refuse to load into a store that holds any row, naming what it holds."""
    present = set(inspect(connection).get_table_names())
    held = {t.name: count(connection, t) for t in TABLES if t.name in present}
    held = {name: n for name, n in held.items() if n}
    if held:
        what = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in held.items())
        raise StoreNotEmpty(
            f"The target database is not empty ({what}); nothing was changed. Restore and copy "
            "only go into a new, empty database, so that no data can be overwritten or mixed."
        )


def require_tables(connection: Connection, columns: Mapping[str, Iterable[str]], what: str) -> None:
    """Refuse a load that is not exactly the store's tables (at the target's revision), column for column.

    What a load lists is all it loads: a table left out would be restored empty, "verified".
    """
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    expected = {t.name for t in TABLES if t.name in present}
    _require_same(what, "", expected, set(columns))
    for name, listed in columns.items():
        _require_same(what, f" (table {name})", {c["name"] for c in inspector.get_columns(name)}, set(listed))


def _require_same(what: str, where: str, stored: set[str], listed: set[str]) -> None:
    """One line naming what a load leaves out and what it adds (tables, or a table's columns)."""
    missing, extra = sorted(stored - listed), sorted(listed - stored)
    kind = "columns" if where else "tables"
    wrong = [f"leaves out the {kind} {', '.join(missing)}"] if missing else []
    wrong += [f"lists the {kind} {', '.join(extra)}, which the store does not have"] if extra else []
    if wrong:
        raise BackupError(f"{what}{where} {' and '.join(wrong)}; nothing was changed.")


def load_table(
    connection: Connection,
    name: str,
    kinds: Mapping[str, Kind],
    rows: Iterable[Mapping[str, Any]],
    expected: Mapping[str, Any],
) -> dict[str, Any]:
    """Insert one table's rows and check them twice: as handed in, and as read back."""
    target = portable_table(name, kinds)
    handed = insert_encoded(connection, target, kinds, rows)
    _compare(name, "the source", handed, expected)
    _compare(name, "the loaded database", stored_digest(connection, target, kinds), expected)
    return handed.summary()


def _compare(name: str, where: str, digest: TableDigest, expected: Mapping[str, Any]) -> None:
    if digest.count != expected["count"] or digest.hexdigest() != expected["sha256"]:
        raise BackupError(
            f"Table {name}: {where} has {digest.count} rows with checksum "
            f"{digest.hexdigest()[:12]}…, "
            f"expected {expected['count']} rows with checksum {str(expected['sha256'])[:12]}…; "
            "nothing was changed."
        )


def finish(connection: Connection) -> None:
    """After loading: the code's schema revision, the search index of the loaded drafts (it is
    not backed up: derived from them), and sequences past the loaded ids."""
    upgrade_on(connection, "head")
    search.rebuild(connection)
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection)


def _reset_sequences(connection: Connection) -> None:
    """Explicit ids were inserted, so PostgreSQL's sequences must be moved past them."""
    for table in TABLES:
        for col in table.primary_key.columns:
            if col.autoincrement is True:
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col.name}'), "
                        f"COALESCE((SELECT MAX({col.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )
