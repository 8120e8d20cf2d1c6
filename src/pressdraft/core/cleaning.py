"""What the text gate changed in some plain data, told to the user field by field.

``safety.text`` cleans every text on its way in and says what it changed; this turns those reports
into warnings that name the field and the language, so nothing is changed silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pressdraft import LANGUAGES
from pressdraft.core.problems import Location, Problem
from pressdraft.safety.text import clean_text_report


def _strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def text_problems(data: Any, *prefix: str | int) -> list[Problem]:
    """What the gate changes or notices in every text of some plain data, as warnings.

    A text under a language key (``fields.theme.az``) is reported at its field with that
    language (``fields.theme``, ``az``). Data already cleaned yields only the look-alikes.
    """
    problems: list[Problem] = []
    for path, text in _strings(data, prefix):
        last = path[-1] if path else None
        lang = last if isinstance(last, str) and last in LANGUAGES else None
        where = Location(field=path[:-1] if lang else path, lang=lang)
        for change in clean_text_report(text, lang)[1]:
            problems.append(Problem(where, change.template, change.params, severity="warning"))
    return problems
