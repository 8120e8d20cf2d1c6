"""Throwaway PostgreSQL databases for the tests that run on ``PRESSDRAFT_TEST_POSTGRES_URL``."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy.exc
from sqlalchemy import Engine, create_engine, make_url, text

POSTGRES_URL = os.environ.get("PRESSDRAFT_TEST_POSTGRES_URL", "")


def drop_database(admin: Engine, name: str) -> None:
    """Drop a test database. FORCE ends our own leftover connections; an autovacuum worker busy
    in it belongs to the superuser, which a role that may only create databases cannot end
    (PostgreSQL < 18): it finishes in moments, so wait for it and try again."""
    with admin.connect() as connection:
        for attempt in range(40):
            try:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except sqlalchemy.exc.ProgrammingError as error:
                if "pg_signal_backend" not in str(error) or attempt == 39:
                    raise
                connection.rollback()
                time.sleep(0.25)


@contextmanager
def empty_database(url: str, prefix: str) -> Iterator[str]:
    """A new, never migrated database on the server of ``url``, dropped afterwards."""
    admin_url = make_url(url)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(admin, name)
        admin.dispose()


@contextmanager
def empty_postgres_database(prefix: str, needs: str) -> Iterator[str]:
    """``empty_database`` on the server of ``PRESSDRAFT_TEST_POSTGRES_URL``; without one the test is
    skipped, saying what it ``needs``."""
    if not POSTGRES_URL:
        pytest.skip(f"set PRESSDRAFT_TEST_POSTGRES_URL {needs}")
    with empty_database(POSTGRES_URL, prefix) as url:
        yield url
