"""The pronunciation and possessive lexicon (``language/data/<lang>.yaml``).

Whether ``NATO`` is read as a word and ``ABD`` letter by letter, or that ``Bordeaux`` is read
*bordo*, cannot be inferred (conventions.md §6): it is data, loaded once per process.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from .phonology import lower_turkic


def _key(text: str) -> str:
    return lower_turkic(unicodedata.normalize("NFC", text).replace("’", "'"))


@dataclass(frozen=True)
class Lexicon:
    """One language's lexicon, with exact and case-insensitive lookups."""

    lang: str
    letter_names: dict[str, str]
    readings: dict[str, str]
    readings_folded: dict[str, str]
    front: frozenset[str]
    possessive: dict[str, bool]
    possessive_endings: tuple[str, ...]
    derivational_endings: tuple[str, ...]
    possessive_heads: frozenset[str] = field(default_factory=frozenset)

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


@cache
def lexicon(lang: str) -> Lexicon:
    """Load and cache the lexicon of ``lang`` ("tr" or "az")."""
    text = resources.files("pressdraft.language").joinpath("data", f"{lang}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    raw = data.get("readings") or {}
    readings = {unicodedata.normalize("NFC", str(k)): str(v) for k, v in raw.items()}
    return Lexicon(
        lang=lang,
        letter_names={_key(str(k)): str(v) for k, v in (data.get("letter_names") or {}).items()},
        readings=readings,
        # Lower-case keys (units: kg, m) match only exactly, so that "M" is not "metre".
        readings_folded={_key(k): v for k, v in readings.items() if k != k.lower()},
        front=frozenset(_key(str(x)) for x in data.get("front_harmony") or ()),
        possessive={_key(str(k)): bool(v) for k, v in (data.get("possessive") or {}).items()},
        possessive_endings=tuple(str(x) for x in data.get("possessive_endings") or ()),
        derivational_endings=tuple(str(x) for x in data.get("derivational_endings") or ()),
        possessive_heads=frozenset(_key(str(x)) for x in data.get("possessive_heads") or ()),
    )
