"""The directory, settings overrides and the audit log written with every change it records."""

from __future__ import annotations

import json

import pytest

from pressdraft.store import ConflictError, NotFound, Store
from pressdraft.store import templates as template_ops

DIRECTORY = {
    "people": {"fahrettin-altun": {"name": {"tr": "Fahrettin Altun", "az": "Fahrettin Altun"}}},
    "places": {"baku": {"tr": "Bakü", "az": "Bakı", "en": "Baku"}},
}


def test_without_a_saved_directory_the_shipped_one_is_used(store: Store):
    assert store.current_directory() is None
    assert store.directory_version() is None


def test_a_saved_directory_is_the_current_one_and_every_version_is_kept(store: Store):
    first = store.save_directory(DIRECTORY, author="ayse", base_version=None, comment="import")
    changed = {**DIRECTORY, "places": {}}
    second = store.save_directory(changed, author="elvin", base_version=1)

    assert (first.number, second.number) == (1, 2)
    assert store.current_directory() == changed
    assert store.directory_version(1).data == DIRECTORY
    assert [v.number for v in store.directory_history()] == [2, 1]
    with pytest.raises(NotFound):
        store.directory_version(3)


def test_a_directory_save_from_an_old_version_is_refused_with_the_current_data(store: Store):
    store.save_directory(DIRECTORY, author="ayse", base_version=None)
    store.save_directory({"people": {}}, author="elvin", base_version=1)

    with pytest.raises(ConflictError) as refused:
        store.save_directory({"places": {}}, author="ayse", base_version=1)

    assert refused.value.current == {"people": {}}
    assert refused.value.revision == 2


def test_settings_overrides_are_set_changed_and_reset(store: Store):
    assert store.get_setting("ui_language", "en") == "en"

    store.set_setting("ui_language", "az", user="admin")
    store.set_setting("ui_language", "tr", user="admin")
    store.set_setting("upload_limit", {"mb": 5}, user="admin")

    assert store.get_setting("ui_language") == "tr"
    assert store.settings() == {"ui_language": "tr", "upload_limit": {"mb": 5}}
    assert store.reset_setting("ui_language", user="admin") is True
    assert store.reset_setting("ui_language", user="admin") is False
    assert store.get_setting("ui_language", "en") == "en"


def actions(store: Store) -> list[tuple[str, str, str, str]]:
    return [(e.user, e.action, e.object_type, e.object_id) for e in reversed(store.audit_entries())]


def test_every_change_to_templates_directory_settings_and_every_deletion_is_audited(store: Store):
    draft = store.create_draft({"text": "a"}, owner="ayse")
    store.save_draft(draft.id, {"text": "ab"}, expected_revision=1)
    store.save_template("statement", {"tr.md.j2": "x"}, author="elvin", base_version=None)
    store.restore_template("statement", 1, author="elvin")
    store.save_directory(DIRECTORY, author="leyla", base_version=None)
    store.set_setting("ui_language", "az", user="admin")
    store.reset_setting("ui_language", user="admin")
    store.delete_draft(draft.id, user="ayse")
    store.restore_draft(draft.id, user="ayse")
    store.delete_draft(draft.id, user="ayse")
    store.purge_draft(draft.id, user="admin")

    assert actions(store) == [
        ("elvin", "template.save", "template", "statement"),
        ("elvin", "template.restore", "template", "statement"),
        ("leyla", "directory.save", "directory", "directory"),
        ("admin", "settings.set", "setting", "ui_language"),
        ("admin", "settings.reset", "setting", "ui_language"),
        ("ayse", "draft.delete", "draft", draft.id),
        ("ayse", "draft.restore", "draft", draft.id),
        ("ayse", "draft.delete", "draft", draft.id),
        ("admin", "draft.purge", "draft", draft.id),
    ]


def test_audit_rows_carry_the_state_before_and_after(store: Store):
    store.set_setting("ui_language", "az", user="admin")
    store.set_setting("ui_language", "tr", user="admin")
    store.save_template("statement", {"tr.md.j2": "x"}, author="elvin", base_version=None)
    store.save_template("statement", {"tr.md.j2": "y"}, author="elvin", base_version=1)

    newest, older, setting_change, _ = store.audit_entries()

    assert (setting_change.before, setting_change.after) == ({"value": "az"}, {"value": "tr"})
    assert newest.before == {"version": 1} and newest.after["version"] == 2
    assert older.before is None and older.after["version"] == 1
    assert newest.at >= older.at and newest.at.tzinfo is not None


def test_a_deletion_is_audited_by_what_identifies_the_draft(store: Store):
    draft = store.create_draft({"text": "secret words"}, owner="ayse", title="Visit")
    store.delete_draft(draft.id, user="ayse")

    entry = store.audit_entries(1)[0]

    assert entry.before["deleted_at"] is None and entry.after["deleted_at"] is not None
    assert entry.before["title"] == "Visit"
    assert "secret words" not in json.dumps([entry.before, entry.after])


def test_refused_changes_leave_no_audit_row(store: Store):
    store.save_template("statement", {"tr.md.j2": "x"}, author="elvin", base_version=None)
    with pytest.raises(ConflictError):
        store.save_template("statement", {"tr.md.j2": "y"}, author="ayse", base_version=None)
    with pytest.raises(ConflictError):
        store.save_directory(DIRECTORY, author="ayse", base_version=7)

    assert [e.action for e in store.audit_entries()] == ["template.save"]


def test_a_change_that_fails_after_its_audit_row_was_written_leaves_neither(store: Store, monkeypatch):
    def fail_after_writing(*args, **kwargs):
        raise RuntimeError("power cut between the audit row and the commit")

    monkeypatch.setattr(template_ops, "TemplateVersion", fail_after_writing)

    with pytest.raises(RuntimeError):
        store.save_template("statement", {"tr.md.j2": "x"}, author="elvin", base_version=None)

    assert store.audit_entries() == []
    monkeypatch.undo()
    assert store.template_history("statement") == []


def test_events_that_change_nothing_can_be_audited_too(store: Store):
    store.audit(user="admin", action="user.role", object_type="user", object_id="elvin", after="editor")
    assert store.audit_entries()[0].after == "editor"


def test_the_audit_log_pages_newest_first_and_exports_oldest_first(store: Store):
    for n in range(5):
        store.set_setting(f"key{n}", n, user="admin")

    page = store.audit_entries(limit=2, offset=1)
    exported = store.export_audit()

    assert [e.object_id for e in page] == ["key3", "key2"]
    assert [row["object_id"] for row in exported] == [f"key{n}" for n in range(5)]
    assert set(exported[0]) == {"id", "at", "user", "action", "object_type", "object_id", "before", "after"}
    assert isinstance(exported[0]["at"], str) and exported[0]["at"].endswith("+00:00")
    json.dumps(exported)
    assert [e.object_id for e in store.audit_entries(object_type="setting", object_id="key4")] == ["key4"]
