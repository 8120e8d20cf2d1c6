"""The inflect API: English, explicit forms, overrides, errors and the apostrophe setting."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.language import CASES, LANGS, Name, editorial, inflect

from ._helpers import norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP Stylebook, possessives: 's for singular names ...
        ("Altun", "Altun's"),
        ("NATO", "NATO's"),
        ("Baku", "Baku's"),
        # ... the apostrophe alone after a final s (brief: Paris')
        ("Paris", "Paris'"),
        ("Brussels", "Brussels'"),
    ],
)
def test_english_genitive_adds_apostrophe_s_or_a_bare_apostrophe_after_s(text: str, expected: str) -> None:
    assert inflect(text, "genitive", "en") == expected


@pytest.mark.parametrize("case", [c for c in CASES if c != "genitive"])
def test_english_names_are_unchanged_in_every_other_case(case: str) -> None:
    # English marks these cases with prepositions, which the template writes
    assert inflect("Istanbul", case, "en") == "Istanbul"


def test_explicit_forms_win_over_every_rule() -> None:
    name = Name("Bordeaux", forms={"locative": "Bordeaux şehrinde"})
    assert inflect(name, "locative", "tr") == "Bordeaux şehrinde"
    # the other cases still follow the rules (lexicon reading bordo)
    assert norm(inflect(name, "accusative", "tr")) == "Bordeaux'yu"
    assert inflect("X", "genitive", "en", forms={"genitive": "the X's"}) == "the X's"


def test_keyword_arguments_override_the_name_attributes() -> None:
    office = Name("İletişim Başkanlığı", institution=True)
    assert inflect(office, "dative", "tr") == "İletişim Başkanlığına"
    assert norm(inflect(office, "dative", "tr", institution=False)) == "İletişim Başkanlığı'na"
    assert norm(inflect(Name("Lille", reading="lil"), "dative", "tr", reading="lile")) == ("Lille'ye")
    assert norm(inflect("Abu Dabi", "locative", "tr", possessive=True)) == "Abu Dabi'nde"


def test_a_name_prints_as_its_text() -> None:
    assert str(Name("Bakü")) == "Bakü"


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_case_is_a_value_error_naming_the_cases(lang: str) -> None:
    with pytest.raises(ValueError, match="unknown case 'lokatif'.*locative"):
        inflect("Ankara", "lokatif", lang)


def test_an_unknown_language_is_a_value_error_naming_the_languages() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'.*tr, az, en"):
        inflect("Ankara", "locative", "de")


def test_a_date_object_is_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match="format_date"):
        inflect(dt.date(2021, 10, 23), "locative", "tr")  # type: ignore[arg-type]


def test_integers_are_inflected_as_numerals() -> None:
    # R13 (tr) and A7 (az)
    assert norm(inflect(2021, "locative", "tr")) == "2021'de"
    assert inflect(2021, "locative", "az") == "2021-də"


def test_the_turkish_apostrophe_can_be_switched_to_the_typographic_one(
    restore_settings: None,
) -> None:
    # conventions §1: TDK prints ’ (U+2019); press sites use both
    editorial.APOSTROPHE = "’"
    assert inflect("Ankara", "locative", "tr") == "Ankara’da"
    assert inflect("2021", "locative", "tr") == "2021’de"
    assert inflect("Altun", "genitive", "en") == "Altun’s"


def test_apostrophes_inside_a_turkish_name_are_normalised_to_the_setting() -> None:
    # R11: read [kot divuar], set as a directory reading
    ivory_coast = Name("Côte d’Ivoire", reading="kot divuar")
    assert inflect(ivory_coast, "locative", "tr") == "Côte d'Ivoire'da"


def test_surrounding_whitespace_and_decomposed_letters_are_normalised() -> None:
    # §3: normalise with NFC (I + U+0307 → İ)
    assert norm(inflect("  I\u0307stanbul ", "locative", "tr")) == "İstanbul'da"
