"""The terminology directory: people, organizations, contacts and places in every language.

Drafts refer to entries by key, so a minister's name and title are typed once and come out
the same in every release. Name-like entries may say how they are read (``reading``) and
give explicit case forms (``forms``) for what the language rules cannot know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, ValidationError

from pressdraft.core.files import format_of, read_data
from pressdraft.core.model import Key, Lang, LocalizedName, LocalizedText, Strict, Text, problems_from
from pressdraft.core.problems import NOWHERE, Location, PressdraftError, Problem, unknown
from pressdraft.core.shipped import directory_text
from pressdraft.language._base import CASES

Case = Literal[CASES]  # type: ignore[valid-type]
Reading = Union[Text, dict[Lang, Text]]  # noqa: UP007
Forms = dict[Lang, dict[Case, Text]]


class NameInfo(Strict):
    """What rules cannot know about a name: its reading and explicit case forms."""

    reading: Reading | None = None
    forms: Forms = Field(default_factory=dict)

    def reading_in(self, lang: str) -> str | None:
        if isinstance(self.reading, dict):
            return self.reading.get(lang)  # type: ignore[call-overload]
        return self.reading

    def forms_in(self, lang: str) -> dict[str, str]:
        return dict(self.forms.get(lang, {}))  # type: ignore[call-overload]


class Person(NameInfo):
    name: LocalizedName
    title: LocalizedName = LocalizedName()
    organization: Key | None = None
    gender: Literal["f", "m"] | None = None
    short: LocalizedName | None = None


class Organization(NameInfo):
    name: LocalizedName
    short: LocalizedName | None = None
    about: LocalizedText | None = None
    kind: Literal["institution", "company", "state", "other"] | None = None
    #: Since when the organization writes a renamed country's new name, by ISO code (``TR: 2021-12-04``);
    #: a country it does not list switches on the day the change took effect (language/countries.py).
    country_names_since: dict[str, dt.date] = Field(default_factory=dict)


class Contact(Strict):
    label: LocalizedName
    organization: Key | None = None
    person: Key | None = None
    email: Text | None = None
    phone: Text | None = None


class Place(NameInfo):
    name: LocalizedName


def _place_tag(value: Any) -> str:
    """A place is an entry with a ``name`` (and maybe a reading), or just its names."""
    return "~entry" if isinstance(value, Place) or (isinstance(value, dict) and "name" in value) else "~text"


PlaceEntry = Annotated[
    Union[Annotated[Place, Tag("~entry")], Annotated[LocalizedName, Tag("~text")]],  # noqa: UP007
    Discriminator(_place_tag),
]

SECTIONS = {"people": "person", "organizations": "organization", "contacts": "contact", "places": "place"}


class Directory(Strict):
    people: dict[Key, Person] = Field(default_factory=dict)
    organizations: dict[Key, Organization] = Field(default_factory=dict)
    contacts: dict[Key, Contact] = Field(default_factory=dict)
    places: dict[Key, PlaceEntry] = Field(default_factory=dict)

    def entry(self, section: str, key: str, at: Location) -> Any:
        """The entry under ``key``, or an error naming where it was asked for, the key and the closest one."""
        entries = getattr(self, section)
        if key in entries:
            return entries[key]
        raise PressdraftError(unknown(at, SECTIONS[section], key, entries))

    def place(self, key: str, at: Location) -> Place:
        entry = self.entry("places", key, at)
        return entry if isinstance(entry, Place) else Place(name=entry)

    def merged(self, other: Directory) -> Directory:
        """This directory with ``other``'s entries added, an entry of ``other`` replacing the one with its key
        (a draft's own directory files over the organization's)."""
        return Directory.model_construct(
            **{section: {**getattr(self, section), **getattr(other, section)} for section in SECTIONS}
        )

    def cross_reference_problems(self, among: Directory | None = None, at: Location = NOWHERE) -> list[Problem]:
        """Entries of ``among`` (by default this directory's own) that point at entries this one lacks;
        ``at`` says where they were written (a directory file)."""
        among = among or self
        checks = [
            ("people", key, "organization", "organizations", person.organization)
            for key, person in among.people.items()
        ] + [
            ("contacts", key, field, section, getattr(contact, field))
            for key, contact in among.contacts.items()
            for field, section in (("organization", "organizations"), ("person", "people"))
        ]
        problems = []
        for section, key, field, target, value in checks:
            if value is None:
                continue
            try:
                self.entry(target, value, at.child(section, key, field))
            except PressdraftError as error:
                problems.extend(error.problems)
        return problems


def _entries(data: Any, at: Location) -> Directory:
    """A directory's entries as written, before the references between them are checked."""
    try:
        return Directory.model_validate(data or {})
    except ValidationError as error:
        raise PressdraftError(problems_from(error, at)) from None


def parse_directory(data: Any, source: str = "directory") -> Directory:
    directory = _entries(data, Location(field=(source,)))
    problems = directory.cross_reference_problems()
    if problems:
        raise PressdraftError(problems)
    return directory


def load_directory(path: Path) -> Directory:
    return parse_directory(read_data(path.read_text("utf-8"), format_of(path.name), source=str(path)))


def extended(directory: Directory, files: Sequence[tuple[str, str]]) -> Directory:
    """``directory`` with the entries of ``files`` added in order, each replacing an entry with its key (a
    draft's own directory files); their entries may refer to any entry of the result. ``files``: each file's
    name (YAML or JSON by its ending; problems name it) and text. Every problem of every file is reported at
    once, naming the file and the entry."""
    problems: list[Problem] = []
    added: list[tuple[Location, Directory]] = []
    for name, text in files:
        at = Location(file=name)
        try:
            added.append((at, _entries(read_data(text, format_of(name), source=name), at)))
        except PressdraftError as error:
            problems.extend(error.problems)
    for _at, entries in added:
        directory = directory.merged(entries)
    for at, entries in added:
        problems += directory.cross_reference_problems(entries, at)
    if problems:
        raise PressdraftError(problems)
    return directory


@cache
def default_directory() -> Directory:
    """The shipped directory: the starting content of every installation."""
    return parse_directory(read_data(directory_text(), "yaml"))


# --- the directory as tables (the app edits it a section at a time, a column per language) -------

LANG_COLUMNS = ("tr", "az", "en")
TABLE_COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "people": (("name",), ("title",), ("organization", None), ("gender", None)),
    "organizations": (("name",), ("short",), ("about",), ("kind", None)),
    "contacts": (("label",), ("organization", None), ("person", None), ("email", None), ("phone", None)),
    "places": (("name",),),
}


def _columns(section: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(column name, path in the entry)`` pairs: ``name.tr`` for localized, ``email`` for plain."""
    out = []
    for spec in TABLE_COLUMNS[section]:
        if len(spec) == 1:
            out += [(f"{spec[0]}.{lang}", (spec[0], lang)) for lang in LANG_COLUMNS]
        else:
            out.append((spec[0], (spec[0],)))
    return out


def _entry_data(section: str, entry: Any) -> dict[str, Any]:
    if section == "places" and "name" not in entry:
        return {"name": dict(entry)}
    return dict(entry)


def table_rows(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """One row per entry: its key, then a column per language of each localized value."""
    rows = []
    for key, entry in (data.get(section) or {}).items():
        entry = _entry_data(section, entry)
        row: dict[str, Any] = {"key": key}
        for column, path in _columns(section):
            value: Any = entry
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            row[column] = value
        rows.append(row)
    return rows


def from_table_rows(data: dict[str, Any], section: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The directory data with ``section`` replaced by the table's rows.

    Columns the table does not show (a reading, explicit forms) are kept from the entry with
    the same key; an empty cell removes that value.
    """
    previous = data.get(section) or {}
    entries: dict[str, Any] = {}
    for row in rows:
        key = str(row.get("key") or "").strip()
        if not key:
            continue
        entry = _entry_data(section, previous.get(key, {}))
        for column, path in _columns(section):
            value = row.get(column)
            value = value.strip() if isinstance(value, str) else value
            target = entry
            for part in path[:-1]:
                target = target.setdefault(part, {})
            if value in (None, ""):
                target.pop(path[-1], None)
            else:
                target[path[-1]] = value
        entries[key] = {k: v for k, v in entry.items() if v not in ({}, None)}
    return {**data, section: entries}
