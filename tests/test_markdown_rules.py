"""The parser the blocks are made with parses exactly as markdown-it with every rule of its preset on.

``blocks._parser`` leaves out the ``html_block`` and ``html_inline`` rules (with raw HTML off they
return False before reading anything) and normalizes line endings and NUL with string methods instead
of markdown-it's regular expressions. Hostile Markdown, and Markdown made up from the pieces that start
every construct (HTML, fences, indented code, tables, reference definitions, entities, autolinks,
attribute lines, line endings), must give the same tokens and the same blocks from both.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressdraft.core.problems import PressdraftError
from pressdraft.document import blocks
from pressdraft.document.blocks import full_parser, parse_markdown

HOSTILE = [
    # fences and indented code
    "```\n<div>code</div>\n```",
    "~~~ python\n*x*\n~~~\nafter",
    "```\nnever closed\n\n# still code",
    "- item\n\n  ```\n  <b>in a list</b>\n  ```",
    "> ```\n> quoted <i>fence</i>\n> ```",
    "    indented <div>\n    code",
    "paragraph\n    lazy continuation, not code",
    "- item\n\n      code in a list",
    "\t<div>tabbed</div>",
    # raw HTML, blocks and inline
    "<div>\n*emphasis inside*\n</div>",
    "<!-- a comment -->\ntext",
    "<!-- unclosed comment\n\nstill?",
    "<script>alert(1)</script>",
    "<style>p { color: red }</style>\n\nafter",
    "<pre>\n\n</pre>",
    "<?php echo 1; ?>",
    "<![CDATA[ x ]]>",
    "<!DOCTYPE html>",
    "</div>",
    "<custom-tag attr='x'>\nline\n\n",
    "paragraph\n<div>does html interrupt it?</div>",
    "paragraph\n<custom>",
    "a <b>bold</b> and <a href='javascript:alert(1)'>link</a> c",
    "<img src=x onerror=alert(1)>",
    "- item\n  <div>html in an item</div>",
    "> <div>\n> quoted html\n> </div>",
    "`<b>code span</b>`",
    "![alt <b>x</b>](http://example.org/p.png)",
    "a <!-- inline comment --> b <? pi ?> c <!X decl> d <![CDATA[ y ]]> e",
    # tables-like text
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "a | b\n--|--\n1 | 2",
    # reference links
    "[x]: http://example.org\n\n[x]",
    "[x][y]\n\n[y]: <javascript:alert(1)> 'title'",
    '[foo]: /url "title"\n[foo]\n\n[bar]',
    "para\n[x]: http://example.org\n\n[x]",
    "> [q]: http://example.org/q\n\n[q]",
    # entities
    "&amp; &lt;b&gt; &#35; &#x27; &copy; &bogus; &#0; &#xD800; &#99999999;",
    "# &lt;div&gt; heading",
    # autolinks
    "<http://example.org/a?b=c>",
    "<mailto:press@example.org> <press@example.org>",
    "<javascript:alert(1)> <ms-word:ofe|u|http://x>",
    # line endings and NUL
    "a\r\nb\rc\n\r\nd",
    "\r\r\n\r",
    "{.dateline}\r\n**İSTANBUL** — text\r\n",
    "nul\0char and \0\0 two",
    "\0",
    "- a\r- b\r\n- c",
    # attribute lines, as the templates write them and as they should not
    '{.photo src="a\\"b"}\ncaption — credit',
    "{.release}\n\n# headline",
    "{.about}\n<div>html after a role</div>",
    "{.contact}\n    indented after a role",
    "{.x\n",
    # headings, rules, lists, quotes, breaks, emphasis
    "Title\n===\n\nSub\n---",
    "***\n- - -\n___",
    "1. a\n2) b\n\n1. c",
    "- a\n  - b\n    - c\n      - d",
    "> > nested\n> quote\nlazy",
    "a  \nb\\\nc",
    "*a **b** c* _d_ __e__",
    "",
    "\n\n\n",
]


def tokens(md, text: str) -> list[dict]:
    return [token.as_dict() for token in md.parse(text)]


def blocks_from(monkeypatch, md, text: str) -> list[blocks.Block] | str:
    """``parse_markdown`` with the parser ``md``: its blocks, or the problem it refuses the text with."""
    monkeypatch.setattr(blocks, "_parser", lambda: md)
    try:
        return parse_markdown(text)
    except PressdraftError as error:
        return str(error)


def assert_parsed_alike(monkeypatch, text: str) -> None:
    ours, full = blocks._parser(), full_parser()
    assert tokens(ours, text) == tokens(full, text)
    assert blocks_from(monkeypatch, ours, text) == blocks_from(monkeypatch, full, text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_parses_as_with_every_rule(monkeypatch, text):
    assert_parsed_alike(monkeypatch, text)


def test_the_html_rules_are_left_out_and_normalize_is_ours():
    """What the sameness above is about (if markdown-it renamed a rule, ``disable`` would raise)."""
    parser = blocks._parser()
    assert "html_block" not in parser.get_active_rules()["block"]
    assert "html_inline" not in parser.get_active_rules()["inline"]
    assert "html_block" in full_parser().get_active_rules()["block"]
    assert parser.core.ruler.getRules("")[0] is blocks._normalize


PIECES = [
    "<", ">", "</", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "<!DOCTYPE", "div", "pre", "script",
    "a", "b", " ", "  ", "    ", "\t", "\n", "\n\n", "\r", "\r\n", "\0", "```", "~~~", "- ", "* ", "1. ",
    "2) ", "> ", "#", "# ", "===", "---", "|", "[", "]", "(", ")", ":", "&", "&amp;", "&#", ";", "x27",
    "*", "**", "_", "`", "\\", "!", "'", '"', "{", "}", "{.release}", "{.photo src=\"p\"}", "http://e.org",
    "mailto:a@b.c", "@", "=", "/", "ı", "ə", "—",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_markdown_made_of_every_construct_parses_as_with_every_rule(text):
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_parsed_alike(monkeypatch, text)
