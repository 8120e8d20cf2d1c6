"""One database behind the store: the engine, its SQLite settings, transactions and retries.

Every unit of work is a function run inside one transaction (``run_write`` / ``run_read``), so
a transient lock can be retried by running the whole function again, never half of it.

SQLite: WAL journal (readers never block the writer), ``synchronous=FULL`` (a commit is on
disk before it is acknowledged, so an autosave survives a power cut, not only a crash),
``busy_timeout`` (wait for the writer instead of failing), and ``BEGIN IMMEDIATE`` for every
write (take the write lock first, so two writers never deadlock upgrading read locks).
Python's sqlite3 cannot emit ``BEGIN IMMEDIATE`` itself, so its own transaction handling is
switched off and SQLAlchemy's ``begin`` event emits it: the recipe of SQLAlchemy's SQLite
documentation ("Enabling Non-Legacy SQLite Transactional Modes").
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Callable
from datetime import date
from datetime import time as clock_time
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError, StatementError

from pressdraft.store.errors import InvalidData, StoreBusy, StoreUnavailable

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Execution option that marks a read-only unit of work (a deferred ``BEGIN`` on SQLite).
READ_ONLY = "pressdraft_read_only"

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_PG_TRANSIENT = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_default(value: object) -> str:
    if isinstance(value, date | clock_time):
        return value.isoformat()
    raise TypeError(f"the store keeps JSON data; {type(value).__name__} is not JSON")


def dump_json(value: object) -> str:
    """JSON for the database, the same on SQLite and PostgreSQL.

    Dates and times become ISO 8601 text, as in a draft file; NaN and infinities are refused
    (PostgreSQL's json type has none); a lone surrogate, which neither database can store as
    text, becomes U+FFFD instead of making the whole autosave fail.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default)
    return _LONE_SURROGATE.sub("\ufffd", text)


def plain_json(value: object) -> Any:
    """``value`` as the store will keep it (see ``dump_json``), or ``InvalidData``.

    Called before every write, so the caller learns at once and the same on every database,
    and the record returned equals what a later read gives back.
    """
    try:
        return json.loads(dump_json(value))
    except (TypeError, ValueError) as error:
        raise InvalidData(f"The store cannot keep this value: {error}") from None


def make_engine(url: str | URL, *, busy_timeout: float = 10.0) -> Engine:
    """An engine for ``url`` with the store's durability settings applied to every connection."""
    url = make_url(url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, json_serializer=dump_json)
    _make_parent_folder(url)
    engine = create_engine(url, json_serializer=dump_json)
    _install_sqlite_hooks(engine, busy_timeout)
    return engine


def _make_parent_folder(url: URL) -> None:
    """The default database lives in a data folder that may not exist yet on first use."""
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _install_sqlite_hooks(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def is_transient(error: DBAPIError) -> bool:
    """A lock or serialization failure that goes away when the transaction is run again."""
    orig = error.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    if getattr(orig, "sqlstate", None) in _PG_TRANSIENT:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database table is locked" in message


class Database:
    """An engine plus the rule that every unit of work is one retried transaction."""

    def __init__(self, url: str | URL, *, busy_timeout: float = 10.0, attempts: int = 3):
        self.url = make_url(url)
        self.engine = make_engine(self.url, busy_timeout=busy_timeout)
        self.attempts = max(1, attempts)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def run_write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one write transaction (``BEGIN IMMEDIATE`` on SQLite)."""
        return self._run(work, {})

    def run_read(self, work: Callable[[Connection], T], *, snapshot: bool = False) -> T:
        """Run ``work`` in one read transaction; ``snapshot``: one consistent view of all tables."""
        options: dict[str, Any] = {READ_ONLY: True}
        if snapshot and self.dialect == "postgresql":
            options["isolation_level"] = "REPEATABLE READ"
        return self._run(work, options)

    def _run(self, work: Callable[[Connection], T], options: dict[str, Any]) -> T:
        for attempt in range(1, self.attempts + 1):
            try:
                with self.engine.connect() as connection:
                    connection.execution_options(**options)
                    with connection.begin():
                        return work(connection)
            except OperationalError as error:
                if not is_transient(error):
                    reason = str(error.orig).strip().splitlines()[0] if str(error.orig) else error
                    raise StoreUnavailable(f"The database {safe_url(self.url)} is not available: {reason}") from error
                if attempt == self.attempts:
                    raise StoreBusy(
                        "The database is busy with other changes; nothing was lost, please try again in a moment."
                    ) from error
                log.warning("store busy (attempt %d of %d): %s", attempt, self.attempts, error.orig)
                time.sleep(random.uniform(0.05, 0.2) * attempt)
            except StatementError as error:
                if isinstance(error, DBAPIError) or not isinstance(error.orig, TypeError | ValueError):
                    raise
                raise InvalidData(f"The store cannot keep this value: {error.orig}") from error
        raise AssertionError("unreachable")  # pragma: no cover

    def dispose(self) -> None:
        self.engine.dispose()
