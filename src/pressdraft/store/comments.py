"""Reviewers' comments on a field (``fields.theme``) or a body block (``body.3``) of a draft.

A comment is in one language or all (``language`` None) and remembers the draft's newest version
when it was written. Resolving one keeps it, with who resolved it and when, so the history page
still lists it; comments go only when their draft is purged.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from pressdraft.store.errors import NotFound
from pressdraft.store.records import DraftComment
from pressdraft.store.schema import draft_comments, draft_versions, now


def add(connection: Connection, draft_id: str, *, path: str, language: str | None, text: str, author: str) -> int:
    """Keep a new open comment; returns its id."""
    # the version it was made on: the draft's newest (read here, so comments need nothing of versions)
    newest = connection.execute(
        select(func.max(draft_versions.c.number)).where(draft_versions.c.draft_id == draft_id)
    ).scalar()
    result = connection.execute(
        insert(draft_comments).values(
            draft_id=draft_id,
            path=path,
            language=language,
            text=text,
            author=author,
            created_at=now(),
            version=newest,
        )
    )
    return int(result.inserted_primary_key[0])


def get(connection: Connection, comment_id: int) -> DraftComment:
    """One comment by its id."""
    row = connection.execute(select(draft_comments).where(draft_comments.c.id == comment_id)).first()
    if row is None:
        raise NotFound(f"There is no comment {comment_id}.")
    return DraftComment(**row._mapping)


def resolve(connection: Connection, comment_id: int, *, user: str) -> DraftComment:
    """Mark a comment resolved by ``user`` (resolving it again changes nothing)."""
    connection.execute(
        update(draft_comments)
        .where(draft_comments.c.id == comment_id, draft_comments.c.resolved_at.is_(None))
        .values(resolved_at=now(), resolved_by=user)
    )
    return get(connection, comment_id)


def for_draft(connection: Connection, draft_id: str, *, include_resolved: bool = False) -> list[DraftComment]:
    """The draft's comments, oldest first: the open ones, or every one."""
    query = select(draft_comments).where(draft_comments.c.draft_id == draft_id)
    if not include_resolved:
        query = query.where(draft_comments.c.resolved_at.is_(None))
    query = query.order_by(draft_comments.c.created_at, draft_comments.c.id)
    return [DraftComment(**row._mapping) for row in connection.execute(query)]


def forget(connection: Connection, draft_id: str) -> None:
    """A purged draft's comments go with it."""
    connection.execute(delete(draft_comments).where(draft_comments.c.draft_id == draft_id))
