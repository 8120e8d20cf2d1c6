"""Whether an acronym outside the lexicon is read as a word or letter by letter, and how sure that is.

The case ending of an acronym follows its reading (conventions.md R8/R9, A5/A6): ``SOCAR'da``
read as a word, ``TRT'de`` read as te-re-te. Nothing in the spelling says which, but the sounds do:
an acronym that the language's syllables can carry is said as a word (SOCAR, TANAP, NATO, DOST),
one they cannot carry is spelled out (TRT, BMT, ABD, OECD). The Azerbaijani orthoepy norms say so
directly: all-consonant abbreviations are read by letter names, mixed ones as words (A6, Orfoepiya
normaları 2021 §5.1.1).

Turkish and Azerbaijani syllables (turkcenindirilisi.com, "Türkçede iki ünsüz yan yana gelir mi";
language.az/06121713.html, "Azərbaycan dilində heca"): one vowel each; at most one consonant
before it (``tren``, ``spor`` are loans); at most two after it, and two only as one of the
language's final clusters (``alt, üst, Türk, kurt``; az ``dost, kənd, bəxt``). A medial run
splits into a coda and a single onset (``Türk-çe``, ``dü-rüst-lük``).

The reading is *certain* when the shape leaves no real choice: no vowel (letters), a final
cluster no syllable allows (letters), a vowel-final acronym (both readings end in that vowel,
so the ending is the same), or a word of four letters or more that syllabifies with native
clusters only. Everything else is a guess, reported as a Doubt: two letters (``AP`` a-pe, but
``AR`` a word), a loan-word final cluster (``DİSK``), a consonant cluster at the start
(``RTÜK``, ``SWIFT``), a doubled final consonant (``TOBB``, ``İBB``), a doubled vowel (``İİT``),
letters foreign to the alphabet (``SWIFT``), vowel pairs of foreign spellings (``EUROPOL``), a
capital I with no other Turkic letter (``ISIS``: ı or a foreign i), and short words (``GAP``,
``AÖF``), which are said either way. In Azerbaijani a spelled guess with a vowel is a doubt too,
since the norms read mixed abbreviations as words (A6: ``ABŞ`` [abış]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phonology import VOWELS, Sound, endings_key, lexicon, lower_turkic, sound_of, spoken

WORD, LETTERS = "word", "letters"

#: Final clusters of native words (turkcenindirilisi.com lists exactly these for Turkish).
_NATIVE_CODAS = {
    "tr": frozenset({"lç", "lk", "lp", "lt", "nç", "nk", "nt", "rç", "rk", "rp", "rs", "rt", "st"}),
    # The Turkish set, with the voiced finals Azerbaijani spelling keeps (kənd, dərd, gənc, borc)
    # and the clusters of common words: dost, bəxt, vaxt, xalq, şərq, fərq, elm, qəlb, ərz, şəxs
    # (language.az/06121713.html: dü-rüst-lük, xoş-bəxt-lik). ⚠ the list is ours.
    "az": frozenset(
        {"lç", "lk", "lp", "lt", "nç", "nk", "nt", "rç", "rk", "rp", "rs", "rt", "st"}
        | {"nd", "rd", "nc", "rc", "xt", "şt", "lq", "rq", "lm", "lb", "rz", "xs", "ks", "ft"}
    ),
}
#: Final clusters found only in loanwords: aşk, arş, çift, disk, film, harf, lüks, misk, şevk,
#: tolerans, modernizm (turkcenindirilisi.com); ⚠ akt/pakt, form, modern added by us.
_LOAN_CODAS = frozenset({"şk", "rş", "ft", "sk", "lm", "rf", "ks", "vk", "ns", "zm", "kt", "rm", "rn"})
#: Vowel pairs that Turkic words never hold but foreign spellings use for one sound (EUROPOL
#: [yuropol], AUKUS): the acronym may be read in the foreign way. ⚠ our list.
_FOREIGN_DIGRAPHS = ("eu", "au", "ou", "oo", "ee", "ea", "oa")
#: Letters only a Turkish or Azerbaijani spelling has (lower-cased: İ → i); Azerbaijani also writes
#: q and x, which Turkish does not (``TURKIC_MARKS["az"]``).
TURKIC_MARKS = {"tr": frozenset("çğşöüiə"), "az": frozenset("çğşöüiəqx")}
#: Roman numerals of I, V and X only: with C, D, L, M they collide with acronyms (CD, MC, DM).
_ROMAN = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
#: Letters outside the alphabet: their sound in an acronym depends on the source language.
_FOREIGN_LETTERS = {"tr": frozenset("qwx"), "az": frozenset("w")}


@dataclass(frozen=True, slots=True)
class AcronymReading:
    """How an acronym is read (WORD or LETTERS), whether the shape decides it, and why."""

    reading: str
    certain: bool
    why: str


def _loan_onset(onset: str) -> bool:
    """A two-consonant start found in loanwords only: a stop or f + r/l (plan, gram, fren, grev,
    trafik) or s + a consonant (spor, spektrum) (edebiyatogretmeni.gen.tr, turkcenindirilisi.com)."""
    first, second = onset
    return (first in "bcdfgkpt" and second in "rl") or (first == "s" and second in "ptkmnvw")


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral of two letters or more (``XXI`` → 21), else None: it is read
    as a number (yirmi bir → ``XXI'de``), not letter by letter, and leaves nothing to doubt."""
    if len(text) < 2 or not _ROMAN.fullmatch(text):
        return None
    values = [_ROMAN_VALUES[ch] for ch in text]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


def _runs(word: str, vowels: frozenset[str]) -> tuple[str, list[str], str, list[str]]:
    """The consonants before the first vowel, the runs between vowels, the final run, and the
    vowel nuclei (adjacent vowels are separate nuclei: hiatus, ``TÜ-İK``)."""
    first = next(i for i, ch in enumerate(word) if ch in vowels)
    last = max(i for i, ch in enumerate(word) if ch in vowels)
    onset, coda = word[:first], word[last + 1 :]
    medial: list[str] = []
    nuclei: list[str] = []
    run = ""
    for ch in word[first : last + 1]:
        if ch in vowels:
            if nuclei:
                medial.append(run)
            nuclei.append(ch)
            run = ""
        else:
            run += ch
    return onset, medial, coda, nuclei


def _foreign_spelling(word: str, onset: str, lang: str) -> str | None:
    """Why ``word`` may be spelled by another language's rules (and so read by them), or None."""
    if any(ch in _FOREIGN_LETTERS["az" if lang == "az" else "tr"] for ch in word):
        return "letters foreign to the alphabet"
    if any(pair in word for pair in _FOREIGN_DIGRAPHS):
        return "vowel letters that spell one foreign sound"
    if "ı" in word and not set(word) & TURKIC_MARKS["tr"]:
        # A capital I is ı in a Turkic acronym (IŞİD) but i in a foreign one (ISIS, MIT): only a
        # letter of the Turkic alphabet (ç ğ ş ö ü İ ə) shows which alphabet spelled it.
        return "a capital I that may be a foreign i"
    if len(onset) > 1:
        return "a consonant cluster at the start"
    return None


def read_acronym(text: str, lang: str) -> AcronymReading:
    """How the acronym ``text`` (``SOCAR``, ``AzTV``, ``TürkPA``) is read in ``lang`` (tr, az)."""
    word = lower_turkic("".join(ch for ch in text if ch.isalpha()))
    vowels = VOWELS["az" if lang == "az" else "tr"]
    natives = _NATIVE_CODAS["az" if lang == "az" else "tr"]
    if not any(ch in vowels for ch in word):
        return AcronymReading(LETTERS, True, "no vowel")
    if word[-1] in vowels:
        # Both readings end in the same vowel (a vowel's letter name is the vowel), so the
        # ending does not depend on the choice.
        return AcronymReading(LETTERS if len(word) < 3 else WORD, True, "ends in a vowel")
    if len(word) < 3:
        # AB, AP are spelled (a-be, a-pe: R8), but a vowel and a consonant also make a word (AR).
        return AcronymReading(LETTERS, False, "two letters: spelled, or a word")
    onset, medial, coda, nuclei = _runs(word, vowels)
    foreign = _foreign_spelling(word, onset, lang)
    # Spelled out when no syllables carry it: certain for a native spelling in Turkish; in
    # Azerbaijani the norms read mixed abbreviations as words (A6), and a foreign spelling may
    # follow its own language's syllables (BRICS), so both stay a guess.
    spelled_for_sure = lang != "az" and foreign is None
    if len(coda) > 2 or (len(coda) == 2 and coda[0] != coda[1] and coda not in natives | _LOAN_CODAS):
        return AcronymReading(LETTERS, spelled_for_sure, "no syllable ends in " + coda)
    if any(len(run) > 3 or (len(run) == 3 and run[:2] not in natives | _LOAN_CODAS) for run in medial):
        return AcronymReading(LETTERS, spelled_for_sure, "a consonant run no syllables can split")
    if len(coda) == 2 and coda[0] == coda[1]:
        return AcronymReading(LETTERS, False, "a doubled final consonant")
    if len(onset) > 2 or (len(onset) == 2 and not _loan_onset(onset)):
        return AcronymReading(LETTERS, False, "a consonant cluster no word starts with")
    if any(not run and a == b for run, a, b in zip(medial, nuclei[:-1], nuclei[1:], strict=True)):
        return AcronymReading(LETTERS, False, "a doubled vowel")
    if foreign:
        return AcronymReading(WORD, False, foreign)
    if len(coda) == 2 and coda not in natives:
        return AcronymReading(WORD, False, "a final cluster of loanwords only")
    if len(word) <= 3:
        return AcronymReading(WORD, False, "short: said either way")
    return AcronymReading(WORD, True, "native syllables")


def spelled(text: str, reading: str, lang: str) -> bool:
    """Whether the acronym ``text`` is said letter by letter: read so, or ending in its only vowel
    after a cluster no word starts with (FBI: the word and the letters then end alike)."""
    if reading == LETTERS:
        return True
    word = lower_turkic(text)
    vowels = VOWELS["az" if lang == "az" else "tr"]
    first = next((i for i, ch in enumerate(word) if ch in vowels), len(word))
    return first > 1 and first == len(word) - 1


def named_otherwise(text: str, sound: Sound | None, lang: str) -> bool:
    """Whether another tradition of letter names gives the spelled ``text`` another ending than
    ``sound``: an acronym of English letters said the English way (CNN'in [si-en-en], FBI'ın, NBA'de),
    or in Azerbaijani the textbook's em/es/ka and the press's en (A6; ``other_letter_names`` in the
    lexicon). Never when a letter only the language's own alphabet has shows whose letters they are
    (DSÖ, İBB)."""
    letters = [c for c in text if c.isalpha()]
    if sound is None or not letters or any(lower_turkic(c) in TURKIC_MARKS[lang] for c in letters):
        return False
    # in a foreign alphabet a capital I is i, not the Turkic ı
    other = lexicon(lang).other_letter_names.get("i" if letters[-1] == "I" else lower_turkic(letters[-1]))
    said = sound_of(spoken(other, lang), lang) if other else None
    return said is not None and endings_key(said, lang) != endings_key(sound, lang)
