"""Releases brought to a state of the review by people other than a test's actor: written and sent
by ``WRITER`` (a drafter), approved and published by ``CHIEF`` (an editor who never changed them)."""

from __future__ import annotations

from typing import Any

from pressdraft.app.auth import Account
from pressdraft.core.files import read_data
from pressdraft.store.records import StoredDraft

WRITER = Account("writer@example.org", "drafter")
CHIEF = Account("chief@example.org", "editor")
#: state -> the steps (and who takes them) that bring a new draft there
PATHS: dict[str, list[tuple[str, Account]]] = {
    "draft": [],
    "in_review": [("submit", WRITER)],
    "approved": [("submit", WRITER), ("approve", CHIEF)],
    "published": [("submit", WRITER), ("approve", CHIEF), ("publish", CHIEF)],
}


def release_data(example: Any, number: str | None = "auto") -> dict[str, Any]:
    """The format-2 example release (``example``: its path), asking for a number from its series."""
    data = read_data(example.read_text("utf-8"), "yaml")
    if number is not None:
        data["release"]["number"] = number
    return data


def bring_to(service: Any, draft_id: str, status: str) -> StoredDraft:
    """Take the steps from ``draft`` to ``status`` (``service``: an ``AppService``)."""
    for step, account in PATHS[status]:
        getattr(service.for_user(account).review, step)(draft_id)
    return service.store.get_draft(draft_id)


def new_release(service: Any, example: Any, status: str = "draft", **kwargs: Any) -> str:
    """A release written by ``WRITER``, brought to ``status``."""
    title = "Ortak Medya Platformu"
    draft_id = service.store.create_draft(release_data(example, **kwargs), owner=WRITER.user, title=title).id
    bring_to(service, draft_id, status)
    return draft_id
