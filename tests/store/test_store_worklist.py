"""The worklist's one query: drafts filtered by state, owner and "waiting for my review", sorted by
their last change, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from draft_states import set_state

from pressdraft.store import Store

DAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def made(store: Store, data: dict, *, owner: str, hours: int, status: str = "draft", by: str | None = None) -> str:
    """A draft of ``owner`` last changed ``hours`` after DAY, in ``status`` (set there by ``by``)."""
    draft_id = store.create_draft(data, owner=owner, title=f"{owner} {status} {hours}").id
    set_state(store, draft_id, status, by=by, changed=DAY + dt.timedelta(hours=hours))
    return draft_id


@pytest.fixture
def office(store: Store, draft_data) -> dict[str, str]:
    """Drafts of three people in every state, and one in the trash."""
    ids = {
        "ayse-draft": made(store, draft_data, owner="ayse@x.org", hours=1),
        "ayse-review": made(store, draft_data, owner="ayse@x.org", hours=2, status="in_review", by="ayse@x.org"),
        "elvin-review": made(store, draft_data, owner="elvin@x.org", hours=3, status="in_review", by="elvin@x.org"),
        "emre-review": made(store, draft_data, owner="elvin@x.org", hours=4, status="in_review", by="emre@x.org"),
        "elvin-approved": made(store, draft_data, owner="elvin@x.org", hours=5, status="approved", by="emre@x.org"),
        "emre-published": made(store, draft_data, owner="emre@x.org", hours=6, status="published", by="emre@x.org"),
    }
    gone = made(store, draft_data, owner="ayse@x.org", hours=7, status="in_review", by="ayse@x.org")
    store.delete_draft(gone, user="ayse@x.org")
    return ids


def names(office: dict[str, str], listed) -> list[str]:
    by_id = {draft_id: name for name, draft_id in office.items()}
    return [by_id[d.id] for d in listed]


def test_without_filters_every_draft_outside_the_trash_the_latest_change_first(store: Store, office):
    assert names(office, store.list_drafts()) == [
        "emre-published",
        "elvin-approved",
        "emre-review",
        "elvin-review",
        "ayse-review",
        "ayse-draft",
    ]


def test_oldest_first_turns_the_order_around(store: Store, office):
    assert names(office, store.list_drafts(oldest_first=True)) == list(office)


def test_a_state_and_an_owner_narrow_the_list_together(store: Store, office):
    assert names(office, store.list_drafts(status="in_review")) == ["emre-review", "elvin-review", "ayse-review"]
    assert names(office, store.list_drafts(status="in_review", owner="elvin@x.org")) == [
        "emre-review",
        "elvin-review",
    ]
    assert names(office, store.list_drafts(status="approved", owner="ayse@x.org")) == []
    assert [d.status for d in store.list_drafts(status="published")] == ["published"]


def test_waiting_for_review_leaves_out_what_the_reviewer_submitted_or_changed(store: Store, office):
    assert names(office, store.list_drafts(reviewer="emre@x.org")) == ["elvin-review", "ayse-review"]
    assert names(office, store.list_drafts(reviewer="elvin@x.org")) == ["ayse-review"]
    assert names(office, store.list_drafts(reviewer="ayse@x.org")) == ["emre-review", "elvin-review"]
    assert names(office, store.list_drafts(reviewer="zeynep@x.org", oldest_first=True)) == [
        "ayse-review",
        "elvin-review",
        "emre-review",
    ]


def test_the_rows_carry_the_state_who_set_it_and_when(store: Store, office):
    (row,) = store.list_drafts(status="approved")
    assert (row.status, row.status_by, row.status_at) == ("approved", "emre@x.org", DAY + dt.timedelta(hours=5))
    assert not hasattr(row, "data")


def test_the_trash_has_its_own_filters(store: Store, office):
    assert [d.title for d in store.list_drafts(trash=True, status="in_review")] == ["ayse@x.org in_review 7"]
    assert store.list_drafts(trash=True, status="draft") == []


def test_owners_are_everyone_with_a_draft_outside_the_trash_once_each(store: Store, office, draft_data):
    assert store.draft_owners() == ["ayse@x.org", "elvin@x.org", "emre@x.org"]
    store.delete_draft(office["emre-published"], user="emre@x.org")
    assert store.draft_owners() == ["ayse@x.org", "elvin@x.org"]


def test_a_reviewer_who_changed_the_text_since_the_last_approval_is_not_waited_on(store: Store, draft_data):
    """Four eyes in the query: an edit by the reviewer in the current round takes the release off
    their list; after an approval, a new round without their edits puts it back."""
    draft_id = store.create_draft(draft_data, owner="ayse@x.org").id
    changed = {**draft_data, "fields": {**draft_data["fields"], "theme": {"tr": "Emre'nin düzeltmesi"}}}
    store.save_draft_as("EMRE@x.org", draft_id, changed, expected_revision=1)  # the same person, other case
    set_state(store, draft_id, "in_review", by="ayse@x.org", changed=DAY)
    assert [d.id for d in store.list_drafts(reviewer="emre@x.org")] == []
    assert [d.id for d in store.list_drafts(reviewer="zeynep@x.org")] == [draft_id]

    revision = store.get_draft(draft_id).revision
    store.save_draft(draft_id, changed, expected_revision=revision, author="zeynep@x.org", event="approve")
    store.save_draft_as("ayse@x.org", draft_id, draft_data, expected_revision=revision + 1)  # a new round
    set_state(store, draft_id, "in_review", by="ayse@x.org", changed=DAY)
    assert [d.id for d in store.list_drafts(reviewer="emre@x.org")] == [draft_id]
    assert [d.id for d in store.list_drafts(reviewer="ayse@x.org")] == []
