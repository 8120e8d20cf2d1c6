"""The template library maintained by staff: versions, checks on save, conflicts, restore, exchange."""

from __future__ import annotations

import io
import zipfile

import pytest

from pressdraft.appservice import AppService
from pressdraft.problems import PressdraftError
from pressdraft.settings import load_settings
from pressdraft.workshop import SaveConflict


@pytest.fixture
def service(tmp_path):
    service = AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")}))
    yield service
    service.store.close()


def edited(service, template_id="joint-meeting", **replacements):
    files, base = service.workshop.files(template_id)
    for name, (old, new) in replacements.items():
        assert old in files[name]
        files[name] = files[name].replace(old, new)
    return files, base


def test_the_first_save_of_a_shipped_template_makes_the_organizations_own_copy(service):
    files, base = edited(service, **{"en.md.j2": ('"said"', '"stated"')})
    assert base is None
    result = service.workshop.save("joint-meeting", files, base_version=base, comment="stated, not said")
    assert result.used and result.version.number == 1 and result.version.author == "local"
    service.refresh()
    draft_id = service.draft_summaries()[0].id
    markdown = service.editor(draft_id).preview().rendition.markdown["en"]
    assert "efforts,” Altun stated." in markdown
    assert service.shipped.get("joint-meeting").files["en.md.j2"].count('"said"') == 1  # shipped file untouched


def test_a_template_failing_its_checks_is_kept_as_a_draft_version_and_not_used(service):
    files, base = edited(service, **{"tr.md.j2": ("{{ platform|genitive", "{{ platfrom|genitive")})
    result = service.workshop.save("joint-meeting", files, base_version=base)
    assert not result.used and result.version.status == "draft"
    assert any("uses 'platfrom'" in str(p) and ":" in p.path for p in result.problems)
    service.refresh()
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
    mine, base = edited(service, **{"en.md.j2": ('"said"', '"stated"')})
    theirs, _ = edited(service, **{"en.md.j2": ('"added"', '"continued"')})
    service.workshop.save("joint-meeting", theirs, base_version=base)
    with pytest.raises(SaveConflict) as caught:
        service.workshop.save("joint-meeting", mine, base_version=base)
    assert caught.value.current.number == 1
    assert '-{{ q.text|quote("before_verb") }} {{ who }} {{ "continued"' not in caught.value.diff
    assert '"stated"' in caught.value.diff and '"continued"' in caught.value.diff
    assert len(service.workshop.history("joint-meeting")) == 1


def test_restoring_a_version_reproduces_an_old_release_byte_for_byte(service):
    draft_id = service.draft_summaries()[0].id
    first, base = edited(service, **{"en.md.j2": ('"said"', '"stated"')})
    service.workshop.save("joint-meeting", first, base_version=base)
    service.refresh()
    edition = service.editor(draft_id).edition()
    old_bytes = next(p for p in service.edition_files(edition) if p.name.endswith("_en.docx")).make()
    service.record_download(draft_id, edition)
    second, base = edited(service, **{"en.md.j2": ('"stated"', '"declared"')})
    service.workshop.save("joint-meeting", second, base_version=base)
    service.refresh()
    assert service.as_downloaded(draft_id).docx("en") == old_bytes  # remembered: version 1
    restored = service.workshop.restore("joint-meeting", 1)
    assert restored.version.number == 3 and restored.version.restored_from == 1
    service.refresh()
    again = service.editor(draft_id)
    again_bytes = next(p for p in service.edition_files(again.edition()) if p.name.endswith("_en.docx")).make()
    assert again_bytes == old_bytes
    assert '"declared"' in service.workshop.diff("joint-meeting", 2)


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
