"""User text in the interface is shown as typed: Streamlit never reads it as Markdown.

Streamlit reads Markdown in ``st.markdown``, headings, captions, alerts, toasts, and in widget,
button, tab and expander labels, ``help=`` tooltips and radio or pills options (not in selectbox
or multiselect options, ``st.text``, ``st.code``, ``st.json`` or dataframes, which stay plain).
Its Markdown is CommonMark with GitHub's tables and autolinks, LaTeX between ``$``, directives
such as ``:red[…]``, and rewrites of the parsed text: URLs and e-mail addresses become links,
``:smile:`` an emoji, ``:material/home:`` an icon, ``->`` an arrow. So ``literal`` escapes every
ASCII punctuation character with a backslash (no construct of the parser starts), puts an
invisible word joiner (U+2060) where a rewrite could match (before ``:``, ``/`` and ``@``, a ``.``
followed by a letter, and ``-<>~=`` after a blank: no rewrite matches across it), and turns
every run of blanks, line breaks included, into one space (no line start, no indented code).
Everywhere else the text stays as typed, so a title copied from the page (Türkiye-Azerbaycan,
İstanbul'da) carries no invisible character.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_REWRITE_POINT = re.compile(r"[:@/]|\.(?=\w)|(?<![^ ])[-<>~=]")
_BLANKS = re.compile(r"\s+")


def literal(text: str) -> str:
    """Markdown that Streamlit shows as exactly ``text`` (its blanks collapsed to single spaces)."""
    line = _BLANKS.sub(" ", text).strip()
    points = {match.start() for match in _REWRITE_POINT.finditer(line)}
    return _PUNCTUATION.sub(lambda m: (WORD_JOINER if m.start() in points else "") + "\\" + m.group(), line)


__all__ = ["WORD_JOINER", "literal"]
