"""A draft being edited in the app: its data, its translation marks, its row ids, and its report.

Each change is one operation on the draft's plain data, saved to the store at once. Each
carries what it was based on: the value the person saw (``base``), and rows named by their
ids, never their positions. When the store says another tab or server saved first, the
operation runs again on what was saved: a change elsewhere to another field merges; a change
elsewhere to the same field is an ``EditConflict`` shown to the person (nothing written, both
texts kept), and a row removed elsewhere is ``RowGone``, never a write to another row. The UI
only calls these methods.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pressdraft import LANGUAGES
from pressdraft.app.editing import (
    Marks,
    Path,
    Row,
    RowGone,
    RowIds,
    RowPath,
    format_path,
    get_value,
    join_marks,
    mark_all_translated,
    parse_path,
    set_value,
    split_marks,
    stale_translations,
    update_marks,
)
from pressdraft.core.library import Template
from pressdraft.core.model import FORMAT_VERSION, draft_to_data
from pressdraft.core.problems import NOWHERE, Location, PressdraftError, Problem
from pressdraft.document.export import Edition
from pressdraft.document.rendition import Rendition
from pressdraft.pipeline.engine import Analysis, Engine
from pressdraft.store.schema import LOCKED

Operation = Callable[[dict[str, Any], RowIds], Any]
SHOWN: Any = object()  # the base of a change made without one: what this editor shows at that path


class DraftStore(Protocol):
    """What the editor needs from the store (``pressdraft.store.Store`` provides it). ``marks``
    is the editor's own metadata, saved with the data: translation marks and row ids."""

    def save_draft_state(
        self,
        draft_id: str,
        data: dict[str, Any],
        marks: dict[str, Any],
        *,
        expected_revision: int,
        analysis: Analysis,
    ) -> int:
        """Save ``data`` if the stored revision is still ``expected_revision`` (else ``Conflict``);
        ``analysis``: the engine's one reading of ``data``, which the store's title and summary come from."""
        ...

    def load_draft_state(self, draft_id: str) -> tuple[dict[str, Any], dict[str, Any], int]: ...

    def images_for(self, data: dict[str, Any]) -> Mapping[str, bytes]:
        """The pictures the draft's photo blocks name, by their ``file`` (the store's, already cleaned)."""
        ...


class Conflict(Exception):
    """Raised by a store when the draft changed since ``expected_revision``."""

    def __init__(self, data: dict[str, Any], marks: dict[str, Any], revision: int):
        super().__init__("the draft was saved elsewhere meanwhile")
        self.data, self.marks, self.revision = data, marks, revision


class EditConflict(PressdraftError):
    """A change based on a value that is no longer the stored one: the same field was changed in
    another tab or session. Nothing is written; ``mine`` and ``stored`` are kept for the person
    to take one or the other."""

    def __init__(self, at: Path, mine: Any, stored: Any):
        last = at[-1] if at else None
        self.lang = last if isinstance(last, str) and last in LANGUAGES else None
        field_path = at[:-1] if self.lang else at
        self.path = format_path(field_path)
        self.mine, self.stored = mine, stored
        super().__init__(
            Problem(
                Location(field=field_path, lang=self.lang),
                "changed in another tab or session meanwhile; nothing was overwritten",
            )
        )


@dataclass
class Report:
    """What the check panel shows: problems by kind, and the stale translations."""

    problems: list[Problem] = field(default_factory=list)
    stale: list[tuple[str, str]] = field(default_factory=list)

    def missing(self, lang: str) -> list[Problem]:
        return [p for p in self.problems if p.severity == "gap" and p.lang == lang]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class DraftEditor:
    #: The release's state as its page last saw it (the review bar reads it on every run of the page):
    #: the form is read-only while the text is frozen (``locked``; the store refuses a save either way),
    #: and a reviewer's comment boxes stand beside the fields while it is in review.
    status = "draft"

    @property
    def locked(self) -> bool:
        """Whether the text is frozen (approved or published, ``app/locks.py``)."""
        return self.status in LOCKED

    def __init__(self, engine: Engine, store: DraftStore, draft_id: str):
        self.engine, self.store, self.id = engine, store, draft_id
        self._memo: dict[str, Any] = {}
        self.reload()

    def reload(self) -> None:
        """The draft as stored now (what another tab or session saved included)."""
        data, saved, self.revision = self.store.load_draft_state(self.id)
        self._take(data, saved)
        if not self.marks:
            self.marks = self._fresh_marks()

    def _take(self, data: dict[str, Any], saved: dict[str, Any]) -> None:
        self.data = data
        self.marks, self.rows = split_marks(saved)
        self._memo.clear()

    # --- reading ----------------------------------------------------------------------------
    @property
    def template(self) -> Template | None:
        try:
            return self.engine.library.get(str(self.data.get("template", "")))
        except PressdraftError:
            return None

    @property
    def languages(self) -> list[str]:
        langs = self.data.get("languages")
        return [lang for lang in langs if lang in LANGUAGES] if isinstance(langs, list) else []

    @property
    def source_language(self) -> str:
        return str(self.data.get("source_language", "tr"))

    def value(self, path: str, default: Any = None) -> Any:
        """The value at ``path`` (rows named by id); ``default`` when it or its row is not there."""
        try:
            return get_value(self.data, self.rows.resolve(self.data, parse_path(path)), default)
        except RowGone:
            return default

    def row_ids(self, path: str) -> list[str]:
        """The ids of the rows of the list at ``path``, in their order now."""
        try:
            return self.rows.of(self.data, parse_path(path))
        except RowGone:
            return []

    def _id_at(self, path: RowPath, index: int) -> str:
        """The id of the row at ``index`` of the list at ``path`` in this editor's view: what
        the person saw there, wherever that row is now."""
        ids = self.rows.of(self.data, path)
        if not 0 <= index < len(ids):
            raise RowGone(path)
        return ids[index]

    def _pinned(self, path: str) -> str:
        """``path`` with each row position replaced by the id of the row this editor shows there."""
        pinned: list[str | int | Row] = []
        for part in parse_path(path):
            pinned.append(Row(self._id_at(tuple(pinned), part)) if isinstance(part, int) else part)
        return format_path(tuple(pinned))

    def _row(self, path: str, row: str | int) -> str:
        """A row named by its id, or by its position in this editor's view."""
        return row if isinstance(row, str) else self._id_at(parse_path(path), row)

    def position(self, path: str) -> str:
        """``path`` with rows named by their positions now, as problems and stale marks name them."""
        try:
            return format_path(self.rows.resolve(self.data, parse_path(path)))
        except RowGone:
            return path

    # --- changing ---------------------------------------------------------------------------
    def _apply(self, operation: Operation, confirm_lang: str | None = None) -> Any:
        """Apply and save; when another writer saved first, apply again on what they saved (the
        operation checks its base and its rows there, so it merges or raises, never overwrites).
        With ``confirm_lang``, the operation returns the path of the translation it confirms."""
        for _ in range(5):
            data, rows = copy.deepcopy(self.data), self.rows.copy()
            result = operation(data, rows)
            marks = self._marks_for(data, (result, confirm_lang) if confirm_lang else None)
            analysis = self.engine.examine(data)
            try:
                self.revision = self.store.save_draft_state(
                    self.id, data, join_marks(marks, rows, data), expected_revision=self.revision, analysis=analysis
                )
            except Conflict as conflict:
                self.revision = conflict.revision
                self._take(conflict.data, conflict.marks)
                continue
            self.data, self.marks, self.rows = data, marks, rows
            self._memo.clear()
            self._memo["analysis"] = analysis  # the state saved is the state shown next: analysed once
            return result
        raise PressdraftError(Problem(NOWHERE, "the draft is being changed elsewhere; reload the page"))

    def _marks_for(self, data: dict[str, Any], confirm: tuple[str, str] | None) -> Marks:
        template = self.engine.library.get(data["template"]) if self._known(data) else None
        if template is None:
            return self.marks
        path, lang = confirm if confirm else (None, None)
        return update_marks(self.marks, data, template, path=path, lang=lang)

    def _known(self, data: dict[str, Any]) -> bool:
        return data.get("template") in self.engine.library.ids()

    def _fresh_marks(self) -> Marks:
        template = self.template
        return mark_all_translated(self.data, template) if template else {}

    @staticmethod
    def _based(data: dict[str, Any], rows: RowIds, path: str, base: Any, mine: Any) -> Path:
        """Where ``path`` is in ``data`` now, if the value there is still ``base`` (or already
        ``mine``); else the same field was changed elsewhere: ``EditConflict``."""
        at = rows.resolve(data, parse_path(path))
        stored = get_value(data, at)
        if stored != base and stored != mine:
            raise EditConflict(at, mine, stored)
        return at

    def set(self, path: str, value: Any, *, base: Any = SHOWN) -> None:
        """``value`` at ``path``, based on ``base``: the value the person saw there (by default,
        what this editor shows there)."""
        path = self._pinned(path)
        base = self.value(path) if base is SHOWN else base

        def change(data: dict[str, Any], rows: RowIds) -> None:
            set_value(data, self._based(data, rows, path, base, value), value)
            rows.forget(parse_path(path))

        self._apply(change)

    def set_text(self, path: str, lang: str, text: str, *, base: Any = SHOWN) -> None:
        """One language of a localized text; an emptied text is removed (a gap)."""
        self.set(f"{path}.{lang}", text if text and text.strip() else None, base=base)

    def add_row(self, path: str, row: Any) -> str:
        """A row appended to the list at ``path``; its new id."""
        path = self._pinned(path)
        return self._apply(lambda data, rows: rows.add(data, parse_path(path), row))  # type: ignore[no-any-return]

    def remove_row(self, path: str, row: str | int) -> None:
        """Remove the row ``row`` (its id, or its position as this editor shows it), wherever it is now."""
        path = self._pinned(path)
        row_id = self._row(path, row)
        self._apply(lambda data, rows: rows.remove(data, parse_path(path), row_id))

    def move_row(self, path: str, row: str | int, step: int) -> None:
        """Move the row ``row`` (its id, or its position as this editor shows it) ``step`` places."""
        path = self._pinned(path)
        row_id = self._row(path, row)
        self._apply(lambda data, rows: rows.move(data, parse_path(path), row_id, step))

    def confirm(self, path: str, lang: str, *, base: Any = SHOWN) -> None:
        """The translation at ``path`` in ``lang`` (``base``, as the person saw it) is right for
        today's source text."""
        path = self._pinned(path)
        base = self.value(f"{path}.{lang}") if base is SHOWN else base
        self._apply(
            lambda data, rows: format_path(self._based(data, rows, f"{path}.{lang}", base, base)[:-1]),
            confirm_lang=lang,
        )

    def switch_template(self, template_id: str, *, base: Any = SHOWN) -> None:
        """Another template: fields it declares with the same name and type keep their values."""
        old = self.template
        new = self.engine.library.get(template_id)

        shown = self.data.get("template") if base is SHOWN else base

        def switch(data: dict[str, Any], rows: RowIds) -> None:
            self._based(data, rows, "template", shown, template_id)
            fields = data.get("fields") or {}
            old_types = {f.name: f.type for f in old.meta.fields} if old else {}
            data["template"] = template_id
            data["fields"] = {
                f.name: fields[f.name]
                for f in new.meta.fields
                if f.name in fields and old_types.get(f.name, f.type) == f.type
            }

        self._apply(switch)

    def upgrade(self) -> None:
        """A version-1 draft in format 2 (event, body and release number become possible). A valid draft is
        upgraded as the command line does (``pipeline/upgrade.py``: the event's fields move to ``event``, the
        text stays what version 1 printed); one still being typed keeps its fields, under the names its
        template gives them now (``FieldSpec.formerly``), every value kept."""
        template = self.template

        def change(data: dict[str, Any], rows: RowIds) -> None:
            self._based(data, rows, "format", 1, FORMAT_VERSION)
            try:
                new, _ = self.engine.upgrade(self.engine.draft_from_data(data))
            except PressdraftError:
                fields = data.get("fields") or {}
                data["fields"] = template.under_current_names(fields) if template else fields
                data["format"] = FORMAT_VERSION
            else:
                upgraded = draft_to_data(new, [spec.name for spec in self.engine.library.get(new.template).meta.fields])
                data.clear()
                data.update(upgraded)
            rows.forget(("fields",))

        self._apply(change)

    # --- checking, previewing, downloading ------------------------------------------------------
    def _once(self, name: str, compute: Callable[[], Any]) -> Any:
        """Each is computed once per saved state of the draft, however often the page asks."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    def analysis(self) -> Analysis:
        """The engine's one reading of the saved state (made when it was saved, or on first asking
        after a reload): the check panel, the preview, the title and the downloads all come from it."""
        return self._once("analysis", lambda: self.engine.examine(self.data))  # type: ignore[no-any-return]

    def title(self) -> str:
        return draft_title(self.data, self.analysis())

    def report(self) -> Report:
        return self._once("report", self._report)  # type: ignore[no-any-return]

    def _report(self) -> Report:
        """The check's problems, and the stale translations, shown even while the draft has errors
        (a new release is incomplete for a while, and its translations go stale all the same)."""
        template = self.template
        stale = stale_translations(self.data, template, self.marks) if template else []
        return Report(self.analysis().problems, stale)

    def rendition(self) -> Rendition | None:
        """The release as it stands, gaps marked; ``None`` while the draft has errors."""
        return self.analysis().rendition

    def edition(self) -> Edition | None:
        """The release as it can be sent: only when no language has a gap."""
        preview = self.preview()
        return preview if preview is not None and not preview.rendition.gaps else None

    def preview(self) -> Edition | None:
        """The release as it stands, gaps marked (its blocks parsed once per saved state)."""
        return self._once("preview", self._edition)  # type: ignore[no-any-return]

    def _edition(self) -> Edition | None:
        rendition = self.rendition()
        return Edition(rendition, self.store.images_for(self.data)) if rendition is not None else None


def draft_title(data: dict[str, Any], analysis: Analysis) -> str:
    """A draft's title: the headline its drafter wrote in the language the draft is written in first,
    read from the data; without one, the headline the template proposed in the analysis's rendering
    (never a rendering of its own). Empty while there is neither."""
    rendition = analysis.rendition
    listed = data.get("languages") if isinstance(data, dict) else None
    langs = list(rendition.markdown) if rendition is not None else listed if isinstance(listed, list) else []
    if not langs:
        return ""
    lang = data["source_language"] if data.get("source_language") in langs else langs[0]
    fields = data.get("fields")
    written = fields.get("headline") if isinstance(fields, dict) else None
    text = written.get(lang) if isinstance(written, dict) else None
    if isinstance(text, str) and text.strip():
        return text.strip()
    return Edition(rendition).first_text(lang, "headline") if rendition is not None else ""
