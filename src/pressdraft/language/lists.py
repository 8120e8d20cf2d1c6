"""Lists in running text: ``A, B ve C`` / ``A, B və C`` / ``A, B and C`` (conventions.md §4.3).

Babel's CLDR "standard" and "or" patterns, except Azerbaijani "or": CLDR writes
``A, B, yaxud C`` (a comma before *yaxud*, a CLDR quirk); editors write ``A, B və ya C``.
Babel's "unit" style is never used (``KeyError`` for az with three or more items).

Two more press habits: "with" joins two people acting together with Turkish *ile*
(``A ile B'nin eş başkanlığında``; otherwise as "and").

English is AP's, not CLDR's: no comma before the final "and"/"or" in a simple series (AP "comma");
when an item holds a comma (``Zeynep Aksoy, deputy director …``) the items are parted by semicolons,
one before the final "and" too (AP "semicolon"); two such items take a comma before "and", closing the
first one's appositive.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel.lists import format_list as babel_format_list

from ._base import check_lang
from .numbers import babel_locale

LIST_STYLES: tuple[str, ...] = ("and", "or", "with")
WITH = {"tr": "ile"}


def format_list(items: Iterable[object], lang: str, style: str = "and") -> str:
    """Join ``items`` (as strings) with commas and the language's "and"/"or"."""
    check_lang(lang)
    if style not in LIST_STYLES:
        raise ValueError(f"unknown list style {style!r}; expected one of {LIST_STYLES}")
    values = [str(item) for item in items]
    if not values:
        return ""
    if lang == "az" and style == "or":
        if len(values) == 1:
            return values[0]
        return f"{', '.join(values[:-1])} və ya {values[-1]}"
    if len(values) == 2 and style == "with" and lang in WITH:
        return f"{values[0]} {WITH[lang]} {values[1]}"
    if lang == "en":
        return _english(values, "or" if style == "or" else "and")
    babel_style = "or" if style == "or" else "standard"
    return babel_format_list(values, style=babel_style, locale=babel_locale(lang))


def _english(values: list[str], conjunction: str) -> str:
    """AP: ``A, B and C``; ``A, x; B, y; and C, z`` when an item holds a comma; ``A, x, and B, y``."""
    if len(values) == 1:
        return values[0]
    commas = any("," in value for value in values)
    if len(values) == 2:
        return f"{values[0]}{',' if ',' in values[0] else ''} {conjunction} {values[1]}"
    if commas:
        return f"{'; '.join(values[:-1])}; {conjunction} {values[-1]}"
    return f"{', '.join(values[:-1])} {conjunction} {values[-1]}"
