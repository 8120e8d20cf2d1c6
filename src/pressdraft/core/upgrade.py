"""A version-1 draft rewritten in version 2 of the format (``pressdraft upgrade-draft``), saying the same.

The draft is taken as read and validated (its fields already under the names the template gives them now,
``FieldSpec.formerly``). What the event says moves to ``event``: each field the template declares with
``event:`` (a date, a city, a venue) gives the event that key and is left out, since the template reads it
from the event. Quotes stay in their fields: the template reads them. A version-1 template wrote its own tense
(a signing reported, an advisory announced), so an event dated after the release may need ``as_reported``
to say what version 1 said (``Engine.upgrade`` keeps the one that renders the same text).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from pressdraft import N_
from pressdraft.core.library import Template
from pressdraft.core.model import ANNOUNCEMENT, REPORT, Draft, Event, plain_value
from pressdraft.core.problems import Location, Problem

KEPT_REPORTING = N_(
    "kept as version 1 printed it (a report) although the event is dated after the release; "
    "if the release announces the event, remove event.status"
)


def upgraded(draft: Draft, template: Template) -> Draft:
    """``draft`` (format 1, validated for ``template``) in format 2."""
    fields = dict(draft.fields)
    event: dict[str, Any] = {}
    for spec in template.meta.fields:
        if spec.event is None or spec.name not in fields:
            continue
        value = plain_value(fields[spec.name])
        if spec.event in event:
            if event[spec.event] == value:
                del fields[spec.name]  # says what the event says
            continue
        if _fits(spec.event, value):
            event[spec.event] = value
            del fields[spec.name]
    update = {"format": 2, "fields": fields, "event": Event.model_validate(event) if event else None}
    return draft.model_copy(update=update)


def as_reported(draft: Draft) -> tuple[Draft, Problem] | None:
    """``draft`` (format 2) kept a report although its event is dated after the release, and the warning that
    says so; ``None`` when its event is not announced by its date."""
    event = draft.event
    if event is None or event.status or event.status_on(draft.release.date) != ANNOUNCEMENT:
        return None
    reported = draft.model_copy(update={"event": event.model_copy(update={"status": REPORT})})
    return reported, Problem(Location(field=("event", "status")), KEPT_REPORTING, severity="warning")


def _fits(key: str, value: Any) -> bool:
    """Whether a field's value can be the event's ``key`` (a template's venue may be free text, too long
    for a place): a value that cannot stays in its field."""
    try:
        Event.model_validate({key: value})
    except ValidationError:
        return False
    return True
