"""Search in the database: folded words found by prefix, the index kept with every save, trash
and purge, rebuilt when a store is restored or migrated, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert

from pressdraft.store import Store, migrate_store, open_store, restore, schema, upgrade
from pressdraft.store.database import Database


def release(text: str, *, issuer: str = "tr-communications", date: str = "2025-04-16", number: str = "2025/1") -> dict:
    return {
        "format": 2,
        "template": "joint-meeting",
        "languages": ["tr", "az"],
        "source_language": "tr",
        "release": {"date": date, "city": "ankara", "issuer": issuer, "number": number},
        "fields": {"headline": {"tr": text, "az": f"{text} (az)"}},
    }


def found(store: Store, query: str, **filters) -> list[str]:
    return [hit.id for hit in store.search_drafts(query, **filters)]


@pytest.fixture
def drafts(store: Store) -> dict[str, str]:
    return {
        "written": store.create_draft(release("Bakan Hacıyev Bakıda konuştu"), owner="ayse").id,
        "plain": store.create_draft(release("Haciyev ile görüşme", issuer="az-mfa", date="2025-05-02"), owner="ali").id,
        "suffixed": store.create_draft(release("Hacıyev'in açıklaması", number="2025/7"), owner="ayse").id,
        "city": store.create_draft(release("İstanbul'da zirve", date="2024-12-30"), owner="ali").id,
    }


@pytest.mark.parametrize("query", ["hacıyev", "haciyev", "HACIYEV", "Hacıyev", "HACİYEV", "haci"])
def test_a_name_is_found_with_and_without_diacritics_in_any_case_and_with_its_suffix(store, drafts, query):
    assert set(found(store, query)) == {drafts["written"], drafts["plain"], drafts["suffixed"]}


@pytest.mark.parametrize("query", ["İstanbul", "istanbul", "ISTANBUL", "Istanbul"])
def test_istanbul_is_found_however_its_i_is_typed(store, drafts, query):
    assert found(store, query) == [drafts["city"]]


def test_a_word_finds_its_suffixed_forms_and_every_word_must_match(store, drafts):
    assert found(store, "bakı") == [drafts["written"]]  # "Bakıda" (the releases are held in Ankara)
    assert found(store, "hacıyev konuştu") == [drafts["written"]]
    assert found(store, "hacıyev zirve") == []


def test_the_template_issuer_number_and_state_are_words_too(store, drafts):
    assert set(found(store, "az mfa")) == {drafts["plain"]}
    assert found(store, "2025/7") == [drafts["suffixed"]]
    assert len(found(store, "joint meeting")) == 4
    assert len(found(store, "draft")) == 4


def test_filters_narrow_by_state_issuer_owner_template_number_and_release_date(store, drafts):
    assert set(found(store, "", owner="ali")) == {drafts["plain"], drafts["city"]}
    assert found(store, "hacıyev", issuer="az-mfa") == [drafts["plain"]]
    assert found(store, "", number="2025/7") == [drafts["suffixed"]]
    assert found(store, "", date_from=dt.date(2025, 5, 1)) == [drafts["plain"]]
    assert found(store, "", date_to=dt.date(2024, 12, 31)) == [drafts["city"]]
    assert found(store, "", status="approved") == []
    assert len(found(store, "", template="joint-meeting", status="draft")) == 4
    assert found(store, "", template="other") == []


def test_limit_and_offset_page_through_the_newest_first(store, drafts):
    assert found(store, "", limit=2) == [drafts["city"], drafts["suffixed"]]
    assert found(store, "", limit=2, offset=2) == [drafts["plain"], drafts["written"]]


def test_a_save_reindexes_the_trash_hides_and_a_purge_forgets(store, drafts):
    draft = store.get_draft(drafts["city"])
    store.save_draft(draft.id, release("Şəki görüşü"), expected_revision=draft.revision)
    assert found(store, "istanbul") == []
    assert found(store, "seki") == [draft.id]

    store.delete_draft(draft.id, user="ali")
    assert found(store, "seki") == []
    store.restore_draft(draft.id, user="ali")
    assert found(store, "seki") == [draft.id]

    store.delete_draft(draft.id, user="ali")
    store.purge_draft(draft.id, user="ali")
    assert found(store, "") == [drafts["suffixed"], drafts["plain"], drafts["written"]]
    assert store.reindex_drafts() == 3


def test_reindexing_finds_what_the_index_lost(store, drafts):
    store.database.run_write(lambda connection: connection.exec_driver_sql("DELETE FROM search_index"))
    assert found(store, "haciyev") == []
    assert store.reindex_drafts() == 4
    assert len(found(store, "haciyev")) == 3


def test_a_restored_backup_is_searchable(store, drafts, new_database, tmp_path: Path):
    store.backup(tmp_path / "store.zip")
    target = new_database()
    restore(tmp_path / "store.zip", target)
    with open_store(target) as restored:
        assert set(found(restored, "haciyev")) == {drafts["written"], drafts["plain"], drafts["suffixed"]}


def test_a_migrated_store_is_searchable(new_database, tmp_path: Path):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    with open_store(source, auto_upgrade=True) as store:
        kept = store.create_draft(release("Qəbələ görüşü"), owner="ayse").id
    target = new_database()
    migrate_store(source, target)
    with open_store(target) as migrated:
        assert found(migrated, "qebele") == [kept]


def test_migration_0006_indexes_the_drafts_a_0005_store_holds(new_database):
    url = new_database()
    upgrade(url, "0005")
    stamp = dt.datetime(2025, 4, 16, tzinfo=dt.UTC)
    row = {"id": "a" * 32, "data": release("Naxçıvan görüşü"), "title": "", "languages": ["tr", "az"], "owner": "ayse",
           "created_at": stamp, "updated_at": stamp, "revision": 1}  # fmt: skip
    database = Database(url)
    try:
        database.run_write(lambda connection: connection.execute(insert(schema.drafts).values(**row)))
    finally:
        database.dispose()

    assert upgrade(url) == ["0006"]
    with open_store(url) as store:
        assert found(store, "nahcivan") == [] and found(store, "naxcivan") == ["a" * 32]


def test_a_person_or_place_named_by_directory_key_is_found_by_their_name_in_any_language(store):
    """The sample names Hikmet Hacıyev as ``hikmet-hajiyev`` and holds events in ``baku``: the names
    the directory gives them (shipped, or the newest saved one) are found, however they are typed."""
    data = release("Ortak Medya Platformu")
    data["fields"]["speaker"] = "hikmet-hajiyev"
    data["release"]["city"] = "kars"
    named = store.create_draft(data, owner="ayse").id
    store.create_draft(release("Başka bir toplantı"), owner="ali")  # names nobody

    for query in ("hacıyev", "haciyev", "Hajiyev", "hikmət", "qars", "kars"):
        assert found(store, query) == [named], query

    saved = {"places": {"kars": {"name": {"tr": "Kars", "az": "Qarsşəhəri", "en": "Kars"}}}}
    store.save_directory(saved, author="ayse", base_version=None)
    store.save_draft(named, data, expected_revision=1)  # indexed again, with the newest directory
    assert found(store, "qarssehe") == [named]
    assert found(store, "hacıyev") == []  # the saved directory no longer has him
