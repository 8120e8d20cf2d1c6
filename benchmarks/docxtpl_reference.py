"""The docxtpl side of ``render.py``: the example release as docxtpl would render it.

The templates are built by code, at run time, from the shipped letterhead
(``src/pressdraft/data/letterhead.docx``): opened with python-docx, body cleared, and one
paragraph per slot of the release added in the *same named styles* our writer uses, each
holding a Jinja tag (``{{ headline }}``, ``{%p for q in quotes %}`` … ``{%p endfor %}``).
One template per language, as our writer keeps one letterhead variant per language: the
styles, settings and every run carry that language's proofing tag, and the footer's
``{{page}}`` becomes that language's "Page 1 of 2" line with PAGE and NUMPAGES fields
(exactly as ours fills it); the header keeps ``{{issuer}}`` for docxtpl to fill.

The context of each language is taken from the engine's rendered blocks (the same text our
DOCX writer gets), so both documents carry the same paragraphs, styles and text; ``same_body``
checks that before anything is timed.

What docxtpl cannot do from a template is left as the template has it: it renders only the
title, subject, author, language and comments core properties (not keywords, category,
created/modified dates), and leaves styles.xml and docProps/app.xml alone.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from pressdraft.document.blocks import Block
from pressdraft.document.docx import ooxml
from pressdraft.document.docx.letterhead import DEFAULT_LETTERHEAD_PATH
from pressdraft.document.docx.placeholders import PAGE_FORMATS, fill_placeholders

Row = tuple[str | None, tuple[str, ...], tuple[bool, ...]]


def _paragraph(style: str, text: str) -> Row:
    return (style, (text,), (False,))


def _between(tag: str, *rows: Row) -> list[Row]:
    """``rows`` between the control lines ``{%p <tag> %}`` and its ``{%p endif %}`` or ``{%p endfor %}``."""
    return [(None, (f"{{%p {tag} %}}",), ()), *rows, (None, (f"{{%p end{tag.split()[0]} %}}",), ())]


#: The template's body: (style name, text of each run, bold runs) or a bare ``{%p … %}`` line.
#: Style names are those ``pressdraft.document.docx.letterhead.KIND_STYLE_NAMES`` gives each block kind.
BODY: list[Row] = [
    _paragraph("Release Line", "{{ release }}"),
    _paragraph("Headline", "{{ headline }}"),
    *_between("if subheadline", _paragraph("Subheadline", "{{ subheadline }}")),
    ("Dateline", ("{{ dateline_lead }}", "{{ dateline_text }}"), (True, False)),
    *_between("for text in intro", _paragraph("Body Text", "{{ text }}")),
    *_between("for c in committees", _paragraph("List Bullet", "{{ c }}")),
    *_between("for q in quotes", _paragraph("Quote", "{{ q }}")),
    *_between("for text in background", _paragraph("Body Text", "{{ text }}")),
    *_between(
        "if about", _paragraph("Section Heading", "{{ about_heading }}"), _paragraph("Boilerplate", "{{ about }}")
    ),
    *_between(
        "if contacts",
        _paragraph("Section Heading", "{{ contact_heading }}"),
        *_between("for c in contacts", _paragraph("Contact", "{{ c }}")),
    ),
    *_between("if closing", _paragraph("Closing", "{{ closing }}")),
    *_between("if end_mark", _paragraph("End Mark", "{{ end_mark }}")),
]


def build_template(lang: str, target: Path, letterhead: Path = DEFAULT_LETTERHEAD_PATH) -> Path:
    """Write the docxtpl template of the example's release kind in ``lang`` to ``target``."""
    tag = ooxml.lang_tag(lang)
    document = docx.Document(str(letterhead))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    ooxml.set_styles_lang(document.styles.element, tag)
    ooxml.set_settings_lang(document.settings.element, tag)
    bullet_num = _style_num_id(document, "List Bullet")
    for style, texts, bold in BODY:
        paragraph = document.add_paragraph(style=style)
        for text, strong in zip(texts, bold or (False,) * len(texts), strict=True):
            run = paragraph.add_run(text)
            if style is None:
                continue  # a control line: docxtpl removes the whole paragraph
            run.bold = strong or None
            ooxml.set_rpr_lang(run._r.get_or_add_rPr(), tag)  # noqa: SLF001
        if style == "List Bullet" and bullet_num is not None:
            _number(paragraph, bullet_num)
    for part in ooxml.story_parts(document):
        # the footer's {{page}}: this language's page line with PAGE/NUMPAGES fields
        fill_placeholders(part.element, tag, {"page": PAGE_FORMATS.get(lang, "")})
        for r in part.element.iter(qn("w:r")):
            ooxml.set_rpr_lang(r.get_or_add_rPr(), tag)  # {{issuer}} stays for docxtpl
    props = document.core_properties
    # ``|safe``: docxtpl renders core properties with the body's autoescaping environment,
    # and python-docx escapes them again on saving ("Presidency&amp;#39;s" otherwise).
    props.title, props.subject = "{{ title|safe }}", "{{ subject|safe }}"
    props.author = "{{ author|safe }}"
    props.language = tag
    props.keywords = "joint-meeting"
    props.category = "Press release"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def build_templates(folder: Path, languages: Sequence[str]) -> dict[str, Path]:
    return {lang: build_template(lang, folder / f"joint-meeting_{lang}.docx") for lang in languages}


def context_from_blocks(blocks: Sequence[Block], issuer: str) -> dict[str, object]:
    """The template's context from one language's rendered blocks (the text ours writes).

    Raises ``ValueError`` for a block the template has no slot for, so that the two sides
    can never silently differ."""
    context: dict[str, object] = {
        "intro": [], "committees": [], "quotes": [], "background": [], "contacts": [],
        "issuer": issuer, "author": issuer,
    }  # fmt: skip
    seen_list_or_quote = False
    for index, block in enumerate(blocks):
        kind, text = block.kind, block.text
        formatted = [r for r in block.runs if r.bold or r.italic or r.href]
        if kind == "dateline":
            lead = [r for r in block.runs if r.bold]
            if len(block.runs) != 2 or block.runs[0] not in lead or block.runs[1] in lead:
                raise ValueError("the template's dateline is a bold lead and plain text")
            context["dateline_lead"], context["dateline_text"] = block.runs[0].text, block.runs[1].text
            continue
        if formatted:
            raise ValueError(f"the template has no bold/italic/link slot in a {kind} block")
        if kind in ("release", "headline", "subheadline", "about", "closing"):
            context[kind] = text
        elif kind == "end":
            context["end_mark"] = text
        elif kind == "paragraph":
            context["background" if seen_list_or_quote else "intro"].append(text)  # type: ignore[union-attr]
        elif kind in ("bullet", "quote"):
            seen_list_or_quote = True
            context["committees" if kind == "bullet" else "quotes"].append(text)  # type: ignore[union-attr]
        elif kind == "contact":
            context["contacts"].append(text)  # type: ignore[union-attr]
        elif kind == "heading":
            following = blocks[index + 1].kind if index + 1 < len(blocks) else None
            if following not in ("about", "contact"):
                raise ValueError("the template has headings only before 'about' and 'contact'")
            context[f"{following}_heading"] = text
        else:
            raise ValueError(f"the template has no slot for a {kind} block")
    context["title"] = context.get("headline", "")
    context["subject"] = context.get("subheadline", "")
    return context


def render(template: Path, context: dict[str, object]) -> bytes:
    """docxtpl as its documentation shows: DocxTemplate(path), render(context), save."""
    document = DocxTemplate(template)
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def body_summary(data: bytes) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """Each body paragraph as (style name, text, bold run texts, numbered) for comparison."""
    document = docx.Document(io.BytesIO(data))
    out = []
    for p in document.paragraphs:
        bold = tuple(r.text for r in p.runs if r.bold)
        numbered = p._p.pPr is not None and p._p.pPr.numPr is not None  # noqa: SLF001
        out.append((p.style.name, p.text, bold, numbered))
    return out


def same_body(ours: bytes, theirs: bytes) -> list[str]:
    """Differences between two documents' body paragraphs (empty when they match)."""
    a, b = body_summary(ours), body_summary(theirs)
    problems = [f"{len(a)} paragraphs vs {len(b)}"] if len(a) != len(b) else []
    problems += [f"paragraph {i}: {x!r} vs {y!r}" for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    return problems


def _style_num_id(document, style_name: str) -> int | None:
    style = document.styles[style_name].element
    ppr = style.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return int(ppr.numPr.numId.val)


def _number(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # noqa: SLF001
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
