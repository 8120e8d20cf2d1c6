"""What the web app does, without Streamlit: drafts, downloads and the directory over the store.

The UI calls these methods and shows their results; everything that decides something
(which draft to open, what a new draft holds, what a download is called) lives here, where
it is tested without a browser. So do the roles: the service acts for one account, and every
method that changes something checks it first (``pressdraft.app.authorization``), whoever calls.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections import Counter
from functools import cache, partial
from pathlib import Path
from typing import Any

from pressdraft.app import admin, numbering, photos
from pressdraft.app.archive import Archive
from pressdraft.app.auth import LOCAL_ACCOUNT, Account
from pressdraft.app.authorization import authorize, requires
from pressdraft.app.downloads import kept, release_digest
from pressdraft.app.editing import Marks, new_draft_data
from pressdraft.app.history import History
from pressdraft.app.locks import ensure_editable
from pressdraft.app.review import Review
from pressdraft.app.worklist import DraftRow, Worklist
from pressdraft.app.workshop import SaveResult, TemplateRow, Workshop, organization_templates
from pressdraft.app.workspace import Conflict, DraftEditor, draft_title
from pressdraft.core.directory import Directory, default_directory, from_table_rows, parse_directory
from pressdraft.core.files import dump_data, format_of, read_data
from pressdraft.core.library import ORGANIZATION, Library, Template, default_templates_folder
from pressdraft.core.model import Draft, LocalizedText
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.document.blocks import Block
from pressdraft.document.export import Edition, OutputFile, Planned, pdf_files, pick_letterhead, zip_edition
from pressdraft.pipeline.engine import Analysis, Engine, TemplateRunner
from pressdraft.pipeline.pool import act_for
from pressdraft.store.api import Store, open_store
from pressdraft.store.errors import ConflictError, NotFound, StoreNotReady, StoreUnavailable
from pressdraft.store.records import AccountBinding, AuditEntry, TemplateVersion

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "joint-media-platform.yaml"
#: What ``AppService.open`` raises when the database is not ready (pending migrations, a newer
#: schema) or cannot be reached: its message says what to do (e.g. run ``pressdraft db upgrade``).
NOT_READY = (StoreNotReady, StoreUnavailable)


def _release_date(data: Any) -> str | None:
    release = data.get("release") if isinstance(data, dict) else None
    date = release.get("date") if isinstance(release, dict) else None
    return date if isinstance(date, str) and date else None


class StoreDrafts:
    """The editor's view of the store: a draft's data, its translation marks, its revision."""

    def __init__(self, service: AppService):
        self.service = service
        self.opened: dict[str, tuple[int, dict[str, Any]]] = {}  # each draft as this page opened it

    def load_draft_state(self, draft_id: str) -> tuple[dict[str, Any], Marks, int]:
        record = self.service.store.get_draft(draft_id)
        self.opened.setdefault(draft_id, (record.revision, record.data))
        return dict(record.data), dict(record.marks or {}), record.revision

    def save_draft_state(
        self, draft_id: str, data: dict[str, Any], marks: Marks, *, expected_revision: int, analysis: Analysis
    ) -> int:
        """Every save of the form; a non-owner's, or one emptying the draft, is audited by the store.
        An approved or published draft is refused (``Locked``); one approved after this read has moved
        on its revision, so the save is a conflict."""
        authorize(self.service.account, "draft.edit")
        ensure_editable(self.service.store.draft_status(draft_id))
        title, summary = self.service.described(data, analysis)
        try:
            return self.service.store.save_draft_as(
                self.service.user,
                draft_id,
                data,
                marks=marks,
                expected_revision=expected_revision,
                title=title,
                opened=self.opened.get(draft_id),
                summary=summary,
            )
        except ConflictError as conflict:
            record = self.service.store.get_draft(draft_id)
            raise Conflict(dict(record.data), dict(record.marks or {}), record.revision) from conflict

    def images_for(self, data: dict[str, Any]) -> dict[str, bytes]:
        return self.service.images_for(data)


def _draft_owner(service: AppService, draft_id: str, *args: Any, **kwargs: Any) -> str:
    return service.store.get_draft(draft_id).owner


class AppService:
    # Public methods that change nothing (every other one is marked with ``requires``).
    READS = frozenset(
        {
            "for_user",
            "open",
            "refresh",
            "described",
            "draft_export",
            "draft_summaries",
            "as_downloaded",
            "edition_files",
            "directory_data",
            "directory",
            "template_names",
            "act_in_this_thread",
            "saves",
            "template_rows",
            "template_files",
            "template_history",
            "template_diff",
            "check_template",
            "preview_template",
            "export_templates",
            "images_for",
            "release_number_format",
        }
    )

    def __init__(
        self,
        store: Store,
        shipped: Library,
        runner: TemplateRunner,
        account: Account | None = None,
        letterhead: Path | None = None,
    ):
        """``runner``: how templates run, chosen by the caller (``app.trust``); ``account``: who the service
        acts for (by default the local user, with every role); ``letterhead``: a .docx, or a folder of them
        chosen per template or issuer (settings)."""
        self.store, self.shipped, self.letterhead = store, shipped, letterhead
        self.account = account or LOCAL_ACCOUNT
        # what the engine's directory and library were read from; one dict, shared with every
        # ``for_user`` view as the engine is, so a refresh by any of them serves them all
        self._seen: dict[str, Any] = {"directory": -1, "templates": None}
        self.engine = Engine(shipped, default_directory(), runner)
        self.workshop = self._workshop_for(self.account)
        self.history = History(self)
        self.review = Review(self)
        self.archive = Archive(store)  # reads only: the same for every account
        self.refresh()

    @property
    def user(self) -> str:
        return self.account.user

    @property
    def worklist(self) -> Worklist:
        """The drafts as a filtered, sorted worklist (``app/worklist.py``)."""
        return Worklist(self.store, self.account, lambda: self.library, lambda data: self.described(data)[1])

    @property
    def library(self) -> Library:
        return self.engine.library

    def for_user(self, account: Account) -> AppService:
        """This service acting for ``account`` (one signed-in session): the same store, engine and
        caches, but it may do what the account's role allows, drafts it creates are owned by the
        account's user and every change it makes is audited under their name."""
        view = copy.copy(self)
        view.account = account
        view.workshop = self._workshop_for(account)
        view.history = History(view)
        view.review = Review(view)
        return view

    def _workshop_for(self, account: Account) -> Workshop:
        """The template workshop acting for ``account``; its every change refreshes the library."""
        return Workshop(
            self.store, self.shipped, lambda: self.engine.directory, account, self.engine.runner, changed=self.refresh
        )

    def act_in_this_thread(self) -> None:
        """Count this thread's renders and checks, from now on, against this account's share of the
        sandbox workers, so that one busy user cannot hold every worker (``pipeline.pool``)."""
        act_for(self.user)

    @classmethod
    def open(cls, settings: dict[str, Any], runner: TemplateRunner, *, seed: bool = True) -> AppService:
        """The store named by the settings (a fresh SQLite default is created and upgraded); ``seed``:
        an empty store gets the sample release (the web app's first look; a script's store does not)."""
        Path(settings["data_dir"]).mkdir(parents=True, exist_ok=True)
        store = open_store(settings["database_url"], auto_upgrade=True)
        library = Library.from_folder(settings["templates_dir"] or default_templates_folder())
        service = cls(store, library, runner, letterhead=settings["letterhead"])
        if seed:
            service.seed()
        return service

    def refresh(self) -> None:
        """Pick up a directory or templates saved by another server or session since the last look."""
        latest = self.store.directory_version()
        number = latest.number if latest else None
        if number != self._seen["directory"]:
            self.engine.directory = parse_directory(latest.data) if latest else default_directory()
            self._seen["directory"] = number
        templates = tuple((s.template_id, s.working) for s in self.store.list_templates())
        if templates != self._seen["templates"]:
            self.engine.library = self.shipped.with_overrides(organization_templates(self.store))
            self._seen["templates"] = templates

    @requires("draft.create")
    def seed(self) -> None:
        """An empty installation starts with the sample release, so there is something to see."""
        if not self.store.any_draft():
            self.import_draft(EXAMPLE.read_bytes(), EXAMPLE.name)

    # --- drafts ------------------------------------------------------------------------------
    def described(self, data: Any, analysis: Analysis | None = None) -> tuple[str, dict[str, Any]]:
        """A draft's title (``workspace.draft_title``) and summary (what the drafts page shows: missing
        translations per language, the date), from one reading of the data (``analysis``, the editor's
        when it saves; else made here): stored beside the draft when it is saved, so that listing
        drafts never checks one."""
        analysis = analysis or self.engine.examine(data)
        missing = Counter(p.lang for p in analysis.problems if p.severity == "gap" and p.lang)
        return draft_title(data, analysis), {"missing": dict(missing), "date": _release_date(data)}

    @requires("draft.create")  # a new draft when there is none
    def open_draft_id(self, wanted: str | None) -> str:
        """The draft a session opens: the one asked for if it exists, else the latest, else a new one."""
        if wanted:
            try:
                if self.store.get_draft(wanted).deleted_at is None:
                    return wanted
            except NotFound:
                pass
        drafts = self.store.list_drafts()
        return drafts[0].id if drafts else self.new_draft()

    @requires("draft.edit")
    def editor(self, draft_id: str) -> DraftEditor:
        return DraftEditor(self.engine, StoreDrafts(self), draft_id)

    def saves(self, editor: DraftEditor) -> bool:
        """Whether ``editor`` saves through this service, as its account (one opened for another
        account, or by a service opened before, is not to be reused)."""
        return isinstance(editor.store, StoreDrafts) and editor.store.service is self

    @requires("draft.create")
    def new_draft(self, template_id: str | None = None) -> str:
        """A fresh draft of ``template_id``; by default of the kind last worked on."""
        known = [t for t in (template_id, *(d.template_id for d in self.store.list_drafts())) if t in self.library]
        template = self.library.get(known[0] if known else self.library.ids()[0])
        data = new_draft_data(template, ["tr", "az", "en"], "tr")
        data["release"]["date"] = dt.date.today().isoformat()
        title, summary = self.described(data)
        return self.store.create_draft(data, owner=self.user, title=title, summary=summary).id

    @requires("draft.create")
    def import_draft(self, content: bytes, name: str) -> str:
        """A draft file (YAML or JSON) as a new draft; refused, with every problem, when invalid."""
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise PressdraftError(Problem(Location(file=name), "the file is not UTF-8 text")) from None
        data = read_data(text, format_of(name), source=name)
        draft = self.engine.draft_from_data(data)
        canonical = read_data(self.engine.dump_draft(draft), "yaml")
        title, summary = self.described(canonical)
        return self.store.create_draft(canonical, owner=self.user, title=title, summary=summary).id

    def draft_export(self, draft_id: str, fmt: str, date: str | None = None) -> tuple[str, Any]:
        """A file name and a maker of the draft file: canonical when valid, as stored otherwise.

        ``date``: the release date a listing already knows; then the draft is read only by ``make``."""

        def make() -> bytes:
            record = self.store.get_draft(draft_id)
            try:
                text = self.engine.dump_draft(self.engine.draft_from_data(record.data), fmt)  # type: ignore[arg-type]
            except PressdraftError:
                text = dump_data(record.data, fmt)  # type: ignore[arg-type]
            return text.encode("utf-8")

        if date is None:
            date = _release_date(self.store.get_draft(draft_id).data)
        return f"{date or 'draft'}_{draft_id[:8]}.{fmt}", make

    def draft_summaries(self, *, trash: bool = False) -> list[DraftRow]:
        """The drafts page's lines from the stored summaries: no draft is read or checked."""
        return self.worklist.rows(trash=trash)

    @requires("draft.create")
    def duplicate_draft(self, draft_id: str) -> str:
        return self.store.duplicate_draft(draft_id, owner=self.user).id

    @requires("draft.trash", owner=_draft_owner)
    def trash_draft(self, draft_id: str) -> None:
        self.store.delete_draft(draft_id, user=self.user)

    @requires("draft.trash", owner=_draft_owner)
    def restore_draft(self, draft_id: str) -> None:
        self.store.restore_draft(draft_id, user=self.user)

    @requires("draft.purge")
    def purge_draft(self, draft_id: str) -> None:
        self.store.purge_draft(draft_id, user=self.user)

    @requires("audit")
    def recover_draft(self, entry_id: int) -> str:
        """Put back the draft an audit entry kept (one emptied, or edited by someone other than
        its owner); made again if it was deleted for good. Returns its id."""
        draft = self.store.recover_draft(entry_id, user=self.user)
        return draft.id

    # --- photos and release numbers ---------------------------------------------------------------
    @requires("draft.edit")
    def upload_photo(self, data: bytes, filename: str) -> str:
        """An uploaded picture, cleaned of its metadata and kept; returns the id a photo block names."""
        return photos.upload(self.store, data, filename, user=self.user)

    def images_for(self, draft: Draft | dict[str, Any]) -> dict[str, bytes]:
        """REF → bytes of the stored pictures a draft's photo blocks name, for the document layer."""
        return photos.images_for(self.store, draft)

    @requires("release.number")
    def assign_release_number(self, draft_id: str) -> str:
        """Give a release whose number is ``auto`` its issuer's next number of the year, once (approval
        gives it too: ``app/review.py``); returns the number as printed. Not of a frozen release."""
        ensure_editable(self.store.draft_status(draft_id))
        return numbering.assign(self.store, self.engine, draft_id, user=self.user)

    def release_number_format(self, issuer: str) -> str:
        """How ``issuer``'s numbers print (``{year}/{number}`` unless set)."""
        return self.store.release_number_format(issuer)

    @requires("settings")
    def set_release_number_format(self, issuer: str, number_format: str | None) -> None:
        """Set how ``issuer`` (an organization of the directory) prints its numbers (None: back to the
        default); audited as a setting."""
        numbering.set_format(self.store, self.engine.directory, issuer, number_format, user=self.user)

    # --- downloads -----------------------------------------------------------------------------
    @requires("draft.edit")
    def record_download(self, draft_id: str, edition: Edition) -> None:
        """Remember the template version a release was downloaded with (0: the shipped one). A download
        with the version already remembered writes nothing: it is made on click, and a write would wait
        its turn behind every other session's autosave."""
        version = edition.rendition.template.number or 0
        if self.store.draft_template_version(draft_id) != version:
            self.store.set_draft_template_version(draft_id, version)

    def as_downloaded(self, draft_id: str) -> Edition:
        """The release rendered again with the template version of its last download."""
        record = self.store.get_draft(draft_id)
        draft = self.engine.draft_from_data(record.data)
        template = self.library.get(draft.template)
        if record.template_version:
            files = self.store.template_version(draft.template, record.template_version).files
            template = Template(draft.template, files, origin=ORGANIZATION, number=record.template_version)
        elif record.template_version == 0 and draft.template in self.shipped:
            template = self.shipped.get(draft.template)
        return Edition(self.engine.alone(template).render(draft))

    def edition_files(self, edition: Edition) -> list[Planned]:
        """Every download of a release, named now and made when clicked, with the CLI's names and bytes:
        ``render --format docx,md,txt --side-by-side [--zip]`` and ``--format pdf``. Each file is kept by
        what it holds (``app/downloads.py``), so a second click or another session's costs nothing (the
        ZIP and the PDFs take the Word files kept); one not kept is made, Word, ZIP and PDF in one of
        the server's few heavy-build turns."""
        side_by_side = len(edition.rendition.markdown) > 1
        letterhead = pick_letterhead(self.letterhead, edition.draft.template, edition.draft.release.issuer)
        draft_text = cache(lambda: self.engine.dump_draft(edition.draft))
        release = cache(lambda: release_digest(edition, draft_text(), letterhead))
        every = edition.plan(["docx", "md", "txt"], side_by_side=side_by_side, letterhead=letterhead)
        made = {item.name: kept(item.name, release, item.make) for item in every}
        planned = [
            Planned(item.name, kept(item.name, release, item.make, heavy=True))
            if item.name.endswith(".docx")
            else Planned(item.name, made[item.name])
            for item in every
        ]

        def bundle() -> bytes:
            return zip_edition(edition, [OutputFile(name, make()) for name, make in made.items()], draft_text()).data

        def pdf(word: str) -> bytes:
            return pdf_files([OutputFile(word, made[word]())])[0].data

        planned.append(Planned(f"{edition.stem}.zip", kept(f"{edition.stem}.zip", release, bundle, heavy=True)))
        if shutil.which("soffice"):
            for lang in edition.rendition.markdown:
                word = f"{edition.stem}_{lang}.docx"
                name = word.removesuffix(".docx") + ".pdf"
                planned.append(Planned(name, kept(name, release, partial(pdf, word), heavy=True)))
        return planned

    # --- the directory ---------------------------------------------------------------------------
    def directory(self) -> Directory:
        """The directory the form picks people, places and contacts from (the latest saved)."""
        return self.engine.directory

    def directory_data(self) -> dict[str, Any]:
        return self.engine.directory.model_dump(mode="json", exclude_none=True)

    @requires("directory.edit")
    def add_directory_entry(self, section: str, key: str, entry: dict[str, Any]) -> None:
        """One new person or place, added from the form's picker; refused if invalid or taken."""
        data = self.directory_data()
        if key in (data.get(section) or {}):
            raise PressdraftError(Problem(Location(field=(section, key)), "the key {key!r} is taken", {"key": key}))
        self._save_directory({**data, section: {**(data.get(section) or {}), key: entry}})

    @requires("directory.edit")
    def save_directory_section(self, section: str, rows: list[dict[str, Any]]) -> None:
        """Replace one section; refused, with every problem, when the result is not valid."""
        self._save_directory(from_table_rows(self.directory_data(), section, rows))

    def _save_directory(self, data: dict[str, Any]) -> None:
        directory = parse_directory(data)
        latest = self.store.directory_version()
        self.store.save_directory(
            directory.model_dump(mode="json", exclude_none=True),
            author=self.user,
            base_version=latest.number if latest else 0,
        )
        self.refresh()

    # --- templates (the workshop checks the role too) -------------------------------------------
    def template_names(self) -> dict[str, LocalizedText]:
        """The kinds of release a draft may be, in the library's order, each with its name."""
        return {template_id: self.library.get(template_id).meta.name for template_id in self.library.ids()}

    def template_rows(self) -> list[TemplateRow]:
        return self.workshop.rows()

    def template_files(self, template_id: str) -> tuple[dict[str, str], int | None]:
        """The files to edit (the newest version, even a draft one) and the version they are."""
        return self.workshop.files(template_id)

    def template_history(self, template_id: str) -> list[TemplateVersion]:
        return self.workshop.history(template_id)

    def template_diff(self, template_id: str, number: int) -> str:
        """What version ``number`` changed compared with the one before it (or the shipped one)."""
        return self.workshop.diff(template_id, number)

    def check_template(self, template_id: str, files: dict[str, str]) -> list[Problem]:
        return self.workshop.check(template_id, files)

    def preview_template(self, template_id: str, files: dict[str, str]) -> dict[str, list[Block]]:
        """The template's sample values rendered in every language (gaps marked), as document blocks."""
        return self.workshop.preview(template_id, files)

    def export_templates(self) -> bytes:
        """The whole library as a ZIP in the layout of ``templates/``."""
        return self.workshop.export()

    @requires("templates.edit")
    def save_template(
        self, template_id: str, files: dict[str, str], *, base_version: int | None, comment: str = ""
    ) -> SaveResult:
        return self.workshop.save(template_id, files, base_version=base_version, comment=comment)

    @requires("templates.edit")
    def create_template(self, template_id: str, copy_of: str | None = None) -> SaveResult:
        return self.workshop.create(template_id, copy_of=copy_of)

    @requires("templates.edit")
    def restore_template(self, template_id: str, number: int) -> SaveResult:
        return self.workshop.restore(template_id, number)

    @requires("templates.edit")
    def import_templates(self, data: bytes) -> dict[str, SaveResult]:
        return self.workshop.import_zip(data)

    # --- administration ----------------------------------------------------------------------------
    @requires("audit")
    def audit_page(self, *, object_type: str | None = None, page: int = 0) -> tuple[list[AuditEntry], bool]:
        return admin.audit_page(self.store, object_type=object_type, page=page)

    @requires("audit")
    def audit_file(self, fmt: str) -> bytes:
        """The whole audit log as ``csv`` or ``json``."""
        return admin.audit_csv(self.store) if fmt == "csv" else admin.audit_json(self.store)

    @requires("accounts")
    def bind_account(self, email: str, issuer: str, subject: str, claims: dict[str, Any]) -> str:
        """A sign-in's step, taken by the installation's own service: ``Store.bind_account``."""
        return self.store.bind_account(email, issuer, subject, claims)

    @requires("accounts")
    def account_bindings(self) -> list[AccountBinding]:
        return self.store.account_bindings()

    @requires("accounts")
    def release_account(self, email: str) -> bool:
        """Let ``email`` bind anew at its next sign-in (audited as this account's release)."""
        return self.store.release_account(email, user=self.user)

    @requires("settings")
    def record_settings(self, values: dict[str, Any]) -> list[str]:
        """Audit the settings changed outside the app since the last start (``admin.record_settings``)."""
        return admin.record_settings(self.store, values)
