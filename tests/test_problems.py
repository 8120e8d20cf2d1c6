"""Problems carry where they are as structure, written for people by one formatter.

Each producer is asked for a problem and its location's fields are checked (not its text), and no
module of the package takes a problem's text apart to find where it is.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from pressdraft.app.editing import RowGone, RowIds
from pressdraft.core.cleaning import text_problems
from pressdraft.core.directory import default_directory, parse_directory
from pressdraft.core.files import read_data
from pressdraft.core.library import Template
from pressdraft.core.problems import NOWHERE, Location, PressdraftError, Problem, Row
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.wire import problem_to_json, problems_from_json
from pressdraft.ui.compose import _field_of
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.templates_page import annotations

SRC = Path(__file__).resolve().parents[1] / "src" / "pressdraft"


def _problems(call, *args, **kwargs) -> tuple[Problem, ...]:
    with pytest.raises(PressdraftError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


# --- the formatter ----------------------------------------------------------------------------


def test_a_location_is_written_file_line_variant_field_entries_language():
    assert Location(field=("fields", "quotes", 2, "text")).where() == "fields.quotes[2].text"
    assert Location(field=("fields", "quotes", Row("3f9a"), "text")).where() == "fields.quotes[@3f9a].text"
    assert Location(field=("body", Row("b1"), "text"), lang="az").where() == "body[@b1].text (az)"
    assert Location(file="joint-meeting/tr.md.j2", line=3).where() == "joint-meeting/tr.md.j2:3"
    at = Location(file="x/meta.yaml", variant="with its optional fields empty")
    assert at.told("boom") == "x/meta.yaml: with its optional fields empty: boom"
    through = Location(field=("fields", "quotes", 0, "speaker")).via("people", "ab").child("organization")
    assert through.via("organizations", "cd").child("name").where() == (
        "fields.quotes[0].speaker → people.ab.organization → organizations.cd.name"
    )
    assert NOWHERE.told("busy") == "busy"


def test_a_problem_is_told_with_its_language_and_its_path_read_without_it():
    problem = Problem(Location(field=("fields", "theme"), lang="az"), "missing", severity="gap")
    assert (str(problem), problem.path, problem.lang) == ("fields.theme (az): missing", "fields.theme", "az")


# --- the producers ----------------------------------------------------------------------------


def test_a_draft_file_names_its_file_and_the_field(engine):
    huge = "format: 1\ntemplate: joint-meeting\nfields:\n  meeting_number: 1234567890123456789012\n"
    [problem] = _problems(engine.read_draft, huge, source="d.yaml")
    assert (problem.at.file, problem.at.field) == ("d.yaml", ("fields", "meeting_number"))


def test_validation_and_references_name_field_paths(engine, example_data):
    example_data["fields"]["meeting_number"] = "first"
    example_data["template"] = "joint-meting"
    assert [p.at for p in _problems(engine.draft_from_data, example_data)] == [Location(field=("template",))]
    example_data["template"] = "joint-meeting"
    [problem] = _problems(engine.draft_from_data, example_data)
    assert problem.at == Location(field=("fields", "meeting_number"))
    example_data["fields"]["meeting_number"] = 1
    example_data["fields"]["quotes"][2]["speaker"] = "nobody-known"
    errors = [p for p in engine.check(engine.draft_from_data(example_data)) if p.severity == "error"]
    assert [p.at for p in errors] == [Location(field=("fields", "quotes", 2, "speaker"))]


def test_a_gap_in_a_directory_entry_names_the_field_and_the_entry(example_data):
    data = read_data(resources.files("pressdraft").joinpath("data/directory.yaml").read_text("utf-8"), "yaml")
    del data["people"]["hikmet-hajiyev"]["name"]["az"]
    engine = Engine.default(IN_PROCESS)
    engine = Engine(engine.library, parse_directory(data), IN_PROCESS)
    gaps = [p for p in engine.check(engine.draft_from_data(example_data)) if p.severity == "gap"]
    assert gaps and {p.at.lang for p in gaps} == {"az"}
    in_quotes = [p.at for p in gaps if p.at.field[:2] == ("fields", "quotes")]
    assert in_quotes and all(at.field[-1] == "speaker" for at in in_quotes)
    assert {at.entries for at in in_quotes} == {(("people", "hikmet-hajiyev", "name"),)}


def test_a_value_missing_from_a_translation_is_told_once_at_its_field_in_the_interface_language(engine, example_data):
    example_data["fields"]["theme"]["tr"] = "2021 yılı"  # the az and en themes have no 2021
    warnings = [p for p in engine.check(engine.draft_from_data(example_data), example_data) if "2021" in str(p)]
    (warning,) = warnings
    assert warning.at == Location(field=("fields", "theme"))
    assert str(warning) == "fields.theme: the number 2021 appears in the tr text but not in the az, en text"
    assert problem_text("tr", warning) == "fields.theme: 2021 sayısı tr metninde geçiyor, az, en metninde geçmiyor"


def test_the_directory_names_the_entry_that_points_nowhere():
    [problem] = _problems(parse_directory, {"people": {"a-b": {"name": {"tr": "A B"}, "organization": "x"}}})
    assert problem.at == Location(field=("people", "a-b", "organization"))


def test_template_files_are_named_with_their_line_and_meta_yaml_with_its_field_path():
    [problem] = IN_PROCESS.check(_template(tr="x\n{{ oops(\n"), default_directory())
    assert (problem.at.file, problem.at.line) == ("t/tr.md.j2", 2)
    bogus = "name: {en: T}\nfields:\n - {name: a, type: bogus, label: {en: A}}\n"
    meta = _problems(Template, "t", {"meta.yaml": bogus})
    assert meta[0].at.file == "t/meta.yaml" and meta[0].at.field[:2] == ("fields", 0)


def test_a_check_variant_is_named_beside_its_file():
    problems = IN_PROCESS.check(_template(tr="{{ n|ordinal }}{{ 1 / (n - 7) }}"), default_directory())
    assert problems and all(p.at.file == "t/meta.yaml" and p.at.variant for p in problems)


def test_the_text_gate_names_the_field_and_the_language():
    [problem] = text_problems({"fields": {"theme": {"az": "a\u200bb"}}})
    assert problem.at == Location(field=("fields", "theme"), lang="az")


def test_a_row_gone_names_its_row_by_id():
    rows = RowIds({})
    with pytest.raises(RowGone) as caught:
        rows.resolve({"fields": {"quotes": [{"text": {}}]}}, ("fields", "quotes", Row("ab"), "text"))
    assert caught.value.problems[0].at == Location(field=("fields", "quotes"))


def test_deeper_and_through_an_entry_a_location_keeps_its_other_parts():
    at = Location(file="t/tr.md.j2", line=4, variant="sample", field=("body", 1), lang="en")
    assert at.child("text") == Location("t/tr.md.j2", 4, "sample", ("body", 1, "text"), (), "en")
    through = at.via("people", "ab")
    assert through == Location("t/tr.md.j2", 4, "sample", ("body", 1), (("people", "ab"),), "en")
    assert through.child("name", 0) == Location(
        "t/tr.md.j2", 4, "sample", ("body", 1), (("people", "ab", "name", 0),), "en"
    )


def test_the_sandbox_sends_and_takes_back_every_part_of_a_location():
    at = Location(file="t/tr.md.j2", line=4, variant="sample", field=("body", Row("b1"), "text"), lang="en")
    problem = Problem(at.via("people", "ab").child("name"), "{x}", {"x": "y"}, severity="warning")
    assert problems_from_json([problem_to_json(problem)]) == [problem]
    hostile = [{"at": {"line": "3", "field": [{"row": 1}, 2.5, None, "ok"], "entries": "x", "lang": 7}}]
    assert problems_from_json(hostile) == [Problem(Location(field=("ok",)), "")]


# --- the consumers read the parts ----------------------------------------------------------------


def test_the_template_editor_marks_the_line_of_its_own_file_only():
    problems = IN_PROCESS.check(_template(tr="x\n{{ oops(\n"), default_directory())
    assert annotations(problems, "t", "tr.md.j2") == [
        {"row": 1, "column": 0, "type": "error", "text": problems[0].message}
    ]
    assert annotations(problems, "t", "az.md.j2") == annotations(problems, "other", "tr.md.j2") == []


def test_a_check_panel_link_goes_to_the_form_field_of_the_problem():
    speaker = Location(field=("fields", "quotes", Row("ab"), "speaker"), lang="az").via("people", "x").child("name")
    assert _field_of(speaker) == "fields.quotes"
    assert _field_of(Location(field=("release", "contacts", 0)).via("contacts", "c")) == "release.contacts"
    assert _field_of(Location(field=("template",))) == "template"


def test_the_interface_tells_a_problem_with_the_same_location_as_the_command_line():
    problem = Problem(Location(file="d.yaml", field=("fields", "theme")), "must be text")
    assert problem_text("en", problem) == str(problem) == "d.yaml: fields.theme: must be text"


# --- no caller parses a problem's text ---------------------------------------------------------

PARSING = re.compile(
    r"\.path\s*\.\s*(split|partition|rpartition|startswith|endswith|index|find)\b"  # p.path.split(...)
    r"|\.(match|search|fullmatch)\([^)]*\.path\b"  # LINE.match(problem.path)
    r"|str\((p|problem)\)\s*\.\s*(split|partition|startswith)"
)


def test_no_module_takes_a_problems_text_apart():
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if PARSING.search(line) or ('" → "' in line and path.name != "problems.py")
    ]
    assert found == []


def _template(tr: str) -> Template:
    meta = (
        "name: {en: T}\nfields:\n - {name: n, type: number, label: {en: N}, sample: 1}\n"
        "sample_release: {date: 2024-01-02, city: istanbul, issuer: tr-communications}\n"
    )
    return Template("t", {"meta.yaml": meta, "tr.md.j2": tr, "az.md.j2": "{{ n }}", "en.md.j2": "{{ n }}"})
