"""The engine the command line and the web app share: read, check and render drafts.

It holds the template library and the directory, and nothing else, so that the CLI and
the app, given the same draft, produce the same Markdown and byte-identical documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pressdraft import language
from pressdraft.blocks import Block, parse_markdown
from pressdraft.directory import Directory, default_directory
from pressdraft.files import Format, dump_data, format_of, read_data
from pressdraft.library import Library, Template, default_templates_folder
from pressdraft.model import Draft, draft_to_data, parse_draft, type_fields, validate_fields
from pressdraft.problems import N_, PressdraftError, Problem
from pressdraft.render import render_markdown
from pressdraft.resolve import resolve
from pressdraft.safety.text import text_problems


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
            where = f"{self.template.id}/{lang}.md.j2"
            raise PressdraftError([replace(p, path=where) for p in error.problems]) from None


@dataclass
class Engine:
    library: Library
    directory: Directory

    @classmethod
    def default(cls, templates: Path | None = None, directory: Directory | None = None) -> Engine:
        return cls(Library.from_folder(templates or default_templates_folder()), directory or default_directory())

    # --- drafts as files ------------------------------------------------------------------
    def read_draft(self, text: str, fmt: Format = "yaml", source: str = "") -> Draft:
        """Parse and validate a draft; every problem found is reported at once."""
        data = read_data(text, fmt, source=source)
        return self.draft_from_data(data)

    def draft_from_data(self, data: Any) -> Draft:
        problems: list[Problem] = []
        try:
            draft = parse_draft(data)
        except PressdraftError as error:
            problems.extend(error.problems)
            draft = None
        template = None
        if isinstance(data, dict) and isinstance(data.get("template"), str):
            try:
                template = self.library.get(data["template"])
            except PressdraftError as error:
                problems.extend(p for p in error.problems if p.path not in {q.path for q in problems})
        if draft is not None and template is not None:
            try:
                return validate_fields(draft, template.fields_model)
            except PressdraftError as error:
                problems.extend(error.problems)
        elif template is not None and isinstance(data.get("fields"), dict):
            try:
                type_fields(data["fields"], template.fields_model)
            except PressdraftError as error:
                problems.extend(error.problems)
        raise PressdraftError(problems)

    def load_draft(self, path: Path) -> Draft:
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise PressdraftError(
                Problem(str(path), "cannot read the file: {reason}", {"reason": str(error)})
            ) from None
        return self.read_draft(text, format_of(path.name), source=str(path))

    def dump_draft(self, draft: Draft, fmt: Format = "yaml") -> str:
        template = self.library.get(draft.template)
        return dump_data(draft_to_data(draft, [f.name for f in template.meta.fields]), fmt)

    # --- checking and rendering ---------------------------------------------------------------
    def check(self, draft: Draft, data: Any = None) -> list[Problem]:
        """Unknown references (errors), missing translations (gaps) and warnings, in order.

        ``data``: the plain data the draft was read from (a file, the form's state); what the
        text gate changed in it is reported field by field. Without it, the look-alike
        letters the gate leaves in place are reported.
        """
        template = self.library.get(draft.template)
        errors: list[Problem] = []
        gaps: list[Problem] = []
        for lang in draft.languages:
            resolution = resolve(draft, template, self.directory, lang)
            errors.extend(p for p in resolution.errors if p not in errors)
            gaps.extend(resolution.gaps)
        entered = data if data is not None else draft_to_data(draft, [f.name for f in template.meta.fields])
        return errors + gaps + self.warnings(draft, template) + text_problems(entered)

    def warnings(self, draft: Draft, template: Template) -> list[Problem]:
        texts = _localized_texts(draft, template)
        names = [
            {lang: text for lang in draft.languages if (text := entry.get(lang))} for entry in self._directory_names()
        ]
        problems = [
            Problem(w.field, "{message}", {"message": w.message}, severity="warning")
            for w in language.consistency_warnings(texts, names, draft.languages)
        ]
        for path, by_lang in texts.items():
            for lang, text in by_lang.items():
                for token in language.guessed_readings(text, lang):
                    problems.append(
                        Problem(
                            path,
                            N_("{token} will be read letter by letter; if it is read as a word, give its reading"),
                            {"token": token},
                            severity="warning",
                            lang=lang,
                        )
                    )
        return problems

    def _directory_names(self) -> list[Any]:
        entries: list[Any] = [p.name for p in self.directory.people.values()]
        entries += [o.name for o in self.directory.organizations.values()]
        entries += [getattr(p, "name", p) for p in self.directory.places.values()]
        return entries

    def render(
        self, draft: Draft, languages: Sequence[str] | None = None, *, allow_incomplete: bool = False
    ) -> Rendition:
        """Markdown for each language; refuses with every gap unless ``allow_incomplete``."""
        from pressdraft.safety import worker

        template = self.library.get(draft.template)
        langs = list(languages or draft.languages)
        resolutions = {lang: resolve(draft, template, self.directory, lang) for lang in langs}
        errors = [p for r in resolutions.values() for p in r.errors]
        gaps = [p for r in resolutions.values() for p in r.gaps]
        if errors or (gaps and not allow_incomplete):
            distinct = [p for i, p in enumerate(errors) if p not in errors[:i]]  # problems are not hashable
            raise PressdraftError(distinct + gaps)
        issuers = {lang: str(r.context["release"].issuer.name) for lang, r in resolutions.items()}
        if template.origin == "shipped" or worker.in_worker():
            markdown = {lang: render_markdown(template, lang, r.context) for lang, r in resolutions.items()}
            return Rendition(draft, template, markdown, issuers, gaps)
        # Templates staff edited (or a library folder given on the command line) are rendered,
        # and their Markdown parsed into blocks, in the sandbox worker, bounded in time and memory.
        markdown, blocks = worker.render_documents(
            template,
            draft_to_data(draft, [f.name for f in template.meta.fields]),
            self.directory.model_dump(mode="json", exclude_none=True),
            list(resolutions),
            allow_incomplete=allow_incomplete,
        )
        return Rendition(draft, template, markdown, issuers, gaps, blocks)


def _localized_texts(draft: Draft, template: Template) -> dict[str, dict[str, str]]:
    """Every free text of the draft by path and language, for cross-language checks."""
    out: dict[str, dict[str, str]] = {}

    def add(path: str, value: Any) -> None:
        texts = {lang: text for lang in draft.languages if (text := value.get(lang))}
        if texts:
            out[path] = texts

    for spec in template.meta.fields:
        value = draft.fields.get(spec.name)
        if value is None:
            continue
        if spec.type in ("text", "paragraphs"):
            add(f"fields.{spec.name}", value)
        elif spec.type == "text_list":
            for i, item in enumerate(value):
                add(f"fields.{spec.name}[{i}]", item)
        elif spec.type == "quotes":
            for i, quote in enumerate(value):
                add(f"fields.{spec.name}[{i}].text", quote.text)
    return out
