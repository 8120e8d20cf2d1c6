"""The store's commands: db upgrade | db status | backup | restore | migrate-store.

Each runs on SQLite, and on PostgreSQL too when ``PRESSDRAFT_TEST_POSTGRES_URL`` names a role
that may create databases (each test gets new databases, dropped afterwards). Errors are one
line and exit code 2, with no traceback and no password.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from pressdraft.cli.commands import main
from pressdraft.store import head_revision, open_store, pending_migrations, upgrade

POSTGRES_URL = os.environ.get("PRESSDRAFT_TEST_POSTGRES_URL", "")
MIGRATIONS = ["0001", "0002", "0003", "0004", "0005", "0006"]

NewDatabase = Callable[[], str]


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES_URL, reason="set PRESSDRAFT_TEST_POSTGRES_URL to run on PostgreSQL"),
            ],
        ),
    ]
)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewDatabase]:
    """A factory of new, empty databases of one backend, as URLs."""
    if request.param == "sqlite":
        counter = iter(range(1000))
        yield lambda: f"sqlite:///{tmp_path / f'store-{next(counter)}.db'}"
        return
    admin_url = make_url(POSTGRES_URL)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    created: list[str] = []

    def create() -> str:
        name = f"pressdraft_cli_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        created.append(name)
        return admin_url.set(database=name).render_as_string(hide_password=False)

    yield create
    with admin.connect() as connection:
        for name in created:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "Traceback" not in err
    return lines[0]


def fill(url: str) -> dict[str, int]:
    """A little of everything; returns the row counts."""
    with open_store(url) as store:
        kept = store.create_draft({"fields": {"theme": {"az": "Köklü keçmiş, güclü gələcək"}}}, owner="ayşe")
        store.save_draft(kept.id, {"fields": {"theme": {"tr": "Köklü Geçmiş"}}}, expected_revision=1)
        trashed = store.create_draft({"text": "İstanbul'da"}, owner="elvin", title="Ziyaret")
        store.delete_draft(trashed.id, user="elvin")
        store.save_template("statement", {"tr.md.j2": "# {{ headline }}"}, author="ayşe", base_version=None)
        store.save_directory({"places": {"baku": {"az": "Bakı"}}}, author="leyla", base_version=None)
        return store.counts()


def table_lines(out: str) -> dict[str, tuple[int, str]]:
    """``name  N rows  sha256 HEX`` lines as {name: (N, HEX)}."""
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[2] == "rows" and parts[3] == "sha256":
            found[parts[0]] = (int(parts[1]), parts[4])
    return found


# --- db status / db upgrade ------------------------------------------------------------------------


def test_status_lists_pending_migrations_and_exits_1_then_upgrade_applies_them(new_database, capsys):
    url = new_database()
    code, out, _ = run(capsys, "db", "status", "--database-url", url)
    assert code == 1
    assert [line.split()[1] for line in out.splitlines() if line.startswith("pending ")] == MIGRATIONS
    assert "6 migration(s) pending; run `pressdraft db upgrade`" in out

    code, out, _ = run(capsys, "db", "upgrade", "--database-url", url)
    assert code == 0
    assert [line.split()[1] for line in out.splitlines() if line.startswith("applied ")] == MIGRATIONS
    assert f"upgraded to revision {head_revision()}" in out
    assert pending_migrations(url) == []


def test_upgrade_twice_applies_nothing_the_second_time_and_status_is_clean(new_database, capsys):
    url = new_database()
    assert run(capsys, "db", "upgrade", "--database-url", url)[0] == 0
    code, out, _ = run(capsys, "db", "upgrade", "--database-url", url)
    assert code == 0 and "applied" not in out and f"already at revision {head_revision()}" in out
    code, out, _ = run(capsys, "db", "status", "--database-url", url)
    assert code == 0 and f"up to date at revision {head_revision()}" in out


def test_the_url_comes_from_the_settings_unless_given(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PRESSDRAFT_DATABASE_URL", raising=False)
    monkeypatch.setenv("PRESSDRAFT_DATA_DIR", str(tmp_path / "data"))
    code, out, _ = run(capsys, "db", "status")
    assert code == 1 and str(tmp_path / "data" / "pressdraft.db") in out and "no database file yet" in out
    assert not (tmp_path / "data" / "pressdraft.db").exists()  # status creates nothing

    assert run(capsys, "db", "upgrade")[0] == 0
    assert (tmp_path / "data" / "pressdraft.db").is_file()

    other = f"sqlite:///{tmp_path / 'other.db'}"
    monkeypatch.setenv("PRESSDRAFT_DATABASE_URL", other)
    code, out, _ = run(capsys, "db", "status")
    assert code == 1 and "other.db" in out
    code, out, _ = run(capsys, "db", "status", "--database-url", f"sqlite:///{tmp_path / 'data' / 'pressdraft.db'}")
    assert code == 0


def test_status_exit_code_from_the_installed_command(tmp_path):
    """The console script itself: exit 1 with migrations pending, 0 after the upgrade."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    command = [sys.executable, "-m", "pressdraft.cli"]
    status = subprocess.run([*command, "db", "status", "--database-url", url], capture_output=True, text=True)
    assert status.returncode == 1 and "pending 0001" in status.stdout
    upgraded = subprocess.run([*command, "db", "upgrade", "--database-url", url], capture_output=True, text=True)
    assert upgraded.returncode == 0, upgraded.stderr
    status = subprocess.run([*command, "db", "status", "--database-url", url], capture_output=True, text=True)
    assert status.returncode == 0 and not status.stderr


# --- backup / restore ------------------------------------------------------------------------------


def test_backup_and_restore_into_a_fresh_installation_keep_every_row(new_database, tmp_path, capsys):
    source = new_database()
    upgrade(source)
    counts = fill(source)
    file = tmp_path / "backups" / "store.zip"

    code, out, _ = run(capsys, "backup", str(file), "--database-url", source)
    assert code == 0 and f"to {file}" in out
    with zipfile.ZipFile(file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    backed_up = table_lines(out)
    assert backed_up == {name: (spec["count"], spec["sha256"]) for name, spec in manifest["tables"].items()}
    assert {name: n for name, (n, _) in backed_up.items()} == counts

    target = new_database()  # never migrated: restore brings it to the schema itself
    code, out, _ = run(capsys, "restore", str(file), "--database-url", target)
    assert code == 0 and "verified" in out
    assert table_lines(out) == backed_up
    with open_store(target) as restored:
        assert restored.counts() == counts
        assert {d.title for d in restored.list_drafts(trash=True)} == {"Ziyaret"}


def test_restore_refuses_a_store_that_holds_data(new_database, tmp_path, capsys):
    source = new_database()
    upgrade(source)
    counts = fill(source)
    file = tmp_path / "store.zip"
    assert run(capsys, "backup", str(file), "--database-url", source)[0] == 0

    code, out, err = run(capsys, "restore", str(file), "--database-url", source)
    assert code == 2 and not out
    line = assert_one_line_error(err)
    assert "not empty" in line and "nothing was changed" in line
    with open_store(source) as store:
        assert store.counts() == counts


def test_restore_refuses_a_damaged_or_missing_file(new_database, tmp_path, capsys):
    target = new_database()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK not really a zip")
    for file in (broken, tmp_path / "missing.zip"):
        code, _, err = run(capsys, "restore", str(file), "--database-url", target)
        assert code == 2
        assert "backup" in assert_one_line_error(err)


def test_backup_refuses_a_store_that_is_missing_or_not_migrated(new_database, tmp_path, capsys):
    code, _, err = run(capsys, "backup", str(tmp_path / "b.zip"), "--database-url", f"sqlite:///{tmp_path / 'no.db'}")
    assert code == 2 and "no store at" in assert_one_line_error(err)
    assert not (tmp_path / "no.db").exists()

    empty = new_database()
    engine = create_engine(empty)  # an empty database that exists (a SQLite file is created)
    engine.connect().close()
    engine.dispose()
    code, _, err = run(capsys, "backup", str(tmp_path / "b.zip"), "--database-url", empty)
    assert code == 2 and "Run `pressdraft db upgrade` first" in assert_one_line_error(err)
    assert not (tmp_path / "b.zip").exists()


# --- migrate-store --------------------------------------------------------------------------------


def test_migrate_store_copies_sqlite_into_the_backend_with_counts_and_checksums(new_database, tmp_path, capsys):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    upgrade(source)
    counts = fill(source)
    target = new_database()

    code, out, err = run(capsys, "migrate-store", "--from", source, "--to", target)
    assert code == 0, err
    copied = table_lines(out)
    assert {name: n for name, (n, _) in copied.items()} == counts
    assert all(len(digest) == 64 for _, digest in copied.values())
    assert "verified by its count and checksum" in out
    with open_store(target) as store:
        assert store.counts() == counts

    # a backup of the copy has the same checksums: the copy is the store, row for row
    assert run(capsys, "backup", str(tmp_path / "copy.zip"), "--database-url", target)[0] == 0

    code, _, err = run(capsys, "migrate-store", "--from", source, "--to", target)
    assert code == 2 and "not empty" in assert_one_line_error(err)


def test_migrate_store_refuses_a_missing_source(tmp_path, capsys):
    code, _, err = run(
        capsys, "migrate-store", "--from", f"sqlite:///{tmp_path / 'none.db'}", "--to", f"sqlite:///{tmp_path / 't.db'}"
    )
    assert code == 2 and "--from: there is no store at" in assert_one_line_error(err)


# --- errors: one line, exit 2, no password --------------------------------------------------------


def test_an_unreachable_database_is_one_line_without_its_password(capsys):
    url = "postgresql+psycopg://pressdraft:topsecret@127.0.0.1:1/pressdraft"
    for argv in (
        ["db", "status", "--database-url", url],
        ["db", "upgrade", "--database-url", url],
        ["migrate-store", "--from", url, "--to", url],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and not out
        line = assert_one_line_error(err)
        assert "topsecret" not in err and "pressdraft:***@127.0.0.1:1" in line and "not available" in line


def test_a_url_from_the_settings_is_hidden_too(monkeypatch, capsys):
    monkeypatch.setenv("PRESSDRAFT_DATABASE_URL", "postgresql+psycopg://editor:hunter2@127.0.0.1:1/x")
    code, _, err = run(capsys, "db", "upgrade")
    assert code == 2 and "hunter2" not in err and "editor:***@" in assert_one_line_error(err)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "Could not parse"),
        ("postgresql+nodriver://u:secret@h/d", "Can't load plugin"),
        ("mysqlx://u:secret@h/d", "Can't load plugin"),
    ],
)
def test_a_bad_url_is_refused_naming_the_option(url, says, capsys):
    code, _, err = run(capsys, "db", "status", "--database-url", url)
    assert code == 2
    line = assert_one_line_error(err)
    assert line.startswith("error: --database-url: not a database URL") and says in line and "secret" not in line


def forged(file: Path, target: Path, change: Callable[[dict, list], list | None]) -> Path:
    """``file`` rewritten: ``change(manifest, members)`` edits the manifest and the (name, bytes) list."""
    with zipfile.ZipFile(file) as old:
        manifest = json.loads(old.read("manifest.json"))
        members = [(item.filename, old.read(item)) for item in old.infolist() if item.filename != "manifest.json"]
    members = change(manifest, members) or members
    with warnings.catch_warnings(), zipfile.ZipFile(target, "w") as new:
        warnings.simplefilter("ignore")  # a duplicate name is one of the forgeries
        for name, data in [*members, ("manifest.json", json.dumps(manifest).encode())]:
            new.writestr(name, data)
    return target


FORGERIES = {
    "table left out": lambda m, _: m["tables"].pop("drafts") and None,
    "table and member left out": lambda m, ms: m["tables"].pop("drafts") and [x for x in ms if x[0] != "drafts.jsonl"],
    "table added": lambda m, ms: (
        m["tables"].update(users={"columns": {"e": "text"}, "count": 0, "sha256": "0" * 64})
        or [*ms, ("users.jsonl", b"")]
    ),
    "count lowered": lambda m, _: m["tables"]["drafts"].update(count=1),
    "member renamed": lambda m, ms: [("drafts.json" if n == "drafts.jsonl" else n, d) for n, d in ms],
    "extra member": lambda m, ms: [*ms, ("notes.txt", b"x")],
    "duplicate member": lambda m, ms: [*ms, *(x for x in ms if x[0] == "drafts.jsonl")],
    "unknown schema revision": lambda m, _: m.update(schema_revision="zzz"),
}


@pytest.mark.parametrize("forgery", FORGERIES, ids=list(FORGERIES))
def test_restore_refuses_a_forged_manifest_in_one_line_and_restores_nothing(new_database, tmp_path, capsys, forgery):
    source = new_database()
    upgrade(source)
    assert fill(source)["drafts"] == 2
    file = tmp_path / "store.zip"
    assert run(capsys, "backup", str(file), "--database-url", source)[0] == 0
    target = new_database()

    code, out, err = run(
        capsys, "restore", str(forged(file, tmp_path / "forged.zip", FORGERIES[forgery])), "--database-url", target
    )

    assert code == 2 and "verified" not in out
    assert "nothing was changed" in assert_one_line_error(err)
    assert pending_migrations(target) == MIGRATIONS


# --- search / db reindex ---------------------------------------------------------------------------


def archived(url: str) -> dict[str, str]:
    """Two releases of two issuers, a name written with and without Turkish letters."""
    upgrade(url)

    def release(headline: str, issuer: str, date: str) -> dict:
        return {
            "template": "statement",
            "source_language": "tr",
            "release": {"date": date, "issuer": issuer, "number": "2025/4"},
            "fields": {"headline": {"tr": headline, "en": f"{headline} (en)"}},
        }

    with open_store(url) as store:
        return {
            "tr": store.create_draft(release("Hacıyev'in Bakıda açıklaması.", "tr-mfa", "2025-04-16"), owner="ayşe").id,
            "az": store.create_draft(release("Haciyev Şəkidə.", "az-mfa", "2025-06-01"), owner="elvin").id,
        }


def test_search_finds_by_a_word_typed_without_letters_and_by_filters(new_database, capsys):
    url = new_database()
    kept = archived(url)

    code, out, _ = run(capsys, "search", "HACIYEV", "--database-url", url)
    assert code == 0
    assert out.splitlines()[-1] == "2 found"
    assert f"{kept['az']}  2025-06-01  2025/4  draft  Haciyev Şəkidə. (en)" in out.splitlines()
    assert "    Hacıyev'in Bakıda açıklaması." in out.splitlines()  # the sentence, not the line

    code, out, _ = run(
        capsys, "search", "haciyev", "--issuer", "tr-mfa", "--json", "--lang", "tr", "--database-url", url
    )
    [hit] = json.loads(out)
    assert (code, hit["id"], hit["headline"]) == (0, kept["tr"], "Hacıyev'in Bakıda açıklaması.")
    assert hit["marked"] == "<mark>Hacıyev&#x27;in</mark> Bakıda açıklaması."

    code, out, _ = run(
        capsys, "search", "", "--from", "2025-05-01", "--to", "2025-12-31", "--json", "--database-url", url
    )
    assert [hit["id"] for hit in json.loads(out)] == [kept["az"]]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--from", "16.04.2025", "--from: '16.04.2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-04-16."),
        ("--to", "2025-13-01", "--to: '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2025-04-16."),
        (
            "--status",
            "sent",
            "status: 'sent' is not a state of a release; use one of draft, in_review, approved, published.",
        ),
    ],
)
def test_search_refuses_a_bad_date_or_state_in_one_line(new_database, capsys, option, value, message):
    url = new_database()
    archived(url)
    code, out, err = run(capsys, "search", "x", option, value, "--database-url", url)
    assert (code, out) == (2, "")
    assert err.strip().splitlines() == [f"error: {message}"]


def test_search_in_a_missing_store_is_refused_in_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "search", "x", "--database-url", f"sqlite:///{tmp_path / 'none.db'}")
    assert code == 2
    assert "there is no store at" in assert_one_line_error(err)


def test_db_reindex_rebuilds_a_lost_index(new_database, capsys):
    url = new_database()
    kept = archived(url)
    with open_store(url) as store:
        store.database.run_write(lambda connection: connection.exec_driver_sql("DELETE FROM search_index"))
    assert json.loads(run(capsys, "search", "haciyev", "--json", "--database-url", url)[1]) == []

    code, out, _ = run(capsys, "db", "reindex", "--database-url", url)
    assert (code, out.strip().endswith("search index rebuilt for 2 draft(s)")) == (0, True)
    found = json.loads(run(capsys, "search", "haciyev", "--json", "--database-url", url)[1])
    assert {hit["id"] for hit in found} == set(kept.values())
