"""Numbers: grouping, words, ordinals and counts (conventions.md §4.4, §5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressdraft.language import count, format_number, ordinal, spell_number

from ._helpers import norm


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # §4.4 (Babel/CLDR): tr and az 1.234.567,891; en 1,234,567.891
        (1234567, "tr", "1.234.567"),
        (1234567, "az", "1.234.567"),
        (1234567, "en", "1,234,567"),
        (Decimal("1234567.891"), "tr", "1.234.567,891"),
        (Decimal("1234567.891"), "az", "1.234.567,891"),
        (Decimal("1234567.891"), "en", "1,234,567.891"),
        (2021, "tr", "2.021"),
    ],
)
def test_format_number_groups_digits_the_cldr_way(n: object, lang: str, expected: str) -> None:
    assert format_number(n, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # §5 / §0.5: TDK writes Turkish numbers in separate words (num2words: "yirmibir")
        (21, "tr", "yirmi bir"),
        (2021, "tr", "iki bin yirmi bir"),
        (1000, "tr", "bin"),
        (100, "tr", "yüz"),
        (1985, "tr", "bin dokuz yüz seksen beş"),
        (1_000_000, "tr", "bir milyon"),
        (1_234_567, "tr", "bir milyon iki yüz otuz dört bin beş yüz altmış yedi"),
        (0, "tr", "sıfır"),
        (-5, "tr", "eksi beş"),
        # §5: num2words az and en cardinals are right
        (21, "az", "iyirmi bir"),
        (2021, "az", "iki min iyirmi bir"),
        (100, "az", "yüz"),
        (21, "en", "twenty-one"),
        (6, "en", "six"),
    ],
)
def test_spell_number_writes_cardinals_in_words(n: int, lang: str, expected: str) -> None:
    assert spell_number(n, lang) == expected


# §5 "ordinal in digits" lists, every one of them
TR_DIGIT_ORDINALS = {
    1: "1'inci", 2: "2'nci", 3: "3'üncü", 6: "6'ncı", 7: "7'nci", 10: "10'uncu",
    20: "20'nci", 40: "40'ıncı", 50: "50'nci", 100: "100'üncü", 2021: "2021'inci",
    # R13 (eokultv): 12'nci; dört → dördüncü
    12: "12'nci", 4: "4'üncü", 5: "5'inci", 9: "9'uncu", 1000: "1000'inci",
}  # fmt: skip
AZ_DIGIT_ORDINALS = {
    1: "1-ci", 2: "2-ci", 3: "3-cü", 4: "4-cü", 5: "5-ci", 6: "6-cı", 7: "7-ci", 8: "8-ci",
    9: "9-cu", 10: "10-cu", 20: "20-ci", 30: "30-cu", 40: "40-cı", 50: "50-ci", 60: "60-cı",
    70: "70-ci", 80: "80-ci", 90: "90-cı", 100: "100-cü", 1000: "1000-ci", 2019: "2019-cu",
    2021: "2021-ci", 2023: "2023-cü", 2024: "2024-cü", 2025: "2025-ci", 2026: "2026-cı",
    16: "16-cı",  # A8 (language.az)
}  # fmt: skip
EN_DIGIT_ORDINALS = {
    1: "1st", 2: "2nd", 3: "3rd", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 112: "112th",
}  # fmt: skip


@pytest.mark.parametrize(("n", "expected"), sorted(TR_DIGIT_ORDINALS.items()))
def test_turkish_digit_ordinals_take_an_apostrophe_and_the_harmonised_suffix(n: int, expected: str) -> None:
    # §5 and R13 (eokultv, avrupa-postasi.com); num2words' "1inci" is wrong
    assert norm(ordinal(n, "tr", "digits")) == expected


@pytest.mark.parametrize(("n", "expected"), sorted(AZ_DIGIT_ORDINALS.items()))
def test_azerbaijani_digit_ordinals_take_a_hyphen_and_ci_by_harmony(n: int, expected: str) -> None:
    # §5 verified list; A8 (language.az, azgrammar.top)
    assert ordinal(n, "az", "digits") == expected


@pytest.mark.parametrize(("n", "expected"), sorted(EN_DIGIT_ORDINALS.items()))
def test_english_digit_ordinals_use_st_nd_rd_th(n: int, expected: str) -> None:
    # §5 1st, 2nd, 3rd, 21st; 11th–13th are the exceptions
    assert ordinal(n, "en", "digits") == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # §5: num2words tr words are right except for the missing spaces
        (1, "tr", "birinci"),
        (4, "tr", "dördüncü"),
        (6, "tr", "altıncı"),
        (11, "tr", "on birinci"),
        (2021, "tr", "iki bin yirmi birinci"),
        (100, "tr", "yüzüncü"),
        (1, "az", "birinci"),
        (2021, "az", "iki min iyirmi birinci"),
        (1, "en", "first"),
        (9, "en", "ninth"),
        (21, "en", "21st"),  # AP "numerals": figures from 10th
    ],
)
def test_word_ordinals(n: int, lang: str, expected: str) -> None:
    assert ordinal(n, lang) == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # §5 / R13: Turkish writes "1." as an ordinal; az and en have no dotted form
        (1, "tr", "1."),
        (21, "tr", "21."),
        (1, "az", "1-ci"),
        (1, "en", "1st"),
    ],
)
def test_dotted_ordinals_are_turkish_and_fall_back_to_digits_elsewhere(n: int, lang: str, expected: str) -> None:
    assert ordinal(n, lang, "dotted") == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # §5 attested: "ilk toplantı" (tr), "ilk iclas" (az), "first meeting" (en)
        (1, "tr", "ilk"),
        (1, "az", "ilk"),
        (1, "en", "first"),
        (2, "tr", "ikinci"),
        (2, "az", "ikinci"),
        (2, "en", "second"),
    ],
)
def test_idiomatic_ordinal_says_ilk_or_first_for_one(n: int, lang: str, expected: str) -> None:
    assert ordinal(n, lang, "idiom") == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        # AP Stylebook "numerals": spell out one through nine, figures from 10; the reference
        # release: "altı komite" / "Altı komitə" / "six committees"
        (6, "tr", "altı"),
        (6, "az", "altı"),
        (6, "en", "six"),
        (0, "en", "zero"),
        (9, "tr", "dokuz"),
        (10, "tr", "10"),
        (12, "en", "12"),
        (1500, "tr", "1.500"),
        (1500, "en", "1,500"),
    ],
)
def test_counts_are_words_below_ten_and_digits_from_ten(n: int, lang: str, expected: str) -> None:
    assert count(n, lang) == expected


def test_unknown_ordinal_style_and_non_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="ordinal style"):
        ordinal(1, "tr", "roman")
    with pytest.raises(TypeError):
        spell_number("bir", "tr")  # type: ignore[arg-type]
