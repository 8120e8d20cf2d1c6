"""A draft being edited in the app: its data, its translation marks, and its report.

Each change is one operation on the draft's plain data, saved to the store at once. When the
store says another tab or server saved first, the operation is applied again on top of what
was saved (a field-level merge), so neither change is lost. The UI only calls these methods.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pressdraft import LANGUAGES
from pressdraft.editing import (
    Marks,
    add_row,
    get_value,
    mark_all_translated,
    move_row,
    parse_path,
    remove_row,
    set_value,
    stale_translations,
    update_marks,
)
from pressdraft.engine import Engine, Rendition
from pressdraft.export import Edition
from pressdraft.library import Template
from pressdraft.problems import PressdraftError, Problem
from pressdraft.safety.text import text_problems

Operation = Callable[[dict[str, Any]], None]


class DraftStore(Protocol):
    """What the editor needs from the store (``pressdraft.store.Store`` provides it)."""

    def save_draft_state(self, draft_id: str, data: dict[str, Any], marks: Marks, *, expected_revision: int) -> int: ...

    def load_draft_state(self, draft_id: str) -> tuple[dict[str, Any], Marks, int]: ...


class Conflict(Exception):
    """Raised by a store when the draft changed since ``expected_revision``."""

    def __init__(self, data: dict[str, Any], marks: Marks, revision: int):
        super().__init__("the draft was saved elsewhere meanwhile")
        self.data, self.marks, self.revision = data, marks, revision


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
    def __init__(self, engine: Engine, store: DraftStore, draft_id: str):
        self.engine, self.store, self.id = engine, store, draft_id
        self.data, self.marks, self.revision = store.load_draft_state(draft_id)
        if not self.marks:
            self.marks = self._fresh_marks()
        self._memo: dict[str, Any] = {}

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
        return get_value(self.data, parse_path(path), default)

    # --- changing ---------------------------------------------------------------------------
    def _apply(self, operation: Operation, confirm: tuple[str, str] | None = None) -> None:
        """Apply and save; on a conflict, apply again on what the other writer saved."""
        for _ in range(5):
            data = copy.deepcopy(self.data)
            operation(data)
            marks = self._marks_for(data, confirm)
            try:
                self.revision = self.store.save_draft_state(self.id, data, marks, expected_revision=self.revision)
            except Conflict as conflict:
                self.data, self.marks, self.revision = conflict.data, conflict.marks, conflict.revision
                self._memo.clear()
                continue
            self.data, self.marks = data, marks
            self._memo.clear()
            return
        raise PressdraftError(Problem("", "the draft is being changed elsewhere; reload the page"))

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

    def set(self, path: str, value: Any) -> None:
        self._apply(lambda data: set_value(data, parse_path(path), value))

    def set_text(self, path: str, lang: str, text: str) -> None:
        """One language of a localized text; an emptied text is removed (a gap)."""
        self.set(f"{path}.{lang}", text if text and text.strip() else None)

    def add_row(self, path: str, row: Any) -> None:
        self._apply(lambda data: add_row(data, parse_path(path), row))

    def remove_row(self, path: str, index: int) -> None:
        self._apply(lambda data: remove_row(data, parse_path(path), index))

    def move_row(self, path: str, index: int, step: int) -> None:
        self._apply(lambda data: move_row(data, parse_path(path), index, step))

    def confirm(self, path: str, lang: str) -> None:
        """The translation at ``path`` in ``lang`` is right for today's source text."""
        self._apply(lambda data: None, confirm=(path, lang))

    def switch_template(self, template_id: str) -> None:
        """Another template: fields it declares with the same name and type keep their values."""
        old = self.template
        new = self.engine.library.get(template_id)

        def switch(data: dict[str, Any]) -> None:
            fields = data.get("fields") or {}
            old_types = {f.name: f.type for f in old.meta.fields} if old else {}
            data["template"] = template_id
            data["fields"] = {
                f.name: fields[f.name]
                for f in new.meta.fields
                if f.name in fields and old_types.get(f.name, f.type) == f.type
            }

        self._apply(switch)

    # --- checking, previewing, downloading ------------------------------------------------------
    def _once(self, name: str, compute: Callable[[], Any]) -> Any:
        """Each is computed once per saved state of the draft, however often the page asks."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    def made(self, name: str, make: Callable[[], bytes]) -> bytes:
        """A download's bytes, made once per saved state (ready before the click, so a busy
        server never serves a file it has already dropped)."""
        return self._once(f"file:{name}", make)  # type: ignore[no-any-return]

    def report(self) -> Report:
        return self._once("report", self._report)  # type: ignore[no-any-return]

    def _report(self) -> Report:
        template = self.template
        try:
            draft = self.engine.draft_from_data(self.data)
        except PressdraftError as error:
            return Report(list(error.problems) + text_problems(self.data))
        stale = stale_translations(self.data, template, self.marks) if template else []
        return Report(self.engine.check(draft, self.data), stale)

    def rendition(self) -> Rendition | None:
        """The release as it stands, gaps marked; ``None`` while the draft has errors."""
        return self._once("rendition", self._rendition)  # type: ignore[no-any-return]

    def _rendition(self) -> Rendition | None:
        try:
            draft = self.engine.draft_from_data(self.data)
            return self.engine.render(draft, allow_incomplete=True)
        except PressdraftError:
            return None

    def edition(self) -> Edition | None:
        """The release as it can be sent: only when no language has a gap."""
        preview = self.preview()
        return preview if preview is not None and not preview.rendition.gaps else None

    def preview(self) -> Edition | None:
        """The release as it stands, gaps marked (its blocks parsed once per saved state)."""
        return self._once("preview", lambda: Edition(r) if (r := self.rendition()) is not None else None)  # type: ignore[no-any-return]
