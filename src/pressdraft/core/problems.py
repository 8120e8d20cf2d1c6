"""Problems found in a draft, a directory or a template, and the error that carries them.

Every message names where the problem is (a path in the file such as
``fields.quotes[2].speaker``) and, when it concerns one language, which one. The English
text is a message template; the app translates it through its gettext catalog by the
same template (the msgid), so the library stays free of any UI language state.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pressdraft import N_

Severity = Literal["error", "gap", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error), missing in a language (gap) or worth a look (warning)."""

    path: str
    template: str
    params: dict[str, str] = field(default_factory=dict)
    severity: Severity = "error"
    lang: str | None = None

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        where = f"{self.path} ({self.lang})" if self.lang else self.path
        return f"{where}: {self.message}" if where else self.message


class PressdraftError(Exception):
    """Raised with every problem that stops an operation; never shown as a traceback."""

    def __init__(self, problems: Problem | Sequence[Problem]):
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def join_path(*parts: str | int) -> str:
    """``("fields", "quotes", 2, "speaker")`` -> ``fields.quotes[2].speaker``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part:
            out += f".{part}" if out else str(part)
    return out


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


def unknown(path: str, kind: str, key: str, known: Iterable[str]) -> Problem:
    """An unknown key, with the closest known one when there is a close one."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    plain, with_hint = UNKNOWN[kind]
    if close:
        return Problem(path, with_hint, {"key": key, "close": close[0]})
    return Problem(path, plain, {"key": key})
