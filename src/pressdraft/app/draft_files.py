"""Draft files into the store and out of it, for scripts (``pressdraft drafts import | export | list``).

They act through the app service as the local account, as the web app would: a file comes in
through ``AppService.import_draft`` (checked, canonical, whole or not at all) and goes out through
``AppService.draft_export``; the store's failures become one line (``StoreFailure``), so that the
command line imports neither the store nor its errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pressdraft.app.failures import StoreFailure, hide_passwords
from pressdraft.app.service import NOT_READY, AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.store.errors import NotFound


class NoSuchDraft(LookupError):
    """The id names no draft in the store; the message says which."""


@dataclass(frozen=True)
class Imported:
    """What became of one file: its new draft's id, or why it was not imported (nothing of it was)."""

    path: Path
    draft_id: str | None
    problems: tuple[Problem, ...] = ()


def open_service(database_url: str) -> AppService:
    """The app service over the store at ``database_url`` (made and upgraded if it is a new SQLite
    file, as the web app does, but without the sample release), acting as the local account."""
    settings = {**load_settings(), "database_url": database_url}
    try:
        return AppService.open(settings, template_runner(), seed=False)
    except NOT_READY as error:
        raise StoreFailure(hide_passwords(str(error))) from None


def import_files(service: AppService, paths: Sequence[Path]) -> Iterator[Imported]:
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


def export_file(service: AppService, draft_id: str, fmt: str) -> bytes:
    """The draft file of ``draft_id`` in ``fmt`` (canonical when the draft is valid, as stored otherwise)."""
    try:
        return service.draft_export(draft_id, fmt)[1]()  # type: ignore[no-any-return]
    except NotFound as error:
        raise NoSuchDraft(f"{error} (`pressdraft drafts list` shows the ids)") from None
