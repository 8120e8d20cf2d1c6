"""The archive: every release found by any word, person, place, state, issuer, date or number.

Reads only, for any signed-in account (``service.archive``). The store finds the drafts
(``store/search.py``); here each one becomes a result line: its headline in the reader's
interface language (else the language it was written in first, else its title) and the first
sentence that holds a word of the query, escaped, with the matched words in ``<mark>``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pressdraft import LANGUAGES, N_
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.language.folding import spans, words
from pressdraft.store.api import Store
from pressdraft.store.schema import STATUSES

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
PAGE = 50


@dataclass(frozen=True)
class ArchiveHit:
    """One result line: the draft to open, its headline, and where the query matched (HTML)."""

    id: str
    headline: str
    status: str
    owner: str
    date: str | None
    number: str | None
    sentence: str  # where the query matched, as written ("" for a search by filters alone)
    marked: str  # the same sentence as HTML, escaped, the matched words in <mark>


def release_date(text: str | None, field: str) -> dt.date | None:
    """A date filter as typed (YYYY-MM-DD), or a one-line ``PressdraftError`` naming the field."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PressdraftError(
            Problem(
                NOWHERE,
                N_("{field}: {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-04-16."),
                {"field": field, "text": text},
            )
        ) from None


def _known_status(status: str | None) -> str | None:
    if status and status not in STATUSES:
        message = N_("status: {status!r} is not a state of a release; use one of {known}.")
        raise PressdraftError(Problem(NOWHERE, message, {"status": status, "known": ", ".join(STATUSES)}))
    return status or None


class Archive:
    """Search the store's releases, for one reader (their interface language is passed per call)."""

    READS = frozenset({"search"})

    def __init__(self, store: Store):
        self.store = store

    def search(
        self,
        query: str,
        *,
        lang: str,
        status: str | None = None,
        issuer: str | None = None,
        owner: str | None = None,
        template: str | None = None,
        number: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = PAGE,
        offset: int = 0,
    ) -> list[ArchiveHit]:
        """Releases with every word of ``query`` (folded, by prefix) that pass the filters, newest
        edit first; ``lang``: the reader's interface language, for the headline. An unknown
        ``status`` is refused in one line."""
        found = self.store.search_drafts(
            query,
            status=_known_status(status),
            issuer=issuer or None,
            owner=owner or None,
            template=template or None,
            number=number or None,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )
        terms = words(query)
        hits = []
        for draft in found:
            data = draft.data if isinstance(draft.data, Mapping) else {}
            release = data.get("release") if isinstance(data.get("release"), Mapping) else {}
            sentence, marked = matching_sentence(data, terms, lang, title=draft.title)
            hits.append(
                ArchiveHit(
                    id=draft.id,
                    headline=headline(data, lang) or draft.title,
                    status=draft.status,
                    owner=draft.owner,
                    date=_text(release.get("date")),
                    number=_text(release.get("number")),
                    sentence=sentence,
                    marked=marked,
                )
            )
        return hits


def _text(value: Any) -> str | None:
    return str(value) if value is not None else None


def headline(data: Mapping[str, Any], lang: str) -> str:
    """The headline in ``lang``, else in the language the draft was written in first ("" if none)."""
    fields = data.get("fields")
    written = fields.get("headline") if isinstance(fields, Mapping) else None
    if not isinstance(written, Mapping):
        return ""
    for each in (lang, data.get("source_language")):
        text = written.get(each)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def matching_sentence(data: Mapping[str, Any], terms: list[str], lang: str, *, title: str = "") -> tuple[str, str]:
    """The first sentence (the reader's language first, the draft's title before its directory
    keys) holding a word that begins with a query term, as written and as escaped HTML with those
    words in ``<mark>``; empty when none does (e.g. a search by filters alone)."""
    if not terms:
        return "", ""
    for text in _texts(data, lang, title):
        for sentence in _SENTENCE_END.split(text):
            marked = mark(sentence, terms)
            if marked is not None:
                return sentence, marked
    return "", ""


def mark(sentence: str, terms: list[str]) -> str | None:
    """``sentence`` escaped, each word that begins with a term in ``<mark>`` (None: no such word)."""
    parts, last, hit = [], 0, False
    for start, end, word in spans(sentence):
        if any(word.startswith(term) for term in terms):
            parts += [html.escape(sentence[last:start]), "<mark>", html.escape(sentence[start:end]), "</mark>"]
            last, hit = end, True
    return "".join([*parts, html.escape(sentence[last:])]) if hit else None


def _texts(data: Mapping[str, Any], lang: str, title: str) -> list[str]:
    """Every string of the data: the texts in ``lang`` first, then those in the other languages,
    the title, then the rest (directory keys, template, number), each group in the data's order."""
    found: list[tuple[int, str]] = [(2, title)]

    def walk(value: Any, language: str | None) -> None:
        if isinstance(value, str):
            found.append((0 if language == lang else 1 if language else 3, value))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                walk(item, key if key in LANGUAGES else language)
        elif isinstance(value, list):
            for item in value:
                walk(item, language)

    walk(data, None)
    return [text for _, text in sorted(found, key=lambda pair: pair[0])]
