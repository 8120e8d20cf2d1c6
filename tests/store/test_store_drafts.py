"""Drafts: created, autosaved under a revision, listed, duplicated, trashed, restored, purged."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressdraft.store import ConflictError, InvalidData, NotFound, NotInTrash, Store


def test_a_new_draft_starts_at_revision_one_with_its_data_kept_as_given(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse", title="Ortak Medya Platformu")

    assert len(draft.id) == 32 and int(draft.id, 16) >= 0
    assert draft.revision == 1
    assert draft.data == draft_data
    assert (draft.title, draft.owner) == ("Ortak Medya Platformu", "ayse")
    assert draft.template_id == "joint-meeting"
    assert draft.languages == ["tr", "az", "en"]
    assert draft.deleted_at is None and draft.template_version is None
    assert store.get_draft(draft.id) == draft


def test_timestamps_are_timezone_aware_utc(store: Store, draft_data):
    before = dt.datetime.now(dt.UTC)
    draft = store.create_draft(draft_data, owner="ayse")

    assert draft.created_at.tzinfo is dt.UTC
    assert before <= draft.created_at <= dt.datetime.now(dt.UTC)
    assert draft.updated_at == draft.created_at


def test_an_incomplete_or_invalid_draft_is_stored_as_typed(store: Store):
    half_typed = {"template": 42, "languages": "tr", "fields": {"theme": {"tr": "Köklü"}}}

    draft = store.create_draft(half_typed, owner="ayse")

    assert store.get_draft(draft.id).data == half_typed
    assert draft.template_id is None and draft.languages == []


def test_autosave_returns_the_next_revision_and_keeps_the_new_data(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    draft_data["fields"]["theme"]["en"] = "Rooted Past, Strong Future"

    revision = store.save_draft(draft.id, draft_data, expected_revision=1, title="Rooted Past")

    saved = store.get_draft(draft.id)
    assert revision == saved.revision == 2
    assert saved.data["fields"]["theme"]["en"] == "Rooted Past, Strong Future"
    assert saved.title == "Rooted Past"
    assert saved.updated_at > draft.updated_at
    assert saved.created_at == draft.created_at


def test_autosave_without_a_title_keeps_the_title(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse", title="Kept")
    store.save_draft(draft.id, draft_data, expected_revision=1)
    assert store.get_draft(draft.id).title == "Kept"


def test_a_stale_autosave_is_refused_with_the_stored_data_and_revision(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    first_tab = {**draft_data, "fields": {"theme": {"tr": "first tab"}}}
    second_tab = {**draft_data, "fields": {"theme": {"tr": "second tab"}}}
    store.save_draft(draft.id, first_tab, expected_revision=1)

    with pytest.raises(ConflictError) as refused:
        store.save_draft(draft.id, second_tab, expected_revision=1)

    assert refused.value.revision == 2
    assert refused.value.current == first_tab
    assert "revision 2" in str(refused.value)
    assert store.get_draft(draft.id).data == first_tab


def test_saving_with_the_revision_from_a_conflict_goes_through(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")
    store.save_draft(draft.id, draft_data, expected_revision=1)
    with pytest.raises(ConflictError) as refused:
        store.save_draft(draft.id, {"merged": True}, expected_revision=1)

    assert store.save_draft(draft.id, {"merged": True}, expected_revision=refused.value.revision) == 3


def test_a_missing_draft_is_not_found(store: Store):
    with pytest.raises(NotFound):
        store.get_draft("0" * 32)
    with pytest.raises(NotFound):
        store.save_draft("0" * 32, {}, expected_revision=1)


def test_an_imported_draft_keeps_its_id_and_an_existing_id_is_refused(store: Store, draft_data):
    store.create_draft(draft_data, owner="ayse", draft_id="a" * 32)
    with pytest.raises(ConflictError):
        store.create_draft({}, owner="ayse", draft_id="a" * 32)
    assert store.get_draft("a" * 32).data == draft_data


def test_the_list_shows_the_most_recently_edited_first_without_the_trash(store: Store, draft_data):
    older = store.create_draft(draft_data, owner="ayse", title="older")
    newer = store.create_draft(draft_data, owner="elvin", title="newer")
    gone = store.create_draft(draft_data, owner="ayse", title="gone")
    store.delete_draft(gone.id, user="ayse")
    time.sleep(0.001)
    store.save_draft(older.id, draft_data, expected_revision=1)

    listed = store.list_drafts()

    assert [d.id for d in listed] == [older.id, newer.id]
    assert [(d.title, d.template_id, d.languages) for d in listed][1] == (
        "newer",
        "joint-meeting",
        ["tr", "az", "en"],
    )
    assert [d.id for d in store.list_drafts(owner="elvin")] == [newer.id]
    assert not hasattr(listed[0], "data")


def test_delete_moves_to_the_trash_and_restore_brings_the_draft_back_as_it_was(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")

    trashed = store.delete_draft(draft.id, user="ayse")
    assert trashed.deleted_at is not None
    assert [d.id for d in store.list_drafts(trash=True)] == [draft.id]
    assert store.list_drafts() == []

    restored = store.restore_draft(draft.id, user="ayse")
    assert restored.deleted_at is None
    assert restored.data == draft_data and restored.revision == draft.revision
    assert store.list_drafts(trash=True) == []


def test_a_second_tab_can_keep_saving_a_trashed_draft_so_nothing_typed_is_lost(store: Store):
    draft = store.create_draft({"text": "a"}, owner="ayse")
    store.delete_draft(draft.id, user="ayse")

    store.save_draft(draft.id, {"text": "ab"}, expected_revision=1)

    assert store.restore_draft(draft.id, user="ayse").data == {"text": "ab"}


def test_purge_removes_a_trashed_draft_for_good_but_refuses_one_not_in_the_trash(store: Store):
    draft = store.create_draft({"text": "a"}, owner="ayse")
    with pytest.raises(NotInTrash):
        store.purge_draft(draft.id, user="ayse")

    store.delete_draft(draft.id, user="ayse")
    store.purge_draft(draft.id, user="ayse")

    with pytest.raises(NotFound):
        store.get_draft(draft.id)
    assert store.list_drafts(trash=True) == []


def test_duplicate_makes_an_independent_copy(store: Store, draft_data):
    original = store.create_draft(draft_data, owner="ayse", title="Original")

    copy = store.duplicate_draft(original.id, owner="elvin", title="Copy")
    store.save_draft(copy.id, {"changed": True}, expected_revision=1)

    assert copy.id != original.id
    assert (copy.owner, copy.title, copy.revision) == ("elvin", "Copy", 1)
    assert copy.data == draft_data
    assert store.get_draft(original.id).data == draft_data


def test_the_template_version_a_draft_was_rendered_with_is_remembered_without_a_new_revision(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse")

    store.set_draft_template_version(draft.id, 3)

    again = store.get_draft(draft.id)
    assert again.template_version == 3 and again.revision == 1
    assert store.draft_template_version(draft.id) == 3
    with pytest.raises(NotFound):
        store.set_draft_template_version("f" * 32, 1)
    with pytest.raises(NotFound):
        store.draft_template_version("f" * 32)


def test_dates_in_draft_data_are_kept_as_iso_text_like_in_a_draft_file(store: Store):
    draft = store.create_draft({"release": {"date": dt.date(2021, 10, 23)}}, owner="ayse")
    assert store.get_draft(draft.id).data == {"release": {"date": "2021-10-23"}}


def test_data_that_is_not_json_is_refused_and_nothing_is_stored(store: Store):
    with pytest.raises(InvalidData, match="not JSON"):
        store.create_draft({"what": object()}, owner="ayse")
    with pytest.raises(InvalidData, match="JSON"):
        store.create_draft({"x": float("nan")}, owner="ayse")
    assert store.list_drafts() == []


def test_a_lone_surrogate_does_not_make_an_autosave_fail(store: Store):
    draft = store.create_draft({"text": "ok\ud800ok"}, owner="ayse")
    assert store.get_draft(draft.id).data == {"text": "ok\ufffdok"}


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.text(), json_values, max_size=5))
def test_any_json_draft_comes_back_exactly_as_saved(store: Store, data):
    draft = store.create_draft({}, owner="ayse")
    store.save_draft(draft.id, data, expected_revision=1)
    assert store.get_draft(draft.id).data == data


def test_translation_marks_are_saved_with_the_draft_kept_when_not_given_and_duplicated(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse", marks={"en:fields.theme": "abc"})
    assert draft.marks == {"en:fields.theme": "abc"}

    store.save_draft(draft.id, draft_data, expected_revision=1)
    assert store.get_draft(draft.id).marks == {"en:fields.theme": "abc"}
    store.save_draft(draft.id, draft_data, expected_revision=2, marks={"en:fields.theme": "def"})
    assert store.get_draft(draft.id).marks == {"en:fields.theme": "def"}

    assert store.duplicate_draft(draft.id, owner="elvin").marks == {"en:fields.theme": "def"}
    with pytest.raises(ConflictError) as refused:
        store.save_draft(draft.id, {}, expected_revision=1, marks={})
    assert refused.value.record.marks == {"en:fields.theme": "def"}


def test_a_summary_is_stored_with_the_data_and_listed_without_it(store: Store, draft_data):
    summary = {"missing": {"tr": 0, "az": 2, "en": 1}}
    draft = store.create_draft(draft_data, owner="ayse", summary=summary)

    assert store.get_draft(draft.id).summary == summary
    (listed,) = store.list_drafts()
    assert listed.summary == summary and not hasattr(listed, "data")
    assert store.duplicate_draft(draft.id, owner="elvin").summary == summary

    fresh = {"missing": {"tr": 0, "az": 0, "en": 0}}
    assert store.save_draft(draft.id, draft_data, expected_revision=1, summary=fresh) == 2
    assert store.get_draft(draft.id).summary == fresh


def test_a_save_without_a_summary_clears_it_so_it_never_describes_other_data(store: Store, draft_data):
    draft = store.create_draft(draft_data, owner="ayse", summary={"missing": {"tr": 3}})
    store.save_draft(draft.id, {"changed": True}, expected_revision=1)

    assert store.get_draft(draft.id).summary is None


def test_a_summary_is_filled_once_only_at_the_revision_it_was_made_from(store: Store, draft_data):
    """Drafts saved before migration 0003 have none; a listing fills it, unless a save came first."""
    draft = store.create_draft(draft_data, owner="ayse")
    assert draft.summary is None

    late = {"missing": {"tr": 9}}
    store.save_draft(draft.id, draft_data, expected_revision=1, summary={"missing": {"tr": 0}})
    assert not store.fill_draft_summary(draft.id, late, revision=1)
    store.save_draft(draft.id, draft_data, expected_revision=2)
    assert store.fill_draft_summary(draft.id, {"missing": {"tr": 1}}, revision=3)
    assert not store.fill_draft_summary(draft.id, late, revision=3)

    stored = store.get_draft(draft.id)
    assert (stored.summary, stored.revision) == ({"missing": {"tr": 1}}, 3)
