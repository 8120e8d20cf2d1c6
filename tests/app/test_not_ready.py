"""The app refuses to run on a database that is not ready, with the store's message as the page.

PostgreSQL is never upgraded behind its operator's back: with migrations pending the page says
to run `pressdraft db upgrade`, and works after it without a restart. A SQLite store upgraded
by a newer pressdraft is refused the same way (that one needs no PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_databases import empty_database
from sqlalchemy import create_engine, make_url, text
from streamlit.testing.v1 import AppTest

from pressdraft.app.service import AppService
from pressdraft.store import pending_migrations, upgrade

APP = Path(__file__).resolve().parents[2] / "app.py"

POSTGRES_URL = os.environ.get("PRESSDRAFT_TEST_POSTGRES_URL", "")


@pytest.fixture
def empty_postgres_database() -> Iterator[str]:
    """A new PostgreSQL database, never migrated, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("set PRESSDRAFT_TEST_POSTGRES_URL to test the app on PostgreSQL")
    with empty_database(POSTGRES_URL, "pressdraft_app") as url:
        yield url


def run_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    return at


@pytest.mark.postgres
def test_pending_migrations_on_postgresql_stop_the_app_with_what_to_run(data_dir, empty_postgres_database, monkeypatch):
    monkeypatch.setenv("PRESSDRAFT_DATABASE_URL", empty_postgres_database)
    at = run_app()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "Run `pressdraft db upgrade`" in message and "needs 6 schema migration(s)" in message
    password = make_url(empty_postgres_database).password
    assert ":***@" in message and (not password or f":{password}@" not in message)  # no password on the page
    assert not at.text_input and not at.button  # no form: nothing can be typed and lost
    assert pending_migrations(empty_postgres_database) == [
        "0001",
        "0002",
        "0003",
        "0004",
        "0005",
        "0006",
    ]  # not changed behind our back

    opened: list[AppService] = []
    real_open = AppService.open
    monkeypatch.setattr(
        AppService, "open", lambda settings, runner: opened.append(real_open(settings, runner)) or opened[-1]
    )
    upgrade(empty_postgres_database)  # what the operator runs; the next page load works
    try:
        at.run()
        assert not at.exception and not at.error
        assert at.text_input
    finally:
        for service in opened:  # the server's pool, closed before its database is dropped
            service.store.close()


def test_a_sqlite_store_from_a_newer_pressdraft_is_refused_with_a_clear_page(data_dir):
    data_dir.mkdir(parents=True)
    url = f"sqlite:///{data_dir / 'pressdraft.db'}"
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    at = run_app()
    assert not at.exception
    assert len(at.error) == 1 and "upgraded by a newer version" in at.error[0].value
