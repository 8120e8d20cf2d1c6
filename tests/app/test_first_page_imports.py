"""The app's first page imports what it shows: no Word writer (downloads are made when clicked), no
PostgreSQL dialect for a SQLite store, and, on a database already at head, no Alembic at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What a first page never needs (python-docx and lxml only write Word files and read letterheads).
NOT_FOR_THE_FIRST_PAGE = ("docx", "lxml", "fontTools", "pressdraft.document.docx")
#: What a start on a database at head needs no more (Alembic and what it brings).
NOT_AT_HEAD = ("alembic", "mako", "pygments", "sqlalchemy.dialects.postgresql", "pressdraft.store.migrate")

#: The compose page run once, as a browser on this machine opens it; then the headline it shows
#: and every module imported by then.
PROGRAM = """
import sys
from streamlit.testing.v1 import AppTest
from pressdraft.ui import state

state.connection = lambda: ([("Host", "localhost:8501"), ("Origin", "http://localhost:8501")], None)
page = AppTest.from_file(sys.argv[1], default_timeout=120).run()
assert not page.exception, [e.value for e in page.exception]
print("HEADLINE", page.subheader[0].value)
print("MODULES", *sorted(sys.modules))
"""


def first_page(data_dir: Path) -> tuple[str, set[str]]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
        "PRESSDRAFT_DATA_DIR": str(data_dir),
        "PRESSDRAFT_UI_LANGUAGE": "en",
    }
    env.pop("PRESSDRAFT_DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(ROOT / "app.py")], env=env, capture_output=True, text=True, check=True
    )
    headline = run.stdout.split("HEADLINE ", 1)[1].split("\n", 1)[0]
    return headline, set(run.stdout.split("MODULES", 1)[1].split())


def imported(modules: set[str], name: str) -> set[str]:
    return {m for m in modules if m == name or m.startswith(name + ".")}


def test_the_first_page_imports_no_word_writer_and_at_head_no_alembic(tmp_path):
    headline, modules = first_page(tmp_path / "data")  # a fresh install: created, migrated, seeded
    assert "Ortak Medya Platformu" in headline
    for name in NOT_FOR_THE_FIRST_PAGE:
        assert not imported(modules, name), name
    assert imported(modules, "alembic")  # a new store is migrated by Alembic, as before

    again, modules = first_page(tmp_path / "data")  # the next start: the store is at head
    assert again == headline
    for name in NOT_FOR_THE_FIRST_PAGE + NOT_AT_HEAD:
        assert not imported(modules, name), name
