"""A draft's own directory files (format 2, ``directory:``): they add to the organization's directory for
that draft, an entry with the same key replacing the organization's; they are read beside the draft only."""

from pathlib import Path

import pytest

from pressdraft.cli.commands import main
from pressdraft.core.beside import beside
from pressdraft.core.directory import default_directory, extended
from pressdraft.core.files import dump_data
from pressdraft.core.problems import Location, PressdraftError

GUEST = {
    "people": {
        "leyla-mammadova": {
            "name": {"tr": "Leyla Memmedova", "az": "Leyla Məmmədova", "en": "Leyla Mammadova"},
            "title": {"tr": "Basın Sözcüsü", "az": "Mətbuat katibi", "en": "Press Secretary"},
            "organization": "tr-communications",
            "gender": "f",
        }
    }
}
#: The organization's Hikmet Hajiyev, with a title of the draft's own.
NEW_TITLE = {
    "people": {
        "hikmet-hajiyev": {
            "name": {"tr": "Hikmet Hacıyev", "az": "Hikmət Hacıyev", "en": "Hikmet Hajiyev"},
            "title": {"tr": "Özel Temsilci", "az": "Xüsusi nümayəndə", "en": "Special Envoy"},
        }
    }
}


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_data(data, "json" if path.suffix == ".json" else "yaml"), "utf-8")
    return path


def texts(*paths: Path) -> list[tuple[str, str]]:
    return [(str(path), path.read_text("utf-8")) for path in paths]


def version_2(example_data, *directory: str) -> dict:
    data = {**example_data, "format": 2}
    if directory:
        data["directory"] = directory[0] if len(directory) == 1 else list(directory)
    return data


def test_an_entry_of_the_draft_adds_to_the_directory_and_one_with_a_known_key_replaces_it(tmp_path):
    write(tmp_path / "guest.yaml", GUEST)
    write(tmp_path / "titles.json", NEW_TITLE)
    directory = extended(default_directory(), texts(tmp_path / "guest.yaml", tmp_path / "titles.json"))
    assert directory.people["leyla-mammadova"].name.get("en") == "Leyla Mammadova"
    assert directory.people["hikmet-hajiyev"].title.get("en") == "Special Envoy"
    assert directory.people["fahrettin-altun"] == default_directory().people["fahrettin-altun"]
    assert default_directory().people["hikmet-hajiyev"].title.get("en") != "Special Envoy"  # the original is kept


def test_a_later_file_replaces_an_earlier_ones_entry(tmp_path):
    first = write(tmp_path / "a.yaml", GUEST)
    renamed = {"people": {"leyla-mammadova": {**GUEST["people"]["leyla-mammadova"], "gender": "m"}}}
    second = write(tmp_path / "b.yaml", renamed)
    assert extended(default_directory(), texts(first, second)).people["leyla-mammadova"].gender == "m"


def test_problems_name_the_file_and_the_entry_all_at_once(tmp_path):
    bad = write(tmp_path / "bad.yaml", {"people": {"x-y": {"name": {"tr": "X"}, "organization": "tr-comunications"}}})
    worse = write(tmp_path / "worse.yaml", {"places": {"kars": {"tr": "Kars", "de": "Kars"}}})
    with pytest.raises(PressdraftError) as caught:
        extended(default_directory(), texts(bad, worse))
    told = [str(p) for p in caught.value.problems]
    assert f"{worse}: places.kars.de: unknown key" in told
    assert (
        f"{bad}: people.x-y.organization: unknown organization 'tr-comunications'; did you mean 'tr-communications'?"
        in told
    )


def test_an_entry_may_refer_to_the_organizations_entries_and_to_another_files(tmp_path):
    organization = {"organizations": {"guest-office": {"name": {"tr": "Ofis", "az": "Ofis", "en": "Office"}}}}
    person = {"people": {"a-b": {"name": {"tr": "A B", "az": "A B", "en": "A B"}, "organization": "guest-office"}}}
    files = texts(write(tmp_path / "people.yaml", person), write(tmp_path / "organizations.yaml", organization))
    assert extended(default_directory(), files).people["a-b"].organization == "guest-office"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../elsewhere.yaml", "'../elsewhere.yaml' is outside the draft's folder"),
        ("sub/../../elsewhere.yaml", "is outside the draft's folder"),
        ("/etc/passwd", "'/etc/passwd' is an absolute path; give it relative to the draft's folder"),
        ("C:\\directory.yaml", "is an absolute path"),
    ],
)
def test_a_file_outside_the_drafts_folder_is_refused(tmp_path, name, message):
    (tmp_path / "drafts").mkdir()
    with pytest.raises(PressdraftError, match=message.replace("(", r"\(")):
        beside(tmp_path / "drafts", name, Location(field=("directory",)))


def test_a_link_leading_out_of_the_drafts_folder_is_refused(tmp_path):
    write(tmp_path / "private.yaml", GUEST)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "link.yaml").symlink_to(tmp_path / "private.yaml")
    with pytest.raises(PressdraftError, match="outside the draft's folder"):
        beside(tmp_path / "drafts", "link.yaml", Location())


def test_a_subfolder_is_inside(tmp_path):
    assert beside(tmp_path, "people/guests.yaml", Location()) == (tmp_path / "people" / "guests.yaml").resolve()


def test_render_and_check_use_the_drafts_directory_files_beside_it(tmp_path, example_data, capsys):
    write(tmp_path / "people" / "titles.yaml", NEW_TITLE)
    draft = write(tmp_path / "draft.yaml", version_2(example_data, "people/titles.yaml"))
    assert main(["check", str(draft)]) == 0
    assert main(["render", str(draft), "-o", str(tmp_path / "out"), "--format", "md", "--lang", "en"]) == 0
    rendered = next((tmp_path / "out").glob("*_en.md")).read_text("utf-8")
    assert "Hikmet Hajiyev, special envoy" in rendered  # the draft's title, lower case after the name (AP "titles")


def test_the_drafts_files_add_to_the_directory_given_on_the_command_line(tmp_path, example_data, directory_data):
    organization = write(tmp_path / "organization.yaml", directory_data)
    write(tmp_path / "guest.yaml", GUEST)
    example_data["fields"]["chairs"] = ["fahrettin-altun", "leyla-mammadova"]
    draft = write(tmp_path / "draft.yaml", version_2(example_data, "guest.yaml"))
    out = tmp_path / "out"
    argv = ["render", str(draft), "--directory", str(organization), "-o", str(out), "--format", "md", "--lang", "en"]
    assert main(argv) == 0
    assert "Leyla Mammadova" in next(out.glob("*_en.md")).read_text("utf-8")


def test_an_unknown_key_suggests_the_entry_of_the_drafts_file(tmp_path, example_data, capsys):
    write(tmp_path / "guest.yaml", GUEST)
    example_data["fields"]["chairs"] = ["fahrettin-altun", "leyla-mamadova"]
    draft = write(tmp_path / "draft.yaml", version_2(example_data, "guest.yaml"))
    assert main(["check", str(draft)]) == 1
    assert "did you mean 'leyla-mammadova'?" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["render", "check"])
def test_a_bad_directory_file_is_told_naming_the_file_and_the_entry(tmp_path, example_data, capsys, command):
    write(tmp_path / "guest.yaml", {"people": {"leyla-mammadova": {"name": {"tr": "Leyla"}, "gender": "x"}}})
    draft = write(tmp_path / "draft.yaml", version_2(example_data, "guest.yaml", "../outside.yaml", "absent.yaml"))
    output = ["-o", str(tmp_path / "out")] if command == "render" else []
    assert main([command, str(draft), *output]) in (1, 2)
    err = capsys.readouterr().err
    assert f"error: {tmp_path / 'guest.yaml'}: people.leyla-mammadova.gender: must be one of: 'f' or 'm'" in err
    assert f"error: {draft}: directory[1]: '../outside.yaml' is outside the draft's folder" in err
    assert f"error: {tmp_path / 'absent.yaml'}: cannot read the file" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()
