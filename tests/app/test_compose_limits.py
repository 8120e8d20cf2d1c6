"""Issue 18 on the compose page: nothing heavy runs when it reruns (every download is made on
click, Word, ZIP and PDF in one of a few bounded turns), and the form's "Add a row" stops at the draft limit."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.core.model import MAX_ROWS
from pressdraft.core.problems import PressdraftError
from pressdraft.document import docx as word
from pressdraft.document import export

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_a_rerun_of_the_compose_page_with_or_without_a_change_makes_no_file(data_dir, monkeypatch):
    """Every download is made when it is clicked (a deferred button): neither an edit nor a rerun
    without a change makes a Word file, a ZIP or any other download."""
    made = []
    makers = [(word, "write_docx"), (word, "write_side_by_side"), (export, "zip_files"), (export, "blocks_to_text")]
    for module, name in makers:
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, real=real, name=name: made.append(name) or real(*args))
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    app.text_input(key="w-fields-platform-en").input("Joint Media Platform").run()
    assert not app.exception
    app.run()
    buttons = app.get("download_button")
    assert {"TR", "AZ", "EN", "TR-AZ-EN", "All"} <= {b.proto.label for b in buttons}
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)
    assert made == []


def test_a_heavy_build_waits_for_a_turn_at_most_its_wait_limit():
    taken = 0
    try:
        while export._heavy_builds.acquire(blocking=False):  # every turn busy
            taken += 1
        assert taken == export.HEAVY_BUILDS
        with pytest.raises(PressdraftError, match="busy making other files"):
            export.bounded(lambda: pytest.fail("made without a turn"), wait=0.05)()
    finally:
        for _ in range(taken):
            export._heavy_builds.release()
    assert export.bounded(lambda: b"made", wait=0.05)() == b"made"


def test_the_add_row_button_stops_at_the_limit_and_says_why(app):
    draft_id = app.query_params["draft"]
    service = AppService.open(load_settings(), template_runner())
    try:
        record = service.store.get_draft(draft_id)
        data = copy.deepcopy(record.data)
        data["fields"]["committees"] = [{"tr": f"k{i}", "az": f"k{i}", "en": f"c{i}"} for i in range(MAX_ROWS - 1)]
        service.store.save_draft(draft_id, data, expected_revision=record.revision)
    finally:
        service.store.close()
    app.run()
    add = app.button(key="w-fields-committees-add")
    assert not add.disabled
    add.click().run()
    assert not app.exception
    assert app.button(key="w-fields-committees-add").disabled
    assert f"{MAX_ROWS} rows, the most a list may have — split the release or shorten the list" in [
        c.value for c in app.caption
    ]
