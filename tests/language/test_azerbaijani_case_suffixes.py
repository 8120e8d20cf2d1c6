# ruff: noqa: E501  (tables read best one row per line)
"""Azerbaijani case endings: no apostrophe, d-only locative/ablative, hyphen after
abbreviations and numerals.

Rule ids (A1–A11) refer to conventions.md §2: Orfoqrafiya Normaları 2019 (Cabinet decision
No. 174; kamilinfo.net), language.az/081520920.html, interpress.az/116459, novator.az,
Orfoepiya normaları 2021 §5.1.1 (twojaalfa.pl / metbuat.az), and attested press forms.
Columns follow CASES: locative, ablative, dative, genitive, accusative, instrumental; the
instrumental is the separate postposition ``ilə`` by default (language.az: "İlə qoşması
samitlə bitən sözlərdə … -la, -lə şəklində bitişik yazıla bilər" — may, after consonants only;
the reference release writes "Azərbaycan ilə Türkiyə", "şüarı ilə").
"""

from __future__ import annotations

from typing import Any

import pytest

from pressdraft.language import Name, editorial, inflect

from ._helpers import Row, expand

PLACES_AND_PEOPLE: list[Row] = [
    # A1 Bakıda (novator.az; AZ press); A2 buffers
    ("Bakı", {}, ("Bakıda", "Bakıdan", "Bakıya", "Bakının", "Bakını", "Bakı ilə")),
    # A1 İstanbulda (novator.az); İstanbula (brief)
    ("İstanbul", {}, ("İstanbulda", "İstanbuldan", "İstanbula", "İstanbulun", "İstanbulu", "İstanbul ilə")),
    # A1 Türkiyənin (novator.az); Türkiyədə (brief)
    ("Türkiyə", {}, ("Türkiyədə", "Türkiyədən", "Türkiyəyə", "Türkiyənin", "Türkiyəni", "Türkiyə ilə")),
    # A1 Xankəndiyə (novator.az)
    ("Xankəndi", {}, ("Xankəndidə", "Xankəndidən", "Xankəndiyə", "Xankəndinin", "Xankəndini", "Xankəndi ilə")),
    # A3 Parisdə, not *Paristə (AZ orthography)
    ("Paris", {}, ("Parisdə", "Parisdən", "Parisə", "Parisin", "Parisi", "Paris ilə")),
    # A3 Sumqayıtda
    ("Sumqayıt", {}, ("Sumqayıtda", "Sumqayıtdan", "Sumqayıta", "Sumqayıtın", "Sumqayıtı", "Sumqayıt ilə")),
    # A3 Daşkənddə
    ("Daşkənd", {}, ("Daşkənddə", "Daşkənddən", "Daşkəndə", "Daşkəndin", "Daşkəndi", "Daşkənd ilə")),
    # A3 Bağdadda attested (1lurer.am)
    ("Bağdad", {}, ("Bağdadda", "Bağdaddan", "Bağdada", "Bağdadın", "Bağdadı", "Bağdad ilə")),
    # A4 İraqa, İraqın attested (1lurer.am): no k/q alternation in foreign names
    ("İraq", {}, ("İraqda", "İraqdan", "İraqa", "İraqın", "İraqı", "İraq ilə")),
    # A2 Şuşaya, Şuşanın (attested)
    ("Şuşa", {}, ("Şuşada", "Şuşadan", "Şuşaya", "Şuşanın", "Şuşanı", "Şuşa ilə")),
    # A2 Qubadlının (attested)
    ("Qubadlı", {}, ("Qubadlıda", "Qubadlıdan", "Qubadlıya", "Qubadlının", "Qubadlını", "Qubadlı ilə")),
    # A2 Altunun (attested)
    ("Altun", {}, ("Altunda", "Altundan", "Altuna", "Altunun", "Altunu", "Altun ilə")),
    # reference release: Hikmət Hacıyevin (metbuat.az)
    ("Hacıyev", {}, ("Hacıyevdə", "Hacıyevdən", "Hacıyevə", "Hacıyevin", "Hacıyevi", "Hacıyev ilə")),
    ("Hikmət Hacıyev", {}, ("", "", "Hikmət Hacıyevə", "Hikmət Hacıyevin", "Hikmət Hacıyevi", "")),
    # A2 front harmony with ə (§8 İlham Əliyev)
    ("Əliyev", {}, ("Əliyevdə", "Əliyevdən", "Əliyevə", "Əliyevin", "Əliyevi", "Əliyev ilə")),
    ("Fahrettin Altun", {}, ("", "", "Fahrettin Altuna", "Fahrettin Altunun", "", "")),
    # A2 (kamilinfo.net): back vowel a, buffers after a vowel
    ("Ankara", {}, ("Ankarada", "Ankaradan", "Ankaraya", "Ankaranın", "Ankaranı", "Ankara ilə")),
    # A2; ğ is voiced, A3 d anyway
    ("Qarabağ", {}, ("Qarabağda", "Qarabağdan", "Qarabağa", "Qarabağın", "Qarabağı", "Qarabağ ilə")),
    # A2 front harmony after ə
    ("Gəncə", {}, ("Gəncədə", "Gəncədən", "Gəncəyə", "Gəncənin", "Gəncəni", "Gəncə ilə")),
    ("Naxçıvan", {}, ("Naxçıvanda", "Naxçıvandan", "Naxçıvana", "Naxçıvanın", "Naxçıvanı", "Naxçıvan ilə")),
    # A2 after i (front unrounded)
    ("Şəki", {}, ("Şəkidə", "Şəkidən", "Şəkiyə", "Şəkinin", "Şəkini", "Şəki ilə")),
    ("Tbilisi", {}, ("Tbilisidə", "Tbilisidən", "Tbilisiyə", "Tbilisinin", "Tbilisini", "")),
    # A2 rounded: ö/ü → ün, u/o → un
    ("Göygöl", {}, ("Göygöldə", "Göygöldən", "Göygölə", "Göygölün", "Göygölü", "")),
    ("Tovuz", {}, ("Tovuzda", "Tovuzdan", "Tovuza", "Tovuzun", "Tovuzu", "")),
    # A3 locative d after a voiceless consonant (k): Lerikdə; A4 no alternation in a name
    ("Lerik", {}, ("Lerikdə", "Lerikdən", "Lerikə", "Lerikin", "Leriki", "")),
    ("Kəlbəcər", {}, ("Kəlbəcərdə", "", "Kəlbəcərə", "Kəlbəcərin", "", "")),
    ("Laçın", {}, ("Laçında", "", "Laçına", "Laçının", "", "")),
    ("Moskva", {}, ("Moskvada", "", "Moskvaya", "Moskvanın", "", "")),
    # A9: suffix outside the closing quote (language.az: “Xalq qəzeti”nin); “Report”un attested
    ("“Xalq qəzeti”", {}, ("", "", "", "“Xalq qəzeti”nin", "", "")),
    ("“Report”", {}, ("", "", "", "“Report”un", "", "")),
    ("“Twitter”", {}, ("“Twitter”də", "", "", "", "", "")),
]

ABBREVIATIONS_AND_NUMERALS: list[Row] = [
    # A5 AMEA-dan (interpress.az)
    ("AMEA", {}, ("AMEA-da", "AMEA-dan", "AMEA-ya", "AMEA-nın", "AMEA-nı", "AMEA ilə")),
    # A5 MDB-nin (interpress.az)
    ("MDB", {}, ("MDB-də", "MDB-dən", "MDB-yə", "MDB-nin", "MDB-ni", "MDB ilə")),
    # A5 UNESKO-nun (interpress.az)
    ("UNESKO", {}, ("UNESKO-da", "UNESKO-dan", "UNESKO-ya", "UNESKO-nun", "UNESKO-nu", "")),
    # A5 İSESKO-da (interpress.az)
    ("İSESKO", {}, ("İSESKO-da", "İSESKO-dan", "İSESKO-ya", "İSESKO-nun", "", "")),
    # A5 BDU-ya (interpress.az)
    ("BDU", {}, ("BDU-da", "BDU-dan", "BDU-ya", "BDU-nun", "BDU-nu", "")),
    # A6 ABŞ-ın, ABŞ-a [abış] (metbuat.az; muhaz.org)
    ("ABŞ", {}, ("ABŞ-da", "ABŞ-dan", "ABŞ-a", "ABŞ-ın", "ABŞ-ı", "ABŞ ilə")),
    # A6 ATƏT-in
    ("ATƏT", {}, ("ATƏT-də", "ATƏT-dən", "ATƏT-ə", "ATƏT-in", "ATƏT-i", "")),
    # A6 AŞPA-nı
    ("AŞPA", {}, ("AŞPA-da", "AŞPA-dan", "AŞPA-ya", "AŞPA-nın", "AŞPA-nı", "")),
    # A6 BMT-nin; §0 BMT-yə
    ("BMT", {}, ("BMT-də", "BMT-dən", "BMT-yə", "BMT-nin", "BMT-ni", "BMT ilə")),
    # A6 Aİ-yə (all vowels: letter names)
    ("Aİ", {}, ("Aİ-də", "Aİ-dən", "Aİ-yə", "Aİ-nin", "Aİ-ni", "")),
    # §0 NATO-nun
    ("NATO", {}, ("NATO-da", "NATO-dan", "NATO-ya", "NATO-nun", "NATO-nu", "NATO ilə")),
    # A6 5.1.1: DTX [De-Te-Xe] (twojaalfa.pl)
    ("DTX", {}, ("DTX-də", "", "DTX-yə", "DTX-nin", "", "")),
    # A6 default for an unknown all-capital string: letter names (consonant + e)
    ("QRST", {}, ("QRST-də", "", "QRST-yə", "QRST-nin", "", "")),
    # A7 21-dən, 4-də, 6-nın, 5-i, 18-i, 2-yə (language.az)
    ("21", {}, ("21-də", "21-dən", "21-ə", "21-in", "21-i", "21 ilə")),
    ("4", {}, ("4-də", "4-dən", "4-ə", "4-ün", "4-ü", "")),
    # A7 numerals by how they are read; a full hour without its minutes: 12:00 "on iki" -> 12:00-də
    ("12:00", {}, ("12:00-də", "12:00-dən", "12:00-yə", "", "", "")),
    ("18:30", {}, ("18:30-da", "18:30-dan", "18:30-a", "", "", "")),
    ("6", {}, ("6-da", "6-dan", "6-ya", "6-nın", "6-nı", "")),
    ("5", {}, ("5-də", "5-dən", "5-ə", "5-in", "5-i", "")),
    ("18", {}, ("", "", "", "", "18-i", "")),
    ("2", {}, ("2-də", "", "2-yə", "2-nin", "2-ni", "")),
    # A7 oktyabrın 23-də (qaziler.az), noyabrın 9-u (carcitv.az), dekabrın 10-da (1905.az),
    # martın 15-də, aprelin 9-da (moderator.az)
    ("23", {}, ("23-də", "", "", "", "", "")),
    ("9", {}, ("9-da", "", "", "", "9-u", "")),
    ("10", {}, ("10-da", "10-dan", "10-a", "10-un", "10-u", "")),
    ("15", {}, ("15-də", "", "", "", "", "")),
    ("40", {}, ("40-da", "", "40-a", "40-ın", "", "")),
    ("100", {}, ("100-də", "", "100-ə", "100-ün", "", "")),
    ("2021", {}, ("2021-də", "2021-dən", "2021-ə", "2021-in", "2021-i", "")),
    # A7 month names in date style: oktyabrın, noyabrın, dekabrın, martın, aprelin
    ("oktyabr", {}, ("", "", "", "oktyabrın", "", "")),
    ("noyabr", {}, ("", "", "", "noyabrın", "", "")),
    ("dekabr", {}, ("", "", "", "dekabrın", "", "")),
    ("mart", {}, ("", "", "", "martın", "", "")),
    ("aprel", {}, ("", "", "", "aprelin", "", "")),
]

POSSESSIVES: list[Row] = [
    # reference release (AZERTAC via 1news.az): Türkiyə-Azərbaycan Ortaq Media Platformasının
    (
        "Türkiyə-Azərbaycan Ortaq Media Platforması",
        {},
        ("", "", "", "Türkiyə-Azərbaycan Ortaq Media Platformasının", "", ""),
    ),
    # reference release: Kommunikasiya İdarəsinin; A10 Azərbaycan Respublikasının (legalacts.az)
    (
        "Kommunikasiya İdarəsi",
        {},
        (
            "Kommunikasiya İdarəsində",
            "",
            "Kommunikasiya İdarəsinə",
            "Kommunikasiya İdarəsinin",
            "Kommunikasiya İdarəsini",
            "Kommunikasiya İdarəsi ilə",
        ),
    ),
    (
        "Azərbaycan Respublikası",
        {},
        (
            "Azərbaycan Respublikasında",
            "Azərbaycan Respublikasından",
            "Azərbaycan Respublikasına",
            "Azərbaycan Respublikasının",
            "Azərbaycan Respublikasını",
            "",
        ),
    ),
    # A10 (legalacts.az, Orthography Norms 8.6): official names are possessive compounds
    (
        "Bakı Dövlət Universiteti",
        {},
        ("Bakı Dövlət Universitetində", "", "Bakı Dövlət Universitetinə", "Bakı Dövlət Universitetinin", "", ""),
    ),
    (
        "Heydər Əliyev Fondu",
        {},
        ("Heydər Əliyev Fondunda", "", "Heydər Əliyev Fonduna", "Heydər Əliyev Fondunun", "", ""),
    ),
    # A2: a name ending in a consonant is never possessive (Milli Məclisdə)
    ("Milli Məclis", {}, ("Milli Məclisdə", "", "Milli Məclisə", "Milli Məclisin", "", "")),
    # A10 Xarici İşlər Nazirliyi (legalacts.az): possessive compound, pronominal n
    (
        "Xarici İşlər Nazirliyi",
        {},
        ("Xarici İşlər Nazirliyində", "", "Xarici İşlər Nazirliyinə", "Xarici İşlər Nazirliyinin", "", ""),
    ),
]


# Each table by the rule its rows show.
RULES = {
    "names take suffixes directly with no apostrophe": PLACES_AND_PEOPLE,
    "abbreviations and numerals take a hyphen and their spoken harmony": ABBREVIATIONS_AND_NUMERALS,
    "possessive compounds take a pronominal n": POSSESSIVES,
}


@pytest.mark.parametrize(("text", "options", "case", "expected"), list(expand(RULES)))
def test_azerbaijani_case_suffixes_follow_each_rule(
    text: str, options: dict[str, Any], case: str, expected: str
) -> None:
    assert inflect(text, case, "az", **options) == expected


def test_the_azerbaijani_tables_cover_at_least_forty_names() -> None:
    rows = PLACES_AND_PEOPLE + ABBREVIATIONS_AND_NUMERALS + POSSESSIVES
    assert len({text for text, _, _ in rows}) >= 40


def test_azerbaijani_text_never_contains_an_apostrophe() -> None:
    # A1: the apostrophe was abolished in 2003 (novator.az)
    for text, options, _ in PLACES_AND_PEOPLE + ABBREVIATIONS_AND_NUMERALS + POSSESSIVES:
        for case in ("locative", "ablative", "dative", "genitive", "accusative"):
            assert "'" not in inflect(text, case, "az", **options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # language.az: -la/-lə may be joined after a consonant ...
        ("Paris", "Parislə"),
        ("Əliyev", "Əliyevlə"),
        ("Altun", "Altunla"),
        # ... with the hyphen of A5/A7 after abbreviations and numerals
        ("NATO", "NATO ilə"),
        ("ABŞ", "ABŞ-la"),
        ("2021", "2021-lə"),
        # ... but after a vowel ilə stays a separate word
        ("Bakı", "Bakı ilə"),
    ],
)
def test_azerbaijani_instrumental_can_be_joined_after_consonants_when_the_house_style_asks(
    restore_settings: None, text: str, expected: str
) -> None:
    editorial.AZ_INSTRUMENTAL_SUFFIX = True
    assert inflect(text, "instrumental", "az") == expected


def test_azerbaijani_directory_reading_overrides_the_letter_default() -> None:
    # A6: MSK read [emseka] in the textbook tradition (muhaz.org), set as a reading
    assert inflect(Name("MSK", reading="emseka"), "genitive", "az") == "MSK-nın"
    assert inflect(Name("MSK", reading="letters"), "genitive", "az") == "MSK-nin"
