"""Locale-aware casing: Turkish and Azerbaijani dotted/dotless i (conventions.md §3).

Python's ``str.upper``/``lower``/``title``/``capitalize`` follow the root Unicode mappings:
``"istanbul".upper()`` is ``ISTANBUL`` and ``"İ".lower()`` leaves a combining dot (U+0307).
tr and az map i↔İ and ı↔I first; en uses the plain mappings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ._base import check_lang

_TURKIC = frozenset({"tr", "az"})
_TO_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})
# Words for `title`: split on white space and hyphens/dashes/slashes, keeping the separators.
_WORD_SPLIT = re.compile(r"([\s\-‐‑‒–—/]+)")
_APOSTROPHES = "'’ʼ"


def _nfc(text: str) -> str:
    # i + U+0307 is what str.lower() makes of İ; it has no precomposed form, so drop the dot.
    return unicodedata.normalize("NFC", text).replace("i\u0307", "i")


def upper(text: str, lang: str) -> str:
    """Upper-case ``text`` for ``lang`` (tr/az: i→İ, ı→I)."""
    return _cased(text, lang, _TO_UPPER, str.upper)


def lower(text: str, lang: str) -> str:
    """Lower-case ``text`` for ``lang`` (tr/az: I→ı, İ→i, never a stray U+0307)."""
    return _cased(text, lang, _TO_LOWER, str.lower)


def _cased(text: str, lang: str, turkic_letters: dict[int, str], case: Callable[[str], str]) -> str:
    """``case`` applied after tr/az have mapped the letters the root Unicode mapping gets wrong."""
    check_lang(lang)
    text = _nfc(text)
    return case(text.translate(turkic_letters) if lang in _TURKIC else text)


def _upper_char(ch: str, lang: str) -> str:
    if lang in _TURKIC:
        return upper(ch, lang)
    # Titlecase, not uppercase, for a word's first letter (ǆ → ǅ), as Unicode prescribes.
    return ch.title() if len(ch.title()) == 1 else ch.upper()


def _title_word(word: str, lang: str) -> str:
    out: list[str] = []
    seen_letter = False
    after_apostrophe = False
    for ch in word:
        if ch in _APOSTROPHES:
            after_apostrophe = True
            out.append(ch)
            continue
        if ch.isalpha():
            if not seen_letter and not after_apostrophe:
                out.append(_upper_char(ch, lang))
            else:
                out.append(lower(ch, lang))
            seen_letter = True
        else:
            out.append(ch)
    return "".join(out)


def title(text: str, lang: str) -> str:
    """Each word's first letter upper, the rest lower; hyphenated parts titled one by one.

    No capital after an apostrophe (``istanbul'da`` → ``İstanbul'da``), unlike ``str.title``.
    """
    check_lang(lang)
    parts = _WORD_SPLIT.split(_nfc(text))
    return "".join(p if i % 2 else _title_word(p, lang) for i, p in enumerate(parts))


def capitalize(text: str, lang: str) -> str:
    """Upper-case the first letter and leave the rest unchanged.

    Python's and Jinja's ``capitalize`` lower-case the rest, which breaks ``ABD``,
    ``NATO`` or ``İstanbul`` inside a sentence.
    """
    check_lang(lang)
    text = _nfc(text)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + _upper_char(ch, lang) + text[i + 1 :]
    return text
