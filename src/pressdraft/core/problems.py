"""Problems found in a draft, a directory or a template, and the error that carries them.

Every problem carries where it is as structure (``Location``: a file and line, a path of keys in
the data such as ``("fields", "quotes", 2, "speaker")``, a language), so callers read fields and
never parse text; ``Location.where`` is the one place that writes a location for people
(``fields.quotes[2].speaker``, ``joint-meeting/tr.md.j2:3``), for the command line and the
translated interface alike (``Location.told`` puts it before a message). The English text is a
message template; the app translates it through its gettext catalog by the same template (the
msgid), so the library stays free of any UI language state.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pressdraft import N_

#: ``info``: worth knowing, never a fault (a release number given at approval); ``check`` never fails on it.
Severity = Literal["error", "gap", "warning", "info"]


@dataclass(frozen=True)
class Row:
    """A row of a list named by its id (``[@id]`` in a path), whatever its position."""

    id: str


#: Keys from the top of some data down to a value: names, positions, rows by id.
FieldPath = tuple[str | int | Row, ...]


def format_path(path: FieldPath) -> str:
    """``("fields", "quotes", 2, "text")`` -> ``fields.quotes[2].text``; ``Row("ab")`` -> ``[@ab]``."""
    out = ""
    for part in path:
        if isinstance(part, Row):
            out += f"[@{part.id}]"
        elif isinstance(part, int):
            out += f"[{part}]"
        elif part:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of a file (and line), a check variant, a field path, a language.

    ``entries`` are the directory entries reached from the field, one reference after another,
    when the problem is in one of them (``fields.quotes[0].speaker → people.hikmet-hajiyev.name``);
    ``variant`` names the made-up draft a template check rendered (``with its optional fields empty``).
    """

    file: str = ""
    line: int | None = None
    variant: str = ""
    field: FieldPath = ()
    entries: tuple[FieldPath, ...] = ()
    lang: str | None = None

    def child(self, *parts: str | int | Row) -> Location:
        """Deeper in the value: in the last directory entry reached, if any, else in the field.
        (Made directly, not by ``dataclasses.replace``: a render makes hundreds, each thrice as dear that way.)"""
        if self.entries:
            entries = (*self.entries[:-1], (*self.entries[-1], *parts))
            return Location(self.file, self.line, self.variant, self.field, entries, self.lang)
        return Location(self.file, self.line, self.variant, (*self.field, *parts), self.entries, self.lang)

    def via(self, section: str, key: str) -> Location:
        """The directory entry the value here refers to."""
        return Location(self.file, self.line, self.variant, self.field, (*self.entries, (section, key)), self.lang)

    def where(self, *, with_lang: bool = True) -> str:
        """The location as people read it: ``file:line: variant: field → entry … (lang)``."""
        file = f"{self.file}:{self.line}" if self.file and self.line else self.file
        path = "".join([format_path(self.field), *(f" → {format_path(entry)}" for entry in self.entries)])
        text = ": ".join(part for part in (file, self.variant, path) if part)
        return f"{text} ({self.lang})" if with_lang and self.lang else text

    def told(self, message: str, *, with_lang: bool = True) -> str:
        """``message`` preceded by where it is, if anywhere."""
        where = self.where(with_lang=with_lang)
        return f"{where}: {message}" if where else message


NOWHERE = Location()


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error), missing in a language (gap), worth a look (warning) or to know (info), and where."""

    at: Location
    template: str
    params: dict[str, str] = field(default_factory=dict)
    severity: Severity = "error"

    @property
    def path(self) -> str:
        """Where, as people read it, without the language."""
        return self.at.where(with_lang=False)

    @property
    def lang(self) -> str | None:
        return self.at.lang

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.at.told(self.message)


class PressdraftError(Exception):
    """Raised with every problem that stops an operation; never shown as a traceback."""

    def __init__(self, problems: Problem | Sequence[Problem]):
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


UNKNOWN = {
    "person": (N_("unknown person {key!r}"), N_("unknown person {key!r}; did you mean {close!r}?")),
    "place": (N_("unknown place {key!r}"), N_("unknown place {key!r}; did you mean {close!r}?")),
    "organization": (
        N_("unknown organization {key!r}"),
        N_("unknown organization {key!r}; did you mean {close!r}?"),
    ),
    "contact": (N_("unknown contact {key!r}"), N_("unknown contact {key!r}; did you mean {close!r}?")),
    "template": (N_("unknown template {key!r}"), N_("unknown template {key!r}; did you mean {close!r}?")),
    "field": (N_("unknown field {key!r}"), N_("unknown field {key!r}; did you mean {close!r}?")),
}


def unknown(at: Location, kind: str, key: str, known: Iterable[str]) -> Problem:
    """An unknown key, with the closest known one when there is a close one."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    plain, with_hint = UNKNOWN[kind]
    if close:
        return Problem(at, with_hint, {"key": key, "close": close[0]})
    return Problem(at, plain, {"key": key})
