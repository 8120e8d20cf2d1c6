"""Versions: every saved state of a draft is kept; one person's run of autosaves folds into one."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdraft.store import NotFound, Store, versions

THEME = {"tr": "Köklü Geçmiş"}


def with_theme(data: dict, text: str) -> dict:
    return {**data, "fields": {**data.get("fields", {}), "theme": {"tr": text}}}


def test_a_new_draft_is_its_own_first_version(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")

    [first] = store.draft_history(draft.id)
    assert (first.number, first.author, first.revision, first.status, first.event) == (1, "ayse", 1, "draft", "edit")
    assert first.data == draft_data


def test_one_persons_autosaves_within_minutes_fold_into_one_version_with_every_changed_path(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    store.save_draft_as("ayse", draft.id, with_theme(draft_data, "Bir"), expected_revision=1)
    store.save_draft_as("ayse", draft.id, {**with_theme(draft_data, "İki"), "languages": ["tr"]}, expected_revision=2)

    [version] = store.draft_history(draft.id)
    assert (version.number, version.revision) == (1, 3)
    assert version.data["fields"]["theme"] == {"tr": "İki"}
    assert set(version.changed or []) == {"fields.theme", "languages"}
    assert version.updated_at >= version.created_at


def test_another_persons_save_starts_a_version_and_so_does_a_pause(store: Store, draft_data, monkeypatch):
    draft = store.create_draft(draft_data, owner="ayse")
    store.save_draft_as("mehmet", draft.id, with_theme(draft_data, "Mehmet'in"), expected_revision=1)
    later = dt.datetime.now(dt.UTC) + versions.FOLD + dt.timedelta(seconds=1)
    monkeypatch.setattr(versions, "now", lambda: later)
    store.save_draft_as("mehmet", draft.id, with_theme(draft_data, "sonra"), expected_revision=2)

    history = store.draft_history(draft.id)
    assert [(v.number, v.author, v.revision) for v in history] == [(3, "mehmet", 3), (2, "mehmet", 2), (1, "ayse", 1)]
    assert store.draft_version(draft.id, 2).data["fields"]["theme"] == {"tr": "Mehmet'in"}


def test_a_step_other_than_an_edit_is_a_version_of_its_own_and_is_not_folded_into(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    store.save_draft(draft.id, draft_data, expected_revision=1, author="ayse", event="submit")
    store.save_draft(draft.id, with_theme(draft_data, "sonra"), expected_revision=2, author="ayse")

    assert [(v.number, v.event) for v in store.draft_history(draft.id)] == [(3, "edit"), (2, "submit"), (1, "edit")]


def test_a_save_that_loses_its_revision_keeps_no_version(store: Store, draft_data):
    from pressdraft.store import ConflictError

    draft = store.create_draft(draft_data, owner="ayse")
    store.save_draft_as("mehmet", draft.id, with_theme(draft_data, "önce"), expected_revision=1)
    with pytest.raises(ConflictError):
        store.save_draft_as("zeynep", draft.id, with_theme(draft_data, "geç"), expected_revision=1)

    assert [v.author for v in store.draft_history(draft.id)] == ["mehmet", "ayse"]


def test_a_purged_draft_takes_its_versions_along(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    store.delete_draft(draft.id, user="ayse")
    store.purge_draft(draft.id, user="admin")

    assert store.draft_history(draft.id) == []
    with pytest.raises(NotFound):
        store.draft_version(draft.id, 1)
