"""Draft files into the store and out of it, for scripts (``pressdraft drafts import | export | list``).

They act through the app service as the local account, as the web app would: a file comes in
through ``AppService.import_draft`` (checked, canonical, whole or not at all) and goes out through
``AppService.draft_export``; the store's failures become one line (``StoreFailure``), so that the
command line imports neither the store nor its errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.store.errors import NotFound


class Drafts(Protocol):
    """What of ``AppService`` the draft files use (named here, so this module does not import the
    service and every app-layer class it holds)."""

    def import_draft(self, content: bytes, name: str) -> str: ...

    def draft_export(self, draft_id: str, fmt: str, date: str | None = None) -> tuple[str, Callable[[], Any]]: ...


class NoSuchDraft(LookupError):
    """The id names no draft in the store; the message says which."""


@dataclass(frozen=True)
class Imported:
    """What became of one file: its new draft's id, or why it was not imported (nothing of it was)."""

    path: Path
    draft_id: str | None
    problems: tuple[Problem, ...] = ()


def import_files(service: Drafts, paths: Sequence[Path]) -> Iterator[Imported]:
    """Each file as a new draft, one after another; a file that cannot be read or is invalid is told
    with every problem (located in that file) and leaves nothing behind."""
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError as error:
            reason = {"reason": str(error.strerror or error)}
            yield Imported(path, None, (Problem(Location(file=str(path)), "cannot read the file: {reason}", reason),))
            continue
        try:
            yield Imported(path, service.import_draft(content, path.name))
        except PressdraftError as error:
            located = tuple(replace(p, at=replace(p.at, file=str(path))) for p in error.problems)
            yield Imported(path, None, located)


def export_file(service: Drafts, draft_id: str, fmt: str) -> bytes:
    """The draft file of ``draft_id`` in ``fmt`` (canonical when the draft is valid, as stored otherwise)."""
    try:
        return service.draft_export(draft_id, fmt)[1]()  # type: ignore[no-any-return]
    except NotFound as error:
        raise NoSuchDraft(f"{error} (`pressdraft drafts list` shows the ids)") from None
