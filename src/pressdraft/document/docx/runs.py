"""Paragraphs and runs built from cloned property prototypes, placed with lxml.

python-docx builds each property through generic "get or add a child in schema order" code
(≈10 µs a property, ≈200 µs a paragraph with numbering). A release's paragraphs use a handful
of formats, so each format is built once, by python-docx's own element classes (``style`` and
``numPr`` by style id and numId), and cloned per paragraph (≈2 µs). Hyperlinks, which
python-docx can read but not add, are made here too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml.etree import SubElement

from .ooxml import set_rpr_lang

_W_R, _W_T, _W_BR, _W_TAB = (qn(t) for t in ("w:r", "w:t", "w:br", "w:tab"))
_W_P, _W_NSMAP = qn("w:p"), {"w": nsmap["w"]}  # what OxmlElement("w:p") makes, with its tag parsed once
_W_HYPERLINK, _R_ID, _W_TYPE = qn("w:hyperlink"), qn("r:id"), qn("w:type")
_XML_SPACE = qn("xml:space")
_TEXT_PIECES = re.compile("([\n\t\f])")


class Formats:
    """Paragraph and run properties for one language, built once and cloned per use."""

    def __init__(self, tag: str, hyperlink_style_id: str | None = "Hyperlink") -> None:
        # Shared by every document in this language (see ``formats_for``); the prototypes
        # are never handed out, only their copies.
        self.tag = tag
        self.hyperlink_style_id = hyperlink_style_id
        self._ppr: dict[tuple, object] = {}
        self._rpr: dict[tuple, object] = {}

    def ppr(
        self,
        style_id: str | None,
        num: tuple[int, int] | None = None,
        jc: str | None = None,
        space_before: int | None = None,
    ):
        """``space_before``: in twentieths of a point, over what the style gives."""
        key = (style_id, num, jc, space_before)
        proto = self._ppr.get(key)
        if proto is None:
            proto = OxmlElement("w:pPr")
            if style_id:
                proto.style = style_id
            if num is not None:
                num_pr = proto.get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = num[1]
                num_pr.get_or_add_numId().val = num[0]
            if space_before is not None:
                proto.get_or_add_spacing().set(qn("w:before"), str(space_before))
            if jc:
                proto.append(OxmlElement("w:jc", {qn("w:val"): jc}))
            self._ppr[key] = proto
        return proto.__copy__()  # lxml: a deep copy of the subtree

    def rpr(self, bold: bool = False, italic: bool = False, gap: bool = False, link: bool = False):
        key = (bold, italic, gap, link)
        proto = self._rpr.get(key)
        if proto is None:
            proto = OxmlElement("w:rPr")
            if link and self.hyperlink_style_id:
                proto.style = self.hyperlink_style_id
            if bold:
                proto.get_or_add_b()
            if italic:
                proto.get_or_add_i()
            if gap:
                proto.highlight_val = WD_COLOR_INDEX.YELLOW
            set_rpr_lang(proto, self.tag)
            self._rpr[key] = proto
        return proto.__copy__()  # lxml: a deep copy of the subtree


@lru_cache(maxsize=64)
def formats_for(tag: str, hyperlink_style_id: str | None) -> Formats:
    return Formats(tag, hyperlink_style_id)


def new_paragraph(ppr):
    """A ``w:p`` with the given (cloned) properties."""
    p = oxml_parser.makeelement(_W_P, nsmap=_W_NSMAP)
    p.append(ppr)
    return p


def append_run(parent, rpr, text: str) -> None:
    """A ``w:r`` at the end of ``parent`` (a paragraph or a hyperlink): ``\n`` becomes a line
    break, ``\f`` a page break, ``\t`` a tab."""
    r = SubElement(parent, _W_R)
    r.append(rpr)
    for piece in _TEXT_PIECES.split(text):
        if not piece:
            continue
        if piece == "\n":
            SubElement(r, _W_BR)
        elif piece == "\t":
            SubElement(r, _W_TAB)
        elif piece == "\f":
            SubElement(r, _W_BR, {_W_TYPE: "page"})
        else:
            t = SubElement(r, _W_T)
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_XML_SPACE, "preserve")


def append_hyperlink(paragraph_element, part, url: str):
    """A ``w:hyperlink`` to the external ``url`` at the end of the paragraph; runs go inside."""
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    return SubElement(paragraph_element, _W_HYPERLINK, {_R_ID: r_id})
