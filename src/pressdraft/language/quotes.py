"""Quotation marks and attribution punctuation (conventions.md §4.1).

All three languages use “ ” with ‘ ’ inside (CLDR; TDK via hozir.org; az.wikipedia). The
punctuation at the closing mark depends on what follows:

* ``position="end"``: the quote closes the sentence; its final . ! ? … stays inside.
* ``position="before_verb"``: an attribution verb follows.
* ``position="title"``: a theme or a name inside a sentence: the marks and nothing else.
  tr ``Altun, “…içindeyiz.” dedi.`` (the final mark stays inside);
  az ``“…konsensusumuz var”, – deyə F.Altun bildirib.`` (period dropped, comma after the
  closing mark; ? ! … stay inside with no comma); en ``“…joint efforts,” Altun said.``
  (US style: the period becomes a comma inside; ? ! stay).

Format 2 adds ``running_quote`` (a quotation over several paragraphs) and ``smart_quotes`` (straight
double quotes typed around words print as the language's marks, nested ones as ‘ ’).
"""

from __future__ import annotations

import re

from ._base import check_lang

QUOTE_MARKS: dict[str, tuple[str, str, str, str]] = {
    "tr": ("“", "”", "‘", "’"),
    "az": ("“", "”", "‘", "’"),
    "en": ("“", "”", "‘", "’"),
}
POSITIONS: tuple[str, ...] = ("end", "before_verb", "title")

_TERMINAL = ("…", "...", "?!", "!?", "?", "!", ".")
_PAIRS = {"“": "”", "«": "»", "„": "“"}
_ANY_DOUBLE = '“”«»„"'


def _strip_outer_quotes(text: str) -> str:
    """Drop one pair of double quotes around the whole text, when nothing else is quoted."""
    if len(text) >= 2:
        first, last = text[0], text[-1]
        if (_PAIRS.get(first) == last or first == last == '"') and not any(c in _ANY_DOUBLE for c in text[1:-1]):
            return text[1:-1].strip()
    return text


def _nest(text: str, lang: str) -> str:
    """Turn quotation marks inside the quote into the nested pair ‘ ’."""
    _, _, open_inner, close_inner = QUOTE_MARKS[lang]
    text = text.replace("“", open_inner).replace("”", close_inner)
    text = text.replace("«", open_inner).replace("»", close_inner).replace("„", open_inner)
    if '"' not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            opening = prev.isspace() or prev in "([{—–-/" or i == 0
            out.append(open_inner if opening else close_inner)
        else:
            out.append(ch)
    return "".join(out)


def _split_terminal(text: str) -> tuple[str, str]:
    """Split ``text`` into its body and its final sentence mark ('' when there is none)."""
    for mark in _TERMINAL:
        if text.endswith(mark):
            return text[: -len(mark)].rstrip(), mark
    return text, ""


def quote(text: str, lang: str, position: str = "end") -> str:
    """Wrap ``text`` in the language's quotation marks with the right closing punctuation."""
    check_lang(lang)
    if position not in POSITIONS:
        raise ValueError(f"unknown quote position {position!r}; expected one of {POSITIONS}")
    open_q, close_q, _, _ = QUOTE_MARKS[lang]
    body = re.sub(r"\s+", " ", _strip_outer_quotes(str(text).strip()))
    body = _nest(body, lang)
    if position == "title":  # a name or a theme inside a sentence: the marks and nothing else
        return f"{open_q}{body}{close_q}"
    body = body.rstrip(",;:").rstrip()
    body, mark = _split_terminal(body)
    if mark == "...":
        mark = "…"
    close_inner = QUOTE_MARKS[lang][3]
    if not mark and len(body) > 1 and body[-1] == close_inner and body[-2] in ".!?…":
        # The sentence ends inside a nested quote (‘…go.’): add no second mark.
        if position == "end" or lang == "tr":
            return f"{open_q}{body}{close_q}"
        return f"{open_q}{body}{close_q}" + ("," if lang == "az" else "")
    if not body and not mark:
        return f"{open_q}{close_q}"
    if position == "end" or lang == "tr":
        return f"{open_q}{body}{mark or '.'}{close_q}"
    if lang == "az":
        if mark in ("", "."):
            return f"{open_q}{body}{close_q},"
        return f"{open_q}{body}{mark}{close_q}"
    # en, before a verb: period → comma inside; ? ! … kept
    if mark in ("", "."):
        return f"{open_q}{body},{close_q}"
    return f"{open_q}{body}{mark}{close_q}"


def running_quote(paragraphs: list[str], lang: str) -> list[str]:
    """A quotation over several paragraphs, closed only after the last one (its final mark inside).

    en (AP "quotation marks"): every paragraph opens with “. tr, az: one pair around the whole quotation,
    as AA and AZERTAC copy print a speech introduced with a colon (⚠ docs/attribution.md)."""
    check_lang(lang)
    open_q, close_q, _, _ = QUOTE_MARKS[lang]
    texts = [_nest(re.sub(r"\s+", " ", _strip_outer_quotes(p.strip())), lang) for p in paragraphs if p.strip()]
    if not texts:
        return []
    body, mark = _split_terminal(texts[-1])
    texts[-1] = f"{body}{'…' if mark == '...' else mark or '.'}{close_q}"
    return [f"{open_q}{text}" if lang == "en" or index == 0 else text for index, text in enumerate(texts)]


def smart_quotes(text: str, lang: str) -> str:
    """Straight double quotes around words as the language's marks: “…”, and ‘…’ inside another quote.

    A mark opens after a blank, an opening bracket or dash, or at the start; otherwise it closes.
    Single straight quotes stay: in Turkish they are apostrophes (Ankara'da)."""
    check_lang(lang)
    if '"' not in text:
        return text
    open_q, close_q, open_inner, close_inner = QUOTE_MARKS[lang]
    depth = 0
    out: list[str] = []
    for index, char in enumerate(text):
        if char in (open_q, open_inner):
            depth += 1
        elif char in (close_q, close_inner):
            depth = max(depth - 1, 0)
        elif char == '"':
            before = text[index - 1] if index else " "
            if before.isspace() or before in "([{—–-/“‘":
                char = open_inner if depth else open_q
                depth += 1
            else:
                depth = max(depth - 1, 0)
                char = close_inner if depth else close_q
        out.append(char)
    return "".join(out)
