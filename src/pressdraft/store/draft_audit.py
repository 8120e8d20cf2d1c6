"""Draft saves that leave a trace: by someone other than the owner, and saves that empty a draft.

Drafts are shared by the office, so anyone may edit anyone's draft, but not without a trace,
and nobody can wipe one that they may not delete. In the transaction of the save:

- **A non-owner's edits**: the first save of a non-owner's editing session writes a
  ``draft.edit`` entry: who, which draft (title, owner, revision, size of its text), the fields
  the save changed, and the draft's data as it was, so an admin can put it back. Their session
  goes on without more entries while the draft's newest audit entry is theirs and less than
  ``SESSION`` old: a reload does not start a new one, someone else's audited change does.
- **Emptying**: a save that takes the draft's text below half of the most it had — before the
  save, when the saver's page opened it, or at the start of their audited session, whichever is
  most — when that was at least ``MIN_TEXT`` characters, is audited like a deletion
  (``draft.empty``) and keeps that fullest data. The text is every string and number of the
  draft's fields, trimmed, in every language. Comparing with the earlier states catches emptying
  a draft field by field, one save at a time (a non-owner's even across reloads); the save that
  crosses the half is the one recorded (the later ones, already below it, are not).

Every save also writes a ``draft.change`` entry (object type ``draft_version``, so the sessions
above and the entries of a draft are as they were): who, the revision, the data paths it changed,
the step (``edit``, ``restore``...), and the version it put back, if any. It keeps no data: the
draft's versions (``store/versions.py``) do.

``recover`` puts back the data an entry kept (``draft.recover``, itself keeping what it replaced).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from pressdraft.core.users import same_user
from pressdraft.store import audit, drafts, versions
from pressdraft.store.errors import NotFound
from pressdraft.store.records import AuditEntry, StoredDraft
from pressdraft.store.schema import now

EDIT, EMPTY, RECOVER, CHANGE = "draft.edit", "draft.empty", "draft.recover", "draft.change"
VERSION = "draft_version"  # the object type of ``draft.change`` entries
SESSION = timedelta(hours=1)
MIN_TEXT = 100


def text_size(value: Any) -> int:
    """Characters of every string and number in ``value`` (trimmed), however deeply nested."""
    if isinstance(value, str):
        return len(value.strip())
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int | float):
        return len(str(value))
    if isinstance(value, Mapping):
        return sum(text_size(item) for item in value.values())
    if isinstance(value, list):
        return sum(text_size(item) for item in value)
    return 0


def size(data: Any) -> int:
    """The size of a draft's text: its fields, in every language."""
    return text_size(data.get("fields")) if isinstance(data, Mapping) else 0


def changed_paths(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """What a save changed, field by field: ``fields.theme``, ``release.date``, ``template``."""
    paths = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in ("fields", "release") and isinstance(before, dict) and isinstance(after, dict):
            paths += [
                f"{key}.{name}" for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)
            ]
        else:
            paths.append(key)
    return paths


def save(
    connection: Connection,
    user: str,
    draft_id: str,
    data: Mapping[str, Any],
    *,
    expected_revision: int,
    opened: tuple[int, Mapping[str, Any]] | None = None,
    title: str | None = None,
    marks: Mapping[str, Any] | None = None,
    summary: Mapping[str, Any] | None = None,
    event: str = versions.EDIT,
    restored_from: int | None = None,
) -> int:
    """``drafts.save`` by ``user``, audited in the same transaction: always as a ``draft.change``,
    and as a ``draft.edit`` or ``draft.empty`` when ``user`` is not the draft's owner (once per
    editing session) or the save empties the draft.

    ``opened``: the revision and data the saver's page opened the draft with; ``event`` and
    ``restored_from``: the step that saved, and the version it put back (``drafts.save``)."""
    previous = drafts.get(connection, draft_id)
    changed = changed_paths(previous.data, data)
    revision = drafts.save(
        connection,
        draft_id,
        data,
        author=user,
        expected_revision=expected_revision,
        title=title,
        marks=marks,
        summary=summary,
        changed=changed,
        event=event,
        restored_from=restored_from,
    )
    change = {"revision": revision, "changed": changed, "event": event, "restored_from": restored_from}
    audit.write(connection, user=user, action=CHANGE, object_type=VERSION, object_id=draft_id, after=change)
    newest = audit.entries(connection, limit=1, object_type="draft", object_id=draft_id)
    session = newest[0] if newest and _continues(newest[0], user) else None
    # the most text the draft had: before this save, when the page opened it, at the session's start
    states = [(previous.revision, previous.data), *([opened] if opened else [])]
    states += [(session.before["revision"], session.before["data"])] if session is not None else []
    most = max(states, key=lambda state: size(state[1]))
    after = {"revision": revision, "characters": size(data), "changed": changed}
    if size(most[1]) >= MIN_TEXT and 2 * size(data) < size(most[1]) <= 2 * size(previous.data):
        _write(connection, EMPTY, user, previous, _kept(previous, *most), after)
    elif not same_user(previous.owner, user) and session is None:
        _write(connection, EDIT, user, previous, _kept(previous, previous.revision, previous.data), after)
    return revision


def _continues(entry: AuditEntry, user: str) -> bool:
    """The draft's newest entry is this user's edit session, still open."""
    return same_user(entry.user, user) and entry.action in (EDIT, EMPTY) and now() - entry.at < SESSION


def _kept(draft: StoredDraft, revision: int, data: Mapping[str, Any]) -> dict[str, Any]:
    """A draft as an entry keeps it: what identifies it, and its data, to be put back."""
    return {"title": draft.title, "owner": draft.owner, "revision": revision, "characters": size(data), "data": data}


def _write(connection: Connection, action: str, user: str, draft: StoredDraft, before: Any, after: Any) -> None:
    audit.write(
        connection, user=user, action=action, object_type="draft", object_id=draft.id, before=before, after=after
    )


def recover(connection: Connection, entry_id: int, *, user: str) -> StoredDraft:
    """The draft an audit entry kept, put back (made again with its id if it was deleted for good)."""
    entry = audit.entry(connection, entry_id)
    kept = entry.before if entry is not None and entry.object_type == "draft" else None
    if not isinstance(kept, dict) or not isinstance(kept.get("data"), dict):
        raise NotFound(f"The audit entry {entry_id} keeps no draft to put back.")
    assert entry is not None
    title = str(kept.get("title") or "")
    try:
        current = drafts.get(connection, entry.object_id)
    except NotFound:
        owner = str(kept.get("owner") or user)
        draft = drafts.create(connection, kept["data"], owner=owner, title=title, draft_id=entry.object_id)
        before = None
    else:
        drafts.save(
            connection,
            current.id,
            kept["data"],
            author=user,
            expected_revision=current.revision,
            title=title,
            marks={},
            event=RECOVER,
        )
        draft = drafts.get(connection, current.id)
        before = _kept(current, current.revision, current.data)
    after = {"title": title, "owner": draft.owner, "revision": draft.revision, "characters": size(draft.data)}
    _write(connection, RECOVER, user, draft, before, {**after, "from_entry": entry_id})
    return draft
