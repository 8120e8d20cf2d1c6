"""Alembic environment of the store: runs on the connection the store hands it.

``pressdraft.store.upgrade(url)`` opens the connection (with the store's SQLite settings and
its transaction already begun) and passes it in ``config.attributes["connection"]``; the plain
``alembic`` command (for writing a new revision) may instead give ``sqlalchemy.url``. A new
revision takes the next four-digit id (``alembic revision --rev-id 0005 …``): ``store/revision.py``
reads the head from the file names.
SQLite alters tables in batch mode (copy and move), the only way it can change a column.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from pressdraft.store.database import make_engine
from pressdraft.store.schema import metadata


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    if context.is_offline_mode():
        raise RuntimeError("the store's migrations run online only (they need a connection)")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.begin() as fresh:
            _migrate(fresh)
    finally:
        engine.dispose()


_run()
