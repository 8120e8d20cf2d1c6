# ruff: noqa: E501  (tables read best one row per line)
"""Dates and embargo times (conventions.md §4.2, §7)."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.language import format_date, format_datetime

from ._helpers import norm

MEETING = dt.date(2021, 10, 23)
MEMORANDUM = dt.date(2020, 12, 10)


@pytest.mark.parametrize(
    ("d", "lang", "form", "expected"),
    [
        # §4.2 Babel long/full rows
        (MEETING, "tr", "long", "23 Ekim 2021"),
        (MEETING, "az", "long", "23 oktyabr 2021"),
        (MEETING, "en", "long", "Oct. 23, 2021"),  # AP "months": abbreviated with a day
        (MEETING, "tr", "full", "23 Ekim 2021 Cumartesi"),
        (MEETING, "az", "full", "23 oktyabr 2021-ci il, şənbə"),  # A8: a year in a sentence takes -ci il
        (MEETING, "en", "full", "Saturday, Oct. 23, 2021"),
        (dt.date(2024, 12, 31), "tr", "full", "31 Aralık 2024 Salı"),
        (dt.date(2024, 12, 31), "az", "full", "31 dekabr 2024-cü il, çərşənbə axşamı"),
        (dt.date(2021, 1, 1), "az", "full", "1 yanvar 2021-ci il, cümə"),
        (dt.date(2021, 1, 1), "tr", "long", "1 Ocak 2021"),
        # §4.2: four-digit years in short dates (Babel's az short is 23.10.21: not used)
        (MEETING, "tr", "short", "23.10.2021"),
        (MEETING, "az", "short", "23.10.2021"),
        (MEETING, "en", "short", "10/23/2021"),
        # ⚠ §4.2: zero-padded day with the dd.MM.y pattern
        (dt.date(2021, 1, 1), "tr", "short", "01.01.2021"),
        # §4.2 editorial forms: tr 23 Ekim 2021'de; az 2020-ci il dekabrın 10-da (attested);
        # en "on Oct. 23, 2021" (AP "months")
        (MEETING, "tr", "text", "23 Ekim 2021'de"),
        (MEETING, "az", "text", "2021-ci il oktyabrın 23-də"),
        (MEETING, "en", "text", "on Oct. 23, 2021"),
        (MEMORANDUM, "tr", "text", "10 Aralık 2020'de"),
        (MEMORANDUM, "az", "text", "2020-ci il dekabrın 10-da"),
        (MEMORANDUM, "en", "text", "on Dec. 10, 2020"),
        # §7.2 22 Eylül'de (faselisgrowth.com); A7 oktyabrın 23-də, martın 15-də, aprelin 9-da
        (dt.date(2021, 9, 22), "tr", "text_day", "22 Eylül'de"),
        (MEETING, "tr", "text_day", "23 Ekim'de"),
        (MEETING, "az", "text_day", "oktyabrın 23-də"),
        (dt.date(2021, 3, 15), "az", "text_day", "martın 15-də"),
        (dt.date(2021, 4, 9), "az", "text_day", "aprelin 9-da"),
        (MEETING, "en", "text_day", "on Oct. 23"),
        # R13 with a voiceless last word: 21 Mart 2025'te (beş)
        (dt.date(2025, 3, 21), "tr", "text", "21 Mart 2025'te"),
        # §4.2 / §7.3: az document date, year first: 2021-ci il 23 oktyabr
        (MEETING, "az", "document", "2021-ci il 23 oktyabr"),
        (dt.date(2019, 4, 16), "az", "document", "2019-cu il 16 aprel"),
        (MEETING, "tr", "document", "23 Ekim 2021"),
        (MEETING, "en", "document", "Oct. 23, 2021"),
    ],
)
def test_dates_in_each_form_follow_cldr_and_editorial_practice(d: dt.date, lang: str, form: str, expected: str) -> None:
    assert norm(format_date(d, lang, form)) == expected


def test_month_names_are_capitalised_in_turkish_and_lower_case_in_azerbaijani() -> None:
    # §4.2 month names; A10 (legalacts.az): az month names are lower case
    tr = [format_date(dt.date(2021, m, 1), "tr").split()[1] for m in range(1, 13)]
    az = [format_date(dt.date(2021, m, 1), "az").split()[1] for m in range(1, 13)]
    assert tr == [
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ]
    assert az == [
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ]


UTC3 = dt.timezone(dt.timedelta(hours=3))
UTC4 = dt.timezone(dt.timedelta(hours=4))


@pytest.mark.parametrize(
    ("moment", "lang", "expected"),
    [
        # §4.2 TDK period in times (avrupa-postasi.com); §7.2 embargo wording
        (dt.datetime(2021, 10, 23, 18, 0, tzinfo=UTC3), "tr", "23 Ekim 2021, saat 18.00 (UTC+3)"),
        (dt.datetime(2021, 10, 23, 9, 5, tzinfo=UTC3), "tr", "23 Ekim 2021, saat 09.05 (UTC+3)"),
        # §7.3 "23 oktyabr 2021-ci il, saat 10:00"
        (dt.datetime(2021, 10, 23, 18, 0, tzinfo=UTC4), "az", "23 oktyabr 2021-ci il, saat 18:00 (UTC+4)"),
        # AP a.m./p.m.; the zone from the datetime's own offset
        (dt.datetime(2021, 10, 23, 18, 0, tzinfo=UTC3), "en", "Oct. 23, 2021, 6 p.m. (UTC+3)"),  # AP "times": no :00
        (dt.datetime(2021, 10, 23, 9, 30, tzinfo=dt.UTC), "en", "Oct. 23, 2021, 9:30 a.m. (UTC)"),
        (dt.datetime(2021, 10, 23, 12, 0, tzinfo=UTC3), "en", "Oct. 23, 2021, noon (UTC+3)"),
        (
            dt.datetime(2021, 10, 23, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
            "tr",
            "23 Ekim 2021, saat 08.00 (UTC+5:30)",
        ),
        (
            dt.datetime(2021, 10, 23, 8, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5))),
            "en",
            "Oct. 23, 2021, 8 a.m. (UTC-5)",
        ),
    ],
)
def test_embargo_times_carry_their_own_utc_offset(moment: dt.datetime, lang: str, expected: str) -> None:
    assert format_datetime(moment, lang) == expected


def test_a_naive_embargo_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        format_datetime(dt.datetime(2021, 10, 23, 18, 0), "tr")


def test_an_unknown_date_form_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown date form 'medium'"):
        format_date(MEETING, "tr", "medium")
