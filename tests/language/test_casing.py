# ruff: noqa: E501  (tables read best one row per line)
"""Casing with the Turkic dotted and dotless i (conventions.md §3 table)."""

from __future__ import annotations

import pytest

from pressdraft.language import capitalize, lower, title, upper

COMBINING_DOT = "\u0307"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # §3 table: istanbul → İSTANBUL (not ISTANBUL)
        ("tr", "istanbul", "İSTANBUL"),
        # §3 datelines: BAKI with a dotless I; XANKƏNDİ; ŞUŞA; IĞDIR
        ("az", "Bakı", "BAKI"),
        ("az", "Xankəndi", "XANKƏNDİ"),
        ("az", "Şuşa", "ŞUŞA"),
        ("tr", "Iğdır", "IĞDIR"),
        ("tr", "Ankara", "ANKARA"),
        # §3 table: iletişim başkanlığı → İLETİŞİM BAŞKANLIĞI
        ("tr", "iletişim başkanlığı", "İLETİŞİM BAŞKANLIĞI"),
        ("az", "ilham əliyev", "İLHAM ƏLİYEV"),
        # en keeps the plain Unicode mapping
        ("en", "istanbul", "ISTANBUL"),
    ],
)
def test_upper_maps_dotted_i_to_dotted_capital_in_turkish_and_azerbaijani(lang: str, text: str, expected: str) -> None:
    assert upper(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # §3 table: İSTANBUL → istanbul (no U+0307), IĞDIR → ığdır, BAKI → bakı
        ("tr", "İSTANBUL", "istanbul"),
        ("tr", "IĞDIR", "ığdır"),
        ("az", "BAKI", "bakı"),
        # §3 table: İLHAM ƏLİYEV → ilham əliyev with no stray dot
        ("az", "İLHAM ƏLİYEV", "ilham əliyev"),
        ("az", "XANKƏNDİ", "xankəndi"),
        ("en", "ISTANBUL", "istanbul"),
    ],
)
def test_lower_maps_dotless_capital_to_dotless_i_and_never_leaves_a_combining_dot(
    lang: str, text: str, expected: str
) -> None:
    result = lower(text, lang)
    assert result == expected
    assert COMBINING_DOT not in result


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # §3 table: istanbul → İstanbul, IĞDIR → Iğdır, BAKI → Bakı, İLHAM ƏLİYEV → İlham Əliyev
        ("tr", "istanbul", "İstanbul"),
        ("tr", "IĞDIR", "Iğdır"),
        ("az", "BAKI", "Bakı"),
        ("az", "İLHAM ƏLİYEV", "İlham Əliyev"),
        ("tr", "iletişim başkanlığı", "İletişim Başkanlığı"),
        # brief: hyphenated parts each titled; no capital after an apostrophe
        ("tr", "türkiye-azerbaycan", "Türkiye-Azerbaycan"),
        ("tr", "istanbul'da", "İstanbul'da"),
        ("tr", "İSTANBUL’DA", "İstanbul’da"),
        ("az", "türkiyə-azərbaycan ortaq media platforması", "Türkiyə-Azərbaycan Ortaq Media Platforması"),
        ("en", "joint media platform", "Joint Media Platform"),
        ("en", "o'neill's report", "O'neill's Report"),
    ],
)
def test_title_capitalises_each_word_and_hyphenated_part_but_not_after_an_apostrophe(
    lang: str, text: str, expected: str
) -> None:
    assert title(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # brief: first letter upper, the rest unchanged (ABD, NATO stay capitals)
        ("tr", "istanbul'da ABD ve NATO", "İstanbul'da ABD ve NATO"),
        ("az", "ilk iclas İstanbulda", "İlk iclas İstanbulda"),
        ("tr", "ıspanak", "Ispanak"),
        ("en", "the NATO summit", "The NATO summit"),
        # the first *letter*, after an opening quotation mark
        ("tr", "“iki devlet, tek millet”", "“İki devlet, tek millet”"),
        ("tr", "", ""),
    ],
)
def test_capitalize_upper_cases_only_the_first_letter_and_keeps_the_rest(lang: str, text: str, expected: str) -> None:
    assert capitalize(text, lang) == expected


def test_decomposed_input_is_normalised_to_nfc_before_casing() -> None:
    # §3: a decomposed I + U+0307 becomes İ (U+0130)
    assert lower("I\u0307STANBUL", "tr") == "istanbul"
    assert upper("i\u0307", "tr") == "İ"


@pytest.mark.parametrize("func", [upper, lower, title, capitalize])
def test_casing_refuses_an_unknown_language(func) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown language"):
        func("x", "tk")
