"""How the end of a name sounds: the last vowel (harmony) and the final sound.

Turkish and Azerbaijani case endings follow pronunciation, not spelling (R4, R8, R11, R13;
A2, A5, A7), so every name is first reduced to the *spoken* form of its last word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
    return Sound(vowel, end in vowels, end in VOICELESS_TR)


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
