"""The engine the command line and the web app share: read, check and render drafts.

It holds the template library and the directory, and nothing else (but what it remembers of
the directory's names in the texts it compared), so that the CLI and the app, given the same
draft, produce the same Markdown and byte-identical documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment

from pressdraft import N_
from pressdraft.core.beside import beside, read_text
from pressdraft.core.cleaning import text_problems
from pressdraft.core.directory import Directory, default_directory, extended
from pressdraft.core.files import Format, dump_data, format_of, read_data
from pressdraft.core.library import Library, Template, default_templates_folder
from pressdraft.core.model import Draft, LocalizedText, draft_to_data, parse_draft, type_fields
from pressdraft.core.problems import Location, PressdraftError, Problem, format_path
from pressdraft.core.upgrade import as_reported, upgraded
from pressdraft.document.rendition import Rendered, Rendition
from pressdraft.language.consistency import ConsistencyWarning, KnownName, consistency_warnings
from pressdraft.pipeline import checks
from pressdraft.pipeline.draft_checks import draft_problems, localized_texts
from pressdraft.pipeline.resolve import Resolution, resolve
from pressdraft.pipeline.validation import validate_draft


@dataclass(frozen=True)
class RenderRequest:
    """What a runner is asked to render: a draft, resolved in each language it is wanted in."""

    template: Template
    draft: Draft
    directory: Directory
    resolutions: Mapping[str, Resolution]
    allow_incomplete: bool


#: A number, a month or a name in some languages' text of a field and not in the others' (the
#: location names the field, so the message does not).
NOT_IN_EVERY_LANGUAGE = {
    "number": N_("the number {value} appears in the {present} text but not in the {missing} text"),
    "date": N_("the month {value} appears in the {present} text but not in the {missing} text"),
    "name": N_("the name {value} appears in the {present} text but not in the {missing} text"),
}


#: One text of a draft in each language it is written in, as ``(lang, text)`` pairs.
Texts = tuple[tuple[str, str], ...]


def _directory_names(directory: Directory, langs: Sequence[str]) -> list[KnownName]:
    """Every name of ``directory`` in each of ``langs``, full and short, people marked."""

    def known(*names: LocalizedText | None, person: bool = False) -> KnownName:
        forms = {lang: tuple(text for name in names if name and (text := name.get(lang))) for lang in langs}
        return KnownName(forms, person)

    entries = [known(p.name, p.short, person=True) for p in directory.people.values()]
    entries += [known(o.name, o.short) for o in directory.organizations.values()]
    entries += [known(getattr(p, "name", p)) for p in directory.places.values()]
    return entries


@dataclass(frozen=True)
class DraftFile:
    """A draft read from a file, and the engine for it: the organization's directory with the draft's own."""

    draft: Draft
    engine: Engine


@dataclass(frozen=True)
class Analysis:
    """One reading of a draft's data (``Engine.examine``): the draft (None when it cannot be read), every
    problem the check reports, and the release rendered with its gaps marked (None when it cannot be)."""

    draft: Draft | None
    problems: list[Problem]
    rendition: Rendition | None


class TemplateRunner(Protocol):
    """Where a template's code runs; chosen by the engine's caller, who alone knows whom it trusts."""

    def render(self, request: RenderRequest) -> Rendered: ...

    def check(self, template: Template, directory: Directory) -> list[Problem]: ...


@dataclass
class Engine:
    library: Library
    directory: Directory
    runner: TemplateRunner
    _remembered: tuple[Directory, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def default(
        cls, runner: TemplateRunner, templates: Path | None = None, directory: Directory | None = None
    ) -> Engine:
        library = Library.from_folder(templates or default_templates_folder())
        return cls(library, directory or default_directory(), runner)

    @classmethod
    def single(cls, template: Template, directory: Directory, runner: TemplateRunner) -> Engine:
        """An engine whose library is ``template`` alone (a version being edited, checked or re-made)."""
        return cls(Library({template.id: template}, {}), directory, runner)

    def alone(self, template: Template) -> Engine:
        """This engine's directory and runner for ``template`` alone (a version other than the library's)."""
        return Engine.single(template, self.directory, self.runner)

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
                problems.extend(p for p in error.problems if p.at not in {q.at for q in problems})
        if draft is not None and template is not None:
            try:
                return validate_draft(draft, template)
            except PressdraftError as error:
                problems.extend(error.problems)
        elif template is not None and isinstance(data.get("fields"), dict):
            try:
                type_fields(data["fields"], template.fields_model)
            except PressdraftError as error:
                problems.extend(error.problems)
        raise PressdraftError(problems)

    def load_draft(self, path: Path) -> Draft:
        """The draft in the file ``path`` (the directory files it names are read by ``open_draft``)."""
        return self.read_draft(read_text(path), format_of(path.name), source=str(path))

    def open_draft(self, path: Path) -> DraftFile:
        """The draft in the file ``path``, and this engine with the draft's own directory files added
        (``directory:``, relative to the draft and inside its folder: ``core/beside.py``)."""
        draft = self.load_draft(path)
        if not draft.directory:
            return DraftFile(draft, self)
        at = Location(file=str(path), field=("directory",))
        problems: list[Problem] = []
        files: list[tuple[str, str]] = []
        for index, name in enumerate(draft.directory):
            try:
                beside(path.parent, name, at.child(index) if len(draft.directory) > 1 else at)
                shown = path.parent / name  # the file as the drafter sees it, and problems name it
                files.append((str(shown), read_text(shown)))
            except PressdraftError as error:
                problems.extend(error.problems)
        try:
            directory = extended(self.directory, files)
        except PressdraftError as error:
            problems.extend(error.problems)
        if problems:
            raise PressdraftError(problems)
        return DraftFile(draft, Engine(self.library, directory, self.runner))

    def dump_draft(self, draft: Draft, fmt: Format = "yaml") -> str:
        template = self.library.get(draft.template)
        return dump_data(draft_to_data(draft, [f.name for f in template.meta.fields]), fmt)

    def upgrade(self, draft: Draft) -> tuple[Draft, list[Problem]]:
        """``draft`` (format 1, validated) in format 2, saying what version 1 said, and what the reader should
        look at: one way for the command line and the app. ``core/upgrade.py`` rewrites the data; a version-1
        template wrote its own tense, so when the event is dated after the release the report and the
        announcement are both rendered and the one printing what version 1 printed is kept (a meeting keeps
        reporting, with a warning; an advisory stays an announcement)."""
        new = upgraded(draft, self.library.get(draft.template))
        reported = as_reported(new)
        if reported is not None and not self._same_text(draft, new) and self._same_text(draft, reported[0]):
            return reported[0], [reported[1]]
        return new, []

    def _same_text(self, draft: Draft, other: Draft) -> bool:
        """Whether two drafts render the same Markdown in every language (a refused one says nothing the same)."""
        try:
            texts = [self.render(one, allow_incomplete=True).markdown for one in (draft, other)]
        except PressdraftError:
            return False
        return texts[0] == texts[1]

    # --- checking and rendering ---------------------------------------------------------------
    def examine(self, data: Any) -> Analysis:
        """A draft's data read once: the draft, every problem ``check`` reports, and the release rendered
        (gaps marked) from the same resolution of each language, so that what a form edit shows (the
        check panel, the preview, the title, the downloads) costs one parse and one render. A draft that
        cannot be read has its problems and no rendition; one with unknown references, or whose template
        refuses it, no rendition."""
        try:
            draft = self.draft_from_data(data)
        except PressdraftError as error:
            return Analysis(None, list(error.problems) + text_problems(data), None)
        template = self.library.get(draft.template)
        resolutions = self._resolutions(draft, template, draft.languages)
        problems = self._problems(draft, template, resolutions, data)
        try:
            rendition = self._rendered(draft, template, resolutions, allow_incomplete=True)
        except PressdraftError:
            rendition = None
        return Analysis(draft, problems, rendition)

    def check(self, draft: Draft, data: Any = None) -> list[Problem]:
        """Unknown references (errors), missing translations (gaps) and warnings, in order.

        ``data``: the plain data the draft was read from (a file, the form's state); what the
        text gate changed in it is reported field by field. Without it, the look-alike
        letters the gate leaves in place are reported.
        """
        template = self.library.get(draft.template)
        return self._problems(draft, template, self._resolutions(draft, template, draft.languages), data)

    def _resolutions(self, draft: Draft, template: Template, langs: Sequence[str]) -> dict[str, Resolution]:
        """The draft seen in each of ``langs``: what both checking and rendering start from."""
        return {lang: resolve(draft, template, self.directory, lang) for lang in langs}

    def _problems(
        self, draft: Draft, template: Template, resolutions: Mapping[str, Resolution], data: Any
    ) -> list[Problem]:
        errors: list[Problem] = []
        gaps: list[Problem] = []
        for resolution in resolutions.values():
            errors.extend(p for p in resolution.errors if p not in errors)
            gaps.extend(resolution.gaps)
        entered = data if data is not None else draft_to_data(draft, [f.name for f in template.meta.fields])
        warnings = self.warnings(draft, template, {lang: r.context for lang, r in resolutions.items()})
        return errors + gaps + warnings + text_problems(entered)

    def warnings(self, draft: Draft, template: Template, contexts: Mapping[str, Mapping[str, Any]]) -> list[Problem]:
        """Cross-language inconsistencies of the draft's texts (fields, event, body), then the draft's
        own checks (``pipeline/draft_checks.py``); ``contexts``: the draft resolved in each language."""
        inconsistent, langs = self._inconsistencies(), tuple(draft.languages)
        problems = [
            Problem(
                Location(field=path),
                NOT_IN_EVERY_LANGUAGE[w.kind],
                {"value": w.value, "present": ", ".join(w.present), "missing": ", ".join(w.langs)},
                severity="warning",
            )
            for path, texts in localized_texts(draft, template).items()
            for w in inconsistent(format_path(path), tuple(texts.items()), langs)
        ]
        return problems + draft_problems(draft, template, contexts)

    def _inconsistencies(self) -> Callable[[str, Texts, tuple[str, ...]], tuple[ConsistencyWarning, ...]]:
        """``consistency_warnings`` of one text (its path, its texts by language, the draft's languages)
        against this engine's directory, remembered while the directory is the same: a form edit changes
        one text, and the others are not compared again."""
        held = self._remembered
        if held is None or held[0] is not self.directory:
            names = cache(partial(_directory_names, self.directory))

            @lru_cache(maxsize=4096)
            def inconsistent(path: str, texts: Texts, langs: tuple[str, ...]) -> tuple[ConsistencyWarning, ...]:
                return tuple(consistency_warnings({path: dict(texts)}, names(langs), langs))

            held = self._remembered = (self.directory, inconsistent)
        return held[1]

    def check_template(self, template: Template, env: Environment) -> list[Problem]:
        """Every problem of ``template`` (which this engine's library holds): what its files declare and
        use, read by ``env`` (the renderer's environment), then its sample and the variants made from it
        rendered and parsed by this engine's runner. An empty list means it can be saved and used."""
        problems = checks.declared_problems(template, env)
        if problems:
            return problems
        for variant, data in checks.variants(template, self.directory).items():
            try:
                self.render(self.draft_from_data(data)).blocks  # noqa: B018 - parsed too, as a render's are
            except PressdraftError as error:
                return checks.variant_problems(template, variant, error)
        return []

    def render(
        self, draft: Draft, languages: Sequence[str] | None = None, *, allow_incomplete: bool = False
    ) -> Rendition:
        """Markdown for each language; refuses with every gap unless ``allow_incomplete``."""
        template = self.library.get(draft.template)
        resolutions = self._resolutions(draft, template, list(languages or draft.languages))
        return self._rendered(draft, template, resolutions, allow_incomplete)

    def _rendered(
        self, draft: Draft, template: Template, resolutions: Mapping[str, Resolution], allow_incomplete: bool
    ) -> Rendition:
        errors = [p for r in resolutions.values() for p in r.errors]
        gaps = [p for r in resolutions.values() for p in r.gaps]
        if errors or (gaps and not allow_incomplete):
            distinct = [p for i, p in enumerate(errors) if p not in errors[:i]]  # problems are not hashable
            raise PressdraftError(distinct + gaps)
        issuers = {lang: str(r.context["release"].issuer.name) for lang, r in resolutions.items()}
        request = RenderRequest(template, draft, self.directory, resolutions, allow_incomplete)
        markdown, blocks = self.runner.render(request)
        return Rendition(draft, template, markdown, issuers, gaps, blocks)
