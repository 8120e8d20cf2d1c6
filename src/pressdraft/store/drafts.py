"""Drafts: autosaved as the user types, guarded by a revision number, deleted to a trash first.

``save`` is a conditional ``UPDATE ... WHERE revision = :expected``: of two writers holding the
same revision exactly one succeeds, on SQLite and on PostgreSQL alike, whatever process or
server they run in; the other gets ``ConflictError`` with what is stored now. The store never
validates draft data: an incomplete draft is still the user's work and is kept as typed.

Beside the data, ``summary`` holds what a listing shows (computed by the app when it saves),
so listing drafts never reads or checks their data; a save without a summary clears it, so
a summary never describes data other than the data stored with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, func, insert, or_, select, update

from pressdraft.store import audit, comments, search, versions
from pressdraft.store.database import plain_json
from pressdraft.store.errors import ConflictError, NotFound, StoreError
from pressdraft.store.records import DraftSummary, StoredDraft
from pressdraft.store.schema import draft_versions, drafts, now

_SUMMARY_COLUMNS = [column for column in drafts.c if column.name not in ("data", "marks")]


class NotInTrash(StoreError):
    """Purging is only allowed from the trash, so one click can never destroy a draft."""


def new_id() -> str:
    """A draft id for the app's URL: random, unguessable, 32 hex digits."""
    return uuid.uuid4().hex


def _derived(data: Mapping[str, Any]) -> dict[str, Any]:
    """Template and languages as the (possibly incomplete) data says, for the drafts list."""
    template = data.get("template")
    languages = data.get("languages")
    return {
        "template_id": template if isinstance(template, str) else None,
        "languages": [x for x in languages if isinstance(x, str)] if isinstance(languages, list) else [],
    }


def create(
    connection: Connection,
    data: Mapping[str, Any],
    *,
    owner: str,
    title: str = "",
    draft_id: str | None = None,
    marks: Mapping[str, Any] | None = None,
    summary: Mapping[str, Any] | None = None,
) -> StoredDraft:
    """A new draft at revision 1 (``draft_id``: keep an id, e.g. when importing; ``summary``:
    what a listing shows of it)."""
    if draft_id is not None and _exists(connection, draft_id):
        existing = get(connection, draft_id)
        raise ConflictError(
            f"A draft {draft_id!r} already exists.",
            current=existing.data,
            revision=existing.revision,
            record=existing,
        )
    stamp = now()
    row = {
        "id": draft_id or new_id(),
        "data": plain_json(dict(data)),
        "title": title,
        "owner": owner,
        "created_at": stamp,
        "updated_at": stamp,
        "revision": 1,
        "deleted_at": None,
        "template_version": None,
        "marks": plain_json(dict(marks)) if marks is not None else None,
        "summary": _summary(summary),
        **_derived(data),
    }
    connection.execute(insert(drafts).values(**row))
    _keep(connection, row["id"], row["data"], author=owner, revision=1, status="draft")
    return get(connection, row["id"])


def _keep(connection: Connection, draft_id: str, data: Mapping[str, Any], *, status: str, **version: Any) -> None:
    """What a saved state leaves besides the draft's row: a version (``store/versions.py``) and what
    the search finds of it (``store/search.py``)."""
    versions.record(connection, draft_id, data, status=status, **version)
    search.index(connection, draft_id, data, status)


def _exists(connection: Connection, draft_id: str) -> bool:
    return connection.execute(select(drafts.c.id).where(drafts.c.id == draft_id)).first() is not None


def any_draft(connection: Connection) -> bool:
    """Whether the store holds a draft at all, in the trash or not (one row looked at, none read)."""
    return connection.execute(select(drafts.c.id).limit(1)).first() is not None


def get(connection: Connection, draft_id: str) -> StoredDraft:
    row = connection.execute(select(drafts).where(drafts.c.id == draft_id)).one_or_none()
    if row is None:
        raise NotFound(f"There is no draft {draft_id!r}.")
    return StoredDraft(**row._mapping)


def save(
    connection: Connection,
    draft_id: str,
    data: Mapping[str, Any],
    *,
    expected_revision: int,
    author: str | None = None,
    title: str | None = None,
    marks: Mapping[str, Any] | None = None,
    summary: Mapping[str, Any] | None = None,
    event: str = versions.EDIT,
    changed: Sequence[str] = (),
    restored_from: int | None = None,
) -> int:
    """Autosave by ``author`` (None: the draft's owner): store ``data`` if the draft is still at
    ``expected_revision`` and return the new revision, or raise ``ConflictError`` with the stored
    data. The saved state is kept as a version (``store/versions.py``: ``event``, the step that
    saved it; ``changed``, the data paths it changed; ``restored_from``, the version it puts back).

    ``marks``: the app's translation marks, saved with the data (None keeps them); ``summary``:
    what a listing shows of ``data`` (None clears the stored one, never keeps it)."""
    values: dict[str, Any] = {
        "data": plain_json(dict(data)),
        "revision": expected_revision + 1,
        "updated_at": now(),
        "summary": _summary(summary),
        **_derived(data),
    }
    if title is not None:
        values["title"] = title
    if marks is not None:
        values["marks"] = plain_json(dict(marks))
    result = connection.execute(
        update(drafts).where(drafts.c.id == draft_id, drafts.c.revision == expected_revision).values(**values)
    )
    if result.rowcount == 1:
        saved = connection.execute(select(drafts.c.status, drafts.c.owner).where(drafts.c.id == draft_id)).one()
        _keep(
            connection,
            draft_id,
            values["data"],
            author=author or saved.owner,
            revision=expected_revision + 1,
            status=saved.status,
            event=event,
            changed=changed,
            restored_from=restored_from,
        )
        return expected_revision + 1
    current = get(connection, draft_id)
    raise ConflictError(
        f"This draft was changed elsewhere (another tab or person) since revision "
        f"{expected_revision}; it is now at revision {current.revision}. Nothing was overwritten.",
        current=current.data,
        revision=current.revision,
        record=current,
    )


def _summary(summary: Mapping[str, Any] | None) -> Any:
    return plain_json(dict(summary)) if summary is not None else None


def fill_summary(connection: Connection, draft_id: str, summary: Mapping[str, Any], *, revision: int) -> bool:
    """Store the summary of a draft saved without one (before migration 0003), only if it is still
    at ``revision`` with no summary: a save in between keeps its own. Not an edit: no new revision."""
    result = connection.execute(
        update(drafts)
        .where(drafts.c.id == draft_id, drafts.c.revision == revision, drafts.c.summary.is_(None))
        .values(summary=_summary(summary))
    )
    return result.rowcount == 1


def summaries(
    connection: Connection,
    *,
    trash: bool = False,
    owner: str | None = None,
    status: str | None = None,
    reviewer: str | None = None,
    oldest_first: bool = False,
) -> list[DraftSummary]:
    """Drafts (or the trash), the most recently edited first (``oldest_first``: the other way), in one
    query: ``owner``'s only, in ``status`` only, and with ``reviewer``, only those waiting for their
    review (``_waiting_for``)."""
    deleted = drafts.c.deleted_at.is_not(None) if trash else drafts.c.deleted_at.is_(None)
    query = select(*_SUMMARY_COLUMNS).where(deleted)
    if owner is not None:
        query = query.where(drafts.c.owner == owner)
    if status is not None:
        query = query.where(drafts.c.status == status)
    if reviewer is not None:
        query = query.where(_waiting_for(reviewer))
    changed = drafts.c.updated_at.asc() if oldest_first else drafts.c.updated_at.desc()
    query = query.order_by(changed, drafts.c.id)
    return [DraftSummary(**row._mapping) for row in connection.execute(query)]


def _waiting_for(reviewer: str) -> ColumnElement[bool]:
    """In review, not sent for review by ``reviewer``, and with no version since the release's last
    approval (or since it was made) whose text ``reviewer`` changed: four eyes, in the query
    (``app/review.py`` asks the same of one release, step by step)."""
    round_ = draft_versions.alias("round")
    approvals = draft_versions.alias("approvals")
    last_approval = (
        select(func.coalesce(func.max(approvals.c.number), 0))
        .where(approvals.c.draft_id == drafts.c.id, approvals.c.event == "approve")
        .scalar_subquery()
    )
    changed_by_reviewer = (
        select(round_.c.number)
        .where(
            round_.c.draft_id == drafts.c.id,
            func.lower(round_.c.author) == reviewer.lower(),
            round_.c.event.not_in(sorted(versions.KEEPS_TEXT)),
            round_.c.number > last_approval,
        )
        .exists()
    )
    submitted_by_other = or_(drafts.c.status_by.is_(None), func.lower(drafts.c.status_by) != reviewer.lower())
    return and_(drafts.c.status == "in_review", submitted_by_other, ~changed_by_reviewer)


def owners(connection: Connection) -> list[str]:
    """Everyone who owns a draft outside the trash, in order: the worklist's choice of a person."""
    query = select(drafts.c.owner).where(drafts.c.deleted_at.is_(None)).distinct().order_by(drafts.c.owner)
    return list(connection.execute(query).scalars())


def duplicate(connection: Connection, draft_id: str, *, owner: str, title: str | None = None) -> StoredDraft:
    """A new draft with the same data and marks, owned by ``owner``; the original is untouched."""
    source = get(connection, draft_id)
    return create(
        connection,
        source.data,
        owner=owner,
        title=source.title if title is None else title,
        marks=source.marks,
        summary=source.summary,
    )


def template_version(connection: Connection, draft_id: str) -> int | None:
    """The template version the draft was last rendered with (None: not yet)."""
    return _one(connection, draft_id, drafts.c.template_version)  # type: ignore[no-any-return]


def status(connection: Connection, draft_id: str) -> str:
    """Where the draft stands in its review (``schema.STATUSES``): what an autosave asks first."""
    return _one(connection, draft_id, drafts.c.status)  # type: ignore[no-any-return]


def _one(connection: Connection, draft_id: str, column: Any) -> Any:
    """One column of the draft's row, without reading its data."""
    row = connection.execute(select(column).where(drafts.c.id == draft_id)).one_or_none()
    if row is None:
        raise NotFound(f"There is no draft {draft_id!r}.")
    return row[0]


def set_template_version(connection: Connection, draft_id: str, version: int | None) -> None:
    """Remember which template version the draft was last rendered with (not an edit)."""
    result = connection.execute(update(drafts).where(drafts.c.id == draft_id).values(template_version=version))
    if result.rowcount != 1:
        raise NotFound(f"There is no draft {draft_id!r}.")


def move_to_trash(connection: Connection, draft_id: str, *, user: str) -> StoredDraft:
    """Delete into the trash (restorable, audited); a draft already there stays as it is."""
    return _trash(connection, draft_id, user, deleted=True)


def restore(connection: Connection, draft_id: str, *, user: str) -> StoredDraft:
    """Bring a draft back from the trash, as it was (audited)."""
    return _trash(connection, draft_id, user, deleted=False)


def _trash(connection: Connection, draft_id: str, user: str, *, deleted: bool) -> StoredDraft:
    """Into the trash or out of it; a draft already where it goes stays as it is, unaudited."""
    before = get(connection, draft_id)
    if (before.deleted_at is not None) == deleted:
        return before
    connection.execute(update(drafts).where(drafts.c.id == draft_id).values(deleted_at=now() if deleted else None))
    after = get(connection, draft_id)
    _audit(connection, "draft.delete" if deleted else "draft.restore", user, before, after)
    return after


def purge(connection: Connection, draft_id: str, *, user: str) -> None:
    """Remove a draft from the trash for good."""
    before = get(connection, draft_id)
    if before.deleted_at is None:
        raise NotInTrash(f"The draft {before.title or draft_id!r} is not in the trash; delete it first.")
    connection.execute(delete(drafts).where(drafts.c.id == draft_id))
    versions.forget(connection, draft_id)
    comments.forget(connection, draft_id)
    search.forget(connection, draft_id)
    _audit(connection, "draft.purge", user, before, None)


def _audit(connection: Connection, action: str, user: str, before: StoredDraft, after: StoredDraft | None) -> None:
    """Deletions are audited by what identifies the draft, not by its text."""
    audit.write(
        connection,
        user=user,
        action=action,
        object_type="draft",
        object_id=before.id,
        before=_identity(before),
        after=_identity(after) if after is not None else None,
    )


def _identity(draft: StoredDraft) -> dict[str, Any]:
    return {
        "title": draft.title,
        "template_id": draft.template_id,
        "owner": draft.owner,
        "revision": draft.revision,
        "deleted_at": draft.deleted_at.isoformat() if draft.deleted_at else None,
    }
