"""The review of a release: who may take which step from which state, four eyes, and what went out.

``draft`` → ``in_review`` (submit) → ``approved`` (approve; an ``auto`` number is given then) →
``published`` (publish; its files kept as sent), and back to ``draft`` by asking for changes or by
withdrawing (the one way to change a frozen release, ``app/locks.py``). Each step is one store
transaction (``store/review.py``) that a concurrent step or edit makes fail cleanly. A ``Review``
acts for one account, like the ``Workshop``: its changes are checked against the permissions table
(``app/authorization.py``) and every refusal is a one-line ``PressdraftError`` in the user's language.

Four eyes: nobody approves a release whose text they changed since its last approval (or since
it was made): the authors of its versions of a text-changing event, the submitter included. An
administrator may relax this for a one-person office (the setting ``review.four_eyes``); an
approval under the relaxed rule by such an author says so in its audit entry.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Protocol

from pressdraft import N_
from pressdraft.app.auth import Account
from pressdraft.app.authorization import allowed, requires
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.core.users import same_user
from pressdraft.document.export import Edition, Planned
from pressdraft.pipeline.engine import Engine
from pressdraft.store.api import Store
from pressdraft.store.publications import published_file
from pressdraft.store.records import Publication, PublishedFile, StoredDraft
from pressdraft.store.review import FOUR_EYES, StepRefused
from pressdraft.store.versions import KEEPS_TEXT

#: step -> (the states it starts from, the state it leads to)
STEPS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({"draft"}), "in_review"),
    "request_changes": (frozenset({"in_review"}), "draft"),
    "approve": (frozenset({"in_review"}), "approved"),
    "publish": (frozenset({"approved"}), "published"),
    "withdraw": (frozenset({"in_review", "approved", "published"}), "draft"),
}
#: step -> the permission it needs (``app/authorization.py``)
ACTIONS = {
    "submit": "review.submit",
    "request_changes": "review.decide",
    "approve": "review.decide",
    "publish": "review.publish",
    "withdraw": "review.withdraw",
}


NOT_FROM = {
    "draft": N_("This release is a draft: it has to be sent for review first."),
    "in_review": N_("This release is in review: an editor approves it or asks for changes first."),
    "approved": N_("This release is already approved: publish it, or withdraw the approval to change it."),
    "published": N_("This release is published: withdraw it to change it."),
}
CHANGED_MEANWHILE = N_("This release was changed by someone else just now: look at it again, then try once more.")
OWN_CHANGES = N_(
    "You changed this release since its last approval, so another editor or administrator has to approve it "
    "(four eyes)."
)
UNKNOWN_FILE = N_("This publication has no file {name}.")

#: What a published file is, by its ending (the downloads of ``AppService.edition_files``).
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".zip": "application/zip",
}
#: What a publication keeps of a release's downloads: its Word files, one per language and the
#: side-by-side one, which are what an office sends.
PUBLISHED = (".docx",)


def refused(template: str, **params: str) -> PressdraftError:
    return PressdraftError(Problem(NOWHERE, template, params))


class Service(Protocol):
    """What a review needs of the app service (``app.service.AppService`` is one, acting for one
    account): named narrowly, so this module sits below the service in the chain of imports."""

    account: Account
    store: Store
    engine: Engine

    @property
    def user(self) -> str: ...

    def as_downloaded(self, draft_id: str) -> Edition: ...

    def edition_files(self, edition: Edition) -> list[Planned]: ...


class Review:
    # Public methods that change nothing (every other one is marked with ``requires``).
    READS = frozenset({"release", "steps", "editors", "four_eyes", "publications", "published_file"})

    def __init__(self, service: Service):
        """``service``: the app service acting for this review's account (``AppService.for_user``)."""
        self.service = service

    @property
    def account(self) -> Account:
        return self.service.account

    @property
    def user(self) -> str:
        return self.service.user

    # --- reading -----------------------------------------------------------------------------
    def release(self, draft_id: str) -> StoredDraft:
        """The release as stored now: its state, since when and by whom."""
        return self.service.store.get_draft(draft_id)

    def steps(self, draft_id: str) -> dict[str, str | None]:
        """The steps this account may take now, each with None, or why it may not after all (the
        approval of one's own changes, under four eyes)."""
        record = self.service.store.get_draft(draft_id)
        steps: dict[str, str | None] = {}
        for name, (before, _after) in STEPS.items():
            if record.status in before and allowed(self.account, ACTIONS[name]):
                steps[name] = None
        if "approve" in steps and self._own_changes(draft_id) and self.four_eyes():
            steps["approve"] = OWN_CHANGES
        return steps

    def editors(self, draft_id: str) -> list[str]:
        """Who changed the release's text since its last approval (or since it was made), the
        submitter included, the most recent first."""
        authors: list[str] = []
        for version in self.service.store.draft_history(draft_id):
            if version.event == "approve":
                break
            if version.event not in KEEPS_TEXT and not any(same_user(version.author, a) for a in authors):
                authors.append(version.author)
        return authors

    def four_eyes(self) -> bool:
        """Whether approvals need a second person (``store/review.py four_eyes``)."""
        return self.service.store.four_eyes()

    def publications(self, draft_id: str) -> list[Publication]:
        """What each publication of the release sent, the newest first."""
        return self.service.store.draft_publications(draft_id)

    def published_file(self, publication_id: int, name: str) -> PublishedFile:
        """One file of a publication, byte for byte as it went out."""
        for item in self.service.store.publication(publication_id).files:
            if item.name == name:
                return item
        raise refused(UNKNOWN_FILE, name=name)

    # --- the steps ---------------------------------------------------------------------------
    @requires("review.submit")
    def submit(self, draft_id: str) -> StoredDraft:
        """Send a draft for review."""
        return self._step("submit", self._startable(draft_id, "submit"))

    @requires("review.decide")
    def request_changes(self, draft_id: str, note: str = "") -> StoredDraft:
        """Send a release in review back to its drafter, saying what to change (``note``)."""
        return self._step("request_changes", self._startable(draft_id, "request_changes"), note=note.strip())

    @requires("review.decide")
    def approve(self, draft_id: str) -> StoredDraft:
        """Approve a valid release in review (refused, with every problem, when it is not valid);
        one whose number is ``auto`` gets its issuer's next number of the year."""
        record = self._startable(draft_id, "approve")
        self.service.engine.draft_from_data(record.data)  # an invalid release is not approved
        details: dict[str, object] = {}
        if self._own_changes(draft_id):
            if self.four_eyes():
                raise refused(OWN_CHANGES)
            details = {"four_eyes_relaxed": True, "edited_by": self.editors(draft_id)}
        try:
            return self.service.store.approve_draft(
                draft_id, before=STEPS["approve"][0], revision=record.revision, user=self.user, details=details
            )
        except StepRefused as step:
            raise self._refusal("approve", step.draft) from None

    @requires("review.publish")
    def publish(self, draft_id: str) -> StoredDraft:
        """Publish an approved release: its Word files, as the downloads make them, are kept as
        what went out (with the template and directory versions and the number they carry)."""
        record = self._startable(draft_id, "publish")
        edition = self.service.as_downloaded(draft_id)
        files = [
            published_file(item.name, MEDIA_TYPES[PurePath(item.name).suffix], item.make())
            for item in self.service.edition_files(edition)
            if item.name.endswith(PUBLISHED)
        ]
        directory = self.service.store.directory_version()
        template = edition.rendition.template
        try:
            return self.service.store.publish_draft(
                draft_id,
                files,
                before=STEPS["publish"][0],
                revision=record.revision,
                user=self.user,
                template_id=template.id,
                template_version=template.number,
                directory_version=directory.number if directory else None,
            )
        except StepRefused as step:
            raise self._refusal("publish", step.draft) from None

    @requires("review.withdraw")
    def withdraw(self, draft_id: str, note: str = "") -> StoredDraft:
        """Take a release back to a draft, out of review, approval or publication, to change it
        (what a publication sent stays on record)."""
        return self._step("withdraw", self._startable(draft_id, "withdraw"), note=note.strip())

    @requires("settings")
    def set_four_eyes(self, on: bool) -> None:
        """Require a second person for approvals (True, the default) or not (a one-person office)."""
        self.service.store.set_setting(FOUR_EYES, bool(on), user=self.user)

    # --- helpers -----------------------------------------------------------------------------
    def _startable(self, draft_id: str, name: str) -> StoredDraft:
        """The draft, if step ``name`` starts from its state; else a refusal naming the state."""
        record = self.service.store.get_draft(draft_id)
        if record.status not in STEPS[name][0]:
            raise refused(NOT_FROM[record.status])
        return record

    def _step(self, name: str, record: StoredDraft, note: str = "") -> StoredDraft:
        before, after = STEPS[name]
        try:
            return self.service.store.review_step(
                record.id, name, before=before, after=after, revision=record.revision, user=self.user, note=note
            )
        except StepRefused as step:
            raise self._refusal(name, step.draft) from None

    def _own_changes(self, draft_id: str) -> bool:
        return any(same_user(author, self.user) for author in self.editors(draft_id))

    @staticmethod
    def _refusal(name: str, now: StoredDraft) -> PressdraftError:
        """Another step or an edit came first: say what state the release is in now."""
        return refused(CHANGED_MEANWHILE if now.status in STEPS[name][0] else NOT_FROM[now.status])
