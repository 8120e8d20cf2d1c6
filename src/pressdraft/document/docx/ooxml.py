"""The WordprocessingML python-docx has no API for, in one small module.

- ``w:lang`` (the proofing language) on runs, in styles and settings;
- numbering that restarts for each ordered list;
- PAGE / NUMPAGES fields;
- the header and footer parts of a document;
- app properties (``docProps/app.xml``: an XML part in the packages ``package`` clones).

Everything else goes through python-docx's proxies, or, where a release's paragraphs are built
by the hundred, through its element classes (``runs``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: BCP 47 proofing languages Word knows, per pressdraft language.
LANG_TAGS = {"tr": "tr-TR", "az": "az-Latn-AZ", "en": "en-US"}

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


def copy_abstract_num(document: Document, abstract_num_id: int) -> int:
    """A copy of a list definition under a new id; returns it. Word and LibreOffice count the
    lists of one definition together, so lists that interleave (the columns of the side-by-side
    edition, row by row) each need a definition of their own to be numbered 1, 2, 3."""
    numbering = document.part.numbering_part.element
    abstracts = list(numbering.iterchildren(qn("w:abstractNum")))
    source = next(a for a in abstracts if a.get(qn("w:abstractNumId")) == str(abstract_num_id))
    new_id = max(int(a.get(qn("w:abstractNumId"))) for a in abstracts) + 1
    copied = copy.deepcopy(source)
    copied.set(qn("w:abstractNumId"), str(new_id))
    for nsid in copied.findall(qn("w:nsid")):
        copied.remove(nsid)
    abstracts[-1].addnext(copied)
    return new_id


def abstract_num_id_of(document: Document, num_id: int) -> int | None:
    numbering = document.part.numbering_part.element
    for num in numbering.iterchildren(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            ref = num.find(qn("w:abstractNumId"))
            return int(ref.get(qn("w:val"))) if ref is not None else None
    return None


# -- fields and stories ---------------------------------------------------------------------


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


def story_parts(document: Document) -> list[XmlPart]:
    """The document's header and footer parts, in relationship order."""
    kinds = (RT.HEADER, RT.FOOTER)
    return [rel.target_part for rel in document.part.rels.values() if rel.reltype in kinds and not rel.is_external]


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
