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
* ``full``: az ``23 oktyabr 2021-ci il, şənbə``: a year in a sentence takes ``-ci il`` (A8), as the
  range and the embargo time do; tr and en are Babel's.

Running text (``format_running_date``, tr/az): one house form per language, the year left out when it
is the release's (tr ``23 Ekim'de``, ``17 Kasım'a kadar``; az ``oktyabrın 23-də``, ``noyabrın 17-dək``).

Ranges (``format_date_range``, events over several days; spec draft-format-v2 ``event.end_date``):
tr ``21–23 Temmuz 2025``, az ``21–23 iyul 2025-ci il``, en ``Nov. 20-21, 2025`` (AP: a hyphen, the
month and year once); across months or years each end keeps what differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from . import ap_dates
from ._base import check_lang
from .casing import upper
from .english import dateline_place
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
    dates are written relative to (``ap_dates``), and which the tr/az ``full`` form and ranges leave out
    (a date of the release's own year needs none: ``17 Kasım Pazartesi``, ``20–21 noyabr``)."""
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
    if form == "full":  # the release's year is left out, as in a deadline (17 Kasım'a kadar, §7.2)
        shown = release is None or d.year != release.year
        if lang == "tr":
            return babel_format_date(d, "d MMMM y EEEE" if shown else "d MMMM EEEE", locale=locale)
        year = f" {_az_year(d.year)}" if shown else ""
        return f"{d.day} {month}{year}, {babel_format_date(d, 'EEEE', locale=locale)}"
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
    return _span(start, end, lang, with_year=release is None or end.year != release.year)


def _span(start: dt.date, end: dt.date, lang: str, with_year: bool) -> str:
    """tr/az days ``start`` to ``end``, month and year once when both ends share them; the year
    only ``with_year`` or when the ends lie in different years."""
    year = _az_year if lang == "az" else str

    def day(d: dt.date, with_month: bool, shown: bool) -> str:
        text = f"{d.day} {month_name(d.month, lang)}" if with_month else str(d.day)
        return f"{text} {year(d.year)}" if shown else text

    if start.year != end.year:
        return f"{day(start, True, True)} – {day(end, True, True)}"
    if start.month != end.month:
        return f"{day(start, True, False)} – {day(end, True, with_year)}"
    return f"{day(start, False, False)}–{day(end, True, with_year)}"


RELATIONS: tuple[str, ...] = ("on", "until")


def format_running_date(
    start: dt.date, lang: str, current: dt.date | None = None, end: dt.date | None = None, relation: str = "on"
) -> str:
    """A date inside a sentence, in the one form each language's press writes there.

    tr: ``23 Ekim'de``, ``20–21 Kasım tarihlerinde``, ``17 Kasım'a kadar`` (R1, R13; conventions §4.2,
    §7.2: bulletins leave the current year out). az: ``oktyabrın 23-də``, ``noyabrın 20–21-də``,
    ``iyunun 30-dan iyulun 2-dək``, ``noyabrın 17-dək``; a year goes first with ``-ci il``: ``2020-ci il
    dekabrın 10-da`` (A7, A8, §7.3). The year is printed only when it is not ``current``'s (the
    release's date) or when the days span two years; without ``current`` it is always printed.
    ``relation`` is ``on`` (the day something happens) or ``until`` (a deadline; no ``end``).
    en has no such form: it gets ``date``'s ``text`` or ``date_range``, ``until`` before a long date.
    """
    check_lang(lang)
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}; expected one of {RELATIONS}")
    if end == start:
        end = None
    if end is not None and relation == "until":
        raise ValueError("a deadline is one day: give no end with relation 'until'")
    if end is not None and end < start:
        raise ValueError("a range ends after it starts")
    last = end or start
    with_year = current is None or last.year != current.year or start.year != last.year
    if lang == "en":
        if relation == "until":
            return f"until {format_date(start, lang, release=current)}"
        if end:
            return f"on {format_date_range(start, end, lang, release=current)}"
        return format_date(start, lang, "text", release=current)
    if lang == "tr":
        return _turkish_running(start, end, relation, with_year)
    return _azerbaijani_running(start, end, relation, with_year)


def _turkish_running(start: dt.date, end: dt.date | None, relation: str, with_year: bool) -> str:
    if end is not None:
        return f"{_span(start, end, 'tr', with_year)} tarihlerinde"
    day = f"{start.day} {month_name(start.month, 'tr')}" + (f" {start.year}" if with_year else "")
    return inflect(day, "locative", "tr") if relation == "on" else f"{inflect(day, 'dative', 'tr')} kadar"


def _azerbaijani_running(start: dt.date, end: dt.date | None, relation: str, with_year: bool) -> str:
    def of_month(d: dt.date, numeral: str, year: bool) -> str:
        text = f"{inflect(month_name(d.month, 'az'), 'genitive', 'az')} {numeral}"
        return f"{_az_year(d.year)} {text}" if year else text

    if end is None:
        numeral = inflect(str(start.day), "locative", "az") if relation == "on" else f"{start.day}-dək"
        return of_month(start, numeral, with_year)
    if (start.year, start.month) == (end.year, end.month):
        return of_month(start, f"{start.day}–{inflect(str(end.day), 'locative', 'az')}", with_year)
    first = of_month(start, inflect(str(start.day), "ablative", "az"), with_year)
    return f"{first} {of_month(end, f'{end.day}-dək', start.year != end.year)}"


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


def dateline(city: object, lang: str, day: dt.date, since: Mapping[str, dt.date] | None = None) -> str:
    """The dateline of a release issued in ``city`` on ``day`` (conventions.md §7): the city in capitals
    and the long date; in English as AP has it, ``BAKU, Azerbaijan, Sept. 18, 2025`` (the country after a
    city that does not stand alone, ``english.dateline_place``; ``since``: the issuer's dates of renamed
    countries' new names, Türkiye)."""
    check_lang(lang)
    if lang == "en":
        return f"{dateline_place(str(city), day, since)}, {format_date(day, 'en')}"
    return f"{upper(str(city), lang)}, {format_date(day, lang)}"
