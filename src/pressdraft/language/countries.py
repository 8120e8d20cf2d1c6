"""A country's name as a release of a given date writes it (docs/style-guide.md#en-country-name).

Countries change their names in other languages: the Republic of Turkey asked to be called Türkiye
in English, and a release dated before the change must still say Turkey, one dated after it Türkiye.
When the change counts is the issuer's usage: the UN registered the new name on 1 June 2022, but
the Turkish government wrote Türkiye from its circular of December 2021 on. So the switch date is
a setting of the issuer (``country_names_since`` in the directory), defaulting to the UN's date.

Texts written once (the directory's titles and About paragraphs) are put in the form of the
release's date (``dated``); the drafter's own text is never rewritten, only checked
(``wrong_names``), so a quote is never changed silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from babel import Locale


@dataclass(frozen=True)
class Renaming:
    """A country's new name in one language, the names it replaces, and when the change took effect."""

    code: str
    lang: str
    new: str
    old: tuple[str, ...]
    effective: dt.date
    source: str


#: Renamings by (ISO 3166 code, language). The first old name is the one a release before the switch uses.
RENAMINGS: dict[tuple[str, str], Renaming] = {
    ("TR", "en"): Renaming(
        code="TR",
        lang="en",
        new="Türkiye",
        old=("Turkey",),
        effective=dt.date(2022, 6, 1),
        source="UN registration of the Turkish foreign minister's letter, 1 June 2022 (UN spokesman to AA)",
    ),
}

#: How the new name is also spelled without its diacritic; before the switch it is just as wrong.
_PLAIN_SPELLINGS = {"Türkiye": ("Turkiye",)}


def country_name(code: str, lang: str, on_date: dt.date, since: dt.date | None = None) -> str:
    """The name of the country ``code`` in ``lang`` in a release dated ``on_date``; ``since``: the day the
    issuer began writing a renamed country's new name (default: the day the change took effect).

    >>> country_name("TR", "en", dt.date(2021, 10, 23))
    'Turkey'
    >>> country_name("TR", "en", dt.date(2025, 6, 12))
    'Türkiye'
    >>> country_name("TR", "az", dt.date(2021, 10, 23))
    'Türkiyə'
    """
    renaming = RENAMINGS.get((code, lang))
    if renaming is not None:
        return renaming.new if on_date >= (since or renaming.effective) else renaming.old[0]
    name = Locale.parse(lang).territories.get(code)
    if name is None:
        raise ValueError(f"no name of the country {code!r} in {lang!r}")
    return name


def _names_of(renaming: Renaming) -> tuple[str, ...]:
    return (renaming.new, *_PLAIN_SPELLINGS.get(renaming.new, ()), *renaming.old)


@cache
def _pattern(renaming: Renaming) -> re.Pattern[str]:
    """Any name of the country as a whole word (``Turkey's`` and ``Turkey-Azerbaijan`` included)."""
    names = "|".join(re.escape(name) for name in _names_of(renaming))
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


def _renamings(lang: str) -> Iterator[Renaming]:
    return (renaming for (_, language), renaming in RENAMINGS.items() if language == lang)


def _right_name(renaming: Renaming, on_date: dt.date, since: Mapping[str, dt.date]) -> str:
    return country_name(renaming.code, renaming.lang, on_date, since.get(renaming.code))


def dated(text: str, lang: str, on_date: dt.date, since: Mapping[str, dt.date] | None = None) -> str:
    """``text`` (written once, in any form) with each renamed country's name in the form of ``on_date``.

    ``since``: the issuer's switch dates by country code.

    >>> dated("informs audiences about Türkiye's policies", "en", dt.date(2021, 10, 23))
    "informs audiences about Turkey's policies"
    """
    for renaming in _renamings(lang):
        text = _pattern(renaming).sub(_right_name(renaming, on_date, since or {}), text)
    return text


@dataclass(frozen=True)
class WrongName:
    """A country's name that is not the one the release's date calls for: as written, and the right one."""

    found: str
    right: str


def wrong_names(text: str, lang: str, on_date: dt.date, since: Mapping[str, dt.date] | None = None) -> list[WrongName]:
    """Each distinct name of a renamed country in ``text`` that a release dated ``on_date`` does not use.

    >>> wrong_names("Turkey-Azerbaijan ties", "en", dt.date(2025, 6, 12))
    [WrongName(found='Turkey', right='Türkiye')]
    """
    found: list[WrongName] = []
    for renaming in _renamings(lang):
        right = _right_name(renaming, on_date, since or {})
        for match in _pattern(renaming).finditer(text):
            wrong = WrongName(match.group(), right)
            if match.group() != right and wrong not in found:
                found.append(wrong)
    return found
