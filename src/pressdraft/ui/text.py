"""User text in the interface is shown as typed: Streamlit never reads it as Markdown.

Streamlit reads Markdown in ``st.markdown``, headings, captions, alerts, toasts, and in widget,
button, tab and expander labels, ``help=`` tooltips and radio or pills options (not in selectbox
or multiselect options, ``st.text``, ``st.code``, ``st.json`` or dataframes, which stay plain).
Its Markdown is CommonMark with GitHub's tables and autolinks, LaTeX between ``$``, directives
such as ``:red[…]``, and rewrites of the parsed text: URLs and e-mail addresses become links,
``:smile:`` an emoji, ``:material/home:`` an icon, ``->`` an arrow. So ``literal`` escapes every
ASCII punctuation character with a backslash (no construct of the parser starts) and puts an
invisible word joiner (U+2060) before it (no rewrite of the text matches across it), and turns
every run of blanks, line breaks included, into one space (no line start, no indented code).
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_BLANKS = re.compile(r"\s+")


def literal(text: str) -> str:
    """Markdown that Streamlit shows as exactly ``text`` (its blanks collapsed to single spaces)."""
    line = _BLANKS.sub(" ", text).strip()
    return _PUNCTUATION.sub(WORD_JOINER + r"\\\1", line)


__all__ = ["WORD_JOINER", "literal"]
