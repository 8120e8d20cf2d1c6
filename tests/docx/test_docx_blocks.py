"""Markdown → blocks, and blocks → plain text and preview HTML."""

from __future__ import annotations

import pytest

from pressdraft.document.blocks import Block, Run, blocks_to_html, blocks_to_text, parse_markdown


def kinds(markdown: str) -> list[str]:
    return [block.kind for block in parse_markdown(markdown)]


def test_headings_become_headline_subheadline_and_section_heading():
    assert kinds("# A\n\n## B\n\n### C\n\n#### D\n") == [
        "headline",
        "subheadline",
        "heading",
        "heading",
    ]


@pytest.mark.parametrize("role", ["release", "dateline", "about", "contact", "closing", "end"])
def test_an_attribute_line_gives_the_next_paragraph_its_role(role):
    assert kinds(f"{{.{role}}}\nText\n\nPlain\n") == [role, "paragraph"]


def test_an_unknown_attribute_leaves_a_plain_paragraph():
    assert kinds("{.shout}\nText\n") == ["paragraph"]


def test_the_reference_release_has_every_part_in_order(markdown):
    assert kinds(markdown["en"]) == [
        "release", "headline", "subheadline", "dateline", "paragraph", "paragraph",
        *["bullet"] * 6, "quote", "quote", "quote", "paragraph",
        "heading", "about", "heading", "contact", "end",
    ]  # fmt: skip


def test_the_dateline_opens_in_bold():
    (block,) = parse_markdown("{.dateline}\n**İSTANBUL, 23 Ekim 2021** — İlk toplantı yapıldı.\n")
    assert block.runs[0] == Run("İSTANBUL, 23 Ekim 2021", bold=True)
    assert block.runs[1] == Run(" — İlk toplantı yapıldı.")


def test_escaped_markup_stays_literal_and_unformatted():
    source = r"\*not bold\* \_x\_ 1\. \# \[a\](http://x) \<b\> \`c\`"
    (block,) = parse_markdown(source)
    assert block.runs == (Run("*not bold* _x_ 1. # [a](http://x) <b> `c`"),)


def test_escaped_numbers_and_hashes_do_not_become_lists_or_headings():
    assert kinds("1\\. Madde\n\n\\# Başlık değil\n\n\\- tire\n") == ["paragraph"] * 3


def test_raw_html_is_kept_as_text():
    (block,) = parse_markdown("<script>alert(1)</script> <b>x</b>")
    assert block.text == "<script>alert(1)</script> <b>x</b>"


def test_bold_italic_and_links_become_runs():
    (block,) = parse_markdown("**Kalın** *eğik* [site](https://example.org/a?b=1)")
    assert block.runs == (
        Run("Kalın", bold=True),
        Run(" "),
        Run("eğik", italic=True),
        Run(" "),
        Run("site", href="https://example.org/a?b=1"),
    )


@pytest.mark.parametrize(
    "target",
    ["https://example.org", "http://example.org/x", "mailto:press@example.org"],
)
def test_http_https_and_mailto_links_keep_their_target(target):
    (block,) = parse_markdown(f"[link]({target})")
    assert block.runs == (Run("link", href=target),)


@pytest.mark.parametrize(
    "target",
    [
        "ms-word:ofe|u|https://evil.example/x.docx",
        "//evil.example/share",
        "\\\\\\\\server\\\\share",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "vbscript:msgbox",
        "http://",
        "mailto:",
    ],
)
def test_other_links_keep_their_text_and_lose_their_target(target):
    (block,) = parse_markdown(f"before [link]({target}) after")
    assert block.runs == (Run("before link after"),)


def test_a_hard_break_is_a_newline_and_a_soft_break_a_space():
    (block,) = parse_markdown("one\ntwo\\\nthree\n")
    assert block.text == "one two\nthree"


def test_the_contact_block_keeps_its_lines(markdown):
    contact = next(b for b in parse_markdown(markdown["tr"]) if b.kind == "contact")
    assert contact.text.split("\n") == [
        "Basın ve Halkla İlişkiler, Cumhurbaşkanlığı İletişim Başkanlığı",
        "press@example.org · +90 312 000 00 00",
    ]


def test_list_items_carry_their_nesting_level():
    blocks = parse_markdown("- a\n  - b\n    1. c\n- d\n")
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("bullet", 0, "a"),
        ("bullet", 1, "b"),
        ("number", 2, "c"),
        ("bullet", 0, "d"),
    ]


def test_a_loose_list_item_with_two_paragraphs_stays_one_item():
    blocks = parse_markdown("- first\n\n  more\n- second\n")
    assert [b.text for b in blocks] == ["first\nmore", "second"]


def test_quote_paragraphs_are_quotes():
    assert kinds("> one\n>\n> two\n") == ["quote", "quote"]


def test_the_end_mark_is_three_hashes():
    (block,) = parse_markdown("{.end}\n\\#\\#\\#\n")
    assert (block.kind, block.text) == ("end", "###")


def test_gap_markers_stay_text():
    (block,) = parse_markdown("Toplantı ⟦eksik çeviri⟧ yapıldı.")
    assert block.text == "Toplantı ⟦eksik çeviri⟧ yapıldı."


def test_an_image_leaves_its_description():
    (block,) = parse_markdown("![logo](https://example.org/logo.png) yazı")
    assert block.text == "logo yazı"


def test_empty_markdown_gives_no_blocks():
    assert parse_markdown("") == []
    assert blocks_to_text([]) == ""


# -- plain text --------------------------------------------------------------------------


def test_plain_text_has_no_markdown_syntax(markdown):
    text = blocks_to_text(parse_markdown(markdown["en"]))
    assert text.startswith("FOR IMMEDIATE RELEASE\n\nTurkey and Azerbaijan hold first meeting")
    assert "**" not in text and "{." not in text and "\\" not in text and "# " not in text
    assert "\n\n- public diplomacy\n- international media\n" in text
    assert "Details are at iletisim.gov.tr <https://www.iletisim.gov.tr>." in text
    assert "press@example.org · +90 312" in text  # a mailto link whose text is the address
    assert text.endswith("\n\n###\n")


def test_plain_text_numbers_ordered_lists_and_indents_nested_items():
    text = blocks_to_text(parse_markdown("1. a\n2. b\n   - c\n3. d\n\nx\n\n1. e\n"))
    assert text == "1. a\n2. b\n  - c\n3. d\n\nx\n\n1. e\n"


# -- preview HTML --------------------------------------------------------------------------


def test_preview_html_names_each_kind(markdown):
    page = blocks_to_html(parse_markdown(markdown["az"]))
    assert '<p class="pd-release">DƏRHAL YAYIMLANMAQ ÜÇÜN</p>' in page
    assert '<h1 class="pd-headline">Türkiyə-Azərbaycan' in page
    assert '<blockquote class="pd-quote"><p>“Media,' in page
    assert '<li class="pd-bullet">ictimai diplomatiya' in page
    assert '<a href="mailto:press@example.org" rel="noopener noreferrer nofollow">' in page


def test_preview_html_escapes_everything_a_user_typed():
    blocks = [
        Block("paragraph", (Run('<script>alert("x")</script> & <img src=x onerror=y>'),)),
        Block("paragraph", (Run("link", href="javascript:alert(1)"),)),
        Block("paragraph", (Run("ok", href='https://e.org/"onmouseover="x'),)),
    ]
    page = blocks_to_html(blocks)
    assert "<script" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in page
    assert 'href="https://e.org/&quot;onmouseover=&quot;x"' in page


def test_preview_html_marks_gaps_and_nests_lists():
    page = blocks_to_html(parse_markdown("- a ⟦?⟧\n  - b\n- c\n"))
    assert '<mark class="pd-gap">⟦?⟧</mark>' in page
    assert page.count("<ul") == 2 and page.count("</ul>") == 2
    assert page.count("<li") == 3 and page.count("</li>") == 3
