"""Blocks → DOCX: one edition per language, or the editions side by side in one table."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Twips
from docx.table import _Cell

from ..blocks import GAP_PATTERN, LIST_KINDS, Block, Run, is_safe_link, starts_new_list
from . import ooxml
from .letterhead import Letterhead, default_letterhead
from .package import save_deterministic
from .placeholders import PAGE_FORMATS
from .runs import append_hyperlink, append_run, formats_for, new_paragraph

__all__ = ["DocumentInfo", "clean_text", "write_docx", "write_side_by_side"]

#: Each language's name in itself, for the side-by-side column labels.
LANGUAGE_NAMES = {"tr": "Türkçe", "az": "Azərbaycan dilində", "en": "English"}

#: A picture is printed at least this sharp: one smaller than its column at this resolution is
#: printed at that size rather than blown up (a 600-pixel picture is 10 cm wide, not 16).
PICTURE_DPI = 150
#: … and at most this share of the text's height, so that a portrait photo leaves room for its
#: caption and the story on its page.
PICTURE_HEIGHT_SHARE = 0.5
#: Space before a body paragraph that follows a list (twentieths of a point), so that a list's end
#: is seen (its items are 3 pt apart): the 7 pt that parts two paragraphs. LibreOffice takes the
#: larger of the item's space after and this (7 pt), Word adds them (10 pt): a paragraph break either way.
AFTER_LIST = 140
#: The right margin of a side-by-side column (``_borderless``), in twentieths of a point.
COLUMN_GAP = 284


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
# One class, not an alternation of the two above, so that a search scans the text in one fast pass.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u2028]")


def clean_text(text: str) -> str:
    """Text python-docx can write and Word can read: controls removed, ``\\r``/``\\v`` →
    line break (``\\n``), ``\\f`` kept (the writer makes it a page break)."""
    return _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))


def _clean_blocks(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with their runs' text cleaned and empty runs dropped; a block that needs
    neither (nearly all of them: the parser merges runs and drops empty ones) is kept as it is."""
    cleaned: list[Block] = []
    for block in blocks:
        if _NEEDS_CLEANING.search(block.text) is None and all(run.text for run in block.runs):
            cleaned.append(block)
            continue
        runs = tuple(
            run if not _NEEDS_CLEANING.search(run.text) else replace(run, text=clean_text(run.text))
            for run in block.runs
            if run.text
        )
        cleaned.append(replace(block, runs=runs))
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


Pictures = Mapping[str, bytes]


def write_docx(
    blocks: Sequence[Block],
    info: DocumentInfo,
    letterhead: Letterhead | None = None,
    images: Pictures | None = None,
) -> bytes:
    """One edition as .docx bytes; the same input always gives the same bytes. ``images``: each
    photo's picture by its ``src`` (cleaned JPEG or PNG bytes); every photo's must be there."""
    letterhead = letterhead or default_letterhead()
    info = _clean_info(info)
    tag = ooxml.lang_tag(info.lang)
    page_format = PAGE_FORMATS.get(info.lang, PAGE_FORMATS[""])
    document = letterhead.new_document(tag, page_format, info.issuer)
    _prepare(document, info, [tag])
    _StoryWriter(document, letterhead, tag, images=images).write(document, _clean_blocks(blocks))
    return save_deterministic(document, info.created)


def write_side_by_side(
    editions: Sequence[tuple[Sequence[Block], DocumentInfo]],
    letterhead: Letterhead | None = None,
    images: Pictures | None = None,
) -> bytes:
    """Two or three editions in one borderless table, one column per language, block aligned
    with block (headline with headline, quote with quote, photo with photo); landscape for three."""
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
    document = letterhead.new_document(tags[0], PAGE_FORMATS[""], combined.issuer, tables=True)
    _prepare(document, combined, tags)
    section = document.sections[0]
    if len(editions) == 3:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)

    rows = align_blocks(streams)
    table = document.add_table(rows=0, cols=len(editions))
    _borderless(table)
    writers = [
        _StoryWriter(
            document, letterhead, tag, ragged=True, images=images, columns=len(editions), own_numbering=index > 0
        )
        for index, tag in enumerate(tags)
    ]
    # python-docx's add_row looks the table's grid up with a search that passes every row so far
    # (quadratic in rows): its first row, made while the table is empty, is copied for the others.
    label_row = table.add_row()
    empty_row = copy.deepcopy(label_row._tr)  # noqa: SLF001
    _repeat_as_header(label_row)
    for cell, info, writer in zip(label_row.cells, infos, writers, strict=True):
        label = Block("label", (Run(LANGUAGE_NAMES.get(info.lang, info.lang)),))
        writer.write(cell, [label])
        writer.previous = None
    for row_blocks in rows:
        tr = copy.deepcopy(empty_row)
        table._tbl.append(tr)  # noqa: SLF001
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        for writer, cell, block in zip(writers, cells, row_blocks, strict=True):
            if block is not None:
                writer.write(cell, [block])
    return save_deterministic(document, first.created)


#: difflib compares runs of same-kind blocks; its work grows with the product of the run counts
#: of the two sides, so beyond this product runs are paired in order (linear) instead.
ALIGN_BUDGET = 10_000

_Runs = list[tuple[str, int, int]]  # (kind, first block, end block) of each run of one kind


def align_blocks(streams: Sequence[Sequence[Block]]) -> list[tuple[Block | None, ...]]:
    """Rows of blocks, one column per stream, matched by kind, in time linear in the blocks.

    The first stream is the pivot; each further stream is aligned against the rows so far
    (a row's kind is that of its first block). Consecutive blocks of one kind form a run (a
    list of 200 items is one run); runs are matched with difflib within ``ALIGN_BUDGET`` and
    in order beyond it. Matched runs pair their blocks in order; unmatched blocks get a row
    of their own.
    """
    rows: list[list[Block | None]] = [[block] for block in streams[0]]
    for index, stream in enumerate(streams[1:], start=1):
        rows = _merge(rows, stream, index)
    return [tuple(row) for row in rows]


def _merge(rows: list[list[Block | None]], stream: Sequence[Block], index: int) -> list[list[Block | None]]:
    """The rows so far with ``stream`` as column ``index``."""
    row_runs = _runs([next(b for b in row if b is not None).kind for row in rows])
    runs = _runs([block.kind for block in stream])
    merged: list[list[Block | None]] = []

    def pair(a0: int, a1: int, b0: int, b1: int, paired: int) -> None:
        for offset in range(paired):
            merged.append([*rows[a0 + offset], stream[b0 + offset]])
        for a in range(a0 + paired, a1):
            merged.append([*rows[a], None])
        for b in range(b0 + paired, b1):
            merged.append([*([None] * index), stream[b]])

    for op, a0, a1, b0, b1 in _run_opcodes(row_runs, runs):
        if op == "equal":
            for (_, ra0, ra1), (_, rb0, rb1) in zip(row_runs[a0:a1], runs[b0:b1], strict=True):
                pair(ra0, ra1, rb0, rb1, min(ra1 - ra0, rb1 - rb0))
            continue
        ra0, ra1 = _span(row_runs, a0, a1)
        rb0, rb1 = _span(runs, b0, b1)
        pair(ra0, ra1, rb0, rb1, min(ra1 - ra0, rb1 - rb0) if op == "replace" else 0)
    return merged


def _runs(kinds: Sequence[str]) -> _Runs:
    runs: _Runs = []
    for position, kind in enumerate(kinds):
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], position + 1)
        else:
            runs.append((kind, position, position + 1))
    return runs


def _span(runs: _Runs, first: int, end: int) -> tuple[int, int]:
    """The blocks of runs ``first`` to ``end`` (exclusive); empty at the right place when none."""
    if first == end:
        at = runs[first][1] if first < len(runs) else (runs[-1][2] if runs else 0)
        return at, at
    return runs[first][1], runs[end - 1][2]


def _run_opcodes(a: _Runs, b: _Runs) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes over the runs' kinds within the budget; beyond it, runs in order."""
    if len(a) * len(b) <= ALIGN_BUDGET:
        matcher = difflib.SequenceMatcher(None, [r[0] for r in a], [r[0] for r in b], autojunk=False)
        return matcher.get_opcodes()
    both = min(len(a), len(b))
    opcodes = [("equal" if a[i][0] == b[i][0] else "replace", i, i + 1, i, i + 1) for i in range(both)]
    if len(a) > both:
        opcodes.append(("delete", both, len(a), both, both))
    if len(b) > both:
        opcodes.append(("insert", both, both, both, len(b)))
    return opcodes


def _prepare(document: Document, info: DocumentInfo, tags: list[str]) -> None:
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
    """Writes blocks into a document body or a table cell, in one language.

    Paragraphs are built from cloned property prototypes (``runs.Formats``) and placed
    with lxml: the structure stays python-docx's, the per-paragraph cost drops tenfold.
    """

    def __init__(
        self,
        document: Document,
        letterhead: Letterhead,
        tag: str,
        ragged: bool = False,
        images: Pictures | None = None,
        columns: int = 1,
        own_numbering: bool = False,
    ) -> None:
        """``own_numbering``: number this story's lists on a copy of the letterhead's list
        definition, so that they do not count on from another story's (``ooxml.copy_abstract_num``).
        ``columns``: how many columns share the page's width (a picture fits its column)."""
        self.document = document
        self.part = document.part
        self.letterhead = letterhead
        self.formats = formats_for(tag, letterhead.hyperlink_style_id)
        self.ragged = ragged  # narrow columns: left-aligned, never justified
        self.images = images or {}
        self.columns = columns  # of the page the story is in: a picture's frame is its column
        self.previous: Block | None = None
        self.number_nums: dict[int, int] = {}
        self.number_abstract = letterhead.number_abstract
        self.own_numbering = own_numbering  # until its copy is made, at the story's first numbered item

    def write(self, container: Document | _Cell, blocks: Sequence[Block]) -> None:
        if isinstance(container, _Cell):
            tc = container._tc  # noqa: SLF001
            empty = [p for p in tc.p_lst if not len(p)]
            place = tc.append
        else:
            body = container.element.body
            sect_pr = body.sectPr
            empty = []
            place = sect_pr.addprevious if sect_pr is not None else body.append
        for block in blocks:
            if block.kind == "photo":
                place(self._picture(block))
                if block.runs:
                    place(self._paragraph(replace(block, kind="caption")))
            else:
                place(self._paragraph(block))
            self.previous = block
        if blocks:
            for p in empty:
                p.getparent().remove(p)

    def _paragraph(self, block: Block):
        style_id = self.letterhead.style_ids.get(block.kind)
        num = self._numbering(block) if block.kind in LIST_KINDS else None
        jc = "left" if self.ragged and block.kind != "end" else None
        after_list = block.kind == "paragraph" and self.previous is not None and self.previous.kind in LIST_KINDS
        p = new_paragraph(self.formats.ppr(style_id, num, jc, AFTER_LIST if after_list else None))
        for run in block.runs:
            self._write_run(p, run)
        return p

    def _picture(self, block: Block):
        """The photo's picture, inline in a paragraph of its own, fitted to the column, its
        caption as the alternative text."""
        data = self.images.get(block.src) if block.src else None
        if data is None:
            raise ValueError(f"no picture was given for the photo {block.src!r}")
        r_id, image = self.part.get_or_add_image(io.BytesIO(data))
        width, height = self.frame.fit(image.px_width, image.px_height)
        inline = CT_Inline.new_pic_inline(self.part.next_id, r_id, image.filename, width, height)
        inline.docPr.set("descr", _one_line(block.text, 1000))
        p = new_paragraph(self.formats.ppr(self.letterhead.style_ids.get("photo"), None, None))
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        run = OxmlElement("w:r")
        run.append(drawing)
        p.append(run)
        return p

    @cached_property
    def frame(self) -> _PictureFrame:
        """The room of this story's pictures, measured at its first picture (most releases have none)."""
        return _PictureFrame.of(self.document, self.columns)

    def _numbering(self, block: Block) -> tuple[int, int] | None:
        letterhead = self.letterhead
        if block.kind == "bullet":
            num_id = letterhead.bullet_num
        elif self.number_abstract is None:
            num_id = letterhead.number_num
        else:
            if self.own_numbering:
                self.number_abstract = ooxml.copy_abstract_num(self.document, self.number_abstract)
                self.own_numbering = False
            if starts_new_list(self.previous, block) or block.level not in self.number_nums:
                self.number_nums[block.level] = ooxml.add_restarted_num(
                    self.document, self.number_abstract, block.level
                )
            num_id = self.number_nums[block.level]
        return None if num_id is None else (num_id, block.level)

    def _write_run(self, p, run: Run) -> None:
        parent, link = p, False
        if run.href and is_safe_link(run.href):
            parent, link = append_hyperlink(p, self.part, run.href), True
        text, formats = run.text, self.formats
        position = 0
        for match in GAP_PATTERN.finditer(text):
            if match.start() > position:
                rpr = formats.rpr(run.bold, run.italic, False, link)
                append_run(parent, rpr, text[position : match.start()])
            append_run(parent, formats.rpr(run.bold, run.italic, True, link), match.group(0))
            position = match.end()
        if position < len(text):
            rpr = formats.rpr(run.bold, run.italic, False, link)
            append_run(parent, rpr, text[position:])


@dataclass(frozen=True)
class _PictureFrame:
    """The room a picture has: its column's width and a share of the page's text height (EMU)."""

    width: int
    height: int

    @classmethod
    def of(cls, document: Document, columns: int) -> _PictureFrame:
        section = document.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin
        text_height = section.page_height - section.top_margin - section.bottom_margin
        width = text_width if columns == 1 else text_width // columns - Twips(COLUMN_GAP)
        return cls(int(width), int(text_height * PICTURE_HEIGHT_SHARE))

    def fit(self, px_width: int, px_height: int) -> tuple[Emu, Emu]:
        """The picture's printed size: as wide as the column, no larger than ``PICTURE_DPI``
        allows and no taller than the frame, its aspect kept."""
        width = min(self.width, px_width * Emu(914400) // PICTURE_DPI)
        height = width * px_height // px_width
        if height > self.height:
            width, height = self.height * px_width // px_height, self.height
        return Emu(width), Emu(height)
