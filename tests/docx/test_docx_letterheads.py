"""User letterheads: used as they are where they can be, cleaned or refused where they must."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from pressdraft.blocks import parse_markdown
from pressdraft.docx import (
    LetterheadError,
    clean_letterhead,
    default_letterhead,
    font_coverage_warnings,
    load_letterhead,
    write_docx,
    write_side_by_side,
)
from pressdraft.docx.sanitize import MAX_IMAGE_PIXELS


@pytest.fixture(scope="module")
def kit(letterhead_kit):
    return letterhead_kit


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def all_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


@pytest.fixture(scope="module")
def user_release(kit, word_made_letterhead, releases) -> bytes:
    letterhead = load_letterhead(word_made_letterhead)
    return write_docx(releases["az"], kit.info_for("az"), letterhead)


# -- a letterhead made in Word --------------------------------------------------------------


def test_a_word_letterhead_keeps_its_own_styles(word_made_letterhead):
    letterhead = load_letterhead(word_made_letterhead)
    assert letterhead.style_ids["headline"] == "Title"
    assert letterhead.style_ids["subheadline"] == "Subtitle"
    assert letterhead.style_ids["quote"] == "Quote"
    assert letterhead.style_ids["bullet"] == "ListBullet"


def test_styles_the_letterhead_lacks_come_from_the_default(word_made_letterhead, user_release):
    letterhead = load_letterhead(word_made_letterhead)
    assert {"Release Line", "Dateline", "Boilerplate", "Contact", "End Mark"} <= set(
        letterhead.adopted
    )
    names = [p.style.name for p in open_docx(user_release).paragraphs]
    assert names[:4] == ["Release Line", "Title", "Subtitle", "Dateline"]
    assert "Contact" in names and "List Bullet" in names


def test_the_letterheads_fonts_and_colours_carry_over(user_release):
    document = open_docx(user_release)
    assert document.styles["Normal"].font.name == "DejaVu Serif"
    assert str(document.styles["Title"].font.color.rgb) == "8B0000"


def test_the_header_keeps_its_logo_and_gets_the_issuer(user_release):
    header = open_docx(user_release).sections[0].header
    assert "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi" in header.paragraphs[0].text
    assert header._element.findall(f".//{qn('w:drawing')}")
    image_parts = [p for p in header.part.package.iter_parts() if "image" in p.content_type]
    assert len(image_parts) == 1


def test_the_footer_gets_localized_page_numbers(user_release):
    footer = open_docx(user_release).sections[0].footer
    text = "".join(t.text for t in footer._element.iter(qn("w:t")))
    assert text == "Ministry of Examples — Səhifə 1 / 1"


def test_the_letterheads_sample_text_is_not_copied(user_release):
    assert "Sample body text" not in all_xml(user_release)


def test_lists_get_numbering_even_from_a_letterhead(kit, word_made_letterhead):
    letterhead = load_letterhead(word_made_letterhead)
    data = write_docx(parse_markdown("1. a\n2. b\n\n- c\n"), kit.info_for("en"), letterhead)
    paragraphs = open_docx(data).paragraphs
    assert all(p._p.pPr.numPr is not None for p in paragraphs)


def test_a_letterhead_is_parsed_once(word_made_letterhead):
    assert load_letterhead(word_made_letterhead) is load_letterhead(word_made_letterhead)


def test_a_letterhead_release_is_deterministic(kit, word_made_letterhead, releases, user_release):
    letterhead = load_letterhead(word_made_letterhead)
    assert write_docx(releases["az"], kit.info_for("az"), letterhead) == user_release


def test_side_by_side_works_with_a_letterhead(kit, word_made_letterhead, releases):
    letterhead = load_letterhead(word_made_letterhead)
    editions = [(releases[lang], kit.info_for(lang)) for lang in ("tr", "en")]
    (table,) = open_docx(write_side_by_side(editions, letterhead)).tables
    assert [c.text for c in table.rows[0].cells] == ["Türkçe", "English"]


def test_a_word_template_dotx_is_accepted(hostile):
    letterhead = load_letterhead(hostile.template())
    assert letterhead.style_ids["headline"] == "Title"


# -- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("entities", "DOCTYPE"),
        ("external_entity", "DOCTYPE"),
        ("utf16_doctype", "DOCTYPE"),
        ("macro_enabled", "macro-enabled"),
        ("zip_bomb", "expand past 64 MB"),
        ("image_bomb", "image bomb"),
        ("svg_logo", "insert the logo as PNG or JPEG"),
        ("traversal", "suspicious part name"),
        ("lying_sizes", "damaged"),
    ],
)
def test_a_hostile_letterhead_is_refused_with_its_reason(hostile, case, reason):
    with pytest.raises(LetterheadError, match=reason):
        load_letterhead(getattr(hostile, case)())


def test_a_zip_bomb_is_refused_before_unzipping(hostile):
    bomb = hostile.zip_bomb(200)  # 200 MB of zeros in a few hundred KB
    started = time.perf_counter()
    with pytest.raises(LetterheadError, match="zip bomb"):
        load_letterhead(bomb)
    assert time.perf_counter() - started < 0.5


def test_a_part_that_compresses_too_well_is_refused(kit, hostile):
    squeezed = kit.rezip(hostile.base, {"word/media/zeros.bin": bytes(5 * 1024 * 1024)})
    with pytest.raises(LetterheadError, match="expands .*-fold"):
        load_letterhead(squeezed)


def test_an_image_above_the_pixel_limit_is_refused(kit, hostile):
    names = [n for n in zipfile.ZipFile(io.BytesIO(hostile.base)).namelist() if "media/" in n]
    side = int(MAX_IMAGE_PIXELS**0.5) + 100
    big = kit.rezip(hostile.base, {names[0]: kit.png_bytes(side, side)})
    with pytest.raises(LetterheadError, match=f"{side}×{side} pixels"):
        load_letterhead(big)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"hello, I am a letter", "not a zip package"),
        (b"%PDF-1.7\n...", "not a zip package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old binary Word document"),
        (b"PK\x03\x04" + bytes(100), "not a readable .docx"),
        (b"PK\x03\x04" + bytes(10 * 1024 * 1024), "the limit is 10 MB"),
    ],
)
def test_what_is_not_a_docx_is_refused(data, reason):
    with pytest.raises(LetterheadError, match=reason):
        load_letterhead(data)


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(LetterheadError, match=r"\[Content_Types\].xml is missing"):
        load_letterhead(buffer.getvalue())


def test_a_letterhead_error_is_a_value_error():
    assert issubclass(LetterheadError, ValueError)


# -- cleaned --------------------------------------------------------------------------------


def test_macros_are_stripped(kit, hostile, releases):
    letterhead = load_letterhead(hostile.with_vba_project())
    data = write_docx(releases["en"], kit.info_for("en"), letterhead)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not any("vba" in name.lower() for name in names)
    assert "vbaProject" not in all_xml(data)


def test_external_relationships_and_template_links_are_stripped(kit, hostile, releases):
    letterhead = load_letterhead(hostile.external_links())
    data = write_docx(releases["en"], kit.info_for("en"), letterhead)
    xml = all_xml(data)
    assert "evil.example" not in xml and "attachedTemplate" not in xml
    assert "file://" not in xml
    document = open_docx(data)
    header = document.sections[0].header
    external = {rel.target_ref for rel in header.part.rels.values() if rel.is_external}
    assert external == {"https://ministry.example/"}  # a plain web link may stay
    assert "share" in header.paragraphs[0].text  # the link's text stays, its target goes
    links = {link.address for p in document.paragraphs for link in p.hyperlinks}
    assert links == {"https://www.iletisim.gov.tr", "mailto:press@example.org"}


def test_dde_and_include_fields_are_stripped_but_their_text_and_page_fields_stay(kit, hostile):
    cleaned = clean_letterhead(hostile.dde_fields())
    footer = next(
        kit.part(cleaned, n) for n in zipfile.ZipFile(io.BytesIO(cleaned)).namelist()
        if n.startswith("word/footer")
    )  # fmt: skip
    assert "DDE" not in footer and "INCLUDETEXT" not in footer and "cmd.exe" not in footer
    assert "Ministry" in footer and "Examples" in footer
    assert " PAGE " in footer


def test_images_are_re_encoded(word_made_letterhead):
    cleaned = clean_letterhead(word_made_letterhead)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as archive:
        images = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert images and all(image.startswith(b"\x89PNG") for image in images)


def test_cleaning_is_deterministic(word_made_letterhead):
    assert clean_letterhead(word_made_letterhead) == clean_letterhead(word_made_letterhead)


def test_references_to_stripped_relationships_are_cut(kit, hostile):
    cleaned = clean_letterhead(hostile.external_links())
    header = kit.part(cleaned, kit.header_name(cleaned))
    assert 'r:id="rIdUnc"' not in header and f'{{{kit.R_NS}}}id="rIdUnc"' not in header
    assert 'r:id="rIdWeb"' in header


# -- fonts ----------------------------------------------------------------------------------


def test_the_default_letterhead_covers_the_release(releases):
    if font_coverage_warnings(["x"]) == [] and _no_fontconfig():
        pytest.skip("fontconfig (fc-match) is not installed")
    for blocks in releases.values():
        assert font_coverage_warnings(blocks) == []


def test_a_letterhead_font_without_schwa_is_reported(kit, releases):
    # Liberation Sans Narrow (1.07, Debian's fonts-liberation) has no ə; 2.x fonts do.
    family = "Liberation Sans Narrow"
    if _no_fontconfig() or not _installed(family):
        pytest.skip(f"needs fontconfig and {family} (Debian: fonts-liberation)")
    letterhead = load_letterhead(kit.word_letterhead(font=family, logo=False))
    warnings = font_coverage_warnings(releases["az"], letterhead)
    assert len(warnings) == 1
    assert f"“{family}” lacks" in warnings[0] and "Ə ə" in warnings[0]
    assert font_coverage_warnings(releases["en"], letterhead) == []


def test_gap_markers_are_not_counted_as_letters():
    assert font_coverage_warnings(["Toplantı ⟦eksik⟧"], default_letterhead()) == []


def _no_fontconfig() -> bool:
    import shutil

    return shutil.which("fc-match") is None


def _installed(family: str) -> bool:
    from pressdraft.docx.fonts import resolve_font

    font = resolve_font(family)
    return font is not None and font.family.lower() == family.lower()
