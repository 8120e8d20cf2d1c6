"""Documents signed, in number and tense: the sentences of a ``documents`` block.

One document is one passive sentence with its signatories as the agent, which needs no case ending on
a title the engine cannot inflect safely (tr ``X, A ve B tarafından imzalandı.``, az ``X A və B
tərəfindən imzalanıb.``, en ``The X was signed by A and B.``). Several documents get a lead that agrees
in number, then one list item each: when every document has the same signatories they are the subject
(tr ``A ve B, şu üç belgeyi imzaladı:`` — a numeral takes the singular noun in Turkish and Azerbaijani;
az ``A və B aşağıdakı üç sənədi imzalayıblar:`` — the plural verb after a plural human subject; en ``A
and B signed the following three documents:``), otherwise the documents are (``Üç belge imzalandı:``,
``Üç sənəd imzalanıb:``, ``Three documents were signed:``) and each item names its own signatories.
When every document has the same ``kind``, the nominative leads name it (``Üç anlaşma imzalandı:``,
``Three agreements were signed:``); an accusative lead keeps the noun the engine can inflect.
An announcement is in the future (``imzalanacak``, ``imzalanacaq``, ``will be signed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._base import FUTURE, PAST, check_lang
from .casing import capitalize
from .numbers import count


@dataclass(frozen=True)
class Signed:
    """One document in one language: its title, its signatories as they are named here and joined
    (``A ve B``: ``language.lists.format_list``, kept out of this module to keep it a leaf), how many
    they are, its kind when the draft gives one (``anlaşma``, ``saziş``, ``agreement``), and whether the
    last of them is followed by a title (English closes that appositive with a comma before a verb)."""

    title: str
    signatories: str
    people: int = 2
    kind: str | None = None
    titled: bool = False


_ONE = {
    "tr": {PAST: "{title}, {by} tarafından imzalandı.", FUTURE: "{title}, {by} tarafından imzalanacak."},
    "az": {PAST: "{title} {by} tərəfindən imzalanıb.", FUTURE: "{title} {by} tərəfindən imzalanacaq."},
    "en": {PAST: "{the}{title} was signed by {by}.", FUTURE: "{the}{title} will be signed by {by}."},
}
_SAME_SIGNATORIES = {
    "tr": {PAST: "{by}, şu {n} belgeyi imzaladı:", FUTURE: "{by}, şu {n} belgeyi imzalayacak:"},
    "az": {
        PAST: "{by} aşağıdakı {n} sənədi imzalayıb{plural}:",
        FUTURE: "{by} aşağıdakı {n} sənədi imzalayacaq{plural}:",
    },
    "en": {
        PAST: "{by}{comma} signed the following {n} {noun}:",
        FUTURE: "{by}{comma} will sign the following {n} {noun}:",
    },
}
_MANY = {
    "tr": {PAST: "{n} {noun} imzalandı:", FUTURE: "{n} {noun} imzalanacak:"},
    "az": {PAST: "{n} {noun} imzalanıb:", FUTURE: "{n} {noun} imzalanacaq:"},
    "en": {PAST: "{n} {noun} were signed:", FUTURE: "{n} {noun} will be signed:"},
}
#: The noun of documents counted (tr, az: the singular after a numeral; en: the plural).
DOCUMENT = {"tr": "belge", "az": "sənəd", "en": "documents"}
#: The lead when the template's own lead has told what was signed: a label, not the sentence again
#: (one document, several), so the release does not say twice that the documents were signed.
_LISTED = {
    "tr": {PAST: ("İmzalanan belge:", "İmzalanan belgeler:"), FUTURE: ("İmzalanacak belge:", "İmzalanacak belgeler:")},
    "az": {PAST: ("İmzalanan sənəd:", "İmzalanan sənədlər:"), FUTURE: ("İmzalanacaq sənəd:", "İmzalanacaq sənədlər:")},
    "en": {
        PAST: ("Document signed:", "Documents signed:"),
        FUTURE: ("Document to be signed:", "Documents to be signed:"),
    },
}
#: A list item naming one document's own signatories after a lead that has the verb.
_ITEM = {"tr": "{title}, {by} tarafından", "az": "{title}, {by} tərəfindən", "en": "{the}{title}, by {by}"}


def _article(title: str) -> str:
    """English titles of documents take ``the`` (the Memorandum of Understanding …) unless they have it."""
    return "" if title.lower().startswith("the ") else "the "


def english_plural(noun: str) -> str:
    """The plural of a kind of document: its head noun, the last word before ``of``/``on``/``between``…
    (memoranda of understanding, joint declarations, treaties); Latin ``-um`` → ``-a`` (memorandum)."""
    phrase, rest = re.match(r"(.+?)((?: (?:of|on|between|for|with|in|to) .*)?)$", noun.strip()).groups()  # type: ignore[union-attr]
    before, head = phrase.rsplit(" ", 1) if " " in phrase else ("", phrase)
    if head.endswith("um"):
        head = head[:-2] + "a"
    elif re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", head):
        head += "es"
    else:
        head += "s"
    return f"{before} {head}{rest}".strip()


def _noun(documents: list[Signed], lang: str) -> str:
    kinds = {document.kind for document in documents}
    if len(kinds) != 1 or None in kinds:
        return DOCUMENT[lang]
    (kind,) = kinds
    return english_plural(str(kind)) if lang == "en" else str(kind)


def _item(document: Signed, lang: str) -> str:
    return _ITEM[lang].format(title=document.title, by=document.signatories, the=_article(document.title)).strip()


def documents_text(documents: list[Signed], lang: str, tense: str = PAST, told: bool = False) -> tuple[str, list[str]]:
    """The lead sentence and the list items (none for a single document) of a ``documents`` block.

    ``told``: the template's lead already says that documents were (or will be) signed and by whom;
    the block then lists each document with its own signatories under a label."""
    check_lang(lang)
    same = len({document.signatories for document in documents}) == 1
    if told:  # the lead named the signatories: each item names its own unless they are the same for all
        items = [document.title if same else _item(document, lang) for document in documents]
        return _LISTED[lang][tense][len(documents) > 1], items
    if len(documents) == 1:
        (one,) = documents
        lead = _ONE[lang][tense].format(title=one.title, by=one.signatories, the=_article(one.title))
        return capitalize(lead, lang), []
    n = count(len(documents), lang)
    if same:
        first = documents[0]
        plural = "lar" if first.people > 1 else ""
        noun = _noun(documents, lang) if lang == "en" else DOCUMENT[lang]
        comma = "," if first.titled and lang == "en" else ""
        lead = _SAME_SIGNATORIES[lang][tense].format(by=first.signatories, n=n, plural=plural, noun=noun, comma=comma)
        return lead, [document.title for document in documents]
    items = [_item(document, lang) for document in documents]
    return capitalize(_MANY[lang][tense].format(n=n, noun=_noun(documents, lang)), lang), items
