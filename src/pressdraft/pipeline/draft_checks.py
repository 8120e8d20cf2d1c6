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
from pressdraft.language.countries import wrong_names
from pressdraft.language.english import dateline_doubt, dateline_place
from pressdraft.language.names import Name, doubt_of, inflect
from pressdraft.language.official_names import other_spellings
from pressdraft.pipeline.case_uses import inflected, reaches_a_case

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
#: A name whose case ending rests on a guessed reading, by the reading guessed (``Doubt.reading``): the
#: name, the word the ending follows, the form the release prints and how the directory settles it.
GUESSED_LETTERS = N_(
    "{name}: the case ending is a guess, {word} read letter by letter ({example}); to settle it, give the name "
    "its reading (letters, word or as it is pronounced) or its case forms in the directory, adding it there if need be"
)
GUESSED_WORD = N_(
    "{name}: the case ending is a guess, {word} read as a word ({example}); to settle it, give the name "
    "its reading (letters, word or as it is pronounced) or its case forms in the directory, adding it there if need be"
)
GUESSED_SPOKEN = N_(
    "{name}: the case ending is a guess, {word} read as “{reading}” ({example}); to settle it, give the name "
    "its reading (letters, word or as it is pronounced) or its case forms in the directory, adding it there if need be"
)
GUESSED_IN_TEXT = N_(
    "{name}: the case ending is a guess, {word} read by a rule ({example}); a text typed in the draft takes no "
    "reading: check the form, and if it is wrong, word the name so that it does not end in {word}"
)
NO_READING = N_(
    "{name} cannot take a case ending: how {word} is read is unknown; give the name its reading or its case "
    "forms in the directory, adding it there if need be"
)

DATELINE_WITHOUT_COUNTRY = N_(
    "{city} is not an AP stand-alone dateline and its country is not known, so the English dateline prints "
    "the city alone ({dateline}): add the city and its country to language/data/ap.yaml"
)


def draft_problems(draft: Draft, template: Template, contexts: Mapping[str, Mapping[str, Any]]) -> list[Problem]:
    """Every warning (and info line) of the draft's own checks, in the order of the file;
    ``contexts``: the draft resolved in each of its languages (``pipeline/resolve.py``)."""
    return [
        *_language_problems(draft),
        *_release_number_problems(draft),
        *_event_problems(draft, template),
        *_naming_problems(draft, template, contexts),
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
    """Names the templates put in a case whose ending rests on a guessed reading (tr, az): one warning
    per name, place in the file and language, with the form the release prints (its locative)."""
    for lang, context in contexts.items():
        told: set[tuple[FieldPath, int]] = set()
        for path, owner, name, typed in _names_inflected(draft, template, context, lang):
            doubt = doubt_of(name, lang)  # a gap's marker (⟦EKSİK: …⟧) ends in no word: never a guess
            if doubt is None or (path, owner) in told:
                continue  # a person's name, short and titled forms are one name: told once
            told.add((path, owner))
            params = {"name": name.text, "word": doubt.word, "reading": doubt.reading}
            try:
                params["example"] = inflect(name, "locative", lang)
            except ValueError:  # letters of another alphabet have no names to be read by
                yield _warning(path, NO_READING, params, lang)
                continue
            guessed = {"letters": GUESSED_LETTERS, "word": GUESSED_WORD}.get(doubt.reading, GUESSED_SPOKEN)
            yield _warning(path, GUESSED_IN_TEXT if typed else guessed, params, lang)


def _names_inflected(
    draft: Draft, template: Template, context: Mapping[str, Any], lang: str
) -> Iterator[tuple[FieldPath, int, Name, bool]]:
    """Each name of the context that the template puts in a case (``pipeline/case_uses.py``), at its
    place in the file, and whether it is a text typed in the draft (no directory entry can settle it):
    the release's, the event's, the fields' (a field left to the event at the event's key; a text field
    the template inflects, such as a platform's name), and the signatories of the body's documents. The
    body's own sentences inflect no name (``pipeline/body.py``)."""
    used = inflected(template.sources.get(lang, ""))
    for key in ("release", "event"):
        for path, owner, name in _names_in(context.get(key), (key,)):
            if reaches_a_case(used, tuple(map(str, path))):
                yield path, owner, name, False
    for spec in template.meta.fields:
        if reaches_a_case(used, (spec.name,)):
            given = spec.name in draft.fields or not spec.event
            value, at = context.get(spec.name), ("fields", spec.name) if given else ("event", spec.event)
            if isinstance(value, str):
                yield at, id(value), Name(value), True
            else:
                yield from ((*found, False) for found in _names_in(value, at))
    if reaches_a_case(used, ("documents",)):
        places = [
            ("body", index, "documents", row)
            for index, block in enumerate(draft.body)
            if isinstance(block, Block) and block.kind == "documents"
            for row in range(len(block.value))
        ]
        for at, document in zip(places, context.get("documents", []), strict=False):
            for number, person in enumerate(document.signatories):
                yield from ((*found, False) for found in _names_in(person, (*at, "signatories", number)))


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


def _names_in(value: Any, path: FieldPath, owner: object = None) -> Iterator[tuple[FieldPath, int, Name]]:
    """Each name in a resolved value, at the path of the value that refers to it (a person's
    organization is found at the person's reference), with the identity of what it names (a person's
    name, short and titled forms name one person): the release's views hold names, lists hold rows."""
    if isinstance(value, Name):
        yield path, id(value if owner is None else owner), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _names_in(item, (*path, index))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        top_level = len(path) == 1  # the release and the event: each of their keys is a place in the file
        for item in dataclasses.fields(value):
            if top_level and item.name in _AS_WRITTEN:
                continue
            inner = (*path, item.name) if top_level else path
            yield from _names_in(getattr(value, item.name), inner, None if top_level else value)


# --- how the release names things: the country by its date, the issuer by its one name ------------------

COUNTRY_NAME_OF_ANOTHER_DATE = N_(
    "this release is dated {date}: its issuer wrote {right} then, not {found}; write {right} "
    "(docs/style-guide.md#en-country-name)"
)
ISSUER_NAMED_OTHERWISE = N_(
    "{found} is another spelling of the issuer's name: write {name}, or {short} (docs/style-guide.md#issuer-name)"
)


def _naming_problems(draft: Draft, template: Template, contexts: Mapping[str, Mapping[str, Any]]) -> Iterator[Problem]:
    """Names a release must write one way: a renamed country as it was called on the release's date
    (English; the directory's own texts are put in that form when rendered, the drafter's are only
    told), and the issuer by its official name or its declared short form, in every language."""
    texts = localized_texts(draft, template)
    for lang, context in contexts.items():
        release = context["release"]
        since = release.issuer.country_names_since
        day = draft.release.date
        for path, by_lang in texts.items():
            if lang in by_lang:
                for wrong in wrong_names(by_lang[lang], lang, day, since):
                    params = {"date": day.isoformat(), "right": wrong.right, "found": wrong.found}
                    yield _warning(path, COUNTRY_NAME_OF_ANOTHER_DATE, params, lang)
        yield from _issuer_spellings(release, texts, lang)


def _issuer_spellings(release: Any, texts: Mapping[FieldPath, Mapping[str, str]], lang: str) -> Iterator[Problem]:
    """The issuer spelled otherwise in the draft's texts, its contacts' labels or its About text."""
    name, short = str(release.issuer.name), str(release.issuer.short)
    written: list[tuple[FieldPath, str]] = [(path, by_lang[lang]) for path, by_lang in texts.items() if lang in by_lang]
    written += [(("release", "contacts", index), contact.label) for index, contact in enumerate(release.contacts)]
    if release.issuer.about:
        written.append((("release", "issuer"), release.issuer.about))
    for path, text in written:
        for found in other_spellings(text, name, short, lang):
            yield _warning(path, ISSUER_NAMED_OTHERWISE, {"found": found, "name": name, "short": short}, lang)


def localized_texts(draft: Draft, template: Template) -> dict[FieldPath, dict[str, str]]:
    """Every free text of the draft by path and language, for cross-language checks: the fields',
    the event's ``part_of`` and the body blocks' (``body[2].quote.text``)."""
    found: list[tuple[FieldPath, Any]] = [(path, value) for path, value, _ in template.localized_texts(draft.fields)]
    if draft.event is not None and draft.event.part_of is not None:
        found.append((("event", "part_of"), draft.event.part_of))
    for index, block in enumerate(draft.body):
        if isinstance(block, Block):
            found += [
                (("body", index, block.kind, *at), value)
                for at, value, _ in block.block_type.localized_texts(block.value)
            ]
    out: dict[FieldPath, dict[str, str]] = {}
    for path, value in found:
        texts = {lang: text for lang in draft.languages if (text := value.get(lang))}
        if texts:
            out[path] = texts
    return out
