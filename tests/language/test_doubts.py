"""When a case ending rests on a guessed reading, ``doubt_of`` says so: what ``pressdraft check``, the
check panel and ``pressdraft inflect`` report (issue 13, item 2; docs/checks.md).

The ending goes on the last word of a name and follows its reading (conventions.md §1 R8/R9, §2
A5/A6); an abbreviation the lexicon does not know is read by a rule, and so is a foreign name outside
the lexicon: a guess the directory's ``reading`` or ``forms`` settle. English takes no case endings.
Which names the suffix engine doubts is the engine's (H1: acronyms, H2: foreign names); these tests
hold whichever way it decides, except the rows of names no rule can read as a word.
"""

from __future__ import annotations

import pytest

from pressdraft.language import CASES, Name, doubt_of, inflect
from pressdraft.language.suffixes import ACRONYM, FOREIGN, Doubt

from ._helpers import norm


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        # R8/R9, A5/A6: three letters are said as a word or spelled, and nothing in the lexicon says which
        ("ZAK", "tr", Doubt("ZAK", "word", ACRONYM)),
        ("QAZ", "az", Doubt("QAZ", "word", ACRONYM)),
        # spelled, but CNN'in (English letter names) against CNN'nin (Turkish ones)
        ("CNN", "tr", Doubt("CNN", "letters", ACRONYM)),
        # the ending goes on the last word: an abbreviation ending a name is read the same way
        ("Haber Merkezi ZAK", "tr", Doubt("ZAK", "word", ACRONYM)),
        # no vowel and letters only the Turkish names read (R8): certain
        ("TRT", "tr", None),
        # R8/R9, A5/A6: the lexicon knows NATO (a word), ABD, TBMM, AMEA (letters)
        ("NATO", "tr", None),
        ("ABD", "tr", None),
        ("Türkiye Büyük Millet Meclisi TBMM", "tr", None),
        ("AMEA", "az", None),
        # an abbreviation inside a name takes no ending (TRT Haber'de); one letter is no abbreviation
        ("QRT Xəbər", "az", None),
        ("XYZ Haber Merkezi", "tr", None),
        ("X", "az", None),
        # R10: after a final period the ending follows without an apostrophe or a reading
        ("XYZ.", "tr", None),
        # English takes no case endings: nothing to guess
        ("XYZ", "en", None),
        ("Renaud", "en", None),
    ],
)
def test_a_reading_no_rule_or_lexicon_decides_is_a_doubt(name: str, lang: str, expected: Doubt | None) -> None:
    assert doubt_of(name, lang) == expected


@pytest.mark.parametrize("lang", ["tr", "az"])
def test_a_reading_or_explicit_forms_from_the_directory_settle_it(lang: str) -> None:
    assert doubt_of(Name("ZAK"), lang) is not None
    assert doubt_of(Name("ZAK", reading="word"), lang) is None
    assert doubt_of(Name("ZAK", reading="letters"), lang) is None
    assert doubt_of(Name("ZAK", reading="zeaka"), lang) is None
    assert doubt_of(Name("ZAK", forms={"locative": "ZAK'ta"}), lang) is None


CANDIDATES = [
    "XYZ",
    "Haber Merkezi QXR",
    "SOCAR",
    "TANAP",
    "DOST",
    "Renaud",
    "Arnault",
    "Chirac",
    "Nice",
    "Starmer",
    "Los Angeles",
    "Bordeaux",
    "Hoca Ahmet Yesevi",
    "İstanbul",
    "Bakü",
]


@pytest.mark.parametrize("lang", ["tr", "az"])
@pytest.mark.parametrize("kind", [None, "person", "institution", "place"])
def test_the_form_reported_is_the_form_of_the_reading_named(lang: str, kind: str | None) -> None:
    # what a warning names (the reading guessed, the form printed) is what the release prints: giving
    # that reading in the directory changes no form, only ends the doubt
    for text in CANDIDATES:
        doubt = doubt_of(text, lang, kind=kind)
        if doubt is None:
            continue
        assert doubt.reason in (ACRONYM, FOREIGN) and doubt.word in text, text
        settled = Name(text, reading=doubt.reading, kind=kind)
        assert doubt_of(settled, lang) is None
        for case in CASES:
            assert norm(inflect(Name(text, kind=kind), case, lang)) == norm(inflect(settled, case, lang)), (text, case)


def test_doubt_of_refuses_an_unknown_language_and_kind() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        doubt_of("ABD", "fr")
    with pytest.raises(ValueError, match="unknown kind"):
        doubt_of("ABD", "tr", kind="company")
