"""The store the app and the CLI use: one object per database URL, every call one transaction.

Each method runs one unit of work from the modules beside this one (drafts, templates,
directory, settings, audit) inside ``Database.run_write`` / ``run_read``, which retry a locked
database briefly and then raise ``StoreBusy``. Records come back detached (plain dataclasses),
so nothing here holds a connection between calls and the object is safe to share by threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy.engine import URL

from pressdraft.store import accounts, audit, directory_versions, draft_audit, drafts, overrides, templates
from pressdraft.store.backup import write_backup
from pressdraft.store.database import Database, is_sqlite, safe_url
from pressdraft.store.migrate import current_revision, pending_on, require_current, upgrade_on
from pressdraft.store.records import (
    AccountBinding,
    AuditEntry,
    DirectoryVersion,
    Draft,
    DraftSummary,
    TemplateStatus,
    TemplateSummary,
    TemplateVersion,
)
from pressdraft.store.rows import count
from pressdraft.store.safety_copy import copy_before_upgrade
from pressdraft.store.schema import TABLES


def default_url(data_dir: str | Path) -> str:
    """The embedded default: a SQLite file in the data folder."""
    return f"sqlite:///{Path(data_dir).expanduser().resolve() / 'pressdraft.db'}"


def open_store(url: str | URL, *, auto_upgrade: bool = False, busy_timeout: float = 10.0, attempts: int = 3) -> Store:
    """A ready store, or ``StoreNotReady`` saying to run ``pressdraft db upgrade``.

    ``auto_upgrade`` applies pending migrations itself, on SQLite only (the embedded default,
    created on first use; an existing file is first copied to ``<file>.before-<rev>.bak``);
    a PostgreSQL database is shared by servers and upgraded by its operator, so it is never
    changed behind their back.
    """
    store = Store(url, busy_timeout=busy_timeout, attempts=attempts)
    try:
        if auto_upgrade and is_sqlite(url):
            _auto_upgrade(store.database)
        store.database.run_read(lambda c: require_current(c, url))
    except BaseException:
        store.close()
        raise
    return store


def _auto_upgrade(database: Database) -> None:
    """Migrate a SQLite store; one that already has a schema is first copied beside itself."""
    pending = database.run_read(pending_on)
    if not pending:
        return
    if database.run_read(current_revision) is not None:
        copy_before_upgrade(database.url, pending[-1])
    database.run_write(lambda c: upgrade_on(c) if pending_on(c) else None)


class Store:
    """Drafts, template versions, the directory, settings and the audit log of one database."""

    def __init__(self, url: str | URL, *, busy_timeout: float = 10.0, attempts: int = 3):
        self.database = Database(url, busy_timeout=busy_timeout, attempts=attempts)

    @property
    def url(self) -> str:
        return safe_url(self.database.url)

    def close(self) -> None:
        """Release every pooled connection (and its file handles)."""
        self.database.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _write(self, work: Any) -> Any:
        return self.database.run_write(work)

    def _read(self, work: Any) -> Any:
        return self.database.run_read(work)

    # drafts -------------------------------------------------------------------------------

    def create_draft(
        self,
        data: Mapping[str, Any],
        *,
        owner: str,
        title: str = "",
        draft_id: str | None = None,
        marks: Mapping[str, Any] | None = None,
        summary: Mapping[str, Any] | None = None,
    ) -> Draft:
        """A new draft at revision 1 (``draft_id``: keep an id, e.g. when importing; ``summary``:
        what a listing shows of it)."""
        return self._write(
            lambda c: drafts.create(c, data, owner=owner, title=title, draft_id=draft_id, marks=marks, summary=summary)
        )

    def get_draft(self, draft_id: str) -> Draft:
        return self._read(lambda c: drafts.get(c, draft_id))

    def save_draft(
        self,
        draft_id: str,
        data: Mapping[str, Any],
        *,
        expected_revision: int,
        title: str | None = None,
        marks: Mapping[str, Any] | None = None,
        summary: Mapping[str, Any] | None = None,
    ) -> int:
        """Autosave; returns the new revision, or raises ``ConflictError`` with the stored data.

        ``marks``: the app's translation marks, saved with the data (None keeps them);
        ``summary``: what a listing shows of the new data (None clears the stored one)."""
        return self._write(
            lambda c: drafts.save(
                c, draft_id, data, expected_revision=expected_revision, title=title, marks=marks, summary=summary
            )
        )

    def save_draft_as(
        self,
        user: str,
        draft_id: str,
        data: Mapping[str, Any],
        *,
        expected_revision: int,
        title: str | None = None,
        marks: Mapping[str, Any] | None = None,
        summary: Mapping[str, Any] | None = None,
        opened: tuple[int, Mapping[str, Any]] | None = None,
    ) -> int:
        """``save_draft`` by ``user``: audited, in the same transaction, when ``user`` is not the
        draft's owner (once per editing session) or the save empties the draft (``draft_audit``;
        ``opened``: the revision and data the saver's page opened the draft with)."""
        return self._write(
            lambda c: draft_audit.save(
                c,
                draft_id,
                data,
                user=user,
                expected_revision=expected_revision,
                title=title,
                marks=marks,
                summary=summary,
                opened=opened,
            )
        )

    def recover_draft(self, entry_id: int, *, user: str) -> Draft:
        """Put back the draft an audit entry kept (audited as ``draft.recover``)."""
        return self._write(lambda c: draft_audit.recover(c, entry_id, user=user))

    def fill_draft_summary(self, draft_id: str, summary: Mapping[str, Any], *, revision: int) -> bool:
        """The summary of a draft saved without one, if still at ``revision`` without one."""
        return self._write(lambda c: drafts.fill_summary(c, draft_id, summary, revision=revision))

    def list_drafts(self, *, trash: bool = False, owner: str | None = None) -> list[DraftSummary]:
        return self._read(lambda c: drafts.summaries(c, trash=trash, owner=owner))

    def duplicate_draft(self, draft_id: str, *, owner: str, title: str | None = None) -> Draft:
        return self._write(lambda c: drafts.duplicate(c, draft_id, owner=owner, title=title))

    def delete_draft(self, draft_id: str, *, user: str) -> Draft:
        """Move to the trash (audited); ``restore_draft`` brings it back."""
        return self._write(lambda c: drafts.move_to_trash(c, draft_id, user=user))

    def restore_draft(self, draft_id: str, *, user: str) -> Draft:
        return self._write(lambda c: drafts.restore(c, draft_id, user=user))

    def purge_draft(self, draft_id: str, *, user: str) -> None:
        """Remove from the trash for good (audited); a draft not in the trash is refused."""
        self._write(lambda c: drafts.purge(c, draft_id, user=user))

    def set_draft_template_version(self, draft_id: str, version: int | None) -> None:
        """Remember the template version a draft was rendered with (does not bump its revision)."""
        self._write(lambda c: drafts.set_template_version(c, draft_id, version))

    # templates ----------------------------------------------------------------------------

    def save_template(
        self,
        template_id: str,
        files: Mapping[str, str],
        *,
        author: str,
        comment: str = "",
        status: TemplateStatus = "working",
        base_version: int | None,
    ) -> TemplateVersion:
        """Version ``base_version + 1`` (None: the first); ``ConflictError`` if one is newer."""
        return self._write(
            lambda c: templates.save(
                c,
                template_id,
                files,
                author=author,
                comment=comment,
                status=status,
                base_version=base_version,
            )
        )

    def restore_template(
        self,
        template_id: str,
        number: int,
        *,
        author: str,
        comment: str | None = None,
        status: TemplateStatus | None = None,
        base_version: int | None = None,
    ) -> TemplateVersion:
        """A new version with the files of ``number`` (its status unless ``status`` is given)."""
        return self._write(
            lambda c: templates.restore(
                c,
                template_id,
                number,
                author=author,
                comment=comment,
                status=status,
                base_version=base_version,
            )
        )

    def template_history(self, template_id: str) -> list[TemplateVersion]:
        """Every version, the newest first."""
        return self._read(lambda c: templates.history(c, template_id))

    def template_version(self, template_id: str, number: int) -> TemplateVersion:
        return self._read(lambda c: templates.version(c, template_id, number))

    def latest_template(self, template_id: str) -> TemplateVersion | None:
        """The newest version whatever its status: the base for the next save."""
        return self._read(lambda c: templates.latest(c, template_id))

    def current_template(self, template_id: str) -> TemplateVersion | None:
        """The newest ``working`` version (None: use the shipped template)."""
        return self._read(lambda c: templates.current(c, template_id))

    def list_templates(self) -> list[TemplateSummary]:
        return self._read(templates.summaries)

    # directory ----------------------------------------------------------------------------

    def save_directory(
        self, data: Mapping[str, Any], *, author: str, base_version: int | None, comment: str = ""
    ) -> DirectoryVersion:
        return self._write(
            lambda c: directory_versions.save(c, data, author=author, base_version=base_version, comment=comment)
        )

    def current_directory(self) -> dict[str, Any] | None:
        """The organization's directory, or None: use the shipped one."""
        latest = self.directory_version()
        return latest.data if latest else None

    def directory_version(self, number: int | None = None) -> DirectoryVersion | None:
        """Version ``number``, or the newest (None when the store has none)."""
        if number is None:
            return self._read(directory_versions.latest)
        return self._read(lambda c: directory_versions.version(c, number))

    def directory_history(self) -> list[DirectoryVersion]:
        return self._read(directory_versions.history)

    # settings -----------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._read(lambda c: overrides.get(c, key, default))

    def settings(self) -> dict[str, Any]:
        """Every override an admin set."""
        return self._read(overrides.all_values)

    def set_setting(self, key: str, value: Any, *, user: str) -> None:
        self._write(lambda c: overrides.put(c, key, value, user=user))

    def reset_setting(self, key: str, *, user: str) -> bool:
        """Remove an override so the default applies; False when there was none."""
        return self._write(lambda c: overrides.remove(c, key, user=user))

    # accounts -----------------------------------------------------------------------------

    def bind_account(self, email: str, issuer: str, subject: str, claims: Mapping[str, Any]) -> str:
        """Bind ``email`` to the provider's issuer and subject at its first sign-in; afterwards
        ``"same"``, or a refusal (``"other_subject"``, ``"other_email"``): see ``accounts.bind``."""
        return self._write(lambda c: accounts.bind(c, email, issuer, subject, claims))

    def account_bindings(self) -> list[AccountBinding]:
        return self._read(accounts.all_bindings)

    def release_account(self, email: str, *, user: str) -> bool:
        """Let ``email`` bind anew at its next sign-in (audited); False when it was not bound."""
        return self._write(lambda c: accounts.release(c, email, user=user))

    # audit --------------------------------------------------------------------------------

    def audit(
        self,
        *,
        user: str,
        action: str,
        object_type: str,
        object_id: str,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Record an event that changes nothing in the store (e.g. a role change made elsewhere)."""
        self._write(
            lambda c: audit.write(
                c,
                user=user,
                action=action,
                object_type=object_type,
                object_id=object_id,
                before=before,
                after=after,
            )
        )

    def audit_entries(
        self,
        limit: int = 100,
        offset: int = 0,
        *,
        object_type: str | None = None,
        object_id: str | None = None,
    ) -> list[AuditEntry]:
        """A page of the audit log, the newest first."""
        return self._read(
            lambda c: audit.entries(c, limit=limit, offset=offset, object_type=object_type, object_id=object_id)
        )

    def export_audit(self) -> list[dict[str, Any]]:
        """The whole audit log, oldest first, as plain dicts (for CSV or JSON)."""
        entries = self._read(lambda c: audit.entries(c, limit=None, newest_first=False))
        return [entry.as_dict() for entry in entries]

    # the whole store ----------------------------------------------------------------------

    def backup(self, path: str | Path) -> dict[str, Any]:
        """Write everything to one file (see ``backup``); returns its manifest."""
        return write_backup(self.database, path)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self._read(lambda c: {table.name: count(c, table) for table in TABLES})
