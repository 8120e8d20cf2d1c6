"""Cross-language consistency warnings (issue item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pressdraft.language import ConsistencyWarning, consistency_warnings

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("tr", "az", "en")
NAMES = [
    {"tr": "Bakü", "az": "Bakı", "en": "Baku"},
    {"tr": "İstanbul", "az": "İstanbul", "en": "Istanbul"},
    {"tr": "Hikmet Hacıyev", "az": "Hikmət Hacıyev", "en": "Hikmet Hajiyev"},
    {"tr": "Fahrettin Altun", "az": "Fahrettin Altun", "en": "Fahrettin Altun"},
    {
        "tr": "Cumhurbaşkanlığı İletişim Başkanlığı",
        "az": "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi",
        "en": "Directorate of Communications",
    },
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


def _directory_names() -> list[dict[str, str]]:
    path = ROOT / "src" / "pressdraft" / "data" / "directory.yaml"
    directory = yaml.safe_load(path.read_text("utf-8"))
    names = [p["name"] for p in directory["people"].values()]
    names += [o["name"] for o in directory["organizations"].values()]
    names += [o["short"] for o in directory["organizations"].values()]
    names += list(directory["places"].values())
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
    assert warnings[1].message == (
        "fields.background: the number 2020 appears in the tr, en text but not in the az text"
    )


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
