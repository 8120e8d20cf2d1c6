"""What went out: the exact files of each publication of a release, kept as sent.

A publication is written in the transaction that marks the release published
(``store/review.py``) and never changed afterwards: this module only adds and reads, and purging
the draft leaves its publications on record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select

from pressdraft.store.errors import NotFound
from pressdraft.store.records import Publication, PublishedFile
from pressdraft.store.schema import now, publication_files, publications

CHANNEL = "files"


def published_file(name: str, media_type: str, data: bytes) -> PublishedFile:
    """A file to publish, with its hash and size."""
    return PublishedFile(name, media_type, data, hashlib.sha256(data).hexdigest(), len(data))


def keep(
    connection: Connection,
    draft_id: str,
    files: Sequence[PublishedFile],
    *,
    version: int,
    user: str,
    number: str | None,
    template_id: str | None,
    template_version: int | None,
    directory_version: int | None,
) -> int:
    """Record a publication of version ``version`` of the draft and its files; returns its id."""
    publication_id = connection.execute(
        insert(publications).values(
            draft_id=draft_id,
            version=version,
            channel=CHANNEL,
            published_at=now(),
            published_by=user,
            number=number,
            template_id=template_id,
            template_version=template_version,
            directory_version=directory_version,
        )
    ).inserted_primary_key[0]
    for item in files:
        connection.execute(
            insert(publication_files).values(
                publication_id=publication_id,
                name=item.name,
                media_type=item.media_type,
                sha256=item.sha256,
                size=item.size,
                data=item.data,
            )
        )
    return int(publication_id)


def of_draft(connection: Connection, draft_id: str) -> list[Publication]:
    """Every publication of a release, the newest first, with its files."""
    rows = connection.execute(
        select(publications).where(publications.c.draft_id == draft_id).order_by(publications.c.id.desc())
    ).all()
    return [_publication(connection, row._mapping) for row in rows]


def publication(connection: Connection, publication_id: int) -> Publication:
    """One publication, with its files."""
    row = connection.execute(select(publications).where(publications.c.id == publication_id)).first()
    if row is None:
        raise NotFound(f"There is no publication {publication_id}.")
    return _publication(connection, row._mapping)


def _publication(connection: Connection, row: Any) -> Publication:
    files = connection.execute(
        select(publication_files)
        .where(publication_files.c.publication_id == row["id"])
        .order_by(publication_files.c.name)
    )
    kept = tuple(PublishedFile(item.name, item.media_type, bytes(item.data), item.sha256, item.size) for item in files)
    return Publication(**dict(row), files=kept)
