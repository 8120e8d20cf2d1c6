"""Dates and embargo times (conventions.md §4.2, §7).

Month and weekday names come from CLDR via Babel (tr capitalised, az lower case). Babel's
patterns are used where they match editorial practice; the rest is built here:

* ``short``: ``dd.MM.y`` for tr/az (four-digit year; Babel's az short has ``23.10.21``),
  ``M/d/y`` for en.
* ``text``: tr ``23 Ekim 2021'de`` (R1, R13), az ``2021-ci il oktyabrın 23-də`` (A7, A8,
  attested "2020-ci il dekabrın 10-da"), en ``on Oct. 23, 2021``.
* English follows AP throughout (``ap_dates``): ``Oct. 23, 2021``, the year left out in the release's
  year (``release``), the weekday within a week of it.
* ``document``: az ``2021-ci il 23 oktyabr`` (attested "2019-cu il 16 aprel tarixli").

Ranges (``format_date_range``, events over several days; spec draft-format-v2 ``event.end_date``):
tr ``21–23 Temmuz 2025``, az ``21–23 iyul 2025-ci il``, en ``Nov. 20-21, 2025`` (AP: a hyphen, the
month and year once); across months or years each end keeps what differs.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from . import ap_dates
from ._base import check_lang
from .names import inflect
from .numbers import babel_locale, ordinal

DATE_FORMS: tuple[str, ...] = ("long", "short", "full", "text", "text_day", "document")


def month_name(month: int, lang: str) -> str:
    """The CLDR wide month name in its format (nominative) form: ``Ekim``, ``oktyabr``."""
    return get_month_names("wide", "format", babel_locale(lang))[month]


def _az_year(year: int) -> str:
    return f"{ordinal(year, 'az', 'digits')} il"


def format_date(d: dt.date, lang: str, form: str = "long", release: dt.date | None = None) -> str:
    """A date in one of :data:`DATE_FORMS` for ``lang``; ``release``: the release's date, which English
    dates are written relative to (``ap_dates``)."""
    check_lang(lang)
    if form not in DATE_FORMS:
        raise ValueError(f"unknown date form {form!r}; expected one of {DATE_FORMS}")
    if isinstance(d, dt.datetime):
        d = d.date()
    if not isinstance(d, dt.date):
        raise TypeError(f"a date is expected, got {d!r}")
    if lang == "en" and form != "short":
        return _english_date(d, form, release)
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
    day = f"{inflect(month, 'genitive', 'az')} {inflect(str(d.day), 'locative', 'az')}"  # az
    return f"{_az_year(d.year)} {day}" if with_year else day


def _english_date(d: dt.date, form: str, release: dt.date | None) -> str:
    """AP: ``Oct. 23, 2021`` (long, document), ``Monday, Nov. 17`` (full), ``on Saturday``/``on Oct. 23`` (text;
    text_day never gives a year of its own)."""
    if form == "full":
        return ap_dates.full(d, release)
    if form == "text":
        return ap_dates.in_text(d, release)
    if form == "text_day":  # never a year of its own: the day in the year it falls in
        return ap_dates.in_text(d, release) if release else f"on {ap_dates.date(d, release=d)}"
    return ap_dates.date(d, release if form == "long" else None)


def format_date_range(start: dt.date, end: dt.date | None, lang: str, release: dt.date | None = None) -> str:
    """Days ``start`` to ``end`` in the long form, what both ends share written once.

    tr ``21–23 Temmuz 2025`` / ``30 Haziran – 2 Temmuz 2025`` / ``30 Aralık 2025 – 2 Ocak 2026``;
    az the same with lower-case months and ``2025-ci il``; en ``July 21-23, 2025`` /
    ``June 30-July 2, 2025`` / ``Dec. 30, 2025-Jan. 2, 2026`` (AP; the year left out in the ``release``'s
    year). Without an end, one long date.
    """
    check_lang(lang)
    if end is None or end == start:
        return format_date(start, lang, release=release)
    if end < start:
        raise ValueError("a range ends after it starts")
    if lang == "en":
        return ap_dates.date_range(start, end, release)
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
    wording); en ``Oct. 23, 2021, 6 p.m. (UTC+3)`` (AP "times", "months"). Naive → ValueError.
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
    return ap_dates.moment(moment, zone)
