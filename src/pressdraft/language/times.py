"""Times of day as each language's press writes them (docs/attribution.md, "Times").

* tr ``17.30``: TDK writes hours and minutes with a period (avrupa-postasi.com, edebiyatokulu.org;
  conventions.md §4.2).
* az ``17:30``: the colon, as in the embargo wording of conventions.md §7.3 and AZERTAC copy.
* en ``5:30 p.m.``, ``10 a.m.``, ``noon``, ``midnight``: AP Stylebook "times" (no ``:00``, lower-case
  a.m./p.m. with periods, noon and midnight in words); a range ``9:30-11 a.m.`` keeps one a.m./p.m. when
  both ends share it, with AP's hyphen.

A time not yet fixed (``tba``) prints the language's "to be announced" (⚠ tr/az: wording of press
advisories, not attested in the corpus; marked in docs/attribution.md).
"""

from __future__ import annotations

from ._base import check_lang

TBA = "tba"
#: "Time to be announced", written to follow the thing whose time it is (``Törenin saati …``).
TO_BE_ANNOUNCED = {
    "tr": "saati daha sonra duyurulacak",
    "az": "vaxtı sonra elan olunacaq",
    "en": "time to be announced",
}
#: The dash between the ends of a range: tr/az the en dash (TDK, AZ typography), en AP's hyphen.
RANGE_DASH = {"tr": "–", "az": "–", "en": "-"}


def _clock(value: str) -> tuple[int, int]:
    hours, _, minutes = str(value).partition(":")
    if not (hours.isdigit() and minutes.isdigit()) or int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"a time is written HH:MM, got {value!r}")
    return int(hours), int(minutes)


def _english(hour: int, minute: int, meridiem: bool = True) -> str:
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    shown = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return f"{shown} {'a.m.' if hour < 12 else 'p.m.'}" if meridiem else shown


def format_time(value: str, lang: str) -> str:
    """``HH:MM`` in the language's form, or ``tba`` as its "to be announced"."""
    check_lang(lang)
    if value == TBA:
        return TO_BE_ANNOUNCED[lang]
    hour, minute = _clock(value)
    if lang == "tr":
        return f"{hour:02d}.{minute:02d}"
    if lang == "az":
        return f"{hour:02d}:{minute:02d}"
    return _english(hour, minute)


def format_time_range(start: str, end: str | None, lang: str) -> str:
    """A start and an optional end: tr ``09.30–11.00``, az ``09:30–11:00``, en ``9:30-11 a.m.``."""
    if end is None:
        return format_time(start, lang)
    dash = RANGE_DASH[check_lang(lang)]
    if lang != "en":
        return f"{format_time(start, lang)}{dash}{format_time(end, lang)}"
    first, last = _clock(start), _clock(end)
    last_text = _english(*last)
    words = ("noon", "midnight")
    same_half = (first[0] < 12) == (last[0] < 12) and last_text not in words
    first_text = _english(*first, meridiem=not same_half)
    return f"{first_text}{dash}{last_text}"
