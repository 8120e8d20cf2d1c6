"""A draft read in full: its envelope parsed, then its fields typed for its template and its body typed.

Both at once, so a file with mistakes in both hears of all of them. A template field another part
of the draft can say (``FieldSpec.event``: a date or a city the event gives; ``covered_by``: a body
block that says it) is required only when that part does not say it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pressdraft import N_
from pressdraft.core.body import Block, blocks_of, type_body
from pressdraft.core.library import FieldSpec, Template
from pressdraft.core.model import Draft, type_fields
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.pipeline.inline_text import list_line_problems

#: A conditional field left out with nothing else saying it: by whether a body block may say it.
REQUIRED_UNLESS = {
    False: N_("required (or give {event})"),
    True: N_("required (or add a {block} block to the body)"),
}


def validate_draft(draft: Draft, template: Template) -> Draft:
    """``draft`` (its envelope parsed) with its fields typed for ``template`` and its body typed."""
    problems: list[Problem] = []
    fields: dict[str, Any] | None = None
    body: list[Block] | None = None
    if draft.format == 1:
        draft = draft.model_copy(update={"fields": template.under_current_names(draft.fields)})
    try:
        fields = type_fields(draft.fields, template.fields_model)
    except PressdraftError as error:
        problems.extend(error.problems)
    try:
        body = type_body(draft.body)
    except PressdraftError as error:
        problems.extend(error.problems)
    if fields is not None and body is not None:
        problems += [
            Problem(Location(field=("fields", spec.name)), REQUIRED_UNLESS[spec.covered_by is not None], hint)
            for spec, hint in _unsaid(draft, template, fields, body)
        ]
        if draft.format >= 2:
            types = {spec.name: spec.field_type for spec in template.meta.fields}
            problems += list_line_problems(fields, types, body)
    if problems:
        raise PressdraftError(problems)
    return draft.model_copy(update={"fields": fields, "body": body})


def _unsaid(
    draft: Draft, template: Template, fields: Mapping[str, Any], body: list[Block]
) -> Iterator[tuple[FieldSpec, dict[str, str]]]:
    for spec in template.meta.fields:
        if not spec.conditional or spec.name in fields:
            continue
        if spec.event and draft.event is not None and getattr(draft.event, spec.event) is not None:
            continue
        if spec.covered_by and blocks_of(body, spec.covered_by):
            continue
        yield spec, {"event": f"event.{spec.event}" if spec.event else "", "block": spec.covered_by or ""}
