"""A draft's body (format 2) rendered to Markdown for one language, and its documents as views.

Each block is written by the engine with the language's grammar (``language/attribution.py``,
``language/signing.py``, ``language/times.py``): the tense follows the resolver's ``status()``, people come
from the directory through the resolver (their gaps and unknown keys reported there), and the
Markdown is what the document layer parses (docs/attribution.md, "The body as Markdown"):
paragraphs, ``### `` subheadings, ``- `` and ``1. `` lists, a photo as ``{.photo src="REF"}``
followed by its caption paragraph, statements as plain paragraphs.

Mentions: a person already named (in one of the template's person fields, or a signatory the
template names through ``documents``) is given in the short form; anyone else by title and full
name the first time, in the short form after; an English continuing quote by the same speaker
takes he/she when the directory gives the gender (az: ``o``).

The resolver is reached through its methods only (``Views`` below): this module sits under
``pipeline/resolve.py`` in the chain of imports, so it imports nothing of the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pressdraft.core.model import ANNOUNCEMENT
from pressdraft.core.problems import Location
from pressdraft.language.attribution import FUTURE, PAST, Speaker, attribute_paraphrase, attribute_quote
from pressdraft.language.lists import format_list
from pressdraft.language.signing import Signed, documents_text
from pressdraft.language.times import format_time_range
from pressdraft.safety.markdown import Markdown, escape_text

#: The third-person pronoun of a continuing speaker, by the directory's gender (en); az ``o`` for both
#: (conventions.md §4.1: ``“…”, – o vurğulayıb.``), only after a quote.
PRONOUNS = {"en": {"m": "he", "f": "she"}, "az": {"m": "o", "f": "o"}}


class Views(Protocol):
    """What the body is rendered with: the pipeline's resolver for one language."""

    lang: str

    def text(self, value: Any, at: Location) -> str: ...

    def paragraphs(self, value: Any, at: Location) -> str: ...

    def person(self, ref: Any, at: Location) -> Any: ...


@dataclass(frozen=True)
class DocumentView:
    """One document of a ``documents`` block in one language (the template context's ``documents``)."""

    title: str
    kind: str | None
    signatories: list[Any]


def person_key(person: Any) -> str:
    """Who a person view is, across blocks and fields: the directory key, else the name (inline people)."""
    return person.key or str(person.name)


def document_views(blocks: Iterable[Any], views: Views) -> list[DocumentView]:
    """Every entry of every ``documents`` block, in order."""
    found: list[DocumentView] = []
    for index, block in enumerate(blocks):
        if block.kind != "documents":
            continue
        for row, entry in enumerate(block.value):
            at = Location(field=("body", index, "documents", row))
            found.append(
                DocumentView(
                    title=views.text(entry.title, at.child("title")),
                    kind=views.text(entry.kind, at.child("kind")) if entry.kind is not None else None,
                    signatories=[
                        views.person(ref, at.child("signatories", n)) for n, ref in enumerate(entry.signatories)
                    ],
                )
            )
    return found


def _pieces(text: str) -> list[str]:
    """The paragraphs of a resolved text (blank lines between them)."""
    return [" ".join(piece.split()) for piece in text.split("\n\n") if piece.strip()]


@dataclass
class _Writer:
    """Writes the blocks in order, remembering who has been named and who spoke last."""

    views: Views
    future: bool
    named: set[str]
    documents_seen: list[DocumentView]
    documents_told: bool = False
    only_document: bool = False
    mentioned: set[str] = field(default_factory=set)
    last_speaker: str | None = None

    @property
    def lang(self) -> str:
        return self.views.lang

    def speaker(self, person: Any, after_quote: bool = False) -> Speaker:
        """A quote's or a paraphrase's speaker: a pronoun when the same speaker goes on, else a mention.

        Azerbaijani *o* only after a quote (``“…”, – deyə o bildirib.``): at the head of a sentence it
        reads as the demonstrative (``O iki ölkə…`` "those two countries")."""
        key = person_key(person)
        continues = key == self.last_speaker
        self.last_speaker = key
        pronoun = PRONOUNS.get(self.lang, {}).get(person.gender or "") if after_quote or self.lang != "az" else None
        if continues and pronoun:
            return Speaker(pronoun, pronoun=True)
        first = key not in self.named and key not in self.mentioned
        return Speaker(self.mention(person), appositive=first and self.lang == "en" and bool(person.title))

    def mention(self, person: Any) -> str:
        """Title and full name at a first mention, the short form once named."""
        key = person_key(person)
        if key in self.named or key in self.mentioned:
            return str(person.short)
        self.mentioned.add(key)
        return str(person.full)

    def tense(self, setting: str | None) -> str:
        """Words at a stated setting of a coming event are still to be said; all else was said."""
        return FUTURE if self.future and setting else PAST

    def block(self, kind: str, value: Any, at: Location) -> list[str]:
        if kind not in ("quote", "paraphrase"):
            self.last_speaker = None
        return _BLOCKS[kind](self, value, at.child(kind))

    def paragraphs(self, value: Any, at: Location) -> list[str]:
        return [escape_text(piece) for piece in _pieces(self.views.paragraphs(value, at))]

    def quote(self, block: Any, at: Location) -> list[str]:
        person = self.views.person(block.speaker, at.child("speaker"))
        setting = self.views.text(block.setting, at.child("setting")) if block.setting is not None else None
        paragraphs = _pieces(self.views.paragraphs(block.text, at.child("text")))
        speaker = self.speaker(person, after_quote=len(paragraphs) == 1)
        lines = attribute_quote(paragraphs, speaker, self.lang, block.verb, self.tense(setting), setting)
        return [escape_text(line) for line in lines]

    def paraphrase(self, block: Any, at: Location) -> list[str]:
        person = self.views.person(block.speaker, at.child("speaker"))
        clauses = _pieces(self.views.paragraphs(block.text, at.child("text")))
        # each paragraph is attributed (the speaker goes on), with the drafter's verb: the engine chooses none
        return [
            escape_text(attribute_paraphrase(clause, self.speaker(person), self.lang, block.verb, self.tense(None)))
            for clause in clauses
        ]

    def subheading(self, value: Any, at: Location) -> list[str]:
        return [f"### {escape_text(self.views.text(value, at))}"]

    def list(self, block: Any, at: Location) -> list[str]:
        items = [self.views.text(item, at.child("items", n)) for n, item in enumerate(block.items)]
        return ["\n".join(_list_lines(items, numbered=block.style == "number"))]

    def documents(self, entries: Any, at: Location) -> list[str]:
        if self.documents_told and self.only_document:
            return []  # a template that reads ``documents`` names one document itself, with its signatories
        # the block's documents, resolved once for the context's ``documents``
        documents = [self.documents_seen.pop(0) for _ in entries]
        joined: dict[tuple[str, ...], tuple[str, bool]] = {}  # the same signatories named once, the same way
        signed = []
        for document in documents:
            who = tuple(person_key(person) for person in document.signatories)
            if who not in joined:
                names = [self.mention(person) for person in document.signatories]
                last = document.signatories[-1]
                joined[who] = (format_list(names, self.lang), bool(last.title) and names[-1] == str(last.full))
            by, titled = joined[who]
            signed.append(Signed(document.title, by, len(who), document.kind, titled))
        self.last_speaker = None
        lead, items = documents_text(signed, self.lang, FUTURE if self.future else PAST, self.documents_told)
        return [escape_text(lead)] + (["\n".join(_list_lines(items))] if items else [])

    def agenda(self, rows: Any, at: Location) -> list[str]:
        lines = []
        for n, row in enumerate(rows):  # a time is digits, points and a.m./p.m.: nothing Markdown reads
            item = escape_text(self.views.text(row.item, at.child(n, "item")))
            lines.append(f"- {format_time_range(row.time, row.end, self.lang)} – {item}")
        return ["\n".join(lines)]

    def photo(self, block: Any, at: Location) -> list[str]:
        caption = escape_text(self.views.text(block.caption, at.child("caption")))
        credit = f" — {escape_text(block.credit)}" if block.credit else ""
        source = str(block.file).translate(_ATTRIBUTE_UNSAFE)
        return [f'{{.photo src="{source}"}}\n{caption}{credit}']

    def statement(self, value: Any, at: Location) -> list[str]:
        return self.paragraphs(value, at)


#: What would end the photo's attribute line early, behind a backslash (``document.blocks`` takes it away).
_ATTRIBUTE_UNSAFE = str.maketrans({'"': '\\"', "\\": "\\\\", "{": "\\{", "}": "\\}"})


def _list_lines(items: list[str], numbered: bool = False) -> list[str]:
    return [f"{f'{n}.' if numbered else '-'} {escape_text(item)}" for n, item in enumerate(items, 1)]


_BLOCKS: dict[str, Callable[[_Writer, Any, Location], list[str]]] = {
    "paragraph": _Writer.paragraphs,
    "subheading": _Writer.subheading,
    "quote": _Writer.quote,
    "paraphrase": _Writer.paraphrase,
    "list": _Writer.list,
    "documents": _Writer.documents,
    "agenda": _Writer.agenda,
    "photo": _Writer.photo,
    "statement": _Writer.statement,
}


def render_body(
    blocks: Iterable[Any],
    views: Views,
    status: str,
    documents: list[DocumentView],
    named: Iterable[str] = (),
    documents_told: bool = False,
) -> Markdown:
    """The typed body (``core.body.Block`` list) as Markdown in ``views.lang``; empty without blocks.

    ``documents``: ``document_views`` of these blocks (resolved once, for the context too); ``named``:
    keys (``person_key``) of people the template names itself, mentioned in the short form;
    ``documents_told``: the template reads ``documents`` (its lead tells what was signed)."""
    future = status == ANNOUNCEMENT
    writer = _Writer(views, future, set(named), list(documents), documents_told, len(documents) == 1)
    parts: list[str] = []
    for index, block in enumerate(blocks):
        parts += writer.block(block.kind, block.value, Location(field=("body", index)))
    return Markdown("\n\n".join(parts))
