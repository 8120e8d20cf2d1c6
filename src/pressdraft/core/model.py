"""The draft interchange format, versions 1 and 2 (docs/draft-format.md), as pydantic models.

A draft is read in steps: the envelope (format, template, languages, release, event) is the
same for every template; ``fields`` is then checked against the field list of the template
the draft names (``validate_fields``), because each template declares its own fields, and
``body`` against the block types (``core/body.py``), which need nothing of the template.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from pressdraft import LANGUAGES, N_
from pressdraft.core.fields import ROWS, FieldType, TextAt, View, Views, registry
from pressdraft.core.problems import NOWHERE, FieldPath, Location, PressdraftError, Problem, unknown
from pressdraft.safety.limits import CHECK_NUMBER
from pressdraft.safety.text import TOO_LONG, clean_text, length_bound

FORMAT_VERSION = 2
#: Keys a version-1 file may not hold: they mean nothing there, so a file that has them says format 2.
VERSION_2_KEYS = ("directory", "event", "body")
# A ``number`` field's range: every language spells it, and it stays exact in any JSON reader (< 2**53).
NUMBER_LIMIT = 999_999_999_999_999

Lang = Literal["tr", "az", "en"]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
#: A time of day as people write it in a programme: ``09:30``, ``17:00``.
Clock = Annotated[str, StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
#: A release number as the issuer writes it (``2024/17``, ``241``, ``SC-20``), or ``auto``.
ReleaseNumber = Annotated[
    str,
    BeforeValidator(lambda value: str(value) if isinstance(value, int) and not isinstance(value, bool) else value),
    StringConstraints(pattern=r"^(?:auto|[0-9A-Za-z](?:[0-9A-Za-z/.-]{0,38}[0-9A-Za-z])?)$"),
]
AUTO_NUMBER = "auto"
#: The kinds of body block (format 2), typed in ``core/body.py``; named here for the template library.
BLOCK_KINDS = ("paragraph", "subheading", "quote", "paraphrase", "list", "documents", "agenda", "photo", "statement")


def _text(kind: str) -> Any:
    """A string through the text gate (``safety/text.py``), then refused beyond its bound."""
    return Annotated[str, AfterValidator(clean_text), AfterValidator(length_bound(kind))]


Text = _text("line")
Paragraphs = _text("paragraphs")
ItemText = _text("item")
NameText = _text("name")


class Strict(BaseModel):
    """Unknown keys are errors; models are values (frozen)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(Strict):
    """One text in up to three languages; a missing language is a gap, not an error."""

    tr: Paragraphs | None = None
    az: Paragraphs | None = None
    en: Paragraphs | None = None

    def get(self, lang: str) -> str | None:
        value = getattr(self, lang)
        return value if value and value.strip() else None


class LocalizedLine(LocalizedText):
    """A one-line text in each language (a ``text`` field)."""

    tr: Text | None = None
    az: Text | None = None
    en: Text | None = None


class LocalizedItem(LocalizedText):
    """One item of a list in each language (a ``text_list`` row)."""

    tr: ItemText | None = None
    az: ItemText | None = None
    en: ItemText | None = None


class LocalizedName(LocalizedText):
    """A name or a title in each language (people, organizations, places, contacts)."""

    tr: NameText | None = None
    az: NameText | None = None
    en: NameText | None = None


def _ref_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "~key"
    if isinstance(value, Mapping | BaseModel):
        return "~inline"
    return None


def ref(inline: type[BaseModel], what: str) -> Any:
    """A value that is a directory key or an inline entry (``istanbul`` or ``{tr: ..., ...}``).

    Union tags start with ``~`` so that error paths can leave them out.
    """
    return Annotated[
        Union[Annotated[Key, Tag("~key")], Annotated[inline, Tag("~inline")]],  # noqa: UP007
        Discriminator(
            _ref_tag,
            custom_error_type="reference",
            custom_error_message=f"expected a directory key or an inline {what}",
        ),
    ]


class InlinePerson(Strict):
    name: LocalizedName
    title: LocalizedName = LocalizedName()
    gender: Literal["f", "m"] | None = None
    short: LocalizedName | None = None


class InlineContact(Strict):
    label: LocalizedName
    organization: Key | None = None
    person: Key | None = None
    email: Text | None = None
    phone: Text | None = None


PlaceRef = ref(LocalizedName, "place {tr: ..., az: ..., en: ...}")
PersonRef = ref(InlinePerson, "person {name: ..., title: ...}")
ContactRef = ref(InlineContact, "contact {label: ..., email: ..., phone: ...}")


class Quote(Strict):
    speaker: PersonRef
    text: LocalizedText
    source_language: Lang


class Release(Strict):
    """What every release has, whatever its template."""

    date: dt.date
    city: PlaceRef
    issuer: Key
    embargo: AwareDatetime | None = None
    contacts: list[ContactRef] = Field(default_factory=list)
    number: ReleaseNumber | None = None


REPORT, ANNOUNCEMENT = "report", "announcement"


class Event(Strict):
    """What happened or will happen (format 2): read by every template and every body block."""

    date: dt.date | None = None
    end_date: dt.date | None = None
    time: Annotated[Clock | Literal["tba"], Field(union_mode="left_to_right")] | None = None
    city: PlaceRef | None = None
    venue: PlaceRef | None = None
    part_of: LocalizedLine | None = None
    status: Literal["report", "announcement"] | None = None

    @model_validator(mode="after")
    def _range(self) -> Event:
        if self.end_date is not None and self.date is None:
            raise ValueError("end_date needs the first day in date")
        if self.end_date is not None and self.date is not None and self.end_date <= self.date:
            raise ValueError("end_date must come after date (one-day events give date only)")
        return self

    def status_on(self, release_date: dt.date) -> str:
        """``report`` or ``announcement``: as given, else an event after the release date is announced."""
        if self.status:
            return self.status
        return ANNOUNCEMENT if self.date is not None and self.date > release_date else REPORT


DirectoryPath = Annotated[str, StringConstraints(min_length=1, max_length=400)]


class Draft(Strict):
    """A press release in the making. ``fields`` holds typed values once validated."""

    format: int
    template: Key
    languages: list[Lang] = Field(min_length=1, max_length=3)
    source_language: Lang
    directory: list[DirectoryPath] = Field(default_factory=list, max_length=10)
    release: Release
    event: Event | None = None
    fields: dict[str, Any]
    body: list[Any] = Field(default_factory=list)

    @field_validator("directory", mode="before")
    @classmethod
    def _one_or_more_paths(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> Draft:
        if self.format >= 2 and self.source_language not in self.languages:
            raise ValueError(
                f"source_language {self.source_language!r} is not one of the languages "
                f"({', '.join(self.languages)}): add it to languages or choose one of them"
            )
        if self.format < 2:
            used = [key for key in VERSION_2_KEYS if getattr(self, key)]
            if self.release.number is not None:
                used.append("release.number")
            if used:
                raise ValueError(
                    f"{', '.join(used)}: only in format 2; write format: 2 (pressdraft upgrade-draft FILE)"
                )
        return self

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        if value > FORMAT_VERSION:
            raise ValueError(
                f"format {value} is newer than this pressdraft reads ({FORMAT_VERSION}); update pressdraft"
            )
        if value < 1:
            raise ValueError(f"format must be 1 or {FORMAT_VERSION}")
        return value

    @field_validator("languages")
    @classmethod
    def _distinct_languages(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each language may appear once")
        return value


# --- field types: one object each (``core/fields.py``), read by validation, the views, the checks,
# the editing, the form and the docs. Here, beside the models they are made of. ----------------


def _each(view: View) -> View:
    """A list's view: ``view`` of each row, at the row's own path."""
    return lambda views, rows, at: [view(views, row, at.child(index)) for index, row in enumerate(rows)]


def _text_view(views: Views, value: Any, at: Location) -> Any:
    return views.text(value, at)


def _person_view(views: Views, value: Any, at: Location) -> Any:
    return views.person(value, at)


FIELD_TYPES = registry(
    FieldType(
        "text",
        LocalizedLine,
        "one line of text in each language",
        view=_text_view,
        texts=(TextAt((), "line"),),
        filler=lambda stock: stock.text,
    ),
    FieldType(
        "paragraphs",
        LocalizedText,
        "text in each language; a blank line starts a new paragraph",
        view=lambda views, value, at: views.paragraphs(value, at),
        texts=(TextAt((), "paragraphs"),),
        filler=lambda stock: stock.text,
    ),
    FieldType(
        "text_list",
        list[LocalizedItem],
        "a list of texts in each language",
        view=_each(_text_view),
        texts=(TextAt((ROWS,), "item"),),
        empty_row=lambda source_language: {},
        filler=lambda stock: [stock.text],
    ),
    FieldType("date", dt.date, "a date (YYYY-MM-DD)", filler=lambda stock: stock.date),
    FieldType(
        "number",
        Annotated[int, Field(strict=True, ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)],
        "a whole number",
        filler=lambda stock: 1,
        longest=lambda value: CHECK_NUMBER,
    ),
    FieldType(
        "place",
        PlaceRef,
        "a place: a directory key or an inline localized name",
        view=lambda views, value, at: views.place(value, at),
        filler=lambda stock: stock.place,
    ),
    FieldType(
        "person",
        PersonRef,
        "a person: a directory key or an inline name and title",
        view=_person_view,
        filler=lambda stock: stock.person,
    ),
    FieldType(
        "people",
        list[PersonRef],
        "a list of people",
        view=_each(_person_view),
        filler=lambda stock: [stock.person] if stock.person else None,
    ),
    FieldType(
        "quotes",
        list[Quote],
        "quotes, each with a speaker, a text and its source language",
        view=lambda views, value, at: views.quotes(value, at),
        texts=(TextAt((ROWS, "text"), "paragraphs", source="source_language"),),
        empty_row=lambda source_language: {"source_language": source_language, "text": {}},
        filler=lambda stock: (
            [{"speaker": stock.person, "text": stock.text, "source_language": "tr"}] if stock.person else None
        ),
    ),
    FieldType(
        "choice",
        str,
        "one of the values the template lists",
        filler=lambda stock: stock.choices[0] if stock.choices else None,
        choices=True,
    ),
)


#: Each kind of pydantic error the models raise, as a message that says what to write (the field is told
#: before it). ``tests/test_model_messages.py`` derives every kind the models can raise and checks each is here.
_MESSAGES = {
    "missing": N_("required"),
    "extra_forbidden": N_("unknown key"),
    "model_type": N_("must be a mapping of keys (key: value)"),
    "model_attributes_type": N_("must be a mapping of keys (key: value)"),
    "dict_type": N_("must be a mapping of keys (key: value)"),
    "string_type": N_("must be text"),
    "string_unicode": N_("must be text"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("is too long: at most {max_length} characters"),
    "string_pattern_mismatch": N_("does not have the expected form ({pattern})"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_parsing_size": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "finite_number": N_("must be a finite number"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "date_from_datetime_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": N_("must be a date without a time of day (YYYY-MM-DD)"),
    "date_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_type": N_("must be a date (YYYY-MM-DD)"),
    "datetime_type": N_("must be a date and time with its time zone, e.g. 2021-10-23T18:00:00+03:00"),
    "datetime_parsing": N_("must be a date and time with its time zone, e.g. 2021-10-23T18:00:00+03:00"),
    "datetime_from_date_parsing": N_("must be a date and time with its time zone, e.g. 2021-10-23T18:00:00+03:00"),
    "datetime_object_invalid": N_("must be a date and time with its time zone, e.g. 2021-10-23T18:00:00+03:00"),
    "timezone_aware": N_("must give its time zone, e.g. 2021-10-23T18:00:00+03:00"),
    "list_type": N_("must be a list"),
    "literal_error": N_("must be one of: {expected}"),
    "too_short": N_("must not be empty"),
    "too_long": N_("has too many items: at most {max_length}"),
    "union_tag_invalid": N_("must be one of: {expected_tags}"),
    "union_tag_not_found": N_("must say which kind it is: {discriminator}"),
    "text_too_long": TOO_LONG,
}
#: Text with a form of its own: the message says which form (other patterns: the generic one above).
_PATTERNS = {
    Key.__metadata__[0].pattern: N_("must be a key of lower-case letters, digits and hyphens"),
    Clock.__metadata__[0].pattern: N_("must be a time of day as HH:MM, such as 09:30"),
    ReleaseNumber.__metadata__[1].pattern: N_("must be a release number such as 241 or 2024/17, or auto"),
}
#: A form or a word (``event.time``: ``09:30`` or ``tba``): both said at once.
_PATTERNS_OR_WORDS = {Clock.__metadata__[0].pattern: N_("must be a time of day as HH:MM, such as 09:30, or {expected}")}
#: A text in each language given as something else: the message shows the form.
LOCALIZED = N_("must be a text in each language: {{tr: ..., az: ..., en: ...}}")


def _location(error: Any) -> tuple[str | int, ...]:
    """Where an error is in the data: without the labels pydantic adds that are no keys of the file (a
    union member's: our ``~key``, its own ``constrained-str``, ``literal['tba']``; a dict key's ``[key]``)."""
    return tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or not (part.startswith(("~", "constrained-")) or "[" in part)
    )


def _error_problem(error: Any, at: Location, alternatives: tuple[Any, ...] = ()) -> Problem:
    """One pydantic error as a problem; every kind the models raise gets a message the app can translate.

    ``alternatives``: the other members' errors when the value is a union (a time or ``tba``). A
    validator's own ``ValueError`` text is clear already and is told as it is, without pydantic's prefix."""
    loc = _location(error)
    ctx = error.get("ctx") or {}
    kind = error["type"]
    template = _MESSAGES.get(kind)
    pattern = ctx.get("pattern")
    if kind == "string_pattern_mismatch" and pattern in _PATTERNS:
        words = [alt["ctx"]["expected"] for alt in alternatives if alt["type"] == "literal_error"]
        if words and pattern in _PATTERNS_OR_WORDS:
            return Problem(at.child(*loc), _PATTERNS_OR_WORDS[pattern], {"expected": words[0]})
        template = _PATTERNS[pattern]
    elif kind in ("model_type", "model_attributes_type") and str(ctx.get("class_name", "")).startswith("Localized"):
        template = LOCALIZED
    if template is None:
        message = error["msg"].removeprefix("Value error, ")
        return Problem(at.child(*loc), "{message}", {"message": message[:1].lower() + message[1:]})
    params = {key: str(value) for key, value in ctx.items() if "{" + key in template and str(value)}
    return Problem(at.child(*loc), template, params)


def problems_from(error: ValidationError, at: Location = NOWHERE) -> list[Problem]:
    """Pydantic's errors as problems that name the path in the file, below ``at``; the errors of a
    union's members at one place are one problem."""
    by_place: dict[tuple[str | int, ...], list[Any]] = {}
    for item in error.errors():
        by_place.setdefault(_location(item), []).append(item)
    return [_error_problem(errors[0], at, tuple(errors[1:])) for errors in by_place.values()]


def parse_draft(data: Any) -> Draft:
    """Check the envelope of a draft read from a file; ``fields`` stays raw until validated."""
    if not isinstance(data, Mapping):
        raise PressdraftError(Problem(NOWHERE, "a draft must be a mapping of keys (format, template, ...)"))
    too_big = size_problems({key: value for key, value in data.items() if key != "fields"})
    if too_big:
        raise PressdraftError(too_big)
    try:
        return Draft.model_validate(data)
    except ValidationError as error:
        raise PressdraftError(problems_from(error)) from None


def suggestion(key: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest known key, or nothing (for English-only texts)."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# --- size limits: one place, stated and justified in docs/draft-format.md ("Limits") ---------
# Checked on the plain data before anything is typed, rendered or stored, so a draft beyond
# them costs one linear walk: import, the command line, the form and the store all refuse it.

#: Rows of one list: a ``text_list``, ``people``, ``quotes``, the release's contacts.
MAX_ROWS = 200
#: Paragraphs of one text in one language (a ``paragraphs`` field, a quote).
MAX_PARAGRAPHS = 100
#: Paragraphs of a whole draft's texts (a list row is one), every language counted.
MAX_DRAFT_PARAGRAPHS = 1_200
#: Characters of text in a whole draft's fields, every language counted.
MAX_DRAFT_CHARACTERS = 150_000

TOO_MANY_ROWS = N_("{count} rows; at most {limit} are allowed — split the release or shorten the list")
TOO_MANY_PARAGRAPHS = N_("{count} paragraphs; at most {limit} are allowed — split the release or shorten the text")
DRAFT_TOO_MANY_PARAGRAPHS = N_("{count} paragraphs in all languages; at most {limit} are allowed — split the release")
DRAFT_TOO_LONG = N_("{count} characters of text in all languages; at most {limit} are allowed — split the release")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|[\f\u2029]")


def too_many_rows(path: FieldPath, count: int) -> Problem:
    return Problem(Location(field=path), TOO_MANY_ROWS, {"count": str(count), "limit": str(MAX_ROWS)})


def size_problems(data: Any, *prefix: str | int) -> list[Problem]:
    """Where plain draft data (``fields``, or the envelope without them) is beyond the limits.

    One breadth-first walk without recursion, linear in the data, whatever its shape or depth."""
    problems: list[Problem] = []
    characters = paragraphs = 0
    queue: deque[tuple[tuple[str | int, ...], Any]] = deque([(prefix, data)])
    while queue:
        path, value = queue.popleft()
        if isinstance(value, str):
            characters += len(value)
            lang = path[-1] if path and path[-1] in LANGUAGES else None
            if lang is None:
                continue  # a key, an e-mail address: not a text of the release
            count = sum(1 for piece in _PARAGRAPH_BREAK.split(value) if piece.strip())
            paragraphs += count
            if count > MAX_PARAGRAPHS:
                params = {"count": str(count), "limit": str(MAX_PARAGRAPHS)}
                problems.append(Problem(Location(field=path[:-1], lang=str(lang)), TOO_MANY_PARAGRAPHS, params))
        elif isinstance(value, list):
            if len(value) > MAX_ROWS:
                problems.append(too_many_rows(path, len(value)))
            queue.extend(((*path, index), item) for index, item in enumerate(value))
        elif isinstance(value, Mapping):
            queue.extend(((*path, str(key)), item) for key, item in value.items())
    where = Location(field=prefix)
    if paragraphs > MAX_DRAFT_PARAGRAPHS:
        params = {"count": str(paragraphs), "limit": str(MAX_DRAFT_PARAGRAPHS)}
        problems.append(Problem(where, DRAFT_TOO_MANY_PARAGRAPHS, params))
    if characters > MAX_DRAFT_CHARACTERS:
        problems.append(Problem(where, DRAFT_TOO_LONG, {"count": str(characters), "limit": str(MAX_DRAFT_CHARACTERS)}))
    return problems


def type_fields(fields: Mapping[str, Any], fields_model: type[BaseModel]) -> dict[str, Any]:
    """Type a draft's ``fields`` with a template's field model; errors name ``fields.<name>``.

    Unknown fields and sizes beyond the limits are refused before any value is typed."""
    known = fields_model.model_fields
    problems = [unknown(Location(field=("fields", name)), "field", name, known) for name in fields if name not in known]
    problems += size_problems(fields, "fields")
    if problems:
        raise PressdraftError(problems)
    try:
        typed = fields_model.model_validate(fields)
    except ValidationError as error:
        raise PressdraftError(problems_from(error, Location(field=("fields",)))) from None
    return {name: getattr(typed, name) for name in known if getattr(typed, name) is not None}


def draft_to_data(draft: Draft, field_order: Iterable[str]) -> dict[str, Any]:
    """The canonical plain-data form of a validated draft (the file layout, keys in order).

    A version-1 draft keeps the version-1 layout, so its file round-trips byte for byte."""
    data = draft.model_dump(mode="json", exclude_none=True, exclude={"fields", "body", "event", "directory"})
    data["release"].setdefault("embargo", None)
    data["release"] = {k: data["release"][k] for k in Release.model_fields if k in data["release"]}
    out = {key: data[key] for key in ("format", "template", "languages", "source_language")}
    if draft.directory:
        out["directory"] = draft.directory[0] if len(draft.directory) == 1 else list(draft.directory)
    out["release"] = data["release"]
    if draft.event is not None:
        out["event"] = draft.event.model_dump(mode="json", exclude_none=True)
    out["fields"] = {name: plain_value(draft.fields[name]) for name in field_order if name in draft.fields}
    if draft.body:
        out["body"] = [plain_value(block) for block in draft.body]
    return out


def plain_value(value: Any) -> Any:
    """A typed value as plain data, the file's layout."""
    if hasattr(value, "plain"):  # a typed body block (``core/body.py``)
        return value.plain()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = [
    "ANNOUNCEMENT",
    "AUTO_NUMBER",
    "BLOCK_KINDS",
    "FIELD_TYPES",
    "REPORT",
    "Clock",
    "Event",
    "FORMAT_VERSION",
    "LANGUAGES",
    "MAX_DRAFT_CHARACTERS",
    "MAX_DRAFT_PARAGRAPHS",
    "MAX_PARAGRAPHS",
    "MAX_ROWS",
    "NUMBER_LIMIT",
    "ContactRef",
    "Draft",
    "InlineContact",
    "InlinePerson",
    "LocalizedItem",
    "LocalizedLine",
    "LocalizedName",
    "LocalizedText",
    "Paragraphs",
    "PersonRef",
    "PlaceRef",
    "Quote",
    "Release",
    "draft_to_data",
    "parse_draft",
    "problems_from",
    "size_problems",
    "too_many_rows",
    "type_fields",
]
