"""What a field type is: one object holding everything a type does, so a new type is one entry.

A ``FieldType`` has its schema (the pydantic annotation), its view (what a template gets in one
language, made by the pipeline's resolver through the ``Views`` it is handed), where its value
holds localized texts (``TextAt``: for the cross-language checks, the stale-translation marks and
the check's longest texts, each with the text gate's limit), its empty row (list types) and the
values the template check tries. Resolve, check, editing, validation and the check variants read
these objects and never branch on a type's name.

The registry itself, ``FIELD_TYPES``, is in ``core/model.py`` beside the value models it is made
of: the model is the bottom of the core that everything reads, so this module imports nothing of
the project and adds no link to the longest chain of imports.

A body block type (draft format 2: paragraph, quote, paraphrase, documents, agenda…) is the same
kind of object in a registry of its own: its texts are places such as ``TextAt((ROWS, "title"),
"line")`` for each document's title, or ``TextAt(("text",), "paragraphs", source="source_language")``
for a quote, and the walks below serve it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, get_origin

from pydantic import BaseModel

#: A step of ``TextAt.steps`` that means "each row of the list here".
ROWS = "[]"

RelativePath = tuple[str | int, ...]


class Views(Protocol):
    """What a type's view is made with: the pipeline's resolver, for one language (gaps collected).

    ``at`` is where the value stands, a ``core.problems.Location`` (not imported here: this module is a
    leaf of the core, so the field types add no step to any chain of imports)."""

    def text(self, value: Any, at: Any) -> Any: ...

    def paragraphs(self, value: Any, at: Any) -> Any: ...

    def place(self, ref: Any, at: Any) -> Any: ...

    def person(self, ref: Any, at: Any) -> Any: ...

    def quotes(self, quotes: Any, at: Any) -> Any: ...


View = Callable[[Views, Any, Any], Any]


def as_is(views: Views, value: Any, at: Any) -> Any:
    """The view of a value that is the same in every language (a date, a number, a choice)."""
    return value


def _part(value: Any, key: str) -> Any:
    """``value[key]`` of plain data or a typed model alike; ``None`` when it has none."""
    if isinstance(value, Mapping):
        return value.get(key)
    if isinstance(value, BaseModel):
        return getattr(value, key, None)
    return None


def _is_texts(value: Any) -> bool:
    return isinstance(value, Mapping | BaseModel)


@dataclass(frozen=True)
class TextAt:
    """Where a value holds one localized text: ``steps`` are keys, or ``ROWS`` for each row.

    ``limit``: the text gate's kind that bounds each language's text (``safety.text.LIMITS``);
    ``source``: the key beside the text naming its own source language (a quote's)."""

    steps: tuple[str, ...]
    limit: str
    source: str | None = None

    def find(self, value: Any) -> list[tuple[RelativePath, Any, Any]]:
        """Each text here in ``value`` (plain data or typed): its path within the value, its texts
        by language, and its own source language when it names one. Ill-shaped data is passed over."""
        found: list[tuple[RelativePath, Any, Any]] = [((), value, None)]
        for step in self.steps:
            if step == ROWS:
                found = [
                    ((*at, index), row, None)
                    for at, rows, _ in found
                    if isinstance(rows, list)
                    for index, row in enumerate(rows)
                ]
            else:
                found = [
                    ((*at, step), _part(holder, step), _part(holder, self.source) if self.source else None)
                    for at, holder, _ in found
                ]
        return [(at, texts, source) for at, texts, source in found if _is_texts(texts)]

    def replaced(self, value: Any, change: Callable[[Any], Any], steps: tuple[str, ...] | None = None) -> Any:
        """Plain data ``value`` with each text here replaced by ``change(texts)``."""
        steps = self.steps if steps is None else steps
        if not steps:
            return change(value)
        step, rest = steps[0], steps[1:]
        if step == ROWS:
            return [self.replaced(row, change, rest) for row in value] if isinstance(value, list) else value
        if isinstance(value, Mapping) and step in value:
            return {**value, step: self.replaced(value[step], change, rest)}
        return value


@dataclass(frozen=True)
class Stock:
    """What the template check fills a field with when its sample leaves it out."""

    text: dict[str, str]
    date: Any
    person: str | None
    place: str | None
    choices: list[str]


@dataclass(frozen=True)
class FieldType:
    """One field type: everything the draft format, the pipeline and the app know of it.

    ``empty_row``: a new row of the list, given the draft's source language (``None``: rows are
    chosen, not typed); ``filler``: its value in the check when the sample has none; ``longest``:
    its value in the check's long variant when that is not its texts made longest (a number's);
    ``choices``: the template lists the values (a choice field)."""

    name: str
    annotation: Any
    description: str
    view: View = as_is
    texts: tuple[TextAt, ...] = ()
    empty_row: Callable[[str], Any] | None = None
    filler: Callable[[Stock], Any] = lambda stock: None
    longest: Callable[[Any], Any] | None = None
    choices: bool = False

    @property
    def is_list(self) -> bool:
        """A list of rows: left out of a draft, the template sees an empty list."""
        return get_origin(self.annotation) is list

    @property
    def localized(self) -> bool:
        """The value is itself one localized text: missing, it is a gap; it may override a proposal."""
        return any(not at.steps for at in self.texts)

    def schema(self, choices: list[str]) -> Any:
        """The annotation a template's field of this type validates with."""
        return Literal[tuple(choices)] if self.choices else self.annotation  # type: ignore[misc]

    def localized_texts(self, value: Any) -> list[tuple[RelativePath, Any, Any]]:
        """Every localized text ``value`` holds, in order (``TextAt.find``)."""
        return [found for at in self.texts for found in at.find(value)]


def registry(*types: FieldType) -> dict[str, FieldType]:
    """Types by name; a name given twice is a mistake in the code, refused at import."""
    by_name = {kind.name: kind for kind in types}
    if len(by_name) != len(types):
        raise ValueError("a field type is registered twice")
    return by_name
