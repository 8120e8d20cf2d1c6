"""Store fixtures: every test runs against SQLite, and against PostgreSQL when one is given.

Set ``PRESSDRAFT_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://user:pw@127.0.0.1/postgres``,
a role allowed to create databases) to run the same tests on PostgreSQL; each test then gets
a new database of its own, dropped afterwards. The PostgreSQL runs are marked ``postgres``:
``make test`` leaves them to ``make test-all``.

Migrating costs more than most store tests: a migrated database is made once per session (per
xdist worker) and each test gets a copy of it (a file copy on SQLite, ``TEMPLATE`` on PostgreSQL);
only the tests of migrations start from an empty one (``new_database``).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from postgres_databases import drop_database
from sqlalchemy import create_engine, make_url, text

from pressdraft.store import Store, open_store, upgrade

POSTGRES_VARIABLE = "PRESSDRAFT_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_VARIABLE, "")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not POSTGRES_URL, reason=f"set {POSTGRES_VARIABLE} to run the store tests on PostgreSQL"
            ),
        ],
    ),
]

NewDatabase = Callable[[], str]


class PostgresDatabases:
    """Throw-away databases on the test server: new ones empty, or copies of a migrated one.

    Copies use ``STRATEGY FILE_COPY`` (PostgreSQL 15+), ten times faster than the default for
    small databases; each test's databases are dropped when it ends.
    """

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url)
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with self.engine.connect() as connection:
            version = int(connection.execute(text("SHOW server_version_num")).scalar_one())
        self.strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""
        self.migrated = self._create("template0")
        upgrade(self._url(self.migrated))

    def _create(self, template: str) -> str:
        name = f"pressdraft_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{self.strategy}'))
        return name

    def _url(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def new(self, created: list[str], *, migrated: bool = False) -> str:
        name = self._create(self.migrated if migrated else "template0")
        created.append(name)
        return self._url(name)

    def drop(self, names: list[str]) -> None:
        for name in names:
            drop_database(self.engine, name)

    def close(self) -> None:
        self.drop([self.migrated])
        self.engine.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases(POSTGRES_URL)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to the newest version, for this session (or xdist worker) to copy."""
    path = tmp_path_factory.mktemp("migrated") / "store.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def created_postgres_databases(backend: str, request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """The names of the PostgreSQL databases a test made, dropped when it ends."""
    created: list[str] = []
    yield created
    if created:
        request.getfixturevalue("postgres").drop(created)


@pytest.fixture
def new_database(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, created_postgres_databases: list[str]
) -> NewDatabase:
    """A factory of new, empty (not migrated) databases of one backend, as URLs."""
    if backend == "sqlite":
        counter = iter(range(1_000_000))
        return lambda: f"sqlite:///{tmp_path / f'store-{next(counter)}.db'}"
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    return lambda: postgres.new(created_postgres_databases)


@pytest.fixture
def url(
    backend: str, new_database: NewDatabase, request: pytest.FixtureRequest, created_postgres_databases: list[str]
) -> str:
    """A migrated, empty database."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres").new(created_postgres_databases, migrated=True)
    fresh = new_database()
    shutil.copyfile(request.getfixturevalue("migrated_sqlite"), fresh.removeprefix("sqlite:///"))
    return fresh


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url) as opened:
        yield opened


@pytest.fixture
def draft_data() -> dict:
    """A small draft in the file format, with Turkish and Azerbaijani letters."""
    return {
        "format": 1,
        "template": "joint-meeting",
        "languages": ["tr", "az", "en"],
        "source_language": "tr",
        "release": {"date": "2021-10-23", "city": "istanbul"},
        "fields": {"theme": {"tr": "Köklü Geçmiş, Güçlü Gelecek", "az": "Köklü keçmiş, güclü gələcək"}},
    }
