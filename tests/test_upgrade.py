"""``pressdraft upgrade-draft``: a version-1 draft rewritten in format 2 validates and says the same.

Fields the template gives to the event (``event:`` in meta.yaml) move to ``event``, fields a template
renamed (``formerly:``) take their new name, quotes stay; the input file is never overwritten unless asked.
"""

import re
from pathlib import Path

import pytest

from pressdraft.app.standalone import upgrade_draft
from pressdraft.cli.commands import main
from pressdraft.core.directory import default_directory
from pressdraft.core.files import dump_data, read_data
from pressdraft.core.library import Library, Template, default_templates_folder, template_files
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

ROOT = Path(__file__).resolve().parents[1]
#: Every version-1 draft shipped: the examples while they are version 1, then the test files they became.
VERSION_1 = sorted(
    path
    for path in [*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/data/v1/*.yaml")]
    if read_data(path.read_text("utf-8"), "yaml").get("format") == 1
)


def engine_with_event_fields(template_id: str, event_keys: dict[str, str]) -> Engine:
    """The shipped library, with ``template_id``'s fields given to the event (``{"date": "date"}``) if it
    does not already: what the templates of format 2 declare."""
    files = template_files(default_templates_folder() / template_id)
    meta = files["meta.yaml"]
    for name, key in event_keys.items():
        if not re.search(rf"- name: {name}\n(?:    .*\n)*?    event: ", meta):
            meta = meta.replace(f"  - name: {name}\n", f"  - name: {name}\n    event: {key}\n", 1)
    shipped = Library.from_folder(default_templates_folder())
    library = shipped.with_overrides({template_id: Template(template_id, {**files, "meta.yaml": meta})})
    return Engine(library, default_directory(), IN_PROCESS)


def write(path: Path, data) -> Path:
    path.write_text(dump_data(data, "json" if path.suffix == ".json" else "yaml"), "utf-8")
    return path


def rendered(engine: Engine, path: Path) -> dict[str, str]:
    return engine.render(engine.load_draft(path)).markdown


@pytest.mark.parametrize("path", VERSION_1, ids=lambda p: p.stem)
def test_each_version_1_draft_upgraded_validates_and_renders_the_same_text(engine, path, tmp_path):
    out = tmp_path / path.name
    assert main(["upgrade-draft", str(path), "-o", str(out)]) == 0
    assert read_data(out.read_text("utf-8"), "yaml")["format"] == 2
    assert rendered(engine, out) == rendered(engine, path)


def test_fields_the_event_says_move_to_the_event_and_render_the_same(tmp_path):
    engine = engine_with_event_fields("joint-meeting", {"date": "date", "city": "city"})
    v1 = ROOT / "examples" / "joint-media-platform.yaml"
    if read_data(v1.read_text("utf-8"), "yaml")["format"] != 1:
        v1 = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
    upgrade = upgrade_draft(engine, v1)
    data = read_data(upgrade.text, "yaml")
    assert data["event"] == {"date": "2021-10-23", "city": "istanbul"}
    assert "date" not in data["fields"] and "city" not in data["fields"]
    assert data["fields"]["quotes"] == read_data(v1.read_text("utf-8"), "yaml")["fields"]["quotes"]
    assert upgrade.warnings == []
    assert rendered(engine, write(tmp_path / "v2.yaml", data)) == rendered(engine, v1)


def advisory_v1() -> dict:
    """A version-1 media advisory: its field ``event`` (now ``occasion``), a date after the release's."""
    return {
        "format": 1,
        "template": "media-advisory",
        "languages": ["tr", "az", "en"],
        "source_language": "tr",
        "release": {"date": "2025-11-10", "city": "ankara", "issuer": "tr-communications"},
        "fields": {
            "event": {"tr": "Medya Forumu", "az": "Media Forumu", "en": "Media Forum"},
            "date": "2025-11-20",
            "time": {"tr": "10.00", "az": "10:00", "en": "10 a.m."},
            "place": "baku",
            "venue": {"tr": "Kongre Merkezi", "az": "Konqres Mərkəzi", "en": "Congress Centre"},
            "accreditation": {"tr": "Akreditasyon gerekir.", "az": "Akkreditasiya tələb olunur.", "en": "Needed."},
        },
    }


def test_a_renamed_field_takes_its_new_name_and_an_advisory_stays_an_announcement(tmp_path):
    engine = engine_with_event_fields("media-advisory", {"date": "date", "place": "city", "venue": "venue"})
    v1 = write(tmp_path / "advisory.yaml", advisory_v1())
    upgrade = upgrade_draft(engine, v1)
    data = read_data(upgrade.text, "yaml")
    assert data["fields"]["occasion"] == {"tr": "Medya Forumu", "az": "Media Forumu", "en": "Media Forum"}
    assert "event" not in data["fields"] and "date" not in data["fields"]
    assert data["event"] == {
        "date": "2025-11-20",
        "city": "baku",
        "venue": {"tr": "Kongre Merkezi", "az": "Konqres Mərkəzi", "en": "Congress Centre"},
    }
    assert upgrade.warnings == []
    assert rendered(engine, write(tmp_path / "v2.yaml", data)) == rendered(engine, v1)


def test_a_report_of_a_later_event_keeps_reporting_with_a_warning(tmp_path):
    """Version 1's joint meeting always reported; dated after the release, format 2 would announce it."""
    engine = engine_with_event_fields("joint-meeting", {"date": "date", "city": "city"})
    data = read_data((ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml").read_text("utf-8"), "yaml")
    data["release"]["date"] = "2021-10-20"
    v1 = write(tmp_path / "meeting.yaml", data)
    upgrade = upgrade_draft(engine, v1)
    upgraded = read_data(upgrade.text, "yaml")
    assert upgraded["event"] == {"date": "2021-10-23", "city": "istanbul", "status": "report"}
    [warning] = upgrade.warnings
    assert str(warning).startswith("event.status: kept as version 1 printed it (a report)")
    assert rendered(engine, write(tmp_path / "v2.yaml", upgraded)) == rendered(engine, v1)


def test_a_value_the_event_cannot_hold_stays_in_its_field(tmp_path):
    """A template whose venue is a line of text (a place's name is at most 300 characters)."""
    engine = engine_with_event_fields("media-advisory", {"date": "date"})
    template = engine.library.get("media-advisory")
    meta = template.files["meta.yaml"].replace("name: venue\n    type: place\n", "name: venue\n    type: text\n")
    engine = engine.alone(Template("media-advisory", {**template.files, "meta.yaml": meta}))
    draft = advisory_v1()
    draft["fields"]["venue"]["en"] = "Congress Centre, " * 22  # 374 characters
    data = read_data(upgrade_draft(engine, write(tmp_path / "advisory.yaml", draft)).text, "yaml")
    assert "venue" in data["fields"] and "venue" not in data["event"]


def test_without_output_the_draft_is_printed_and_the_file_left_alone(tmp_path, example_data, capsys):
    original = write(tmp_path / "draft.yaml", example_data).read_bytes()
    assert main(["upgrade-draft", str(tmp_path / "draft.yaml")]) == 0
    assert read_data(capsys.readouterr().out, "yaml")["format"] == 2
    assert (tmp_path / "draft.yaml").read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]


def test_in_place_replaces_the_file_and_output_chooses_json_by_name(tmp_path, example_data, capsys):
    draft = write(tmp_path / "draft.yaml", example_data)
    assert main(["upgrade-draft", str(draft), "-o", str(tmp_path / "draft.json")]) == 0
    assert read_data((tmp_path / "draft.json").read_text("utf-8"), "json")["format"] == 2
    assert main(["upgrade-draft", str(draft), "--in-place"]) == 0
    assert read_data(draft.read_text("utf-8"), "yaml")["format"] == 2
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / "draft.json"), str(draft)]


def test_a_draft_already_in_format_2_is_left_as_it_is(tmp_path, example_data, capsys):
    draft = write(tmp_path / "draft.yaml", {**example_data, "format": 2})
    before = draft.read_bytes()
    assert main(["upgrade-draft", str(draft), "--in-place"]) == 0
    assert "already format 2; nothing written" in capsys.readouterr().err
    assert draft.read_bytes() == before


def test_a_draft_that_does_not_validate_is_refused_with_every_problem(tmp_path, example_data, capsys):
    example_data["fields"]["meeting_number"] = "one"
    del example_data["release"]["issuer"]
    draft = write(tmp_path / "draft.yaml", example_data)
    assert main(["upgrade-draft", str(draft), "-o", str(tmp_path / "new.yaml")]) == 2
    err = capsys.readouterr().err
    assert "error: fields.meeting_number: must be a whole number" in err
    assert "error: release.issuer: required" in err
    assert not (tmp_path / "new.yaml").exists()


def test_output_and_in_place_together_are_refused(tmp_path, example_data, capsys):
    draft = write(tmp_path / "draft.yaml", example_data)
    with pytest.raises(SystemExit) as exit_:
        main(["upgrade-draft", str(draft), "--in-place", "-o", str(tmp_path / "new.yaml")])
    assert exit_.value.code == 2 and "not allowed with argument" in capsys.readouterr().err


def test_a_version_1_draft_version_2_cannot_hold_is_refused_saying_why(tmp_path, example_data, capsys):
    example_data["languages"] = ["az", "en"]  # version 1 let the source language be left out
    draft = write(tmp_path / "draft.json", example_data)
    assert main(["upgrade-draft", str(draft), "-o", str(tmp_path / "new.json")]) == 2
    assert "source_language 'tr' is not one of the languages (az, en)" in capsys.readouterr().err
    assert not (tmp_path / "new.json").exists()
