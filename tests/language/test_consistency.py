"""Cross-language consistency warnings (issue 6; false positives removed in issue 12, item 5).

Rules and their sources: conventions.md §1 (TDK: apostrophe before case endings on proper names,
none on institution names, R1/R2/R12), §2 (Azerbaijani: endings attached directly, A1/A2),
§4.2 (TDK writes times 17.30; CLDR 17:30; AP 5:30 p.m.), §4.4 (grouping and decimals), docs/checks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pressdraft.language import ConsistencyWarning, KnownName, consistency_warnings

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("tr", "az", "en")


def _known(*forms: dict[str, str], person: bool = False) -> KnownName:
    return KnownName({lang: tuple(f[lang] for f in forms if f.get(lang)) for lang in LANGS}, person)


NAMES = [
    _known({"tr": "Bakü", "az": "Bakı", "en": "Baku"}),
    _known({"tr": "İstanbul", "az": "İstanbul", "en": "Istanbul"}),
    _known({"tr": "Hikmet Hacıyev", "az": "Hikmət Hacıyev", "en": "Hikmet Hajiyev"}, person=True),
    _known({"tr": "Fahrettin Altun", "az": "Fahrettin Altun", "en": "Fahrettin Altun"}, person=True),
    _known({"tr": "İlham Aliyev", "az": "İlham Əliyev", "en": "Ilham Aliyev"}, person=True),
    _known({"tr": "Recep Tayyip Erdoğan", "az": "Rəcəb Tayyib Ərdoğan", "en": "Recep Tayyip Erdoğan"}, person=True),
    _known(
        {
            "tr": "Cumhurbaşkanlığı İletişim Başkanlığı",
            "az": "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi",
            "en": "Turkish Presidency's Directorate of Communications",
        },
        {"tr": "İletişim Başkanlığı", "az": "Kommunikasiya İdarəsi", "en": "Directorate of Communications"},
    ),
    _known(
        {
            "tr": "Azerbaycan Medya Geliştirme Ajansı",
            "az": "Azərbaycan Respublikasının Medianın İnkişafı Agentliyi",
            "en": "Azerbaijan's Media Development Agency",
        },
        {"tr": "Medya Geliştirme Ajansı", "az": "Medianın İnkişafı Agentliyi", "en": "Media Development Agency"},
    ),
    _known(
        {"tr": "Dışişleri Bakanlığı", "az": "Xarici İşlər Nazirliyi", "en": "Ministry of Foreign Affairs"},
    ),
    _known({"tr": "Türkiye Cumhuriyeti", "az": "Türkiyə Respublikası", "en": "Republic of Türkiye"}),
    _known({"tr": "Türkiye", "az": "Türkiyə", "en": "Türkiye"}),
    _known({"tr": "Azerbaycan", "az": "Azərbaycan", "en": "Azerbaijan"}),
]


def _example_texts() -> dict[str, dict[str, str]]:
    draft = yaml.safe_load((ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml").read_text("utf-8"))
    fields = draft["fields"]
    texts = {f"fields.{k}": fields[k] for k in ("platform", "theme", "attendees", "background")}
    for i, item in enumerate(fields["quotes"]):
        texts[f"fields.quotes[{i}].text"] = item["text"]
    for i, item in enumerate(fields["committees"]):
        texts[f"fields.committees[{i}]"] = item
    return texts


def _directory_names() -> list[KnownName]:
    path = ROOT / "src" / "pressdraft" / "data" / "directory.yaml"
    directory = yaml.safe_load(path.read_text("utf-8"))
    names = [_known(p["name"], person=True) for p in directory["people"].values()]
    names += [_known(o["name"], o["short"]) for o in directory["organizations"].values()]
    names += [_known(p) for p in directory["places"].values()]
    return names


def test_the_example_draft_is_consistent_across_its_three_languages() -> None:
    # "10 Aralık 2020'de" / "2020-ci il dekabrın 10-da" / "December 10, 2020" agree
    assert consistency_warnings(_example_texts(), _directory_names(), LANGS) == []


def test_a_different_year_in_the_azerbaijani_text_is_reported_both_ways() -> None:
    texts = _example_texts()
    background = dict(texts["fields.background"])
    background["az"] = background["az"].replace("2020-ci il", "2019-cu il")
    texts["fields.background"] = background
    warnings = consistency_warnings(texts, _directory_names(), LANGS)
    assert [(w.field, w.kind, w.value, w.langs) for w in warnings] == [
        ("fields.background", "number", "2019", ("tr", "en")),
        ("fields.background", "number", "2020", ("az",)),
    ]
    # the message leaves the field to whoever tells it (the CLI and the app say it once, first)
    assert warnings[1].message == "the number 2020 appears in the tr, en text but not in the az text"


# (field texts, expected (kind, value, missing langs) or [] for none); each row names its point
ROWS = [
    # grouping differs by language (§4.4): 1.000 (tr/az) == 1,000 (en); decimals too
    ({"tr": "1.000 kişi", "az": "1.000 nəfər", "en": "1,000 people"}, []),
    ({"tr": "%2,5 arttı", "az": "2,5 faiz artıb", "en": "rose 2.5%"}, []),
    ({"tr": "1.000 kişi", "az": "1.000 nəfər", "en": "1,500 people"},
     [("number", "1000", ("en",)), ("number", "1500", ("tr", "az"))]),
    # suffixed numerals and ordinals: 2021'de, 2021-ci, 2021; 23-də, 23'ünde
    ({"tr": "2021'de", "az": "2021-ci ildə", "en": "in 2021"}, []),
    # small numbers may be spelled out in another language (count(): words below 10)
    ({"tr": "6 komite", "az": "altı komitə", "en": "six committees"}, []),
    ({"tr": "ilk toplantı", "az": "1-ci iclas", "en": "first meeting"}, []),
    # times: 18.00 (TDK, tr), 18:00 (az), 6:00 p.m. (en)
    ({"tr": "saat 18.00'de", "az": "saat 18:00-da", "en": "at 6:00 p.m."}, []),
    ({"tr": "saat 18.00'de", "az": "saat 18:00-da", "en": "at 5:00 p.m."},
     [("number", "17:00", ("tr", "az")), ("number", "18:00", ("en",))]),
    # months of dates, detected per language with Babel names, inflected forms included
    ({"tr": "23 Ekim'de", "az": "oktyabrın 23-də", "en": "on October 23"}, []),
    ({"tr": "23 Ekim'de", "az": "noyabrın 23-də", "en": "on October 23"},
     [("date", "November", ("tr", "en")), ("date", "October", ("az",))]),
    ({"tr": "Ekim ayında", "az": "oktyabr ayında", "en": "in October"}, []),
    # en AP abbreviation with a day counts as the month
    ({"tr": "23 Ekim 2021", "az": "23 oktyabr 2021", "en": "Oct. 23, 2021"}, []),
    # a person's name "Kasım" is not the month November (tr needs a number next to it)
    ({"tr": "Kasım Tokayev açıkladı", "az": "Kasım Tokayev açıqlayıb", "en": "Tokayev said"}, []),
    # directory names: inflected (Bakü'de, Bakıda) and surname-only mentions (Hacıyev'in)
    ({"tr": "Bakü'de imzalandı", "az": "Bakıda imzalanıb", "en": "signed in Baku"}, []),
    ({"tr": "Hacıyev'in sözleri", "az": "H.Hacıyevin sözləri", "en": "Hajiyev's words"}, []),
    ({"tr": "Bakü'de imzalandı", "az": "İstanbulda imzalanıb", "en": "signed in Baku"},
     [("name", "İstanbul", ("tr", "en")), ("name", "Bakü", ("az",))]),
    # a common noun is not a name's last word: "communications officials"
    ({"tr": "iletişim yetkilileri", "az": "kommunikasiya rəsmiləri",
      "en": "communications officials"}, []),
    ({"tr": "İletişim Başkanlığından yapılan açıklama",
      "az": "Kommunikasiya İdarəsinin açıqlaması",
      "en": "a statement by the Directorate of Communications"}, []),
    # a language without text for the field is not compared (gaps are reported elsewhere)
    ({"tr": "2020'de", "az": "", "en": "in 2020"}, []),
    # --- issue 12, item 5: false positives on correct releases --------------------------------
    # an organization is not named by its last word: "Anadolu Ajansı" is not the Media Development
    # Agency, "a news agency" neither, "Türkiye" not the Republic of Türkiye
    ({"tr": "Anadolu Ajansı'na konuştu", "az": "Anadolu agentliyinə danışıb", "en": "told Anadolu Agency"}, []),
    ({"tr": "haber ajansları", "az": "xəbər agentlikləri", "en": "the Agency and news agencies"}, []),
    ({"tr": "Türkiye'de", "az": "Türkiyədə", "en": "in Türkiye"}, []),
    # ... but is found whole, inflected: tr case endings without an apostrophe on an institution
    # (R2), az endings attached directly (A1), the short form as well as the full one
    ({"tr": "Medya Geliştirme Ajansının", "az": "Medianın İnkişafı Agentliyinin",
      "en": "the Media Development Agency's"}, []),
    ({"tr": "Medya Geliştirme Ajansının toplantısı", "az": "iclas", "en": "the meeting"},
     [("name", "Azerbaycan Medya Geliştirme Ajansı", ("az", "en"))]),
    # English copy often drops the diacritics of Turkic names: Aliyev's "Ilham" is "İlham", Erdogan
    ({"tr": "Cumhurbaşkanı Erdoğan", "az": "Prezident Ərdoğan", "en": "President Erdogan"}, []),
    # a country named by its people or language in another language: Türkiye / Turkish, Türk
    ({"tr": "Türkiye ile Azerbaycan", "az": "Türk və Azərbaycan xalqları", "en": "Turkish-Azerbaijani ties"}, []),
    # a later reference that shortens the name has not lost it: "the agency", "Agentliyin"
    ({"tr": "Medya Geliştirme Ajansının", "az": "Agentliyin", "en": "the agency's"}, []),
    # numbers with scale words (tr bin, az min, en thousand/billion) and dates in digits
    ({"tr": "3 bin kişi, 15 milyar dolar", "az": "3 min nəfər, 15 milyard dollar",
      "en": "3,000 people, $15 billion"}, []),
    ({"tr": "1,5 milyon", "az": "1,5 milyon", "en": "1.5 million"}, []),
    ({"tr": "09.12.2020 tarihli", "az": "09.12.2020 tarixli", "en": "dated December 9, 2020"}, []),
    ({"tr": "09.12.2020 tarihli", "az": "09.12.2020 tarixli", "en": "dated November 9, 2020"},
     [("date", "November", ("tr", "az")), ("number", "12", ("en",))]),
    # az possessives in place of the name's own (A2): İdarəmizin "of our Directorate", Nazirliyimizin
    ({"tr": "İletişim Başkanlığımızın", "az": "Kommunikasiya İdarəmizin", "en": "our Directorate of Communications'"},
     []),
    ({"tr": "Dışişleri Bakanlığımızın", "az": "Xarici İşlər Nazirliyimizin", "en": "our Ministry of Foreign Affairs"},
     []),
    ({"tr": "Türkiye Cumhuriyeti'nin", "az": "Türkiyə Respublikasının", "en": "of the Republic of Türkiye"}, []),
    # a Turkish İ in an English text does not hide a surname (it lower-cases to two characters)
    ({"tr": "İlham Aliyev ve Hacıyev", "az": "İlham Əliyev və H.Hacıyev", "en": "İlham Aliyev and Hajiyev"}, []),
    ({"tr": "Hacıyev'in sözleri", "az": "H.Hacıyevin sözləri", "en": "İstanbul: Hajiyev's words"},
     [("name", "Istanbul", ("tr", "az"))]),
    # times are times in every language: 17.30 (TDK) = 17:30 = 5:30 p.m.; an English 17.00 is no decimal
    ({"tr": "saat 17.30'da", "az": "saat 17:30-da", "en": "at 5:30 p.m."}, []),
    ({"tr": "saat 17.00'de", "az": "saat 17:00-da", "en": "at 17.00"}, []),
    ({"tr": "saat 17.00'de", "az": "saat 17:00-da", "en": "at 17:00"}, []),
    ({"tr": "saat 10'da", "az": "saat 10-da", "en": "at 10 a.m."}, []),
    # AP writes noon and midnight as words
    ({"tr": "saat 12.00'de", "az": "saat 12:00-da", "en": "at noon"}, []),
    ({"tr": "saat 17.30'da", "az": "saat 17:30-da", "en": "at 17.45"},
     [("number", "17:30", ("en",)), ("number", "17.45", ("tr", "az"))]),
    # an Azerbaijani word that starts like a month is no month ("mayor" is not "may")
    ({"tr": "Belediye başkanı 2 Mayıs'ta", "az": "Mer mayın 2-də", "en": "The mayor on May 2"}, []),
    ({"tr": "Belediye başkanı ve 2 kişi", "az": "Mayor 2 nəfər", "en": "The mayor and 2 people"}, []),
]  # fmt: skip


@pytest.mark.parametrize(("texts", "expected"), ROWS)
def test_numbers_months_and_names_must_appear_in_every_language_of_a_field(
    texts: dict[str, str], expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    warnings = consistency_warnings({"fields.x": texts}, NAMES, LANGS)
    got = sorted((w.kind, w.value, w.langs) for w in warnings)
    assert got == sorted(expected)
    assert all(isinstance(w, ConsistencyWarning) and w.field == "fields.x" for w in warnings)


def test_only_the_requested_languages_are_compared() -> None:
    texts = {"fields.x": {"tr": "2020'de", "az": "2019-cu ildə", "en": "in 2020"}}
    assert consistency_warnings(texts, NAMES, ("tr", "en")) == []


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        consistency_warnings({}, [], ("tr", "ru"))


def test_an_ap_whole_hour_matches_the_turkish_full_hour():
    # AP writes whole hours without minutes ("10 a.m."); TDK writes 10.00 (conventions §4.2, §7.4).
    texts = {"fields.when": {"tr": "Saat 10.00'da ve 18.00'de", "en": "at 10 a.m. and 6 p.m."}}
    assert consistency_warnings(texts, [], ["tr", "en"]) == []
    wrong = {"fields.when": {"tr": "Saat 10.00'da", "en": "at 11 a.m."}}
    assert {w.value for w in consistency_warnings(wrong, [], ["tr", "en"])} == {"10:00", "11:00"}
