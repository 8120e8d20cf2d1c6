"""User text in the interface is literal: ``literal`` leaves Streamlit's Markdown nothing to read.

Streamlit's Markdown runs in the browser, so these tests check its two stages here: the parser
(CommonMark with GitHub's tables and strikethrough and ``$`` math, as markdown-it-py with the
same extensions) must see one paragraph of plain text, and the rewrites Streamlit then applies
to that text (its patterns copied from Streamlit 1.67's ``StreamlitMarkdown`` bundle) must find
nothing to rewrite. ``tests/browser/test_markdown_in_browser.py`` checks the result in Chromium.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from pressdraft.ui.text import WORD_JOINER, literal

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(dollarmath_plugin)

# What Streamlit 1.67 rewrites in the text the parser leaves: GitHub's literal autolinks, emoji
# and icon shortcodes, its logo, and typographic arrows and dashes. Material icons are also
# found by a replace on the raw source, before parsing.
REWRITES = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
    re.compile(r":\+1:|:-1:|:[\w-]+:"),
    re.compile(r":material/"),
    re.compile(r":streamlit:"),
    re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
]

HOSTILE = [
    ("image", "![t](http://host/pixel.png)"),
    ("link", "[Session expired, sign in again](http://evil.example/login)"),
    ("reference link", "[x][1]\n\n[1]: http://evil.example"),
    ("autolink", "<http://evil.example/x>"),
    ("bare URL", "see http://evil.example/x now"),
    ("bare www", "see WWW.evil.example now"),
    ("e-mail", "write to a.b@evil.example"),
    ("LaTeX", r"$\huge BIG$"),
    ("display LaTeX", "$$x^2$$"),
    ("colour directive", ":red[x] :blue-background[y] :color[z]{foreground=red}"),
    ("badge", ":red-badge[x]"),
    ("material icon", ":material/home: and :material/warning:"),
    ("emoji", ":smile: :+1: :-1:"),
    ("logo", ":streamlit:"),
    ("HTML", '<img src="http://host/p.png" onerror="alert(1)">'),
    ("HTML comment", "a <!-- hidden --> b"),
    ("entity", "&lt; &amp; &#60; &#x3c;"),
    ("heading", "# x"),
    ("setext heading", "x\n==="),
    ("list", "- x"),
    ("ordered list", "1. x"),
    ("ordered list with parenthesis", "2) x"),
    ("blockquote", "> x"),
    ("table", "| a | b |\n|---|---|\n| 1 | 2 |"),
    ("pipes", "a | b"),
    ("thematic break", "***"),
    ("code span", "`code`"),
    ("fence", "```\ncode\n```"),
    ("indented code", "    code"),
    ("emphasis", "*a* _b_ **c** __d__"),
    ("strikethrough", "~~x~~"),
    ("footnote", "x[^1]\n\n[^1]: note"),
    ("backslashes", "a \\ b \\\\ c \\* d"),
    ("hard break", "a  \nb"),
    ("newlines", "line one\nline two\n\nline three"),
    ("arrows and dashes", "a -> b <- c <-> d -- e >= f <= g ~= h"),
    ("braces", "{x} {.class}"),
    ("Turkish and Azerbaijani", "İstanbul'da Bakı: 1.5 mln. ə, ş, ğ!"),
]


def shown(markdown: str) -> str:
    """The text a Markdown line shows, after Streamlit's parser; fails on any structure."""
    tokens = PARSER.parse(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], [t.type for t in tokens]
    children = tokens[1].children or []
    assert [c.type for c in children] == ["text"], [c.type for c in children]
    return children[0].content


def rewritten(text: str) -> list[str]:
    return [pattern.pattern for pattern in REWRITES if pattern.search(text)]


@pytest.mark.parametrize(("case", "typed"), HOSTILE, ids=[case for case, _typed in HOSTILE])
def test_hostile_text_shows_as_typed(case, typed):
    markdown = literal(typed)
    text = shown(markdown)
    assert text.replace(WORD_JOINER, "") == " ".join(typed.split())
    assert rewritten(text) == []
    assert rewritten(markdown) == []


def test_the_rewrites_would_have_fired_without_it():
    """The table is hostile: parsed unescaped, these inputs make structure or get rewritten."""
    for typed in ["http://evil.example", "www.evil.example", "a@evil.example", ":smile:", ":material/home:", "a -> b"]:
        assert rewritten(typed), typed


def test_interface_markdown_around_it_still_works():
    tokens = PARSER.parse(f"**{literal('*a* [b](http://c)')}**")
    kinds = [c.type for c in tokens[1].children if c.type != "text" or c.content]
    assert kinds == ["strong_open", "text", "strong_close"]


MARKUP = string.punctuation + " \t\n" + "İıəƏğşçöü"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MARKUP) + list("aw1:/.@")), min_size=1, max_size=40))
def test_any_text_shows_as_typed(typed):
    if not typed.strip():
        assert literal(typed) == ""
        return
    text = shown(literal(typed))
    assert text.replace(WORD_JOINER, "") == " ".join(typed.split())
    assert rewritten(text) == []


def test_a_title_without_links_or_shortcodes_carries_no_invisible_character():
    """Copied from the page, a title is the title: word joiners only where a rewrite could match."""
    title = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı (2021, Dr. Aksoy)."
    assert WORD_JOINER not in literal(title)
    assert literal(title).replace("\\", "") == title
