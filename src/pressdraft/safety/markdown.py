"""User text is literal: escaping values on their way into Markdown.

markdown-it-py has no escape function, and a value can land anywhere in a template line,
including at its start. So characters that make inline structure are always
backslash-escaped, and those that make block structure (``>``, ``-``, ``+``, ``=``, ``1.``)
are escaped where a line of the value begins. Blanks at the edges of a value shrink to
one space (four would start a code block, two at a line's end a hard break). The rule is checked by a property
test: any text, escaped, parses back to exactly that text.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<#{}~]|&(?=#?[A-Za-z0-9]+;))")
_MAY_ESCAPE = re.compile(r"[\\`*_\[\]<#{}~&]")  # where an _INLINE match can start: one fast class
_BLOCK_MARK = re.compile(r"^([>+=-])")
_BLOCK_MARKS = frozenset(">+=-")
_ORDERED_MARK = re.compile(r"^(\d+)([.)])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class Markdown(str):
    """Markdown built from escaped parts (a filter's lines, the rendered body): printed as it is."""

    __slots__ = ()


def _escape_line(line: str) -> str:
    core = line.strip()
    if _MAY_ESCAPE.search(core):  # most values have nothing to escape: no substitution to set up
        core = _INLINE.sub(r"\\\1", core)
    if _ORDERED_MARK.match(core):
        core = _ORDERED_MARK.sub(r"\1\\\2", core, count=1)
    elif core[:1] in _BLOCK_MARKS:  # a sub at the start only: most lines start with none
        core = _BLOCK_MARK.sub(r"\\\1", core)
    return _edge(line[:1]) + core + _edge(line[-1:]) if core else _edge(line)


def _edge(char: str) -> str:
    """Blanks at an edge of a value shrink to one space: enough to separate, too few for code."""
    return " " if char[:1].isspace() else ""


def escape_text(text: str) -> str:
    """One line of literal text; line breaks in it become spaces."""
    return _escape_line(re.sub(r"\s*\n\s*", " ", text) if "\n" in text else text)


def escape_paragraphs(text: str) -> str:
    """Literal text whose blank lines separate paragraphs and whose newlines are line breaks."""
    paragraphs = [p for p in _BLANK_LINE.split(text.strip()) if p.strip()]
    return "\n\n".join(
        "\\\n".join(_escape_line(line.strip()) for line in paragraph.splitlines() if line.strip())
        for paragraph in paragraphs
    )


__all__ = ["Markdown", "escape_paragraphs", "escape_text"]
