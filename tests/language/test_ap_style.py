# ruff: noqa: E501  (tables read best one row per line)
"""English in AP style: each table row names the AP Stylebook entry it follows (issue 13, "English").

The entries: "months", "dates", "years", "days of the week", "datelines", "titles", "comma", "semicolon",
"numerals", "times", "quotation marks", "headlines". The stand-alone datelines are the Stylebook's
international list (wordwise.typepad.com, "updates to AP style", 2010); conventions.md §4.2 and §7.4 give
``Oct. 23, 2021`` and ``ISTANBUL, Oct. 23, 2021 —``. ⚠ marks a row that is our judgement.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressdraft.core.files import read_data
from pressdraft.language import ap_dates
from pressdraft.language.attribution import quoted
from pressdraft.language.dates import dateline, format_date, format_date_range
from pressdraft.language.english import dateline_doubt, headline_text, title_after_name, with_article
from pressdraft.language.lists import format_list
from pressdraft.language.numbers import ordinal
from pressdraft.language.times import format_time

D = dt.date
RELEASE = D(2025, 11, 10)  # a Monday


@pytest.mark.parametrize(
    ("day", "release", "expected"),
    [
        (D(2021, 10, 23), None, "Oct. 23, 2021"),  # AP "months": abbreviated with a day
        (D(2025, 9, 18), None, "Sept. 18, 2025"),  # AP "months": Sept., not Sep.
        (D(2025, 1, 6), None, "Jan. 6, 2025"),
        (D(2025, 2, 14), None, "Feb. 14, 2025"),
        (D(2025, 8, 30), None, "Aug. 30, 2025"),
        (D(2025, 12, 10), None, "Dec. 10, 2025"),
        (D(2025, 3, 5), None, "March 5, 2025"),  # AP "months": March to July never abbreviated
        (D(2025, 4, 1), None, "April 1, 2025"),
        (D(2025, 5, 9), None, "May 9, 2025"),
        (D(2025, 6, 12), None, "June 12, 2025"),
        (D(2025, 7, 21), None, "July 21, 2025"),
        (D(2025, 11, 17), RELEASE, "Nov. 17"),  # AP "years": no year in the current year
        (D(2026, 1, 15), RELEASE, "Jan. 15, 2026"),  # another year keeps it
    ],
)
def test_dates_abbreviate_the_long_months_with_a_day_and_leave_out_the_current_year(day, release, expected):
    assert format_date(day, "en", "long", release=release) == expected


@pytest.mark.parametrize(
    ("day", "release", "expected"),
    [
        (D(2021, 10, 1), None, "October 2021"),  # AP "months": a month with a year only is spelled out
        (D(2025, 10, 1), RELEASE, "October"),  # AP "years": and the current year left out
        (D(2025, 9, 1), D(2021, 1, 1), "September 2025"),
    ],
)
def test_a_month_without_a_day_is_spelled_out(day, release, expected):
    assert ap_dates.month_alone(day, release) == expected


@pytest.mark.parametrize(
    ("day", "release", "expected"),
    [
        (RELEASE, RELEASE, "on Monday"),  # AP "days of the week": the lead does not repeat the dateline's date
        (D(2025, 11, 14), RELEASE, "on Friday"),  # within seven days: the weekday
        (D(2025, 11, 4), RELEASE, "on Tuesday"),  # six days before
        (D(2025, 11, 20), RELEASE, "on Nov. 20"),  # AP "dates": further away, month and day
        (D(2020, 12, 10), RELEASE, "on Dec. 10, 2020"),  # another year: the year, set off by commas in a sentence
        (D(2021, 10, 23), None, "on Oct. 23, 2021"),  # no release to be relative to: the whole date
    ],
)
def test_a_date_in_running_text_is_the_weekday_within_a_week_of_the_release(day, release, expected):
    assert format_date(day, "en", "text", release=release) == expected


@pytest.mark.parametrize(
    ("day", "release", "expected"),
    [
        (D(2025, 11, 17), RELEASE, "Monday, Nov. 17"),  # AP "dates": weekday, month and day
        (D(2025, 11, 17), None, "Monday, Nov. 17, 2025"),
    ],
)
def test_a_full_date_names_the_weekday(day, release, expected):
    assert format_date(day, "en", "full", release=release) == expected


@pytest.mark.parametrize(
    ("start", "end", "release", "expected"),
    [
        (D(2025, 11, 20), D(2025, 11, 21), RELEASE, "Nov. 20-21"),  # AP "dates": a hyphen, month once
        (D(2025, 11, 20), D(2025, 11, 21), None, "Nov. 20-21, 2025"),
        (D(2025, 6, 30), D(2025, 7, 2), None, "June 30-July 2, 2025"),
        (D(2025, 12, 30), D(2026, 1, 2), RELEASE, "Dec. 30, 2025-Jan. 2, 2026"),  # across years: both years
    ],
)
def test_date_ranges(start, end, release, expected):
    assert format_date_range(start, end, "en", release=release) == expected


@pytest.mark.parametrize(
    ("city", "day", "lang", "expected"),
    [
        ("Istanbul", D(2021, 10, 23), "en", "ISTANBUL, Oct. 23, 2021"),  # AP "datelines": stand-alone; full date
        ("London", D(2025, 3, 5), "en", "LONDON, March 5, 2025"),  # AP "datelines": stand-alone
        ("Baku", D(2025, 9, 18), "en", "BAKU, Azerbaijan, Sept. 18, 2025"),  # AP "datelines": the country follows
        ("Shusha", D(2025, 5, 9), "en", "SHUSHA, Azerbaijan, May 9, 2025"),
        # ⚠ AP "datelines" with CLDR's English country name; the name by date (Turkey/Türkiye) is H6's
        ("Ankara", D(2025, 11, 10), "en", "ANKARA, Türkiye, Nov. 10, 2025"),
        ("Rustavi", D(2025, 11, 10), "en", "RUSTAVI, Nov. 10, 2025"),  # country unknown: the city alone, and a warning
        ("İstanbul", D(2021, 10, 23), "tr", "İSTANBUL, 23 Ekim 2021"),  # conventions.md §7: city in capitals
        ("Bakı", D(2025, 9, 18), "az", "BAKI, 18 sentyabr 2025"),
    ],
)
def test_datelines(city, day, lang, expected):
    assert dateline(city, lang, day) == expected


@pytest.mark.parametrize(("city", "doubtful"), [("Istanbul", False), ("Baku", False), ("Rustavi", True)])
def test_a_dateline_city_without_a_known_country_is_reported(city, doubtful):
    assert dateline_doubt(city) is doubtful


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # AP "titles": lower case after a name; organizations and countries keep their capitals
        (
            "Deputy Director of Communications of the Turkish Presidency",
            "deputy director of communications of the Turkish Presidency",
        ),
        (
            "Director of Communications of the Turkish Presidency",
            "director of communications of the Turkish Presidency",
        ),
        (
            "Assistant to the President of the Republic of Azerbaijan, Head of the Foreign Policy Affairs Department of the Presidential Administration",
            "assistant to the president of the Republic of Azerbaijan, head of the Foreign Policy Affairs Department of the Presidential Administration",
        ),
        (
            "Deputy Executive Director of the Media Development Agency of the Republic of Azerbaijan",
            "deputy executive director of the Media Development Agency of the Republic of Azerbaijan",
        ),
        (
            "Head of the International Relations Department of the Media Development Agency",
            "head of the International Relations Department of the Media Development Agency",
        ),
        ("President of Türkiye", "president of Türkiye"),
        ("President of the Republic of Azerbaijan", "president of the Republic of Azerbaijan"),
        ("Minister of Foreign Affairs", "minister of foreign affairs"),  # AP "titles": the portfolio too
        ("Foreign Minister", "foreign minister"),
        ("Prime Minister", "prime minister"),
        ("Secretary-General of NATO", "secretary-general of NATO"),
        ("Turkish Ambassador to Azerbaijan", "Turkish ambassador to Azerbaijan"),  # a nationality keeps its capital
    ],
)
def test_titles_after_a_name_are_lower_case(title, expected):
    assert title_after_name(title) == expected


@pytest.mark.parametrize(
    ("items", "style", "expected"),
    [
        (["Ankara", "Baku", "Istanbul"], "and", "Ankara, Baku and Istanbul"),  # AP "comma": no Oxford comma
        (["Ankara", "Baku", "Istanbul"], "or", "Ankara, Baku or Istanbul"),
        (["Ankara", "Baku"], "and", "Ankara and Baku"),
        (
            ["Zeynep Aksoy, deputy director", "Elnur Huseynov, deputy executive director", "Aytan Karimova, head"],
            "and",
            "Zeynep Aksoy, deputy director; Elnur Huseynov, deputy executive director; and Aytan Karimova, head",
        ),  # AP "semicolon": items with commas, a semicolon before the final "and" too
        (
            ["Fahrettin Altun, director of communications", "Hikmet Hajiyev, assistant to the president"],
            "with",
            "Fahrettin Altun, director of communications, and Hikmet Hajiyev, assistant to the president",
        ),  # AP "comma": the comma closing an appositive
    ],
)
def test_series(items, style, expected):
    assert format_list(items, "en", style) == expected


@pytest.mark.parametrize(
    ("n", "style", "expected"),
    [
        (1, "words", "first"),  # AP "numerals": first to ninth spelled out
        (9, "words", "ninth"),
        (10, "words", "10th"),  # figures from 10th
        (21, "words", "21st"),
        (100, "words", "100th"),
        (1, "idiom", "first"),
        (12, "idiom", "12th"),
    ],
)
def test_ordinals(n, style, expected):
    assert ordinal(n, "en", style) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AZERTAC", "AZERTAC"),  # no article before an acronym (issue 13: "About the AZERTAC" is wrong)
        ("TRT", "TRT"),
        ("NATO", "NATO"),
        ("TRT World", "TRT World"),  # an acronym at the head of the name
        ("Gazprom", "Gazprom"),  # ⚠ a one-word name
        ("Directorate of Communications", "the Directorate of Communications"),  # a common-noun phrase takes "the"
        ("Media Development Agency", "the Media Development Agency"),
        ("Turkey-Azerbaijan Joint Media Platform", "the Turkey-Azerbaijan Joint Media Platform"),
        (
            "Turkish Presidency's Directorate of Communications",
            "Turkish Presidency's Directorate of Communications",
        ),  # a possessive
        ("the EU", "the EU"),  # written with its article: the directory's override
    ],
)
def test_articles_before_names(name, expected):
    assert with_article(name) == expected


def test_articles_are_english_only():
    assert with_article("İletişim Başkanlığı", "tr") == "İletişim Başkanlığı"


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "appositive", "expected"),
    [
        # AP "quotation marks": in a quote of several sentences the attribution follows the first one
        ("We aim high. We will deliver.", "Aksoy", "say", False, "“We aim high,” Aksoy said. “We will deliver.”"),
        ("We aim high.", "Aksoy", "say", False, "“We aim high,” Aksoy said."),
        ("We will go on.", "she", "add", False, "“We will go on,” she added."),
        # AP "said": said Name, long title
        (
            "We support it.",
            "Elnur Huseynov, deputy executive director",
            "say",
            True,
            "“We support it,” said Elnur Huseynov, deputy executive director.",
        ),
        ("Is it over? It is not.", "Aksoy", "say", False, "“Is it over?” Aksoy said. “It is not.”"),
    ],
)
def test_quotes_are_attributed_after_the_first_sentence(text, speaker, verb, appositive, expected):
    assert quoted(text, "en", speaker, verb, appositive) == expected


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("10:30", "10:30 a.m."),  # AP "times"
        ("17:00", "5 p.m."),  # no :00
        ("12:00", "noon"),
        ("00:00", "midnight"),
    ],
)
def test_times(clock, expected):
    assert format_time(clock, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a coordinated disinformation campaign", "coordinated disinformation campaign"),  # AP "headlines": no article
        ("the Türkiye-Azerbaijan Media Forum", "Türkiye-Azerbaijan Media Forum"),
        ("theme parks", "theme parks"),
    ],
)
def test_headlines_drop_a_leading_article(text, expected):
    assert headline_text(text) == expected


def test_the_check_warns_when_a_datelines_country_is_unknown(engine):
    """AP "datelines": a city that does not stand alone needs its country; unknown, the check says so."""
    example = Path(__file__).resolve().parents[2] / "examples" / "official-visit.yaml"
    data = read_data(example.read_text("utf-8"), "yaml")
    data["release"]["city"] = {"tr": "Rustavi", "az": "Rustavi", "en": "Rustavi"}
    problems = [str(p) for p in engine.check(engine.draft_from_data(data))]
    assert [p for p in problems if "Rustavi" in p] == [
        "release.city (en): Rustavi is not an AP stand-alone dateline and its country is not known, so the English "
        "dateline prints the city alone (RUSTAVI): add the city and its country to language/data/ap.yaml"
    ]
    assert engine.check(engine.load_draft(example)) == []  # Ankara: its country is known
