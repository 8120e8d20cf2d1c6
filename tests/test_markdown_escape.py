"""User text is literal: escaped, any text parses back to exactly itself (property test)."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pressdraft.safety.markdown import escape_paragraphs, escape_text

MD = MarkdownIt("commonmark", {"html": False})


def inline_text(markdown: str) -> str:
    """The text markdown-it sees in a one-paragraph document, or a marker of any structure."""
    tokens = MD.parse(markdown)
    kinds = [t.type for t in tokens]
    assert kinds == ["paragraph_open", "inline", "paragraph_close"], kinds
    children = tokens[1].children or []
    assert all(c.type in ("text", "softbreak", "hardbreak") for c in children), [c.type for c in children]
    return "".join("\n" if c.type != "text" else c.content for c in children)


MARKUP = string.punctuation + " \t" + "İıəƏğşçöü"
words = st.text(alphabet=st.sampled_from(list(MARKUP) + list("ab1 ")), min_size=1, max_size=40)


@settings(max_examples=600, deadline=None)
@given(words)
def test_any_line_of_text_parses_back_to_itself(text):
    if not text.strip():
        return
    assert inline_text(escape_text(text)) == text.strip()


@settings(max_examples=300, deadline=None)
@given(words)
def test_a_value_placed_mid_line_stays_literal(value):
    if not value.strip():
        return
    edge = {True: " ", False: ""}
    expected = edge[value[0].isspace()] + value.strip() + edge[value[-1].isspace()]
    assert inline_text("Said " + escape_text(value) + " today.") == f"Said {expected} today."


def test_markup_typed_by_a_user_survives_as_typed():
    for typed in [
        "*not bold*",
        "# not a heading",
        "_x_",
        "[link](http://a.b)",
        "<b>html</b>",
        "`code`",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "&amp; stays",
        "{.release}",
    ]:
        assert inline_text(escape_text(typed)) == typed


def test_paragraphs_split_on_blank_lines_and_keep_line_breaks():
    markdown = escape_paragraphs("First *one*\nsecond line\n\n   \n2. Second")
    tokens = MD.parse(markdown)
    paragraphs = [t for t in tokens if t.type == "inline"]
    assert [p.content for p in paragraphs] == ["First \\*one\\*\\\nsecond line", "2\\. Second"]
    assert [c.type for c in paragraphs[0].children] == ["text", "hardbreak", "text"]


def test_blanks_at_the_edges_shrink_to_one_space():
    assert escape_text(" ile ") == " ile "
    assert escape_text("    indented") == " indented"
    assert escape_text("trailing  ") == "trailing "
