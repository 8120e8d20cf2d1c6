"""What ``pressdraft check`` says of a draft beyond its schema, its references and its gaps (docs/checks.md).

Each check looks at something a correct file can still get wrong: an event reported as done on a
date after the release, an announcement of the past, a venue the template's lead needs, a quoted
stranger without a title, a signatory named twice, a name whose case ending rests on a guessed
reading. They are warnings: the release renders, but a communications officer should look. A
release number left to the approval is an ``info`` line, never a failure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from pressdraft import N_
from pressdraft.core.body import Block, DocumentEntry, ParaphraseBlock, QuoteBlock
from pressdraft.core.library import Template
from pressdraft.core.model import ANNOUNCEMENT, AUTO_NUMBER, REPORT, Draft, InlinePerson
from pressdraft.core.problems import FieldPath, Location, Problem
from pressdraft.language.english import dateline_doubt, dateline_place
from pressdraft.language.names import Name, guessed_reading, inflect

SOURCE_NOT_A_LANGUAGE = N_(
    "the source language {source} is not one of the draft's languages ({languages}): "
    "add it to languages, or choose one of them"
)
REPORT_DATED_LATER = N_(
    "status report says the event has taken place, but its date {date} is after the release date {release_date}: "
    "write status: announcement, or correct the date"
)
ANNOUNCEMENT_DATED_EARLIER = N_(
    "status announcement says the event is still to come, but its date {date} is before the release date "
    "{release_date}: write status: report, or correct the date"
)
NEEDED_BY_TEMPLATE = N_("the lead of the template {template} says this of the event: give {need}")
NUMBER_AT_APPROVAL = N_("the release will get its number at approval")
SPEAKER_WITHOUT_TITLE = N_(
    "{name} is not in the directory and has no title, so the release cannot say who they are: "
    "give a title, or add the person to the directory"
)
SIGNATORY_TWICE = N_("{name} is already a signatory of this document: remove the second mention")
GUESSED_READING = N_(
    "{token} will be read letter by letter before a case ending ({example}); "
    "if it is read as a word, give its reading in the directory"
)

DATELINE_WITHOUT_COUNTRY = N_(
    "{city} is not an AP stand-alone dateline and its country is not known, so the English dateline prints "
    "the city alone ({dateline}): add the city and its country to language/data/ap.yaml"
)
NO_READING = N_("{token} cannot take a case ending: how it is read is unknown; give its reading in the directory")


def draft_problems(draft: Draft, template: Template, contexts: Mapping[str, Mapping[str, Any]]) -> list[Problem]:
    """Every warning (and info line) of the draft's own checks, in the order of the file;
    ``contexts``: the draft resolved in each of its languages (``pipeline/resolve.py``)."""
    return [
        *_language_problems(draft),
        *_release_number_problems(draft),
        *_event_problems(draft, template),
        *_body_problems(draft),
        *_reading_problems(draft, template, contexts),
        *_dateline_problems(contexts),
    ]


def _warning(path: FieldPath, template: str, params: dict[str, str], lang: str | None = None) -> Problem:
    return Problem(Location(field=path, lang=lang), template, params, severity="warning")


def _language_problems(draft: Draft) -> Iterator[Problem]:
    """Format 1 accepted a source language outside the languages (format 2 refuses it in the model)."""
    if draft.source_language not in draft.languages:
        params = {"source": draft.source_language, "languages": ", ".join(draft.languages)}
        yield _warning(("source_language",), SOURCE_NOT_A_LANGUAGE, params)


def _release_number_problems(draft: Draft) -> Iterator[Problem]:
    if draft.release.number == AUTO_NUMBER:
        yield Problem(Location(field=("release", "number")), NUMBER_AT_APPROVAL, severity="info")


def _event_problems(draft: Draft, template: Template) -> Iterator[Problem]:
    """The tense the draft asks for against its dates, and what the template's lead needs of the event."""
    event, release_date = draft.event, draft.release.date
    if event is not None and event.date is not None:
        params = {"date": event.date.isoformat(), "release_date": release_date.isoformat()}
        if event.status == REPORT and event.date > release_date:
            yield _warning(("event", "status"), REPORT_DATED_LATER, params)
        if event.status == ANNOUNCEMENT and event.date < release_date:
            yield _warning(("event", "status"), ANNOUNCEMENT_DATED_EARLIER, params)
    if draft.format < 2:
        return  # a version-1 draft has no event to give: its fields say what they say
    for need in template.meta.needs:
        key = need.removeprefix("event.")
        in_event = event is not None and getattr(event, key) is not None
        in_field = any(spec.event == key and spec.name in draft.fields for spec in template.meta.fields)
        if not in_event and not in_field:
            yield _warning(("event", key), NEEDED_BY_TEMPLATE, {"template": template.id, "need": need})


def _person_name(person: InlinePerson, draft: Draft) -> str:
    """An inline person's name as the drafter wrote it: in the source language, else the first given."""
    for lang in (draft.source_language, *draft.languages):
        if text := person.name.get(lang):
            return text
    return "?"


def _body_problems(draft: Draft) -> Iterator[Problem]:
    """Quoted or paraphrased strangers without a title; a document's signatory named twice."""
    for index, block in enumerate(draft.body):
        if not isinstance(block, Block):
            continue
        at: FieldPath = ("body", index, block.kind)
        if isinstance(block.value, QuoteBlock | ParaphraseBlock):
            speaker = block.value.speaker
            if isinstance(speaker, InlinePerson) and not any(speaker.title.get(lang) for lang in draft.languages):
                yield _warning((*at, "speaker"), SPEAKER_WITHOUT_TITLE, {"name": _person_name(speaker, draft)})
        if isinstance(block.value, list):
            for row, entry in enumerate(block.value):
                if isinstance(entry, DocumentEntry):
                    yield from _signatories_twice(entry, (*at, row), draft)


def _signatories_twice(entry: DocumentEntry, at: FieldPath, draft: Draft) -> Iterator[Problem]:
    for position, signatory in enumerate(entry.signatories):
        if signatory in entry.signatories[:position]:
            name = signatory if isinstance(signatory, str) else _person_name(signatory, draft)
            yield _warning((*at, "signatories", position), SIGNATORY_TWICE, {"name": name})


def _reading_problems(draft: Draft, template: Template, contexts: Mapping[str, Mapping[str, Any]]) -> Iterator[Problem]:
    """Names the templates put in a case whose ending rests on a guessed reading (tr, az)."""
    fields = {spec.name for spec in template.meta.fields}
    for lang, context in contexts.items():
        told: set[tuple[FieldPath, str]] = set()
        for key in ("release", "event", *fields):
            base: FieldPath = ("fields", key) if key in fields else (key,)
            for path, name in _names_in(context.get(key), base):
                token = guessed_reading(name, lang)
                if token is None or (path, token) in told:
                    continue
                told.add((path, token))
                try:
                    params = {"token": token, "example": inflect(name, "locative", lang)}
                except ValueError:  # letters of another alphabet have no names to be read by
                    yield _warning(path, NO_READING, {"token": token}, lang)
                    continue
                yield _warning(path, GUESSED_READING, params, lang)


def _dateline_problems(contexts: Mapping[str, Mapping[str, Any]]) -> Iterator[Problem]:
    """An English dateline names the country of a city that does not stand alone (AP "datelines"); where
    that country is not known the city prints alone, and the check says so rather than guess."""
    release = contexts.get("en", {}).get("release")
    city = str(release.city) if release is not None else ""
    if city and not city.startswith("⟦") and dateline_doubt(city):
        params = {"city": city, "dateline": dateline_place(city, release.date)}
        yield _warning(("release", "city"), DATELINE_WITHOUT_COUNTRY, params, "en")


#: Parts of the release that print names as they are, never in a case: the contact block.
_AS_WRITTEN = ("contacts",)


def _names_in(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, Name]]:
    """Each name in a resolved value, at the path of the value that refers to it (a person's
    organization is found at the person's reference): the release's views hold names, lists hold rows."""
    if isinstance(value, Name):  # a gap's marker (⟦EKSİK: …⟧) ends in no word, so it is never a guess
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _names_in(item, (*path, index))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        top_level = len(path) == 1  # the release and the event: each of their keys is a place in the file
        for item in dataclasses.fields(value):
            if top_level and item.name in _AS_WRITTEN:
                continue
            yield from _names_in(getattr(value, item.name), (*path, item.name) if top_level else path)
