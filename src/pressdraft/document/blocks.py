"""Markdown → a small block model, and the model → plain text and preview HTML.

The templates write CommonMark with a few conventions (see ``parse_markdown``); everything
downstream (the DOCX writer, the plain-text export, the app's preview) reads the block model,
never Markdown, so a user's ``*``, ``#`` or ``[x](…)`` can never turn into structure there.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from pressdraft import N_
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.safety.images import picture_type
from pressdraft.safety.limits import MAX_RELEASE_CHARS, MAX_RELEASE_LINES, MAX_RELEASE_RUNS

__all__ = [
    "BLOCK_KINDS",
    "GAP_PATTERN",
    "Block",
    "Run",
    "blocks_to_html",
    "blocks_to_text",
    "is_safe_link",
    "markdown_problem",
    "parse_markdown",
]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting. ``"\\n"`` in ``text`` is a manual line break."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One paragraph-level element of a release; ``level`` is the list nesting (0 = top).

    ``src``: a photo's picture, a key of the mapping of pictures the edition is given (a path
    relative to the draft, or a stored ``img-…`` id), never fetched from anywhere; its ``runs``
    are the caption. ``new_list``: the first item of a list, so that two lists one after the
    other stay two lists (each numbered list restarts at 1).
    """

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    src: str | None = None
    new_list: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


#: Paragraph roles given by a ``{.name}`` attribute line before a paragraph.
ROLE_KINDS = ("release", "dateline", "about", "contact", "closing", "end", "photo")

BLOCK_KINDS = (
    "release",
    "headline",
    "subheadline",
    "heading",
    "dateline",
    "paragraph",
    "quote",
    "bullet",
    "number",
    "photo",
    "about",
    "contact",
    "closing",
    "end",
)

LIST_KINDS = ("bullet", "number")

#: A missing translation, left visible in incomplete drafts: ``⟦…⟧``.
GAP_PATTERN = re.compile(r"⟦[^⟦⟧]*⟧")

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SURROGATE = re.compile("[\ud800-\udfff]")
TOO_LONG = N_("the release is {size} characters long; the limit is {limit}: print less")
TOO_MANY_LINES = N_("the release has {lines} lines; the limit is {limit}: print fewer lines")
TOO_MANY_RUNS = N_("the release has {runs} differently formatted stretches; the limit is {limit}: format less")
NOT_TEXT = N_("the release holds {code}, which is not a character (a lone surrogate): remove it")


def markdown_problem(markdown: str) -> tuple[str, dict[str, str]] | None:
    """Why Markdown cannot become a document, checked before it is parsed: longer than
    ``MAX_RELEASE_CHARS`` or ``MAX_RELEASE_LINES`` (parsing costs time by the line: a million
    characters of ``- a`` took half a minute), or holding a lone surrogate (no UTF-8 text, no
    JSON reply and no DOCX can hold one). A message and its parameters, or None."""
    if len(markdown) > MAX_RELEASE_CHARS:
        return TOO_LONG, {"size": str(len(markdown)), "limit": str(MAX_RELEASE_CHARS)}
    lines = markdown.count("\n")
    if lines > MAX_RELEASE_LINES:
        return TOO_MANY_LINES, {"lines": str(lines), "limit": str(MAX_RELEASE_LINES)}
    surrogate = _SURROGATE.search(markdown)
    if surrogate:
        return NOT_TEXT, {"code": f"U+{ord(surrogate.group()):04X}"}
    return None


def is_safe_link(href: str | None) -> bool:
    """True for absolute http(s) URLs with a host and for mailto: addresses, nothing else.

    ``ms-word:``, ``file:``, ``javascript:``, protocol-relative ``//host`` and UNC/backslash
    paths are refused, as is anything with whitespace or control characters.
    """
    if not href or any(ord(ch) <= 0x20 or ch == "\\" or ord(ch) == 0x7F for ch in href):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        return False
    if scheme == "mailto":
        return bool(parts.path) and "@" in parts.path
    return bool(parts.hostname)


def full_parser() -> MarkdownIt:
    """markdown-it as configured, every rule of its CommonMark preset on: raw HTML off, ``{.role}``
    attribute lines, every link target accepted (see below)."""
    md = MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin)
    # Accept every target while parsing, so that a refused link keeps its text (and only its
    # text) instead of reappearing as literal "[text](target)"; the target is checked in
    # ``_inline_runs`` with ``is_safe_link``.
    md.validateLink = lambda url: True
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` rule (``\\r\\n`` and ``\\r`` to ``\\n``, NUL to U+FFFD) with string
    methods, which skip text that has neither, instead of two regular expressions that scan every
    character of every release (≈ 3 % of a parse)."""
    text = state.src
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    state.src = text


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """``full_parser`` made cheaper, parsing alike (``tests/test_markdown_rules.py``): with raw HTML off,
    the ``html_block`` and ``html_inline`` rules return False before they read anything, yet each is
    called at every block start and paragraph line; they are left out of the rule chains."""
    md = full_parser().disable(["html_block", "html_inline"])
    md.core.ruler.at("normalize", _normalize)
    return md


def parse_markdown(markdown: str) -> list[Block]:
    """Parse the templates' Markdown into blocks.

    ``#`` headline, ``##`` subheadline, ``###`` (and deeper) section heading; ``{.release}``,
    ``{.dateline}``, ``{.about}``, ``{.contact}``, ``{.closing}``, ``{.end}`` on the line before a
    paragraph give it that role; ``{.photo src="REF"}`` makes the paragraph after it a photo's
    caption (and credit, after `` — ``), the picture being ``REF``; ``>`` paragraphs are quotes;
    ``-`` and ``1.`` list items are ``bullet`` and ``number`` blocks with their nesting ``level``,
    the first item of each list marked ``new_list`` (an item numbered ``1.`` after others starts a
    list of its own: CommonMark runs two numbered lists separated by a blank line into one). Raw HTML is text; links
    other than http, https and mailto keep their text and lose their target. Markdown beyond
    the bounds of ``markdown_problem`` is refused unparsed, and blocks of more than
    ``MAX_RELEASE_RUNS`` runs in all (each costs a Word run in every document) once parsed.
    """
    problem = markdown_problem(markdown)
    if problem:
        raise PressdraftError(Problem(NOWHERE, *problem))
    tokens = _parser().parse(markdown)
    lines = markdown.split("\n")
    blocks: list[Block] = []
    lists: list[str] = []  # the kinds of the open lists, innermost last
    quote_depth = 0
    item_block: int | None = None  # index in ``blocks`` of the open list item's block
    list_opened = False  # a list opened and its first item not yet seen
    kind = "paragraph"
    src: str | None = None
    for token in tokens:
        ttype = token.type
        if token.nesting == 1 and _uncaptioned_photo(token, lines):
            # The attribute line fell through to the next block (a blank line came first): a
            # photo without a caption, and that block keeps its own role.
            blocks.append(Block("photo", (), 0, _photo_src(token)))
            token.attrs["class"] = " ".join(c for c in str(token.attrs["class"]).split() if c != "photo")
        if ttype == "heading_open":
            kind = {"h1": "headline", "h2": "subheadline"}.get(token.tag, "heading")
        elif ttype == "paragraph_open":
            kind = _paragraph_kind(token, lists, quote_depth)
            src = _photo_src(token)
        elif ttype in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if ttype == "bullet_list_open" else "number")
            list_opened = True
        elif ttype in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            item_block = None
        elif ttype == "list_item_open":
            item_block = None
            if token.info == "1":  # numbered 1 again: a second list CommonMark ran into the first
                list_opened = True
        elif ttype == "blockquote_open":
            quote_depth += 1
        elif ttype == "blockquote_close":
            quote_depth -= 1
        elif ttype in ("code_block", "fence"):
            text = token.content.rstrip("\n")
            if text:
                blocks.append(Block(_paragraph_kind(token, lists, quote_depth), (Run(text),)))
        elif ttype == "inline":
            runs = _inline_runs(token.children or [])
            if not runs and kind != "photo":  # a photo without a caption is still a photo
                continue
            if kind in LIST_KINDS and item_block is not None:
                # A second paragraph of the same list item continues it after a line break.
                previous = blocks[item_block]
                merged = _merge_runs((*previous.runs, Run("\n"), *runs))
                blocks[item_block] = Block(previous.kind, merged, previous.level)
                continue
            level = len(lists) - 1 if kind in LIST_KINDS else 0
            new_list = list_opened and kind in LIST_KINDS
            blocks.append(Block(kind, runs, level, src if kind == "photo" else None, new_list))
            if kind in LIST_KINDS:
                item_block = len(blocks) - 1
                list_opened = False
    runs = sum(len(block.runs) for block in blocks)
    if runs > MAX_RELEASE_RUNS:
        raise PressdraftError(Problem(NOWHERE, TOO_MANY_RUNS, {"runs": str(runs), "limit": str(MAX_RELEASE_RUNS)}))
    return blocks


_ATTRIBUTE_ESCAPE = re.compile(r'\\(["\\{}])')


def _photo_src(token: Token) -> str | None:
    """The ``src`` of a photo's attribute line, a backslash before ``"``, ``\\``, ``{`` or ``}``
    taken away (markdown-it's attribute parser needs those escaped, and honours but keeps them)."""
    src = token.attrs.get("src")  # on a photo's paragraph only
    if src is None:
        return None
    return _ATTRIBUTE_ESCAPE.sub(r"\1", str(src)) or None


def _uncaptioned_photo(token: Token, lines: list[str]) -> bool:
    """True when a ``{.photo}`` attribute reached a block that is not the paragraph on the very next
    line (markdown-it's attributes pass over blank lines): that block is not the photo's caption."""
    if "photo" not in str(token.attrs.get("class", "")).split():
        return False
    start = token.map[0] if token.map else 0
    previous = lines[start - 1].strip() if start > 0 else ""
    return token.type != "paragraph_open" or not (previous.startswith("{") and ".photo" in previous)


def _paragraph_kind(token: Token, lists: list[str], quote_depth: int) -> str:
    if lists:
        return lists[-1]
    if quote_depth:
        return "quote"
    classes = str(token.attrs.get("class", "")).split()
    for name in classes:
        if name in ROLE_KINDS:
            return name
    return "paragraph"


def _inline_runs(children: Iterable[Token]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    hrefs: list[str | None] = []
    for child in children:
        ctype = child.type
        href = hrefs[-1] if hrefs else None
        if ctype in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bool(bold), bool(italic), href))
        elif ctype == "softbreak":
            runs.append(Run(" ", bool(bold), bool(italic), href))
        elif ctype == "hardbreak":
            runs.append(Run("\n", bool(bold), bool(italic), href))
        elif ctype == "strong_open":
            bold += 1
        elif ctype == "strong_close":
            bold -= 1
        elif ctype == "em_open":
            italic += 1
        elif ctype == "em_close":
            italic -= 1
        elif ctype == "link_open":
            target = str(child.attrs.get("href", ""))
            hrefs.append(target if is_safe_link(target) else None)
        elif ctype == "link_close":
            if hrefs:
                hrefs.pop()
        elif ctype == "image":
            # No images in a release body: keep the description as text.
            alt = "".join(c.content for c in child.children or [] if c.type == "text")
            if alt:
                runs.append(Run(alt, bool(bold), bool(italic), href))
    return _merge_runs(runs)


def _merge_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged:
            last = merged[-1]
            if (last.bold, last.italic, last.href) == (run.bold, run.italic, run.href):
                merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.href)
                continue
        merged.append(run)
    # Line breaks and spaces at the edges of a paragraph carry nothing.
    while merged and not merged[-1].text.strip():
        merged.pop()
    while merged and not merged[0].text.strip():
        merged.pop(0)
    return tuple(merged)


# -- plain text ---------------------------------------------------------------------------


def list_markers(blocks: Sequence[Block]) -> list[str]:
    """The marker of each block as a reader sees it: ``"-"``, ``"1."``, ``"2."`` … or ``""``.

    An ordered list restarts at 1 whenever it does not directly continue a list of the same
    kind at the same level (with deeper items in between allowed).
    """
    markers: list[str] = []
    counters: dict[int, int] = {}
    previous: Block | None = None
    for block in blocks:
        if block.kind == "bullet":
            markers.append("-")
        elif block.kind == "number":
            if not _continues_list(previous, block):
                counters[block.level] = 0
            counters[block.level] = counters.get(block.level, 0) + 1
            markers.append(f"{counters[block.level]}.")
        else:
            markers.append("")
        if block.kind in LIST_KINDS:
            for level in [lvl for lvl in counters if lvl > block.level]:
                del counters[level]
        else:
            counters.clear()
        previous = block
    return markers


def starts_new_list(previous: Block | None, block: Block) -> bool:
    """True when ``block`` (a list item) begins a new list rather than continuing one."""
    return not _continues_list(previous, block)


def _continues_list(previous: Block | None, block: Block) -> bool:
    if block.new_list or previous is None or previous.kind not in LIST_KINDS:
        return False
    if previous.level > block.level:
        return True  # back out of a nested list into the same outer one
    return previous.level == block.level and previous.kind == block.kind


def _run_text(run: Run) -> str:
    if not run.href:
        return run.text
    target = run.href.removeprefix("mailto:") if run.href.startswith("mailto:") else run.href
    if run.text.strip() in (run.href, target):
        return run.text
    return f"{run.text} <{run.href}>"


#: A photo's name in each language's plain text: ``[Fotoğraf: caption — credit]`` (AA captions
#: credit "Fotoğraf: …", AZERTAC and APA "Foto: …", AP "Photo: …").
PHOTO_LABELS = {"tr": "Fotoğraf", "az": "Foto", "en": "Photo"}


def blocks_to_text(blocks: Sequence[Block], lang: str = "en") -> str:
    """Plain text for e-mail and wire services: no Markdown syntax, links as ``text <url>``.

    Blocks are separated by a blank line; consecutive list items stay on consecutive lines,
    indented two spaces per level, with ``-`` or ``1.`` markers; a photo is its caption in
    brackets, named in ``lang``: ``[Photo: caption — credit]``.
    """
    out: list[str] = []
    previous: Block | None = None
    for block, marker in zip(blocks, list_markers(blocks), strict=True):
        text = "".join(_run_text(run) for run in block.runs)
        if block.kind == "photo":
            label = PHOTO_LABELS.get(lang, PHOTO_LABELS["en"])
            text = f"[{label}: {text}]" if text else f"[{label}]"
        if block.kind in LIST_KINDS:
            indent = "  " * block.level
            hanging = " " * (len(marker) + 1)
            lines = text.split("\n")
            text = f"{indent}{marker} {lines[0]}" + "".join(f"\n{indent}{hanging}{line}" for line in lines[1:])
        if out:
            together = previous is not None and previous.kind in LIST_KINDS
            out.append("\n" if together and block.kind in LIST_KINDS else "\n\n")
        out.append(text)
        previous = block
    return "".join(out) + ("\n" if out else "")


# -- preview HTML -------------------------------------------------------------------------

_HTML_TAGS = {
    "headline": "h1",
    "subheadline": "h2",
    "heading": "h3",
}


def _runs_html(runs: Iterable[Run]) -> str:
    parts: list[str] = []
    for run in runs:
        text = html.escape(run.text, quote=True)
        text = GAP_PATTERN.sub(lambda m: f'<mark class="pd-gap">{m.group(0)}</mark>', text)
        text = text.replace("\n", "<br>\n")
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.href and is_safe_link(run.href):
            href = html.escape(run.href, quote=True)
            text = f'<a href="{href}" rel="noopener noreferrer nofollow">{text}</a>'
        parts.append(text)
    return "".join(parts)


#: A photo looks as in the Word file (the Photo and Caption styles) on any page, styled or not.
_FIGURE_STYLE = "margin:.9rem 0 .6rem"
_CAPTION_STYLE = "font-size:.85em;font-style:italic;color:#595959;margin-top:.3rem"


def _photo_html(block: Block, images: Mapping[str, bytes]) -> str:
    """A figure: the picture as a data URI from ``images`` (nothing is ever fetched), its caption
    as alt text and below it; a picture not given shows as a marked empty frame. Sized and styled
    in the markup, so that no page's style sheet lets a picture overflow its column."""
    caption = _runs_html(block.runs)
    data = images.get(block.src) if block.src else None
    content_type = picture_type(data) if data else None
    if content_type is None:
        picture = f'<div class="pd-photo-missing">{html.escape(block.src or "", quote=True)}</div>'
    else:
        alt = html.escape(block.text, quote=True)
        uri = f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"  # type: ignore[arg-type]
        picture = f'<img class="pd-picture" src="{uri}" alt="{alt}" style="max-width:100%;height:auto">'
    return (
        f'<figure class="pd-photo" style="{_FIGURE_STYLE}">{picture}'
        f'<figcaption class="pd-caption" style="{_CAPTION_STYLE}">{caption}</figcaption></figure>'
    )


def blocks_to_html(blocks: Sequence[Block], images: Mapping[str, bytes] | None = None) -> str:
    """An HTML fragment for the app's preview: every element carries ``pd-<kind>``.

    All user text is escaped; only http(s)/mailto links become anchors; gaps are ``<mark>``;
    a photo's picture is taken from ``images`` (REF → cleaned bytes) as a data URI.
    """
    out: list[str] = []
    open_lists: list[str] = []  # "ul"/"ol" per nesting level

    def close_lists(to_depth: int) -> None:
        while len(open_lists) > to_depth:
            out.append(f"</li></{open_lists.pop()}>")

    previous: Block | None = None
    for block in blocks:
        body = _runs_html(block.runs)
        if block.kind in LIST_KINDS:
            tag = "ul" if block.kind == "bullet" else "ol"
            depth = block.level + 1
            if len(open_lists) > depth:
                close_lists(depth)
            if len(open_lists) == depth and (open_lists[-1] != tag or starts_new_list(previous, block)):
                close_lists(depth - 1)
            if len(open_lists) == depth:
                out.append("</li>")
            while len(open_lists) < depth:
                open_lists.append(tag)
                out.append(f'<{tag} class="pd-list pd-{block.kind}-list">')
            out.append(f'<li class="pd-{block.kind}">{body}')
        else:
            close_lists(0)
            if block.kind == "quote":
                out.append(f'<blockquote class="pd-quote"><p>{body}</p></blockquote>')
            elif block.kind == "photo":
                out.append(_photo_html(block, images or {}))
            else:
                tag = _HTML_TAGS.get(block.kind, "p")
                out.append(f'<{tag} class="pd-{block.kind}">{body}</{tag}>')
        previous = block
    close_lists(0)
    return "\n".join(out)
