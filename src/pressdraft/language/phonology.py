"""How the end of a name sounds: the last vowel (harmony) and the final sound, and the lexicon.

Turkish and Azerbaijani case endings follow pronunciation, not spelling (R4, R8, R11, R13;
A2, A5, A7), so every name is first reduced to the *spoken* form of its last word.

The pronunciation and possessive lexicon (``language/data/<lang>.yaml``): whether ``NATO`` is read
as a word and ``ABD`` letter by letter, or that ``Bordeaux`` is read *bordo*, cannot be inferred
(conventions.md §6): it is data, loaded once per process. It lives here, a leaf with the sound
rules it feeds, so that the suffix engine stands one step above both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

BACK = frozenset("aıou")
ROUND = frozenset("oöuü")
VOWELS = {"tr": frozenset("aeıioöuü"), "az": frozenset("aeəıioöuü")}
#: "Fıstıkçı şahap": after these the Turkish locative/ablative d becomes t (R5).
VOICELESS_TR = frozenset("fstkçşhp")

_FOREIGN = {
    "â": "a",
    "á": "a",
    "à": "a",
    "ã": "a",
    "å": "a",
    "ā": "a",
    "é": "e",
    "è": "e",
    "ê": "e",
    "ë": "e",
    "ē": "e",
    "î": "i",
    "í": "i",
    "ì": "i",
    "ï": "i",
    "ī": "i",
    "ó": "o",
    "ò": "o",
    "ô": "o",
    "õ": "o",
    "ō": "o",
    "ø": "ö",
    "œ": "ö",
    "ú": "u",
    "ù": "u",
    "û": "u",
    "ū": "u",
    "ñ": "n",
    "ß": "s",
    "w": "v",
    "ý": "i",
    "æ": "e",
}
_FOREIGN_TR = {**_FOREIGN, "ä": "e", "ə": "e", "q": "k", "x": "ks"}
_FOREIGN_AZ = {**_FOREIGN, "ä": "ə"}
_NATIVE = {"tr": frozenset("abcçdefgğhıijklmnoöprsştuüvyz"), "az": frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")}


@dataclass(frozen=True, slots=True)
class Sound:
    """The end of a spoken form, all that a case suffix depends on."""

    last_vowel: str  # one of the language's vowels
    vowel_final: bool
    voiceless_final: bool  # Turkish R5 only


def lower_turkic(text: str) -> str:
    """Lower case with the Turkic i mappings (no dependency on casing to keep this fast)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def spoken(word: str, lang: str) -> str:
    """A lower-case approximation of how ``word`` is read in ``lang``'s alphabet.

    Foreign letters are mapped (w→v; tr q→k, x→ks), accents dropped, ``ck``→k, and in
    Turkish a final consonant + y is read i (Kennedy → kennedi).
    """
    text = lower_turkic(unicodedata.normalize("NFC", word))
    table = _FOREIGN_AZ if lang == "az" else _FOREIGN_TR
    native = _NATIVE["az" if lang == "az" else "tr"]
    out: list[str] = []
    for ch in text.replace("ck", "k"):
        if ch in native:
            out.append(ch)
        elif ch in table:
            out.append(table[ch])
        elif ch.isalpha():
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if base in native else table.get(base, base))
        elif ch.isdigit():
            out.append(ch)
    result = "".join(out)
    if lang == "tr" and len(result) > 1 and result[-1] == "y" and result[-2] not in VOWELS["tr"]:
        result = result[:-1] + "i"
    return result


def last_vowel(word: str, lang: str) -> str:
    """The last vowel of a spoken form, or '' when it has none."""
    vowels = VOWELS["az" if lang == "az" else "tr"]
    for ch in reversed(word):
        if ch in vowels:
            return ch
    return ""


def sound_of(spoken_form: str, lang: str, *, front: bool | None = None) -> Sound | None:
    """The :class:`Sound` of a spoken form; None when it has no vowel to harmonise with."""
    vowel = last_vowel(spoken_form, lang)
    if not vowel:
        return None
    if front is True and vowel in BACK:
        vowel = {"a": "e", "ı": "i", "o": "ö", "u": "ü"}[vowel]
    end = spoken_form[-1]
    vowels = VOWELS["az" if lang == "az" else "tr"]
    # A written final c is no Turkish final sound (native words end in ç): it is said ç
    # (AZERTAC, from Azerbaijani) or k (OPEC, UNEC), voiceless either way (R5: AZERTAC'tan). ⚠
    return Sound(vowel, end in vowels, end in VOICELESS_TR or (end == "c" and lang == "tr"))


def two_way(vowel: str, lang: str) -> str:
    """a/e (tr) or a/ə (az): the low vowel of a two-way suffix."""
    if vowel in BACK:
        return "a"
    return "ə" if lang == "az" else "e"


def four_way(vowel: str, lang: str) -> str:
    """ı/i/u/ü: the high vowel of a four-way suffix (ə and e count as front unrounded)."""
    back = vowel in BACK
    if vowel in ROUND:
        return "u" if back else "ü"
    return "ı" if back else "i"


#: Stem-final consonants that soften before a vowel: tr birlik → Birliği, güç → Gücü, kulüp →
#: Kulübü; az birlik → Birliyi, bulaq → Bulağı (A4: loanwords keep theirs, so both spellings count).
_SOFTENING = {"tr": {"k": "ğ", "ç": "c", "p": "b", "t": "d"}, "az": {"k": "y", "q": "ğ"}}


_PLAIN_VOWELS = str.maketrans({"â": "a", "î": "i", "û": "u"})


def possessive_forms(stem: str, lang: str) -> frozenset[str]:
    """Every spelling of a head noun with the 3rd-person possessive (R12, A2): ``kule`` → kulesi,
    ``birlik`` → birliği (tr) / birliyi (az), ``vakıf`` → vakfı, ``devlet`` → devleti and the
    plural devletleri. Unwritten variants (an unsoftened ``birliki``) are generated too: a name is
    only ever compared with them, so they cost nothing and spare a list of exceptions."""
    vowels = VOWELS["az" if lang == "az" else "tr"]
    stem = _key(stem)
    vowel = last_vowel(stem.translate(_PLAIN_VOWELS), lang)  # â, î, û harmonise as a, i, u
    high = four_way(vowel, lang)
    plural = stem + "l" + two_way(vowel, lang) + "r" + four_way(two_way(vowel, lang), lang)
    if stem[-1] in vowels:
        return frozenset({stem + "s" + high, plural})
    bases = {stem}
    if soft := _SOFTENING["az" if lang == "az" else "tr"].get(stem[-1]):
        bases.add(stem[:-1] + soft)
    if len(stem) > 3 and stem[-2] in "ıiuü" and stem[-3] not in vowels:
        bases.add(stem[:-2] + stem[-1])  # a high vowel drops: vakıf → vakfı, şehir → şehri
    highs = {high, "i"} if stem[-1] == "l" else {high}  # a palatal l: festival → festivali
    return frozenset({base + h for base in bases for h in highs} | {plural})


def endings_key(sound: Sound, lang: str) -> tuple[str, str, bool, bool]:
    """All a case ending depends on in ``sound``: the two- and four-way vowels, a final vowel and (tr
    only, R5) a voiceless end. Two readings with one key give every case the same ending."""
    vowel = sound.last_vowel
    return two_way(vowel, lang), four_way(vowel, lang), sound.vowel_final, sound.voiceless_final and lang == "tr"


# --- the lexicon ---------------------------------------------------------------------------------


def _key(text: str) -> str:
    return lower_turkic(unicodedata.normalize("NFC", text).replace("’", "'"))


@dataclass(frozen=True)
class Lexicon:
    """One language's lexicon, with exact and case-insensitive lookups."""

    lang: str
    letter_names: dict[str, str]
    other_letter_names: dict[str, str]
    readings: dict[str, str]
    readings_folded: dict[str, str]
    front: frozenset[str]
    possessive: dict[str, bool]
    possessive_endings: tuple[str, ...]
    derivational_endings: tuple[str, ...]
    head_forms: frozenset[str] = field(default_factory=frozenset)

    def reading(self, text: str) -> str | None:
        """The lexicon reading of ``text``: exact spelling first, then any case (not units)."""
        found = self.readings.get(text)
        if found is None:
            found = self.readings_folded.get(_key(text))
        return found

    def is_front(self, text: str) -> bool:
        """True for names with a palatal final consonant (Kemal'in)."""
        return _key(text) in self.front

    def possessive_of(self, text: str) -> bool | None:
        """The lexicon's possessive flag for a whole name or word, None when unknown."""
        return self.possessive.get(_key(text))

    def letter_name(self, letter: str) -> str:
        """The spoken name of one letter (``D`` → ``de``); the letter itself when unknown."""
        key = _key(letter)
        return self.letter_names.get(key, key)


def shipped_data(name: str) -> Any:
    """The shipped data file ``data/<name>.yaml``, read by libyaml's C parser when PyYAML has it: these
    files are ours, reviewed with the code, so the plain safe loader will do, and the C one is ten times
    faster (the lexicons are read on the first inflection, while the user waits)."""
    text = resources.files("pressdraft.language").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


@cache
def lexicon(lang: str) -> Lexicon:
    """Load and cache the lexicon of ``lang`` ("tr" or "az")."""
    data = shipped_data(lang) or {}
    raw = data.get("readings") or {}
    readings = {unicodedata.normalize("NFC", str(k)): str(v) for k, v in raw.items()}
    return Lexicon(
        lang=lang,
        letter_names={_key(str(k)): str(v) for k, v in (data.get("letter_names") or {}).items()},
        other_letter_names={_key(str(k)): str(v) for k, v in (data.get("other_letter_names") or {}).items()},
        readings=readings,
        # Lower-case keys (units: kg, m) match only exactly, so that "M" is not "metre".
        readings_folded={_key(k): v for k, v in readings.items() if k != k.lower()},
        front=frozenset(_key(str(x)) for x in data.get("front_harmony") or ()),
        possessive={_key(str(k)): bool(v) for k, v in (data.get("possessive") or {}).items()},
        possessive_endings=tuple(str(x) for x in data.get("possessive_endings") or ()),
        derivational_endings=tuple(str(x) for x in data.get("derivational_endings") or ()),
        head_forms=frozenset(
            form for stem in data.get("possessive_heads") or () for form in possessive_forms(str(stem), lang)
        ),
    )
