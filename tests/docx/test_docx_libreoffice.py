"""What LibreOffice makes of the documents: page count and the fonts in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pressdraft.docx.pdf import convert_to_pdf, find_soffice

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.fixture(scope="module")
def pdfs(editions, side_by_side) -> dict[str, bytes]:
    files = {f"{lang}.docx": data for lang, data in editions.items()}
    files.update({f"{name}.docx": data for name, data in side_by_side.items()})
    return convert_to_pdf(files)  # one soffice call for all five


def pdf_tool(tool: str, pdf: bytes, tmp_path, *after: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: poppler-utils)")
    path = tmp_path / "release.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, str(path), *after], capture_output=True, text=True).stdout


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_a_single_language_release_fits_on_two_pages(pdfs, lang):
    assert 1 <= page_count(pdfs[f"{lang}.pdf"]) <= 2


@pytest.mark.parametrize("name", ["tr", "az", "en", "tr-az", "tr-az-en"])
def test_only_the_house_font_is_embedded(pdfs, name, tmp_path):
    listing = pdf_tool("pdffonts", pdfs[f"{name}.pdf"], tmp_path)
    fonts = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    assert fonts and {font.split("-")[0] for font in fonts} == {"Carlito"}, fonts


def test_the_footer_shows_the_localized_page_numbers(pdfs, tmp_path):
    text = pdf_tool("pdftotext", pdfs["az.pdf"], tmp_path, "-")
    assert re.search(r"Səhifə 1 / \d", text)
    assert "Türkiyə-Azərbaycan Ortaq Media Platformasının" in text


def test_the_side_by_side_edition_renders(pdfs):
    assert page_count(pdfs["tr-az-en.pdf"]) >= 1
