"""Store fixtures: every test runs against SQLite, and against PostgreSQL when one is given.

Set ``PRESSDRAFT_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://user:pw@127.0.0.1/postgres``,
a role allowed to create databases) to run the same tests on PostgreSQL; each test then gets
a new database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from pressdraft.store import Store, open_store, upgrade

POSTGRES_VARIABLE = "PRESSDRAFT_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_VARIABLE, "")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not POSTGRES_URL, reason=f"set {POSTGRES_VARIABLE} to run the store tests on PostgreSQL"
        ),
    ),
]

NewDatabase = Callable[[], str]


class PostgresDatabases:
    """Creates throw-away databases on the test server and drops them afterwards."""

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url)
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def new(self) -> str:
        name = f"pressdraft_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.engine.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.created.clear()
        self.engine.dispose()


@pytest.fixture(params=BACKENDS)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewDatabase]:
    """A factory of new, empty (not migrated) databases of one backend, as URLs."""
    if request.param == "sqlite":
        counter = iter(range(1_000_000))
        yield lambda: f"sqlite:///{tmp_path / f'store-{next(counter)}.db'}"
        return
    databases = PostgresDatabases(POSTGRES_URL)
    try:
        yield databases.new
    finally:
        databases.drop_all()


@pytest.fixture
def url(new_database: NewDatabase) -> str:
    """A migrated, empty database."""
    fresh = new_database()
    upgrade(fresh)
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
