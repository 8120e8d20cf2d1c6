"""Photos, numbered lists and subheadings of a format-2 body in the documents.

The body reaches the document layer as Markdown (the contract between the engineers of issue 12):
a photo is ``{.photo src="REF"}`` followed by its caption paragraph (credit after `` — ``), its
picture given to the edition as REF → cleaned bytes; ``### `` is a subheading; each numbered list
restarts at 1.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Twips
from PIL import Image

from pressdraft.core.problems import PressdraftError
from pressdraft.document.blocks import Block, Run, blocks_to_html, blocks_to_text, list_markers, parse_markdown
from pressdraft.document.docx import DocumentInfo, load_letterhead, write_docx, write_side_by_side
from pressdraft.document.export import MISSING_PICTURE, Edition
from pressdraft.pipeline import wire
from pressdraft.safety.images import clean_image

REF = "photos/signing.jpg"

BODY = f"""\
# Azerbaijan and Türkiye sign three agreements

{{.dateline}}
**BAKU, Dec. 9, 2026** — Three agreements were signed in Baku.

### The programme

1. Arrival of the delegations
2. Talks in a small format

The talks continue in an extended format.

1. Signing of the agreements
2. Statements to the press

{{.photo src="{REF}"}}
The ministers after the signing — Photo: AZERTAC

### About the Ministry

{{.about}}
The Ministry of Foreign Affairs of the Republic of Azerbaijan.
"""


def photo(size=(1200, 800), colour=(200, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return clean_image(out.getvalue()).data


INFO = DocumentInfo("en", "Three agreements", "", "Ministry", "Ministry", dt.datetime(2026, 12, 9, tzinfo=dt.UTC))


@pytest.fixture(scope="module")
def written() -> docx.document.Document:
    data = write_docx(parse_markdown(BODY), INFO, images={REF: photo()})
    return docx.Document(io.BytesIO(data))


# -- Markdown → blocks ------------------------------------------------------------------------


def test_a_photo_becomes_one_block_with_its_picture_and_its_caption():
    (block,) = [b for b in parse_markdown(BODY) if b.kind == "photo"]
    assert block.src == REF
    assert block.text == "The ministers after the signing — Photo: AZERTAC"


def test_a_photo_without_caption_is_still_a_photo():
    """A photo with neither caption nor credit is written as a caption paragraph of one no-break space."""
    (block,) = parse_markdown('{.photo src="img-1"}\n\u00a0\n')
    assert (block.kind, block.src, block.runs) == ("photo", "img-1", ())


@pytest.mark.parametrize(
    "file", ['photos/"Baku" 1.jpg', "photos\\baku.jpg", "fotoğraflar/imza töreni.jpg", "a{1}.jpg", "b}.jpg"]
)
def test_a_src_written_with_escapes_is_the_photos_file(file):
    """``"``, ``\\``, ``{`` and ``}`` in a file name are written after a backslash in the attribute line."""
    written = re.sub(r'(["\\{}])', r"\\\1", file)
    (block,) = parse_markdown(f'{{.photo src="{written}"}}\nCaption\n')
    assert block.src == file


def test_only_a_photo_keeps_a_src():
    blocks = parse_markdown('{.about src="x.jpg"}\nAbout us.\n\n{.photo src="a.jpg"}\nA.\n\n### Next\n')
    assert [(b.kind, b.src) for b in blocks] == [("about", None), ("photo", "a.jpg"), ("heading", None)]


def test_a_photo_src_is_never_a_link_and_its_caption_is_text():
    (block,) = parse_markdown('{.photo src="https://evil.example/x.png"}\n**Bold** [link](javascript:x)\n')
    html = blocks_to_html([block], {})
    assert "evil.example" in html and "<img" not in html  # shown as the missing picture's name, never fetched
    assert "javascript" not in html


def test_each_numbered_list_starts_a_new_list():
    blocks = [b for b in parse_markdown(BODY) if b.kind == "number"]
    assert [b.new_list for b in blocks] == [True, False, True, False]
    assert [marker for marker in list_markers(parse_markdown(BODY)) if marker] == ["1.", "2.", "1.", "2."]


def test_two_lists_one_after_the_other_stay_two_lists():
    """CommonMark ends a list where the delimiter changes (``1.`` then ``1)``): two lists, each from 1."""
    blocks = parse_markdown("1. a\n2. b\n1) c\n2) d\n")
    assert [b.new_list for b in blocks] == [True, False, True, False]
    assert list_markers(blocks) == ["1.", "2.", "1.", "2."]


def test_a_numbered_list_run_into_another_by_commonmark_still_restarts():
    """Two list blocks of a body, one after the other, are one list to CommonMark (a blank line
    between items makes a list loose, not two): the item numbered 1 again starts the second."""
    blocks = parse_markdown("1. a\n2. b\n\n1. c\n2. d\n")
    assert [(b.text, b.new_list) for b in blocks] == [("a", True), ("b", False), ("c", True), ("d", False)]
    assert list_markers(blocks) == ["1.", "2.", "1.", "2."]


def test_a_nested_list_starts_anew_and_its_outer_list_goes_on():
    blocks = parse_markdown("1. a\n   1. a1\n   2. a2\n2. b\n")
    assert [(b.level, b.new_list) for b in blocks] == [(0, True), (1, True), (1, False), (0, False)]
    assert list_markers(blocks) == ["1.", "1.", "2.", "2."]


def test_photos_and_list_starts_cross_the_sandbox_wire():
    blocks = parse_markdown(BODY)
    assert wire.blocks_from_json(wire.blocks_to_json(blocks)) == blocks


def test_the_wire_refuses_a_src_on_anything_but_a_photo():
    with pytest.raises(ValueError):
        wire.blocks_from_json([["paragraph", 0, [["x", False, False, None]], "x.jpg", False]])


# -- text and preview ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "[Photo: A — AA]"), ("tr", "[Fotoğraf: A — AA]"), ("az", "[Foto: A — AA]")],
)
def test_the_text_edition_names_the_photo_in_its_language(lang, expected):
    assert blocks_to_text(parse_markdown('{.photo src="a.jpg"}\nA — AA\n'), lang) == expected + "\n"


def test_the_preview_shows_the_picture_with_its_caption_as_alt_text():
    html = blocks_to_html(parse_markdown('{.photo src="a.jpg"}\nThe <ministers> — AA\n'), {"a.jpg": photo((8, 8))})
    assert '<img class="pd-picture" src="data:image/jpeg;base64,' in html
    assert 'alt="The &lt;ministers&gt; — AA"' in html
    assert '">The &lt;ministers&gt; — AA</figcaption>' in html


def test_the_preview_marks_a_missing_picture():
    html = blocks_to_html(parse_markdown('{.photo src="a.jpg"}\nA\n'), {})
    assert '<div class="pd-photo-missing">a.jpg</div>' in html and "<img" not in html


# -- DOCX -----------------------------------------------------------------------------------------


def test_the_docx_holds_the_picture_fitted_to_the_text_column(written):
    (shape,) = written.inline_shapes
    section = written.sections[0]
    column = section.page_width - section.left_margin - section.right_margin
    assert shape.width == column
    assert abs(shape.height - column * 800 // 1200) <= 1  # aspect kept


def test_the_caption_follows_the_picture_in_the_caption_style(written):
    paragraphs = written.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p._p.xpath(".//w:drawing"))
    assert paragraphs[at].style.name == "Photo"
    assert paragraphs[at + 1].style.name == "Caption"
    assert paragraphs[at + 1].text == "The ministers after the signing — Photo: AZERTAC"


def test_the_caption_is_the_pictures_alternative_text(written):
    (doc_pr,) = written.element.body.xpath(".//wp:docPr")
    assert doc_pr.get("descr") == "The ministers after the signing — Photo: AZERTAC"


def test_a_small_picture_is_not_blown_up():
    document = docx.Document(io.BytesIO(write_docx(parse_markdown(BODY), INFO, images={REF: photo((300, 200))})))
    (shape,) = document.inline_shapes
    assert shape.width == 300 * 914400 // 150  # 150 dpi: 2 inches


def test_a_portrait_picture_is_kept_to_half_the_page():
    document = docx.Document(io.BytesIO(write_docx(parse_markdown(BODY), INFO, images={REF: photo((800, 1600))})))
    (shape,) = document.inline_shapes
    section = document.sections[0]
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert shape.height == text_height // 2 and abs(shape.width - shape.height // 2) <= 1


def test_each_numbered_list_restarts_at_one_in_word(written):
    """Word numbers the paragraphs of one ``w:num`` on: each list gets its own, restarting at 1."""
    numbered = [p for p in written.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = written.part.numbering_part.element
    for num_id in {num_ids[0], num_ids[2]}:
        (num,) = [n for n in numbering.iterchildren(qn("w:num")) if n.numId == num_id]
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_a_paragraph_after_a_list_keeps_a_paragraphs_distance(written):
    """List items are 3 pt apart; the paragraph after the list gets 7 pt before it, as between
    paragraphs, in a cell of the side-by-side edition too (where contextual spacing cannot work)."""
    after_list = next(p for p in written.paragraphs if p.text.startswith("The talks continue"))
    assert after_list.paragraph_format.space_before == Twips(140)
    lead = next(p for p in written.paragraphs if p.text.startswith("BAKU"))
    assert lead.paragraph_format.space_before is None
    editions = [(parse_markdown(BODY), INFO), (parse_markdown(BODY), replace(INFO, lang="tr"))]
    table = docx.Document(io.BytesIO(write_side_by_side(editions, images={REF: photo()}))).tables[0]
    row = next(r for r in table.rows if r.cells[0].text.startswith("The talks continue"))
    assert [c.paragraphs[0].paragraph_format.space_before for c in row.cells] == [Twips(140)] * 2


def test_a_subheading_in_the_body_is_a_section_heading(written):
    headings = [p.text for p in written.paragraphs if p.style.name == "Section Heading"]
    assert headings == ["The programme", "About the Ministry"]


def test_the_same_release_and_pictures_give_the_same_bytes():
    first = write_docx(parse_markdown(BODY), INFO, images={REF: photo()})
    assert write_docx(parse_markdown(BODY), INFO, images={REF: photo()}) == first


def test_one_picture_used_twice_is_stored_once():
    twice = parse_markdown(f'{{.photo src="{REF}"}}\nA\n\n{{.photo src="{REF}"}}\nB\n')
    document = docx.Document(io.BytesIO(write_docx(twice, INFO, images={REF: photo()})))
    assert len(document.inline_shapes) == 2
    assert len([p for p in document.part.package.iter_parts() if p.partname.startswith("/word/media/")]) == 1


def test_the_side_by_side_edition_puts_each_picture_in_its_column():
    editions = [(parse_markdown(BODY), INFO), (parse_markdown(BODY), replace(INFO, lang="tr"))]
    document = docx.Document(io.BytesIO(write_side_by_side(editions, images={REF: photo()})))
    shapes = document.inline_shapes
    section = document.sections[0]
    column = (section.page_width - section.left_margin - section.right_margin) // 2
    assert len(shapes) == 2 and all(shape.width < column for shape in shapes)
    row = next(r for r in document.tables[0].rows if r.cells[0]._tc.xpath(".//w:drawing"))
    assert all(cell._tc.xpath(".//w:drawing") for cell in row.cells)


def test_a_letterhead_without_photo_styles_gets_them_from_the_house_style(word_made_letterhead):
    """A letterhead made in Word has Word's own caption style (kept) but no Photo style (adopted)."""
    letterhead = load_letterhead(word_made_letterhead)
    assert "Photo" in letterhead.adopted and letterhead.style_ids["caption"]
    data = write_docx(parse_markdown(BODY), INFO, letterhead, images={REF: photo()})
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 1


# -- the edition ------------------------------------------------------------------------------------


@pytest.fixture
def photo_edition(engine, example_data):
    """The example as a format-2 draft with a photo in its body, its Markdown given the photo."""
    data = copy.deepcopy(example_data)
    data["format"] = 2
    data["body"] = [{"paragraph": {"en": "Text."}}, {"photo": {"file": REF, "caption": {"en": "The ministers"}}}]
    data["languages"], data["source_language"] = ["en"], "en"
    rendition = engine.render(engine.draft_from_data(data), ["en"])
    markdown = rendition.markdown["en"] + f'\n{{.photo src="{REF}"}}\nThe ministers — AZERTAC\n'
    return lambda images: Edition(replace(rendition, markdown={"en": markdown}), images)


def test_the_edition_writes_the_pictures_it_is_given(photo_edition):
    edition = photo_edition({REF: photo()})
    files = {f.name.rsplit(".", 1)[1]: f.data for f in edition.files(["docx", "txt"])}
    assert len(docx.Document(io.BytesIO(files["docx"])).inline_shapes) == 1
    assert "[Photo: The ministers — AZERTAC]" in files["txt"].decode()
    assert '<img class="pd-picture"' in edition.html("en")


def test_a_missing_picture_is_a_problem_naming_the_photo(photo_edition):
    edition = photo_edition({})
    (problem,) = edition.missing_pictures()
    assert problem.template == MISSING_PICTURE
    assert problem.path == "body[1].photo.file"
    assert problem.message == (
        f"no picture {REF!r} was given for this photo: check the file name, or upload the picture again"
    )
    with pytest.raises(PressdraftError) as caught:
        edition.docx("en")
    assert caught.value.problems == (problem,)
    assert "[Photo: The ministers — AZERTAC]" in edition.files(["txt"])[0].data.decode()  # text needs no picture


def test_the_preview_gets_pictures_scaled_down_for_the_screen(photo_edition):
    edition = photo_edition({REF: photo((3000, 2000))})
    preview = edition.preview_pictures[REF]
    assert Image.open(io.BytesIO(preview)).size == (960, 640)
    assert edition.images[REF] != preview


def test_a_block_made_by_hand_keeps_its_defaults():
    block = Block("paragraph", (Run("x"),))
    assert (block.src, block.new_list) == (None, False)


def test_the_columns_of_the_side_by_side_edition_number_their_lists_apart():
    """Word and LibreOffice count the lists of one definition together: columns read row by row
    would number 1, 1, 2, 2 … (LibreOffice printed "1, 2, 6" in the middle column), so each
    column's lists have a definition of their own."""
    editions = [(parse_markdown(BODY), replace(INFO, lang=lang)) for lang in ("en", "tr", "az")]
    document = docx.Document(io.BytesIO(write_side_by_side(editions, images={REF: photo()})))
    numbering = document.part.numbering_part.element
    abstract_of = {n.numId: n.abstractNumId.val for n in numbering.iterchildren(qn("w:num"))}
    rows = [r for r in document.tables[0].rows if r.cells[0].paragraphs[0].style.name == "List Number"]
    columns = [{abstract_of[r.cells[c].paragraphs[0]._p.pPr.numPr.numId.val] for r in rows} for c in range(3)]
    assert all(len(column) == 1 for column in columns)
    assert len(set.union(*columns)) == 3


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfimages") is None,
    reason="LibreOffice and poppler-utils are not installed",
)


@needs_soffice
@pytest.mark.libreoffice
def test_libreoffice_prints_the_picture_its_caption_and_both_lists_from_one(tmp_path):
    from pressdraft.document.docx.pdf import convert_to_pdf

    pdf = convert_to_pdf({"release.docx": write_docx(parse_markdown(BODY), INFO, images={REF: photo()})})
    path = tmp_path / "release.pdf"
    path.write_bytes(pdf["release.pdf"])
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout
    assert len(images.splitlines()[2:]) == 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert re.findall(r"^(\d)\.", text, re.MULTILINE) == ["1", "2", "1", "2"]
    assert "The ministers after the signing — Photo: AZERTAC" in text


def test_the_zip_edition_holds_the_pictures_where_the_draft_finds_them(photo_edition):
    import zipfile

    from pressdraft.document.export import zip_edition

    data = photo()
    edition = photo_edition({REF: data})
    archive = zipfile.ZipFile(io.BytesIO(zip_edition(edition, edition.files(["txt"]), "format: 2\n").data))
    assert archive.read(REF) == data


@pytest.mark.parametrize(
    ("ref", "name"),
    [
        ("photos/a.jpg", "photos/a.jpg"),
        ("img-" + "ab" * 32, "img-" + "ab" * 32 + ".jpg"),
        ("../secret.jpg", None),
        ("/etc/a.jpg", None),
        ("C:\\a.jpg", None),
        ("a//b.jpg", None),
    ],
)
def test_a_picture_never_climbs_out_of_the_zip(ref, name):
    from pressdraft.document.export import picture_name

    data = photo((4, 4))
    expected = name or "img-" + hashlib.sha256(data).hexdigest() + ".jpg"
    assert picture_name(ref, data) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ('{.photo src="a.jpg"}\n\nNext paragraph.\n', [("photo", ""), ("paragraph", "Next paragraph.")]),
        ('{.photo src="a.jpg"}\n\n{.about}\nAbout us.\n', [("photo", ""), ("about", "About us.")]),
        ('{.photo src="a.jpg"}\n\n### About\n', [("photo", ""), ("heading", "About")]),
        ('{.photo src="a.jpg"}\n\n- one\n', [("photo", ""), ("bullet", "one")]),
        ('{.photo src="a.jpg"}\nCaption\n\nNext.\n', [("photo", "Caption"), ("paragraph", "Next.")]),
    ],
)
def test_a_photo_takes_as_caption_only_the_paragraph_on_the_next_line(markdown, expected):
    """A photo without caption or credit written as its attribute line alone must not take the
    next block as its caption (markdown-it's attributes pass over a blank line)."""
    blocks = parse_markdown(markdown)
    assert [(b.kind, b.text) for b in blocks] == expected
    assert blocks[0].src == "a.jpg" and all(b.src is None for b in blocks[1:])
