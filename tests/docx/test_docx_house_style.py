"""The shipped letterhead: a Word document in the repository (``src/pressdraft/data/letterhead.docx``),
read as it is; its styles, font and page are checked here, and its font covers the three alphabets."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Twips

from pressdraft.document.docx import load_letterhead
from pressdraft.document.docx.letterhead import DEFAULT_LETTERHEAD_PATH, KIND_STYLE_NAMES, default_letterhead

ALPHABETS = "ƏəĞğIıİiŞşÇçÖöÜüÂâÎîÛûXxQq“”‘’«»–—…·•"
HOUSE_FONT = "Calibri"


@pytest.fixture(scope="module")
def shipped() -> docx.document.Document:
    return docx.Document(str(DEFAULT_LETTERHEAD_PATH))


def test_the_shipped_letterhead_has_a_style_of_its_own_for_every_block_kind(shipped):
    paragraph_styles = {s.name for s in shipped.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    assert {names[0] for names in KIND_STYLE_NAMES.values()} <= paragraph_styles
    assert "Hyperlink" in {s.name for s in shipped.styles if s.type == WD_STYLE_TYPE.CHARACTER}


def test_the_shipped_letterhead_holds_only_what_a_letterhead_needs():
    with zipfile.ZipFile(DEFAULT_LETTERHEAD_PATH) as package:
        names = set(package.namelist())
    assert names == {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
        "word/fontTable.xml", "word/header1.xml", "word/footer1.xml",
    }  # fmt: skip


def test_the_house_page_is_a4_with_room_for_the_header(shipped):
    (section,) = shipped.sections
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    assert (section.top_margin, section.bottom_margin) == (Twips(1474), Twips(1418))
    assert (section.left_margin, section.right_margin) == (Twips(1418), Twips(1418))
    assert (section.header_distance, section.footer_distance) == (Twips(680), Twips(567))


def test_the_header_and_footer_hold_the_placeholders(shipped):
    (section,) = shipped.sections
    assert [p.text for p in section.header.paragraphs] == ["{{issuer}}"]
    assert [p.text for p in section.footer.paragraphs] == ["{{page}}"]


def test_the_shipped_letterhead_passes_the_letterhead_gate_unchanged():
    """A person who changes the file in Word gets what any user's letterhead gets: checked, and
    every style found in it rather than adopted."""
    letterhead = load_letterhead(DEFAULT_LETTERHEAD_PATH.read_bytes())
    assert letterhead.adopted == ()
    assert letterhead.style_ids == default_letterhead().style_ids


def test_the_letterhead_is_parsed_once_per_process():
    assert default_letterhead() is default_letterhead()


def test_every_block_kind_has_a_style_in_the_default_letterhead():
    assert all(default_letterhead().style_ids.values())
    assert default_letterhead().style_ids["headline"] == "Headline"


def _font_file(family: str, style: str) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(
        ["fc-match", "-f", "%{family}|%{file}", f"{family}:style={style}"],
        capture_output=True,
        text=True,
    ).stdout.split("|")
    if len(found) < 2 or family.lower() not in found[0].lower():
        return None
    return Path(found[1])


@pytest.mark.parametrize("style", ["Regular", "Bold", "Italic", "Bold Italic"])
def test_carlito_the_stand_in_for_calibri_has_every_letter(style):
    from fontTools.ttLib import TTFont

    path = _font_file("Carlito", style)
    if path is None:
        pytest.skip("Carlito is not installed (Debian: fonts-crosextra-carlito)")
    cmap = TTFont(path).getBestCmap()
    assert [ch for ch in ALPHABETS if ord(ch) not in cmap] == []


def test_the_house_font_is_calibri(shipped):
    styles = shipped.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {defaults.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {HOUSE_FONT}
    named = {f.get(qn(f"w:{script}")) for f in styles.iter(qn("w:rFonts")) for script in ("ascii", "hAnsi")}
    assert named <= {HOUSE_FONT, None}, "a style names another font"
    assert 'w:ascii="Calibri"' in zipfile.ZipFile(DEFAULT_LETTERHEAD_PATH).read("word/styles.xml").decode()
