"""What LibreOffice makes of the documents: page count and the fonts in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pressdraft.document.docx import PdfUnavailable, load_letterhead, write_docx
from pressdraft.document.docx.pdf import convert_to_pdf, find_soffice

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
pytestmark = pytest.mark.libreoffice


def test_without_libreoffice_pdf_is_refused_clearly(monkeypatch):
    monkeypatch.setenv("PRESSDRAFT_SOFFICE", "no-such-soffice-here")
    with pytest.raises(PdfUnavailable, match="PDF needs LibreOffice"):
        convert_to_pdf({"a.docx": b"PK"})


def test_nothing_to_convert_needs_no_libreoffice(monkeypatch):
    monkeypatch.setenv("PRESSDRAFT_SOFFICE", "no-such-soffice-here")
    assert convert_to_pdf({}) == {}


@pytest.fixture(scope="module")
def pdfs(editions, side_by_side, releases, make_info, word_made_letterhead) -> dict[str, bytes]:
    files = {f"{lang}.docx": data for lang, data in editions.items()}
    files.update({f"{name}.docx": data for name, data in side_by_side.items()})
    letterhead = load_letterhead(word_made_letterhead)  # DejaVu Serif, a logo, a footer
    files["letterhead-az.docx"] = write_docx(releases["az"], make_info("az"), letterhead)
    return convert_to_pdf(files)  # one soffice call for all six


def fonts_in(pdf: bytes, tmp_path) -> set[str]:
    listing = pdf_tool("pdffonts", pdf, tmp_path)
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}


def pdf_tool(tool: str, pdf: bytes, tmp_path, *after: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: poppler-utils)")
    path = tmp_path / "release.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, str(path), *after], capture_output=True, text=True).stdout


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@needs_soffice
@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_a_single_language_release_fits_on_two_pages(pdfs, lang):
    assert 1 <= page_count(pdfs[f"{lang}.pdf"]) <= 2


@needs_soffice
@pytest.mark.parametrize("name", ["tr", "az", "en", "tr-az", "tr-az-en"])
def test_only_the_house_font_is_embedded(pdfs, name, tmp_path):
    fonts = fonts_in(pdfs[f"{name}.pdf"], tmp_path)
    assert fonts and {font.split("-")[0] for font in fonts} == {"Carlito"}, fonts


@needs_soffice
def test_the_footer_shows_the_localized_page_numbers(pdfs, tmp_path):
    text = pdf_tool("pdftotext", pdfs["az.pdf"], tmp_path, "-")
    assert re.search(r"Səhifə 1 / \d", text)
    assert "Türkiyə-Azərbaycan Ortaq Media Platformasının" in text


@needs_soffice
def test_the_side_by_side_edition_renders(pdfs):
    assert page_count(pdfs["tr-az-en.pdf"]) >= 1


@needs_soffice
def test_a_users_letterhead_changes_the_font(pdfs, tmp_path):
    fonts = {font.split("-")[0] for font in fonts_in(pdfs["letterhead-az.pdf"], tmp_path)}
    assert "DejaVuSerif" in fonts
    assert page_count(pdfs["letterhead-az.pdf"]) <= 2
