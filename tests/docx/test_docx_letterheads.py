"""User letterheads: used as they are where they can be, cleaned or refused where they must."""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from pressdraft.document.blocks import parse_markdown
from pressdraft.document.docx import (
    LetterheadError,
    clean_letterhead,
    default_letterhead,
    font_coverage_warnings,
    load_letterhead,
    write_docx,
    write_side_by_side,
)
from pressdraft.document.docx.letterhead import DEFAULT_LETTERHEAD_PATH, VARIANTS, Letterhead
from pressdraft.document.docx.sanitize import MAX_IMAGE_PIXELS


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
    assert {"Release Line", "Dateline", "Boilerplate", "Contact", "End Mark"} <= set(letterhead.adopted)
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
    from pressdraft.document.docx.fonts import resolve_font

    font = resolve_font(family)
    return font is not None and font.family.lower() == family.lower()


# -- bypasses by part name, content type and spelling (issue 18) ------------------------------

ALLOWED_FIELDS = {"PAGE", "NUMPAGES"}
EXAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "v1" / "joint-media-platform.yaml"


def package_problems(data: bytes) -> list[str]:
    """Everything active left in a .docx, looked for in every part whatever its name or type."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    lowered = {name.lower() for name in parts}
    for name, blob in parts.items():
        if blob.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
            continue  # images are re-encoded; their bytes are not text
        for needle in (b"ddeauto", b"includetext", b"includepicture", b"vbaproject", b"activex", b"oleobject",
                       b"updatefields", b"evil.example", b"\\\\server", b"file:", b"macroenabled", b"altchunk",
                       b"afchunk", b"subdoc", b"glossary", b"customxml"):  # fmt: skip
            if needle in blob.lower():
                problems.append(f"{name}: {needle.decode()}")
        try:
            root = etree.fromstring(blob)
        except etree.XMLSyntaxError:
            problems.append(f"{name}: not XML")
            continue
        problems += [f"{name}: field {kw}" for kw in _field_keywords(root) if kw not in ALLOWED_FIELDS]
        for rel in root.iter("{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"):
            target = rel.get("Target", "")
            if (rel.get("TargetMode") or "").lower() == "external":
                web = target.startswith(("https:", "http:", "mailto:"))
                if not (rel.get("Type", "").endswith("/hyperlink") and web):
                    problems.append(f"{name}: external {rel.get('Type')} {target}")
            else:
                folder = posixpath.dirname(posixpath.dirname(name))
                resolved = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                if target.startswith("/"):
                    resolved = target.lstrip("/")
                if resolved.lower() not in lowered:
                    problems.append(f"{name}: target {target} is not in the package")
    return problems


def _field_keywords(root) -> list[str]:
    keywords, stack = [], []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "fldSimple":
            keywords.append((el.get(qn("w:instr")) or "").split()[0].upper())
        elif local == "fldChar":
            kind = el.get(qn("w:fldCharType"))
            if kind == "begin":
                stack.append([])
            elif kind == "end" and stack:
                keywords.append(("".join(stack.pop()).split() or [""])[0].upper())
        elif local in ("instrText", "delInstrText"):
            (stack[-1] if stack else keywords).append(el.text or "")
    return keywords + ["".join(frame) for frame in stack]


HIDING_PLACES = {
    "header .XML": lambda h: h.renamed_header("word/header1.XML"),
    "header .bin": lambda h: h.renamed_header("word/header1.bin"),
    "header, no extension": lambda h: h.renamed_header("word/header1"),
    "header, mixed-case type": lambda h: h.renamed_header("word/Header1.Xml", h.header_type.title()),
    "settings .XML": lambda h: h.renamed_settings(),
    "settings .bin, type in capitals": lambda h: h.renamed_settings("word/settings.bin", h.settings_type.upper()),
    "mixed-case content types": lambda h: h.mixed_case_types(),
    "disguised fields": lambda h: h.disguised_fields(),
    "parts under other names": lambda h: h.smuggled_parts(),
    "external and escaping targets": lambda h: h.external_targets(),
}


@pytest.mark.parametrize("case", HIDING_PLACES)
def test_a_cleaned_letterhead_holds_nothing_active_whatever_its_part_names(hostile, case):
    data = HIDING_PLACES[case](hostile)
    assert package_problems(data), "the hostile letterhead should carry something to clean"
    assert package_problems(clean_letterhead(data)) == []


@pytest.mark.parametrize("case", HIDING_PLACES)
def test_a_release_in_a_hostile_letterhead_holds_nothing_active(kit, hostile, releases, case):
    letterhead = load_letterhead(HIDING_PLACES[case](hostile))
    data = write_docx(releases["en"], kit.info_for("en"), letterhead)
    assert package_problems(data) == []
    document = open_docx(data)
    assert document.settings.element is not None  # mixed-case types once crashed here
    assert "Ministry of Examples" in "".join(t.text for t in document.sections[0].footer._element.iter(qn("w:t")))


def test_a_renamed_header_keeps_its_logo_text_and_the_fields_shown_text(kit, hostile, releases):
    letterhead = load_letterhead(hostile.renamed_header("word/header1.bin"))
    document = open_docx(write_docx(releases["en"], kit.info_for("en"), letterhead))
    header = document.sections[0].header
    text = "".join(t.text for t in header._element.iter(qn("w:t")))
    assert "Directorate of Communications" in text and "shown" in text and "included" in text
    assert header._element.findall(f".//{qn('w:drawing')}")
    assert all(p.partname.endswith((".xml", ".png", ".rels")) for p in document.part.package.iter_parts())


def test_disguised_fields_go_but_page_numbers_and_shown_text_stay(hostile):
    cleaned = clean_letterhead(hostile.disguised_fields())
    footer = next(
        part for name, part in _parts(cleaned).items() if name.startswith("word/footer")
    )  # fmt: skip
    root = etree.fromstring(footer)
    assert sorted(_field_keywords(root)) == ["NUMPAGES", "PAGE"]  # a PAGE holding another field goes too
    text = "".join(t.text or "" for t in root.iter(qn("w:t")))
    assert "pic" in text and "new" in text and text.count("shown") == 6


def test_update_fields_is_dropped_from_settings_found_by_their_relationship(hostile):
    for data in (hostile.renamed_settings(), hostile.renamed_settings("word/prefs", hostile.settings_type.title())):
        settings = [blob for blob in _parts(clean_letterhead(data)).values() if b"<w:settings" in blob]
        assert len(settings) == 1 and b"updateFields" not in settings[0] and b"defaultTabStop" in settings[0]


def test_parts_nothing_points_to_are_not_copied(hostile):
    names = set(_parts(clean_letterhead(hostile.smuggled_parts())))
    assert not {"word/orphan.xml", "word/media/image9.png", "word/styles2.xml", "word/chunk.XML"} & names
    assert not any(name.startswith(("customXml/", "word/glossary/")) for name in names)


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("unknown_part", r"^the part word/extra.dat \(application/x-unknown\) .*; .*"),
        ("mismatched_part", r"^the part word/header1.xml is declared as application/vnd.ms-office.vbaProject"),
    ],
)
def test_a_part_of_an_unknown_kind_is_refused_with_a_one_line_reason(hostile, case, reason):
    with pytest.raises(LetterheadError, match=reason) as refused:
        load_letterhead(getattr(hostile, case)())
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("case", HIDING_PLACES)
def test_the_cli_renders_a_hostile_letterhead_clean_or_refuses_it(tmp_path, capsys, hostile, case):
    from pressdraft.cli.commands import main

    letterhead = tmp_path / "evil.docx"
    letterhead.write_bytes(HIDING_PLACES[case](hostile))
    out = tmp_path / "out"
    code = main(["render", str(EXAMPLE), "-o", str(out), "--letterhead", str(letterhead)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected" not in err
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1
        return
    assert code == 0
    written = sorted(out.glob("*.docx"))
    assert len(written) == 3
    for path in written:
        assert package_problems(path.read_bytes()) == [], path.name


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_cli_refuses_an_unknown_part_in_one_line(tmp_path, capsys, hostile):
    from pressdraft.cli.commands import main

    letterhead = tmp_path / "evil.docx"
    letterhead.write_bytes(hostile.unknown_part())
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--letterhead", str(letterhead)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the part word/extra.dat") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


STORIES = [
    *(f"word/{n}.xml" for n in ("document", "styles", "settings", "numbering", "fontTable", "header1", "footer1")),
    "word/theme/theme1.xml",
    "docProps/core.xml",
    "docProps/app.xml",
]


@pytest.mark.parametrize("name", STORIES)
def test_a_part_that_is_not_what_its_type_says_is_refused_or_harmless(kit, hostile, releases, name):
    with zipfile.ZipFile(io.BytesIO(hostile.base)) as archive:
        impostors = [archive.read(other) for other in STORIES if other != name] + [b"<x/>"]
    for blob in impostors:
        try:
            letterhead = load_letterhead(kit.rezip(hostile.base, {name: blob}))
        except LetterheadError as refused:
            assert "\n" not in str(refused)
            continue
        assert package_problems(write_docx(releases["en"][:3], kit.info_for("en"), letterhead)) == []


def test_an_image_is_decoded_only_as_a_format_a_logo_may_have(kit, hostile):
    names = [n for n in zipfile.ZipFile(io.BytesIO(hostile.base)).namelist() if "media/" in n]
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"  # Pillow would run Ghostscript
    ppm = b"P6\n2 2\n255\n" + bytes(12)  # Pillow reads it; a logo is never one
    for blob in (eps, ppm):
        with pytest.raises(LetterheadError, match="could not be read"):
            load_letterhead(kit.rezip(hostile.base, {names[0]: blob}))


def test_a_renamed_image_is_re_encoded_under_a_plain_name(kit, hostile):
    rels_name = kit.header_name(hostile.base).replace("word/", "word/_rels/") + ".rels"
    rels = kit.part(hostile.base, rels_name).replace('Target="media/image1.png"', 'Target="media/logo.BIN"')
    types = kit.part(hostile.base, "[Content_Types].xml").replace(
        "</Types>", '<Override PartName="/word/media/logo.BIN" ContentType="Image/PNG"/></Types>'
    )
    data = kit.rezip(hostile.base, {"word/media/image1.png": None, rels_name: rels.encode(),
                                    "[Content_Types].xml": types.encode(),
                                    "word/media/logo.BIN": kit.png_bytes()})  # fmt: skip
    parts = _parts(clean_letterhead(data))
    assert parts["word/media/logo.png"].startswith(b"\x89PNG") and not any(n.endswith(".BIN") for n in parts)
    assert b'Target="media/logo.png"' in parts[rels_name]


def test_each_issuer_has_its_own_header_and_the_variants_kept_are_bounded(kit, releases):
    """A letterhead prepares a variant per language and issuer (``Letterhead.new_document``) and keeps
    the last ``VARIANTS``: documents of more issuers than that each carry their own issuer, and one
    written again after its variant was dropped is byte for byte the first."""
    letterhead = Letterhead.from_bytes(DEFAULT_LETTERHEAD_PATH.read_bytes())  # its own variants
    issuers = [f"Issuer-{n:02d}-end" for n in range(VARIANTS + 2)]
    first = {issuer: write_docx(releases["en"], kit.info_for("en", issuer=issuer), letterhead) for issuer in issuers}
    assert len(letterhead._variants) == VARIANTS
    for issuer, data in first.items():
        assert issuer in open_docx(data).sections[0].header.paragraphs[0].text
        assert [other for other in issuers if other in all_xml(data)] == [issuer]
    assert write_docx(releases["en"], kit.info_for("en", issuer=issuers[0]), letterhead) == first[issuers[0]]
