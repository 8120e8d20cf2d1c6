"""What the app does, tested without a browser: seeding, drafts, imports, the directory."""

from __future__ import annotations

import contextvars

import pytest

from pressdraft.app import downloads
from pressdraft.app.auth import Account
from pressdraft.app.authorization import NotAllowed
from pressdraft.app.downloads import FileCache
from pressdraft.core.problems import PressdraftError
from pressdraft.document import docx as word
from pressdraft.pipeline import pool


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


# --- edits by someone other than the owner, and emptying a draft (issue 18) ----------------------

DENIZ = Account("deniz@example.org", "drafter")


def fields_of(service, draft_id):
    return dict(service.store.get_draft(draft_id).data["fields"])


def draft_entries(service, draft_id):
    return service.store.audit_entries(100, object_type="draft", object_id=draft_id)


def test_a_non_owners_edits_are_audited_once_per_session_with_who_and_the_fields_changed(service):
    sample = service.draft_summaries()[0].id  # owned by the installation ("local")
    before = service.store.get_draft(sample)
    deniz = service.for_user(DENIZ)
    editor = deniz.editor(sample)
    for text in ("R", "Ro", "Rooted"):  # keystrokes
        editor.set_text("fields.theme", "en", text)
    deniz.editor(sample).set("fields.meeting_number", 2)  # the page reloaded: the same session
    (entry,) = draft_entries(service, sample)
    assert (entry.user, entry.action, entry.object_id) == ("deniz@example.org", "draft.edit", sample)
    assert entry.before["owner"] == "local" and entry.before["title"] == before.title
    assert entry.before["revision"] == before.revision and entry.before["data"] == before.data
    assert entry.after["changed"] == ["fields.theme"] and entry.after["revision"] == before.revision + 1
    service.editor(sample).set_text("fields.theme", "en", "The owner's own edit")  # the owner: not audited
    assert len(draft_entries(service, sample)) == 1


def test_emptying_a_draft_field_by_field_is_audited_with_its_data_and_an_admin_puts_it_back(service):
    sample = service.draft_summaries()[0].id
    original = service.store.get_draft(sample).data
    deniz = service.for_user(DENIZ)
    for name in original["fields"]:  # one save per field, each from a freshly opened page
        deniz.editor(sample).set(f"fields.{name}", None)
    assert fields_of(service, sample) == {}
    emptied = [e for e in draft_entries(service, sample) if e.action == "draft.empty"]
    assert len(emptied) == 1 and emptied[0].user == "deniz@example.org"
    assert emptied[0].before["data"] == original and emptied[0].after["characters"] < emptied[0].before["characters"]

    with pytest.raises(NotAllowed):
        deniz.recover_draft(emptied[0].id)
    service.recover_draft(emptied[0].id)  # the local user is an admin
    assert service.store.get_draft(sample).data == original
    recovered = draft_entries(service, sample)[0]
    assert (recovered.action, recovered.user, recovered.after["from_entry"]) == (
        "draft.recover",
        "local",
        emptied[0].id,
    )
    assert recovered.before["data"]["fields"] == {}  # putting it back can be undone too


def dots(value):
    """Every text replaced by a dot: the draft keeps its shape and loses its words."""
    if isinstance(value, str):
        return "."
    if isinstance(value, dict):
        return {key: dots(item) for key, item in value.items()}
    return [dots(item) for item in value] if isinstance(value, list) else value


@pytest.mark.parametrize(
    "wipe",
    [
        pytest.param(
            lambda ed: [ed.set(f"fields.{n}", dots(v)) for n, v in list(ed.data["fields"].items())], id="dots"
        ),
        pytest.param(lambda ed: ed.switch_template("media-advisory"), id="another kind of release"),
        pytest.param(lambda ed: ed.set("fields", {}), id="every field at once"),
    ],
)
def test_every_way_of_emptying_a_draft_keeps_its_data(service, wipe):
    sample = service.draft_summaries()[0].id
    original = service.store.get_draft(sample).data
    wipe(service.for_user(DENIZ).editor(sample))
    (emptied,) = [e for e in draft_entries(service, sample) if e.action == "draft.empty"]
    assert emptied.before["data"] == original


def test_the_owner_emptying_their_own_draft_is_audited_too_but_small_edits_are_not(service):
    sample = service.draft_summaries()[0].id
    original = service.store.get_draft(sample).data
    editor = service.editor(sample)
    editor.set_text("fields.theme", "en", "Rooted Past")
    assert draft_entries(service, sample) == []
    editor.set("fields", {})
    (emptied,) = draft_entries(service, sample)
    assert emptied.action == "draft.empty" and emptied.user == "local"
    assert emptied.before["data"]["fields"]["background"] == original["fields"]["background"]


def test_a_purged_draft_comes_back_from_the_entry_that_kept_it(service):
    sample = service.draft_summaries()[0].id
    original = service.store.get_draft(sample).data
    service.for_user(DENIZ).editor(sample).set("fields", {})
    entry = draft_entries(service, sample)[0]
    service.trash_draft(sample)
    service.purge_draft(sample)
    service.recover_draft(entry.id)
    again = service.store.get_draft(sample)
    assert again.data == original and again.owner == "local" and again.deleted_at is None


def test_the_owner_emptying_their_draft_field_by_field_on_one_page_is_audited_once(service):
    sample = service.draft_summaries()[0].id
    original = service.store.get_draft(sample).data
    editor = service.editor(sample)
    for name in original["fields"]:
        editor.set(f"fields.{name}", None)
    (emptied,) = draft_entries(service, sample)
    assert (emptied.action, emptied.user, emptied.before["data"]) == ("draft.empty", "local", original)


def test_the_form_reads_the_kinds_of_release_and_the_directory_through_the_service(service):
    names = service.template_names()
    assert list(names) == service.library.ids()
    assert names["joint-meeting"] == service.library.get("joint-meeting").meta.name
    assert service.directory() is service.engine.directory and "istanbul" in service.directory().places


def test_an_editor_is_reused_only_by_the_service_that_opened_it(service):
    draft_id = service.draft_summaries()[0].id
    other = service.for_user(Account("deniz@example.org", "drafter"))
    mine, theirs = service.editor(draft_id), other.editor(draft_id)
    assert service.saves(mine) and other.saves(theirs)
    assert not other.saves(mine) and not service.saves(theirs)


def test_a_session_names_its_user_for_the_sandboxs_fair_share(service):
    drafter = service.for_user(Account("deniz@example.org", "drafter"))

    def acting() -> str:
        drafter.act_in_this_thread()
        return pool._user.get()

    assert contextvars.copy_context().run(acting) == "deniz@example.org"


# --- downloads made on click, kept by content (issue 14) ---------------------------------------------


def test_the_download_cache_keeps_the_newest_within_its_files_and_bytes():
    cache = FileCache(max_files=2, max_bytes=10)
    for key in "abc":
        cache.put(key, b"1234")
    assert cache.get("a") is None and cache.get("b") == b"1234"  # three files: the oldest went
    cache.put("d", b"1234")  # b was used since c was kept: c goes
    assert (cache.get("b"), cache.get("c"), cache.get("d")) == (b"1234", None, b"1234")
    cache.put("e", b"12345678901")  # larger than the whole cache: not kept, nothing dropped for it
    assert cache.get("e") is None and cache.get("d") == b"1234"


def test_a_download_is_made_once_for_the_same_content_and_again_when_the_release_changes(service, monkeypatch):
    monkeypatch.setattr(downloads, "FILES", FileCache())  # none kept by the tests before
    made = []
    real = word.write_docx  # the Word writer the edition imports when a file is first made
    monkeypatch.setattr(word, "write_docx", lambda *args: made.append(args) or real(*args))
    editor = service.editor(service.draft_summaries()[0].id)

    def click(lang: str) -> bytes:
        files = service.edition_files(editor.edition())
        return next(f for f in files if f.name.endswith(f"_{lang}.docx")).make()

    first = click("en")
    assert click("en") == first and len(made) == 1
    editor.set_text("fields.theme", "en", "Rooted Past, Stronger Future")
    assert click("en") != first and len(made) == 2
    editor.set_text("fields.theme", "en", "Rooted Past, Strong Future")  # back as it was: kept
    assert click("en") == first and len(made) == 2
