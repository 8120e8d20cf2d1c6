"""The command line: files where asked, one clear line per problem, exit codes, no traceback."""

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pressdraft.cli.commands import main
from pressdraft.core.files import dump_data

EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "v1" / "joint-media-platform.yaml"


def write_draft(tmp_path: Path, data, name="draft.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump_data(data, "json" if name.endswith(".json") else "yaml"), "utf-8")
    return path


def test_render_writes_one_docx_per_language_named_by_date_and_slug(tmp_path, capsys):
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = "2021-10-23_turkiye-azerbaycan-ortak-medya-platformu-ilk-toplantisini"
    assert names == [f"{stem}_{lang}.docx" for lang in ("az", "en", "tr")]
    text = "\n".join(p.text for p in Document(tmp_path / f"{stem}_tr.docx").paragraphs)
    assert "İSTANBUL, 23 Ekim 2021" in text and "Hikmet Hacıyev'in" in text


def test_render_chooses_languages_and_formats(tmp_path):
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path), "--lang", "az,en", "--format", "md,txt"]) == 0
    assert sorted(p.suffix + p.stem[-3:] for p in tmp_path.iterdir()) == [".md_az", ".md_en", ".txt_az", ".txt_en"]
    assert "oktyabrın 23-də" in next(tmp_path.glob("*_az.txt")).read_text("utf-8")


def test_the_same_draft_renders_to_the_same_bytes_twice(tmp_path):
    main(["render", str(EXAMPLE), "-o", str(tmp_path / "a")])
    main(["render", str(EXAMPLE), "-o", str(tmp_path / "b")])
    for first in (tmp_path / "a").iterdir():
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes()


def test_an_incomplete_language_is_refused_unless_allowed(tmp_path, example_data, capsys):
    del example_data["fields"]["theme"]["az"]
    draft = write_draft(tmp_path, example_data)
    assert main(["render", str(draft), "-o", str(tmp_path / "out")]) == 2
    assert "missing: fields.theme (az): missing" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert main(["render", str(draft), "-o", str(tmp_path / "out"), "--allow-incomplete", "--format", "md"]) == 0
    assert "⟦YOXDUR: fields.theme⟧" in next((tmp_path / "out").glob("*_az.md")).read_text("utf-8")


def test_check_lists_every_problem_and_exits_one(tmp_path, example_data, capsys):
    example_data["fields"]["quotes"][2]["speaker"] = "hikmet-hajiev"
    del example_data["fields"]["attendees"]["en"]
    assert main(["check", str(write_draft(tmp_path, example_data, "d.json"))]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "error: fields.quotes[2].speaker: unknown person 'hikmet-hajiev'; did you mean 'hikmet-hajiyev'?" in err
    assert "missing: fields.attendees (en): missing" in err


def test_check_of_the_example_finds_no_problem(capsys):
    assert main(["check", str(EXAMPLE)]) == 0
    assert "no problems" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["render", "nowhere.yaml"], "cannot read the file"),
        (["render", str(EXAMPLE), "--lang", "de"], "unknown language de; choose from tr, az, en"),
        (["render", str(EXAMPLE), "--format", "odt"], "unknown format odt"),
        (["templates", "check", "/nonexistent"], "not a folder of templates"),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_two(argv, message, capsys, tmp_path):
    assert main([*argv, "-o", str(tmp_path)] if argv[0] == "render" else argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_broken_file_names_its_line(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\ntemplate: [\n", "utf-8")
    assert main(["render", str(path)]) == 2
    assert "not valid YAML at line" in capsys.readouterr().err


def test_templates_list_and_check_the_shipped_library(capsys):
    assert main(["templates", "list"]) == 0
    assert "joint-meeting\tJoint meeting\ttr,az,en" in capsys.readouterr().out
    assert main(["templates", "check"]) == 0


def test_inflect_answers_one_line_per_name(capsys):
    assert main(["inflect", "--lang", "tr", "--case", "locative", "İstanbul", "Bakü", "Paris", "NATO", "ABD"]) == 0
    assert capsys.readouterr().out.splitlines() == ["İstanbul'da", "Bakü'de", "Paris'te", "NATO'da", "ABD'de"]


def test_the_installed_command_never_prints_a_traceback(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\xff\xfe not utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pressdraft.cli", "check", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "cannot read the file" in result.stderr and "Traceback" not in result.stderr


def test_side_by_side_zip_and_text_formats_bundle_with_the_draft(tmp_path):
    assert (
        main(["render", str(EXAMPLE), "-o", str(tmp_path), "--format", "docx,md,txt", "--side-by-side", "--zip"]) == 0
    )
    (archive,) = list(tmp_path.iterdir())
    stem = "2021-10-23_turkiye-azerbaycan-ortak-medya-platformu-ilk-toplantisini"
    assert archive.name == f"{stem}.zip"
    with zipfile.ZipFile(archive) as bundle:
        names = sorted(bundle.namelist())
        assert f"{stem}_tr-az-en.docx" in names and f"{stem}.yaml" in names
        assert {f"{stem}_{lang}.{ext}" for lang in ("tr", "az", "en") for ext in ("docx", "md", "txt")} <= set(names)
        assert "fields:" in bundle.read(f"{stem}.yaml").decode("utf-8")


def test_a_hostile_letterhead_is_refused_with_its_reason(tmp_path, capsys):
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(b"PK\x03\x04 not really a docx")
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--letterhead", str(letterhead)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.libreoffice
def test_pdf_is_written_through_libreoffice(tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path), "--lang", "az", "--format", "pdf"]) == 0
    (pdf,) = list(tmp_path.glob("*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_folder_of_letterheads_is_chosen_per_template_then_issuer(tmp_path):
    folder = tmp_path / "letterheads"
    folder.mkdir()
    (folder / "tr-communications.docx").write_bytes(shipped_letterhead_in("DejaVu Serif"))
    plain = tmp_path / "plain"
    assert main(["render", str(EXAMPLE), "-o", str(plain), "--lang", "en"]) == 0
    chosen = tmp_path / "chosen"
    assert main(["render", str(EXAMPLE), "-o", str(chosen), "--lang", "en", "--letterhead", str(folder)]) == 0
    (document,) = chosen.glob("*.docx")
    assert 'w:ascii="DejaVu Serif"' in styles_of(document)  # the issuer's letterhead was chosen
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "none"), "--lang", "en", "--letterhead", str(empty)]) == 0
    assert next((tmp_path / "none").glob("*.docx")).read_bytes() == next(plain.glob("*.docx")).read_bytes()


def shipped_letterhead_in(font: str) -> bytes:
    """The shipped letterhead with its font changed, as a person would change it in Word."""
    from docx.oxml.ns import qn

    from pressdraft.document.docx.letterhead import DEFAULT_LETTERHEAD_PATH

    document = Document(str(DEFAULT_LETTERHEAD_PATH))
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{script}"), font)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def styles_of(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/styles.xml").decode("utf-8")


def test_a_hostile_library_folder_is_stopped_by_the_sandbox_worker(tmp_path, capsys):
    library = tmp_path / "library"
    shutil.copytree(Path(__file__).resolve().parents[1] / "templates" / "joint-meeting", library / "joint-meeting")
    source = library / "joint-meeting" / "en.md.j2"
    source.write_text(
        source.read_text("utf-8") + "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n",
        "utf-8",
    )
    code = main(["render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--library", str(library), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "joint-meeting/en.md.j2" in err and "was stopped" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()
