"""Template versions: a linear history, the working one in use, restore as a new version, no lost update."""

from __future__ import annotations

import pytest

from pressdraft.store import ConflictError, NotFound, Store

FILES = {
    "meta.yaml": "name: {tr: Açıklama, az: Bəyanat, en: Statement}\n",
    "tr.md.j2": "# {{ headline }}\n",
    "az.md.j2": "# {{ headline }}\n",
    "en.md.j2": "# {{ headline }}\n",
}


def edited(text: str) -> dict[str, str]:
    return {**FILES, "en.md.j2": f"# {text}\n"}


def test_the_first_save_is_version_one_with_its_author_comment_and_files(store: Store):
    version = store.save_template("statement", FILES, author="ayse", comment="first", base_version=None)

    assert (version.template_id, version.number, version.status) == ("statement", 1, "working")
    assert (version.author, version.comment, version.restored_from) == ("ayse", "first", None)
    assert version.files == FILES
    assert version.created_at.tzinfo is not None
    assert store.template_version("statement", 1) == version


def test_each_save_is_a_new_version_and_the_history_lists_them_newest_first(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("two"), author="elvin", base_version=1)
    store.save_template("statement", edited("three"), author="ayse", base_version=2)

    history = store.template_history("statement")

    assert [v.number for v in history] == [3, 2, 1]
    assert [v.author for v in history] == ["ayse", "elvin", "ayse"]
    assert history[0].files["en.md.j2"] == "# three\n"
    assert history[2].files == FILES


def test_the_current_template_is_the_newest_working_version_and_drafts_are_kept_unused(
    store: Store,
):
    assert store.current_template("statement") is None
    store.save_template("statement", FILES, author="ayse", base_version=None)
    broken = store.save_template("statement", edited("{% if %}"), author="ayse", status="draft", base_version=1)

    assert store.current_template("statement").number == 1
    assert store.latest_template("statement") == broken
    assert store.template_version("statement", 2).status == "draft"


def test_a_save_based_on_an_old_version_is_refused_with_the_current_files(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("elvin's"), author="elvin", base_version=1)

    with pytest.raises(ConflictError) as refused:
        store.save_template("statement", edited("ayse's"), author="ayse", base_version=1)

    assert refused.value.revision == 2
    assert refused.value.current == edited("elvin's")
    assert "elvin" in str(refused.value)
    assert [v.number for v in store.template_history("statement")] == [2, 1]


def test_a_first_save_when_someone_already_created_the_template_is_refused(store: Store):
    store.save_template("statement", FILES, author="elvin", base_version=None)
    with pytest.raises(ConflictError) as refused:
        store.save_template("statement", edited("mine"), author="ayse", base_version=None)
    assert refused.value.current == FILES


def test_restore_adds_a_new_version_with_the_old_files_and_keeps_the_history(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("two"), author="elvin", base_version=1)

    restored = store.restore_template("statement", 1, author="leyla")

    assert (restored.number, restored.restored_from, restored.author) == (3, 1, "leyla")
    assert restored.files == FILES
    assert restored.comment == "restored version 1"
    assert store.current_template("statement") == restored
    assert [v.number for v in store.template_history("statement")] == [3, 2, 1]


def test_restoring_a_draft_version_keeps_it_a_draft_unless_told_otherwise(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("x"), author="ayse", status="draft", base_version=1)

    assert store.restore_template("statement", 2, author="ayse").status == "draft"
    assert store.current_template("statement").number == 1
    assert store.restore_template("statement", 2, author="ayse", status="working").status == "working"


def test_a_restore_based_on_an_old_version_is_refused(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("two"), author="elvin", base_version=1)
    with pytest.raises(ConflictError):
        store.restore_template("statement", 1, author="ayse", base_version=1)


def test_unknown_versions_are_not_found(store: Store):
    with pytest.raises(NotFound):
        store.template_version("statement", 1)
    with pytest.raises(NotFound):
        store.restore_template("statement", 1, author="ayse")


def test_templates_are_versioned_independently_and_listed_with_their_working_version(store: Store):
    store.save_template("statement", FILES, author="ayse", base_version=None)
    store.save_template("statement", edited("x"), author="elvin", status="draft", base_version=1)
    store.save_template("visit", FILES, author="leyla", base_version=None)

    listed = {t.template_id: t for t in store.list_templates()}

    assert (listed["statement"].latest, listed["statement"].latest_status) == (2, "draft")
    assert (listed["statement"].working, listed["statement"].author) == (1, "elvin")
    assert (listed["visit"].latest, listed["visit"].working) == (1, 1)


def test_a_bad_status_or_non_text_files_are_refused(store: Store):
    with pytest.raises(ValueError):
        store.save_template("statement", FILES, author="ayse", status="final", base_version=None)
    with pytest.raises(ValueError):
        store.save_template("statement", {"tr.md.j2": b"bytes"}, author="ayse", base_version=None)
    assert store.template_history("statement") == []
