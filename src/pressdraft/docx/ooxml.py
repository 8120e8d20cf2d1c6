"""The few WordprocessingML pieces python-docx has no API for, in one small tested place.

- ``w:lang`` (the proofing language) on runs and in styles;
- a paragraph's style set by id (python-docx resolves names by scanning every style);
- real ``w:hyperlink`` elements with an external relationship;
- PAGE / NUMPAGES fields and the header/footer placeholders ``{{issuer}}`` and ``{{page}}``;
- app properties (``docProps/app.xml``);
- deterministic package bytes (python-docx stamps the current time on every zip entry).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import struct
from collections.abc import Callable, Iterable, Mapping

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

# python-docx keeps docProps/app.xml as an opaque blob; as an XmlPart its properties can be
# set like any other XML. This is python-docx's own registration hook (docx/__init__.py).
PartFactory.part_type_for.setdefault(CT.OFC_EXTENDED_PROPERTIES, XmlPart)

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


def set_run_lang(run: DocxRun, tag: str) -> None:
    """Give ``run`` the proofing language ``tag`` (``w:rPr/w:lang/@w:val``)."""
    set_rpr_lang(run._r.get_or_add_rPr(), tag)  # noqa: SLF001


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


# -- paragraphs, runs, links ----------------------------------------------------------------


def set_paragraph_style_id(paragraph: Paragraph, style_id: str | None) -> None:
    """Apply a paragraph style by its id: no name lookup, no scan of the styles part."""
    if style_id:
        paragraph._p.style = style_id  # noqa: SLF001


def set_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Direct numbering on a paragraph: ``w:numPr`` with ``w:ilvl`` and ``w:numId``."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # noqa: SLF001
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


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


def add_hyperlink(
    paragraph: Paragraph, url: str, style_id: str | None = "Hyperlink"
) -> Callable[[], DocxRun]:
    """Append a ``w:hyperlink`` to an external ``url``; returns a function that adds a run
    inside it (so the caller formats the link's runs like any other run)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink", {qn("r:id"): r_id})
    paragraph._p.append(hyperlink)  # noqa: SLF001

    def add_run() -> DocxRun:
        r = OxmlElement("w:r")
        hyperlink.append(r)
        run = DocxRun(r, paragraph)
        if style_id:
            r.style = style_id
        return run

    return add_run


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


# -- header and footer placeholders -----------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{\s*(issuer|page)\s*\}\}")


def fill_placeholders(story_element, issuer: str, page_format: str, lang: str) -> None:
    """Replace ``{{issuer}}`` and ``{{page}}`` in a header or footer.

    Word may split a typed placeholder over several runs; such a paragraph's text is first
    gathered into its first text run (the other runs' text is emptied).
    """
    w_t = qn("w:t")
    for p in list(story_element.iter(qn("w:p"))):
        texts = list(p.iter(w_t))
        joined = "".join(t.text or "" for t in texts)
        if not _PLACEHOLDER.search(joined):
            continue
        if not any(_PLACEHOLDER.search(t.text or "") for t in texts):
            texts[0].text = joined
            for t in texts[1:]:
                t.text = ""
        for t in texts:
            if t.text and _PLACEHOLDER.search(t.text):
                _expand_run(t, issuer, page_format, lang)


def _expand_run(t, issuer: str, page_format: str, lang: str) -> None:
    r = t.getparent()
    container = r.getparent()
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
    rpr = copy.deepcopy(rpr)
    set_rpr_lang(rpr, lang)
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
        text_run(text[position : match.start()])
        if match.group(1) == "issuer":
            text_run(issuer)
        else:
            for piece in re.split(r"(\{page\}|\{pages\})", page_format):
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


# -- deterministic package ----------------------------------------------------------------


def zip_datetime(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """A zip entry timestamp for ``when`` (UTC), clamped to the zip epoch 1980."""
    if when is None:
        return (1980, 1, 1, 0, 0, 0)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if when.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def set_zip_timestamps(data: bytes, when: dt.datetime | None = None) -> bytes:
    """Rewrite every entry's modification time in a zip archive, in place, without
    recompressing: the local headers and the central directory both carry it."""
    year, month, day, hour, minute, second = zip_datetime(when)
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    dos_date = ((year - 1980) << 9) | (month << 5) | day
    stamp = struct.pack("<HH", dos_time, dos_date)
    buffer = bytearray(data)
    eocd = buffer.rfind(b"PK\x05\x06")
    if eocd < 0:
        raise ValueError("not a zip archive")
    entries, cd_size, cd_offset = struct.unpack_from("<HII", buffer, eocd + 10)
    position = cd_offset
    for _ in range(entries):
        if buffer[position : position + 4] != b"PK\x01\x02":
            raise ValueError("corrupt zip central directory")
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", buffer, position + 28)
        (local,) = struct.unpack_from("<I", buffer, position + 42)
        buffer[position + 12 : position + 16] = stamp
        if buffer[local : local + 4] != b"PK\x03\x04":
            raise ValueError("corrupt zip local header")
        buffer[local + 10 : local + 14] = stamp
        position += 46 + name_len + extra_len + comment_len
    return bytes(buffer)


def save_deterministic(document: Document, when: dt.datetime | None = None) -> bytes:
    """The document's package bytes, identical for identical content."""
    buffer = io.BytesIO()
    document.save(buffer)
    return set_zip_timestamps(buffer.getvalue(), when)
