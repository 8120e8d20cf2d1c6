"""The WordprocessingML pieces python-docx has no API (or no fast path) for, in one place.

- ``w:lang`` (the proofing language) on runs, in styles and settings;
- paragraphs and runs built from cloned property prototypes (``Formats``): python-docx's
  generic property setters cost ≈200 µs a paragraph, a clone costs ≈2 µs;
- real ``w:hyperlink`` elements with an external relationship;
- numbering that restarts for each ordered list;
- PAGE / NUMPAGES fields and the header/footer placeholders ``{{issuer}}`` and ``{{page}}``;
- app properties (``docProps/app.xml``, an XML part in packages cloned by ``package``).

The package itself (cloned, written deterministically) is ``package``'s.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

#: BCP 47 proofing languages Word knows, per pressdraft language.
LANG_TAGS = {"tr": "tr-TR", "az": "az-Latn-AZ", "en": "en-US"}

#: The localized page-number line: ``{page}`` and ``{pages}`` become PAGE and NUMPAGES fields.
PAGE_FORMATS = {
    "tr": "Sayfa {page} / {pages}",
    "az": "Səhifə {page} / {pages}",
    "en": "Page {page} of {pages}",
    "": "{page} / {pages}",
}

_LANG_SUCCESSORS = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def lang_tag(lang: str) -> str:
    """``"az"`` → ``"az-Latn-AZ"``; a full tag is returned as it is."""
    return LANG_TAGS.get(lang, lang)


# -- language -----------------------------------------------------------------------------


def set_rpr_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_LANG_SUCCESSORS)
    lang.set(qn("w:val"), tag)


def set_styles_lang(styles_element, tag: str) -> None:
    """Set the proofing language in the document defaults and in every paragraph and
    character style that declares one, so text typed later in Word is checked right too."""
    rpr_default = styles_element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles_element.insert(0, defaults)
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang_child(rpr, tag)
    for style in styles_element.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        style_rpr = style.find(qn("w:rPr"))
        if style_rpr is not None and style_rpr.find(qn("w:lang")) is not None:
            _set_lang_child(style_rpr, tag)


def _set_lang_child(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        successors = [qn(t) for t in _LANG_SUCCESSORS]
        after = next((c for c in rpr if c.tag in successors), None)
        if after is None:
            rpr.append(lang)
        else:
            after.addprevious(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def set_settings_lang(settings_element, tag: str) -> None:
    """``w:themeFontLang`` in settings.xml: the language Word assumes for theme fonts."""
    theme_lang = settings_element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


# -- numbering ----------------------------------------------------------------------------


def add_restarted_num(document: Document, abstract_num_id: int, level: int = 0) -> int:
    """A new ``w:num`` on ``abstract_num_id`` whose ``level`` restarts at 1; returns its numId."""
    numbering = document.part.numbering_part.element
    num = numbering.add_num(abstract_num_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), str(level))
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def abstract_num_id_of(document: Document, num_id: int) -> int | None:
    numbering = document.part.numbering_part.element
    for num in numbering.iterchildren(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            ref = num.find(qn("w:abstractNumId"))
            return int(ref.get(qn("w:val"))) if ref is not None else None
    return None


def add_field(paragraph_element, instruction: str, placeholder: str, rpr=None) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) with a cached result, as Word writes it."""

    def run(*children):
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for child in children:
            r.append(child)
        paragraph_element.append(r)

    run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    run(instr)
    run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    text = OxmlElement("w:t")
    text.text = placeholder
    run(text)
    run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))


# -- fast paragraph building ----------------------------------------------------------------
#
# python-docx builds each property through generic "get or add a child in schema order" code
# (≈10 µs a property, ≈200 µs a paragraph with numbering). A release's paragraphs use a
# handful of formats, so each format is built once, by the same rules, and cloned by lxml.

_W_P, _W_R, _W_T, _W_BR, _W_TAB = (qn(t) for t in ("w:p", "w:r", "w:t", "w:br", "w:tab"))
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

    def ppr(self, style_id: str | None, num: tuple[int, int] | None = None, jc: str | None = None):
        key = (style_id, num, jc)
        proto = self._ppr.get(key)
        if proto is None:
            proto = OxmlElement("w:pPr")
            if style_id:
                proto.style = style_id
            if num is not None:
                num_pr = proto.get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = num[1]
                num_pr.get_or_add_numId().val = num[0]
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


def story_parts(document: Document) -> list[XmlPart]:
    """The document's header and footer parts, in relationship order."""
    kinds = (RT.HEADER, RT.FOOTER)
    return [rel.target_part for rel in document.part.rels.values() if rel.reltype in kinds and not rel.is_external]


def new_paragraph(ppr):
    """A ``w:p`` with the given (cloned) properties."""
    p = OxmlElement("w:p")
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


# -- header and footer placeholders -----------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{\s*(issuer|page)\s*\}\}")


def fill_placeholders(story_element, tag: str, values: Mapping[str, str]) -> None:
    """Replace the placeholders named in ``values`` in a header or footer: ``{{issuer}}`` by
    its text, ``{{page}}`` by its format, whose ``{page}`` and ``{pages}`` become PAGE and
    NUMPAGES fields. The runs made carry the proofing language ``tag``.

    Word may split a typed placeholder over several runs; such a paragraph's text is first
    gathered into its first text run (the other runs' text is emptied).
    """

    def wanted(text: str | None) -> bool:
        return any(m.group(1) in values for m in _PLACEHOLDER.finditer(text or ""))

    w_t = qn("w:t")
    for p in list(story_element.iter(qn("w:p"))):
        texts = list(p.iter(w_t))
        joined = "".join(t.text or "" for t in texts)
        if not wanted(joined):
            continue
        if not any(wanted(t.text) for t in texts):
            texts[0].text = joined
            for t in texts[1:]:
                t.text = ""
        for t in texts:
            if wanted(t.text):
                _expand_run(t, tag, values)


def _expand_run(t, tag: str, values: Mapping[str, str]) -> None:
    r = t.getparent()
    container = r.getparent()
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
    rpr = copy.deepcopy(rpr)
    set_rpr_lang(rpr, tag)
    children = [c for c in r if c.tag != qn("w:rPr")]
    index = children.index(t)
    staging = OxmlElement("w:p")

    def text_run(text: str) -> None:
        if not text:
            return
        new = OxmlElement("w:r")
        new.append(copy.deepcopy(rpr))
        el = OxmlElement("w:t", {qn("xml:space"): "preserve"})
        el.text = text
        new.append(el)
        staging.append(new)

    def other_run(elements: list) -> None:
        if elements:
            new = OxmlElement("w:r")
            new.append(copy.deepcopy(rpr))
            for el in elements:
                new.append(el)
            staging.append(new)

    other_run(children[:index])
    position = 0
    text = t.text or ""
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name not in values:
            continue
        text_run(text[position : match.start()])
        if name == "issuer":
            text_run(values[name])
        else:
            for piece in re.split(r"(\{page\}|\{pages\})", values[name]):
                if piece == "{page}":
                    add_field(staging, "PAGE", "1", rpr)
                elif piece == "{pages}":
                    add_field(staging, "NUMPAGES", "1", rpr)
                else:
                    text_run(piece)
        position = match.end()
    text_run(text[position:])
    other_run(children[index + 1 :])
    for new in list(staging):
        r.addprevious(new)
    container.remove(r)


# -- properties -------------------------------------------------------------------------


def app_properties_part(document: Document) -> XmlPart | None:
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            part = rel.target_part
            return part if isinstance(part, XmlPart) else None
    return None


def set_app_properties(document: Document, values: Mapping[str, str]) -> None:
    """Set simple text properties of ``docProps/app.xml`` (Application, Company …)."""
    part = app_properties_part(document)
    if part is None:
        return
    root = part.element
    for name, value in values.items():
        el = root.find(f"{{{_EP_NS}}}{name}")
        if el is None:
            el = root.makeelement(f"{{{_EP_NS}}}{name}", {})
            root.append(el)
        el.text = value


def remove_app_properties(document: Document, names: Iterable[str]) -> None:
    part = app_properties_part(document)
    if part is None:
        return
    for name in names:
        for el in part.element.findall(f"{{{_EP_NS}}}{name}"):
            part.element.remove(el)
