"""Documents signed, in number and tense: the sentences of a ``documents`` block.

One document is one passive sentence with its signatories as the agent, which needs no case ending on
a title the engine cannot inflect safely (tr ``X, A ve B tarafından imzalandı.``, az ``X A və B
tərəfindən imzalanıb.``, en ``The X was signed by A and B.``). Several documents get a lead that agrees
in number, then one list item each: when every document has the same signatories they are the subject
(tr ``A ve B, şu üç belgeyi imzaladı:`` — a numeral takes the singular noun in Turkish and Azerbaijani;
az ``A və B aşağıdakı üç sənədi imzalayıblar:`` — the plural verb after a plural human subject; en ``A
and B signed the following three documents:``), otherwise the documents are (``Üç belge imzalandı:``,
``Üç sənəd imzalanıb:``, ``Three documents were signed:``) and each item names its own signatories.
An announcement is in the future (``imzalanacak``, ``imzalanacaq``, ``will be signed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ._base import FUTURE, PAST, check_lang
from .casing import capitalize
from .numbers import count


@dataclass(frozen=True)
class Signed:
    """One document in one language: its title and its signatories as they are named here, joined
    (``A ve B``: ``language.lists.format_list``, kept out of this module to keep it a leaf)."""

    title: str
    signatories: str


_ONE = {
    "tr": {PAST: "{title}, {by} tarafından imzalandı.", FUTURE: "{title}, {by} tarafından imzalanacak."},
    "az": {PAST: "{title} {by} tərəfindən imzalanıb.", FUTURE: "{title} {by} tərəfindən imzalanacaq."},
    "en": {PAST: "{the}{title} was signed by {by}.", FUTURE: "{the}{title} will be signed by {by}."},
}
_SAME_SIGNATORIES = {
    "tr": {PAST: "{by}, şu {n} belgeyi imzaladı:", FUTURE: "{by}, şu {n} belgeyi imzalayacak:"},
    "az": {PAST: "{by} aşağıdakı {n} sənədi imzalayıblar:", FUTURE: "{by} aşağıdakı {n} sənədi imzalayacaqlar:"},
    "en": {PAST: "{by} signed the following {n} documents:", FUTURE: "{by} will sign the following {n} documents:"},
}
_MANY = {
    "tr": {PAST: "{n} belge imzalandı:", FUTURE: "{n} belge imzalanacak:"},
    "az": {PAST: "{n} sənəd imzalanıb:", FUTURE: "{n} sənəd imzalanacaq:"},
    "en": {PAST: "{n} documents were signed:", FUTURE: "{n} documents will be signed:"},
}
#: A list item naming one document's own signatories after a lead that has the verb.
_ITEM = {"tr": "{title}, {by} tarafından", "az": "{title}, {by} tərəfindən", "en": "{the}{title}, by {by}"}


def _article(title: str) -> str:
    """English titles of documents take ``the`` (the Memorandum of Understanding …) unless they have it."""
    return "" if title.lower().startswith("the ") else "the "


def documents_text(documents: list[Signed], lang: str, tense: str = PAST) -> tuple[str, list[str]]:
    """The lead sentence and the list items (none for a single document) of a ``documents`` block."""
    check_lang(lang)
    if len(documents) == 1:
        (one,) = documents
        by = one.signatories
        return capitalize(_ONE[lang][tense].format(title=one.title, by=by, the=_article(one.title)), lang), []
    n = count(len(documents), lang)
    if len({document.signatories for document in documents}) == 1:
        by = documents[0].signatories
        return _SAME_SIGNATORIES[lang][tense].format(by=by, n=n), [document.title for document in documents]
    items = [_ITEM[lang].format(title=d.title, by=d.signatories, the=_article(d.title)).strip() for d in documents]
    return capitalize(_MANY[lang][tense].format(n=n), lang), items
