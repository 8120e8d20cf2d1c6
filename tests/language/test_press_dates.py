"""Dates inside Turkish and Azerbaijani sentences: one house form per language, the release's year left out.

Sources (conventions.md and the stored `pages` corpus):
- tr R1, R13: the case suffix follows the apostrophe and the numeral's reading (`2020'de`, `2026'ya`).
- tr §7.2, faselisgrowth.com: bulletins leave the current year out (`22 Eylül'de düzenlenecektir`);
  attested kamugundemi.com (ANKA) "16 Aralık tarihinde Ankara'da yapılacak", tarikhaber.com (AA)
  "31 Mart'ta yapılacak", sonmuhur.com "2 Aralık'ta Ankara'da gerçekleştirildi", medyaradar.net
  "07-08 Ekim tarihlerinde İstanbul'da"; a past year is written: "10 Aralık 2020'de" (gazetehurriyet.com, §8).
- az A7 (hyphen before a suffix on a numeral: `oktyabrın 23-də`, `martın 15-də`, `aprelin 9-da`), A8
  (`2021-ci il`), §7.3 (prose dates `oktyabrın 23-də`); attested without the current year:
  crossmedia.az "fevralın 11-də … Anlaşma Memorandumu imzalanıb", hit.az "Dekabrın 17-də Buxarestdə",
  az.trend.az "Dekabrın 23-ə təyin olunan"; with a year, the year first: metbuat.az "1875-ci il iyulun
  22-də", informasiya.org "2005-ci il dekabrın 19-da", §4.2 "2020-ci il dekabrın 10-da".
- ⚠ az ranges `noyabrın 20–21-də`, `iyunun 30-dan iyulun 2-dək` and the deadline `noyabrın 17-dək`
  follow A7 (the suffix on the last numeral, hyphenated) and the `-dək` of §7.3's embargo wording
  (`saat 10:00-dək`); no AZERTAC range was found in the corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.language.dates import format_running_date

D = dt.date
RELEASE_2025 = D(2025, 11, 10)


@pytest.mark.parametrize(
    ("start", "end", "relation", "release", "tr", "az"),
    [
        # the release's year is left out (§7.2 faselisgrowth.com; crossmedia.az, hit.az)
        (D(2025, 11, 20), None, "on", RELEASE_2025, "20 Kasım'da", "noyabrın 20-də"),
        (D(2025, 10, 23), None, "on", RELEASE_2025, "23 Ekim'de", "oktyabrın 23-də"),
        (D(2025, 3, 15), None, "on", RELEASE_2025, "15 Mart'ta", "martın 15-də"),  # R5 (on beş); A7 attested
        (D(2025, 4, 9), None, "on", RELEASE_2025, "9 Nisan'da", "aprelin 9-da"),  # A7 attested
        # a deadline: tr dative + kadar (R1), az -dək on the numeral (A7, §7.3)
        (D(2025, 11, 17), None, "until", RELEASE_2025, "17 Kasım'a kadar", "noyabrın 17-dək"),
        (D(2025, 9, 9), None, "until", RELEASE_2025, "9 Eylül'e kadar", "sentyabrın 9-dək"),
        (D(2025, 6, 6), None, "until", RELEASE_2025, "6 Haziran'a kadar", "iyunun 6-dək"),
        # another year is written: tr after the month (R13 by its reading), az first with -ci il (A8)
        (D(2020, 12, 10), None, "on", RELEASE_2025, "10 Aralık 2020'de", "2020-ci il dekabrın 10-da"),
        (D(2026, 1, 5), None, "until", D(2025, 12, 20), "5 Ocak 2026'ya kadar", "2026-cı il yanvarın 5-dək"),
        (D(2019, 4, 16), None, "on", RELEASE_2025, "16 Nisan 2019'da", "2019-cu il aprelin 16-da"),
        (D(1875, 7, 22), None, "on", D(2021, 7, 22), "22 Temmuz 1875'te", "1875-ci il iyulun 22-də"),
        # days of one event: the month once (medyaradar.net "07-08 Ekim tarihlerinde"); ⚠ az ranges
        (D(2025, 11, 20), D(2025, 11, 21), "on", RELEASE_2025, "20–21 Kasım tarihlerinde", "noyabrın 20–21-də"),
        (
            D(2025, 6, 30),
            D(2025, 7, 2),
            "on",
            RELEASE_2025,
            "30 Haziran – 2 Temmuz tarihlerinde",
            "iyunun 30-dan iyulun 2-dək",
        ),
        (
            D(2025, 12, 30),
            D(2026, 1, 2),
            "on",
            D(2025, 12, 1),
            "30 Aralık 2025 – 2 Ocak 2026 tarihlerinde",
            "2025-ci il dekabrın 30-dan 2026-cı il yanvarın 2-dək",
        ),
        (D(2026, 3, 2), D(2026, 3, 4), "on", RELEASE_2025, "2–4 Mart 2026 tarihlerinde", "2026-cı il martın 2–4-də"),
        # no release date to compare with: the year is written
        (D(2021, 10, 23), None, "on", None, "23 Ekim 2021'de", "2021-ci il oktyabrın 23-də"),
        # a range of one day is that day
        (D(2025, 11, 20), D(2025, 11, 20), "on", RELEASE_2025, "20 Kasım'da", "noyabrın 20-də"),
    ],
)
def test_a_running_date_has_one_form_and_the_year_only_when_it_is_not_the_releases(
    start, end, relation, release, tr, az
):
    assert format_running_date(start, "tr", release, end, relation) == tr
    assert format_running_date(start, "az", release, end, relation) == az


@pytest.mark.parametrize(
    ("end", "relation"),
    [(D(2025, 11, 21), "until"), (D(2025, 11, 19), "on"), (None, "since")],
    ids=["a-deadline-is-one-day", "a-range-ends-after-it-starts", "unknown-relation"],
)
def test_what_a_running_date_cannot_say_is_refused(end, relation):
    with pytest.raises(ValueError):
        format_running_date(D(2025, 11, 20), "az", RELEASE_2025, end, relation)
