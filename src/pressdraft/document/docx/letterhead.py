"""The letterhead: the reference document every release is written into.

A ``Letterhead`` is parsed once and kept. Each document starts as a clone of its parsed
package (no unzip, no XML parsing per document), and styles are looked up by name once,
here, so the writer applies them by id. A user's letterhead (see ``sanitize.load_letterhead``)
keeps its own styles, header, footer and logo; the styles it lacks are copied in from the
shipped default, with the list numbering they need.
"""

from __future__ import annotations

import copy
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.package import Package

from . import ooxml
from .package import UNCHANGED, UNCHANGED_WITH_TABLES, clone_package, save_deterministic
from .placeholders import fill_placeholders

DEFAULT_LETTERHEAD_PATH = Path(__file__).resolve().parents[2] / "data" / "letterhead.docx"
#: Prepared variants a letterhead keeps (language, page format, issuer), the least recently used dropped.
VARIANTS = 32

#: The paragraph style each block kind is written in, by style *name* (as Word stores names
#: in styles.xml), best first. Word's own built-in names come second, so that a letterhead
#: made in Word with a "Title" and a "Subtitle" uses them; what is still missing comes from
#: the default letterhead.
KIND_STYLE_NAMES: dict[str, tuple[str, ...]] = {
    "paragraph": ("Body Text",),
    "release": ("Release Line",),
    "headline": ("Headline", "Title"),
    "subheadline": ("Subheadline", "Subtitle"),
    "heading": ("Section Heading", "heading 2"),
    "dateline": ("Dateline",),
    "quote": ("Quote",),
    "bullet": ("List Bullet",),
    "number": ("List Number",),
    "photo": ("Photo",),
    "caption": ("Caption",),
    "about": ("Boilerplate",),
    "contact": ("Contact",),
    "closing": ("Closing",),
    "end": ("End Mark",),
    "label": ("Edition Label",),
}

_APP_STATISTICS = (
    "TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs",
    "CharactersWithSpaces", "HeadingPairs", "TitlesOfParts", "Template",
)  # fmt: skip

_W_STYLE, _W_NAME, _W_STYLE_ID = qn("w:style"), qn("w:name"), qn("w:styleId")
_W_TYPE, _W_VAL = qn("w:type"), qn("w:val")


@dataclass
class Letterhead:
    """A parsed letterhead, ready to stamp out documents.

    ``style_ids`` maps each block kind to the id of its paragraph style; ``bullet_num`` is
    the numbering bullets use, ``number_abstract`` the list definition numbered lists restart.
    ``adopted`` names the styles that came from the default letterhead.
    """

    data: bytes
    style_ids: dict[str, str | None] = field(default_factory=dict)
    hyperlink_style_id: str | None = None
    bullet_num: int | None = None
    number_num: int | None = None
    number_abstract: int | None = None
    adopted: tuple[str, ...] = ()
    _package: Package | None = field(default=None, repr=False)
    _variants: OrderedDict[tuple[str, str, str], Package] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_bytes(cls, data: bytes, fallback: Letterhead | None = None) -> Letterhead:
        """Parse a trusted letterhead: the shipped default, or one ``load_letterhead`` has
        checked and cleaned. Styles it lacks are taken from ``fallback``."""
        document = docx.Document(io.BytesIO(data))
        _clear_body(document)
        letterhead = cls(data=data)
        letterhead._index(document, fallback)
        prepared = save_deterministic(document)
        # A package nobody touches through python-docx's proxies: the source of every clone.
        letterhead._package = Package.open(io.BytesIO(prepared))
        return letterhead

    @property
    def document(self) -> Document:
        """The parsed letterhead, read-only by convention (fonts, styles, header)."""
        assert self._package is not None
        return self._package.main_document_part.document

    def new_document(self, tag: str, page_format: str, issuer: str, *, tables: bool = False) -> Document:
        """A fresh, empty document in this letterhead: a clone of its parsed package, with
        the styles in proofing language ``tag``, the page numbers (``{{page}}``) as
        ``page_format``, ``issuer`` in the header and footer (``{{issuer}}``) and as the
        company of its app properties, the letterhead's own statistics gone from them. Such a
        variant is prepared once and kept (the last ``VARIANTS``: the few issuers of an
        installation, in each language); its documents share the bytes of every part a release
        never changes (``package.UNCHANGED``). ``tables``: the document will hold a table (its
        styles part stays XML)."""
        assert self._package is not None
        key = (tag, page_format, issuer)
        with self._lock:
            source = self._variants.get(key)
            if source is None:
                source = self._variant(tag, page_format, issuer)
                self._variants[key] = source
                if len(self._variants) > VARIANTS:
                    self._variants.popitem(last=False)
            else:
                self._variants.move_to_end(key)
        unchanged = UNCHANGED_WITH_TABLES if tables else UNCHANGED
        return clone_package(source, unchanged).main_document_part.document

    def _variant(self, tag: str, page_format: str, issuer: str) -> Package:
        assert self._package is not None
        source = clone_package(self._package)
        document = source.main_document_part.document
        ooxml.set_app_properties(document, {"Application": "pressdraft", "Company": issuer, "DocSecurity": "0"})
        ooxml.remove_app_properties(document, _APP_STATISTICS)
        ooxml.set_styles_lang(document.styles.element, tag)
        ooxml.set_settings_lang(document.settings.element, tag)
        for part in ooxml.story_parts(document):
            fill_placeholders(part.element, tag, {"page": page_format})
            fill_placeholders(part.element, tag, {"issuer": issuer})
        return source

    # -- indexing ---------------------------------------------------------------------------

    def _index(self, document: Document, fallback: Letterhead | None) -> None:
        styles = document.styles.element
        adopter = _Adopter(document, fallback)
        for kind, names in KIND_STYLE_NAMES.items():
            style_id = _find_style(styles, "paragraph", names)
            if style_id is None and fallback is not None:
                style_id = adopter.adopt_paragraph_style(kind)
            self.style_ids[kind] = style_id or self.style_ids.get("paragraph")
        self.hyperlink_style_id = _find_style(styles, "character", ("Hyperlink",))
        if self.hyperlink_style_id is None and fallback is not None:
            self.hyperlink_style_id = adopter.adopt("character", fallback.hyperlink_style_id)
        self.bullet_num = _style_num_id(styles, self.style_ids["bullet"])
        self.number_num = _style_num_id(styles, self.style_ids["number"])
        if self.bullet_num is None and fallback is not None:
            self.bullet_num = adopter.import_num(fallback.bullet_num)
        if self.number_num is None and fallback is not None:
            self.number_num = adopter.import_num(fallback.number_num)
        if self.number_num is not None:
            self.number_abstract = ooxml.abstract_num_id_of(document, self.number_num)
        self.adopted = tuple(adopter.adopted)


class _Adopter:
    """Copies styles (and the numbering they use) from the fallback letterhead."""

    def __init__(self, document: Document, fallback: Letterhead | None) -> None:
        self.document = document
        self.fallback = fallback
        self.adopted: list[str] = []
        self._nums: dict[int, int] = {}

    def adopt_paragraph_style(self, kind: str) -> str | None:
        assert self.fallback is not None
        return self.adopt("paragraph", self.fallback.style_ids.get(kind), kind)

    def adopt(self, style_type: str, style_id: str | None, kind: str | None = None) -> str | None:
        if self.fallback is None or style_id is None:
            return None
        source = _style_element(self.fallback.document.styles.element, style_id)
        if source is None:
            return None
        styles = self.document.styles.element
        style = copy.deepcopy(source)
        new_id = style_id
        while _style_element(styles, new_id) is not None:
            new_id += "PD"
        style.set(_W_STYLE_ID, new_id)
        style.attrib.pop(qn("w:default"), None)
        body = _find_style(styles, "paragraph", ("Body Text", "Normal"))
        based_on = style.find(qn("w:basedOn"))
        if based_on is not None and _style_element(styles, based_on.get(_W_VAL)) is None:
            if style_type == "paragraph" and body and kind != "paragraph":
                based_on.set(_W_VAL, body)
            else:
                style.remove(based_on)
        following = style.find(qn("w:next"))
        if following is not None and _style_element(styles, following.get(_W_VAL)) is None:
            style.remove(following)
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            imported = self.import_num(int(num_id.get(_W_VAL)))
            if imported is None:
                num_id.getparent().getparent().remove(num_id.getparent())
            else:
                num_id.set(_W_VAL, str(imported))
        styles.append(style)
        self.adopted.append(style.find(_W_NAME).get(_W_VAL) if style.find(_W_NAME) is not None
                            else new_id)  # fmt: skip
        return new_id

    def import_num(self, num_id: int | None) -> int | None:
        """Copy the fallback's list definition behind ``num_id``; return the new numId."""
        if self.fallback is None or num_id is None:
            return None
        if num_id in self._nums:
            return self._nums[num_id]
        source_doc = self.fallback.document
        abstract_id = ooxml.abstract_num_id_of(source_doc, num_id)
        source = source_doc.part.numbering_part.element
        abstract = next(
            (a for a in source.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(abstract_id)),
            None,
        )
        if abstract is None:
            return None
        numbering = self.document.part.numbering_part.element
        existing = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(
            qn("w:abstractNum"))]  # fmt: skip
        new_abstract = copy.deepcopy(abstract)
        new_abstract_id = max(existing, default=-1) + 1
        new_abstract.set(qn("w:abstractNumId"), str(new_abstract_id))
        for nsid in new_abstract.findall(qn("w:nsid")):
            new_abstract.remove(nsid)
        anchors = list(numbering.iterchildren(qn("w:abstractNum"))) or list(
            numbering.iterchildren(qn("w:numPicBullet"))
        )
        if anchors:
            anchors[-1].addnext(new_abstract)
        else:
            numbering.insert(0, new_abstract)
        new_num = int(numbering.add_num(new_abstract_id).numId)
        self._nums[num_id] = new_num
        return new_num


def _find_style(styles, style_type: str, names: tuple[str, ...]) -> str | None:
    by_name: dict[str, str] = {}
    for style in styles.iterchildren(_W_STYLE):
        if style.get(_W_TYPE) != style_type:
            continue
        name = style.find(_W_NAME)
        if name is not None:
            by_name.setdefault(name.get(_W_VAL, "").lower(), style.get(_W_STYLE_ID))
    for name in names:
        if name.lower() in by_name:
            return by_name[name.lower()]
    return None


def _style_element(styles, style_id: str | None):
    if style_id is None:
        return None
    for style in styles.iterchildren(_W_STYLE):
        if style.get(_W_STYLE_ID) == style_id:
            return style
    return None


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style_num_id(styles, style_id: str | None) -> int | None:
    style = _style_element(styles, style_id)
    if style is None:
        return None
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return int(num_id.get(_W_VAL)) if num_id is not None else None


@lru_cache(maxsize=1)
def default_letterhead() -> Letterhead:
    """The shipped house style, parsed once per process."""
    return Letterhead.from_bytes(DEFAULT_LETTERHEAD_PATH.read_bytes())
