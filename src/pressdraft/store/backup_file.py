"""Backup files: the whole store in one ZIP with counts and checksums; restore into a new database.

Layout (format ``pressdraft-store-backup``, version 1)::

    manifest.json      format, version, created_at, schema_revision, and per table:
                       its columns (name → kind), row count and SHA-256 (see ``rows``)
    <table>.jsonl      one row per line, canonical JSON

JSON lines keep the file readable and diffable with ordinary tools; the ZIP adds compression
and a CRC per member; the manifest's checksums are verified before a restore commits. The
snapshot is one read transaction, so a backup taken while people work is consistent. The
manifest is not trusted to say what a store is: a restore refuses an archive whose members are
not exactly the manifest and one member per listed table (none missing, extra or doubled), and a
manifest whose tables and columns are not exactly the store's at its schema revision.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, get_args

from sqlalchemy import Connection
from sqlalchemy.engine import URL

from pressdraft.core import zips
from pressdraft.store.database import Database
from pressdraft.store.errors import BackupError
from pressdraft.store.loading import finish, load_table, prepare_target, require_tables
from pressdraft.store.migrate import require_current
from pressdraft.store.revision import current_revision
from pressdraft.store.rows import Kind, TableDigest, canonical, column_kinds, read_encoded
from pressdraft.store.schema import TABLES, now

FORMAT = "pressdraft-store-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def write_backup(database: Database, path: str | Path) -> dict[str, Any]:
    """Write the whole store to ``path`` atomically; returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as raw:
            manifest = database.run_read(lambda c: _write_zip(c, database.url, raw), snapshot=True)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return manifest


def _write_zip(connection: Connection, url: URL, raw: io.BufferedWriter) -> dict[str, Any]:
    require_current(connection, url)
    raw.seek(0)
    raw.truncate()  # a retried transaction starts the file again
    tables: dict[str, Any] = {}
    created = now()
    with zipfile.ZipFile(raw, "w") as archive:
        for table in TABLES:
            kinds = column_kinds(table)
            digest = TableDigest()
            with archive.open(zips.member(_member(table.name), created), "w") as stream:
                for row in read_encoded(connection, table, kinds):
                    digest.add(row)
                    stream.write(canonical(row) + b"\n")
            tables[table.name] = {"columns": kinds, **digest.summary()}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": created.isoformat(),
            "source": connection.dialect.name,
            "schema_revision": current_revision(connection),
            "tables": tables,
        }
        archive.writestr(zips.member(MANIFEST, created), json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest of a backup, checked for format and version."""
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(f"This is not a pressdraft backup (no readable {MANIFEST}): {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This is not a pressdraft backup (format {manifest.get('format')!r}).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup has format version {manifest.get('format_version')}; this version of "
            f"pressdraft reads version {FORMAT_VERSION}."
        )
    if not _well_formed(manifest):
        raise BackupError(
            f"This backup's {MANIFEST} is damaged (its schema revision or tables are not as pressdraft "
            "writes them); nothing was changed."
        )
    _require_members(archive, manifest)
    return manifest


def _well_formed(manifest: Mapping[str, Any]) -> bool:
    """A schema revision and, per table, columns of known kinds, a count and a checksum."""
    tables = manifest.get("tables")
    return (
        isinstance(manifest.get("schema_revision"), str)
        and isinstance(tables, dict)
        and all(
            isinstance(spec, dict)
            and isinstance(spec.get("columns"), dict)
            and all(isinstance(kind, str) and kind in get_args(Kind) for kind in spec["columns"].values())
            and type(spec.get("count")) is int
            and spec["count"] >= 0
            and isinstance(spec.get("sha256"), str)
            for spec in tables.values()
        )
    )


def _require_members(archive: zipfile.ZipFile, manifest: Mapping[str, Any]) -> None:
    """The archive holds the manifest and one member per listed table, each once, and nothing else."""
    names = Counter(archive.namelist())
    doubled = sorted(name for name, n in names.items() if n > 1)
    listed = {MANIFEST} | {_member(table) for table in manifest["tables"]}
    missing, extra = sorted(listed - set(names)), sorted(set(names) - listed)
    if doubled or missing or extra:
        wrong = [f"{', '.join(doubled)} twice"] if doubled else []
        wrong += [f"no {', '.join(missing)}, which its manifest lists"] if missing else []
        wrong += [f"{', '.join(extra)}, which its manifest does not list"] if extra else []
        raise BackupError(f"This backup does not match its manifest: it holds {'; '.join(wrong)}; nothing was changed.")


def _member(table: str) -> str:
    return f"{table}.jsonl"


def restore_backup(path: str | Path, url: str | URL, **options: Any) -> dict[str, Any]:
    """Load a backup into a fresh database at ``url``, all or nothing; returns the manifest."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"Cannot read the backup {path}: {error}") from None
    database = Database(url, **options)
    try:
        with archive:
            manifest = read_manifest(archive)
            database.run_write(lambda connection: _load(connection, archive, manifest))
        return manifest
    finally:
        database.dispose()


def _load(connection: Connection, archive: zipfile.ZipFile, manifest: Mapping[str, Any]) -> None:
    prepare_target(connection, manifest["schema_revision"])
    require_tables(
        connection, {name: spec["columns"] for name, spec in manifest["tables"].items()}, "The backup's manifest"
    )
    for name, spec in manifest["tables"].items():
        load_table(connection, name, spec["columns"], _lines(archive, name), spec)
    finish(connection)


def _lines(archive: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    try:
        with archive.open(_member(name)) as member:
            for line in io.TextIOWrapper(member, encoding="utf-8"):
                if line.strip():
                    yield json.loads(line)
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise BackupError(f"The backup's table {name} is damaged: {error}") from None
