"""The template library maintained by staff: versions, checks on save, conflicts, restore, exchange."""

from __future__ import annotations

import io
import warnings
import zipfile

import pytest

from pressdraft.app.auth import Account
from pressdraft.app.workshop import (
    MAX_TEMPLATE_FILE_CHARS,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_UNPACKED_BYTES,
    SaveConflict,
)
from pressdraft.core.problems import PressdraftError


def edited(service, template_id="joint-meeting", **replacements):
    files, base = service.workshop.files(template_id)
    for name, (old, new) in replacements.items():
        assert old in files[name]
        files[name] = files[name].replace(old, new)
    return files, base


def test_the_first_save_of_a_shipped_template_makes_the_organizations_own_copy(service):
    files, base = edited(service, **{"en.md.j2": ('"say"', '"state"')})
    assert base is None
    result = service.save_template("joint-meeting", files, base_version=base, comment="stated, not said")
    assert result.used and result.version.number == 1 and result.version.author == "local"
    draft_id = service.draft_summaries()[0].id
    markdown = service.editor(draft_id).preview().rendition.markdown["en"]
    assert "public diplomacy,” Altun stated. “We have" in markdown  # AP: attributed after the first sentence
    assert service.shipped.get("joint-meeting").files["en.md.j2"].count('"say"') == 1  # shipped file untouched


def test_a_template_failing_its_checks_is_kept_as_a_draft_version_and_not_used(service):
    files, base = edited(service, **{"tr.md.j2": ("{{ platform|genitive", "{{ platfrom|genitive")})
    result = service.save_template("joint-meeting", files, base_version=base)
    assert not result.used and result.version.status == "draft"
    assert any("uses 'platfrom'" in str(p) and ":" in p.path for p in result.problems)
    assert service.library.get("joint-meeting").origin == "shipped"
    assert service.workshop.files("joint-meeting")[1] == 1  # the editor carries on from the draft version


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("tr.md.j2", "{% if theme and attendees %}", "{% if theme and attendees %", "tr.md.j2:"),
        ("az.md.j2", "{{ attendees }}", "{{ participants }}", "uses 'participants'"),
        ("meta.yaml", "type: place", "type: town", "unknown type 'town'"),
        (
            "en.md.j2",
            "{% if background %}\n\n{{ background }}\n{% endif %}",
            "",
            "field 'background' is used in tr, az but not in en",
        ),
        ("en.md.j2", 'meeting_number|ordinal("idiom")', 'meeting_number|ordinal("roman")', "sample"),
    ],
)
def test_every_check_names_where_it_failed(service, file, old, new, expected):
    files, _ = edited(service, **{file: (old, new)})
    problems = [str(p) for p in service.workshop.check("joint-meeting", files)]
    assert any(expected in p for p in problems), problems


def test_a_clean_template_passes_every_check(service):
    files, _ = service.workshop.files("joint-meeting")
    assert service.workshop.check("joint-meeting", files) == []


def test_the_second_of_two_editors_is_refused_with_a_diff_not_silently_overwritten(service):
    mine, base = edited(service, **{"en.md.j2": ('"say"', '"state"')})
    theirs, _ = edited(service, **{"en.md.j2": ('"add"', '"note"')})
    service.workshop.save("joint-meeting", theirs, base_version=base)
    with pytest.raises(SaveConflict) as caught:
        service.workshop.save("joint-meeting", mine, base_version=base)
    assert caught.value.current.number == 1
    assert '-{{ q.text|quoted(q.speaker.full if first else q.mention, "note"' not in caught.value.diff
    assert '"state"' in caught.value.diff and '"note"' in caught.value.diff
    assert len(service.workshop.history("joint-meeting")) == 1


def test_restoring_a_version_reproduces_an_old_release_byte_for_byte(service):
    draft_id = service.draft_summaries()[0].id
    first, base = edited(service, **{"en.md.j2": ('"say"', '"state"')})
    service.save_template("joint-meeting", first, base_version=base)
    edition = service.editor(draft_id).edition()
    old_bytes = next(p for p in service.edition_files(edition) if p.name.endswith("_en.docx")).make()
    service.record_download(draft_id, edition)
    second, base = edited(service, **{"en.md.j2": ('"state"', '"announce"')})
    service.save_template("joint-meeting", second, base_version=base)
    assert service.as_downloaded(draft_id).docx("en") == old_bytes  # remembered: version 1
    restored = service.restore_template("joint-meeting", 1)
    assert restored.version.number == 3 and restored.version.restored_from == 1
    again = service.editor(draft_id)
    again_bytes = next(p for p in service.edition_files(again.edition()) if p.name.endswith("_en.docx")).make()
    assert again_bytes == old_bytes
    assert '"announce"' in service.workshop.diff("joint-meeting", 2)


def test_a_download_writes_its_template_version_only_when_it_changed(service, monkeypatch):
    draft_id = service.draft_summaries()[0].id
    writes = []
    write = service.store.set_draft_template_version
    monkeypatch.setattr(service.store, "set_draft_template_version", lambda *a: writes.append(a) or write(*a))
    shipped = service.editor(draft_id).edition()
    service.record_download(draft_id, shipped)
    service.record_download(draft_id, shipped)  # the same version again: nothing to write
    assert writes == [(draft_id, 0)]
    first, base = edited(service, **{"en.md.j2": ('"say"', '"state"')})
    service.save_template("joint-meeting", first, base_version=base)
    service.record_download(draft_id, service.editor(draft_id).edition())
    assert writes == [(draft_id, 0), (draft_id, 1)]
    assert service.store.draft_template_version(draft_id) == 1


def test_a_new_template_from_blank_or_a_copy_and_an_id_is_never_reused(service):
    assert service.workshop.create("visit-note").used
    copy = service.workshop.create("joint-meeting-2", copy_of="joint-meeting")
    assert copy.used and copy.version.files == service.shipped.get("joint-meeting").files
    with pytest.raises(PressdraftError, match="exists already"):
        service.workshop.create("joint-meeting")
    with pytest.raises(PressdraftError, match="lower-case"):
        service.workshop.create("../etc")


def test_the_library_goes_out_and_comes_back_as_a_zip_in_the_layout_of_templates(service, tmp_path):
    exported = service.workshop.export()
    names = zipfile.ZipFile(io.BytesIO(exported)).namelist()
    assert "joint-meeting/meta.yaml" in names and "joint-meeting/az.md.j2" in names
    results = service.workshop.import_zip(exported)
    assert all(r.used for r in results.values())
    bad = io.BytesIO()
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("joint-meeting/../../evil.py", "x")
    with pytest.raises(PressdraftError, match="not a template file"):
        service.workshop.import_zip(bad.getvalue())


def test_every_change_refreshes_the_library_itself_and_every_session_sees_it(service):
    """No caller refreshes after a change: the change does, whichever door it took, for every view."""
    editor = service.for_user(Account("emre@example.org", "editor"))
    drafter = service.for_user(Account("deniz@example.org", "drafter"))
    editor.create_template("visit-note")
    assert "visit-note" in drafter.template_names() and "visit-note" in service.library
    files, base = edited(editor, **{"en.md.j2": ('"say"', '"state"')})
    editor.save_template("joint-meeting", files, base_version=base)
    assert drafter.library.get("joint-meeting").origin == "organization"
    service.workshop.restore("joint-meeting", 1)  # the workshop's own door refreshes too
    assert service.library.get("joint-meeting").number == 2
    editor.import_templates(zip_of([(f"trip-note/{name}", text) for name, text in files.items()]))
    assert "trip-note" in drafter.template_names()
    assert [row.id for row in drafter.template_rows()] == sorted(drafter.template_names())


# --- importing: a ZIP is refused whole, before anything is read or saved -----------------------


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some tests need
        for name, text in entries:
            archive.writestr(name, text)
    return buffer.getvalue()


def nothing_saved(service):
    return service.store.list_templates() == []


def template_entries(service, template_id="joint-meeting", prefix=""):
    files, _ = service.workshop.files(template_id)
    return [(f"{prefix}{template_id}/{name}", text) for name, text in files.items()]


def refusal(service, data):
    with pytest.raises(PressdraftError) as caught:
        service.workshop.import_zip(data)
    assert nothing_saved(service)
    return [str(p) for p in caught.value.problems]


def test_a_zip_with_too_many_entries_is_refused_before_anything_is_read(service):
    entries = [(f"t{i}/meta.yaml", "x") for i in range(MAX_ZIP_ENTRIES + 1)]
    assert refusal(service, zip_of(entries)) == [f"zip: the ZIP has more than {MAX_ZIP_ENTRIES:,} entries"]


def test_a_zip_unpacking_to_too_much_is_refused_and_a_good_template_beside_it_is_not_saved(service):
    size = MAX_TEMPLATE_FILE_CHARS  # each file within the per-file limit, together over the total
    count = MAX_ZIP_UNPACKED_BYTES // size + 1
    entries = template_entries(service) + [(f"t{i}/en.md.j2", "x" * size) for i in range(count)]
    problems = refusal(service, zip_of(entries))
    assert problems == [f"zip: the ZIP unpacks to more than {MAX_ZIP_UNPACKED_BYTES // 1_000_000} MB"]


def test_declared_sizes_are_not_trusted_each_entry_is_read_with_a_bounded_read(service):
    big = "x" * (MAX_TEMPLATE_FILE_CHARS * 4 + 10)
    data = bytearray(zip_of([*template_entries(service), ("t0/en.md.j2", big)]))
    central = data.rindex(b"PK\x01\x02")  # the last entry's central directory record: declare 10 bytes
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    assert refusal(service, bytes(data)) == ["t0/en.md.j2: the file is damaged in the ZIP"]


@pytest.mark.parametrize(
    "text",
    ["x" * (MAX_TEMPLATE_FILE_CHARS + 1), "ə" * (MAX_TEMPLATE_FILE_CHARS + 1)],
    ids=["ascii", "two-byte characters"],
)
def test_an_oversized_file_refuses_the_whole_zip_and_is_never_kept_as_a_draft_version(service, text):
    entries = [*template_entries(service), *template_entries(service, "statement")]
    entries[-1] = (entries[-1][0], text)
    problems = refusal(service, zip_of(entries))
    assert problems == [f"{entries[-1][0]}: the file is longer than {MAX_TEMPLATE_FILE_CHARS:,} characters"]


@pytest.mark.parametrize(
    "names",
    [
        ["joint-meeting/en.md.j2", "joint-meeting/en.md.j2"],
        ["templates/joint-meeting/en.md.j2", "other/joint-meeting/en.md.j2"],
        ["joint-meeting/en.md.j2", "Joint-Meeting/EN.md.j2"],
        ["joint-meeting/en.md.j2", "joint-meeting/./en.md.j2"],
        ["joint-meeting/en.md.j2", "joint-meeting\\en.md.j2"],
    ],
)
def test_duplicate_names_also_after_case_folding_and_normalisation_refuse_the_zip(service, names):
    entries = [e for e in template_entries(service) if not e[0].endswith("en.md.j2")]
    problems = refusal(service, zip_of(entries + [(name, "# {{ headline }}\n") for name in names]))
    assert any(f"{names[1]}: the ZIP holds this file twice (also as {names[0]})" == p for p in problems), problems


@pytest.mark.parametrize(
    "name",
    ["joint-meeting/evil.py", "/joint-meeting/de.md.j2", "../joint-meeting/meta.yaml", "x/../statement/tr.md.j2"],
)
def test_an_unexpected_name_refuses_the_zip_and_nothing_is_saved(service, name):
    problems = refusal(service, zip_of([*template_entries(service), (name, "x")]))
    assert f"{name}: not a template file (<id>/meta.yaml or <id>/<lang>.md.j2)" in problems


def test_an_encrypted_or_unreadable_entry_refuses_the_zip(service):
    data = bytearray(zip_of([*template_entries(service), ("statement/en.md.j2", "x")]))
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 1  # the "encrypted" flag
    assert refusal(service, bytes(data)) == ["statement/en.md.j2: the file is damaged in the ZIP"]


def test_the_editor_refuses_a_file_over_the_limit_instead_of_keeping_it_as_a_draft_version(service):
    files, base = service.workshop.files("joint-meeting")
    files["en.md.j2"] += "x" * MAX_TEMPLATE_FILE_CHARS
    with pytest.raises(PressdraftError, match=f"longer than {MAX_TEMPLATE_FILE_CHARS:,} characters"):
        service.workshop.save("joint-meeting", files, base_version=base)
    files, _ = service.workshop.files("joint-meeting")
    with pytest.raises(PressdraftError, match="not a template file"):
        service.workshop.save("joint-meeting", {**files, "notes.txt": "x"}, base_version=base)
    assert nothing_saved(service)


def test_an_oversized_version_stored_before_the_limit_is_not_restored(service):
    files, _ = service.workshop.files("joint-meeting")
    big = {**files, "en.md.j2": "x" * (MAX_TEMPLATE_FILE_CHARS + 1)}
    service.store.save_template("joint-meeting", big, author="old", status="draft", base_version=None)
    with pytest.raises(PressdraftError, match=f"longer than {MAX_TEMPLATE_FILE_CHARS:,} characters"):
        service.workshop.restore("joint-meeting", 1)
    assert len(service.workshop.history("joint-meeting")) == 1
