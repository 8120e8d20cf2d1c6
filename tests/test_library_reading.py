"""A library reads a template's files when that template is asked for; listing reads them all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressdraft.core.library import Library
from pressdraft.core.problems import PressdraftError

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """A copy of the shipped library with one template whose metadata is not YAML."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES, root)
    (root / "statement" / "meta.yaml").write_text("name: [unclosed\n", "utf-8")
    return root


def test_getting_one_template_reads_that_one_only(shelf):
    library = Library.from_folder(shelf)
    assert library.get("joint-meeting").id == "joint-meeting"
    assert list(library._unread) == ["agreement-signing", "media-advisory", "official-visit", "statement"]


def test_listing_reads_them_all_in_folder_order_and_names_the_broken_one(shelf):
    library = Library.from_folder(shelf)
    library.get("official-visit")
    assert library.ids() == ["agreement-signing", "joint-meeting", "media-advisory", "official-visit"]
    assert list(library.broken) == ["statement"]
    with pytest.raises(PressdraftError, match="has errors"):
        library.get("statement")
    with pytest.raises(PressdraftError, match="joint-meeting"):
        library.get("joint-meetin")
