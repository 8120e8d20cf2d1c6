"""Format 2's inline text: a line typed as a list item inside paragraphs is an error (spec "Inline text").

A new line starts a paragraph in format 2, so ``- item`` or ``1. item`` lines would print as
paragraphs that merely look like a list; the drafter is pointed to the ``list`` block, which makes
a real Word list. (The other inline rules, new lines and straight quotes, are applied where texts
are resolved: ``pipeline/resolve.py``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from pressdraft import LANGUAGES, N_
from pressdraft.core.fields import FieldType
from pressdraft.core.problems import Location, Problem

LIST_LINE = re.compile(r"^[ \t]*(-|\d{1,3}\.)[ \t]+\S", re.MULTILINE)
IS_A_LIST = N_("a line starting with '{mark}' is a list item: write the list as a list block in the body")


def _paragraph_texts(field_type: FieldType, value: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
    for place in field_type.texts:
        if place.limit == "paragraphs":
            for path, texts, _ in place.find(value):
                yield path, texts


def _problems(field_type: FieldType, value: Any, at: Location) -> Iterator[Problem]:
    for path, texts in _paragraph_texts(field_type, value):
        for lang in LANGUAGES:
            text = getattr(texts, lang, None) if not isinstance(texts, Mapping) else texts.get(lang)
            match = LIST_LINE.search(text or "")
            if match:
                yield Problem(Location(field=(*at.field, *path), lang=lang), IS_A_LIST, {"mark": match.group(1)})


def list_line_problems(
    fields: Mapping[str, Any], field_types: Mapping[str, FieldType], body: list[Any]
) -> list[Problem]:
    """Paragraph texts of a format-2 draft's fields and body blocks holding a list line, by path and language."""
    problems = [
        problem
        for name, value in fields.items()
        if name in field_types
        for problem in _problems(field_types[name], value, Location(field=("fields", name)))
    ]
    for index, block in enumerate(body):
        problems += _problems(block.block_type, block.value, Location(field=("body", index, block.kind)))
    return problems
