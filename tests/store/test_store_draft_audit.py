"""Draft saves that leave a trace (store/draft_audit.py), on every backend: a non-owner's session,
a draft emptied, a draft put back; each entry written in the transaction of its save."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.store import ConflictError, NotFound, Store, draft_audit

TEXT = "Platform, Türkiye ile Azerbaycan arasında medya alanında stratejik iş birliğine ilişkin bir mutabakat."


@pytest.fixture
def draft_id(store: Store, draft_data) -> str:
    data = {**draft_data, "fields": {**draft_data["fields"], "background": {"tr": TEXT, "az": TEXT}}}
    return store.create_draft(data, owner="ayse@example.org").id


def save(store: Store, draft_id: str, user: str, fields: dict) -> int:
    current = store.get_draft(draft_id)
    return store.save_draft_as(user, draft_id, {**current.data, "fields": fields}, expected_revision=current.revision)


def entries(store: Store, draft_id: str) -> list:
    return [(e.action, e.user) for e in store.audit_entries(object_type="draft", object_id=draft_id)]


def test_a_session_ends_after_an_hour_or_when_someone_else_changes_the_draft(store, draft_id, monkeypatch):
    fields = store.get_draft(draft_id).data["fields"]
    for text in ("A", "AB"):
        save(store, draft_id, "deniz@example.org", {**fields, "theme": {"tr": text}})
    save(store, draft_id, "Ayse@Example.org", fields)  # the owner, whatever the case of the address
    assert entries(store, draft_id) == [("draft.edit", "deniz@example.org")]
    save(store, draft_id, "emre@example.org", {**fields, "theme": {"tr": "Emre"}})
    save(store, draft_id, "deniz@example.org", {**fields, "theme": {"tr": "Deniz"}})
    assert entries(store, draft_id)[:2] == [("draft.edit", "deniz@example.org"), ("draft.edit", "emre@example.org")]
    monkeypatch.setattr(draft_audit, "SESSION", dt.timedelta(0))
    save(store, draft_id, "deniz@example.org", {**fields, "theme": {"tr": "Later"}})
    assert len(entries(store, draft_id)) == 4


def test_a_refused_save_leaves_no_entry(store, draft_id):
    with pytest.raises(ConflictError):
        store.save_draft_as("deniz@example.org", draft_id, {"fields": {}}, expected_revision=99)
    assert entries(store, draft_id) == []


def test_a_draft_emptied_is_kept_in_its_entry_and_put_back(store, draft_id):
    original = store.get_draft(draft_id)
    assert draft_audit.size(original.data) >= draft_audit.MIN_TEXT
    save(store, draft_id, "ayse@example.org", {"theme": {"tr": "."}})
    (entry,) = store.audit_entries(object_type="draft", object_id=draft_id)
    assert entry.action == "draft.empty" and entry.before["data"] == original.data
    assert entry.after["changed"] == ["fields.background", "fields.theme"]
    put_back = store.recover_draft(entry.id, user="admin@example.org")
    assert put_back.data == original.data and put_back.revision == original.revision + 2
    with pytest.raises(NotFound):
        store.recover_draft(store.audit_entries(1)[0].id + 1, user="admin@example.org")


def test_the_text_is_every_string_and_number_and_changes_are_named_by_field():
    assert draft_audit.text_size({"tr": "  ab ", "n": 12, "x": [True, None, {"y": "c"}]}) == 5
    assert draft_audit.changed_paths({"fields": {"a": 1}, "template": "x"}, {"fields": {"a": 2}, "template": "y"}) == [
        "fields.a",
        "template",
    ]
