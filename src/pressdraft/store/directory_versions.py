"""The organization's directory: the whole document, versioned like templates.

No version in the store means "use the shipped directory". A save names the version it was
edited from; a newer one saved meanwhile refuses it (``ConflictError`` with the current data),
and the primary key on the version number makes that hold across processes and servers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from pressdraft.store import audit
from pressdraft.store.database import plain_json
from pressdraft.store.errors import ConflictError, NotFound
from pressdraft.store.records import DirectoryVersion
from pressdraft.store.schema import directory_versions, now

_D = directory_versions.c


def latest_number(connection: Connection) -> int:
    return connection.execute(select(func.max(_D.number))).scalar_one() or 0


def version(connection: Connection, number: int) -> DirectoryVersion:
    row = connection.execute(select(directory_versions).where(_D.number == number)).one_or_none()
    if row is None:
        raise NotFound(f"The directory has no version {number}.")
    return DirectoryVersion(**row._mapping)


def latest(connection: Connection) -> DirectoryVersion | None:
    number = latest_number(connection)
    return version(connection, number) if number else None


def history(connection: Connection) -> list[DirectoryVersion]:
    """Every saved directory, the newest first."""
    query = select(directory_versions).order_by(_D.number.desc())
    return [DirectoryVersion(**row._mapping) for row in connection.execute(query)]


def save(
    connection: Connection,
    data: Mapping[str, Any],
    *,
    author: str,
    base_version: int | None,
    comment: str = "",
) -> DirectoryVersion:
    """Add version ``base_version + 1`` unless someone else already did."""
    base = base_version or 0
    if latest_number(connection) != base:
        raise _conflict(connection, base)
    row = {
        "number": base + 1,
        "data": plain_json(dict(data)),
        "author": author,
        "created_at": now(),
        "comment": comment,
    }
    try:
        with connection.begin_nested():
            connection.execute(insert(directory_versions).values(**row))
    except IntegrityError:
        if latest_number(connection) > base:
            raise _conflict(connection, base) from None
        raise
    audit.write(
        connection,
        user=author,
        action="directory.save",
        object_type="directory",
        object_id="directory",
        before={"version": base} if base else None,
        after={"version": base + 1, "comment": comment},
    )
    return DirectoryVersion(**row)


def _conflict(connection: Connection, base: int) -> ConflictError:
    newest = latest(connection)
    number = newest.number if newest else 0
    return ConflictError(
        f"The directory was saved by {newest.author if newest else 'someone'} as version {number} "
        f"after you opened version {base}; your save was refused so nothing is overwritten.",
        current=newest.data if newest else None,
        revision=number,
        record=newest,
    )
