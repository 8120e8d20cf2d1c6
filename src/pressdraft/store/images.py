"""Pictures of photo blocks, kept cleaned and addressed by their content: ``img-<sha256 of the bytes>``.

Only a ``CleanImage`` comes in, the result of ``safety.images.clean_image``, so nothing uncleaned
is ever kept; its id is computed here from its bytes, so a picture can never be swapped behind
an id, and it is no larger than an upload may be (``MAX_IMAGE_BYTES``). Keeping the same picture
twice keeps one row.
"""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from pressdraft.safety.images import MAX_IMAGE_BYTES, CleanImage
from pressdraft.store.errors import InvalidData, NotFound
from pressdraft.store.schema import images, now


def keep(connection: Connection, cleaned: CleanImage, *, user: str) -> str:
    """Keep a cleaned picture (once: the same bytes give the same id and one row); returns its id."""
    if not cleaned.data or len(cleaned.data) > MAX_IMAGE_BYTES:
        raise InvalidData(f"A picture of {len(cleaned.data)} bytes cannot be kept (at most {MAX_IMAGE_BYTES}).")
    if cleaned.width < 1 or cleaned.height < 1:
        raise InvalidData(f"A picture of {cleaned.width}×{cleaned.height} pixels cannot be kept.")
    if _exists(connection, cleaned.id):
        return cleaned.id
    row = {
        "id": cleaned.id,
        "data": cleaned.data,
        "content_type": cleaned.content_type,
        "width": cleaned.width,
        "height": cleaned.height,
        "uploaded_by": user,
        "uploaded_at": now(),
    }
    try:
        with connection.begin_nested():
            connection.execute(images.insert().values(**row))
    except IntegrityError:  # the same picture, kept a moment ago by someone else
        pass
    return cleaned.id


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
