"""``pressdraft drafts import | export | list``: draft files into the store and out of it, through the
app's own import and export, as the local account; one line per file or problem, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from draft_states import set_state

from pressdraft.cli.commands import main
from pressdraft.core.files import read_data
from pressdraft.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "joint-media-platform.yaml"


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, url: str, *files: Path) -> list[str]:
    code, out, err = run(capsys, "drafts", "import", *map(str, files), "--database-url", url)
    assert (code, err) == (0, "")
    return [line.rsplit(": ", 1)[1] for line in out.splitlines()]


def test_import_prints_each_new_id_and_the_store_holds_those_drafts_only(capsys, url, tmp_path):
    json_copy = tmp_path / "copy.json"
    assert (
        run(capsys, "drafts", "export", imported(capsys, url, SAMPLE)[0], "-o", str(json_copy), "--database-url", url)[
            0
        ]
        == 0
    )

    code, out, err = run(capsys, "drafts", "import", str(SAMPLE), str(json_copy), "--database-url", url)

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.rsplit(": ", 1)[0] for line in lines] == [str(SAMPLE), str(json_copy)]
    with open_store(url) as store:
        listed = store.list_drafts()
        assert {d.id for d in listed} >= {line.rsplit(": ", 1)[1] for line in lines}
        assert len(listed) == 3  # the first import and these two: no sample release was added
        assert {d.owner for d in listed} == {"local"}


def test_a_bad_file_is_told_in_one_line_per_problem_and_leaves_nothing_while_the_good_ones_go_in(capsys, url, tmp_path):
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("format: 2\ntemplate: joint-meting\n", "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 2,', "utf-8")
    missing = tmp_path / "missing.yaml"

    code, out, err = run(
        capsys, "drafts", "import", str(unknown), str(SAMPLE), str(broken), str(missing), "--database-url", url
    )

    assert code == 1
    assert out.splitlines()[0].startswith(f"{SAMPLE}: ") and len(out.splitlines()) == 1
    lines = err.splitlines()
    assert f"error: {unknown}: template: unknown template 'joint-meting'; did you mean 'joint-meeting'?" in lines
    assert any(line.startswith(f"error: {broken}: not valid JSON") for line in lines), err
    assert f"error: {missing}: cannot read the file: No such file or directory" in lines
    assert all(line.startswith("error: ") for line in lines) and "Traceback" not in err
    with open_store(url) as store:
        assert len(store.list_drafts()) == 1


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_then_import_gives_the_same_data(capsys, url, tmp_path, fmt):
    (first,) = imported(capsys, url, SAMPLE)
    code, text, err = run(capsys, "drafts", "export", first, "--format", fmt, "--database-url", url)
    assert (code, err) == (0, "")
    sample = read_data(SAMPLE.read_text("utf-8"), "yaml")
    assert {k: read_data(text, fmt)[k] for k in ("template", "languages")} == {
        k: sample[k] for k in ("template", "languages")
    }
    exported = tmp_path / f"exported.{fmt}"
    assert (
        run(capsys, "drafts", "export", first, "--output", str(exported), "--database-url", url)[1] == f"{exported}\n"
    )
    assert exported.read_text("utf-8") == text  # the format follows the file's name

    (again,) = imported(capsys, url, exported)

    with open_store(url) as store:
        assert store.get_draft(again).data == store.get_draft(first).data
        assert store.get_draft(again).title == store.get_draft(first).title


def test_export_of_an_unknown_id_is_one_line_and_exit_code_1(capsys, url):
    code, out, err = run(capsys, "drafts", "export", "0" * 32, "--database-url", url)
    assert (code, out) == (1, "")
    assert err == f"error: There is no draft '{'0' * 32}'. (`pressdraft drafts list` shows the ids)\n"


def test_list_shows_state_owner_and_missing_translations_filtered_by_state_and_owner(capsys, url):
    first, second = imported(capsys, url, SAMPLE, SAMPLE)
    with open_store(url) as store:
        store.create_draft(store.get_draft(first).data, owner="elvin@example.org", title="Elvin's")
        set_state(store, second, "in_review", by="local", changed=dt.datetime.now(dt.UTC))

    code, out, _ = run(capsys, "drafts", "list", "--database-url", url)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert [row[0] for row in rows][0] == second  # changed last
    assert [(row[1], row[2], row[4]) for row in rows][0] == ("in_review", "local", "tr:0 az:0 en:0")

    code, out, _ = run(capsys, "drafts", "list", "--status", "draft", "--owner", "local", "--database-url", url)
    assert [line.split("\t")[0] for line in out.splitlines()] == [first]
    code, out, _ = run(capsys, "drafts", "list", "--owner", "elvin@example.org", "--database-url", url)
    assert [line.split("\t")[-1] for line in out.splitlines()] == ["Elvin's"]


def test_list_refuses_an_unknown_state_naming_the_choices(capsys, url):
    code, out, err = run(capsys, "drafts", "list", "--status", "sent", "--database-url", url)
    assert (code, out) == (2, "")
    assert err == "error: --status: unknown state 'sent'; choose from draft, in_review, approved, published\n"


def test_the_installed_command_exits_1_when_a_file_failed(tmp_path, url):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 2\n", "utf-8")
    env = {**os.environ, "PRESSDRAFT_CLI_SERVER": "off"}
    command = [sys.executable, "-m", "pressdraft.cli", "drafts", "import", str(SAMPLE), str(bad), "--database-url", url]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"{SAMPLE}: ") and f"error: {bad}: template: required" in done.stderr
