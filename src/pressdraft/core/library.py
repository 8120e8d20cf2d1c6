"""The template library: ``templates/<id>/meta.yaml`` plus ``tr.md.j2``, ``az.md.j2``, ``en.md.j2``.

Templates are data that staff edit. ``meta.yaml`` names the template in three languages and
declares its fields (name, type, required, label, help, sample value); the web form and the
draft's ``fields`` validation are both built from that list, so a new kind of release needs a
new folder, not new code. A template's version is the hash of its files.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property, partial
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from pressdraft import LANGUAGES
from pressdraft.core.fields import FieldType
from pressdraft.core.files import read_data
from pressdraft.core.model import (
    BLOCK_KINDS,
    FIELD_TYPES,
    Draft,
    Event,
    Key,
    LocalizedText,
    Release,
    Strict,
    problems_from,
    suggestion,
)
from pressdraft.core.problems import FieldPath, Location, PressdraftError, Problem, unknown

META_FILE = "meta.yaml"
#: Where a template id is wrong: the draft's ``template`` key, the id given to the workshop.
TEMPLATE_KEY = Location(field=("template",))
RESERVED_NAMES = frozenset(
    {"release", "lang", "languages", "source_language", "template", "event", "body", "documents"}
)


def source_file(lang: str) -> str:
    return f"{lang}.md.j2"


def file_of(template_id: str, name: str, line: int | None = None) -> Location:
    """A template's file (``meta.yaml``, a ``source_file``) as problems name it: ``joint-meeting/tr.md.j2``."""
    return Location(file=f"{template_id}/{name}", line=line)


class FieldSpec(Strict):
    """One field a template asks for; the form and the validation are made from it.

    ``override``: an optional text that replaces what the template proposes (a headline),
    language by language; a language left empty is not a gap but keeps the proposal.
    ``event``: the draft's ``event`` key this field defaults to when left out (format 2: a date, a city);
    ``covered_by``: a body block kind that says what this field says, so a draft with one may leave
    the field out (a signing's documents, a statement's text); ``formerly``: the field's name in
    version-1 drafts, when format 2 gave that name to the draft itself (``event``).
    """

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)
    type: str
    required: bool = False
    label: LocalizedText
    help: LocalizedText = LocalizedText()
    choices: list[str] = Field(default_factory=list)
    override: bool = False
    event: Literal["date", "city", "venue"] | None = None
    covered_by: str | None = None
    formerly: str | None = None
    sample: Any = None

    @model_validator(mode="after")
    def _known_type(self) -> FieldSpec:
        if self.type not in FIELD_TYPES:
            raise ValueError(
                f"unknown type {self.type!r}{suggestion(self.type, FIELD_TYPES)}; known types: {', '.join(FIELD_TYPES)}"
            )
        if self.name in RESERVED_NAMES:
            raise ValueError(f"{self.name!r} is reserved; choose another field name")
        if self.field_type.choices != bool(self.choices):
            raise ValueError("a choice field lists its choices, and only a choice field does")
        if self.override and (not self.field_type.localized or self.required):
            raise ValueError("only an optional text field can override what the template proposes")
        if self.covered_by is not None and self.covered_by not in BLOCK_KINDS:
            raise ValueError(
                f"covered_by: unknown block {self.covered_by!r}{suggestion(self.covered_by, BLOCK_KINDS)}; "
                f"known blocks: {', '.join(BLOCK_KINDS)}"
            )
        return self

    @property
    def conditional(self) -> bool:
        """Required unless the draft's event or body says it: optional in the model, checked after."""
        return self.required and (self.event is not None or self.covered_by is not None)

    @property
    def field_type(self) -> FieldType:
        return FIELD_TYPES[self.type]

    def annotation(self) -> Any:
        return self.field_type.schema(self.choices)

    def default(self) -> Any:
        if self.conditional:
            return None
        if self.field_type.localized and self.required:
            return LocalizedText()  # missing text is a gap in every language, not a file error
        return ... if self.required else None


class TemplateMeta(Strict):
    """``needs``: what the template's lead says of the event (``event.venue``); a draft without it
    gets a warning from ``pressdraft check`` rather than a lead that leaves it out."""

    name: LocalizedText
    description: LocalizedText = LocalizedText()
    fields: list[FieldSpec]
    sample_release: Release
    needs: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _distinct_names(self) -> TemplateMeta:
        names = [f.name for f in self.fields]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"field names declared twice: {', '.join(doubles)}")
        known = [f"event.{key}" for key in Event.model_fields if key != "status"]
        unknown_needs = [need for need in self.needs if need not in known]
        if unknown_needs:
            raise ValueError(f"needs: unknown {', '.join(unknown_needs)}; known: {', '.join(known)}")
        return self


#: Where a template comes from: this repository's ``templates/``; a version saved by staff in the
#: app (its store version is ``Template.number``); a library folder given on the command line.
#: Which of them run in-process is the caller's decision (``app.trust``), not the template's.
Origin = Literal["shipped", "organization", "folder"]
SHIPPED: Origin = "shipped"
ORGANIZATION: Origin = "organization"
FOLDER: Origin = "folder"


class Template:
    """One template: its metadata and one Jinja source per language, and its ``origin``."""

    def __init__(
        self, template_id: str, files: Mapping[str, str], *, origin: Origin = SHIPPED, number: int | None = None
    ):
        self.id = template_id
        self.origin, self.number = origin, number
        self.files = dict(sorted(files.items()))
        try:
            self.meta = TemplateMeta.model_validate(
                read_data(self.files.get(META_FILE, ""), "yaml", source=file_of(template_id, META_FILE).file) or {}
            )
        except ValidationError as error:
            raise PressdraftError(problems_from(error, file_of(template_id, META_FILE))) from None
        self.sources = {lang: self.files[source_file(lang)] for lang in LANGUAGES if source_file(lang) in self.files}

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha256()
        for name, text in self.files.items():
            digest.update(name.encode() + b"\0" + text.encode() + b"\0")
        return digest.hexdigest()[:16]

    @cached_property
    def fields_model(self) -> type[BaseModel]:
        """The pydantic model that types a draft's ``fields`` for this template."""
        definitions: dict[str, Any] = {
            spec.name: (spec.annotation(), Field(default=spec.default())) for spec in self.meta.fields
        }
        return create_model(  # type: ignore[call-overload, no-any-return]
            f"Fields_{self.id.replace('-', '_')}",
            __config__=ConfigDict(extra="forbid", frozen=True),
            **definitions,
        )

    def under_current_names(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """A version-1 draft's fields under the names this template gives them now (``FieldSpec.formerly``);
        a field already under its new name keeps it."""
        renamed = {spec.formerly: spec.name for spec in self.meta.fields if spec.formerly}
        return {
            (new if (new := renamed.get(name)) and new not in fields else name): value for name, value in fields.items()
        }

    def field(self, name: str) -> FieldSpec:
        return next(spec for spec in self.meta.fields if spec.name == name)

    def localized_texts(
        self, fields: Mapping[str, Any], draft_source: str = ""
    ) -> Iterator[tuple[FieldPath, Any, str]]:
        """Each localized text of a draft's ``fields`` (plain data or typed), field by field in this
        template's order: its path, its texts by language, its source language (its own, as a
        quote's, or the draft's)."""
        for spec in self.meta.fields:
            value = fields.get(spec.name)
            for at, texts, source in spec.field_type.localized_texts(value) if value is not None else ():
                yield ("fields", spec.name, *at), texts, str(source or draft_source)

    def sample_draft(self) -> Draft:
        return Draft(
            format=2,
            template=self.id,
            languages=list(LANGUAGES),
            source_language="tr",
            release=self.meta.sample_release,
            fields={f.name: f.sample for f in self.meta.fields if f.sample is not None},
        )


def template_files(folder: Path) -> dict[str, str]:
    """The files of a template folder: ``meta.yaml`` and the ``<lang>.md.j2`` sources."""
    return {
        path.name: path.read_text("utf-8")
        for path in sorted(folder.iterdir())
        if path.name == META_FILE or path.name.endswith(".md.j2")
    }


def read_template_folder(folder: Path, origin: Origin = SHIPPED) -> Template:
    return Template(folder.name, template_files(folder), origin=origin)


class Library:
    """The templates an installation can render, by id. Ids come from folder names only.

    A library read from a folder reads a template's files when that template is first asked for
    (``get``): a render needs one of them, and each costs its metadata's YAML and validation. Listing
    the templates (``ids``, ``in``, iterating) or their ``broken`` ones reads them all."""

    def __init__(
        self,
        templates: Mapping[str, Template],
        broken: Mapping[str, PressdraftError],
        unread: Mapping[str, Callable[[], Template]] | None = None,
    ):
        self._templates = dict(templates)
        self._broken = dict(broken)
        self._unread = dict(unread or {})
        self._order = [*self._templates, *self._broken, *self._unread]
        self._reading = threading.Lock()

    @classmethod
    def from_folder(cls, root: Path, origin: Origin = SHIPPED) -> Library:
        if not root.is_dir():
            raise PressdraftError(Problem(Location(file=str(root)), "not a folder of templates"))
        folders = sorted(p for p in root.iterdir() if (p / META_FILE).is_file())
        return cls({}, {}, {folder.name: partial(read_template_folder, folder, origin) for folder in folders})

    def _read(self, template_id: str | None = None) -> None:
        """Read the template ``template_id`` (by default every one) if it is not read yet, keeping the
        library's order; under a lock, so that no thread finds a template another is still reading."""
        with self._reading:
            ids = [i for i in self._unread if template_id in (None, i)]
            for each in ids:
                try:
                    self._templates[each] = self._unread.pop(each)()
                except PressdraftError as error:
                    self._broken[each] = error
            if ids:
                self._templates = {i: self._templates[i] for i in self._order if i in self._templates}

    @property
    def broken(self) -> dict[str, PressdraftError]:
        self._read()
        return self._broken

    def with_overrides(self, overrides: Mapping[str, Template]) -> Library:
        """This library with some templates replaced or added (the organization's own)."""
        broken = {k: v for k, v in self.broken.items() if k not in overrides}
        return Library({**self._templates, **overrides}, broken)

    def __contains__(self, template_id: object) -> bool:
        self._read()
        return template_id in self._templates

    def __iter__(self) -> Iterator[Template]:
        self._read()
        return iter(self._templates.values())

    def ids(self) -> list[str]:
        self._read()
        return list(self._templates)

    def get(self, template_id: str) -> Template:
        self._read(template_id)
        if template_id in self._templates:
            return self._templates[template_id]
        if template_id in self.broken:
            raise PressdraftError(
                Problem(
                    TEMPLATE_KEY, "template {id!r} has errors; run 'pressdraft templates check'", {"id": template_id}
                )
            )
        raise PressdraftError(unknown(TEMPLATE_KEY, "template", template_id, self.ids()))


def default_templates_folder() -> Path:
    """The shipped library, ``templates/`` at the top of the project."""
    return Path(__file__).resolve().parents[3] / "templates"


__all__ = ["FieldSpec", "Key", "Library", "Template", "TemplateMeta", "default_templates_folder"]


def template_problem(template: Template, lang: str, error: Exception) -> Problem:
    """A template failure as a problem that points at the file and, when known, the line."""
    at = file_of(template.id, source_file(lang), getattr(error, "lineno", None))
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return Problem(at, "{message}", {"message": message})
