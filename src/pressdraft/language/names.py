"""Names and their case forms: the ``inflect`` filter templates call.

``{{ city|locative }}`` → İstanbul'da / Bakü'de / Paris'te / NATO'da / ABD'de (tr),
Bakıda / Türkiyədə / NATO-da / ABŞ-da (az). A :class:`Name` carries what rules cannot know
(a reading, explicit forms, institution and possessive flags) from the directory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import editorial
from ._base import check_case, check_lang
from .phonology import lower_turkic
from .suffixes import APOS, DIRECT, HYPHEN, Analysis, Doubt, analyse, azerbaijani_suffix, normalise, turkish_suffix

#: What a name names, which chooses the rules for its ending: an institution's name takes no
#: apostrophe in Turkish (R2); a person's name never ends in a possessive compound (R12).
KINDS = ("person", "institution", "place")


@dataclass(frozen=True)
class Name:
    """A name-like value with what rules cannot know (from the directory).

    ``reading``: "letters", "word" or a pronounced form in this language's spelling ("bordo").
    ``forms``: case → complete explicit form; wins over every rule.
    ``institution``: tr institution names take case endings without an apostrophe (R2).
    ``possessive``: ends in a 3rd-person possessive (pronominal n, R12); None = rule/lexicon.
    ``kind``: one of KINDS, or None when unknown.
    """

    text: str
    reading: str | None = None
    forms: Mapping[str, str] = field(default_factory=dict, hash=False)
    institution: bool = False
    possessive: bool | None = None
    kind: str | None = None

    def __str__(self) -> str:
        return self.text


def _english_genitive(text: str) -> str:
    """en genitive: ``Altun's``; a name ending in s takes the apostrophe alone (``Paris'``),
    the AP Stylebook rule for singular proper names ending in s."""
    apostrophe = editorial.APOSTROPHE
    if text.endswith("s"):
        return text + apostrophe
    return f"{text}{apostrophe}s"


def _tr_apostrophes(text: str) -> str:
    """Write every apostrophe inside a name as the configured one (’ and ' both occur)."""
    apostrophe = editorial.APOSTROPHE
    tail = ""
    if text.endswith("’") and "‘" in text:  # a closing single quote, not an apostrophe
        text, tail = text[:-1], text[-1]
    return text.replace("’", apostrophe).replace("'", apostrophe) + tail


def inflect(
    name: str | Name,
    case: str,
    lang: str,
    *,
    reading: str | None = None,
    institution: bool | None = None,
    possessive: bool | None = None,
    forms: Mapping[str, str] | None = None,
    kind: str | None = None,
) -> str:
    """``name`` in grammatical ``case`` for ``lang``; keyword arguments override the Name's.

    tr: apostrophe before the ending on proper names, abbreviations and numerals (R1, R8, R13),
    none on institution names (R2), after a closing quote (R14) or a final period (R10).
    az: no apostrophe (A1); a hyphen after abbreviations and numerals (A5, A7); the instrumental
    is ``X ilə`` by default (see :mod:`settings`). en: unchanged except the genitive
    (``Altun's``; ``Paris'`` after a final s).
    """
    check_case(case)
    check_lang(lang)
    name = _as_name(name, reading=reading, institution=institution, possessive=possessive, forms=forms, kind=kind)
    if name.forms.get(case):
        return name.forms[case]
    if lang == "en":
        text = normalise(name.text)
        return _english_genitive(text) if case == "genitive" and text else text
    analysed = _analysed(name, lang)
    if analysed is None:
        return ""
    text, (join, sound, pronominal, _) = analysed
    if sound is None:
        raise ValueError(f"cannot tell how {text!r} is read; give it a reading")
    if (
        lang == "az"
        and case == "instrumental"
        and (not editorial.AZ_INSTRUMENTAL_SUFFIX or sound.vowel_final or pronominal)
    ):
        return f"{text} ilə"
    suffix = (turkish_suffix if lang == "tr" else azerbaijani_suffix)(case, sound, pronominal)
    joiner = {APOS: editorial.APOSTROPHE, HYPHEN: "-", DIRECT: ""}[join]
    return f"{text}{joiner}{suffix}"


def _as_name(value: str | Name, **given: Any) -> Name:
    """``value`` as a :class:`Name`, the keyword arguments given (not None) overriding its own; the
    kind fills in what it implies (an institution; a person's name is possessive only as a patronymic)."""
    if isinstance(value, Name):
        name = value
    elif isinstance(value, str | int) and not isinstance(value, bool):
        name = Name(str(value))
    else:
        raise TypeError(
            f"inflect() takes a str or Name, got {type(value).__name__}; "
            "format dates first (format_date(..., form='text'))"
        )
    name = replace(name, **{key: item for key, item in given.items() if item is not None})
    if name.kind is not None and name.kind not in KINDS:
        raise ValueError(f"unknown kind {name.kind!r}; use one of {', '.join(KINDS)}")
    if name.kind == "institution" and not name.institution:
        name = replace(name, institution=True)
    if name.kind == "person" and name.possessive is None:
        name = replace(name, possessive=_patronymic(name.text))
    return name


#: The only possessive compounds that end a person's name: the -oğlu surname (oğul + -u) and the
#: patronymic oğlu/qızı, kızı (İmamoğlu'na, Kılıçdaroğlu'nu; az Əli qızına). Any other final vowel
#: is the name's own (İbrahim Reisi'de, Nizami Gəncəvidə).
_PATRONYMIC_ENDINGS = ("oğlu", "kızı", "qızı")


def _patronymic(text: str) -> bool:
    words = normalise(text).split()
    return bool(words) and lower_turkic(words[-1]).endswith(_PATRONYMIC_ENDINGS)


def doubt_of(name: str | Name, lang: str, *, kind: str | None = None) -> Doubt | None:
    """Why the case endings of ``name`` in ``lang`` rest on a guessed reading, or None when the
    rules, the lexicon or the name's own reading or forms (from the directory) decide them."""
    check_lang(lang)
    name = _as_name(name, kind=kind)
    if lang == "en" or name.reading or name.forms:
        return None
    analysed = _analysed(name, lang)
    return analysed[1].doubt if analysed is not None else None


def _analysed(name: Name, lang: str) -> tuple[str, Analysis] | None:
    """The name's text as a ``lang`` (tr, az) release writes it (tr: one apostrophe character) and how
    its endings join and sound; None for an empty name. One reading for ``inflect`` and ``doubt_of``."""
    text = normalise(name.text)
    if not text:
        return None
    if lang == "tr":
        text = _tr_apostrophes(text)
    return text, analyse(text, lang, name.reading, name.institution, name.possessive)
