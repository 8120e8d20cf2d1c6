"""The command line imports what its command needs: rendering a shipped template to DOCX loads neither
the app's server side (Streamlit, SQLAlchemy, Alembic), nor the sandbox pool, nor fontTools."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "joint-media-platform.yaml"

#: What ``render --format docx`` must not import (python-docx it needs: the writer builds on it).
NOT_FOR_RENDER = ("streamlit", "sqlalchemy", "alembic", "fontTools", "pressdraft.pipeline.pool")

#: Runs the command in a fresh interpreter and prints, after it, every module it imported.
PROGRAM = """
import sys
from pressdraft.cli.commands import main
code = main(sys.argv[1:])
print("MODULES", *sorted(sys.modules), "CODE", code)
"""


def imported_by(tmp_path: Path, *argv: str) -> set[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    run = subprocess.run([sys.executable, "-c", PROGRAM, *argv], env=env, capture_output=True, text=True, check=True)
    words = run.stdout.split("MODULES", 1)[1].split()
    assert words[-2:] == ["CODE", "0"], run.stderr
    return set(words[:-2])


def test_render_to_docx_imports_neither_the_server_side_nor_the_sandbox_pool(tmp_path):
    modules = imported_by(tmp_path, "render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--format", "docx")
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3
    for name in NOT_FOR_RENDER:
        assert not {m for m in modules if m == name or m.startswith(name + ".")}, name


def test_a_render_reads_its_template_and_the_compiled_code_is_kept_for_the_next(tmp_path):
    imported_by(tmp_path, "render", str(EXAMPLE), "-o", str(tmp_path / "out"))
    kept = list((tmp_path / "cache" / "pressdraft" / "jinja").iterdir())
    assert len(kept) == 3  # one per language of the example
    assert (tmp_path / "cache" / "pressdraft" / "jinja").stat().st_mode & 0o077 == 0
    imported_by(tmp_path, "render", str(EXAMPLE), "-o", str(tmp_path / "again"))
    again = sorted(p.name for p in (tmp_path / "again").iterdir())
    assert again == sorted(p.name for p in (tmp_path / "out").iterdir())
    for name in again:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()


def test_inflect_imports_the_language_rules_only(tmp_path):
    modules = imported_by(tmp_path, "inflect", "--lang", "tr", "--case", "dative", "Ankara")
    for name in (
        "pydantic",
        "jinja2",
        "docx",
        "markdown_it",
        "sqlalchemy",
        "pressdraft.pipeline",
        "pressdraft.app.standalone",
    ):
        assert not {m for m in modules if m == name or m.startswith(name + ".")}, name
