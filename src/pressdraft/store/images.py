"""Pictures of photo blocks, kept cleaned and addressed by their content: ``img-<sha256 of the bytes>``.

The app cleans every upload (``safety/images.py``) before it reaches this module; the store only
checks that an id names its bytes, so a picture can never be swapped behind an id, and that it
is no larger than an upload may be. Keeping the same picture twice keeps one row.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from pressdraft.store.errors import InvalidData, NotFound
from pressdraft.store.schema import images, now

PREFIX = "img-"


def image_id(data: bytes) -> str:
    """The id of a picture: the SHA-256 of its (cleaned) bytes."""
    return PREFIX + hashlib.sha256(data).hexdigest()


def keep(
    connection: Connection,
    data: bytes,
    *,
    content_type: str,
    width: int,
    height: int,
    user: str,
    max_bytes: int,
) -> str:
    """Keep a cleaned picture (once: the same bytes give the same id and one row); returns its id."""
    if not data or len(data) > max_bytes:
        raise InvalidData(f"A picture of {len(data)} bytes cannot be kept (at most {max_bytes}).")
    if width < 1 or height < 1:
        raise InvalidData(f"A picture of {width}×{height} pixels cannot be kept.")
    key = image_id(data)
    if _exists(connection, key):
        return key
    row = {
        "id": key,
        "data": data,
        "content_type": content_type,
        "width": width,
        "height": height,
        "uploaded_by": user,
        "uploaded_at": now(),
    }
    try:
        with connection.begin_nested():
            connection.execute(images.insert().values(**row))
    except IntegrityError:  # the same picture, kept a moment ago by someone else
        pass
    return key


def _exists(connection: Connection, key: str) -> bool:
    return connection.execute(select(images.c.id).where(images.c.id == key)).first() is not None


def get(connection: Connection, key: str) -> bytes:
    """The bytes of a kept picture, or ``NotFound``."""
    data = connection.execute(select(images.c.data).where(images.c.id == key)).scalar_one_or_none()
    if data is None:
        raise NotFound(f"There is no stored picture {key!r}.")
    return bytes(data)


def found(connection: Connection, keys: list[str]) -> dict[str, bytes]:
    """The bytes of those of ``keys`` that are kept (the others are left out)."""
    if not keys:
        return {}
    rows = connection.execute(select(images.c.id, images.c.data).where(images.c.id.in_(set(keys))))
    return {row.id: bytes(row.data) for row in rows}
