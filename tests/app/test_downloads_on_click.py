"""Issue 18: nothing heavy runs when the compose page reruns; Word, ZIP and PDF are made on click,
in one of a few bounded turns."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pressdraft import export
from pressdraft.problems import PressdraftError

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_a_rerun_of_the_compose_page_makes_no_word_file(data_dir, monkeypatch):
    made = []
    for name in ("write_docx", "write_side_by_side"):
        real = getattr(export, name)
        monkeypatch.setattr(export, name, lambda *args, real=real, name=name: made.append(name) or real(*args))
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    app.text_input(key="w-fields-platform-en").input("Joint Media Platform").run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert {"TR", "AZ", "EN", "TR-AZ-EN", "All"} <= set(labels)
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
