"""Stored pictures of photo blocks: addressed by their content, kept once, within the upload limit,
and carried by backups, restores and copies like every other table (bytes included)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select
from test_store_backup import all_rows, fill

from pressdraft.safety.images import MAX_IMAGE_BYTES, CleanImage
from pressdraft.store import (
    BackupError,
    InvalidData,
    NotFound,
    Store,
    migrate_store,
    open_store,
    pending_migrations,
    restore,
)
from pressdraft.store.rows import TableDigest, canonical
from pressdraft.store.schema import TABLES, images

PICTURE = bytes(range(256)) * 4  # not UTF-8, with every byte value
OLD_TABLES = {"drafts", "template_versions", "directory_versions", "settings", "accounts", "audit_log"}
# columns a later revision added to a table revision 0003 already had
LATER_COLUMNS = {"drafts": {"status", "status_at", "status_by"}}


def keep(store: Store, data: bytes = PICTURE, user: str = "ayse") -> str:
    return store.store_image(CleanImage(data, "PNG", 40, 30), user=user)


def test_a_picture_is_kept_once_under_the_sha256_of_its_bytes(store: Store):
    key = keep(store)

    assert key == "img-" + hashlib.sha256(PICTURE).hexdigest()
    assert keep(store, user="elvin") == key
    assert store.counts()["images"] == 1
    assert store.image(key) == PICTURE
    row = store.database.run_read(lambda c: c.execute(select(images)).one()._mapping)
    assert (row["content_type"], row["width"], row["height"], row["uploaded_by"]) == ("image/png", 40, 30, "ayse")


def test_pictures_are_found_by_id_and_unknown_ids_are_left_out(store: Store):
    key, other = keep(store), keep(store, b"\x89PNG other")
    assert store.stored_images([key, other, "img-" + "0" * 64]) == {key: PICTURE, other: b"\x89PNG other"}
    assert store.stored_images([]) == {}
    with pytest.raises(NotFound, match="no stored picture"):
        store.image("img-" + "0" * 64)


@pytest.mark.parametrize(("data", "width"), [(b"x" * (MAX_IMAGE_BYTES + 1), 40), (b"", 40), (PICTURE, 0)])
def test_a_picture_over_the_upload_limit_empty_or_without_pixels_is_refused(store: Store, data: bytes, width: int):
    with pytest.raises(InvalidData):
        store.store_image(CleanImage(data, "JPEG", width, 30), user="ayse")
    assert store.counts()["images"] == 0


def fill_new_tables(store: Store) -> None:
    """A picture, a number given to a draft, a number format."""
    keep(store)
    draft = store.create_draft({"release": {"issuer": "mfa", "date": "2026-12-09", "number": "auto"}}, owner="ayse")
    store.assign_release_number(draft.id, user="ayse")
    store.set_release_number_format("presidency", "P-{number}", user="admin")


def test_backup_and_restore_carry_pictures_and_release_numbers(store: Store, url: str, new_database, tmp_path: Path):
    fill(store)
    fill_new_tables(store)
    manifest = store.backup(tmp_path / "store.zip")
    target = new_database()

    restore(tmp_path / "store.zip", target)

    assert manifest["tables"]["images"]["columns"]["data"] == "bytes"
    assert all_rows(target) == all_rows(url)
    with open_store(target) as restored:
        assert restored.image(keep(store)) == PICTURE
        assert restored.next_release_number("mfa", 2026) == 2  # the series carries on


def rewrite(
    backup: Path,
    target: Path,
    tables: set[str],
    revision: str | None = None,
    dropped: dict[str, set[str]] | None = None,
) -> None:
    """The backup with only ``tables`` in its manifest and members (and another schema revision),
    without the ``dropped`` columns of a table (its checksum made again, as that revision wrote it)."""
    dropped = dropped or {}
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        manifest["tables"] = {name: spec for name, spec in manifest["tables"].items() if name in tables}
        manifest["schema_revision"] = revision or manifest["schema_revision"]
        with zipfile.ZipFile(target, "w") as written:
            for name, spec in manifest["tables"].items():
                member = archive.read(f"{name}.jsonl")
                if name in dropped:
                    spec["columns"] = {c: kind for c, kind in spec["columns"].items() if c not in dropped[name]}
                    digest, lines = TableDigest(), []
                    for line in member.splitlines():
                        row = {c: v for c, v in json.loads(line).items() if c not in dropped[name]}
                        digest.add(row)
                        lines.append(canonical(row) + b"\n")
                    spec.update(digest.summary())
                    member = b"".join(lines)
                written.writestr(f"{name}.jsonl", member)
            written.writestr("manifest.json", json.dumps(manifest))


def test_a_backup_made_before_pictures_and_numbers_restores_and_gets_their_tables(
    store: Store, new_database, tmp_path: Path
):
    fill(store)
    store.backup(tmp_path / "store.zip")
    rewrite(tmp_path / "store.zip", tmp_path / "0003.zip", OLD_TABLES, "0003", LATER_COLUMNS)  # as 0003 wrote it
    target = new_database()

    restore(tmp_path / "0003.zip", target)

    with open_store(target) as restored:
        assert restored.counts() == store.counts()
        assert restored.next_release_number("mfa", 2026) == 1


def test_a_backup_at_the_current_revision_that_leaves_out_the_pictures_is_refused(
    store: Store, new_database, tmp_path: Path
):
    fill_new_tables(store)
    store.backup(tmp_path / "store.zip")
    rewrite(tmp_path / "store.zip", tmp_path / "forged.zip", {t.name for t in TABLES} - {"images"})
    target = new_database()

    with pytest.raises(BackupError, match="leaves out the tables images"):
        restore(tmp_path / "forged.zip", target)
    assert pending_migrations(target) == ["0001", "0002", "0003", "0004", "0005", "0006"]


def test_migrate_store_copies_pictures_and_release_numbers(new_database, tmp_path: Path):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    with open_store(source, auto_upgrade=True) as store:
        fill_new_tables(store)
    target = new_database()

    report = migrate_store(source, target)

    assert {name: report[name]["count"] for name in ("images", "release_series", "release_numbers")} == {
        "images": 1,
        "release_series": 1,
        "release_numbers": 1,
    }
    assert all_rows(target) == all_rows(source)
    with open_store(target) as copied:
        key = CleanImage(PICTURE, "PNG", 40, 30).id
        assert copied.stored_images([key]) == {key: PICTURE}
        assert copied.release_number_format("presidency") == "P-{number}"
