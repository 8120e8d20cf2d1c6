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


#: How a language is labelled beside its column, in every interface language.
LANG_LABELS = {"tr": "TR", "az": "AZ", "en": "EN"}

#: The look of the release preview (Compose, Templates): the letterhead's, in HTML.
PREVIEW_CSS = """
<style>
.pd-page{font-family:Carlito,Calibri,'Noto Sans',sans-serif;background:#fff;color:#1b1b1b;padding:1.2rem 1.4rem;
 border:1px solid #d9dde3;border-radius:4px;line-height:1.45;font-size:0.95rem}
.pd-release{font-size:.72rem;letter-spacing:.12em;font-weight:700;color:#5a6472;text-transform:uppercase}
.pd-headline{font-size:1.45rem;color:#1f3864;margin:.3rem 0;font-weight:700}
.pd-subheadline{font-size:1.05rem;color:#44546a;margin:.2rem 0 .8rem;font-weight:400}
.pd-heading{font-size:.95rem;color:#1f3864;margin:1rem 0 .2rem}
.pd-quote{border-left:3px solid #1f3864;margin:.6rem 0;padding-left:.8rem}
.pd-about{font-size:.85rem;color:#44546a}.pd-contact{font-size:.85rem}
.pd-end,.pd-closing{text-align:center;font-weight:600}
.pd-page mark{background:#ffe58f}
.pd-sbs{display:grid;gap:1rem}
</style>
"""
