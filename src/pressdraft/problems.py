"""Problems found in a draft, a directory or a template, and the error that carries them.

Every message names where the problem is (a path in the file such as
``fields.quotes[2].speaker``) and, when it concerns one language, which one. The English
text is a message template; the app translates it through its gettext catalog by the
same template (the msgid), so the library stays free of any UI language state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

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
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(path: str, template: str, **params: object) -> PressdraftError:
    """Build the error for a single problem: ``raise fail("release.city", "unknown place {key!r}", key=k)``."""
    return PressdraftError(Problem(path, template, {k: str(v) for k, v in params.items()}))


def join_path(*parts: str | int) -> str:
    """``("fields", "quotes", 2, "speaker")`` -> ``fields.quotes[2].speaker``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part:
            out += f".{part}" if out else str(part)
    return out


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
