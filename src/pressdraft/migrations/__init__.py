"""Alembic migrations of the store's schema; applied with ``pressdraft.store.upgrade(url)``."""
