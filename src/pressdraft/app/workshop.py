"""The template library as staff maintain it: edit, check, preview, version, restore, exchange.

Shipped templates are read-only; the first save of one makes the organization's own copy,
which overrides it from then on. Every save is a new version in the store; one that fails
its checks is kept as a ``draft`` version and never used. Two people saving from the same
version: the second is refused with what the first saved, never silently overwritten.
A workshop acts for one account: its changes need a role that may edit templates. After each
change it calls ``changed`` (the app service's refresh), so no caller has to.
"""

from __future__ import annotations

import difflib
import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from pressdraft import LANGUAGES
from pressdraft.app.auth import Account
from pressdraft.app.authorization import requires
from pressdraft.core.directory import Directory
from pressdraft.core.library import META_FILE, ORGANIZATION, SHIPPED, TEMPLATE_KEY, Library, Template, source_file
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.core.zips import zip_bytes
from pressdraft.document.blocks import Block
from pressdraft.pipeline.checks import engine_data
from pressdraft.pipeline.engine import Engine, TemplateRunner
from pressdraft.store.api import Store
from pressdraft.store.errors import ConflictError
from pressdraft.store.records import TemplateVersion

TEMPLATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The limits SECURITY.md ("Uploads") and docs/templates.md state; tests/test_docs.py compares them.
MAX_TEMPLATE_FILE_CHARS = 200_000  # one template file
MAX_ZIP_BYTES = 2_000_000  # an imported ZIP, packed
MAX_ZIP_ENTRIES = 500  # entries of an imported ZIP, folders included
MAX_ZIP_UNPACKED_BYTES = 10_000_000  # an imported ZIP, unpacked, counted as it is read
MAX_FILE_BYTES = MAX_TEMPLATE_FILE_CHARS * 4  # what MAX_TEMPLATE_FILE_CHARS can take in UTF-8
UPLOAD = Location(file="zip")  # an imported ZIP, as problems with it as a whole name it
BLANK_FILES = {
    META_FILE: """name: {tr: Yeni şablon, az: Yeni şablon, en: New template}
description: {tr: "", az: "", en: ""}
fields:
  - name: headline
    type: text
    required: true
    label: {tr: Başlık, az: Başlıq, en: Headline}
    sample: {tr: Başlık, az: Başlıq, en: Headline}
sample_release:
  date: 2021-10-23
  city: istanbul
  issuer: tr-communications
  embargo: null
  contacts: [tr-communications-press]
""",
    **{source_file(lang): "# {{ headline }}\n" for lang in LANGUAGES},
}


@dataclass(frozen=True)
class TemplateRow:
    """One line of the templates page."""

    id: str
    name: dict[str, str]
    languages: list[str]
    version: int | None  # the organization's version in use; None: the shipped one
    edited_by: str
    edited_at: datetime | None
    origin: str


@dataclass(frozen=True)
class SaveResult:
    version: TemplateVersion
    problems: list[Problem]

    @property
    def used(self) -> bool:
        return self.version.status == "working"


class SaveConflict(Exception):
    """Someone saved this template after the version the editor started from."""

    def __init__(self, current: TemplateVersion, diff: str):
        super().__init__(f"version {current.number} was saved by {current.author} meanwhile")
        self.current, self.diff = current, diff


def organization_templates(store: Store) -> dict[str, Template]:
    """The organization's templates in use: the newest working version of each."""
    out = {}
    for summary in store.list_templates():
        if summary.working is not None:
            version = store.template_version(summary.template_id, summary.working)
            out[summary.template_id] = Template(
                summary.template_id, version.files, origin=ORGANIZATION, number=version.number
            )
    return out


def diff_files(old: Mapping[str, str], new: Mapping[str, str]) -> str:
    """A readable unified diff of two sets of template files."""
    chunks = []
    for name in sorted(set(old) | set(new)):
        chunks += difflib.unified_diff(
            old.get(name, "").splitlines(keepends=True),
            new.get(name, "").splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    return "".join(chunks)


class Workshop:
    # Public methods that change nothing (every other one is marked with ``requires``).
    READS = frozenset({"rows", "files", "history", "diff", "check", "preview", "export"})

    def __init__(
        self,
        store: Store,
        shipped: Library,
        directory: Callable[[], Directory],
        account: Account,
        runner: TemplateRunner,
        *,
        changed: Callable[[], None],
    ):
        """``directory``: the directory in force, asked each time; ``changed``: called after every
        change, to refresh what was read from the templates (the app service's library)."""
        self.store, self.shipped, self.directory, self.account = store, shipped, directory, account
        self.runner, self.changed = runner, changed

    @property
    def user(self) -> str:
        return self.account.user

    # --- reading -----------------------------------------------------------------------------
    def rows(self) -> list[TemplateRow]:
        summaries = {s.template_id: s for s in self.store.list_templates()}
        rows = []
        for template_id in sorted(set(self.shipped.ids()) | set(summaries)):
            files, _ = self.files(template_id)
            template = self._template(template_id, files)
            summary = summaries.get(template_id)
            name = template.meta.name.model_dump(exclude_none=True) if template else {"en": template_id}
            rows.append(
                TemplateRow(
                    id=template_id,
                    name=name,
                    languages=[lang for lang in LANGUAGES if source_file(lang) in files],
                    version=summary.working if summary else None,
                    edited_by=summary.author if summary else "",
                    edited_at=summary.created_at if summary else None,
                    origin=ORGANIZATION if summary else SHIPPED,
                )
            )
        return rows

    def files(self, template_id: str) -> tuple[dict[str, str], int | None]:
        """The files to edit (the newest version, even a draft one) and the version they are."""
        latest = self.store.latest_template(template_id)
        if latest is not None:
            return dict(latest.files), latest.number
        if template_id in self.shipped:
            return dict(self.shipped.get(template_id).files), None
        raise PressdraftError(Problem(TEMPLATE_KEY, "unknown template {key!r}", {"key": template_id}))

    def history(self, template_id: str) -> list[TemplateVersion]:
        return self.store.template_history(template_id)

    def diff(self, template_id: str, number: int) -> str:
        """What version ``number`` changed compared with the one before it (or the shipped one)."""
        new = self.store.template_version(template_id, number).files
        if number > 1:
            old = self.store.template_version(template_id, number - 1).files
        elif template_id in self.shipped:
            old = self.shipped.get(template_id).files
        else:
            old = {}
        return diff_files(old, new)

    # --- checking and previewing --------------------------------------------------------------
    @staticmethod
    def _template(template_id: str, files: Mapping[str, str]) -> Template | None:
        try:
            return Template(template_id, files, origin=ORGANIZATION)
        except PressdraftError:
            return None

    def check(self, template_id: str, files: Mapping[str, str]) -> list[Problem]:
        """Every problem of these files: what no version may hold, metadata, syntax, fields, samples."""
        problems = refusals(template_id, files)
        if problems:
            return problems
        try:
            template = Template(template_id, files, origin=ORGANIZATION)
        except PressdraftError as error:
            return list(error.problems)
        return self.runner.check(template, self.directory())

    def preview(self, template_id: str, files: Mapping[str, str]) -> dict[str, list[Block]]:
        """The template's sample values rendered in every language (gaps marked), as document blocks."""
        template = Template(template_id, files, origin=ORGANIZATION)
        engine = Engine.single(template, self.directory(), self.runner)
        draft = engine.draft_from_data(engine_data(template))
        return engine.render(draft, allow_incomplete=True).blocks  # rendered and parsed in the worker

    # --- changing -----------------------------------------------------------------------------
    @requires("templates.edit")
    def save(
        self, template_id: str, files: Mapping[str, str], *, base_version: int | None, comment: str = ""
    ) -> SaveResult:
        """A new version: used when it passes its checks, kept as a draft version otherwise.

        What no version may hold (``refusals``) is refused, not kept as a draft version: a draft
        version is loaded by the editor, so an oversized one would be loaded again and again.
        """
        result = self._save(template_id, files, base_version=base_version, comment=comment)
        self.changed()
        return result

    def _save(
        self, template_id: str, files: Mapping[str, str], *, base_version: int | None, comment: str = ""
    ) -> SaveResult:
        refused = refusals(template_id, files)
        if refused:
            raise PressdraftError(refused)
        problems = self.check(template_id, files)
        try:
            version = self.store.save_template(
                template_id,
                dict(files),
                author=self.user,
                comment=comment,
                status="draft" if problems else "working",
                base_version=base_version,
            )
        except ConflictError:
            current = self.store.latest_template(template_id)
            assert current is not None
            raise SaveConflict(current, diff_files(current.files, files)) from None
        return SaveResult(version, problems)

    @requires("templates.edit")
    def create(self, template_id: str, copy_of: str | None = None) -> SaveResult:
        """A new template: blank, or a copy of another one (which keeps its own history)."""
        if template_id in self.shipped or self.store.latest_template(template_id) is not None:
            raise PressdraftError(Problem(TEMPLATE_KEY, "a template {key!r} exists already", {"key": template_id}))
        files = self.files(copy_of)[0] if copy_of else dict(BLANK_FILES)
        return self.save(template_id, files, base_version=None, comment=f"copy of {copy_of}" if copy_of else "new")

    @requires("templates.edit")
    def restore(self, template_id: str, number: int) -> SaveResult:
        """Version ``number`` again, as a new version (history is never rewritten)."""
        files = self.store.template_version(template_id, number).files
        refused = refusals(template_id, files)
        if refused:
            raise PressdraftError(refused)
        latest = self.store.latest_template(template_id)
        problems = self.check(template_id, files)
        version = self.store.restore_template(
            template_id,
            number,
            author=self.user,
            comment=f"restored version {number}",
            status="draft" if problems else "working",
            base_version=latest.number if latest else None,
        )
        self.changed()
        return SaveResult(version, problems)

    # --- exchanging -----------------------------------------------------------------------------
    def export(self, template_ids: list[str] | None = None) -> bytes:
        """A ZIP in the layout of ``templates/``: ``<id>/meta.yaml``, ``<id>/<lang>.md.j2``."""
        return zip_bytes(
            (f"{template_id}/{name}", text.encode("utf-8"))
            for template_id in template_ids or [row.id for row in self.rows()]
            for name, text in self.files(template_id)[0].items()
        )

    @requires("templates.edit")
    def import_zip(self, data: bytes) -> dict[str, SaveResult]:
        """Each template folder of a ZIP saved as a new version of the template of that name."""
        folders = read_template_zip(data)
        results = {}
        try:
            for template_id, files in folders.items():
                latest = self.store.latest_template(template_id)
                results[template_id] = self._save(
                    template_id, files, base_version=latest.number if latest else None, comment="imported"
                )
        finally:
            if results:  # those saved before a refusal are saved
                self.changed()
        return results


def read_template_zip(data: bytes) -> dict[str, dict[str, str]]:
    """``{id: {file: text}}`` from a ZIP of template folders, refused whole at the first doubt.

    The ZIP's directory is checked before any entry is read (packed size, entry count, declared
    unpacked size, names, duplicates); then each entry is read with a bounded read and counted
    as it is read, since the declared sizes are the sender's word.
    """
    if len(data) > MAX_ZIP_BYTES:
        raise PressdraftError(Problem(UPLOAD, "the file is larger than {limit} MB", {"limit": _mb(MAX_ZIP_BYTES)}))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise PressdraftError(Problem(UPLOAD, "not a ZIP file")) from None
    with archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        _check_directory(archive.infolist(), entries)
        return _read_entries(archive, entries)


def _check_directory(infos: list[zipfile.ZipInfo], entries: list[zipfile.ZipInfo]) -> None:
    """What the ZIP's directory already tells: too many entries, too much, bad or doubled names."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise PressdraftError(
            Problem(UPLOAD, "the ZIP has more than {limit} entries", {"limit": f"{MAX_ZIP_ENTRIES:,}"})
        )
    if sum(info.file_size for info in infos) > MAX_ZIP_UNPACKED_BYTES:
        raise PressdraftError(_unpacked_too_much())
    problems = []
    seen: dict[tuple[str, ...], str] = {}
    for info in entries:
        key = _entry_key(info.filename)
        if key in seen:
            problems.append(
                Problem(
                    Location(file=info.filename),
                    "the ZIP holds this file twice (also as {other})",
                    {"other": seen[key]},
                )
            )
        seen.setdefault(key, info.filename)
        if _entry_target(info.filename) is None:
            problems.append(_not_a_template_file(info.filename))
        elif info.file_size > MAX_FILE_BYTES:
            problems.append(_too_long(info.filename))
    if problems:
        raise PressdraftError(problems)


def _read_entries(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> dict[str, dict[str, str]]:
    folders: dict[str, dict[str, str]] = {}
    problems = []
    left = MAX_ZIP_UNPACKED_BYTES
    for info in entries:
        try:
            with archive.open(info) as member:
                raw = member.read(min(MAX_FILE_BYTES, left) + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
            problems.append(Problem(Location(file=info.filename), "the file is damaged in the ZIP"))  # or encrypted
            continue
        if len(raw) > left:
            raise PressdraftError(_unpacked_too_much())
        left -= len(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if len(raw) > MAX_FILE_BYTES or (text is not None and len(text) > MAX_TEMPLATE_FILE_CHARS):
            problems.append(_too_long(info.filename))
        elif text is None:
            problems.append(Problem(Location(file=info.filename), "the file is not UTF-8 text"))
        else:
            template_id, name = _entry_target(info.filename)  # type: ignore[misc]  # checked in the directory
            folders.setdefault(template_id, {})[name] = text
    if problems:
        raise PressdraftError(problems)
    return folders


def _entry_key(name: str) -> tuple[str, ...]:
    """What a name would be saved as, for finding doubles: normalised, case-folded, folder and file."""
    normal = posixpath.normpath(unicodedata.normalize("NFKC", name).replace("\\", "/").casefold())
    return tuple(normal.strip("/").split("/")[-2:])


def _entry_target(name: str) -> tuple[str, str] | None:
    """``(id, file)`` of a template file's entry (``<id>/<file>``, maybe under folders), or None."""
    parts = name.split("/")
    if any(part in {"", ".", ".."} or "\\" in part for part in parts) or len(parts) < 2:
        return None
    template_id, file = parts[-2:]
    return (template_id, file) if TEMPLATE_ID.match(template_id) and _template_file(file) else None


def refusals(template_id: str, files: Mapping[str, str]) -> list[Problem]:
    """What no version of a template may hold: a bad id, a file of another name, a file too long."""
    problems = (
        []
        if TEMPLATE_ID.match(template_id)
        else [Problem(TEMPLATE_KEY, "a template id is lower-case letters, digits and hyphens")]
    )
    for name, text in files.items():
        if not _template_file(name):
            problems.append(_not_a_template_file(f"{template_id}/{name}"))
        elif len(text) > MAX_TEMPLATE_FILE_CHARS:
            problems.append(_too_long(f"{template_id}/{name}"))
    return problems


def _not_a_template_file(path: str) -> Problem:
    return Problem(Location(file=path), "not a template file (<id>/meta.yaml or <id>/<lang>.md.j2)")


def _too_long(path: str) -> Problem:
    return Problem(
        Location(file=path), "the file is longer than {limit} characters", {"limit": f"{MAX_TEMPLATE_FILE_CHARS:,}"}
    )


def _unpacked_too_much() -> Problem:
    return Problem(UPLOAD, "the ZIP unpacks to more than {limit} MB", {"limit": _mb(MAX_ZIP_UNPACKED_BYTES)})


def _mb(size: int) -> str:
    return f"{size // 1_000_000:,}"


def _template_file(name: str) -> bool:
    return name == META_FILE or name in {source_file(lang) for lang in LANGUAGES}
