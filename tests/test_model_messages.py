"""Every error the models can raise reads as a message for people, never as pydantic's (issue 12, item 5).

The kinds of error each kind of schema node raises are pydantic-core's ("Validation Errors",
docs.pydantic.dev/latest/errors/validation_errors/); the test walks the schemas of every model a
draft, a directory or a template's ``meta.yaml`` is read with, so a new model, field or constraint
whose errors have no message fails here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import TypeAdapter

from pressdraft.core.body import BLOCK_TYPES, type_body
from pressdraft.core.directory import Directory, parse_directory
from pressdraft.core.library import TemplateMeta
from pressdraft.core.model import _MESSAGES, _PATTERNS, FIELD_TYPES, Draft, parse_draft
from pressdraft.core.problems import PressdraftError

#: pydantic-core: the errors a node of each type raises on input read from YAML or JSON (lax mode).
NODE_ERRORS: dict[str, set[str]] = {
    "model": {"model_type", "model_attributes_type"},
    "model-fields": {"missing", "extra_forbidden", "model_attributes_type"},
    "str": {"string_type", "string_unicode"},
    "int": {"int_type", "int_parsing", "int_parsing_size", "int_from_float", "finite_number"},
    "bool": {"bool_type", "bool_parsing"},
    "date": {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"},
    "datetime": {"datetime_type", "datetime_parsing", "datetime_from_date_parsing", "datetime_object_invalid"},
    "list": {"list_type"},
    "dict": {"dict_type"},
    "literal": {"literal_error"},
    "tagged-union": {"union_tag_invalid", "union_tag_not_found"},
    "function-after": {"value_error"},
    "function-before": {"value_error"},
    "function-wrap": {"value_error"},
}
#: Nodes that raise nothing of their own (they wrap other nodes).
QUIET = {
    "no-info",
    "model-field",
    "default",
    "nullable",
    "definitions",
    "definition-ref",
    "union",
    "chain",
    "any",
}
#: Constraints and the errors they add.
CONSTRAINT_ERRORS = {
    ("str", "pattern"): "string_pattern_mismatch",
    ("str", "min_length"): "string_too_short",
    ("str", "max_length"): "string_too_long",
    ("int", "ge"): "greater_than_equal",
    ("int", "le"): "less_than_equal",
    ("list", "min_length"): "too_short",
    ("list", "max_length"): "too_long",
    ("datetime", "tz_constraint"): "timezone_aware",
}
#: Raised with our own words: a validator's ``ValueError`` text, the reference and text-gate errors.
OWN_WORDS = {"value_error", "reference", "text_too_long"}


def _schemas() -> Iterator[Any]:
    for model in (Draft, Directory, TemplateMeta):
        yield model.__pydantic_core_schema__
    for kind in [*FIELD_TYPES.values(), *BLOCK_TYPES.values()]:
        yield TypeAdapter(kind.annotation).core_schema


def _error_kinds(schema: Any, kinds: set[str], unknown: set[str]) -> None:
    if isinstance(schema, dict):
        node = schema.get("type")
        if isinstance(node, str):
            if node in NODE_ERRORS:
                kinds |= NODE_ERRORS[node]
            elif node not in QUIET:
                unknown.add(node)
            kinds |= {error for (of, key), error in CONSTRAINT_ERRORS.items() if of == node and key in schema}
            if node == "tagged-union" and "custom_error_type" in schema:
                kinds.add(schema["custom_error_type"])
        for value in schema.values():
            _error_kinds(value, kinds, unknown)
    elif isinstance(schema, list):
        for value in schema:
            _error_kinds(value, kinds, unknown)


def test_every_kind_of_error_the_models_can_raise_has_a_message() -> None:
    kinds: set[str] = set()
    unknown: set[str] = set()
    for schema in _schemas():
        _error_kinds(schema, kinds, unknown)
    assert unknown == set(), "a new kind of schema node: add the errors it raises to NODE_ERRORS"
    assert {"date_from_datetime_inexact", "string_pattern_mismatch", "model_type"} <= kinds
    assert sorted(kinds - OWN_WORDS - set(_MESSAGES)) == []


def test_every_pattern_of_a_draft_says_which_form_it_wants() -> None:
    patterns: set[str] = set()

    def collect(schema: Any) -> None:
        if isinstance(schema, dict):
            if schema.get("type") == "str" and "pattern" in schema:
                patterns.add(schema["pattern"])
            for value in schema.values():
                collect(value)
        elif isinstance(schema, list):
            for value in schema:
                collect(value)

    collect(Draft.__pydantic_core_schema__)
    for kind in [*FIELD_TYPES.values(), *BLOCK_TYPES.values()]:
        collect(TypeAdapter(kind.annotation).core_schema)
    assert patterns <= set(_PATTERNS)


BASE = {
    "format": 2,
    "template": "joint-meeting",
    "languages": ["tr", "az", "en"],
    "source_language": "tr",
    "release": {"date": "2025-01-02", "city": "ankara", "issuer": "tr-communications"},
    "fields": {},
}
#: pydantic's own wording, which must never reach a person.
PYDANTIC_WORDS = ("Input should", "input should", "Value error", "should have zero time", "e.g. be exact", "type=")


def _told(data: dict[str, Any]) -> list[str]:
    try:
        draft = parse_draft(data)
        type_body(draft.body)
    except PressdraftError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("release", "date", "2025-01-02T10:00:00"), "release.date: must be a date without a time of day (YYYY-MM-DD)"),
        (("release", "date", "tomorrow"), "release.date: must be a date (YYYY-MM-DD)"),
        (("release", "embargo", "soon"), "release.embargo: must be a date and time with its time zone"),
        (("release", "embargo", "2025-01-02T10:00:00"), "release.embargo: must give its time zone"),
        (("release", "number", "2024 17"), "release.number: must be a release number such as 241 or 2024/17, or auto"),
        (("event", None, {"time": "25:00"}), "event.time: must be a time of day as HH:MM, such as 09:30, or 'tba'"),
        (("event", None, {"status": "done"}), "event.status: must be one of: 'report' or 'announcement'"),
        (("event", None, "tomorrow"), "event: must be a mapping of keys (key: value)"),
        (
            ("event", None, {"part_of": "x"}),
            "event.part_of: must be a text in each language: {tr: ..., az: ..., en: ...",
        ),
        (("event", None, {"date": "2025-01-03", "end_date": "2025-01-02"}), "event: end_date must come after date"),
        (("directory", None, [""]), "directory[0]: must not be empty"),
        (("release", None, []), "release: must be a mapping of keys (key: value)"),
        (
            ("body", None, [{"quote": {"speaker": "x", "text": "a", "source_language": "tr"}}]),
            "body[0].quote.text: must be a text in each language",
        ),
        (
            ("body", None, [{"agenda": [{"time": "9:00", "item": {"tr": "a"}}]}]),
            "body[0].agenda[0].time: must be a time of day as HH:MM, such as 09:30",
        ),
        (
            ("body", None, [{"quote": {"speaker": "x", "text": {"tr": "a"}, "source_language": "tr", "verb": "yell"}}]),
            "body[0].quote.verb: must be one of: 'say', 'add'",
        ),
    ],
)
def test_bad_values_are_told_in_words_for_people(change: tuple[str, str | None, Any], expected: str) -> None:
    data = copy.deepcopy(BASE)
    key, inner, value = change
    if inner is None:
        data[key] = value
    else:
        data[key][inner] = value
    told = _told(data)
    assert any(line.startswith(expected) for line in told), told
    assert not [line for line in told if any(words in line for words in PYDANTIC_WORDS)]


def test_a_directory_and_a_template_meta_are_told_in_words_for_people_too() -> None:
    with pytest.raises(PressdraftError) as error:
        parse_directory({"people": {"x": {"name": "Ali", "gender": "x"}}, "places": {"Bad Key": {"tr": "a"}}})
    told = [str(problem) for problem in error.value.problems]
    # a key of the file is kept in the path; the labels pydantic adds (``[key]``, a union's members) are not
    assert "directory.places.Bad Key: must be a key of lower-case letters, digits and hyphens" in told
    assert "directory.people.x.gender: must be one of: 'f' or 'm'" in told
    assert told and not [line for line in told if any(words in line for words in PYDANTIC_WORDS)]
