"""Reading YAML/JSON refuses what a draft never needs; writing is canonical."""

import shutil
from pathlib import Path

import pytest

from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.cli.commands import main
from pressdraft.core.files import dump_data, read_data
from pressdraft.core.problems import PressdraftError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
DIRECTORY = ROOT / "src" / "pressdraft" / "data" / "directory.yaml"
TEMPLATES = ROOT / "templates"


def test_aliases_are_refused_so_a_billion_laughs_cannot_expand():
    with pytest.raises(PressdraftError, match="aliases"):
        read_data("a: &x [1, 2]\nb: [*x, *x]\n", "yaml")


def test_a_duplicate_key_is_an_error_naming_the_line():
    with pytest.raises(PressdraftError, match="line 2.*duplicate key 'a'"):
        read_data("a: 1\na: 2\n", "yaml")


def test_yes_and_no_stay_text_and_dates_stay_strings():
    data = read_data("en: No\naz: yes\nwhen: 2021-10-23\nflag: true\n", "yaml")
    assert data == {"en": "No", "az": "yes", "when": "2021-10-23", "flag": True}


def test_syntax_errors_say_where():
    with pytest.raises(PressdraftError, match=r"not valid YAML at line 2, column \d+"):
        read_data("a: [1,\nb: }\n", "yaml")
    with pytest.raises(PressdraftError, match="not valid JSON at line 1, column 2"):
        read_data("{]", "json")


def test_an_oversized_file_is_refused():
    with pytest.raises(PressdraftError, match="larger than"):
        read_data("a: " + "x" * 2_100_000, "yaml")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_writing_reading_and_writing_again_gives_the_same_bytes(fmt):
    data = {"b": "İstanbul'da “tırnak” *yıldız*", "a": ["x", {"tr": "Paragraf 1\n\nParagraf 2"}], "n": 1}
    text = dump_data(data, fmt)
    assert read_data(text, fmt) == data
    assert dump_data(read_data(text, fmt), fmt) == text


def test_multi_line_text_is_written_as_a_readable_block():
    assert "|-\n" in dump_data({"t": "one\n\ntwo"}, "yaml")


# --- numbers are range-checked where they are read, naming the key ----------------------------

HUGE = "9" * 5000  # over Python's int-string conversion limit (4,300 digits)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        (f"fields:\n  meeting_number: {HUGE}\n", "yaml", "fields.meeting_number: the number has more than 18 digits"),
        (
            f'{{"fields": {{"meeting_number": -{HUGE}}}}}',
            "json",
            "fields.meeting_number: the number has more than 18 digits",
        ),
        (f"a: [1, 0x{'f' * 40}]\n", "yaml", "a[1]: the number has more than 18 digits"),
        (f"a: {'1:' * 3000}0\n", "yaml", "a: the number has more than 18 digits"),
        (f"a: 1_{'0' * 30}\n", "yaml", "a: the number has more than 18 digits"),
        (f"a: !!int {HUGE}\n", "yaml", "a: the number has more than 18 digits"),
        (f"{'9' * 60}: a\n", "yaml", f"{'9' * 40}…: the number has more than 18 digits"),
        ("a: {b: .inf}\n", "yaml", "a.b: must be a finite number"),
        ("a: -.Inf\n", "yaml", "a: must be a finite number"),
        ("a: .nan\n", "yaml", "a: must be a finite number"),
        ("a: 1.0e+999999\n", "yaml", "a: must be a finite number"),
        ('{"a": 1e999999}', "json", "a: must be a finite number"),
        ('{"a": [NaN]}', "json", "a[0]: must be a finite number"),
        ('{"a": -Infinity}', "json", "a: must be a finite number"),
    ],
)
def test_a_number_too_long_or_not_finite_is_refused_naming_its_key(text, fmt, expected):
    with pytest.raises(PressdraftError) as caught:
        read_data(text, fmt)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_the_file_is_named_before_the_key_and_every_such_number_is_listed():
    with pytest.raises(PressdraftError) as caught:
        read_data(f"a: {HUGE}\nb: [.nan]\n", "yaml", source="draft.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "draft.yaml: a: the number has more than 18 digits",
        "draft.yaml: b[0]: must be a finite number",
    ]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_numbers_of_up_to_18_digits_are_read(fmt):
    data = {"big": 999_999_999_999_999_999, "small": -999_999_999_999_999_999, "ratio": 0.5}
    assert read_data(dump_data(data, fmt), fmt) == data


def test_an_explicit_tag_that_is_not_a_number_is_a_yaml_error_naming_the_line():
    with pytest.raises(PressdraftError, match="not valid YAML at line 2"):
        read_data("a: 1\nb: !!int twelve\n", "yaml")
    with pytest.raises(PressdraftError, match="not valid YAML at line 1"):
        read_data("b: !!float twelve\n", "yaml")


# --- the same, where people meet it: the command line and the import of a draft ----------------


def huge_draft(fmt: str) -> str:
    data = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    text = dump_data(data, fmt)
    return text.replace("meeting_number: 1\n", f"meeting_number: {HUGE}\n").replace(
        '"meeting_number": 1', f'"meeting_number": {HUGE}'
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize(("command", "code"), [("check", 1), ("render", 2)])
def test_the_command_line_names_the_field_in_one_line(tmp_path, capsys, fmt, command, code):
    path = tmp_path / f"draft.{fmt}"
    path.write_text(huge_draft(fmt), "utf-8")
    assert main([command, str(path), *(["-o", str(tmp_path / "out")] if command == "render" else [])]) == code
    err = capsys.readouterr().err
    assert err == f"error: {path}: fields.meeting_number: the number has more than 18 digits\n"


def test_a_directory_file_with_a_huge_number_is_named_on_the_command_line(tmp_path, capsys):
    directory = tmp_path / "directory.yaml"
    directory.write_text(DIRECTORY.read_text("utf-8") + f"extra: {HUGE}\n", "utf-8")
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--directory", str(directory)]) == 2
    assert capsys.readouterr().err == f"error: {directory}: extra: the number has more than 18 digits\n"


def test_a_meta_yaml_with_a_huge_number_is_named_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "joint-meeting"
    shutil.copytree(TEMPLATES / "joint-meeting", folder)
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("sample: 1\n", f"sample: {HUGE}\n", 1), "utf-8")
    assert main(["templates", "check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: joint-meeting/meta.yaml: fields[") and err.count("\n") == 1
    assert err.endswith("].sample: the number has more than 18 digits\n")


@pytest.mark.parametrize(("name", "fmt"), [("huge.yaml", "yaml"), ("huge.json", "json")])
def test_importing_a_draft_with_a_huge_number_names_the_field(tmp_path, name, fmt):
    service = AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")}), template_runner())
    try:
        with pytest.raises(PressdraftError) as caught:
            service.import_draft(huge_draft(fmt).encode(), name)
        assert [str(p) for p in caught.value.problems] == [
            f"{name}: fields.meeting_number: the number has more than 18 digits"
        ]
        assert len(service.draft_summaries()) == 1  # the sample only
    finally:
        service.store.close()
