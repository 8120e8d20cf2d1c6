"""Blocks → DOCX: styles, languages, properties, links, breaks, cleaning, determinism."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from pressdraft.document.blocks import Block, Run, parse_markdown
from pressdraft.document.docx import align_blocks, clean_text, write_docx, write_side_by_side

LANG_TAGS = {"tr": "tr-TR", "az": "az-Latn-AZ", "en": "en-US"}
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def body_runs(document):
    return document.element.body.findall(f".//{qn('w:r')}")


def run_lang(r) -> str | None:
    lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    return None if lang is None else lang.get(qn("w:val"))


@pytest.fixture
def write(make_info):
    """``write(markdown_or_blocks, lang="en")`` → a python-docx Document of the result."""

    def _write(source, lang="en", **info):
        blocks = parse_markdown(source) if isinstance(source, str) else source
        return open_docx(write_docx(blocks, make_info(lang, **info)))

    return _write


# -- styles -------------------------------------------------------------------------------


def test_each_block_is_written_in_its_named_style(editions):
    document = open_docx(editions["en"])
    styles = [(p.style.name, p.text[:24]) for p in document.paragraphs]
    assert styles[:4] == [
        ("Release Line", "FOR IMMEDIATE RELEASE"),
        ("Headline", "Turkey and Azerbaijan ho"),
        ("Subheadline", "Six committees to be est"),
        ("Dateline", "ISTANBUL, October 23, 20"),
    ]
    names = [name for name, _ in styles]
    assert names[4:] == [
        "Body Text", "Body Text", *["List Bullet"] * 6, "Quote", "Quote", "Quote",
        "Body Text", "Section Heading", "Boilerplate", "Section Heading", "Contact", "End Mark",
    ]  # fmt: skip


def test_the_turkish_release_ends_with_its_closing_formula(editions):
    last = open_docx(editions["tr"]).paragraphs[-1]
    assert (last.style.name, last.text) == ("Closing", "Kamuoyuna saygıyla duyurulur.")


def test_the_letterhead_carries_only_the_styles_a_release_uses(editions):
    names = {style.name for style in open_docx(editions["en"]).styles}
    assert names == {
        "Normal", "Body Text", "Release Line", "Headline", "Subheadline", "Section Heading",
        "Dateline", "Quote", "List Bullet", "List Number", "Photo", "Caption", "Boilerplate", "Contact", "Closing",
        "End Mark", "Edition Label", "Header", "Footer", "Default Paragraph Font", "Hyperlink",
        "Normal Table", "No List",
    }  # fmt: skip


def test_the_text_survives_word_for_word(editions, releases):
    for lang, data in editions.items():
        written = [p.text for p in open_docx(data).paragraphs]
        assert written == [block.text for block in releases[lang]]


# -- language -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_every_run_carries_the_proofing_language(editions, lang):
    document = open_docx(editions[lang])
    runs = body_runs(document)
    assert runs and {run_lang(r) for r in runs} == {LANG_TAGS[lang]}
    section = document.sections[0]
    for story in (section.header, section.footer):
        story_runs = story._element.findall(f".//{qn('w:r')}")
        assert story_runs and {run_lang(r) for r in story_runs} == {LANG_TAGS[lang]}


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_the_styles_carry_the_proofing_language(editions, lang):
    styles = open_docx(editions[lang]).styles.element
    path = ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang")
    default = styles.find("/".join(qn(tag) for tag in path))
    assert default.get(qn("w:val")) == LANG_TAGS[lang]
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph":
            lang_el = style.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            assert lang_el is not None and lang_el.get(qn("w:val")) == LANG_TAGS[lang]


# -- properties ---------------------------------------------------------------------------


def test_core_properties_describe_the_release(editions):
    props = open_docx(editions["az"]).core_properties
    assert props.title == ("Türkiyə-Azərbaycan Ortaq Media Platformasının ilk iclası İstanbulda keçirilib")
    assert props.subject == "Altı komitə yaradılacaq"
    assert props.author == "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi"
    assert props.last_modified_by == props.author
    assert props.language == "az-Latn-AZ"
    assert props.keywords == "medya, Türkiye, Azərbaycan"
    assert props.created == props.modified == dt.datetime(2021, 10, 23, 9, 30, tzinfo=dt.UTC)
    assert props.revision == 1


def test_app_properties_name_the_application_and_the_issuer(editions):
    with zipfile.ZipFile(io.BytesIO(editions["tr"])) as archive:
        app = archive.read("docProps/app.xml").decode()
    assert "<Application>pressdraft</Application>" in app
    assert "<Company>T.C. Cumhurbaşkanlığı İletişim Başkanlığı</Company>" in app


def test_an_overlong_title_is_shortened_to_what_core_properties_allow(write):
    document = write("# x", title="Uzun başlık " * 40)
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")


# -- header and footer ------------------------------------------------------------------


def test_the_header_names_the_issuer(editions):
    header = open_docx(editions["tr"]).sections[0].header
    assert header.paragraphs[0].text == "T.C. Cumhurbaşkanlığı İletişim Başkanlığı"
    assert header.paragraphs[0].style.name == "Header"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("tr", "Sayfa 1 / 1"), ("az", "Səhifə 1 / 1"), ("en", "Page 1 of 1")],
)
def test_the_footer_numbers_pages_in_the_release_language(editions, lang, text):
    footer = open_docx(editions[lang]).sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    shown = "".join(t.text for t in footer.iter(qn("w:t")))
    assert shown == text  # the fields' cached results are "1"


# -- runs, links, breaks -----------------------------------------------------------------


def test_bold_and_italic_become_run_properties(write):
    paragraph = write("{.dateline}\n**İSTANBUL, 23 Ekim 2021** — *İlk* toplantı").paragraphs[0]
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("İSTANBUL, 23 Ekim 2021", True, None),
        (" — ", None, None),
        ("İlk", None, True),
        (" toplantı", None, None),
    ]


def test_escaped_markup_stays_literal_and_is_not_bold(write):
    paragraph = write(r"\*not bold\* and \# not a heading").paragraphs[0]
    assert paragraph.text == "*not bold* and # not a heading"
    assert all(not run.bold for run in paragraph.runs)
    assert paragraph.style.name == "Body Text"


def test_links_are_real_hyperlinks_to_their_targets(editions):
    document = open_docx(editions["en"])
    links = [link for p in document.paragraphs for link in p.hyperlinks]
    assert [(link.text, link.address) for link in links] == [
        ("iletisim.gov.tr", "https://www.iletisim.gov.tr"),
        ("press@example.org", "mailto:press@example.org"),
    ]
    for link in links:
        assert link._hyperlink.get(qn("r:id")) in document.part.rels
        assert all(run_lang(r) == "en-US" for r in link._hyperlink.findall(qn("w:r")))
        assert all(r.style.name == "Hyperlink" for r in link.runs)


def test_a_link_to_a_refused_scheme_is_plain_text(write):
    blocks = [Block("paragraph", (Run("open me", href="ms-word:ofe|u|http://x"),))]
    document = write(blocks)
    assert document.paragraphs[0].hyperlinks == []
    assert document.paragraphs[0].text == "open me"
    external = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert external == []


def test_a_manual_line_break_is_a_break_not_a_new_paragraph(editions):
    document = open_docx(editions["en"])
    contact = next(p for p in document.paragraphs if p.style.name == "Contact")
    assert contact._p.findall(f".//{qn('w:br')}") and len(contact.text.split("\n")) == 2


def test_gap_markers_are_highlighted_in_yellow(write):
    paragraph = write("Toplantı ⟦eksik çeviri⟧ yapıldı.", lang="tr").paragraphs[0]
    assert [(r.text, r.font.highlight_color) for r in paragraph.runs] == [
        ("Toplantı ", None),
        ("⟦eksik çeviri⟧", WD_COLOR_INDEX.YELLOW),
        (" yapıldı.", None),
    ]


def test_numbered_lists_restart_and_bullets_nest(write):
    document = write("1. a\n2. b\n\nText\n\n1. c\n\n- d\n  - e\n")
    paragraphs = document.paragraphs

    def numbering(p):
        num_pr = p._p.pPr.numPr
        return (int(num_pr.numId.val), int(num_pr.ilvl.val))

    a, b, c = (numbering(p) for p in (paragraphs[0], paragraphs[1], paragraphs[3]))
    assert a == b and c[0] != a[0]  # the second list starts again at 1
    assert numbering(paragraphs[4])[1] == 0 and numbering(paragraphs[5])[1] == 1
    assert [p.style.name for p in paragraphs] == [
        "List Number", "List Number", "Body Text", "List Number", "List Bullet", "List Bullet",
    ]  # fmt: skip


# -- cleaning -----------------------------------------------------------------------------


def test_control_characters_are_cleaned_at_the_gate(write):
    dirty = "a\x00b\x1bc\x7fd\ufffee\uffff f\ud800g\x0bh\r\ni\tj"
    paragraph = write([Block("paragraph", (Run(dirty),))]).paragraphs[0]
    assert paragraph.text == "abcde fg\nh\ni\tj"


def test_a_form_feed_becomes_a_page_break(write):
    paragraph = write([Block("paragraph", (Run("one\ftwo"),))]).paragraphs[0]
    breaks = paragraph._p.findall(f".//{qn('w:br')}")
    assert [br.get(qn("w:type")) for br in breaks] == ["page"]


def test_metadata_is_cleaned_too(write):
    document = write("# x", title="Baş\x00lık\x0b", author="\ud800İletişim")
    assert document.core_properties.title == "Başlık"
    assert document.core_properties.author == "İletişim"


def test_clean_text_keeps_tabs_and_newlines():
    assert clean_text("a\tb\nc\x01") == "a\tb\nc"


# -- determinism ----------------------------------------------------------------------------


def test_the_same_release_gives_the_same_bytes(releases, make_info, editions):
    assert write_docx(releases["tr"], make_info("tr")) == editions["tr"]


def test_zip_entries_are_stamped_with_the_release_time(editions):
    with zipfile.ZipFile(io.BytesIO(editions["en"])) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(2021, 10, 23, 9, 30, 0)}


def test_a_naive_creation_time_is_taken_as_utc(releases, make_info):
    naive = write_docx(releases["en"], make_info("en", created=dt.datetime(2021, 10, 23, 9, 30)))
    aware = write_docx(releases["en"], make_info("en"))
    assert naive == aware


def test_documents_do_not_share_state(releases, make_info):
    first = write_docx(releases["en"], make_info("en"))
    write_docx(releases["tr"], make_info("tr", issuer="Başka kurum"))
    assert write_docx(releases["en"], make_info("en")) == first


# -- side by side ---------------------------------------------------------------------------


def test_side_by_side_puts_one_language_in_each_column(side_by_side):
    document = open_docx(side_by_side["tr-az-en"])
    (table,) = document.tables
    assert len(table.columns) == 3
    labels = [cell.text for cell in table.rows[0].cells]
    assert labels == ["Türkçe", "Azərbaycan dilində", "English"]
    headline_row = next(row for row in table.rows if row.cells[0].paragraphs[0].style.name == "Headline")
    assert [c.paragraphs[0].style.name for c in headline_row.cells] == ["Headline"] * 3
    assert headline_row.cells[1].text.startswith("Türkiyə-Azərbaycan Ortaq Media")
    assert headline_row.cells[2].text.startswith("Turkey and Azerbaijan")


def test_each_cell_carries_its_own_language(side_by_side):
    document = open_docx(side_by_side["tr-az-en"])
    (table,) = document.tables
    for row in table.rows:
        for cell, tag in zip(row.cells, ("tr-TR", "az-Latn-AZ", "en-US"), strict=True):
            runs = cell._tc.findall(f".//{qn('w:r')}")
            assert {run_lang(r) for r in runs} <= {tag}


def test_quotes_stand_beside_quotes_and_lists_beside_lists(side_by_side):
    (table,) = open_docx(side_by_side["tr-az-en"]).tables
    rows = [[c.paragraphs[0].style.name for c in row.cells] for row in table.rows[1:]]
    assert rows.count(["Quote"] * 3) == 3
    assert rows.count(["List Bullet"] * 3) == 6
    assert rows[-1] == ["Closing", "Normal", "End Mark"]  # the editions end differently


def test_three_languages_are_landscape_and_two_portrait(side_by_side):
    three = open_docx(side_by_side["tr-az-en"]).sections[0]
    two = open_docx(side_by_side["tr-az"]).sections[0]
    assert three.orientation == WD_ORIENT.LANDSCAPE and three.page_width > three.page_height
    assert two.orientation == WD_ORIENT.PORTRAIT and two.page_width < two.page_height


def test_the_side_by_side_table_has_no_borders(side_by_side):
    (table,) = open_docx(side_by_side["tr-az"]).tables
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_side_by_side_needs_two_or_three_editions(releases, make_info):
    with pytest.raises(ValueError, match="two or three"):
        write_side_by_side([(releases["tr"], make_info("tr"))])


def test_alignment_matches_blocks_by_kind():
    def blocks(*kinds):
        return [Block(kind, (Run(kind),)) for kind in kinds]

    rows = align_blocks(
        [
            blocks("headline", "dateline", "quote", "closing"),
            blocks("headline", "dateline", "paragraph", "quote"),
            blocks("headline", "dateline", "quote", "end"),
        ]
    )
    kinds = [tuple(b.kind if b else None for b in row) for row in rows]
    assert kinds == [
        ("headline", "headline", "headline"),
        ("dateline", "dateline", "dateline"),
        (None, "paragraph", None),
        ("quote", "quote", "quote"),
        ("closing", None, "end"),
    ]


def test_the_package_is_a_sound_zip_with_the_parts_word_expects(editions):
    with zipfile.ZipFile(io.BytesIO(editions["az"])) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        content_types = archive.read("[Content_Types].xml").decode()
    assert names[:3] == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    for name in names:
        if name.endswith(".xml") and not name.startswith("["):
            assert f'PartName="/{name}"' in content_types
