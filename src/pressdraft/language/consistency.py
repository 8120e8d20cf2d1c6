"""Cross-language consistency of a draft's texts (issue item 6).

A number, a month or a directory name that one language's text of a field mentions should be
in every other language's text of that field: "2019" in the az background where tr says
"2020" is a translation slip. Detection is strict where a value is *mentioned* (a month next to
a number, a number in digits) and lenient where it is *looked for* (any month word, a number
spelled out, an inflected or surname-only name), so that different but correct phrasings
("10 Aralık 2020'de" / "2020-ci il dekabrın 10-da" / "December 10, 2020") never warn.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from babel.dates import get_month_names

from ._base import check_lang
from .casing import lower
from .numbers import babel_locale, ordinal, spell_number

KINDS: tuple[str, ...] = ("number", "date", "name")


@dataclass(frozen=True)
class ConsistencyWarning:
    """One value present in some languages' text of a field and missing from others.

    ``message`` does not name the field: whoever tells the warning says where it is, once."""

    field: str
    langs: tuple[str, ...]  # the languages whose text lacks the value
    kind: str  # "number" | "date" | "name"
    value: str
    message: str
    present: tuple[str, ...] = ()  # the languages whose text has it


@dataclass(frozen=True)
class KnownName:
    """A directory name in each language, in every form a text may use (the full name, the short one).

    ``person``: a person's surname alone is a mention (``Hacıyev'in``); an organization's or a place's
    last word alone is not (``Ajansı``, ``Agency``, ``Türkiye`` name many things)."""

    forms: Mapping[str, tuple[str, ...]]
    person: bool = False


_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")
_PM = re.compile(r"\s*(p\.?\s?m\.?|a\.?\s?m\.?)(?!\w)", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})")


def _canonical(value: str) -> str:
    try:
        return format(Decimal(value).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - the regex only yields digits
        return value


def _clock(hour: int, minute: str, meridiem: str | None) -> str | None:
    """``17:30`` for 17.30, 17:30 and 5:30 p.m.; None when it cannot be a time of day."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if hour > 23 or int(minute) > 59:
        return None
    return f"{hour}:{minute}"


#: Times AP writes as words ("at noon", not 12 p.m.): the hour they are.
_TIME_WORDS = {"en": {"noon": "12:00", "midday": "12:00", "midnight": "0:00"}}
#: Words that multiply the number before them: tr ``3 bin``, ``1,5 milyar``; az ``3 min``; en ``$15 billion``.
_SCALES = {
    "tr": {"bin": 3, "milyon": 6, "milyar": 9, "trilyon": 12},
    "az": {"min": 3, "milyon": 6, "milyard": 9, "trilyon": 12},
    "en": {"thousand": 3, "million": 6, "billion": 9, "trillion": 12},
}
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
#: A date in digits (``23.10.2021``, ``23/10/2021``): its month is compared with the months others name.
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


def _scaled(number: str, text: str, end: int, lang: str) -> tuple[str, ...]:
    """``number`` and, when a scale word follows it (``3 bin`` = 3,000), the value it makes."""
    word = _NEXT_WORD.match(text, end)
    scale = next(
        (power for name, power in _SCALES[lang].items() if word and lower(word.group(1), lang).startswith(name)), None
    )
    return (number, _canonical(str(Decimal(number).scaleb(scale)))) if scale else (number,)


def _mentions(text: str, lang: str) -> list[tuple[str, ...]]:
    """Each number written in digits, as the values it may stand for (the first names it in a message).

    Grouping and decimals follow the language (§4.4: 1.000 and 2,5 in tr/az, 1,000 and 2.5 in en), and
    so do scale words (``3 bin`` is 3,000). Times are compared as times: 17.30 (TDK), 17:30 and 5:30 p.m.
    are all 17:30 (conventions §4.2, §7.4); an English 17.30 may also be a decimal, and a whole number
    up to 24 may be an hour (``saat 10``, ``10 a.m.``), so each keeps both readings. A date in digits
    (``10.12.2020``) names its month as ``month:12``, which a month name elsewhere matches."""
    group, decimal = (",", ".") if lang == "en" else (".", ",")
    grouped = re.compile(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(decimal)}\d+)?")
    fraction = re.compile(rf"\d+{re.escape(decimal)}\d+")
    found: list[tuple[str, ...]] = []
    for match in _NUMBER.finditer(text):
        raw = match.group()
        meridiem_match = _PM.match(text, match.end())
        meridiem = meridiem_match.group(1) if meridiem_match else None
        clock = _CLOCK.fullmatch(raw)
        time = _clock(int(clock.group(1)), clock.group(2), meridiem) if clock else None
        date = _NUMERIC_DATE.fullmatch(raw)
        if clock and time and (":" in raw or decimal != "." or meridiem):
            found.append((time,))
        elif grouped.fullmatch(raw):
            found.append(_scaled(_canonical(raw.replace(group, "").replace(decimal, ".")), text, match.end(), lang))
        elif fraction.fullmatch(raw):
            number = _scaled(_canonical(raw.replace(decimal, ".")), text, match.end(), lang)
            found.append((*number, time) if time else number)
        elif raw.isdigit():
            hour = _clock(int(raw), "00", meridiem)
            if meridiem and hour:
                found.append((hour,))
            else:
                number = _scaled(_canonical(raw), text, match.end(), lang)
                found.append((*number, hour) if hour else number)
        elif date and 1 <= int(date.group(2)) <= 12:
            day, month, year = (_canonical(part) for part in date.groups())
            found += [(day,), (month, f"month:{month}"), (year,)]
        else:
            found.extend((_canonical(part),) for part in re.split(r"[.,:/]", raw) if part)
    return found


@cache
def _number_words(lang: str, value: int) -> frozenset[str]:
    words = {spell_number(value, lang), ordinal(value, lang, "words")}
    if value == 1:
        words.add(ordinal(1, lang, "idiom"))
    return frozenset(lower(w, lang) for w in words)


@cache
def _months(lang: str) -> dict[str, int]:
    """Month words of ``lang`` (CLDR wide names; en also AP abbreviations) → month number."""
    locale = babel_locale(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale).items():
            names[lower(name, lang)] = number
    if lang == "en":
        for number, name in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"),
            start=1,
        ):
            names[name] = number
        names["sep"] = 9
    return names


#: What may follow an Azerbaijani month name, written without an apostrophe (A1): its possessive and
#: case endings (``oktyabrın``, ``dekabrda``, ``dekabrında``), and nothing else (``mayor`` is no month).
_AZ_MONTH_ENDING = re.compile(r"(?:[ıiuü]n?)?(?:da|də|dan|dən|dək|a|ə|ı|i|u|ü|ın|in|un|ün)?")


@lru_cache(maxsize=4096)
def _month_of(token: str, lang: str) -> int | None:
    """The month a word names, if any (kept: every word of every text is asked, each check)."""
    word = lower(token, lang)
    months = _months(lang)
    if word in months:
        return months[word]
    if lang == "az":
        for name, number in months.items():
            if word.startswith(name) and _AZ_MONTH_ENDING.fullmatch(word, len(name)):
                return number
    return None


def _mentioned_months(text: str, lang: str) -> set[int]:
    """Months written as part of a date: next to a number (tr/en also need the capital)."""
    tokens = _TOKEN.findall(text)
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token.isdigit():
            continue
        month = _month_of(token, lang)
        if month is None or (lang != "az" and not token[0].isupper()):
            continue
        if any(0 <= j < len(tokens) and tokens[j].isdigit() for j in (i - 1, i + 1)):
            found.add(month)
    return found


def _any_months(text: str, lang: str) -> set[int]:
    return {m for t in _WORD.findall(text) if (m := _month_of(t, lang)) is not None}


def _months_in_digits(text: str) -> set[int]:
    """The months of the dates written in digits (``10.12.2020``)."""
    return {int(m.group(2)) for m in _NUMERIC_DATE.finditer(text) if 1 <= int(m.group(2)) <= 12}


def _fold(text: str, lang: str) -> str:
    """``text`` lower-cased letter by letter, one letter for one, so positions in it are positions in
    ``text``: a Turkish İ in an English text (``İlham``) must not shift them. I is ı in tr/az only."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    dotless = "ı" if lang in ("tr", "az") else "i"
    dotted = text.translate({ord("İ"): "i", ord("I"): dotless})
    lowered = dotted.lower()
    if len(lowered) == len(dotted) and "Σ" not in dotted:
        # No letter became two and no final sigma was read from its context: lower case as a whole
        # is lower case letter by letter, which it is much faster than.
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in dotted)


#: A third-person possessive at the end of a compound name (``Ajansı``, ``İdarəsi``, ``Nazirliyi``):
#: another possessive may stand in its place (az ``İdarəmizin``, ``Nazirliyimizin``; tr ``Başkanlığımız``).
_POSSESSIVE = re.compile(r"(?:s[ıiuü]|(?<=[^aeıioöuüə])[ıiuü])$")


@cache
def _name_pattern(form: str, lang: str, *, last_word_only: bool) -> re.Pattern[str] | None:
    """The name (folded) as a whole, its words in order and its last word inflected: tr ``Bakü'de``,
    ``Medya Geliştirme Ajansına``, ``Çalışma Ofisi'nde``; az ``Bakıda``, ``NATO-nun``, ``Agentliyinin``,
    ``İdarəmizin``; en ``Agency's``. ``last_word_only``: the last word alone (a person's surname)."""
    words = form.split()
    if not words:
        return None
    if last_word_only:
        if len(words) < 2 or len(words[-1]) < 3:
            return None
        words = words[-1:]
    last = words[-1]
    if len(words) > 1 and lang in ("tr", "az") and (possessive := _POSSESSIVE.search(last)):
        last = re.escape(last[: possessive.start()]) + r"\w{0,6}"
    else:
        last = re.escape(last) + r"\w{0,8}"
    body = r"\s+".join([*(re.escape(word) for word in words[:-1]), last])
    return re.compile(rf"(?<!\w){body}(?:['-]\w{{1,8}})?(?!\w)")


def _has_name(original: str, folded: str, name: KnownName, lang: str) -> bool:
    """Is one of the name's forms *mentioned* in the text: whole and inflected, or (a person) by the surname?

    A surname alone counts only when written with a capital, so that "Communications" is not
    found in "communications officials"."""
    for form in name.forms.get(lang, ()):
        form = _folded_form(form, lang)
        if not form or form.split()[-1][:3] not in folded:  # the last word is in every match: a quick refusal
            continue
        whole = _name_pattern(form, lang, last_word_only=False)
        if whole is not None and whole.search(folded):
            return True
        surname = _name_pattern(form, lang, last_word_only=True) if name.person else None
        if surname is not None and any(original[m.start()].isupper() for m in surname.finditer(folded)):
            return True
    return False


def _names_loosely(plain: str, name: KnownName, lang: str) -> bool:
    """Does the text *refer* to the name at all: any of its longer words, inflected, in any case, with
    or without its diacritics, or a one-word name by its first four letters? Later references shorten
    a name ("the Agency", "Ajansımız", "Hikmet Bey"), English copy often drops the letters
    (``Erdogan``), a country is often named by its people (``Turkish``, ``Azeri``), and a translation
    that does any of these has not lost it. ``plain``: the text as ``_plain`` writes it."""
    for form in name.forms.get(lang, ()):
        words, people = _loose_patterns(form, lang)
        if any(start in plain and pattern.search(plain) for start, pattern in words):
            return True
        if people is not None and people.search(plain):
            return True  # a country by its people or language: Türkiye / Turkish, Türk; Azerbaijan / Azeri
    return False


@cache
def _loose_patterns(form: str, lang: str) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str] | None]:
    """What ``_names_loosely`` looks for of a form, made once: each longer word's first four letters (a
    quick refusal before its pattern) and pattern; for a one-word name, its first four letters at a word's start."""
    words = _plain_words(form, lang)
    patterns = tuple(
        (word[:4], pattern)
        for word in words
        if len(word) >= 4 and (pattern := _name_pattern(word, lang, last_word_only=False)) is not None
    )
    people = re.compile(rf"(?<!\w){re.escape(words[0][:4])}") if len(words) == 1 and len(words[0]) >= 5 else None
    return patterns, people


class _WithoutMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled as code points are met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def _plain(folded: str) -> str:
    """Folded text without diacritics (ğ→g, ş→s, ü→u, ı→i): how English copy often writes Turkic names."""
    return unicodedata.normalize("NFD", folded).translate(_WITHOUT_MARKS).replace("ı", "i")


@cache
def _folded_form(form: str, lang: str) -> str:
    return _fold(form.strip(), lang)


@cache
def _plain_words(form: str, lang: str) -> tuple[str, ...]:
    return tuple(_plain(_folded_form(form, lang)).split())


def _warning(field: str, kind: str, value: str, present: list[str], missing: list[str]) -> ConsistencyWarning:
    what = {"number": "the number", "date": "the month", "name": "the name"}[kind]
    message = f"{what} {value} appears in the {', '.join(present)} text but not in the {', '.join(missing)} text"
    return ConsistencyWarning(field, tuple(missing), kind, value, message, tuple(present))


def _has_number(mention: tuple[str, ...], readings: set[str], words: set[str], lang: str) -> bool:
    """Does a language's text hold one of the values a number may stand for, in digits or (up to ten)
    spelled out (``altı komitə``, ``six committees``, ``ilk toplantı``)?"""
    for value in mention:
        if value in readings:
            return True
        if value.isdigit() and int(value) <= 10 and _number_words(lang, int(value)) & words:
            return True
    return False


def _number_warnings(field: str, raw: Mapping[str, str], langs: Sequence[str]) -> list[ConsistencyWarning]:
    mentions = {lang: _mentions(raw[lang], lang) for lang in langs}
    words = {lang: set(_WORD.findall(lower(raw[lang], lang))) for lang in langs}
    readings = {
        lang: {value for mention in mentions[lang] for value in mention}
        | {f"month:{month}" for month in _any_months(raw[lang], lang)}
        | {time for word, time in _TIME_WORDS.get(lang, {}).items() if word in words[lang]}
        for lang in langs
    }
    warnings: dict[str, ConsistencyWarning] = {}
    every = {mention for lang in langs for mention in mentions[lang]}
    for mention in sorted(every, key=lambda m: (len(m[0]), m)):
        have = [lang for lang in langs if _has_number(mention, readings[lang], words[lang], lang)]
        missing = [lang for lang in langs if lang not in have]
        if missing and mention[0] not in warnings:
            warnings[mention[0]] = _warning(field, "number", mention[0], have, missing)
    return list(warnings.values())


def consistency_warnings(
    texts: Mapping[str, Mapping[str, str]],
    names: Sequence[KnownName],
    langs: Sequence[str],
) -> list[ConsistencyWarning]:
    """Numbers, months and directory names that one language's text of a field mentions
    and another's lacks. ``texts``: field path → {lang: text}; ``names``: directory names
    in their per-language forms."""
    for lang in langs:
        check_lang(lang)
    warnings: list[ConsistencyWarning] = []
    for field, by_lang in texts.items():
        present_langs = [lang for lang in langs if isinstance(by_lang.get(lang), str) and by_lang[lang].strip()]
        if len(present_langs) < 2:
            continue
        raw = {lang: unicodedata.normalize("NFC", by_lang[lang]) for lang in present_langs}
        original = {lang: raw[lang].replace("’", "'") for lang in present_langs}
        folded = {lang: _fold(raw[lang], lang) for lang in present_langs}
        plain = {lang: _plain(folded[lang]) for lang in present_langs}

        warnings += _number_warnings(field, raw, present_langs)

        months = {lang: _mentioned_months(raw[lang], lang) for lang in present_langs}
        loose = {lang: _any_months(raw[lang], lang) | _months_in_digits(raw[lang]) for lang in present_langs}
        english = get_month_names("wide", "format", "en_US")
        for month in sorted(set().union(*months.values())):
            have = [lang for lang in present_langs if month in months[lang]]
            missing = [lang for lang in present_langs if month not in loose[lang]]
            if missing:
                warnings.append(_warning(field, "date", english[month], have, missing))

        for name in names:
            compared = [lang for lang in present_langs if name.forms.get(lang)]
            if len(compared) < 2:
                continue
            have = [lang for lang in compared if _has_name(original[lang], folded[lang], name, lang)]
            missing = [lang for lang in compared if lang not in have and not _names_loosely(plain[lang], name, lang)]
            if have and missing:
                warnings.append(_warning(field, "name", name.forms[have[0]][0], have, missing))
    return warnings
