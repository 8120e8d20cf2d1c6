"""The drafts page as the team's worklist: whose drafts, in which state, waiting for whose review, in
which order, each with its missing translations per language.

The filters are plain data that a link carries (``Filters.from_params``, ``Filters.params``), so the
page, a shared link and ``pressdraft drafts list`` ask the same question; the answer is one store
query over the summaries stored with the drafts (``store/drafts.py``): no draft is read or checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pressdraft.app.auth import Account
from pressdraft.app.authorization import allowed
from pressdraft.core.library import Library
from pressdraft.core.problems import PressdraftError
from pressdraft.store.api import Store
from pressdraft.store.errors import NotFound
from pressdraft.store.records import DraftSummary
from pressdraft.store.schema import STATUSES

__all__ = ["ME", "PARAMS", "STATUSES", "DraftRow", "Filters", "Worklist", "waiting_for_review"]

#: The owner filter meaning whoever looks (so a shared "my drafts" link shows each their own).
ME = "me"
#: The query parameters a link to a worklist may name.
PARAMS = ("status", "owner", "waiting", "sort")


@dataclass(frozen=True)
class DraftRow:
    """One line of the drafts page."""

    id: str
    title: str
    template_name: dict[str, str]
    languages: list[str]
    missing: dict[str, int]
    updated_at: dt.datetime
    owner: str = ""
    date: str | None = None  # the release date, for the exported file's name
    status: str = "draft"


@dataclass(frozen=True)
class Filters:
    """Which drafts a worklist shows: in ``status`` (None: any), owned by ``owner`` (a user, ``ME``, or
    None: anyone), only those ``waiting`` for the viewer's review, the oldest change first or not."""

    status: str | None = None
    owner: str | None = None
    waiting: bool = False
    oldest_first: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Filters:
        """The filters a link names; a value it cannot mean (an old or edited link) is left out."""
        status = params.get("status")
        return cls(
            status=status if status in STATUSES else None,
            owner=params.get("owner") or None,
            waiting=params.get("waiting") == "1",
            oldest_first=params.get("sort") == "oldest",
        )

    def params(self) -> dict[str, str]:
        """The query parameters of a link to this worklist (none for what is the default)."""
        named = {
            "status": self.status,
            "owner": self.owner,
            "waiting": "1" if self.waiting else None,
            "sort": "oldest" if self.oldest_first else None,
        }
        return {key: value for key, value in named.items() if value}


def waiting_for_review(account: Account, four_eyes: bool = True) -> dict[str, str] | None:
    """The store filter of the drafts waiting for ``account``'s review; None when none can be.

    The one home of that predicate: an editor or administrator (who may approve) is waiting on every
    release in review that they may approve: with ``four_eyes`` (``store/review.py``), not one they sent
    for review or whose text they changed since its last approval (the store asks that in its query)."""
    if not allowed(account, "review.decide"):
        return None
    return {"reviewer": account.user} if four_eyes else {"status": "in_review"}


class Worklist:
    """The drafts listed for ``account``; ``library`` names their templates, ``summarise`` makes the
    summary of a draft stored without one (``AppService.described``)."""

    READS = frozenset({"rows", "owners"})

    def __init__(
        self,
        store: Store,
        account: Account,
        library: Callable[[], Library],
        summarise: Callable[[dict[str, Any]], dict[str, Any]],
    ):
        self.store, self.account, self.library, self.summarise = store, account, library, summarise

    def owners(self) -> list[str]:
        """Everyone who owns a draft, for choosing a person."""
        return self.store.draft_owners()

    def rows(self, filters: Filters = Filters(), *, trash: bool = False) -> list[DraftRow]:
        """The lines ``filters`` select, from the stored summaries, in one query."""
        query: dict[str, Any] = {"status": filters.status, "oldest_first": filters.oldest_first}
        query["owner"] = self.account.user if filters.owner == ME else filters.owner
        if filters.waiting:
            waiting = waiting_for_review(self.account, self.store.four_eyes())
            if waiting is None:
                return []
            query.update(waiting)
        return [self._row(summary) for summary in self.store.list_drafts(trash=trash, **query)]

    def _row(self, summary: DraftSummary) -> DraftRow:
        stored = summary.summary if isinstance(summary.summary, dict) else self._fill_summary(summary.id)
        try:
            name = self.library().get(summary.template_id or "").meta.name.model_dump(exclude_none=True)
        except PressdraftError:
            name = {"en": summary.template_id or ""}
        counts = stored.get("missing") or {}
        missing = {lang: int(counts.get(lang, 0)) for lang in summary.languages}
        return DraftRow(
            summary.id,
            summary.title,
            name,
            summary.languages,
            missing,
            summary.updated_at,
            summary.owner,
            stored.get("date"),
            summary.status,
        )

    def _fill_summary(self, draft_id: str) -> dict[str, Any]:
        """A draft saved before summaries were stored (migration 0003) is summarised once, by the
        first listing that meets it; the draft limits bound that one check."""
        try:
            record = self.store.get_draft(draft_id)
        except NotFound:  # purged since the list was read
            return {}
        summary = self.summarise(record.data)
        self.store.fill_draft_summary(draft_id, summary, revision=record.revision)
        return summary
