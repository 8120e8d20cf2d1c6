"""A name's last word in capitals that the lexicon does not know is reported for `pressdraft check`.

Only where a reading matters and can be given (issue 12, item 5): the case ending goes on the last
word of a name and follows the reading of its last letter or word (conventions.md §1 R8/R9, §2
A5/A6); a reading in the directory changes it. Free text (the drafter writes the ending) and English
(no case endings) are never reported.
"""

from __future__ import annotations

import pytest

from pressdraft.language import Name, guessed_reading, inflect

from ._helpers import norm


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        # R8/R9: NATO (word) and ABD, TBMM (letters) are in the lexicon; XYZ is not
        ("XYZ", "tr", "XYZ"),
        ("NATO", "tr", None),
        ("ABD", "tr", None),
        ("Türkiye Büyük Millet Meclisi TBMM", "tr", None),
        # A5/A6: AMEA, BMT, ABŞ are known; QRT is a guess
        ("QRT", "az", "QRT"),
        ("AMEA", "az", None),
        # the ending goes on the last word: an abbreviation inside a name does not matter
        ("QRT Xəbər", "az", None),
        ("XYZ Haber Merkezi", "tr", None),
        ("Haber Merkezi XYZ", "tr", "XYZ"),
        # mixed case and one letter are not abbreviations of 2+ capitals; Roman numerals (A8) neither
        ("AzTV", "az", None),
        ("X", "az", None),
        ("Forum XXI", "az", None),
        # R10: a final period takes no apostrophe and no reading
        ("XYZ.", "tr", None),
        # English takes no case endings: nothing to guess
        ("XYZ", "en", None),
    ],
)
def test_a_last_word_in_capitals_unknown_to_the_lexicon_is_a_guess(name: str, lang: str, expected: str | None) -> None:
    assert guessed_reading(name, lang) == expected


def test_a_reading_or_explicit_forms_from_the_directory_settle_it() -> None:
    assert guessed_reading(Name("XYZ"), "tr") == "XYZ"
    assert guessed_reading(Name("XYZ", reading="word"), "tr") is None
    assert guessed_reading(Name("XYZ", reading={"tr": "iksiz"}.get("tr")), "tr") is None
    assert guessed_reading(Name("XYZ", forms={"locative": "XYZ'de"}), "tr") is None


def test_a_reported_token_is_indeed_inflected_letter_by_letter() -> None:
    # R8 default: last letter Z is "ze" → XYZ'de, XYZ'nin
    assert guessed_reading("XYZ", "tr") == "XYZ"
    assert norm(inflect("XYZ", "genitive", "tr")) == "XYZ'nin"


def test_guessed_reading_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        guessed_reading("ABD", "fr")
