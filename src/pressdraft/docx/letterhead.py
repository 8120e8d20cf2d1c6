"""The letterhead: the reference document every release is written into.

A ``Letterhead`` is parsed once and kept; each document starts as a deep copy of its parsed
package (no unzip, no XML parsing per document), and styles are looked up by name once, here,
so the writer applies them by id.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.package import Package

import docx

from . import ooxml

DEFAULT_LETTERHEAD_PATH = Path(__file__).resolve().parent.parent / "data" / "letterhead.docx"

#: The style a block kind is written in, by style *name* (as Word stores it in styles.xml).
KIND_STYLE_NAMES: dict[str, str] = {
    "release": "Release Line",
    "headline": "Headline",
    "subheadline": "Subheadline",
    "heading": "Section Heading",
    "dateline": "Dateline",
    "paragraph": "Body Text",
    "quote": "Quote",
    "bullet": "List Bullet",
    "number": "List Number",
    "about": "Boilerplate",
    "contact": "Contact",
    "closing": "Closing",
    "end": "End Mark",
    "label": "Edition Label",
}


@dataclass
class Letterhead:
    """A parsed letterhead, ready to stamp out documents.

    ``style_ids`` maps each block kind to the id of its paragraph style; ``bullet_num`` and
    ``number_abstract`` are the numbering the list styles use.
    """

    data: bytes
    style_ids: dict[str, str | None] = field(default_factory=dict)
    hyperlink_style_id: str | None = None
    bullet_num: int | None = None
    number_num: int | None = None
    number_abstract: int | None = None
    _package: Package | None = field(default=None, repr=False)
    _variants: dict[tuple[str, str], Package] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_bytes(cls, data: bytes) -> Letterhead:
        """Parse a trusted letterhead (the shipped default, or one ``load_letterhead`` cleaned)."""
        document = docx.Document(io.BytesIO(data))
        _clear_body(document)
        ooxml.set_app_properties(document, {"Application": "pressdraft"})
        ooxml.remove_app_properties(
            document,
            ("TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs",
             "CharactersWithSpaces", "HeadingPairs", "TitlesOfParts"),
        )
        letterhead = cls(data=data)
        letterhead._index_styles(document)
        prepared = ooxml.save_deterministic(document)
        # Keep a package nobody has touched through python-docx's proxies, so that a deep
        # copy of it is a complete, independent document.
        letterhead._package = Package.open(io.BytesIO(prepared))
        return letterhead

    def _index_styles(self, document: Document) -> None:
        by_name: dict[str, str] = {}
        for style in document.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
                by_name.setdefault(style.name.lower(), style.style_id)
            if style.type == WD_STYLE_TYPE.CHARACTER and style.name == "Hyperlink":
                self.hyperlink_style_id = style.style_id
        body = by_name.get("body text") or by_name.get("normal")
        for kind, name in KIND_STYLE_NAMES.items():
            self.style_ids[kind] = by_name.get(name.lower(), body)
        self.bullet_num = _style_num_id(document, self.style_ids["bullet"])
        self.number_num = _style_num_id(document, self.style_ids["number"])
        if self.number_num is not None:
            self.number_abstract = ooxml.abstract_num_id_of(document, self.number_num)

    def new_document(self, tag: str, page_format: str) -> Document:
        """A fresh, empty document in this letterhead: a clone of its parsed package, with
        the styles in proofing language ``tag`` and the page numbers (``{{page}}``) as
        ``page_format``. One such variant per language is prepared once and kept."""
        assert self._package is not None
        key = (tag, page_format)
        with self._lock:
            source = self._variants.get(key)
            if source is None:
                source = ooxml.clone_package(self._package)
                document = source.main_document_part.document
                ooxml.set_styles_lang(document.styles.element, tag)
                ooxml.set_settings_lang(document.settings.element, tag)
                for part in ooxml.story_parts(document):
                    ooxml.fill_placeholders(part.element, tag, {"page": page_format})
                self._variants[key] = source
        return ooxml.clone_package(source).main_document_part.document


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style_num_id(document: Document, style_id: str | None) -> int | None:
    if not style_id:
        return None
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if num_id is not None:
                return int(num_id.get(qn("w:val")))
    return None


@lru_cache(maxsize=1)
def default_letterhead() -> Letterhead:
    """The shipped house style, parsed once per process."""
    return Letterhead.from_bytes(DEFAULT_LETTERHEAD_PATH.read_bytes())
