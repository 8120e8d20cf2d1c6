"""English dates and times as AP writes them (the ``en`` branch of ``dates``).

* AP "months": Jan., Feb., Aug., Sept., Oct., Nov. and Dec. are abbreviated with a day (``Oct. 23, 2021``,
  ``Sept. 18``); March to July never are; a month alone or with a year only is spelled (``October 2021``).
* AP "dates", "years": the year is left out when it is the current year, the year of the release (``release``);
  a dateline keeps it (``ISTANBUL, Oct. 23, 2021``, conventions.md §7.4). Ranges ``Nov. 20-21``.
* AP "days of the week", "dates": within seven days of the release the weekday replaces the date (``on
  Saturday``), so a lead never repeats the dateline's date; "on" stays, as AP writes it where a date would
  follow a proper name (``in Istanbul on Saturday``: AP "on").
* AP "times": ``6 p.m.``, ``10:30 a.m.``, ``noon``, ``midnight`` (``times``).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from .times import format_time

#: AP "months": the abbreviations used with a day; the other months are always spelled out.
MONTH_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
#: AP "days of the week": the weekday stands for a date this many days before or after the release, at most.
WEEKDAY_SPAN = 6


def month(d: dt.date, with_day: bool = True) -> str:
    """``Oct.``/``March`` before a day; the full name without one."""
    if with_day and d.month in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[d.month]
    return get_month_names("wide", "format", "en_US")[d.month]


def weekday(d: dt.date) -> str:
    return babel_format_date(d, "EEEE", locale="en_US")


def _year(d: dt.date, release: dt.date | None) -> str:
    return "" if release is not None and release.year == d.year else f", {d.year}"


def date(d: dt.date, release: dt.date | None = None) -> str:
    """``Oct. 23, 2021``; ``Oct. 23`` in the release's year."""
    return f"{month(d)} {d.day}{_year(d, release)}"


def month_alone(d: dt.date, release: dt.date | None = None) -> str:
    """``October 2021``; ``October`` in the release's year (AP "months": spelled without a day)."""
    name = month(d, with_day=False)
    return name if release is not None and release.year == d.year else f"{name} {d.year}"


def full(d: dt.date, release: dt.date | None = None) -> str:
    """``Monday, Nov. 17, 2025``; ``Monday, Nov. 17`` in the release's year."""
    return f"{weekday(d)}, {date(d, release)}"


def in_text(d: dt.date, release: dt.date | None = None, near: bool = True) -> str:
    """A date in running text: ``on Saturday`` within a week of the release (``near``), else ``on Oct. 23``."""
    if near and release is not None and abs((d - release).days) <= WEEKDAY_SPAN:
        return f"on {weekday(d)}"
    return f"on {date(d, release)}"


def date_range(start: dt.date, end: dt.date, release: dt.date | None = None) -> str:
    """``Nov. 20-21``, ``June 30-July 2, 2025``, ``Dec. 30, 2025-Jan. 2, 2026`` (AP: a hyphen)."""
    if start.year != end.year:
        return f"{date(start)}-{date(end)}"
    last = f"{end.day}" if start.month == end.month else f"{month(end)} {end.day}"
    return f"{month(start)} {start.day}-{last}{_year(end, release)}"


def moment(when: dt.datetime, zone: str) -> str:
    """An embargo: ``Oct. 23, 2021, 6 p.m. (UTC+3)`` (a header keeps the year, like the dateline)."""
    return f"{date(when.date())}, {format_time(f'{when.hour:02d}:{when.minute:02d}', 'en')} ({zone})"
