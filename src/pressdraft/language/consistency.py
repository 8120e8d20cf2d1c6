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
from functools import cache

from babel.dates import get_month_names

from ._base import check_lang
from .casing import lower
from .numbers import babel_locale, ordinal, spell_number

KINDS: tuple[str, ...] = ("number", "date", "name")


@dataclass(frozen=True)
class ConsistencyWarning:
    """One value present in some languages' text of a field and missing from others."""

    field: str
    langs: tuple[str, ...]  # the languages whose text lacks the value
    kind: str  # "number" | "date" | "name"
    value: str
    message: str
    present: tuple[str, ...] = ()  # the languages whose text has it


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")
_PM = re.compile(r"\s*(p\.?\s?m\.?|a\.?\s?m\.?)", re.IGNORECASE)


def _canonical(value: str) -> str:
    try:
        return format(Decimal(value).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - the regex only yields digits
        return value


def _numbers(text: str, lang: str) -> set[str]:
    """Numbers written in digits, normalised: "1.000" (tr) and "1,000" (en) are both 1000."""
    group, decimal = (",", ".") if lang == "en" else (".", ",")
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group()
        grouped = rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(decimal)}\d+)?"
        if re.fullmatch(grouped, raw):
            found.add(_canonical(raw.replace(group, "").replace(decimal, ".")))
        elif re.fullmatch(rf"\d+{re.escape(decimal)}\d+", raw):
            found.add(_canonical(raw.replace(decimal, ".")))
        elif re.fullmatch(r"\d{1,2}[.:]\d{2}", raw) or (raw.isdigit() and _PM.match(text, match.end())):
            # a time: 18.00 (tr), 18:00, 6:00 p.m., and AP's whole hours: 10 a.m.
            hour, minute = (int(raw[:-3]), raw[-2:]) if not raw.isdigit() else (int(raw), "00")
            suffix = _PM.match(text, match.end())
            if suffix and hour < 12 and suffix.group(1).lower().startswith("p"):
                hour += 12
            found.add(f"{hour}:{minute}")
        else:
            found.update(_canonical(part) for part in re.split(r"[.,:]", raw) if part)
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


def _month_of(token: str, lang: str) -> int | None:
    word = lower(token, lang)
    months = _months(lang)
    if word in months:
        return months[word]
    if lang == "az":  # inflected without an apostrophe: oktyabrın, dekabrda
        for name, number in months.items():
            if word.startswith(name) and len(word) - len(name) <= 4:
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
        near_number = any(0 <= j < len(tokens) and tokens[j].isdigit() for j in (i - 1, i + 1))
        if near_number or lang == "az":
            found.add(month)
    return found


def _any_months(text: str, lang: str) -> set[int]:
    return {m for t in _WORD.findall(text) if (m := _month_of(t, lang)) is not None}


def _prepare(text: str, lang: str) -> str:
    return lower(unicodedata.normalize("NFC", text).replace("’", "'"), lang)


def _has_name(original: str, prepared: str, form: str, lang: str) -> bool:
    """Is the name in the text, inflected (Bakü'de, Bakıda) or by its last word (Hacıyev'in)?

    A last word alone counts only when written with a capital, so that "Communications"
    is not found in "communications officials"."""
    form = _prepare(form.strip(), lang)
    words = form.split()
    candidates = [(form, False)]
    if len(words) > 1 and len(words[-1]) >= 3:
        candidates.append((words[-1], True))
    same_length = len(original) == len(prepared)
    for candidate, needs_capital in candidates:
        pattern = rf"(?<!\w){re.escape(candidate)}(?:['-]?\w{{0,8}})?(?!\w)"
        for match in re.finditer(pattern, prepared):
            if not needs_capital or (same_length and original[match.start()].isupper()):
                return True
    return False


def _warning(field: str, kind: str, value: str, present: list[str], missing: list[str]) -> ConsistencyWarning:
    what = {"number": "the number", "date": "the month", "name": "the name"}[kind]
    message = (
        f"{field}: {what} {value} appears in the {', '.join(present)} text but not in the {', '.join(missing)} text"
    )
    return ConsistencyWarning(field, tuple(missing), kind, value, message, tuple(present))


def consistency_warnings(
    texts: Mapping[str, Mapping[str, str]],
    names: Sequence[Mapping[str, str]],
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
        prepared = {lang: _prepare(raw[lang], lang) for lang in present_langs}
        words = {lang: set(_WORD.findall(prepared[lang])) for lang in present_langs}

        numbers = {lang: _numbers(raw[lang], lang) for lang in present_langs}
        for value in sorted(set().union(*numbers.values()), key=lambda v: (len(v), v)):
            have = [lang for lang in present_langs if value in numbers[lang]]
            small = int(value) if value.isdigit() and int(value) <= 10 else None
            missing = [
                lang
                for lang in present_langs
                if lang not in have and not (small is not None and _number_words(lang, small) & words[lang])
            ]
            if missing:
                warnings.append(_warning(field, "number", value, have, missing))

        months = {lang: _mentioned_months(raw[lang], lang) for lang in present_langs}
        loose = {lang: _any_months(raw[lang], lang) for lang in present_langs}
        english = get_month_names("wide", "format", "en_US")
        for month in sorted(set().union(*months.values())):
            have = [lang for lang in present_langs if month in months[lang]]
            missing = [lang for lang in present_langs if month not in loose[lang]]
            if missing:
                warnings.append(_warning(field, "date", english[month], have, missing))

        for entry in names:
            forms = {lang: entry[lang] for lang in present_langs if entry.get(lang)}
            if len(forms) < 2:
                continue
            have = [lang for lang, form in forms.items() if _has_name(original[lang], prepared[lang], form, lang)]
            if have:
                missing = [lang for lang in forms if lang not in have]
                if missing:
                    value = forms[have[0]]
                    warnings.append(_warning(field, "name", value, have, missing))
    return warnings
