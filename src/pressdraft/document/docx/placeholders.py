"""The placeholders of a letterhead's header and footer, filled in each document.

``{{issuer}}`` becomes the issuer's name; ``{{page}}`` becomes the localized page line, whose
``{page}`` and ``{pages}`` become PAGE and NUMPAGES fields. Any letterhead may carry them, typed
in Word.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .ooxml import add_field, set_rpr_lang

#: The localized page-number line: ``{page}`` and ``{pages}`` become PAGE and NUMPAGES fields.
PAGE_FORMATS = {
    "tr": "Sayfa {page} / {pages}",
    "az": "Səhifə {page} / {pages}",
    "en": "Page {page} of {pages}",
    "": "{page} / {pages}",
}

_PLACEHOLDER = re.compile(r"\{\{\s*(issuer|page)\s*\}\}")


def fill_placeholders(story_element, tag: str, values: Mapping[str, str]) -> None:
    """Replace the placeholders named in ``values`` in a header or footer: ``{{issuer}}`` by
    its text, ``{{page}}`` by its format, whose ``{page}`` and ``{pages}`` become PAGE and
    NUMPAGES fields. The runs made carry the proofing language ``tag``.

    Word may split a typed placeholder over several runs; such a paragraph's text is first
    gathered into its first text run (the other runs' text is emptied).
    """

    def wanted(text: str | None) -> bool:
        return any(m.group(1) in values for m in _PLACEHOLDER.finditer(text or ""))

    w_t = qn("w:t")
    for p in list(story_element.iter(qn("w:p"))):
        texts = list(p.iter(w_t))
        joined = "".join(t.text or "" for t in texts)
        if not wanted(joined):
            continue
        if not any(wanted(t.text) for t in texts):
            texts[0].text = joined
            for t in texts[1:]:
                t.text = ""
        for t in texts:
            if wanted(t.text):
                _expand_run(t, tag, values)


def _expand_run(t, tag: str, values: Mapping[str, str]) -> None:
    r = t.getparent()
    container = r.getparent()
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
    rpr = copy.deepcopy(rpr)
    set_rpr_lang(rpr, tag)
    children = [c for c in r if c.tag != qn("w:rPr")]
    index = children.index(t)
    staging = OxmlElement("w:p")

    def text_run(text: str) -> None:
        if not text:
            return
        new = OxmlElement("w:r")
        new.append(copy.deepcopy(rpr))
        el = OxmlElement("w:t", {qn("xml:space"): "preserve"})
        el.text = text
        new.append(el)
        staging.append(new)

    def other_run(elements: list) -> None:
        if elements:
            new = OxmlElement("w:r")
            new.append(copy.deepcopy(rpr))
            for el in elements:
                new.append(el)
            staging.append(new)

    other_run(children[:index])
    position = 0
    text = t.text or ""
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name not in values:
            continue
        text_run(text[position : match.start()])
        if name == "issuer":
            text_run(values[name])
        else:
            for piece in re.split(r"(\{page\}|\{pages\})", values[name]):
                if piece == "{page}":
                    add_field(staging, "PAGE", "1", rpr)
                elif piece == "{pages}":
                    add_field(staging, "NUMPAGES", "1", rpr)
                else:
                    text_run(piece)
        position = match.end()
    text_run(text[position:])
    other_run(children[index + 1 :])
    for new in list(staging):
        r.addprevious(new)
    container.remove(r)
