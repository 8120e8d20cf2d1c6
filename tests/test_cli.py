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


def test_check_exits_one_only_for_what_render_refuses_and_says_each_path_once(tmp_path, example_data, capsys):
    # a warning is printed for a person to read; render would not refuse the draft, so neither does check
    example_data["fields"]["background"]["az"] = example_data["fields"]["background"]["az"].replace("2020", "2019")
    example_data.update(format=2, event={"date": "2021-10-24", "status": "report"})
    example_data["release"]["number"] = "auto"
    draft = write_draft(tmp_path, example_data)
    assert main(["check", str(draft)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "warning: fields.background: the number 2019 appears in the az text but not in the tr, en text" in err
    assert any(line.startswith("warning: event.status: status report says the event has taken place") for line in err)
    assert "info: release.number: the release will get its number at approval" in err
    assert all(line.count("fields.background") <= 1 for line in err)
    # --strict: warnings fail too (info lines never do)
    assert main(["check", "--strict", str(draft)]) == 1
    capsys.readouterr()
    del example_data["fields"]["background"], example_data["event"]
    assert main(["check", "--strict", str(write_draft(tmp_path, example_data))]) == 0
    captured = capsys.readouterr()
    assert captured.err == "info: release.number: the release will get its number at approval\n"
    assert "no problems" in captured.out


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


def _inflected(*args: str) -> subprocess.CompletedProcess[str]:
    """``pressdraft inflect`` as installed: its stdout, stderr and exit code apart."""
    command = [sys.executable, "-m", "pressdraft.cli", "inflect", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8")


def test_inflect_tells_a_guessed_reading_on_stderr_and_still_succeeds():
    # R8/A5: an abbreviation the lexicon does not know is read letter by letter, a guess (issue 13, item 2)
    result = _inflected("--lang", "tr", "--case", "locative", "CNN", "NATO", "Kongre Merkezi CNN")
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["CNN'de", "NATO'da", "Kongre Merkezi CNN'de"]
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2 and all(line.startswith("warning: ") for line in warnings)
    assert warnings[0].startswith("warning: CNN: CNN'de is a guess, CNN read letter by letter")
    assert warnings[1].startswith("warning: Kongre Merkezi CNN: Kongre Merkezi CNN'de is a guess")
    assert all("--reading" in line and "the directory's reading or forms" in line for line in warnings)
    az = _inflected("--lang", "az", "--case", "dative", "CNN")
    assert (az.returncode, az.stdout, az.stderr.count("CNN-yə is a guess")) == (0, "CNN-yə\n", 1)


def test_inflect_with_a_reading_is_settled_and_says_nothing_on_stderr():
    result = _inflected("--lang", "tr", "--case", "locative", "--reading", "letters", "CNN")
    assert (result.returncode, result.stdout, result.stderr) == (0, "CNN'de\n", "")


@pytest.mark.parametrize(
    ("lang", "case", "kind", "name", "form"),
    [
        # R2: an institution's name takes no apostrophe; R1/R3 otherwise
        ("tr", "dative", "institution", "Türk Dil Kurumu", "Türk Dil Kurumuna"),
        ("tr", "dative", None, "Türk Dil Kurumu", "Türk Dil Kurumu'na"),
        # R12: a person's name is never a possessive compound (no pronominal n); a place's may be
        ("tr", "locative", "person", "Hoca Ahmet Yesevi", "Hoca Ahmet Yesevi'de"),
        ("tr", "locative", "place", "Dolmabahçe Sarayı", "Dolmabahçe Sarayı'nda"),
        ("az", "locative", "person", "Nizami Gəncəvi", "Nizami Gəncəvidə"),
    ],
)
def test_inflect_kind_chooses_the_rules_the_templates_use(lang, case, kind, name, form):
    args = ["--lang", lang, "--case", case, *(["--kind", kind] if kind else []), name]
    result = _inflected(*args)
    assert (result.returncode, result.stdout, result.stderr) == (0, form + "\n", "")


def test_inflect_refuses_an_unknown_kind():
    result = _inflected("--lang", "tr", "--case", "locative", "--kind", "company", "Aselsan")
    assert result.returncode == 2 and "invalid choice: 'company'" in result.stderr


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


# --- photos from files (format 2): read beside the draft, cleaned, handed to the edition by their file name ------


def photo_with_gps() -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (41.0, 2.0, 3.0)})  # where the picture was taken
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "navy").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def draft_with_photos(tmp_path: Path, example_data, *files: str) -> Path:
    photos = [{"photo": {"file": name, "caption": {"tr": "İmza", "az": "İmza", "en": "Signing"}}} for name in files]
    story = {"paragraph": {"tr": "İmza töreni yapıldı.", "az": "İmzalanma mərasimi keçirilib.", "en": "They signed."}}
    return write_draft(tmp_path, {**example_data, "format": 2, "body": [story, *photos]})


def test_a_photo_is_read_beside_the_draft_and_cleaned(tmp_path, example_data, capsys):
    from PIL import Image

    from pressdraft.app import standalone
    from pressdraft.app.standalone import photos

    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "signing.jpg").write_bytes(photo_with_gps())
    draft = draft_with_photos(tmp_path, example_data, "pictures/signing.jpg", "pictures/signing.jpg")
    assert main(["check", str(draft)]) == 0
    opened = standalone.engine(None, None).open_draft(draft)
    [(ref, data)] = photos(opened.draft, tmp_path).items()
    assert ref == "pictures/signing.jpg"
    assert not Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # no GPS left


def test_a_missing_bad_outside_or_stored_photo_is_an_error_at_its_block(tmp_path, example_data, capsys):
    (tmp_path / "notes.jpg").write_text("not a picture", "utf-8")
    stored = "img-" + "0" * 64
    draft = draft_with_photos(tmp_path, example_data, "absent.jpg", "notes.jpg", "../elsewhere.jpg", stored)
    assert main(["check", str(draft)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "error: body[1].photo.file: no file 'absent.jpg' beside the draft: put the picture there, or correct its name"
        in err
    )
    assert (
        "error: body[2].photo.file: the file is not a picture that can be read (damaged or cut short): export it again"
        in err
    )
    assert any(
        line.startswith("error: body[3].photo.file: '../elsewhere.jpg' is outside the draft's folder") for line in err
    )
    assert any(line.startswith(f"error: body[4].photo.file: '{stored}' is a picture kept in the app") for line in err)
    assert main(["render", str(draft), "-o", str(tmp_path / "out")]) == 2
    assert "body[1].photo.file: no file 'absent.jpg'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def photo_library(tmp_path: Path) -> Path:
    """A library of one template that places the draft's photo, as the body does (docs/templates.md)."""
    folder = tmp_path / "library" / "photo-note"
    folder.mkdir(parents=True)
    meta = {
        "name": {"tr": "Fotoğraf", "az": "Foto", "en": "Photo"},
        "fields": [{"name": "headline", "type": "text", "required": True, "label": {"en": "Headline"}}],
        "sample_release": {"date": "2025-12-10", "city": "baku", "issuer": "tr-communications"},
    }
    (folder / "meta.yaml").write_text(dump_data(meta, "yaml"), "utf-8")
    for lang in ("tr", "az", "en"):
        (folder / f"{lang}.md.j2").write_text(
            '# {{ headline }}\n\n{.photo src="pictures/signing.jpg"}\nSigning\n', "utf-8"
        )
    return folder.parent


def test_render_puts_the_cleaned_photo_beside_the_draft_into_the_documents(tmp_path, example_data):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "signing.jpg").write_bytes(photo_with_gps())
    headline = {"headline": {"tr": "İmza", "az": "İmza", "en": "Signing"}}
    note = {**example_data, "template": "photo-note", "fields": headline}
    draft = draft_with_photos(tmp_path, note, "pictures/signing.jpg")
    out = tmp_path / "out"
    assert main(["render", str(draft), "-o", str(out), "--library", str(photo_library(tmp_path))]) == 0
    from PIL import Image

    for document in out.glob("*.docx"):
        assert Document(document).inline_shapes
        with zipfile.ZipFile(document) as package:
            pictures = [name for name in package.namelist() if name.startswith("word/media/")]
            assert pictures and not any(
                Image.open(io.BytesIO(package.read(name))).getexif().get_ifd(0x8825) for name in pictures
            )


def test_a_zip_holds_the_draft_whole_its_directory_files_and_cleaned_pictures_beside_it(tmp_path, example_data):
    from PIL import Image

    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "signing.jpg").write_bytes(photo_with_gps())
    guest = {"people": {"leyla": {"name": {"tr": "Leyla Memmedova", "az": "Leyla Məmmədova", "en": "Leyla Mammadova"}}}}
    (tmp_path / "guests.yaml").write_text(dump_data(guest, "yaml"), "utf-8")
    example_data["directory"] = "guests.yaml"
    draft = draft_with_photos(tmp_path, example_data, "pictures/signing.jpg")
    assert main(["render", str(draft), "-o", str(tmp_path / "out"), "--format", "md", "--zip"]) == 0
    (archive,) = (tmp_path / "out").iterdir()
    with zipfile.ZipFile(archive) as bundle:
        assert bundle.read("guests.yaml") == (tmp_path / "guests.yaml").read_bytes()
        assert not Image.open(io.BytesIO(bundle.read("pictures/signing.jpg"))).getexif().get_ifd(0x8825)
        bundle.extractall(tmp_path / "unzipped")
    again = tmp_path / "unzipped" / archive.name.replace(".zip", ".yaml")
    assert main(["check", str(again)]) == 0
