"""Who said it: quotes and reported speech attributed in each language's press style.

The ten verbs of a draft (``core.body.VERBS``) have a form per language and tense (docs/attribution.md
has the table and its sources). A direct quote takes the attested formula of each language:

* tr ``Altun, “…” dedi.`` / ``Altun, “…” diye vurguladı.`` (conventions.md §4.1; AA copy): a verb other
  than *demek* takes the quote through *diye*; *state* is AA's ``“…” ifadelerini kullandı``. A quote of
  several paragraphs is introduced as AA does: ``Altun, şu ifadeleri kullandı:`` (sondakika.com, AA copy
  of 2026-02-04), ``Altun, şunları vurguladı:``.
* az ``“…”, – deyə F.Altun bildirib.`` (conventions.md §4.1, AZERTAC); several paragraphs are introduced
  with a colon, ``F.Altun bildirib:`` (attested ``…çıxışında deyib:``, arazinfo.com).
* en ``“…,” Altun said.`` (AP); ``said Name, long title`` when a long title follows the name (AP "said");
  a quote of several sentences is attributed after its first sentence, and a quote of several paragraphs
  leaves every paragraph but the last open and opens each new one (AP "quotation marks", as summarised by
  gatehousenewsroom.com and arts.vcu.edu).

A verb with no attested direct-quote formula in a language (*welcome*, *condemn* take an object, not a
quotation) is attributed with the neutral *say* there; its meaning is printed in reported speech, where
the drafter's clause is its object (``…imzalanmasını memnuniyetle karşıladı``).

Tense: a report is written in the past. In an announcement the words were given for the release before
the event, so they are still attributed in the past (AA: ``yarın imzalanacak anlaşmanın … olacağını
belirtti``; the clause carries the future); only words to be said at a stated setting of the coming event
are in the future (``… basın toplantısında … diyecek``). The engine never adds a setting of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._base import FUTURE, PAST, check_lang
from .casing import capitalize
from .quotes import quote, running_quote

TENSES = (PAST, FUTURE)

#: Each verb in each language and tense, as a finite verb after the speaker (reported speech).
VERB_FORMS: dict[str, dict[str, dict[str, str]]] = {
    "tr": {
        PAST: {
            "say": "belirtti",
            "add": "ekledi",
            "stress": "vurguladı",
            "note": "kaydetti",
            "state": "ifade etti",
            "announce": "duyurdu",
            "express": "dile getirdi",
            "call": "çağrıda bulundu",
            "welcome": "memnuniyetle karşıladı",
            "condemn": "kınadı",
        },
        FUTURE: {
            "say": "belirtecek",
            "add": "ekleyecek",
            "stress": "vurgulayacak",
            "note": "kaydedecek",
            "state": "ifade edecek",
            "announce": "duyuracak",
            "express": "dile getirecek",
            "call": "çağrıda bulunacak",
            "welcome": "memnuniyetle karşılayacak",
            "condemn": "kınayacak",
        },
    },
    "az": {
        PAST: {
            "say": "bildirib",
            "add": "əlavə edib",
            "stress": "vurğulayıb",
            "note": "qeyd edib",
            "state": "bəyan edib",
            "announce": "elan edib",
            "express": "ifadə edib",
            "call": "çağırıb",
            "welcome": "alqışlayıb",
            "condemn": "pisləyib",
        },
        FUTURE: {
            "say": "bildirəcək",
            "add": "əlavə edəcək",
            "stress": "vurğulayacaq",
            "note": "qeyd edəcək",
            "state": "bəyan edəcək",
            "announce": "elan edəcək",
            "express": "ifadə edəcək",
            "call": "çağıracaq",
            "welcome": "alqışlayacaq",
            "condemn": "pisləyəcək",
        },
    },
    "en": {
        PAST: {
            "say": "said",
            "add": "added",
            "stress": "stressed",
            "note": "noted",
            "state": "stated",
            "announce": "announced",
            "express": "expressed",
            "call": "called",
            "welcome": "welcomed",
            "condemn": "condemned",
        },
        FUTURE: {
            verb: f"will {verb}"
            for verb in ("say", "add", "stress", "note", "state", "announce", "express", "call", "welcome", "condemn")
        },
    },
}

#: The words after a direct quote, per verb that has an attested formula (``{verb}`` → ``VERB_FORMS``).
#: A verb missing here takes the language's ``say`` formula for a direct quote.
QUOTE_FORMULAS: dict[str, dict[str, dict[str, str]]] = {
    "tr": {
        PAST: {
            "say": "dedi",
            "add": "diye ekledi",
            "stress": "diye vurguladı",
            "note": "diye kaydetti",
            "state": "ifadelerini kullandı",
            "announce": "diye duyurdu",
            "call": "diye çağrıda bulundu",
        },
        FUTURE: {
            "say": "diyecek",
            "add": "diye ekleyecek",
            "stress": "diye vurgulayacak",
            "note": "diye kaydedecek",
            "state": "ifadelerini kullanacak",
            "announce": "diye duyuracak",
            "call": "diye çağrıda bulunacak",
        },
    },
    "az": {
        tense: {v: VERB_FORMS["az"][tense][v] for v in ("say", "add", "stress", "note", "state", "announce")}
        for tense in TENSES
    },
    "en": {
        tense: {v: VERB_FORMS["en"][tense][v] for v in ("say", "add", "stress", "note", "state", "announce")}
        for tense in TENSES
    },
}

#: Turkish introductions of a quote of several paragraphs (AA: ``X, şu ifadeleri kullandı:``).
_TR_INTRO = {
    PAST: {"say": "şu ifadeleri kullandı", "state": "şu ifadeleri kullandı"},
    FUTURE: {"say": "şu ifadeleri kullanacak", "state": "şu ifadeleri kullanacak"},
}


@dataclass(frozen=True)
class Speaker:
    """How the speaker is named here: ``text`` (full name and title, short form or pronoun);
    ``appositive``: an English name followed by its title (``Name, title``), which AP inverts after a
    quote (``said Name, title``) and closes with a comma as a subject; ``pronoun``: he/she/o."""

    text: str
    appositive: bool = False
    pronoun: bool = False


def quote_verb(verb: str, lang: str) -> str:
    """The verb a direct quote is attributed with: the drafter's, or ``say`` where it takes no quote."""
    return verb if verb in QUOTE_FORMULAS[check_lang(lang)][PAST] else "say"


def _subject(speaker: Speaker, lang: str) -> str:
    text = capitalize(speaker.text, lang) if speaker.pronoun else speaker.text
    return f"{text}," if speaker.appositive and lang == "en" else text


def _words(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


#: Words whose period ends no sentence: English titles and the AP month abbreviations.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "maj",
        "sgt",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”’\"']?\s+[“‘\"'(]?(?=\w)")


def first_sentence(text: str) -> tuple[str, str]:
    """``text`` split after its first sentence (English), or ``(text, "")``; abbreviations and initials
    (``Dr.``, ``U.S.``, ``J.``) do not end a sentence."""
    for match in _SENTENCE_BREAK.finditer(text):
        if not (text[match.end()].isupper() or text[match.end()].isdigit()):
            continue
        head = text[: match.start()].rstrip()
        word = re.split(r"[\s(“‘\"]", head)[-1].rstrip(".").lower()
        if word in _ABBREVIATIONS or len(word.replace(".", "")) <= 1 or "." in word:
            continue
        closing = text[match.start() : match.end()].strip()
        opening = closing[-1:] if closing[-1:] in "“‘\"'(" else ""
        closing = closing[: len(closing) - len(opening)]
        return head + closing, opening + text[match.end() :].strip()
    return text, ""


def attribute_quote(
    paragraphs: list[str], speaker: Speaker, lang: str, verb: str = "say", tense: str = PAST, setting: str | None = None
) -> list[str]:
    """A direct quote and its attribution as paragraphs of plain text (not yet escaped for Markdown)."""
    check_lang(lang)
    formula = QUOTE_FORMULAS[lang][tense][quote_verb(verb, lang)]
    paragraphs = [p for p in paragraphs if p.strip()] or [""]
    if lang == "en":
        return _english_quote(paragraphs, speaker, formula, setting)
    if len(paragraphs) == 1:
        quoted = quote(paragraphs[0], lang, "before_verb")
        if lang == "tr":
            return [_words(f"{_subject(speaker, lang)},", setting, quoted, formula) + "."]
        return [_words(f"{quoted} – deyə", speaker.text, setting, formula) + "."]
    if lang == "tr":
        used = quote_verb(verb, lang)
        intro = _TR_INTRO[tense].get(used) or f"şunları {VERB_FORMS['tr'][tense][used]}"
        head = _words(f"{_subject(speaker, lang)},", setting, intro) + ":"
    else:
        head = _words(_subject(speaker, lang), setting, formula) + ":"
    return [head, *running_quote(paragraphs, lang)]


def quoted(
    text: str, lang: str, speaker: str, verb: str = "say", appositive: bool = False, pronoun: bool = False
) -> str:
    """One quote and its attribution as one paragraph, for a template's own quote fields: the same formulas as
    the body's quote blocks (in English the attribution follows the first sentence, AP "quotation marks")."""
    return " ".join(attribute_quote([str(text)], Speaker(str(speaker), appositive, pronoun), lang, verb))


def _english_quote(paragraphs: list[str], speaker: Speaker, verb: str, setting: str | None) -> list[str]:
    """AP: the attribution after the first sentence; later paragraphs open, only the last one closes."""
    first, rest = first_sentence(paragraphs[0].strip())
    quoted = quote(first, "en", "before_verb")
    if speaker.appositive and not setting:
        attribution = _words(verb, speaker.text)
    else:
        attribution = _words(_subject(speaker, "en") if not speaker.pronoun else speaker.text, verb, setting)
    lead = f"{quoted} {attribution}."
    remaining = ([rest] if rest else []) + paragraphs[1:]
    if not remaining:
        return [lead]
    continued = running_quote(remaining, "en")
    if rest:  # the first paragraph goes on after the attribution
        return [f"{lead} {continued[0]}", *continued[1:]]
    return [lead, *continued]


def _sentence(text: str) -> str:
    """A reported sentence ends with one period (or the ?, ! or … the English clause ends with, or the
    period inside a closing quotation mark, US style: ``called it “historic.”``)."""
    sentence = " ".join(text.split())
    if sentence.endswith(("?", "!", "…")) or re.search(r"[.?!…][”’]$", sentence):  # ends inside a quotation
        return sentence
    return sentence.rstrip(".") + "."


def attribute_paraphrase(
    clause: str, speaker: Speaker, lang: str, verb: str = "say", tense: str = PAST, setting: str | None = None
) -> str:
    """Reported speech: tr ``Altun, … olduğunu belirtti.``, az ``F.Altun … olduğunu bildirib.``,
    en ``Altun said that …`` (the clause is the drafter's, already in the form the verb governs)."""
    check_lang(lang)
    finite = VERB_FORMS[lang][tense][verb]
    clause = " ".join(clause.split()).rstrip(" .,;:")  # the drafter's clause, without the period it was typed with
    if lang == "tr":
        return _sentence(_words(f"{_subject(speaker, lang)},", setting, clause, finite))
    if lang == "az":
        return _sentence(_words(_subject(speaker, lang), setting, clause, finite))
    return _sentence(_words(_subject(speaker, lang), finite, setting, clause))


__all__ = [
    "FUTURE",
    "PAST",
    "QUOTE_FORMULAS",
    "TENSES",
    "VERB_FORMS",
    "Speaker",
    "attribute_paraphrase",
    "attribute_quote",
    "first_sentence",
    "quote_verb",
    "quoted",
]
