"""The audit log: append-only, written in the same transaction as the change it records.

Because the row goes in with the change, a change that fails leaves no audit row, and a change
that is committed always has one. Nothing in the store updates or deletes audit rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from pressdraft.store.database import plain_json
from pressdraft.store.records import AuditEntry
from pressdraft.store.schema import audit_log, now


def write(
    connection: Connection,
    *,
    user: str,
    action: str,
    object_type: str,
    object_id: str,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one audit row inside the caller's transaction (through ``Store.audit``: an event
    that changes nothing in the store, e.g. a role change made elsewhere)."""
    connection.execute(
        insert(audit_log).values(
            at=now(),
            user_id=user,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=plain_json(before),
            after=plain_json(after),
        )
    )


def entries(
    connection: Connection,
    limit: int | None = 100,
    offset: int = 0,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    newest_first: bool = True,
) -> list[AuditEntry]:
    """A page of audit rows (``limit`` None: all), newest first by default, optionally for one object."""
    order = audit_log.c.id.desc() if newest_first else audit_log.c.id.asc()
    query = select(audit_log).order_by(order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    if object_type is not None:
        query = query.where(audit_log.c.object_type == object_type)
    if object_id is not None:
        query = query.where(audit_log.c.object_id == object_id)
    return [_entry(row._mapping) for row in connection.execute(query)]


def entry(connection: Connection, entry_id: int) -> AuditEntry | None:
    """One audit row by its number, or None."""
    row = connection.execute(select(audit_log).where(audit_log.c.id == entry_id)).one_or_none()
    return _entry(row._mapping) if row is not None else None


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        user=row["user_id"],
        action=row["action"],
        object_type=row["object_type"],
        object_id=row["object_id"],
        before=row["before"],
        after=row["after"],
    )
