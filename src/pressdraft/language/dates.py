"""Dates and embargo times (conventions.md §4.2, §7).

Month and weekday names come from CLDR via Babel (tr capitalised, az lower case). Babel's
patterns are used where they match editorial practice; the rest is built here:

* ``short``: ``dd.MM.y`` for tr/az (four-digit year; Babel's az short has ``23.10.21``),
  ``M/d/y`` for en.
* ``text``: tr ``23 Ekim 2021'de`` (R1, R13), az ``2021-ci il oktyabrın 23-də`` (A7, A8,
  attested "2020-ci il dekabrın 10-da"), en ``on October 23, 2021``.
* ``document``: az ``2021-ci il 23 oktyabr`` (attested "2019-cu il 16 aprel tarixli").

Ranges (``format_date_range``, events over several days; spec draft-format-v2 ``event.end_date``):
tr ``21–23 Temmuz 2025``, az ``21–23 iyul 2025-ci il``, en ``July 21-23, 2025`` (AP: a hyphen, the
month and year once); across months or years each end keeps what differs.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from ._base import check_lang
from .names import inflect
from .numbers import babel_locale, ordinal

DATE_FORMS: tuple[str, ...] = ("long", "short", "full", "text", "text_day", "document")


def month_name(month: int, lang: str) -> str:
    """The CLDR wide month name in its format (nominative) form: ``Ekim``, ``oktyabr``."""
    return get_month_names("wide", "format", babel_locale(lang))[month]


def _az_year(year: int) -> str:
    return f"{ordinal(year, 'az', 'digits')} il"


def format_date(d: dt.date, lang: str, form: str = "long") -> str:
    """A date in one of :data:`DATE_FORMS` for ``lang``."""
    check_lang(lang)
    if form not in DATE_FORMS:
        raise ValueError(f"unknown date form {form!r}; expected one of {DATE_FORMS}")
    if isinstance(d, dt.datetime):
        d = d.date()
    if not isinstance(d, dt.date):
        raise TypeError(f"a date is expected, got {d!r}")
    locale = babel_locale(lang)
    month = month_name(d.month, lang)
    if form == "long" or (form == "document" and lang != "az"):
        return babel_format_date(d, "long", locale=locale)
    if form == "full":
        return babel_format_date(d, "full", locale=locale)
    if form == "short":
        pattern = "M/d/y" if lang == "en" else "dd.MM.y"
        return babel_format_date(d, pattern, locale=locale)
    if form == "document":  # az
        return f"{_az_year(d.year)} {d.day} {month}"
    with_year = form == "text"
    if lang == "tr":
        base = f"{d.day} {month} {d.year}" if with_year else f"{d.day} {month}"
        return inflect(base, "locative", "tr")
    if lang == "az":
        day = f"{inflect(month, 'genitive', 'az')} {inflect(str(d.day), 'locative', 'az')}"
        return f"{_az_year(d.year)} {day}" if with_year else day
    if with_year:
        return f"on {babel_format_date(d, 'long', locale=locale)}"
    return f"on {babel_format_date(d, 'MMMM d', locale=locale)}"


def format_date_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """Days ``start`` to ``end`` in the long form, what both ends share written once.

    tr ``21–23 Temmuz 2025`` / ``30 Haziran – 2 Temmuz 2025`` / ``30 Aralık 2025 – 2 Ocak 2026``;
    az the same with lower-case months and ``2025-ci il``; en ``July 21-23, 2025`` /
    ``June 30-July 2, 2025`` / ``December 30, 2025-January 2, 2026``. Without an end, one long date.
    """
    check_lang(lang)
    if end is None or end == start:
        return format_date(start, lang)
    if end < start:
        raise ValueError("a range ends after it starts")
    if lang == "en":
        first = f"{month_name(start.month, 'en')} {start.day}"
        if start.year != end.year:
            return f"{first}, {start.year}-{month_name(end.month, 'en')} {end.day}, {end.year}"
        last = f"{end.day}" if start.month == end.month else f"{month_name(end.month, 'en')} {end.day}"
        return f"{first}-{last}, {end.year}"
    year = _az_year if lang == "az" else str

    def day(d: dt.date, with_month: bool, with_year: bool) -> str:
        text = f"{d.day} {month_name(d.month, lang)}" if with_month else str(d.day)
        return f"{text} {year(d.year)}" if with_year else text

    if start.year != end.year:
        return f"{day(start, True, True)} – {day(end, True, True)}"
    if start.month != end.month:
        return f"{day(start, True, False)} – {day(end, True, True)}"
    return f"{day(start, False, False)}–{day(end, True, True)}"


def _utc_offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a time zone is required: embargo times are read across countries")
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def format_datetime(moment: dt.datetime, lang: str) -> str:
    """An embargo time with its UTC offset, taken from the datetime itself.

    tr ``23 Ekim 2021, saat 18.00 (UTC+3)``: TDK writes hours with a period (avrupa-postasi.com,
    edebiyatokulu.org; §4.2); az ``23 oktyabr 2021-ci il, saat 18:00 (UTC+4)`` (§7.3 embargo
    wording); en ``October 23, 2021, 6:00 p.m. (UTC+3)`` (AP a.m./p.m.). Naive → ValueError.
    """
    check_lang(lang)
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"a datetime is expected, got {moment!r}")
    zone = _utc_offset(moment)
    locale = babel_locale(lang)
    if lang == "tr":
        day = babel_format_date(moment.date(), "long", locale=locale)
        return f"{day}, saat {moment.hour:02d}.{moment.minute:02d} ({zone})"
    if lang == "az":
        day = f"{moment.day} {month_name(moment.month, 'az')} {_az_year(moment.year)}"
        return f"{day}, saat {moment.hour:02d}:{moment.minute:02d} ({zone})"
    day = babel_format_date(moment.date(), "long", locale=locale)
    hour = moment.hour % 12 or 12
    if moment.hour == 12 and moment.minute == 0:
        clock = "noon"
    elif moment.hour == 0 and moment.minute == 0:
        clock = "midnight"
    else:
        clock = f"{hour}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'}"
    return f"{day}, {clock} ({zone})"
