"""The store the app and the CLI use: one object per database URL, every call one transaction.

Each method runs one unit of work from the modules beside this one (drafts, templates,
directory, settings, audit) inside ``Database.run_write`` / ``run_read``, which retry a locked
database briefly and then raise ``StoreBusy``. Records come back detached (plain dataclasses),
so nothing here holds a connection between calls and the object is safe to share by threads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection
from sqlalchemy.engine import URL

from pressdraft.store import (
    accounts,
    comments,
    directory_versions,
    draft_audit,
    drafts,
    images,
    numbers,
    overrides,
    publications,
    review,
    search,
    templates,
    versions,
)
from pressdraft.store import audit as audit_log
from pressdraft.store.database import Database, is_sqlite, safe_url
from pressdraft.store.records import DirectoryVersion, StoredDraft
from pressdraft.store.revision import at_head, current_revision
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
        if not store.database.run_read(at_head):  # else Alembic (``store.migrate``) is not even imported
            from pressdraft.store.migrate import require_current

            if auto_upgrade and is_sqlite(url):
                _auto_upgrade(store.database)
            store.database.run_read(lambda c: require_current(c, url))
    except BaseException:
        store.close()
        raise
    return store


def _auto_upgrade(database: Database) -> None:
    """Migrate a SQLite store; one that already has a schema is first copied beside itself."""
    from pressdraft.store.migrate import pending_on, upgrade_on

    pending = database.run_read(pending_on)
    if not pending:
        return
    if database.run_read(current_revision) is not None:
        copy_before_upgrade(database.url, pending[-1])
    database.run_write(lambda c: upgrade_on(c) if pending_on(c) else None)


Arguments = ParamSpec("Arguments")
Result = TypeVar("Result")


def _unit(
    work: Callable[Concatenate[Connection, Arguments], Result], *, writes: bool
) -> Callable[Concatenate[Store, Arguments], Result]:
    """A store method that runs ``work`` as one transaction: its own parameters, its own docstring,
    so a unit of work is declared once, in its module, and not again here."""

    def method(store: Store, *args: Arguments.args, **kwargs: Arguments.kwargs) -> Result:
        run = store.database.run_write if writes else store.database.run_read
        return run(lambda connection: work(connection, *args, **kwargs))  # type: ignore[no-any-return]

    method.__name__ = work.__name__
    method.__doc__ = work.__doc__
    return method


class Store:
    """Drafts, template versions, the directory, settings, release numbers, pictures and the audit
    log of one database."""

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

    # drafts -------------------------------------------------------------------------------

    create_draft = _unit(drafts.create, writes=True)
    get_draft = _unit(drafts.get, writes=False)
    save_draft = _unit(drafts.save, writes=True)
    save_draft_as = _unit(draft_audit.save, writes=True)
    recover_draft = _unit(draft_audit.recover, writes=True)
    fill_draft_summary = _unit(drafts.fill_summary, writes=True)
    list_drafts = _unit(drafts.summaries, writes=False)
    draft_owners = _unit(drafts.owners, writes=False)
    any_draft = _unit(drafts.any_draft, writes=False)
    duplicate_draft = _unit(drafts.duplicate, writes=True)
    delete_draft = _unit(drafts.move_to_trash, writes=True)
    restore_draft = _unit(drafts.restore, writes=True)
    purge_draft = _unit(drafts.purge, writes=True)
    draft_template_version = _unit(drafts.template_version, writes=False)
    draft_status = _unit(drafts.status, writes=False)
    set_draft_template_version = _unit(drafts.set_template_version, writes=True)
    draft_history = _unit(versions.history, writes=False)
    draft_version = _unit(versions.version, writes=False)
    add_comment = _unit(comments.add, writes=True)
    comment = _unit(comments.get, writes=False)
    resolve_comment = _unit(comments.resolve, writes=True)
    draft_comments = _unit(comments.for_draft, writes=False)

    # review: a release's steps, and what its publications sent -----------------------------

    review_step = _unit(review.step, writes=True)
    four_eyes = _unit(review.four_eyes, writes=False)

    def approve_draft(self, draft_id: str, **step: Any) -> StoredDraft:
        """``review.approve``, the release's number given by ``numbers.assign`` in its transaction."""

        def give(connection: Connection, draft: str, user: str) -> str:
            return numbers.assign(connection, draft, user=user).printed

        return self.database.run_write(lambda connection: review.approve(connection, draft_id, number=give, **step))

    publish_draft = _unit(review.publish, writes=True)
    draft_publications = _unit(publications.of_draft, writes=False)
    publication = _unit(publications.publication, writes=False)
    search_drafts = _unit(search.search, writes=False)
    reindex_drafts = _unit(search.rebuild, writes=True)

    # templates ----------------------------------------------------------------------------

    save_template = _unit(templates.save, writes=True)
    restore_template = _unit(templates.restore, writes=True)
    template_history = _unit(templates.history, writes=False)
    template_version = _unit(templates.version, writes=False)
    latest_template = _unit(templates.latest, writes=False)
    current_template = _unit(templates.current, writes=False)
    list_templates = _unit(templates.summaries, writes=False)

    # directory ----------------------------------------------------------------------------

    save_directory = _unit(directory_versions.save, writes=True)
    directory_history = _unit(directory_versions.history, writes=False)

    def current_directory(self) -> dict[str, Any] | None:
        """The organization's directory, or None: use the shipped one."""
        latest = self.directory_version()
        return latest.data if latest else None

    def directory_version(self, number: int | None = None) -> DirectoryVersion | None:
        """Version ``number``, or the newest (None when the store has none)."""
        if number is None:
            return self.database.run_read(directory_versions.latest)
        return self.database.run_read(lambda c: directory_versions.version(c, number))

    # settings -----------------------------------------------------------------------------

    get_setting = _unit(overrides.get, writes=False)
    settings = _unit(overrides.all_values, writes=False)
    set_setting = _unit(overrides.put, writes=True)
    reset_setting = _unit(overrides.remove, writes=True)

    # accounts -----------------------------------------------------------------------------

    bind_account = _unit(accounts.bind, writes=True)
    account_bindings = _unit(accounts.all_bindings, writes=False)
    release_account = _unit(accounts.release, writes=True)

    # release numbers ----------------------------------------------------------------------

    next_release_number = _unit(numbers.next_number, writes=True)
    assign_release_number = _unit(numbers.assign, writes=True)
    assigned_release_number = _unit(numbers.assigned, writes=False)
    release_number_register = _unit(numbers.register, writes=False)
    release_number_format = _unit(numbers.number_format, writes=False)
    set_release_number_format = _unit(numbers.set_number_format, writes=True)

    # pictures of photo blocks -------------------------------------------------------------

    store_image = _unit(images.keep, writes=True)
    image = _unit(images.get, writes=False)
    stored_images = _unit(images.found, writes=False)

    # audit --------------------------------------------------------------------------------

    audit = _unit(audit_log.write, writes=True)
    audit_entries = _unit(audit_log.entries, writes=False)

    def export_audit(self) -> list[dict[str, Any]]:
        """The whole audit log, oldest first, as plain dicts (for CSV or JSON)."""
        entries = self.database.run_read(lambda c: audit_log.entries(c, None, newest_first=False))
        return [entry.as_dict() for entry in entries]

    # the whole store ----------------------------------------------------------------------

    def backup(self, path: str | Path) -> dict[str, Any]:
        """Write everything to one file (see ``backup``); returns its manifest."""
        from pressdraft.store.backup_file import write_backup  # with Alembic: not on the app's way to its first page

        return write_backup(self.database, path)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self.database.run_read(lambda c: {table.name: count(c, table) for table in TABLES})
