"""Date ranges and times of day in each language's press form (docs/attribution.md, "Dates and times").

Sources: the spec (draft-format-v2.md, ``event.end_date``: ``21–23 Temmuz 2025``, ``21–23 iyul 2025-ci il``,
``July 21-23, 2025``); conventions.md §4.2 (CLDR month names: tr capitalised, az lower case; az ``2021-ci
il``; tr hours with a period, TDK via avrupa-postasi.com and edebiyatokulu.org); the AP Stylebook
("dates": a hyphen in ranges; "times": ``10 a.m.``, ``5:30 p.m.``, ``noon``, ``midnight``). ⚠ rows: the
"to be announced" wordings, written as press advisories do, not attested in the corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.language.dates import format_date_range
from pressdraft.language.times import format_time, format_time_range

D = dt.date
RANGES = [
    ((D(2025, 7, 21), D(2025, 7, 23)), "21–23 Temmuz 2025", "21–23 iyul 2025-ci il", "July 21-23, 2025"),
    (
        (D(2025, 6, 30), D(2025, 7, 2)),
        "30 Haziran – 2 Temmuz 2025",
        "30 iyun – 2 iyul 2025-ci il",
        "June 30-July 2, 2025",
    ),
    (
        (D(2025, 12, 30), D(2026, 1, 2)),
        "30 Aralık 2025 – 2 Ocak 2026",
        "30 dekabr 2025-ci il – 2 yanvar 2026-cı il",
        "Dec. 30, 2025-Jan. 2, 2026",  # AP "months": abbreviated with a day
    ),
    ((D(2021, 10, 23), None), "23 Ekim 2021", "23 oktyabr 2021", "Oct. 23, 2021"),
]


@pytest.mark.parametrize(("days", "tr", "az", "en"), RANGES)
def test_date_ranges(days, tr, az, en):
    assert [format_date_range(*days, lang) for lang in ("tr", "az", "en")] == [tr, az, en]


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        format_date_range(D(2025, 7, 23), D(2025, 7, 21), "en")


TIMES = [
    ("17:30", "17.30", "17:30", "5:30 p.m."),
    ("10:00", "10.00", "10:00", "10 a.m."),
    ("09:05", "09.05", "09:05", "9:05 a.m."),
    ("12:00", "12.00", "12:00", "noon"),
    ("00:00", "00.00", "00:00", "midnight"),
    ("tba", "saati daha sonra duyurulacak", "vaxtı sonra elan olunacaq", "time to be announced"),  # ⚠ tr, az
]


@pytest.mark.parametrize(("value", "tr", "az", "en"), TIMES)
def test_times(value, tr, az, en):
    assert [format_time(value, lang) for lang in ("tr", "az", "en")] == [tr, az, en]


TIME_RANGES = [
    (("09:30", "11:00"), "09.30–11.00", "09:30–11:00", "9:30-11 a.m."),
    (("11:00", "13:30"), "11.00–13.30", "11:00–13:30", "11 a.m.-1:30 p.m."),
    (("10:00", "12:00"), "10.00–12.00", "10:00–12:00", "10 a.m.-noon"),
    (("14:00", None), "14.00", "14:00", "2 p.m."),
]


@pytest.mark.parametrize(("ends", "tr", "az", "en"), TIME_RANGES)
def test_time_ranges(ends, tr, az, en):
    assert [format_time_range(*ends, lang) for lang in ("tr", "az", "en")] == [tr, az, en]


def test_a_time_not_written_hh_mm_is_refused():
    with pytest.raises(ValueError):
        format_time("25:00", "tr")
