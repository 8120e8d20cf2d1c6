"""The Turkish and Azerbaijani case-suffix engine.

Given a name, it finds the last word, decides how that word is *read* (a word, letters, a
number, a lexicon or directory reading), reduces the reading to a :class:`Sound`, and builds
the suffix. Rules and sources: conventions.md §1 (R1–R15) and §2 (A1–A11).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .acronyms import named_otherwise, read_acronym, roman_value, spelled
from .foreign import foreign_spoken
from .numerals import last_number_word
from .phonology import (
    VOWELS,
    Lexicon,
    Sound,
    four_way,
    last_vowel,
    lexicon,
    lower_turkic,
    sound_of,
    spoken,
    two_way,
)

# How the suffix is joined to the name.
APOS, HYPHEN, DIRECT, SPACE = "apostrophe", "hyphen", "direct", "space"
#: Why a reading is a guess: an abbreviation read by its shape, a foreign name read by a rule.
ACRONYM, FOREIGN = "acronym", "foreign"


@dataclass(frozen=True, slots=True)
class Doubt:
    """A reading the rules chose but cannot vouch for: the word the ending follows, the reading
    used ("letters", "word" or a pronounced form) and why it is a guess (ACRONYM, FOREIGN).
    The directory's ``reading`` or ``forms`` settle it."""

    word: str
    reading: str
    reason: str


class Analysis(NamedTuple):
    """How a suffix joins a name, the sound it follows, the pronominal n, and any doubt."""

    join: str
    sound: Sound | None
    pronominal: bool
    doubt: Doubt | None


_SPLIT_WORDS = re.compile(r"\s+")
_SPLIT_PARTS = re.compile(r"[\s\-‐‑‒–—/]+")
_EDGE_PUNCT = "()[]{}«»“”‘’\"'.,;:!?"
_TRAILING_NUMBER = re.compile(r"(\d(?:[\d.,:]*\d)?)$")
_SUPERSCRIPTS = "²³¹⁰⁴⁵⁶⁷⁸⁹"
#: A word whose suffixes have begun after an apostrophe (STK'lar, Ankara'daki, 1990'lar): the
#: next ending joins them directly, one apostrophe a word (R1: Ankara'dakiler). A lone s is no
#: Turkish suffix but the English possessive of a name (McDonald's'ta, “Moody’s”in).
_SUFFIXED = re.compile(r"[’'](?!s$)[a-zçğıöşüâîû]+$")
_CIRCUMFLEX = str.maketrans({"â": "a", "î": "i", "û": "u"})
_CLOSING_QUOTES = {"”": "“", "»": "«", "’": "‘", '"': '"', "“": "„"}


def _closing_quote_split(text: str) -> str | None:
    """The text inside a final quotation (R14, A9), or None when ``text`` does not end in one."""
    if not text:
        return None
    last = text[-1]
    opener = _CLOSING_QUOTES.get(last)
    if opener is None:
        return None
    body = text[:-1]
    if opener not in body:
        return None
    return body.rstrip()


def _number_value(num: str, lang: str) -> int:
    """The integer whose last spoken word ends the numeral ``num`` (``1.000`` → 1000,
    ``17.30`` → 30, ``2,5`` → 5): grouping per the language, decimals and times by their tail,
    except a tail of zeros, which is not spoken (``12.00`` is read "on iki": 12.00'de)."""
    group_sep, decimal_sep = (",", ".") if lang == "en" else (".", ",")
    grouped = rf"\d{{1,3}}(?:{re.escape(group_sep)}\d{{3}})+"
    if re.fullmatch(grouped, num):
        return int(num.replace(group_sep, ""))
    if re.fullmatch(rf"{grouped}{re.escape(decimal_sep)}\d+", num):
        return int(num.rsplit(decimal_sep, 1)[1])
    parts = re.split(r"[.,:]", num)
    spoken_parts = [part for part in parts[1:] if int(part)] or [parts[0]]
    return int(spoken_parts[-1])


def _is_abbreviation(core: str) -> bool:
    letters = [c for c in core if c.isalpha()]
    if not letters or len(letters) != len(core.replace(".", "")):  # A.Ş counts, G20 does not
        return False
    if all(c.isupper() for c in letters):
        return True
    # Mixed case such as AzTV or TürkPA: two or more capitals and a capital at the end.
    return sum(c.isupper() for c in letters) >= 2 and letters[-1].isupper()


def _letters_sound(core: str, lex: Lexicon, lang: str) -> Sound | None:
    letters = [c for c in core if c.isalpha()]
    if not letters:
        return None
    name = lex.letter_name(letters[-1])
    return sound_of(spoken(name.split()[-1], lang), lang)


def _reading_sound(reading: str, core: str, lex: Lexicon, lang: str) -> Sound | None:
    if reading == "letters":
        return _letters_sound(core, lex, lang)
    if reading == "word":
        return sound_of(spoken(core, lang), lang, front=lex.is_front(core))
    words = reading.split()
    return sound_of(spoken(words[-1], lang), lang) if words else None


def _possessive_by_rule(text: str, core: str, lex: Lexicon, lang: str) -> bool:
    """R12/A2 for names without a directory flag: the lexicon, then a known head noun in its
    possessive form as the last word (Sarayı, Birliği, Universiteti), or a one-word name ending in a
    listed compound ending (Beyoğlu, Havalimanı). A head inside one word is no proof (Xankəndi,
    Yesevi end in kəndi, evi), so the endings are a short list, not the heads.
    Any other final vowel of a proper name is the name's own (İbrahim Reisi, Ahmet Yesevi, Nizami
    Gəncəvi, Modi): only a last word in lower case (kamu diplomasisi, “İstiqlal” ordeni, “Şərq
    qapısı”) or one after a genitive (“Anadolu'nun Sesi”: the genitive's possessed noun, R12) is
    read by its shape."""
    for key in (text, core):
        flag = lex.possessive_of(key)
        if flag is not None:
            return flag
    word = lower_turkic(core)
    if word in lex.head_forms or any(
        word.endswith(ending) and len(word) > len(ending) for ending in lex.possessive_endings
    ):
        return True
    words = _SPLIT_WORDS.split(text.strip(_EDGE_PUNCT))
    if len(words) < 2:
        return False
    after_genitive = _GENITIVE.search(words[-2]) is not None
    if core[:1].isupper() and not after_genitive:
        return False
    return _compound_shape(word, lex, lang)


#: A word ending in a genitive: with an apostrophe in Turkish (Anadolu'nun), or a common noun's
#: -nın/-nin/-nun/-nün (tr, az); the noun after it carries the possessive (R12, A2).
_GENITIVE = re.compile(r"(?:['’]n?[ıiuü]n|n[ıiuü]n)$")


def _compound_shape(word: str, lex: Lexicon, lang: str) -> bool:
    """Whether the last word of a common-noun phrase ends in a possessive by its shape: a high
    vowel in harmony with the stem after a consonant (kamu diplomasisi, ders kitabı), not a
    derivational -lI or consonant + -cI (Bahçeli, Akıncı)."""
    vowels = VOWELS[lang]
    if len(word) < 2 or word[-1] not in "ıiuü" or word[-2] in vowels:
        return False
    for ending in lex.derivational_endings:
        if word.endswith(ending):
            before = word[-len(ending) - 1 : -len(ending)]
            # -lI always; -cI/-çI after a consonant only (after a vowel: ağacı, gücü, içi).
            if ending[0] == "l" or (before and before not in vowels):
                return False
    stem_vowel = last_vowel(word[:-1].translate(_CIRCUMFLEX), lang)
    return bool(stem_vowel) and four_way(stem_vowel, lang) == word[-1]


@lru_cache(maxsize=8192)
def analyse(text: str, lang: str, reading: str | None, institution: bool, possessive: bool | None) -> Analysis:
    """How to join a suffix to ``text``, the sound it follows, whether the pronominal n
    of a possessive applies, and whether the reading is a guess. Cached: names repeat across a
    release and across languages."""
    lex = lexicon(lang)
    body = _closing_quote_split(text)
    quoted = body is not None
    base = body if quoted else text
    parts = [p for p in _SPLIT_PARTS.split(base) if p]
    last_part = parts[-1] if parts else base
    core = last_part.strip(_EDGE_PUNCT) or last_part
    period = (not quoted) and base.endswith(".") and not _TRAILING_NUMBER.search(core)
    superscript = (not quoted) and base[-1:] in _SUPERSCRIPTS

    number = _TRAILING_NUMBER.search(core) if not period else None
    roman = roman_value(core) if number is None and not period else None
    numeral = number is not None or roman is not None
    abbreviation = not numeral and _is_abbreviation(core)
    lexicon_reading = lex.reading(base) or lex.reading(last_part) or lex.reading(core)
    if period:
        lexicon_reading = lexicon_reading or lex.reading(last_part)
    chosen = reading or lexicon_reading

    sound: Sound | None = None
    doubt: Doubt | None = None
    if chosen:
        sound = _reading_sound(chosen, core, lex, lang)
    elif roman is not None:
        sound = sound_of(last_number_word(roman, lang), lang)  # XXI'de: "yirmi bir"
    elif number is not None:
        value = _number_value(number.group(1), lang)
        sound = sound_of(last_number_word(value, lang), lang)
    elif abbreviation and (period or "." in core or len(core) < 2):
        sound = _letters_sound(core, lex, lang)  # A.Ş., a single capital: spelled out (R10)
    elif abbreviation:
        acronym = read_acronym(core, lang)
        sound = _reading_sound(acronym.reading, core, lex, lang)
        if not acronym.certain:
            doubt = Doubt(core, acronym.reading, ACRONYM)
        elif spelled(core, acronym.reading, lang) and named_otherwise(core, sound, lang):
            doubt = Doubt(core, "letters", ACRONYM)
    elif foreign := foreign_spoken(core, lang, name=base):
        said, certain = foreign
        sound = sound_of(said, lang)
        if not certain:
            doubt = Doubt(core, said, FOREIGN)
    else:
        sound = sound_of(spoken(core, lang), lang, front=lex.is_front(core))
    if sound is None:  # no vowel to harmonise with (e.g. "Ltd"): read the last letter's name
        sound = _letters_sound(core, lex, lang)
    if sound is None and doubt is None:  # letters of another alphabet (ΣΦ): no ending can be chosen
        doubt = Doubt(core, "letters", ACRONYM)

    pronominal = False
    # After a period abbreviation the full word decides (Şti. → şirketi → Şti.ne, R10).
    probe = core
    if period and lexicon_reading and lexicon_reading not in ("letters", "word"):
        probe = lexicon_reading.split()[-1]
    written_vowel_final = probe[-1:].isalpha() and lower_turkic(probe[-1]) in VOWELS[lang]
    if not numeral and not abbreviation and sound is not None and written_vowel_final:
        flag = possessive if possessive is not None else _possessive_by_rule(base, probe, lex, lang)
        pronominal = bool(flag) and sound.vowel_final

    if quoted or period or superscript or _SUFFIXED.search(core):
        join = DIRECT
    elif lang == "az":
        join = HYPHEN if (numeral or abbreviation) else DIRECT
    elif numeral or abbreviation:
        join = APOS
    elif institution:
        join = DIRECT
    elif not any(c.isupper() for c in base) and lexicon_reading is None:
        join = DIRECT  # a common noun (all lower case): R1 covers proper names only
    else:
        join = APOS
    return Analysis(join, sound, pronominal, doubt)


def turkish_suffix(case: str, sound: Sound, pronominal: bool) -> str:
    """The Turkish case suffix (R4–R6, R12) after ``sound``."""
    a = two_way(sound.last_vowel, "tr")
    i = four_way(sound.last_vowel, "tr")
    vowel = sound.vowel_final
    if case in ("locative", "ablative"):
        stem = "nd" + a if pronominal else ("t" if sound.voiceless_final else "d") + a
        return stem + ("n" if case == "ablative" else "")
    if case == "dative":
        return ("n" if pronominal else "y" if vowel else "") + a
    if case == "accusative":
        return ("n" if pronominal else "y" if vowel else "") + i
    if case == "genitive":
        return ("n" if vowel else "") + i + "n"
    # instrumental: ile as a suffix, -(y)lA
    return ("y" if vowel else "") + "l" + a


def azerbaijani_suffix(case: str, sound: Sound, pronominal: bool) -> str:
    """The Azerbaijani case suffix (A2, A3: locative/ablative always d)."""
    a = two_way(sound.last_vowel, "az")
    i = four_way(sound.last_vowel, "az")
    vowel = sound.vowel_final
    if case in ("locative", "ablative"):
        return ("n" if pronominal else "") + "d" + a + ("n" if case == "ablative" else "")
    if case == "dative":
        return ("n" if pronominal else "y" if vowel else "") + a
    if case == "accusative":
        return ("n" if (pronominal or vowel) else "") + i
    if case == "genitive":
        return ("n" if vowel else "") + i + "n"
    return ("y" if vowel else "") + "l" + a


def normalise(text: str) -> str:
    """NFC and trimmed: the form every lookup and rule sees."""
    return unicodedata.normalize("NFC", text).strip()
