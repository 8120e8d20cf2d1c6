"""One view of a draft per language: every localized value collapsed to that language.

References to the directory become people, organizations and places in their local form,
carrying what the language rules need (reading, explicit forms, institution names). A
value missing in the language becomes a visible ``Missing`` marker and a gap problem, so
the same walk serves both checking a draft and rendering it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from pressdraft.core.directory import Directory, NameInfo, Organization, Person
from pressdraft.core.library import FieldSpec, Template
from pressdraft.core.model import (
    ANNOUNCEMENT,
    AUTO_NUMBER,
    REPORT,
    Draft,
    InlineContact,
    InlinePerson,
    LocalizedText,
    Quote,
)
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.language.countries import dated
from pressdraft.language.english import title_after_name
from pressdraft.language.names import Name
from pressdraft.language.quotes import smart_quotes
from pressdraft.pipeline.body import PRONOUNS, document_views, person_key, render_body

GAP_WORD = {"tr": "EKSİK", "az": "YOXDUR", "en": "MISSING"}

#: The name kind (``language.names.KINDS``) of an organization, by the directory's ``kind``. Only an
#: institution drops the apostrophe (R2); a company's name is written with it in press usage
#: (``ASELSAN’ın``, ``TUSAŞ’ın``: ekonomim.com, tskgv.org.tr) and a state's by R3
#: (``Türkiye Cumhuriyeti'nin``), so they, like ``other``, are left to the rules (None).
ORGANIZATION_KINDS = {"institution": "institution"}


class Missing(str):
    """A value absent in this language, printed as a marker no editor can overlook."""

    __slots__ = ()


class Paragraphs(str):
    """Text whose blank lines separate paragraphs (the ``paragraphs`` field type)."""

    __slots__ = ()


@dataclass(frozen=True)
class OrganizationView:
    """``country_names_since``: since when it writes a renamed country's new name (``language/countries.py``)."""

    name: Name
    short: Name
    about: str | None
    country_names_since: Mapping[str, dt.date] = field(default_factory=dict)

    def __str__(self) -> str:
        return str(self.name)


@dataclass(frozen=True)
class PersonView:
    key: str
    name: Name
    title: str
    short: Name
    full: Name
    gender: str | None
    organization: OrganizationView | None

    def __str__(self) -> str:
        return str(self.name)


@dataclass(frozen=True)
class QuoteView:
    """A quote in one language. ``continues``: the previous quote's speaker goes on;
    ``first_mention``: the speaker's first quote; ``mention``: the later-mention form, or the
    pronoun the language uses when the speaker goes on (he/she, o)."""

    speaker: PersonView
    text: str
    source_language: str
    continues: bool
    first_mention: bool
    mention: str


@dataclass(frozen=True)
class ContactView:
    label: str
    organization: OrganizationView | None
    person: PersonView | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class ReleaseView:
    """``number``: the release number as given; ``None`` when there is none or it is ``auto`` and not
    yet assigned (``auto_number`` then says it will get one at approval)."""

    date: dt.date
    city: Name
    issuer: OrganizationView
    embargo: dt.datetime | None
    contacts: list[ContactView]
    number: str | None = None
    auto_number: bool = False


@dataclass(frozen=True)
class EventView:
    """The draft's ``event`` in one language (format 2). Every template gets one: a draft without an
    event has an empty one that reports. ``future``: an announcement, written in the future tense."""

    date: dt.date | None = None
    end_date: dt.date | None = None
    time: str | None = None
    city: Name | None = None
    venue: Name | None = None
    part_of: str | None = None
    status: str = REPORT

    @property
    def future(self) -> bool:
        return self.status == ANNOUNCEMENT


class Resolver:
    """Builds the template context of one language, collecting gaps as it goes."""

    def __init__(self, draft: Draft, template: Template, directory: Directory, lang: str):
        self.draft, self.template, self.directory, self.lang = draft, template, directory, lang
        self.gaps: list[Problem] = []
        self.errors: list[Problem] = []
        issuer = directory.organizations.get(draft.release.issuer)
        self.country_names_since = issuer.country_names_since if issuer is not None else {}

    # --- text ---------------------------------------------------------------------------
    def text(self, value: LocalizedText | None, at: Location, kind: type[str] = str, inline: bool = True) -> str:
        """The text in this language, or a gap marker. Format 2 reads straight double quotes around
        words in the draft's own texts as quotation marks (``inline``); names and the directory's texts
        are read as typed, the same in every format (suffix rules read names as typed). The directory's
        texts, written once, name a renamed country as the release's date and issuer do (``countries.dated``)."""
        text = value.get(self.lang) if value is not None else None
        if text is None:
            self.gaps.append(Problem(replace(at, lang=self.lang), "missing", severity="gap"))
            return Missing(f"⟦{GAP_WORD[self.lang]}: {at.where()}⟧")
        if inline and self.draft.format >= 2:
            text = smart_quotes(text, self.lang)
        if at.entries:
            text = dated(text, self.lang, self.draft.release.date, self.country_names_since)
        return kind(text)

    def paragraphs(self, value: LocalizedText | None, at: Location, inline: bool = True) -> str:
        """Paragraphs: in a format-2 draft's own texts every new line starts one (YAML's ``>-`` folds a
        blank line into one); the directory's texts (``inline=False``) read as in every format."""
        text = self.text(value, at, Paragraphs, inline)
        if inline and self.draft.format >= 2 and not isinstance(text, Missing):
            return Paragraphs(re.sub(r"[ \t]*\n\s*", "\n\n", text.strip()))
        return text

    def name(
        self,
        value: LocalizedText | None,
        at: Location,
        info: NameInfo | None = None,
        kind: str | None = None,
    ) -> Name:
        """A name in this language with what the suffix rules need: its kind chooses the rules (an
        institution takes no apostrophe, a person's name is never a possessive)."""
        text = self.text(value, at, inline=False)
        if isinstance(text, Missing):
            return Name(text)
        return Name(
            text,
            reading=info.reading_in(self.lang) if info else None,
            forms=info.forms_in(self.lang) if info else {},
            kind=kind,
        )

    # --- directory entries --------------------------------------------------------------
    def _lookup(self, section: str, key: str, at: Location) -> Any:
        try:
            return self.directory.entry(section, key, at)
        except PressdraftError as error:
            self.errors.extend(error.problems)
            return None

    def organization(self, key: str | None, path: Location) -> OrganizationView | None:
        entry: Organization | None = self._lookup("organizations", key, path) if key else None
        if entry is None:
            return None
        at = path.via("organizations", key)
        kind = ORGANIZATION_KINDS.get(entry.kind or "")
        name = self.name(entry.name, at.child("name"), entry, kind)
        short = self.name(entry.short, at.child("short"), entry, kind) if entry.short else name
        about = self.paragraphs(entry.about, at.child("about"), inline=False) if entry.about else None
        return OrganizationView(name, short, about, entry.country_names_since)

    def person(self, ref: str | InlinePerson, path: Location) -> PersonView:
        if isinstance(ref, str):
            entry: Person | None = self._lookup("people", ref, path)
            if entry is None:
                unknown = Name(ref, kind="person")
                return PersonView(ref, unknown, "", unknown, unknown, None, None)
            source: Person | InlinePerson = entry
            key, at = ref, path.via("people", ref)
        else:
            source, entry, key, at = ref, None, "", path
        name = self.name(source.name, at.child("name"), entry, "person")
        has_title = any(source.title.get(lang) for lang in ("tr", "az", "en"))
        title = self.text(source.title, at.child("title"), inline=False) if has_title else ""
        short_text = source.short.get(self.lang) if source.short else None
        short = Name(short_text, kind="person") if short_text else self._short(name)
        organization = self.organization(entry.organization, at.child("organization")) if entry else None
        return PersonView(key, name, title, short, self._full(name, title), source.gender, organization)

    def _short(self, name: Name) -> Name:
        """Later mentions: the surname; in Azerbaijani the initial and surname (F.Altun)."""
        if isinstance(name.text, Missing) or " " not in name.text:
            return name
        words = name.text.split()
        text = f"{words[0][0]}.{words[-1]}" if self.lang == "az" else words[-1]
        return Name(text, reading=name.reading, kind="person")

    def _full(self, name: Name, title: str) -> Name:
        """First mention: title then name (tr, az), or name, title (en, the title in lower case: AP "titles")."""
        if not title:
            return name
        if self.lang == "en":
            return Name(f"{name.text}, {title_after_name(title)}", kind="person")
        forms = {case: f"{title} {form}" for case, form in name.forms.items()}
        return Name(f"{title} {name.text}", reading=name.reading, forms=forms, kind="person")

    def place(self, ref: str | LocalizedText, path: Location) -> Name:
        if isinstance(ref, LocalizedText):
            return self.name(ref, path, kind="place")
        try:
            entry = self.directory.place(ref, path)
        except PressdraftError as error:
            self.errors.extend(error.problems)
            return Name(ref, kind="place")
        return self.name(entry.name, path.via("places", ref), entry, "place")

    def contact(self, ref: str | InlineContact, path: Location) -> ContactView | None:
        entry = self._lookup("contacts", ref, path) if isinstance(ref, str) else ref
        if entry is None:
            return None
        at = path.via("contacts", ref) if isinstance(ref, str) else path
        return ContactView(
            label=self.text(entry.label, at.child("label"), inline=False),
            organization=self.organization(entry.organization, at.child("organization")),
            person=self.person(entry.person, at.child("person")) if entry.person else None,
            email=entry.email,
            phone=entry.phone,
        )

    # --- fields ---------------------------------------------------------------------------
    def quotes(self, quotes: list[Quote], path: Location) -> list[QuoteView]:
        views: list[QuoteView] = []
        for index, quote in enumerate(quotes):
            at = path.child(index)
            speaker = self.person(quote.speaker, at.child("speaker"))
            continues = index > 0 and quotes[index - 1].speaker == quote.speaker
            first = all(earlier.speaker != quote.speaker for earlier in quotes[:index])
            pronoun = PRONOUNS.get(self.lang, {}).get(speaker.gender or "", "")
            mention = pronoun if continues and pronoun else str(speaker.short)
            text = self.text(quote.text, at.child("text"))
            views.append(QuoteView(speaker, text, quote.source_language, continues, first, mention))
        return views

    def field(self, spec: FieldSpec, value: Any, at: Location) -> Any:
        """The field's value in this language, as its type makes its view (``core/fields.py``)."""
        if spec.override:  # a language left empty keeps what the template proposes
            text = value.get(self.lang)
            return smart_quotes(text, self.lang) if text and self.draft.format >= 2 else text
        return spec.field_type.view(self, value, at)

    def status(self) -> str:
        """``report`` or ``announcement``. As the event says; else a format-2 event dated after the release
        date is announced, its date given in ``event`` or in the template field that defaults to it (a
        version-1 draft always reported)."""
        event = self.draft.event
        if event is not None and event.status:
            return event.status
        if self.draft.format < 2:
            return REPORT
        day = event.date if event is not None else None
        for spec in self.template.meta.fields:
            if day is None and spec.event == "date":
                day = self.draft.fields.get(spec.name)
        return ANNOUNCEMENT if day is not None and day > self.draft.release.date else REPORT

    def event(self) -> EventView:
        event = self.draft.event
        if event is None:
            return EventView(status=self.status())
        at = Location(field=("event",))
        return EventView(
            date=event.date,
            end_date=event.end_date,
            time=event.time,
            city=self.place(event.city, at.child("city")) if event.city is not None else None,
            venue=self.place(event.venue, at.child("venue")) if event.venue is not None else None,
            part_of=self.text(event.part_of, at.child("part_of")) if event.part_of is not None else None,
            status=self.status(),
        )

    def _field_value(self, spec: FieldSpec) -> tuple[Any, Location]:
        """A field's value and where it stands: the draft's own, else the event's it defaults to."""
        value = self.draft.fields.get(spec.name)
        if value is None and spec.event and self.draft.event is not None:
            from_event = getattr(self.draft.event, spec.event)
            if from_event is not None:
                return from_event, Location(field=("event", spec.event))
        return value, Location(field=("fields", spec.name))

    def context(self) -> dict[str, Any]:
        release = self.draft.release
        issuer = self.organization(release.issuer, Location(field=("release", "issuer")))
        contacts = [self.contact(c, Location(field=("release", "contacts", i))) for i, c in enumerate(release.contacts)]
        context: dict[str, Any] = {
            "lang": self.lang,
            "languages": list(self.draft.languages),
            "source_language": self.draft.source_language,
            "release": ReleaseView(
                date=release.date,
                city=self.place(release.city, Location(field=("release", "city"))),
                issuer=issuer or OrganizationView(Name(release.issuer), Name(release.issuer), None),
                embargo=release.embargo,
                contacts=[c for c in contacts if c is not None],
                number=release.number if release.number != AUTO_NUMBER else None,
                auto_number=release.number == AUTO_NUMBER,
            ),
            "event": self.event(),
        }
        for spec in self.template.meta.fields:
            value, at = self._field_value(spec)
            if value is None:  # an optional field left out: a list is empty, anything else None
                context[spec.name] = [] if spec.field_type.is_list else None
            else:
                context[spec.name] = self.field(spec, value, at)
        documents = document_views(self.draft.body, self)
        context["documents"] = documents
        told = mentions(self.template, self.lang, "documents")
        named = self._named(context, told)
        context["body"] = render_body(self.draft.body, self, self.status(), documents, named, told)
        return context

    def _named(self, context: dict[str, Any], documents_told: bool) -> set[str]:
        """People the template names itself: its person fields, and the signatories when it prints documents."""
        people = [
            person
            for spec in self.template.meta.fields
            if spec.field_type.name in ("person", "people") and context.get(spec.name)
            for person in (context[spec.name] if isinstance(context[spec.name], list) else [context[spec.name]])
        ]
        if documents_told:
            people += [person for document in context["documents"] for person in document.signatories]
        return {person_key(person) for person in people}


_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_STRINGS = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAMES = re.compile(r"(?<![.\w])[A-Za-z_]\w*")


@lru_cache(maxsize=64)
def _names_used(source: str) -> frozenset[str]:
    """The names a source's expressions and statements read (strings and attributes left out).

    Read from the text, not parsed: this runs in the server for any template, the untrusted too, and a
    source Jinja refuses is reported where it is compiled."""
    return frozenset(name for tag in _TAGS.findall(source) for name in _NAMES.findall(_STRINGS.sub("", tag)))


def mentions(template: Template, lang: str, name: str) -> bool:
    """Whether the template's source for ``lang`` reads the context variable ``name`` (``body``, ``documents``)."""
    return name in _names_used(template.sources.get(lang, ""))


@dataclass(frozen=True)
class Resolution:
    context: dict[str, Any]
    gaps: list[Problem]
    errors: list[Problem]


def resolve(draft: Draft, template: Template, directory: Directory, lang: str) -> Resolution:
    """Walk the draft for one language: its template context, its gaps, its unknown references."""
    resolver = Resolver(draft, template, directory, lang)
    context = resolver.context()
    return Resolution(context, resolver.gaps, resolver.errors)
