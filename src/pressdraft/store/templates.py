"""Template versions: a linear history per template, never rewritten, safe against lost updates.

A save names the version it was edited from (``base_version``). If anyone saved a newer one in
the meantime the save is refused with that version's files, for a diff. The check is backed by
the primary key (template id, number): two writers that both pass the check still cannot both
insert version n + 1, so the refusal holds across processes and servers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from pressdraft.store import audit
from pressdraft.store.errors import ConflictError, NotFound
from pressdraft.store.records import (
    TEMPLATE_STATUSES,
    TemplateStatus,
    TemplateSummary,
    TemplateVersion,
)
from pressdraft.store.schema import now, template_versions

_T = template_versions.c


def latest_number(connection: Connection, template_id: str) -> int:
    """The number of the newest version of a template; 0 when the store has none."""
    query = select(func.max(_T.number)).where(_T.template_id == template_id)
    return connection.execute(query).scalar_one() or 0


def version(connection: Connection, template_id: str, number: int) -> TemplateVersion:
    query = select(template_versions).where(_T.template_id == template_id, _T.number == number)
    row = connection.execute(query).one_or_none()
    if row is None:
        raise NotFound(f"Template {template_id!r} has no version {number}.")
    return TemplateVersion(**row._mapping)


def latest(connection: Connection, template_id: str) -> TemplateVersion | None:
    """The newest version whatever its status: the base for the next save."""
    number = latest_number(connection, template_id)
    return version(connection, template_id, number) if number else None


def current(connection: Connection, template_id: str) -> TemplateVersion | None:
    """The version in use: the newest that passed its checks (status ``working``)."""
    query = (
        select(template_versions)
        .where(_T.template_id == template_id, _T.status == "working")
        .order_by(_T.number.desc())
        .limit(1)
    )
    row = connection.execute(query).one_or_none()
    return TemplateVersion(**row._mapping) if row else None


def history(connection: Connection, template_id: str) -> list[TemplateVersion]:
    """Every version of a template, the newest first."""
    query = select(template_versions).where(_T.template_id == template_id).order_by(_T.number.desc())
    return [TemplateVersion(**row._mapping) for row in connection.execute(query)]


def summaries(connection: Connection) -> list[TemplateSummary]:
    """Each template the organization has versions of: its newest and its working version."""
    columns = (_T.template_id, _T.number, _T.status, _T.author, _T.created_at)
    rows = connection.execute(select(*columns).order_by(_T.template_id, _T.number)).all()
    found: dict[str, TemplateSummary] = {}
    for row in rows:
        previous = found.get(row.template_id)
        working = row.number if row.status == "working" else (previous.working if previous else None)
        found[row.template_id] = TemplateSummary(
            template_id=row.template_id,
            latest=row.number,
            latest_status=row.status,
            working=working,
            author=row.author,
            created_at=row.created_at,
        )
    return list(found.values())


def save(
    connection: Connection,
    template_id: str,
    files: Mapping[str, str],
    *,
    author: str,
    comment: str = "",
    status: TemplateStatus = "working",
    base_version: int | None,
) -> TemplateVersion:
    """Version ``base_version + 1`` (None: the first) unless someone else already added it
    (``ConflictError``)."""
    return _add(connection, template_id, files, base_version or 0, author=author, comment=comment, status=status)


def restore(
    connection: Connection,
    template_id: str,
    number: int,
    *,
    author: str,
    comment: str | None = None,
    status: TemplateStatus | None = None,
    base_version: int | None = None,
) -> TemplateVersion:
    """A new version with the files of version ``number`` (its status unless ``status`` is given);
    history is never rewritten."""
    old = version(connection, template_id, number)
    return _add(
        connection,
        template_id,
        old.files,
        latest_number(connection, template_id) if base_version is None else base_version,
        author=author,
        comment=comment if comment is not None else f"restored version {number}",
        status=status or old.status,
        restored_from=number,
    )


def _add(
    connection: Connection,
    template_id: str,
    files: Mapping[str, str],
    base: int,
    *,
    author: str,
    comment: str,
    status: TemplateStatus,
    restored_from: int | None = None,
) -> TemplateVersion:
    """Add version ``base + 1``, audited as a save or as the restore of ``restored_from``."""
    _check(template_id, files, status)
    if latest_number(connection, template_id) != base:
        raise _conflict(connection, template_id, base)
    row = {
        "template_id": template_id,
        "number": base + 1,
        "files": dict(files),
        "author": author,
        "created_at": now(),
        "comment": comment,
        "status": status,
        "restored_from": restored_from,
    }
    _insert_once(connection, row, base)
    audit.write(
        connection,
        user=author,
        action="template.save" if restored_from is None else "template.restore",
        object_type="template",
        object_id=template_id,
        before={"version": base} if base else None,
        after={
            "version": base + 1,
            "status": status,
            "comment": comment,
            "restored_from": restored_from,
        },
    )
    return TemplateVersion(**row)


def _insert_once(connection: Connection, row: dict[str, Any], base: int) -> None:
    """Insert under the unique key; losing the race to another writer is a conflict."""
    try:
        with connection.begin_nested():
            connection.execute(insert(template_versions).values(**row))
    except IntegrityError:
        if latest_number(connection, row["template_id"]) >= row["number"]:
            raise _conflict(connection, row["template_id"], base) from None
        raise


def _conflict(connection: Connection, template_id: str, base: int) -> ConflictError:
    newest = latest(connection, template_id)
    number = newest.number if newest else 0
    who = newest.author if newest else "someone"
    return ConflictError(
        f"Template {template_id!r} was saved by {who} as version {number} after you opened "
        f"version {base}; your save was refused so nothing is overwritten. Compare the two "
        "and save again.",
        current=newest.files if newest else None,
        revision=number,
        record=newest,
    )


def _check(template_id: str, files: Mapping[str, str], status: str) -> None:
    if not isinstance(template_id, str) or not template_id:
        raise ValueError("a template id is a non-empty string")
    if status not in TEMPLATE_STATUSES:
        raise ValueError(f"template status must be one of {', '.join(TEMPLATE_STATUSES)}")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise ValueError("template files map file names to text")
