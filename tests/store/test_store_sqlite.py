"""SQLite durability: WAL, full sync, a busy timeout, BEGIN IMMEDIATE, and no raw lock error for users."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pressdraft.store import Store, StoreBusy, StoreUnavailable, open_store


@pytest.fixture
def sqlite_store(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url, auto_upgrade=True, busy_timeout=0.2, attempts=2) as store:
        yield store, tmp_path / "store.db"


def pragma(store: Store, name: str):
    return store.database.run_read(lambda c: c.execute(text(f"PRAGMA {name}")).scalar_one())


def test_every_connection_uses_wal_full_sync_and_a_busy_timeout(sqlite_store):
    store, _ = sqlite_store
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2  # FULL
    assert pragma(store, "busy_timeout") == 200


def test_the_default_busy_timeout_is_ten_seconds(tmp_path: Path):
    with open_store(f"sqlite:///{tmp_path / 's.db'}", auto_upgrade=True) as store:
        assert pragma(store, "busy_timeout") == 10_000


def hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.mark.parametrize(
    ("busy_timeout", "attempts", "held"),
    [
        pytest.param(5.0, 1, 0.2, id="a writer waits for a held lock instead of failing"),
        pytest.param(0.05, 6, 0.15, id="a retry after the busy timeout succeeds when the lock goes away"),
    ],
)
def test_a_write_succeeds_once_a_held_lock_goes_away(tmp_path: Path, busy_timeout: float, attempts: int, held: float):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url, auto_upgrade=True, busy_timeout=busy_timeout, attempts=attempts) as store:
        draft = store.create_draft({"text": "a"}, owner="ayse")
        other = hold_write_lock(tmp_path / "store.db")
        release = threading.Timer(held, other.rollback)
        release.start()
        try:
            assert store.save_draft(draft.id, {"text": "ab"}, expected_revision=1) == 2
        finally:
            release.join()
            other.close()


def test_a_lock_held_too_long_gives_a_clear_busy_error_not_database_is_locked(sqlite_store):
    store, path = sqlite_store
    draft = store.create_draft({"text": "a"}, owner="ayse")
    other = hold_write_lock(path)
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusy) as busy:
            store.save_draft(draft.id, {"text": "ab"}, expected_revision=1)
        assert time.monotonic() - started < 5  # 2 × 0.2 s timeout and a short pause
        assert "database is locked" not in str(busy.value)
        assert "nothing was lost" in str(busy.value)
        assert store.get_draft(draft.id).data == {"text": "a"}  # readers are never blocked (WAL)
    finally:
        other.rollback()
        other.close()
    assert store.save_draft(draft.id, {"text": "ab"}, expected_revision=1) == 2


def test_a_write_transaction_is_all_or_nothing(sqlite_store):
    store, _ = sqlite_store

    def half_done(connection) -> None:
        connection.execute(text("INSERT INTO settings VALUES ('k', '1', '2026-01-01', 'me')"))
        raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        store.database.run_write(half_done)
    assert store.settings() == {}


def test_a_database_that_cannot_be_opened_gives_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreUnavailable, match="is not available: unable to open database file"):
        open_store(f"sqlite:///{tmp_path}", auto_upgrade=True)  # a folder, not a file


def test_an_unreachable_postgresql_server_gives_a_clear_error_without_its_password():
    url = "postgresql+psycopg://pressdraft:secret@127.0.0.1:1/pressdraft?connect_timeout=2"
    with pytest.raises(StoreUnavailable) as unavailable:
        open_store(url)
    assert "is not available" in str(unavailable.value)
    assert "secret" not in str(unavailable.value)
