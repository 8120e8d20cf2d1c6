"""The body of a format-2 draft: the release's own story as an ordered list of typed blocks.

Each block is a mapping with exactly one key, its kind (``paragraph``, ``quote``, ``documents`` …).
A block type is a ``core.fields.FieldType`` in a registry of its own, ``BLOCK_TYPES``, so the
walks every field type has (its localized texts for the cross-language checks, the stale marks,
the editing, the limits) serve blocks unchanged. How each block reads in each language is the
pipeline's business (``pipeline/body.py``); here is only what a block holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, TypeAdapter, ValidationError, model_validator

from pressdraft import N_
from pressdraft.core.fields import ROWS, FieldType, TextAt, registry
from pressdraft.core.model import (
    BLOCK_KINDS,
    Clock,
    Lang,
    LocalizedItem,
    LocalizedLine,
    LocalizedText,
    PersonRef,
    Strict,
    Text,
    plain_value,
    problems_from,
    suggestion,
)
from pressdraft.core.problems import Location, PressdraftError, Problem

#: The attribution verbs a quote or a paraphrase may take (docs/attribution.md has each language's form).
VERBS = ("say", "add", "stress", "note", "state", "announce", "express", "call", "welcome", "condemn")
Verb = Literal["say", "add", "stress", "note", "state", "announce", "express", "call", "welcome", "condemn"]


class QuoteBlock(Strict):
    """Words a person said, in the language they said them and in translation."""

    speaker: PersonRef
    text: LocalizedText
    source_language: Lang
    verb: Verb = "say"
    setting: LocalizedLine | None = None


class ParaphraseBlock(Strict):
    """What a person said, reported: ``text`` is the clause the verb governs (tr ``…olduğunu``, en ``that …``)."""

    speaker: PersonRef
    text: LocalizedText
    verb: Verb = "say"
    source_language: Lang | None = None


class ListBlock(Strict):
    style: Literal["bullet", "number"] = "bullet"
    items: list[LocalizedItem] = Field(min_length=1)


class DocumentEntry(Strict):
    """One document signed: its title, who signed it, and optionally its kind (memorandum, agreement…)."""

    title: LocalizedLine
    signatories: list[PersonRef] = Field(min_length=1)
    kind: LocalizedLine | None = None


class AgendaItem(Strict):
    time: Clock
    end: Clock | None = None
    item: LocalizedItem

    @model_validator(mode="after")
    def _ends_after_start(self) -> AgendaItem:
        if self.end is not None and self.end <= self.time:
            raise ValueError("end must come after time")
        return self


class PhotoBlock(Strict):
    """A picture: ``file`` is a path relative to the draft, or the id of an image kept in the store."""

    file: Text
    caption: LocalizedLine = LocalizedLine()
    credit: Text | None = None


BLOCK_TYPES = registry(
    FieldType(
        "paragraph",
        LocalizedText,
        "body paragraphs; a new line starts a new paragraph",
        texts=(TextAt((), "paragraphs"),),
        empty_row=lambda source_language: {},
    ),
    FieldType(
        "subheading",
        LocalizedLine,
        "a subheading",
        texts=(TextAt((), "line"),),
        empty_row=lambda source_language: {},
    ),
    FieldType(
        "quote",
        QuoteBlock,
        "a direct quotation: speaker, text, its source language, optional verb and setting",
        texts=(TextAt(("text",), "paragraphs", source="source_language"), TextAt(("setting",), "line")),
        empty_row=lambda source_language: {"source_language": source_language, "text": {}},
    ),
    FieldType(
        "paraphrase",
        ParaphraseBlock,
        "reported speech: speaker, the reported clause, optional verb",
        texts=(TextAt(("text",), "paragraphs", source="source_language"),),
        empty_row=lambda source_language: {"text": {}},
    ),
    FieldType(
        "list",
        ListBlock,
        "a bulleted or numbered list",
        texts=(TextAt(("items", ROWS), "item"),),
        empty_row=lambda source_language: {"style": "bullet", "items": [{}]},
    ),
    FieldType(
        "documents",
        list[DocumentEntry],
        "documents signed, each with its own signatories",
        texts=(TextAt((ROWS, "title"), "line"), TextAt((ROWS, "kind"), "line")),
        empty_row=lambda source_language: [],
    ),
    FieldType(
        "agenda",
        list[AgendaItem],
        "a programme: times and items",
        texts=(TextAt((ROWS, "item"), "item"),),
        empty_row=lambda source_language: [],
    ),
    FieldType(
        "photo",
        PhotoBlock,
        "a picture with its caption and credit",
        texts=(TextAt(("caption",), "line"),),
    ),
    FieldType(
        "statement",
        LocalizedText,
        "the issuer's own first-person words, printed as the release itself",
        texts=(TextAt((), "paragraphs"),),
        empty_row=lambda source_language: {},
    ),
)

if tuple(BLOCK_TYPES) != BLOCK_KINDS:
    raise ValueError("core.model.BLOCK_KINDS must name the block types, in order")
_ADAPTERS = {kind: TypeAdapter(block.annotation) for kind, block in BLOCK_TYPES.items()}


@dataclass(frozen=True)
class Block:
    """One typed body block: its kind (a key of ``BLOCK_TYPES``) and its value."""

    kind: str
    value: Any

    @property
    def block_type(self) -> FieldType:
        return BLOCK_TYPES[self.kind]

    def plain(self) -> dict[str, Any]:
        return {self.kind: plain_value(self.value)}


ONE_KIND = N_("a block is a mapping with exactly one of: {kinds}")


def type_block(data: Any, at: Location) -> Block:
    """One block of plain data, typed; problems name ``body[i].kind…``."""
    kinds = ", ".join(BLOCK_TYPES)
    if not isinstance(data, Mapping) or len(data) != 1:
        raise PressdraftError(Problem(at, ONE_KIND, {"kinds": kinds}))
    ((kind, value),) = data.items()
    if kind not in BLOCK_TYPES:
        raise PressdraftError(
            Problem(
                at.child(str(kind)),
                "unknown block {kind!r}{hint}; known blocks: {kinds}",
                {"kind": str(kind), "hint": suggestion(str(kind), BLOCK_TYPES), "kinds": kinds},
            )
        )
    try:
        return Block(kind, _ADAPTERS[kind].validate_python(value))
    except ValidationError as error:
        raise PressdraftError(problems_from(error, at.child(kind))) from None


def type_body(body: Sequence[Any]) -> list[Block]:
    """Every block of a draft's ``body`` typed, or every problem found in it."""
    typed: list[Block] = []
    problems: list[Problem] = []
    for index, data in enumerate(body):
        if isinstance(data, Block):
            typed.append(data)
            continue
        try:
            typed.append(type_block(data, Location(field=("body", index))))
        except PressdraftError as error:
            problems.extend(error.problems)
    if problems:
        raise PressdraftError(problems)
    return typed


def blocks_of(body: Sequence[Any], kind: str) -> list[Any]:
    """The values of the typed blocks of one kind, in order."""
    return [block.value for block in body if isinstance(block, Block) and block.kind == kind]


__all__ = [
    "BLOCK_TYPES",
    "VERBS",
    "AgendaItem",
    "Block",
    "DocumentEntry",
    "ListBlock",
    "ParaphraseBlock",
    "PhotoBlock",
    "QuoteBlock",
    "blocks_of",
    "type_block",
    "type_body",
]
