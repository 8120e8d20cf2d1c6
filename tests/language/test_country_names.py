"""The country's name by the release's date and the issuer's usage (issue 13; docs/style-guide.md#en-country-name).

Sources:
- UN: the Turkish foreign minister's letter asking for "Türkiye" was registered on 1 June 2022, the change
  effective on receipt (UN spokesman Stéphane Dujarric to Anadolu Agency, 1–2 June 2022; reported e.g.
  allnews.ng, "UN Changes Turkey's Name To Türkiye", 2 June 2022).
- The Turkish government: Presidential circular "Türkiye ibaresinin marka olarak kullanılması" (2021/24),
  issued Friday 3 December 2021 and published on 4 December 2021: "Türkiye" in all activities and
  correspondence instead of "Turkey", "Turkei", "Turquie" (TRT World, 4 December 2021, trt.global/world/
  article/12772614). ⚠ The sample issuer's switch day (4 December 2021) is the day of publication.
- Turkish and Azerbaijani always wrote Türkiye / Türkiyə (TDK; Orfoqrafiya Normaları 2019): unaffected.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.language.countries import WrongName, country_name, dated, wrong_names

UN = dt.date(2022, 6, 1)
CIRCULAR = dt.date(2021, 12, 4)


@pytest.mark.parametrize(
    ("code", "lang", "on_date", "since", "expected"),
    [
        # UN registration, the default switch: the day before and the day itself
        ("TR", "en", dt.date(2021, 10, 23), None, "Turkey"),
        ("TR", "en", dt.date(2022, 5, 31), None, "Turkey"),
        ("TR", "en", UN, None, "Türkiye"),
        ("TR", "en", dt.date(2025, 6, 12), None, "Türkiye"),
        # the issuer's own switch (the Turkish government, from its circular of December 2021)
        ("TR", "en", dt.date(2021, 12, 3), CIRCULAR, "Turkey"),
        ("TR", "en", CIRCULAR, CIRCULAR, "Türkiye"),
        ("TR", "en", dt.date(2022, 2, 1), CIRCULAR, "Türkiye"),
        ("TR", "en", dt.date(2022, 2, 1), None, "Turkey"),
        # an issuer that kept writing Turkey after the UN's date
        ("TR", "en", dt.date(2022, 9, 1), dt.date(2023, 1, 1), "Turkey"),
        # Turkish and Azerbaijani: the same name on every date
        ("TR", "tr", dt.date(2021, 10, 23), None, "Türkiye"),
        ("TR", "tr", dt.date(2025, 6, 12), None, "Türkiye"),
        ("TR", "az", dt.date(2021, 10, 23), None, "Türkiyə"),
        ("TR", "az", dt.date(2025, 6, 12), CIRCULAR, "Türkiyə"),
        # a country never renamed: CLDR's name (babel)
        ("AZ", "en", dt.date(2021, 10, 23), None, "Azerbaijan"),
        ("AZ", "tr", dt.date(2025, 6, 12), None, "Azerbaycan"),
        ("AZ", "az", dt.date(2025, 6, 12), None, "Azərbaycan"),
    ],
)
def test_the_country_is_named_as_on_the_release_date(code, lang, on_date, since, expected):
    assert country_name(code, lang, on_date, since) == expected


def test_a_country_without_a_name_is_an_error():
    with pytest.raises(ValueError, match="QQ"):
        country_name("QQ", "en", UN)


@pytest.mark.parametrize(
    ("text", "on_date", "expected"),
    [
        (
            "informs audiences about Türkiye's policies",
            dt.date(2021, 10, 23),
            "informs audiences about Turkey's policies",
        ),
        (
            "informs audiences about Türkiye's policies",
            dt.date(2025, 6, 12),
            "informs audiences about Türkiye's policies",
        ),
        ("President of Türkiye", dt.date(2020, 12, 9), "President of Turkey"),
        ("President of Turkey", dt.date(2025, 6, 12), "President of Türkiye"),
        ("the Republic of Turkiye", dt.date(2021, 1, 1), "the Republic of Turkey"),
        ("Azerbaijan-Türkiye relations", dt.date(2021, 1, 1), "Azerbaijan-Turkey relations"),
        # the adjective and other words are not the country's name
        ("the Turkish Presidency", dt.date(2025, 6, 12), "the Turkish Presidency"),
        ("roast turkey", dt.date(2025, 6, 12), "roast turkey"),
        ("Turkeyville", dt.date(2025, 6, 12), "Turkeyville"),
    ],
)
def test_the_directory_s_texts_take_the_form_of_the_date(text, on_date, expected):
    assert dated(text, "en", on_date) == expected


def test_the_issuer_s_switch_date_applies_to_its_texts():
    assert dated("Türkiye", "en", dt.date(2022, 2, 1), {"TR": CIRCULAR}) == "Türkiye"
    assert dated("Türkiye", "en", dt.date(2022, 2, 1)) == "Turkey"


def test_turkish_and_azerbaijani_texts_are_left_as_written():
    assert dated("Türkiye'nin politikaları", "tr", dt.date(2021, 1, 1)) == "Türkiye'nin politikaları"
    assert dated("Türkiyənin siyasəti", "az", dt.date(2021, 1, 1)) == "Türkiyənin siyasəti"


@pytest.mark.parametrize(
    ("text", "on_date", "since", "expected"),
    [
        ("Turkey-Azerbaijan cooperation", dt.date(2025, 6, 12), None, [WrongName("Turkey", "Türkiye")]),
        ("ties with Türkiye and Turkey", dt.date(2021, 10, 23), None, [WrongName("Türkiye", "Turkey")]),
        (
            "Turkiye and Türkiye",
            dt.date(2021, 10, 23),
            None,
            [WrongName("Turkiye", "Turkey"), WrongName("Türkiye", "Turkey")],
        ),
        ("Turkiye", dt.date(2025, 6, 12), None, [WrongName("Turkiye", "Türkiye")]),
        ("Turkey", dt.date(2022, 2, 1), CIRCULAR, [WrongName("Turkey", "Türkiye")]),
        # right for the date: nothing to say
        ("Turkey-Azerbaijan cooperation", dt.date(2021, 10, 23), None, []),
        ("Türkiye and Azerbaijan", dt.date(2025, 6, 12), None, []),
        ("Turkey", dt.date(2022, 2, 1), None, []),
        ("Turkish officials", dt.date(2025, 6, 12), None, []),
    ],
)
def test_a_wrong_form_is_found_with_the_right_one(text, on_date, since, expected):
    assert wrong_names(text, "en", on_date, {"TR": since} if since else None) == expected


def test_turkish_and_azerbaijani_texts_have_no_wrong_form():
    assert wrong_names("Türkiye ile Azerbaycan", "tr", dt.date(2021, 1, 1)) == []
    assert wrong_names("Türkiyə ilə Azərbaycan", "az", dt.date(2025, 1, 1)) == []
