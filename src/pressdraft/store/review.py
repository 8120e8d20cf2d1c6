"""A release's steps through review (submit, request changes, approve, publish, withdraw), each one
transaction: its state moved, its data saved again as a version of its own, an audit entry.

The state moves by a conditional ``UPDATE drafts SET status ... WHERE id = :id AND status IN
(:allowed) AND revision = :seen``: of two people stepping at once exactly one wins, on SQLite and
PostgreSQL alike, and the other gets ``StepRefused`` with the draft as it is now. The save that
follows moves the revision on, so a page that opened the draft before the step gets a conflict
on its next save, never a silent overwrite. Which step goes from which state to which, and who
may take it, is the app's rule (``app/review.py``); the store only does it atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, update

from pressdraft.core.model import AUTO_NUMBER
from pressdraft.store import audit, drafts, overrides, publications, versions
from pressdraft.store.errors import StoreError
from pressdraft.store.records import PublishedFile, StoredDraft
from pressdraft.store.schema import drafts as drafts_table
from pressdraft.store.schema import now

FOUR_EYES = "review.four_eyes"  # the setting: True (the default) or False


def four_eyes(connection: Connection) -> bool:
    """Whether approvals need a second person: the setting ``review.four_eyes``, on unless an
    administrator turned it off (``app/review.py`` applies it, the worklist asks it)."""
    return overrides.get(connection, FOUR_EYES, True) is not False


class StepRefused(StoreError):
    """The draft was not in a state the step starts from, or changed since it was read; ``draft``
    is the draft as it is now. Nothing was changed."""

    def __init__(self, draft: StoredDraft):
        super().__init__(f"The draft {draft.id!r} is {draft.status} at revision {draft.revision}; nothing was changed.")
        self.draft = draft


def step(
    connection: Connection,
    draft_id: str,
    name: str,
    *,
    before: Collection[str],
    after: str,
    revision: int,
    user: str,
    note: str = "",
    details: Mapping[str, Any] | None = None,
) -> StoredDraft:
    """Take step ``name`` by ``user``: from one of the states ``before``, the draft still at
    ``revision``, to ``after`` (``details``: more for its audit entry). Returns the draft after it."""
    previous = _move(connection, draft_id, before, after, revision, user)
    return _record(connection, previous, name, user, note, dict(details or {}))


def approve(
    connection: Connection,
    draft_id: str,
    *,
    before: Collection[str],
    revision: int,
    user: str,
    details: Mapping[str, Any] | None = None,
    number: Callable[[Connection, str, str], str],
) -> StoredDraft:
    """``step`` to ``approved``; a release whose number is ``auto`` gets ``number(connection, draft_id,
    user)``, its issuer's next number of the year, in the same transaction, given back if the approval
    fails. The store passes ``numbers.assign`` (``Store.approve_draft``): the steps need nothing else of
    the number series."""
    previous = _move(connection, draft_id, before, "approved", revision, user)
    recorded = dict(details or {})
    release = previous.data.get("release")
    if isinstance(release, dict) and release.get("number") == AUTO_NUMBER:
        recorded["number"] = number(connection, draft_id, user)
    return _record(connection, previous, "approve", user, "", recorded)


def publish(
    connection: Connection,
    draft_id: str,
    files: Sequence[PublishedFile],
    *,
    before: Collection[str],
    revision: int,
    user: str,
    template_id: str | None,
    template_version: int | None,
    directory_version: int | None,
) -> StoredDraft:
    """``step`` to ``published``, keeping ``files`` as what went out (``store/publications.py``),
    made from the draft at ``revision``, as the version the step records."""
    previous = _move(connection, draft_id, before, "published", revision, user)
    release = previous.data.get("release")
    number = release.get("number") if isinstance(release, dict) else None
    published = _record(connection, previous, "publish", user, "", {"files": [item.name for item in files]})
    newest = versions.latest(connection, draft_id)
    assert newest is not None  # the step's own version, just recorded
    publications.keep(
        connection,
        draft_id,
        files,
        version=newest.number,
        user=user,
        number=number if isinstance(number, str) and number != AUTO_NUMBER else None,
        template_id=template_id,
        template_version=template_version,
        directory_version=directory_version,
    )
    return published


def _move(
    connection: Connection, draft_id: str, before: Collection[str], after: str, revision: int, user: str
) -> StoredDraft:
    """Set the state, only if it is one of ``before`` and the draft is still at ``revision``;
    returns the draft as it was."""
    previous = drafts.get(connection, draft_id)
    result = connection.execute(
        update(drafts_table)
        .where(
            drafts_table.c.id == draft_id,
            drafts_table.c.status.in_(list(before)),
            drafts_table.c.revision == revision,
        )
        .values(status=after, status_at=now(), status_by=user)
    )
    if result.rowcount != 1:
        raise StepRefused(drafts.get(connection, draft_id))
    return previous


def _record(
    connection: Connection, previous: StoredDraft, name: str, user: str, note: str, details: dict[str, Any]
) -> StoredDraft:
    """The step's version (the data unchanged, the revision moved on) and its audit entry."""
    current = drafts.get(connection, previous.id)  # a number given at approval is in its data
    revision = drafts.save(
        connection,
        previous.id,
        current.data,
        expected_revision=current.revision,
        author=user,
        summary=current.summary,
        event=name,
    )
    audit.write(
        connection,
        user=user,
        action=f"review.{name}",
        object_type="draft",
        object_id=previous.id,
        before={"status": previous.status, "revision": previous.revision},
        after={"status": current.status, "revision": revision, "note": note, **details},
    )
    return drafts.get(connection, previous.id)
