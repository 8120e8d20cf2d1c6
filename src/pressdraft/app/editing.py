"""Editing a draft as plain data, the way the form does: by path, row by row.

A draft being typed is often incomplete or invalid, so the app keeps it as the plain data of
the draft format and changes it here; the engine validates it whenever it renders. Rows
(quotes, list items) are moved and removed as whole values, so the text of the other rows
is never touched.

Rows are named by ids, never by positions (``fields.quotes[@3f9a…].text``): another tab may
have removed, added or moved rows since this one drew them, and a position would then name
a different row. The ids live beside the data (``RowIds``, saved with the editor's marks),
never in it, so the draft format and its files stay as they are. A list whose ids were never
saved gets ids derived from its rows' content, the same in every tab that reads it.

Stale translations: for each localized text, ``marks`` records, per translated language,
a fingerprint of the source-language text it was made from. When the source text changes,
the fingerprints no longer match and the translation is stale until edited or confirmed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

from pressdraft.core.body import BLOCK_TYPES
from pressdraft.core.library import Template
from pressdraft.core.model import FIELD_TYPES, FORMAT_VERSION, MAX_ROWS, too_many_rows
from pressdraft.core.problems import FieldPath, Location, PressdraftError, Problem, Row, format_path

Path = tuple[str | int, ...]
RowPath = tuple[str | int | Row, ...]
Marks = dict[str, str]


def parse_path(path: str) -> RowPath:
    """``fields.quotes[2].text`` -> ``("fields", "quotes", 2, "text")``; ``[@id]`` -> ``Row(id)``."""
    parts: list[str | int | Row] = []
    for piece in path.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        if name:
            parts.append(name)
        parts.extend(Row(i[1:]) if i.startswith("@") else int(i) for i in indexes)
    return tuple(parts)


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
        raise PressdraftError(too_many_rows(path, len(rows) + 1))
    rows.append(copy.deepcopy(row))


class RowGone(PressdraftError):
    """A change to a row that is no longer in the draft: never applied to another row."""

    def __init__(self, path: FieldPath):
        super().__init__(
            Problem(
                Location(field=path),
                "this row was removed in another tab or session; reload the page to see the draft as it is now",
            )
        )


def derived_ids(rows: list[Any]) -> list[str]:
    """Ids for rows that have none saved: from each row's content (and its rank among equal
    rows), so every tab reading the same rows derives the same ids, and an id derived from one
    content never names a row whose content another writer changed."""
    seen: dict[str, int] = {}
    ids = []
    for row in rows:
        digest = hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:10]
        seen[digest] = seen.get(digest, 0) + 1
        ids.append(digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")
    return ids


class RowIds:
    """The ids of the rows of a draft's lists, by the list's path (itself written with ids, so a
    list inside a row keeps its ids when that row moves). Kept beside the data, never in it.

    Saved ids are used only while they fit the list (one unique id per row); a list changed by
    a writer that kept no ids gets derived ids, so an old id then names no row, never another.
    """

    def __init__(self, saved: Mapping[str, Any] | None = None):
        self.ids: dict[str, list[str]] = {
            key: list(value) for key, value in (saved or {}).items() if isinstance(value, list)
        }

    def copy(self) -> RowIds:
        return RowIds(self.ids)

    def of(self, data: Any, path: RowPath) -> list[str]:
        """The ids of the list at ``path``, in order (none when there is no list there)."""
        rows = get_value(data, self.resolve(data, path))
        if not isinstance(rows, list):
            return []
        key = format_path(path)
        saved = self.ids.get(key, [])
        fits = len(saved) == len(rows) and all(isinstance(i, str) and i for i in saved)
        self.ids[key] = saved if fits and len(set(saved)) == len(saved) else derived_ids(rows)
        return list(self.ids[key])

    def resolve(self, data: Any, path: RowPath) -> Path:
        """``path`` with each row id replaced by that row's position in ``data``; ``RowGone``
        when a row named is not there any more."""
        resolved: list[str | int] = []
        for at, part in enumerate(path):
            if isinstance(part, Row):
                ids = self.of(data, path[:at])
                if part.id not in ids:
                    raise RowGone(tuple(resolved))
                part = ids.index(part.id)
            elif isinstance(part, int):
                rows = get_value(data, tuple(resolved))
                if not (isinstance(rows, list) and 0 <= part < len(rows)):
                    raise RowGone(tuple(resolved))  # no row at that position
            resolved.append(part)
        return tuple(resolved)

    def add(self, data: dict[str, Any], path: RowPath, row: Any) -> str:
        """Append ``row`` under a new id, which it returns."""
        ids = self.of(data, path)
        add_row(data, self.resolve(data, path), row)
        new = uuid.uuid4().hex[:10]
        while new in ids:
            new = uuid.uuid4().hex[:10]
        self.ids[format_path(path)] = [*ids, new]
        return new

    def remove(self, data: dict[str, Any], path: RowPath, row_id: str) -> None:
        """Remove the row ``row_id``, wherever it is now."""
        at = self.resolve(data, (*path, Row(row_id)))
        ids = self.of(data, path)
        remove_row(data, at[:-1], int(at[-1]))
        self.ids[format_path(path)] = [i for i in ids if i != row_id]

    def move(self, data: dict[str, Any], path: RowPath, row_id: str, step: int) -> None:
        """Move the row ``row_id`` ``step`` places from where it is now (not from where a tab saw it)."""
        at = self.resolve(data, (*path, Row(row_id)))
        ids = self.of(data, path)
        index, target = int(at[-1]), int(at[-1]) + step
        if 0 <= target < len(ids):
            move_row(data, at[:-1], index, step)
            ids[index], ids[target] = ids[target], ids[index]
            self.ids[format_path(path)] = ids

    def forget(self, path: RowPath) -> None:
        """A value replaced whole at ``path``: the ids of the lists in it are derived again from
        what it holds now, never left on rows they were not given to."""
        at = format_path(path)
        for key in [k for k in self.ids if k == at or k.startswith((f"{at}.", f"{at}["))]:
            del self.ids[key]

    def saved(self, data: Any) -> dict[str, list[str]]:
        """The ids to save with ``data``: those of lists still there and still fitting."""
        kept = {}
        for key in list(self.ids):
            try:
                path = parse_path(key)
                ids = self.of(data, path)
            except (RowGone, ValueError):
                continue
            if ids and isinstance(get_value(data, self.resolve(data, path)), list):
                kept[key] = ids
        return kept


ROWS = "rows"  # beside the translation marks (keyed "lang:fingerprint") in the editor's saved marks


def split_marks(saved: Mapping[str, Any] | None) -> tuple[Marks, RowIds]:
    """The editor's saved marks: translation marks, and the row ids."""
    saved = dict(saved or {})
    rows = saved.pop(ROWS, None)
    return {k: v for k, v in saved.items() if isinstance(v, str)}, RowIds(rows if isinstance(rows, dict) else None)


def join_marks(marks: Marks, rows: RowIds, data: Any) -> dict[str, Any]:
    return {**marks, ROWS: rows.saved(data)}


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
    """A fresh draft for ``template`` in the current format: its sample release details, an event
    to describe, empty fields and an empty body."""
    release = template.meta.sample_release.model_dump(mode="json", exclude_none=True)
    release.setdefault("embargo", None)
    return {
        "format": FORMAT_VERSION,
        "template": template.id,
        "languages": list(languages),
        "source_language": source_language,
        "release": release,
        "event": {},
        "fields": {},
        "body": [],
    }


def empty_row(kind: str, languages: list[str], source_language: str) -> Any:
    """A new row of a list field, as its type makes it (a quote has no speaker yet)."""
    new_row = FIELD_TYPES[kind].empty_row
    return new_row(source_language) if new_row else {}


def empty_block(kind: str, source_language: str) -> dict[str, Any]:
    """A new body block of ``kind``, as its type makes it (a photo has no file until one is uploaded)."""
    new_block = BLOCK_TYPES[kind].empty_row
    return {kind: new_block(source_language) if new_block else {}}


def block_kind(block: Any) -> str | None:
    """The kind of a body block of plain data (its one key), or ``None`` when it is ill-shaped."""
    if isinstance(block, Mapping) and len(block) == 1:
        kind = next(iter(block))
        return kind if kind in BLOCK_TYPES else None
    return None


# --- stale translations ----------------------------------------------------------------------


def _fingerprint(text: Any) -> str:
    return hashlib.sha256(str(text or "").strip().encode("utf-8")).hexdigest()[:12]


def localized_texts(data: dict[str, Any], template: Template) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each localized text in the draft, the template's fields then the body's blocks: its path
    (written as the form's paths are), its texts by language, its source language."""
    draft_source = str(data.get("source_language", ""))
    fields = data.get("fields") or {}
    for at, texts, source in template.localized_texts(fields, draft_source):
        yield format_path(at), texts, source
    body = data.get("body")
    for index, block in enumerate(body if isinstance(body, list) else []):
        kind = block_kind(block)
        if kind is None:
            continue
        for at, texts, source in BLOCK_TYPES[kind].localized_texts(block[kind]):
            yield format_path(("body", index, kind, *at)), texts, str(source or draft_source)


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
