"""Numbers: grouping, cardinal words, ordinals and press-style counts (conventions.md §4.4, §5).

Babel formats digits (1.234.567 tr/az, 1,234,567 en). Turkish words are built here, because
num2words writes them without spaces (``yirmibir``; TDK writes ``yirmi bir``) and its
``ordinal_num`` gives ``1inci``/``2inci`` (TDK: ``1'inci``, ``2'nci``). Azerbaijani and English
words and the Azerbaijani digit ordinals (``1-ci``, ``6-cı``, ``100-cü``) come from num2words,
which gets them right.
"""

from __future__ import annotations

from decimal import Decimal
from numbers import Integral

from babel.numbers import format_decimal

from . import editorial
from ._base import check_lang
from .numerals import TR_SCALES, TR_TENS, TR_UNITS, last_number_word
from .phonology import four_way, last_vowel

_BABEL_LOCALE = {"tr": "tr_TR", "az": "az_Latn_AZ", "en": "en_US"}
ORDINAL_STYLES: tuple[str, ...] = ("words", "digits", "dotted", "idiom")


def babel_locale(lang: str) -> str:
    """The Babel/CLDR locale used for ``lang`` (en is US English, the AP house style)."""
    return _BABEL_LOCALE[check_lang(lang)]


def _as_int(n: object) -> int:
    if isinstance(n, bool):
        raise TypeError("a number is expected, not a bool")
    if isinstance(n, Integral):
        return int(n)
    if isinstance(n, float | Decimal) and n == int(n):
        return int(n)
    if isinstance(n, str) and n.strip().lstrip("-").isdigit():
        return int(n.strip())
    raise TypeError(f"an integer is expected, got {n!r}")


def format_number(n: int | float | Decimal, lang: str) -> str:
    """Digits with the locale's grouping and decimal marks (CLDR via Babel)."""
    return format_decimal(n, locale=babel_locale(lang))


def _tr_below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        if hundreds > 1:
            words.append(TR_UNITS[hundreds])
        words.append("yüz")  # "yüz", never "bir yüz"
    tens, units = divmod(rest, 10)
    if tens:
        words.append(TR_TENS[tens])
    if units:
        words.append(TR_UNITS[units])
    return words


def _tr_cardinal(n: int) -> str:
    if n == 0:
        return "sıfır"
    if n < 0:
        return "eksi " + _tr_cardinal(-n)
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    if len(groups) > len(TR_SCALES):
        raise ValueError("number too large to spell")
    words: list[str] = []
    for scale in range(len(groups) - 1, -1, -1):
        g = groups[scale]
        if not g:
            continue
        if scale == 1 and g == 1:
            words.append("bin")  # "bin", never "bir bin"
            continue
        words.extend(_tr_below_thousand(g))
        if scale:
            words.append(TR_SCALES[scale])
    return " ".join(words)


def num2words(value: int, **options: str) -> str:
    """num2words's words, imported on first use: it loads every language it has (~15 ms), and
    most releases never spell an Azerbaijani or English number."""
    from num2words import num2words as words

    return str(words(value, **options))


def spell_number(n: int, lang: str) -> str:
    """Cardinal in words: tr ``iki bin yirmi bir`` (TDK: spaced), az/en from num2words."""
    check_lang(lang)
    value = _as_int(n)
    if lang == "tr":
        return _tr_cardinal(value)
    return num2words(value, lang=lang)


def _tr_ordinal_suffix_after(word: str) -> str:
    """Suffix making the ordinal of a Turkish number word: -(I)ncI by four-way harmony."""
    vowel = four_way(last_vowel(word, "tr"), "tr")
    if word[-1] in "aeıioöuü":
        return f"nc{vowel}"
    return f"{vowel}nc{vowel}"


def _tr_ordinal_word(n: int) -> str:
    words = _tr_cardinal(n).split(" ")
    last = words[-1]
    stem = "dörd" if last == "dört" else last  # dört → dördüncü (the only stem change)
    words[-1] = stem + _tr_ordinal_suffix_after(last)
    return " ".join(words)


def ordinal(n: int, lang: str, style: str = "words") -> str:
    """Ordinal number.

    words: tr ``birinci``, az ``birinci``, en ``first`` to ``ninth``, then ``10th`` (AP "numerals").
    digits: tr ``1'inci``/``2'nci``/``6'ncı`` (TDK; R13), az ``1-ci``/``6-cı`` (A8), en ``1st``.
    dotted: tr ``1.`` (TDK's other ordinal form); az and en have none and fall back to digits.
    idiom: 1 → ``ilk``/``ilk``/``first`` (attested "ilk toplantı", "ilk iclas"), else words.
    """
    check_lang(lang)
    if style not in ORDINAL_STYLES:
        raise ValueError(f"unknown ordinal style {style!r}; expected one of {ORDINAL_STYLES}")
    value = _as_int(n)
    if style == "idiom":
        if value == 1:
            return "first" if lang == "en" else "ilk"
        style = "words"
    if style == "dotted":
        if lang == "tr":
            return f"{value}."
        style = "digits"
    if style == "words":
        if lang == "tr":
            return _tr_ordinal_word(value)
        if lang == "az" or 0 < value < 10:
            return num2words(value, lang=lang, to="ordinal")
    # digits
    if lang == "tr":
        last = last_number_word(value, "tr")
        return f"{value}{editorial.APOSTROPHE}{_tr_ordinal_suffix_after(last)}"
    return num2words(value, lang=lang, to="ordinal_num")


def count(n: int, lang: str) -> str:
    """A count in running text: words for 0–9, digits (grouped) from 10 on.

    AP Stylebook "numerals" (spell out one through nine), and the reference release's
    "altı komite" / "Altı komitə" / "six committees"; negative numbers stay in digits.
    """
    check_lang(lang)
    value = _as_int(n)
    if 0 <= value <= 9:
        return spell_number(value, lang)
    return format_number(value, lang)
