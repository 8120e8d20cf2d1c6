"""Settings overrides edited by an admin: one JSON value per key, every change audited.

The registry of settings and their defaults lives in the app (``pressdraft.app.settings``); the
store only keeps what an admin changed, so removing an override brings the default back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from pressdraft.store import audit
from pressdraft.store.database import plain_json
from pressdraft.store.schema import now, settings

_S = settings.c
_MISSING = object()


def all_values(connection: Connection) -> dict[str, Any]:
    """Every override an admin set."""
    return {row.key: row.value for row in connection.execute(select(_S.key, _S.value).order_by(_S.key))}


def get(connection: Connection, key: str, default: Any = None) -> Any:
    row = connection.execute(select(_S.value).where(_S.key == key)).one_or_none()
    return default if row is None else row.value


def put(connection: Connection, key: str, value: Any, *, user: str) -> None:
    """Set an override (insert or update) and audit the old and new value."""
    value = plain_json(value)
    before = _stored(connection, key)
    values = {"value": value, "updated_at": now(), "updated_by": user}
    if before is _MISSING:
        try:
            with connection.begin_nested():
                connection.execute(insert(settings).values(key=key, **values))
        except IntegrityError:  # another admin added the same key a moment ago
            before = _stored(connection, key)
    if before is not _MISSING:
        connection.execute(update(settings).where(_S.key == key).values(**values))
    _audit(connection, "settings.set", user, key, before, {"value": value})


def remove(connection: Connection, key: str, *, user: str) -> bool:
    """Drop an override (the default applies again); False when there was none."""
    before = _stored(connection, key)
    if before is _MISSING:
        return False
    connection.execute(delete(settings).where(_S.key == key))
    _audit(connection, "settings.reset", user, key, before, None)
    return True


def _stored(connection: Connection, key: str) -> Any:
    row = connection.execute(select(_S.value).where(_S.key == key)).one_or_none()
    return _MISSING if row is None else row.value


def _audit(connection: Connection, action: str, user: str, key: str, before: Any, after: Any) -> None:
    audit.write(
        connection,
        user=user,
        action=action,
        object_type="setting",
        object_id=key,
        before=None if before is _MISSING else {"value": before},
        after=after,
    )
