"""The compose page's review bar: the release's state, the steps this account may take now, the
lock of an approved release, and the files its publications sent.

The rules (who may take which step, four eyes, the lock) are the app's (``app/review.py``); the
bar shows them: a step the account may not take is not offered, an approval refused by four eyes
is a disabled button saying why. A release whose state another session changed since this page
last looked is read again, and the page says once who changed it, to what, and when.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from pressdraft import N_
from pressdraft.app.locks import REFUSALS as LOCK_NOTICES  # keyed by the states that freeze a release
from pressdraft.app.review import Review, StoredDraft
from pressdraft.app.workspace import DraftEditor
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.downloads import download_button
from pressdraft.ui.labels import STATUS_LABELS
from pressdraft.ui.notices import notify
from pressdraft.ui.session import _

SEEN = "review-seen"  # draft id -> (state, when it was set) as this page last showed it
STEP_LABELS = {
    "submit": N_("Send for review"),
    "approve": N_("Approve"),
    "publish": N_("Publish"),
}
WITHDRAW_LABELS = {  # withdrawing, by the state it leaves
    "in_review": N_("Take back from review"),
    "approved": N_("Withdraw approval to edit"),
    "published": N_("Withdraw to edit"),
}
CHANGED = N_("{who} changed this release to “{state}” at {when}.")


def review_bar(ed: DraftEditor, review: Review) -> None:
    """The bar above the form, for ``review`` (the session's account's); sets whether the form is
    read-only (``ed.locked``) and whether reviewers comment (``ed.status``)."""
    release = review.release(ed.id)
    _told_of_change(ed, release)
    ed.status = release.status
    label, colour = STATUS_LABELS[release.status]
    badge, buttons = st.columns([1, 5], vertical_alignment="center")
    badge.badge(_(label), color=colour)
    steps = review.steps(ed.id)
    with buttons:
        row = st.columns(max(len(steps), 1))
        for column, (name, why) in zip(row, steps.items(), strict=False):
            with column:
                if name == "request_changes":
                    _request_changes(ed, review)
                    continue
                text = WITHDRAW_LABELS[release.status] if name == "withdraw" else STEP_LABELS[name]
                st.button(
                    _(text),
                    key=f"review-{name}",
                    type="primary" if name in ("submit", "approve", "publish") else "secondary",
                    disabled=why is not None,
                    help=_(why) if why else None,
                    on_click=_take,
                    args=(ed, review, name),
                )
    if ed.locked:
        st.info(_(LOCK_NOTICES[release.status]), icon=":material/lock:")
    _published_files(review, ed.id)


def _request_changes(ed: DraftEditor, review: Review) -> None:
    with st.popover(_("Ask for changes")):
        st.text_area(_("What should change?"), key="review-note")
        st.button(
            _("Send back to the drafter"),
            key="review-request_changes",
            on_click=_take,
            args=(ed, review, "request_changes"),
        )


def _take(ed: DraftEditor, review: Review, name: str) -> None:
    """Take step ``name``; a refusal is told above the form. The editor reads the release again,
    so its next save starts from the step's revision."""
    arguments: dict[str, Any] = {"note": st.session_state.pop("review-note", "")} if name == "request_changes" else {}
    try:
        getattr(review, name)(ed.id, **arguments)
    except PressdraftError as error:
        notify(error)
    _remember(review.release(ed.id))
    ed.reload()


def _told_of_change(ed: DraftEditor, release: StoredDraft) -> None:
    """Once per change of state by someone else since this page last looked: say so, and read
    the release again."""
    seen = st.session_state.setdefault(SEEN, {})
    now = (release.status, release.status_at)
    if release.id in seen and seen[release.id] != now:
        when = release.status_at.astimezone().strftime("%d.%m.%Y %H:%M") if release.status_at else ""
        state = _(STATUS_LABELS[release.status][0])
        st.info(_(CHANGED).format(who=release.status_by or "", state=state, when=when), icon=":material/info:")
        ed.reload()
    _remember(release)


def _remember(release: StoredDraft) -> None:
    st.session_state.setdefault(SEEN, {})[release.id] = (release.status, release.status_at)


def _published_files(review: Review, draft_id: str) -> None:
    publications = review.publications(draft_id)
    if not publications:
        return
    with st.expander(_("What went out")):
        for publication in publications:
            when = publication.published_at.astimezone().strftime("%d.%m.%Y %H:%M")
            st.caption(f"{publication.number or ''} · {when} · {publication.published_by}")
            for item in publication.files:
                download_button(
                    item.name,
                    lambda p=publication.id, n=item.name: review.published_file(p, n).data,
                    file_name=item.name,
                    mime=item.media_type,
                    key=f"published-{publication.id}-{item.name}",
                )


def four_eyes_setting(review: Review) -> None:
    """The administrator's switch for four eyes (off: a one-person office approves its own work)."""
    st.toggle(
        _("Four eyes: nobody approves a release they changed since its last approval"),
        value=review.four_eyes(),
        key="four-eyes",
        on_change=lambda: review.set_four_eyes(st.session_state["four-eyes"]),
    )
