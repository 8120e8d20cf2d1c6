"""What the pipeline hands to the document layer: a draft rendered, Markdown and blocks per language."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from pressdraft.core.library import Template, file_of, source_file
from pressdraft.core.model import Draft
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.document.blocks import Block, parse_markdown

#: What a template runner returns: each language's Markdown, and its blocks when the runner parsed
#: them (a sandbox worker does, so the server never parses what an untrusted template printed).
Rendered = tuple[dict[str, str], dict[str, list[Block]] | None]


@dataclass(frozen=True)
class Rendition:
    """A draft rendered: the Markdown of each language it was asked for, in order.

    ``parsed``: the blocks the sandbox worker made of an untrusted template's Markdown, so
    the server never parses what such a template printed; a shipped template's are parsed
    here, when first wanted.
    """

    draft: Draft
    template: Template
    markdown: dict[str, str]
    issuers: dict[str, str]
    gaps: list[Problem] = field(default_factory=list)
    parsed: dict[str, list[Block]] | None = None

    @cached_property
    def blocks(self) -> dict[str, list[Block]]:
        """Each language's document blocks, in the order of ``markdown``."""
        if self.parsed is not None:
            return self.parsed
        return {lang: self._parse(lang, markdown) for lang, markdown in self.markdown.items()}

    def _parse(self, lang: str, markdown: str) -> list[Block]:
        """One language's blocks; a bound broken names the template's file for that language."""
        try:
            return parse_markdown(markdown)
        except PressdraftError as error:
            where = file_of(self.template.id, source_file(lang))
            raise PressdraftError([replace(p, at=where) for p in error.problems]) from None
