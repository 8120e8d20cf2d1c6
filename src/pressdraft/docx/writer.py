"""Blocks → DOCX: one edition per language, or the editions side by side in one table."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..blocks import GAP_PATTERN, LIST_KINDS, Block, Run, is_safe_link, starts_new_list
from . import ooxml
from .letterhead import Letterhead, default_letterhead

__all__ = ["DocumentInfo", "clean_text", "write_docx", "write_side_by_side"]

#: Each language's name in itself, for the side-by-side column labels.
LANGUAGE_NAMES = {"tr": "Türkçe", "az": "Azərbaycan dilində", "en": "English"}


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself (core properties, header)."""

    lang: str  # "tr" | "az" | "en"
    title: str  # core property title (the headline)
    subject: str  # subheadline
    author: str  # the issuer's name
    issuer: str  # printed in the header
    created: dt.datetime  # fixed, given by the caller (deterministic output)
    keywords: str = ""


# -- the one entry gate for text ------------------------------------------------------------

# C0 controls but tab, LF, VT, FF, CR; DEL and C1 controls but NEL; U+FFFE/U+FFFF; surrogates
# (a lone surrogate cannot be encoded; a pair cannot reach here as a str).
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\v\x85\u2028]")


def clean_text(text: str) -> str:
    """Text python-docx can write and Word can read: controls removed, ``\\r``/``\\v`` →
    line break (``\\n``), ``\\f`` kept (the writer makes it a page break)."""
    return _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))


def _clean_blocks(blocks: Sequence[Block]) -> list[Block]:
    cleaned: list[Block] = []
    for block in blocks:
        runs = tuple(
            replace(run, text=clean_text(run.text))
            for run in block.runs
            if run.text
        )
        cleaned.append(Block(block.kind, runs, block.level))
    return cleaned


def _one_line(text: str, limit: int = 255) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean_info(info: DocumentInfo) -> DocumentInfo:
    return DocumentInfo(
        lang=info.lang,
        title=_one_line(info.title),
        subject=_one_line(info.subject),
        author=_one_line(info.author),
        issuer=_one_line(info.issuer, 500),
        created=info.created,
        keywords=_one_line(info.keywords),
    )


# -- writing ----------------------------------------------------------------------------


def write_docx(
    blocks: Sequence[Block], info: DocumentInfo, letterhead: Letterhead | None = None
) -> bytes:
    """One edition as .docx bytes; the same input always gives the same bytes."""
    letterhead = letterhead or default_letterhead()
    info = _clean_info(info)
    tag = ooxml.lang_tag(info.lang)
    document = letterhead.new_document()
    _prepare(document, info, [tag], ooxml.PAGE_FORMATS.get(info.lang, ooxml.PAGE_FORMATS[""]))
    _StoryWriter(document, letterhead, tag).write(document, _clean_blocks(blocks))
    return ooxml.save_deterministic(document, info.created)


def write_side_by_side(
    editions: Sequence[tuple[Sequence[Block], DocumentInfo]],
    letterhead: Letterhead | None = None,
) -> bytes:
    """Two or three editions in one borderless table, one column per language, block aligned
    with block (headline with headline, quote with quote); landscape for three."""
    if not 2 <= len(editions) <= 3:
        raise ValueError("a side-by-side edition takes two or three languages")
    letterhead = letterhead or default_letterhead()
    infos = [_clean_info(info) for _, info in editions]
    streams = [_clean_blocks(blocks) for blocks, _ in editions]
    tags = [ooxml.lang_tag(info.lang) for info in infos]
    first = infos[0]
    combined = replace(
        first,
        title=_one_line(" / ".join(i.title for i in infos if i.title)),
        subject=_one_line(" / ".join(i.subject for i in infos if i.subject)),
        keywords=_one_line(", ".join(dict.fromkeys(i.keywords for i in infos if i.keywords))),
    )
    document = letterhead.new_document()
    _prepare(document, combined, tags, ooxml.PAGE_FORMATS[""])
    section = document.sections[0]
    if len(editions) == 3:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)

    rows = align_blocks(streams)
    table = document.add_table(rows=0, cols=len(editions))
    _borderless(table)
    writers = [_StoryWriter(document, letterhead, tag, ragged=True) for tag in tags]
    label_row = table.add_row()
    _repeat_as_header(label_row)
    for cell, info, tag in zip(label_row.cells, infos, tags, strict=True):
        paragraph = cell.paragraphs[0]
        ooxml.set_paragraph_style_id(paragraph, letterhead.style_ids["label"])
        run = paragraph.add_run(LANGUAGE_NAMES.get(info.lang, info.lang))
        ooxml.set_run_lang(run, tag)
    for row_blocks in rows:
        cells = table.add_row().cells
        for writer, cell, block in zip(writers, cells, row_blocks, strict=True):
            if block is not None:
                writer.write(cell, [block])
    return ooxml.save_deterministic(document, first.created)


def align_blocks(streams: Sequence[Sequence[Block]]) -> list[tuple[Block | None, ...]]:
    """Rows of blocks, one column per stream, matched by kind with difflib.

    The first stream is the pivot; each further stream is aligned against the rows so far
    (a row's kind is that of its first block). Unmatched blocks get a row of their own.
    """
    rows: list[list[Block | None]] = [[block] for block in streams[0]]
    for index, stream in enumerate(streams[1:], start=1):
        row_kinds = [next(b for b in row if b is not None).kind for row in rows]
        kinds = [block.kind for block in stream]
        matcher = difflib.SequenceMatcher(None, row_kinds, kinds, autojunk=False)
        merged: list[list[Block | None]] = []
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal":
                for a, b in zip(range(a0, a1), range(b0, b1), strict=True):
                    merged.append([*rows[a], stream[b]])
                continue
            paired = min(a1 - a0, b1 - b0) if op == "replace" else 0
            for offset in range(paired):
                merged.append([*rows[a0 + offset], stream[b0 + offset]])
            for a in range(a0 + paired, a1):
                merged.append([*rows[a], None])
            for b in range(b0 + paired, b1):
                merged.append([*([None] * index), stream[b]])
        rows = merged
    return [tuple(row) for row in rows]


def _prepare(document: Document, info: DocumentInfo, tags: list[str], page_format: str) -> None:
    tag = tags[0]
    ooxml.set_styles_lang(document.styles.element, tag)
    ooxml.set_settings_lang(document.settings.element, tag)
    created = info.created
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = info.title
    props.subject = info.subject
    props.author = info.author
    props.last_modified_by = info.author
    props.keywords = info.keywords
    props.language = ", ".join(tags)
    props.created = created
    props.modified = created
    props.revision = 1
    props.comments = ""
    props.category = "Press release"
    ooxml.set_app_properties(
        document, {"Application": "pressdraft", "Company": info.issuer, "DocSecurity": "0"}
    )
    seen: set[int] = set()
    for section in document.sections:
        for story in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if story.is_linked_to_previous:
                continue
            element = story._element  # noqa: SLF001
            if id(element) in seen:
                continue
            seen.add(id(element))
            ooxml.fill_placeholders(element, info.issuer, page_format, tag)


def _borderless(table) -> None:
    tbl_pr = table._tbl.tblPr  # noqa: SLF001
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{edge}", {qn("w:val"): "nil"}))
    layout = tbl_pr.find(qn("w:tblLayout"))
    anchor = layout if layout is not None else tbl_pr.find(qn("w:tblLook"))
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("left", "0"), ("right", "284")):
        margins.append(OxmlElement(f"w:{edge}", {qn("w:w"): width, qn("w:type"): "dxa"}))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # noqa: SLF001
    tr_pr.append(OxmlElement("w:tblHeader"))


class _StoryWriter:
    """Writes blocks into a document body or a table cell, in one language."""

    def __init__(
        self, document: Document, letterhead: Letterhead, tag: str, ragged: bool = False
    ) -> None:
        self.document = document
        self.ragged = ragged  # narrow columns: left-aligned, never justified
        self.letterhead = letterhead
        self.tag = tag
        self.previous: Block | None = None
        self.number_nums: dict[int, int] = {}

    def write(self, container: Document | _Cell, blocks: Sequence[Block]) -> None:
        for block in blocks:
            paragraph = self._paragraph(container)
            self._write_block(paragraph, block)
            self.previous = block

    @staticmethod
    def _paragraph(container: Document | _Cell) -> Paragraph:
        if isinstance(container, _Cell):
            paragraphs = container.paragraphs
            if len(paragraphs) == 1 and not paragraphs[0]._p.r_lst:  # noqa: SLF001
                return paragraphs[0]
        return container.add_paragraph()

    def _write_block(self, paragraph: Paragraph, block: Block) -> None:
        letterhead = self.letterhead
        ooxml.set_paragraph_style_id(paragraph, letterhead.style_ids.get(block.kind))
        if self.ragged and block.kind != "end":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if block.kind in LIST_KINDS:
            self._number(paragraph, block)
        for run in block.runs:
            self._write_run(paragraph, run)

    def _number(self, paragraph: Paragraph, block: Block) -> None:
        letterhead = self.letterhead
        if block.kind == "bullet":
            if letterhead.bullet_num is not None:
                ooxml.set_numbering(paragraph, letterhead.bullet_num, block.level)
            return
        if letterhead.number_abstract is None:
            if letterhead.number_num is not None:
                ooxml.set_numbering(paragraph, letterhead.number_num, block.level)
            return
        if starts_new_list(self.previous, block) or block.level not in self.number_nums:
            self.number_nums[block.level] = ooxml.add_restarted_num(
                self.document, letterhead.number_abstract, block.level
            )
        ooxml.set_numbering(paragraph, self.number_nums[block.level], block.level)

    def _write_run(self, paragraph: Paragraph, run: Run) -> None:
        add_run = paragraph.add_run
        if run.href and is_safe_link(run.href):
            add_run = ooxml.add_hyperlink(paragraph, run.href, self.letterhead.hyperlink_style_id)
        position = 0
        for match in GAP_PATTERN.finditer(run.text):
            if match.start() > position:
                self._fill(add_run(), run, run.text[position : match.start()], gap=False)
            self._fill(add_run(), run, match.group(0), gap=True)
            position = match.end()
        if position < len(run.text):
            self._fill(add_run(), run, run.text[position:], gap=False)

    def _fill(self, docx_run, run: Run, text: str, gap: bool) -> None:
        ooxml.set_run_lang(docx_run, self.tag)
        if run.bold:
            docx_run.bold = True
        if run.italic:
            docx_run.italic = True
        if gap:
            docx_run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        for piece in _PIECES.split(text):
            if piece == "\n":
                docx_run.add_break()
            elif piece == "\t":
                docx_run.add_tab()
            elif piece == "\f":
                docx_run.add_break(WD_BREAK.PAGE)
            elif piece:
                docx_run.add_text(piece)


_PIECES = re.compile("([\n\t\f])")
