"""Abbreviations the lexicon does not know are listed for `pressdraft check`."""

from __future__ import annotations

import pytest

from pressdraft.language import guessed_readings, inflect

from ._helpers import norm


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # R8/R9: NATO (word) and ABD, TBMM (letters) are in the lexicon; XYZ is not
        ("NATO, ABD ve TBMM ile XYZ görüştü.", "tr", ["XYZ"]),
        # A5/A6: AMEA, BMT, ABŞ are known; QRT is a guess; duplicates listed once
        ("AMEA, BMT, ABŞ və QRT; QRT yenə.", "az", ["QRT"]),
        # mixed-case and one-letter tokens are not all-capital abbreviations of 2+ letters
        ("AzTV və X şirkəti", "az", []),
        # Roman numerals (A8: XX əsr) are not abbreviations
        ("XX əsr, XXI əsr", "az", []),
        ("Türkiye-Azerbaycan Ortak Medya Platformu", "tr", []),
        # English takes no case suffixes: nothing to guess
        ("NATO and XYZ met.", "en", []),
    ],
)
def test_unknown_all_capital_tokens_are_reported_as_read_letter_by_letter(
    text: str, lang: str, expected: list[str]
) -> None:
    assert guessed_readings(text, lang) == expected


def test_a_reported_token_is_indeed_inflected_letter_by_letter() -> None:
    # R8 default: last letter Z is "ze" → XYZ'de, XYZ'nin
    assert guessed_readings("XYZ", "tr") == ["XYZ"]
    assert norm(inflect("XYZ", "genitive", "tr")) == "XYZ'nin"


def test_guessed_readings_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        guessed_readings("ABD", "fr")
