"""Editing a draft as plain data, the way the form does: by path, row by row.

A draft being typed is often incomplete or invalid, so the app keeps it as the plain data of
the draft format and changes it here; the engine validates it whenever it renders. Rows
(quotes, list items) are moved and removed as whole values, so the text of the other rows
is never touched.

Stale translations: for each localized text, ``marks`` records, per translated language,
a fingerprint of the source-language text it was made from. When the source text changes,
the fingerprints no longer match and the translation is stale until edited or confirmed.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from typing import Any

from pressdraft.library import Template
from pressdraft.model import MAX_ROWS, too_many_rows
from pressdraft.problems import PressdraftError

Path = tuple[str | int, ...]
Marks = dict[str, str]


def parse_path(path: str) -> Path:
    """``fields.quotes[2].text`` -> ``("fields", "quotes", 2, "text")``."""
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        if name:
            parts.append(name)
        parts.extend(int(i) for i in indexes)
    return tuple(parts)


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def get_value(data: Any, path: Path, default: Any = None) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return default
    return data


def set_value(data: dict[str, Any], path: Path, value: Any) -> None:
    """Set ``value`` at ``path``, creating mappings on the way; ``None`` removes the key."""
    target: Any = data
    for part, following in zip(path, path[1:], strict=False):
        if isinstance(part, int):
            target = target[part]
            continue
        if not isinstance(target.get(part), dict | list):
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    last = path[-1]
    if value is None and isinstance(target, dict):
        target.pop(last, None)
    else:
        target[last] = value


def add_row(data: dict[str, Any], path: Path, row: Any) -> None:
    """One row more at the end; refused beyond the draft format's ``MAX_ROWS``."""
    rows = get_value(data, path)
    if not isinstance(rows, list):
        rows = []
        set_value(data, path, rows)
    if len(rows) >= MAX_ROWS:
        raise PressdraftError(too_many_rows(format_path(path), len(rows) + 1))
    rows.append(copy.deepcopy(row))


def remove_row(data: dict[str, Any], path: Path, index: int) -> None:
    rows = get_value(data, path)
    if isinstance(rows, list) and 0 <= index < len(rows):
        del rows[index]


def move_row(data: dict[str, Any], path: Path, index: int, step: int) -> None:
    rows = get_value(data, path)
    target = index + step
    if isinstance(rows, list) and 0 <= index < len(rows) and 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]


def new_draft_data(template: Template, languages: list[str], source_language: str) -> dict[str, Any]:
    """A fresh draft for ``template``: its sample release details and empty fields."""
    release = template.meta.sample_release.model_dump(mode="json")
    return {
        "format": 1,
        "template": template.id,
        "languages": list(languages),
        "source_language": source_language,
        "release": release,
        "fields": {},
    }


def empty_row(kind: str, languages: list[str], source_language: str) -> Any:
    """A new row of a list field: a localized text, or a quote with no speaker yet."""
    if kind == "quotes":
        return {"source_language": source_language, "text": {}}
    return {}


# --- stale translations ----------------------------------------------------------------------


def _fingerprint(text: Any) -> str:
    return hashlib.sha256(str(text or "").strip().encode("utf-8")).hexdigest()[:12]


def localized_texts(data: dict[str, Any], template: Template) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each localized text in the draft: its path, its texts by language, its source language."""
    fields = data.get("fields") or {}
    draft_source = str(data.get("source_language", ""))
    for spec in template.meta.fields:
        value = fields.get(spec.name)
        if spec.type in ("text", "paragraphs") and isinstance(value, dict):
            yield f"fields.{spec.name}", value, draft_source
        elif spec.type == "text_list" and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield f"fields.{spec.name}[{i}]", item, draft_source
        elif spec.type == "quotes" and isinstance(value, list):
            for i, quote in enumerate(value):
                if isinstance(quote, dict) and isinstance(quote.get("text"), dict):
                    source = str(quote.get("source_language") or draft_source)
                    yield f"fields.{spec.name}[{i}].text", quote["text"], source


def _mark_key(lang: str, translation: Any) -> str:
    return f"{lang}:{_fingerprint(translation)}"


def update_marks(
    marks: Marks, data: dict[str, Any], template: Template, *, path: str | None = None, lang: str | None = None
) -> Marks:
    """Marks after an edit: a translation typed or confirmed now was made from today's source.

    A mark is keyed by the translation's own text (and language), not by its place, so rows
    can move without losing it. A translation nobody touched keeps the source fingerprint it
    had and goes stale when the source changes; ``path``/``lang`` name the text just edited
    or confirmed. Marks of texts no longer in the draft are dropped.
    """
    fresh: Marks = {}
    for at, texts, source in localized_texts(data, template):
        source_print = _fingerprint(texts.get(source))
        for other, translation in texts.items():
            if other == source or not translation:
                continue
            key = _mark_key(other, translation)
            touched = at == path and other == lang
            fresh[key] = source_print if touched or key not in marks else marks[key]
    return fresh


def mark_all_translated(data: dict[str, Any], template: Template) -> Marks:
    """Marks for a draft taken as it is (a file imported, a draft opened for the first time)."""
    return update_marks({}, data, template)


def stale_translations(data: dict[str, Any], template: Template, marks: Marks) -> list[tuple[str, str]]:
    """``(path, lang)`` of each translation whose source text changed since it was made."""
    stale = []
    for path, texts, source in localized_texts(data, template):
        source_print = _fingerprint(texts.get(source))
        for lang, translation in texts.items():
            made_from = marks.get(_mark_key(lang, translation))
            if lang != source and translation and made_from is not None and made_from != source_print:
                stale.append((path, lang))
    return stale
