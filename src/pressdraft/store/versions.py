"""Every saved state of a draft, kept as versions: who, when, in which state, by which step.

The form autosaves each change of a field, so keeping every save would bury the history in
one-word steps: a plain edit (``EDIT``) by the person who saved the newest version, in the same
state of the review and less than ``FOLD`` after it, folds into that version (its data, revision
and changed paths move on). Anything else starts a new version: another person, a pause, a
review step (submit, approve...), a restore. Versions are only ever added or folded, and go
only when their draft is purged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from pressdraft.core.users import same_user
from pressdraft.store.errors import NotFound
from pressdraft.store.records import DraftVersion
from pressdraft.store.schema import draft_versions, now

EDIT = "edit"
#: The review's steps that leave the text as it was; every other event of a version (an edit, a
#: restore, a number, a submission) makes its author one of the release's editors, for four eyes.
KEEPS_TEXT = frozenset({"request_changes", "approve", "publish", "withdraw"})
FOLD = timedelta(minutes=5)
_HEAD = [column for column in draft_versions.c if column.name != "data"]  # a version without its text


def record(
    connection: Connection,
    draft_id: str,
    data: Mapping[str, Any],
    *,
    author: str,
    revision: int,
    status: str,
    event: str = EDIT,
    changed: Sequence[str] = (),
    restored_from: int | None = None,
) -> int:
    """Keep ``data``, just saved at ``revision``, as the draft's newest version (folded into the
    newest one when it continues it, see the module); returns the version's number."""
    newest = connection.execute(  # every column but the data: an autosave reads no version's text
        select(*_HEAD).where(draft_versions.c.draft_id == draft_id).order_by(draft_versions.c.number.desc()).limit(1)
    ).first()
    stamp = now()
    if newest is not None and _continues(newest, author, status, event, stamp):
        folded = sorted({*(newest.changed or []), *changed})
        connection.execute(
            update(draft_versions)
            .where(draft_versions.c.draft_id == draft_id, draft_versions.c.number == newest.number)
            .values(data=dict(data), revision=revision, updated_at=stamp, changed=folded)
        )
        return newest.number
    number = newest.number + 1 if newest is not None else 1
    connection.execute(
        insert(draft_versions).values(
            draft_id=draft_id,
            number=number,
            data=dict(data),
            author=author,
            created_at=stamp,
            updated_at=stamp,
            revision=revision,
            status=status,
            event=event,
            changed=sorted(set(changed)) or None,
            restored_from=restored_from,
        )
    )
    return number


def _continues(newest: Any, author: str, status: str, event: str, stamp: Any) -> bool:
    return (
        event == EDIT
        and newest.event == EDIT
        and newest.status == status
        and same_user(newest.author, author)
        and stamp - newest.updated_at < FOLD
    )


def latest(connection: Connection, draft_id: str) -> DraftVersion | None:
    """The draft's newest version (None: it has none, e.g. a draft older than the history)."""
    row = connection.execute(
        select(draft_versions)
        .where(draft_versions.c.draft_id == draft_id)
        .order_by(draft_versions.c.number.desc())
        .limit(1)
    ).first()
    return DraftVersion(**row._mapping) if row is not None else None


def history(connection: Connection, draft_id: str) -> list[DraftVersion]:
    """Every version of the draft, the newest first."""
    query = select(draft_versions).where(draft_versions.c.draft_id == draft_id).order_by(draft_versions.c.number.desc())
    return [DraftVersion(**row._mapping) for row in connection.execute(query)]


def version(connection: Connection, draft_id: str, number: int) -> DraftVersion:
    """Version ``number`` of the draft."""
    row = connection.execute(
        select(draft_versions).where(draft_versions.c.draft_id == draft_id, draft_versions.c.number == number)
    ).first()
    if row is None:
        raise NotFound(f"The draft {draft_id!r} has no version {number}.")
    return DraftVersion(**row._mapping)


def forget(connection: Connection, draft_id: str) -> None:
    """A purged draft's versions go with it."""
    connection.execute(delete(draft_versions).where(draft_versions.c.draft_id == draft_id))
