"""The one gate every text passes on its way in: draft files, the form, the directory, templates.

Every ``Text`` of the models (``pressdraft.core.model``) is validated through ``clean_text``, so
what reaches a template, a Markdown file or a Word document has been through this module:

* Unicode NFC, so ``I`` + U+0307 is ``İ`` and a search finds what was typed;
* what a document cannot hold is removed: C0 controls but tab and newline, DEL and the C1
  controls, U+FFFE/U+FFFF and lone surrogates (python-docx raises on them, Word refuses them);
* Word's breaks become ours: a manual line break (``\\v``, U+2028, NEL) a newline, a page break
  (``\\f``) or U+2029 a blank line, i.e. a new paragraph. A release has no page breaks of its
  own: pages are the letterhead's business, and in the side-by-side edition a page break
  inside one language's column would break the table;
* invisible characters that can make text say something else than it shows are removed:
  bidi embeddings, overrides, isolates and marks, zero-width characters and the BOM, and
  tag characters (the "ASCII smuggling" range U+E0000–U+E007F);
* look-alikes of Azerbaijani ə are **not** changed, only reported: Cyrillic ә/Ә, Ǝ/ǝ
  (U+018E/U+01DD, which case-map to each other, not to ə) and, in Azerbaijani text, the
  1991–92 letter Ä/ä (conventions.md §3).

``clean_text_report`` says what it changed; ``core.problems.text_problems`` walks a draft's (or a
directory's) plain data and turns those reports into warnings that name the field and the
language, so the user is told what was changed, field by field. Length bounds per kind of
text (``LIMITS``) are enforced by the models through ``length_bound``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic_core import PydanticCustomError

from pressdraft import N_

#: At most this many characters (after cleaning) in a text of each kind.
LIMITS: dict[str, int] = {
    "line": 500,  # a one-line text: a headline, a theme, an e-mail address, a reading
    "paragraphs": 20_000,  # a text of paragraphs: a background, a quote, an "about"
    "item": 300,  # one item of a list (a committee, an agreement)
    "name": 300,  # a name or a title: people, organizations, places, contacts
}

# Breaks: Word's manual line break (\v), NEL and LINE SEPARATOR are line breaks; Word's page
# break (\f) and PARAGRAPH SEPARATOR start a new paragraph. CR LF and a lone CR are newlines.
_CRLF = re.compile("\r\n?")
_LINE_BREAKS = re.compile("[\v\x85\u2028]")
_PAGE_BREAKS = re.compile("[\f\u2029]")

#: What is removed, by kind; each kind has its message.
_REMOVED: dict[str, re.Pattern[str]] = {
    "unstorable": re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]"),
    "bidi": re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
    "zero_width": re.compile("[\u180e\u200b-\u200d\u2060-\u2064\ufeff]"),
    "tags": re.compile("[\U000e0000-\U000e007f]"),
}

MESSAGES: dict[str, str] = {
    "line_break": N_("line breaks from Word turned into new lines: {count}"),
    "page_break": N_("page breaks from Word turned into paragraph breaks: {count}"),
    "unstorable": N_("characters a document cannot hold removed (control characters, U+FFFE/U+FFFF): {count}"),
    "bidi": N_("bidirectional control characters removed: {count}"),
    "zero_width": N_("zero-width characters removed: {count}"),
    "tags": N_("invisible tag characters removed: {count}"),
    "lookalike": N_("look-alike letter {char} ({code}); did you mean {letter} ({letter_code})?"),
}
TOO_LONG = N_("too long: {length} characters, at most {limit}")

#: Letters that look like Azerbaijani Ə/ə but are not; ``None``: any language, else only that one.
LOOKALIKES: dict[str, tuple[str, str | None]] = {
    "\u04d9": ("ə", None),  # CYRILLIC SMALL LETTER SCHWA
    "\u04d8": ("Ə", None),  # CYRILLIC CAPITAL LETTER SCHWA
    "\u01dd": ("ə", None),  # LATIN SMALL LETTER TURNED E
    "\u018e": ("Ə", None),  # LATIN CAPITAL LETTER REVERSED E
    "ä": ("ə", "az"),  # the 1991–92 Azerbaijani letter
    "Ä": ("Ə", "az"),
}
_LOOKALIKE = re.compile(f"[{''.join(LOOKALIKES)}]")


@dataclass(frozen=True)
class Change:
    """One thing the gate did to a text (or, for a look-alike, noticed and left alone)."""

    kind: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return MESSAGES[self.kind]

    def __str__(self) -> str:
        return self.template.format(**self.params)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def clean_text_report(text: str, lang: str | None = None) -> tuple[str, list[Change]]:
    """The text as stored, and what was changed in it (with the look-alikes it still has).

    ``lang`` is the language of the text when known: Ä/ä is a look-alike only in Azerbaijani.
    Carriage returns becoming newlines and NFC are not reported: what is seen stays the same.
    """
    changes: list[Change] = []
    text = _CRLF.sub("\n", text)
    for kind, pattern, replacement in (("line_break", _LINE_BREAKS, "\n"), ("page_break", _PAGE_BREAKS, "\n\n")):
        text, count = pattern.subn(replacement, text)
        if count:
            changes.append(Change(kind, {"count": str(count)}))
    for kind, pattern in _REMOVED.items():
        text, count = pattern.subn("", text)
        if count:
            changes.append(Change(kind, {"count": str(count)}))
    text = unicodedata.normalize("NFC", text)
    for char in dict.fromkeys(_LOOKALIKE.findall(text)):
        letter, only_in = LOOKALIKES[char]
        if only_in is None or only_in == lang:
            changes.append(
                Change("lookalike", {"char": char, "code": _code(char), "letter": letter, "letter_code": _code(letter)})
            )
    return text, changes


def clean_text(text: str) -> str:
    """The text as stored: NFC, nothing a document cannot hold, nothing invisible that lies."""
    return clean_text_report(text)[0]


def length_bound(kind: str) -> Callable[[str], str]:
    """A validator refusing a cleaned text longer than ``LIMITS[kind]`` (pydantic names the field)."""
    limit = LIMITS[kind]

    def within(text: str) -> str:
        if len(text) > limit:
            raise PydanticCustomError("text_too_long", TOO_LONG, {"length": len(text), "limit": limit})
        return text

    return within


__all__ = ["LIMITS", "Change", "clean_text", "clean_text_report", "length_bound"]
