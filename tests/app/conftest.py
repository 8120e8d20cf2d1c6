"""AppTest fixtures: the real app on a fresh data folder for each test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's script runner installs the script it runs as ``__main__`` and leaves it there; a
    later test that starts processes with "spawn" would then re-run that script in each child."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(autouse=True)
def on_this_machine(monkeypatch) -> None:
    """AppTest has no browser, so no request headers: give every run those of a browser on
    this machine (local mode refuses any other; tests/browser checks the real headers)."""
    from pressdraft.ui import state

    loopback = [("Host", "localhost:8501"), ("Origin", "http://localhost:8501")]
    monkeypatch.setattr(state, "connection", lambda: (loopback, None))


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh installation: empty data folder, caches of earlier tests dropped."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PRESSDRAFT_DATA_DIR", str(folder))
    monkeypatch.delenv("PRESSDRAFT_DATABASE_URL", raising=False)
    monkeypatch.setenv("PRESSDRAFT_UI_LANGUAGE", "en")
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


@pytest.fixture
def app(data_dir) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    return at
