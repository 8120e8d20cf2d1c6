"""Code the concurrency and crash tests run in separate processes (started with "spawn").

Each worker opens its own store, as a separate app server would, and reports only what the
store acknowledged: a save counts once ``save_*`` has returned, i.e. after its commit.
"""

from __future__ import annotations

import traceback
from multiprocessing.connection import Connection
from typing import Any

from pressdraft.store import ConflictError, Store, open_store

SHARED_TEMPLATE = "shared"


def append_to_shared_draft(store: Store, draft_id: str, token: str) -> int:
    """Read, modify, write; on a conflict, merge into what is stored now and try again."""
    draft = store.get_draft(draft_id)
    data, revision = draft.data, draft.revision
    while True:
        try:
            return store.save_draft(draft_id, {"items": [*data["items"], token]}, expected_revision=revision)
        except ConflictError as conflict:
            data, revision = conflict.current, conflict.revision


def save_shared_template(store: Store, author: str, token: str) -> int:
    """A template save that, when refused, starts again from the newest version."""
    latest = store.latest_template(SHARED_TEMPLATE)
    base = latest.number if latest else None
    while True:
        try:
            return store.save_template(SHARED_TEMPLATE, {"tr.md.j2": token}, author=author, base_version=base).number
        except ConflictError as conflict:
            base = conflict.revision


def concurrent_writer(
    url: str, name: str, own_draft: str, shared_draft: str, rounds: int, start: Any, results: Any
) -> None:
    """Autosave an own draft, append to a shared one and save template versions, all at once."""
    report: dict[str, Any] = {"name": name, "own": [], "shared": [], "templates": [], "errors": []}
    try:
        with open_store(url) as store:
            start.wait()
            revision = 1
            for n in range(rounds):
                revision = store.save_draft(own_draft, {"worker": name, "n": n + 1}, expected_revision=revision)
                report["own"].append(revision)
                token = f"{name}-{n}"
                append_to_shared_draft(store, shared_draft, token)
                report["shared"].append(token)
                if n % 3 == 0:
                    number = save_shared_template(store, name, token)
                    report["templates"].append((token, number))
    except Exception:  # every error is a failure the parent reports
        report["errors"].append(traceback.format_exc())
    results.put(report)


def racer(url: str, name: str, rounds: int, barrier: Any, results: Any) -> None:
    """Save a template version from the same base as the other racer, round after round."""
    outcomes: list[str] = []
    try:
        with open_store(url) as store:
            for k in range(rounds):
                barrier.wait()
                try:
                    store.save_template("race", {"by": name}, author=name, base_version=k if k else None)
                    outcomes.append("won")
                except ConflictError:
                    outcomes.append("refused")
                barrier.wait()
    except Exception:
        outcomes.append(traceback.format_exc())
    results.put((name, outcomes))


def autosave_until_killed(url: str, draft_id: str, acks: Connection) -> None:
    """Save the draft (and now and then a template version) forever, acknowledging each commit."""
    with open_store(url) as store:
        revision = store.get_draft(draft_id).revision
        acks.send(("ready", revision))
        padding = "Köklü keçmiş, güclü gələcək. " * 800  # about 25 KB, so writes take a while
        while True:
            revision = store.save_draft(draft_id, {"n": revision + 1, "text": padding}, expected_revision=revision)
            acks.send(("draft", revision))
            if revision % 4 == 0:
                latest = store.latest_template("crash")
                number = store.save_template(
                    "crash",
                    {"tr.md.j2": str(revision)},
                    author="child",
                    base_version=latest.number if latest else None,
                ).number
                acks.send(("template", number))


def first_use(url: str, name: str, start: Any, results: Any) -> None:
    """Open a brand-new SQLite store with auto-upgrade, as several app processes might at once."""
    try:
        start.wait()
        with open_store(url, auto_upgrade=True) as store:
            store.create_draft({}, owner=name)
        results.put((name, "ok"))
    except Exception:
        results.put((name, traceback.format_exc()))


def take_numbers(url: str, issuer: str, year: int, count: int, start: Any, results: Any) -> None:
    """Take ``count`` numbers of one series, one transaction each, as fast as the store gives them."""
    taken: list[Any] = []
    try:
        with open_store(url) as store:
            start.wait()
            taken = [store.next_release_number(issuer, year) for _ in range(count)]
    except Exception:
        taken.append(traceback.format_exc())
    results.put(taken)


def assign_numbers(url: str, draft_ids: list[str], user: str, start: Any, results: Any) -> None:
    """Ask for the number of every draft of the list, in order (the other process asks for the same)."""
    given: list[Any] = []
    try:
        with open_store(url) as store:
            start.wait()
            given = [(draft_id, store.assign_release_number(draft_id, user=user).number) for draft_id in draft_ids]
    except Exception:
        given.append(traceback.format_exc())
    results.put(given)


def approve_releases(url: str, draft_ids: list[str], user: str, start: Any, results: Any) -> None:
    """Approve every release of the list as an editor, through the app, as one app server would."""
    from pressdraft.app.auth import Account
    from pressdraft.app.service import AppService
    from pressdraft.core.library import Library, default_templates_folder
    from pressdraft.pipeline.in_process import IN_PROCESS

    approved: list[Any] = []
    try:
        with open_store(url) as store:
            app = AppService(store, Library.from_folder(default_templates_folder()), IN_PROCESS)
            review = app.for_user(Account(user, "editor")).review
            start.wait()
            approved = [(draft_id, review.approve(draft_id).data["release"]["number"]) for draft_id in draft_ids]
    except Exception:
        approved.append(traceback.format_exc())
    results.put(approved)
