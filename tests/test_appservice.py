"""What the app does, tested without a browser: seeding, drafts, imports, the directory."""

from __future__ import annotations

import pytest

from pressdraft.appservice import AppService
from pressdraft.problems import PressdraftError
from pressdraft.settings import load_settings


@pytest.fixture
def service(tmp_path):
    settings = load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")})
    service = AppService.open(settings)
    yield service
    service.store.close()


def test_an_empty_installation_starts_with_the_sample_release(service):
    (row,) = service.draft_summaries()
    assert row.title == "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"
    assert row.missing == {"tr": 0, "az": 0, "en": 0}


def test_an_unknown_or_deleted_draft_opens_the_latest_instead(service):
    latest = service.draft_summaries()[0].id
    assert service.open_draft_id("nope") == latest
    service.trash_draft(latest)
    fresh = service.open_draft_id(latest)
    assert fresh != latest and service.store.get_draft(fresh).data["template"] in service.library.ids()


def test_an_invalid_import_is_refused_with_every_problem_and_stores_nothing(service):
    with pytest.raises(PressdraftError) as caught:
        service.import_draft(b"format: 1\ntemplate: joint-meting\n", "bad.yaml")
    assert "template: unknown template 'joint-meting'; did you mean 'joint-meeting'?" in [
        str(p) for p in caught.value.problems
    ]
    with pytest.raises(PressdraftError, match="not UTF-8"):
        service.import_draft(b"\xff\xfe", "bad.yaml")
    assert len(service.draft_summaries()) == 1


def test_an_exported_draft_imports_back_to_the_same_file(service):
    draft_id = service.draft_summaries()[0].id
    name, make = service.draft_export(draft_id, "yaml")
    assert name.endswith(".yaml")
    again = service.import_draft(make(), name)
    assert service.draft_export(again, "yaml")[1]() == make()


def test_a_directory_edit_is_validated_saved_and_used_by_the_engine(service):
    rows = [{"key": "ganja", "name.tr": "Gence", "name.az": "Gəncə", "name.en": "Ganja"}]
    service.save_directory_section("places", rows)
    assert service.engine.directory.place("ganja", "x").name.get("az") == "Gəncə"
    with pytest.raises(PressdraftError):
        service.save_directory_section("people", [{"key": "x", "organization": "nowhere", "name.tr": "X"}])
    assert "nowhere" not in str(service.directory_data())


def test_every_download_is_named_as_the_cli_names_it(service):
    editor = service.editor(service.draft_summaries()[0].id)
    names = [p.name for p in service.edition_files(editor.edition())]
    stem = "2021-10-23_turkiye-azerbaycan-ortak-medya-platformu-ilk-toplantisini"
    assert f"{stem}_tr.docx" in names and f"{stem}_tr-az-en.docx" in names and f"{stem}.zip" in names


def test_a_new_place_added_from_the_form_is_in_the_directory_and_a_taken_key_is_refused(service):
    service.add_directory_entry("places", "ganja", {"name": {"tr": "Gence", "az": "Gəncə", "en": "Ganja"}})
    assert service.engine.directory.place("ganja", "x").name.get("tr") == "Gence"
    with pytest.raises(PressdraftError, match="taken"):
        service.add_directory_entry("places", "ganja", {"name": {"tr": "X"}})
    with pytest.raises(PressdraftError):
        service.add_directory_entry("people", "Bad Key", {"name": {"tr": "X"}})
