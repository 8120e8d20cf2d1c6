"""Schema migrations: pending ones are reported, applied once, and the app refuses to run without them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from pressdraft.store import (
    StoreNotReady,
    default_url,
    head_revision,
    open_store,
    pending_migrations,
    search,
    upgrade,
)
from pressdraft.store.database import Database
from pressdraft.store.migrate import alembic_config
from pressdraft.store.schema import metadata


def test_an_empty_database_has_every_migration_pending_and_none_after_upgrade(new_database):
    url = new_database()

    assert pending_migrations(url) == ["0001", "0002", "0003", "0004", "0005", "0006"]
    assert upgrade(url) == ["0001", "0002", "0003", "0004", "0005", "0006"]
    assert pending_migrations(url) == []
    assert upgrade(url) == []
    assert head_revision() == "0006"


def test_the_head_read_from_the_file_names_is_the_head_alembic_reads_from_the_scripts():
    """``store.revision`` takes the newest file's number for the head, without loading Alembic: each
    file must be named by its revision (``alembic revision --rev-id NNNN``), numbered in order."""
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())  # newest first
    assert [Path(r.path).name.split("_", 1)[0] for r in revisions] == [r.revision for r in revisions]
    assert [r.revision for r in revisions] == sorted((r.revision for r in revisions), reverse=True)
    assert head_revision() == script.get_current_head() == revisions[0].revision


def test_the_migrations_create_exactly_the_schema_the_code_declares(url: str):
    """Everything but the database's own full-text index (``store/search.py``), which no
    ``Table`` can declare; ``test_store_search.py`` tests it by searching."""
    database = Database(url)
    only_here = {"include_name": lambda name, kind, parents: not search.database_only(name)}
    try:
        differences = database.run_read(
            lambda connection: compare_metadata(MigrationContext.configure(connection, opts=only_here), metadata)
        )
    finally:
        database.dispose()
    assert differences == []


def test_the_migrations_can_be_rolled_back_and_applied_again(url: str):
    def down_and_up(connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert "drafts" not in connection.dialect.get_table_names(connection)
        command.upgrade(config, "head")

    database = Database(url)
    try:
        database.run_write(down_and_up)
    finally:
        database.dispose()
    assert pending_migrations(url) == []


def test_the_store_refuses_to_open_on_a_database_with_pending_migrations(new_database):
    url = new_database()
    pending = r"needs 6 schema migration.*\(0001, 0002, 0003, 0004, 0005, 0006\).*Run `pressdraft db upgrade`"
    with pytest.raises(StoreNotReady, match=pending):
        open_store(url)


def test_auto_upgrade_prepares_a_new_sqlite_database_on_first_use(tmp_path: Path):
    url = default_url(tmp_path / "data" / "nested")

    with open_store(url, auto_upgrade=True) as store:
        store.create_draft({}, owner="ayse")

    assert (tmp_path / "data" / "nested" / "pressdraft.db").exists()
    assert pending_migrations(url) == []


def test_auto_upgrade_never_touches_a_shared_postgresql_database(new_database):
    url = new_database()
    if not url.startswith("postgresql"):
        pytest.skip("about PostgreSQL")
    with pytest.raises(StoreNotReady, match="pressdraft db upgrade"):
        open_store(url, auto_upgrade=True)
    assert pending_migrations(url) == ["0001", "0002", "0003", "0004", "0005", "0006"]


def test_a_database_upgraded_by_a_newer_version_is_refused_clearly(url: str):
    database = Database(url)
    try:
        database.run_write(lambda c: c.execute(text("UPDATE alembic_version SET version_num = '9999'")))
    finally:
        database.dispose()

    with pytest.raises(StoreNotReady, match="newer version"):
        open_store(url)


def test_auto_upgrade_of_an_existing_sqlite_store_first_keeps_a_copy_of_it(tmp_path: Path):
    url = default_url(tmp_path)
    upgrade(url, "0001")

    with open_store(url, auto_upgrade=True):
        pass

    copy = tmp_path / f"pressdraft.db.before-{head_revision()}.bak"
    assert pending_migrations(url) == []
    with closing(sqlite3.connect(copy)) as kept:
        assert kept.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_auto_upgrade_of_a_new_sqlite_store_makes_no_copy(tmp_path: Path):
    with open_store(default_url(tmp_path), auto_upgrade=True):
        pass
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".bak") == []
