"""Backup, restore and copy: the whole store, into a new database, verified, never over data."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from pressdraft.store import (
    BackupError,
    Store,
    StoreNotEmpty,
    StoreNotReady,
    backup,
    head_revision,
    migrate_store,
    open_store,
    pending_migrations,
    restore,
    upgrade,
)
from pressdraft.store.rows import canonical, column_kinds, read_encoded
from pressdraft.store.schema import TABLES


def fill(store: Store) -> None:
    """A bit of everything, including a trashed draft, drafts versions and audit rows."""
    kept = store.create_draft({"fields": {"theme": {"az": "Köklü keçmiş, güclü gələcək"}}}, owner="ayse")
    store.save_draft(kept.id, {"fields": {"theme": {"tr": "Köklü Geçmiş"}}}, expected_revision=1, marks={"az": "1f"})
    trashed = store.create_draft({"text": "İstanbul'da"}, owner="elvin", title="Ziyaret")
    store.delete_draft(trashed.id, user="elvin")
    store.set_draft_template_version(kept.id, 2)
    store.save_template("statement", {"tr.md.j2": "# {{ headline }}"}, author="ayse", base_version=None)
    store.save_template("statement", {"tr.md.j2": "{% if"}, author="ayse", status="draft", base_version=1)
    store.restore_template("statement", 1, author="leyla")
    store.save_directory({"places": {"baku": {"az": "Bakı"}}}, author="leyla", base_version=None)
    store.set_setting("ui_language", "az", user="admin")
    store.set_setting("limits", {"upload_mb": 5, "ratio": 0.5, "none": None}, user="admin")


def all_rows(url: str) -> dict[str, list[bytes]]:
    """Every row of every table, encoded and sorted, to compare two stores exactly."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table.name: sorted(canonical(row) for row in read_encoded(connection, table, column_kinds(table)))
                for table in TABLES
            }
    finally:
        engine.dispose()


def test_backup_then_restore_into_a_new_database_reproduces_every_row(
    store: Store, url: str, new_database, tmp_path: Path
):
    fill(store)
    manifest = store.backup(tmp_path / "store.zip")
    target = new_database()

    restored = restore(tmp_path / "store.zip", target)

    assert restored["tables"] == manifest["tables"]
    assert all_rows(target) == all_rows(url)
    assert pending_migrations(target) == []
    assert {name: spec["count"] for name, spec in manifest["tables"].items()} == store.counts()


def test_a_restored_store_carries_on_where_the_original_stopped(store: Store, new_database, tmp_path: Path):
    fill(store)
    store.backup(tmp_path / "store.zip")
    target = new_database()
    restore(tmp_path / "store.zip", target)

    with open_store(target) as again:
        [draft] = again.list_drafts()
        assert again.save_draft(draft.id, {"more": 1}, expected_revision=draft.revision) == 3
        assert again.save_template("statement", {"tr.md.j2": "x"}, author="ayse", base_version=3).number == 4
        ids = [e.id for e in again.audit_entries()]
        assert ids[0] > ids[1] and len(set(ids)) == len(ids)


def test_the_backup_is_one_zip_of_json_lines_with_counts_and_checksums(store: Store, tmp_path: Path):
    fill(store)
    path = tmp_path / "backups" / "store.zip"

    manifest = store.backup(path)

    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        drafts = [json.loads(line) for line in archive.read("drafts.jsonl").splitlines()]
    assert names == {"manifest.json"} | {f"{t.name}.jsonl" for t in TABLES}
    assert manifest["format"] == "pressdraft-store-backup" and manifest["format_version"] == 1
    assert manifest["schema_revision"] == head_revision()
    assert len(drafts) == manifest["tables"]["drafts"]["count"] == 2
    assert all(len(spec["sha256"]) == 64 for spec in manifest["tables"].values())
    assert [p.name for p in path.parent.iterdir()] == ["store.zip"]  # no partial file left


def test_the_module_level_backup_works_from_a_url(store: Store, url: str, tmp_path: Path):
    fill(store)
    assert backup(url, str(tmp_path / "b.zip"))["tables"]["drafts"]["count"] == 2


def test_restore_refuses_a_store_that_holds_data_and_changes_nothing(store: Store, url: str, tmp_path: Path):
    fill(store)
    store.backup(tmp_path / "store.zip")
    before = all_rows(url)

    with pytest.raises(StoreNotEmpty, match="not empty .*2 drafts.*nothing was changed"):
        restore(tmp_path / "store.zip", url)

    assert all_rows(url) == before


def test_restore_into_a_migrated_empty_database_is_fine(store: Store, new_database, tmp_path: Path):
    fill(store)
    store.backup(tmp_path / "store.zip")
    target = new_database()
    upgrade(target)

    restore(tmp_path / "store.zip", target)

    with open_store(target) as again:
        assert len(again.list_drafts(trash=True)) == 1


def changed_backup(store: Store, folder: Path, name: str, change: Any) -> Path:
    """A backup of the filled ``store`` whose member ``name`` was then changed by ``change``."""
    fill(store)
    store.backup(folder / "store.zip")
    changed = folder / "changed.zip"
    with zipfile.ZipFile(folder / "store.zip") as old, zipfile.ZipFile(changed, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, change(data) if item.filename == name else data)
    return changed


def test_a_tampered_backup_is_refused_and_the_target_stays_untouched(store: Store, new_database, tmp_path: Path):
    tampered = changed_backup(store, tmp_path, "settings.jsonl", lambda data: data.replace(b'"az"', b'"en"'))
    target = new_database()

    with pytest.raises(BackupError, match="settings.*checksum"):
        restore(tampered, target)

    assert pending_migrations(target) == ["0001", "0002", "0003", "0004", "0005", "0006"]


def test_a_backup_missing_rows_is_refused(store: Store, new_database, tmp_path: Path):
    short = changed_backup(store, tmp_path, "audit_log.jsonl", lambda data: b"\n".join(data.splitlines()[1:]) + b"\n")
    with pytest.raises(BackupError, match="audit_log"):
        restore(short, new_database())


def test_files_that_are_not_backups_are_refused_clearly(new_database, tmp_path: Path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(BackupError, match="Cannot read"):
        restore(tmp_path / "notes.txt", new_database())

    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(BackupError, match="not a pressdraft backup"):
        restore(tmp_path / "other.zip", new_database())

    with zipfile.ZipFile(tmp_path / "future.zip", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "pressdraft-store-backup", "format_version": 99}))
    with pytest.raises(BackupError, match="version 99"):
        restore(tmp_path / "future.zip", new_database())


def test_a_database_with_pending_migrations_is_not_backed_up(new_database, tmp_path: Path):
    with pytest.raises(StoreNotReady, match="pressdraft db upgrade"):
        backup(new_database(), str(tmp_path / "backups" / "b.zip"))
    assert list((tmp_path / "backups").iterdir()) == []


def test_migrate_store_copies_a_sqlite_store_into_another_database_verified(new_database, tmp_path: Path):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    with open_store(source, auto_upgrade=True) as store:
        fill(store)
    target = new_database()

    report = migrate_store(source, target)

    assert all_rows(target) == all_rows(source)
    assert {name: r["count"] for name, r in report.items()} == {
        "drafts": 2,
        "template_versions": 3,
        "directory_versions": 1,
        "settings": 2,
        "accounts": 0,
        "audit_log": 7,
        "release_series": 0,
        "release_numbers": 0,
        "images": 0,
        "draft_versions": 2,
        "draft_comments": 0,
        "publications": 0,
        "publication_files": 0,
    }
    with open_store(target) as copied:
        copied.set_setting("ui_language", "tr", user="admin")
        assert copied.audit_entries(1)[0].id == 8


def test_migrate_store_refuses_a_target_that_holds_data(store: Store, url: str, tmp_path: Path):
    fill(store)
    source = f"sqlite:///{tmp_path / 'source.db'}"
    with open_store(source, auto_upgrade=True) as other:
        other.create_draft({}, owner="ayse")

    with pytest.raises(StoreNotEmpty):
        migrate_store(source, url)

    assert store.counts()["drafts"] == 2


# --- forged manifests: the manifest must describe the archive and the schema exactly ------------


def forge(source: Path, target: Path, change: Any) -> None:
    """Rewrite a backup: ``change(manifest, members)`` edits the manifest and the (name, bytes) list."""
    with zipfile.ZipFile(source) as old:
        manifest = json.loads(old.read("manifest.json"))
        members = [(item.filename, old.read(item)) for item in old.infolist() if item.filename != "manifest.json"]
    members = change(manifest, members) or members
    with warnings.catch_warnings(), zipfile.ZipFile(target, "w") as new:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names one forgery needs
        for name, data in members:
            new.writestr(name, data)
        new.writestr("manifest.json", json.dumps(manifest))


def _leave_out(table: str, member_too: bool) -> Any:
    def change(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> Any:
        del manifest["tables"][table]
        return [m for m in members if m[0] != f"{table}.jsonl"] if member_too else None

    return change


def _add_table(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> Any:
    manifest["tables"]["users"] = {"columns": {"email": "text"}, "count": 1, "sha256": "0" * 64}
    return [*members, ("users.jsonl", b'{"email": "x@example.org"}\n')]


def _lower_count(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> None:
    manifest["tables"]["drafts"]["count"] -= 1


def _rename_member(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> Any:
    return [("Drafts.jsonl" if name == "drafts.jsonl" else name, data) for name, data in members]


def _extra_member(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> Any:
    return [*members, ("notes.txt", b"hello")]


def _duplicate_member(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> Any:
    return [*members, *(m for m in members if m[0] == "drafts.jsonl")]


def _drop_column(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> None:
    del manifest["tables"]["drafts"]["columns"]["owner"]


def _unknown_revision(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> None:
    manifest["schema_revision"] = "head"  # a name Alembic understands, not a revision


def _bad_spec(manifest: dict[str, Any], members: list[tuple[str, bytes]]) -> None:
    manifest["tables"]["drafts"]["count"] = "2"


FORGERIES = {
    "table left out": (_leave_out("drafts", member_too=False), "drafts.jsonl"),
    "table and member left out": (_leave_out("drafts", member_too=True), "drafts"),
    "table added": (_add_table, "users"),
    "count lowered": (_lower_count, "drafts"),
    "member renamed": (_rename_member, "drafts.jsonl"),
    "extra member": (_extra_member, "notes.txt"),
    "duplicate member": (_duplicate_member, "drafts.jsonl"),
    "column left out": (_drop_column, "owner"),
    "count not a number": (_bad_spec, "manifest"),
    "unknown schema revision": (_unknown_revision, "'head'"),
}


@pytest.mark.parametrize("forgery", FORGERIES, ids=list(FORGERIES))
def test_a_forged_manifest_is_refused_in_one_line_and_nothing_is_restored(
    store: Store, new_database, tmp_path: Path, forgery: str
):
    change, named = FORGERIES[forgery]
    fill(store)
    store.backup(tmp_path / "store.zip")
    forge(tmp_path / "store.zip", tmp_path / "forged.zip", change)
    target = new_database()

    with pytest.raises(BackupError) as caught:
        restore(tmp_path / "forged.zip", target)

    message = str(caught.value)
    assert named in message and "\n" not in message
    assert pending_migrations(target) == ["0001", "0002", "0003", "0004", "0005", "0006"]
