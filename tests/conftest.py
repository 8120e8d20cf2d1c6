"""Shared fixtures: the shipped engine, the example draft, and tiny draft builders."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.files import read_data
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "joint-media-platform.yaml"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.default(IN_PROCESS)


@pytest.fixture
def example_data() -> dict[str, Any]:
    """The example draft as plain data, a fresh copy for each test to change."""
    return copy.deepcopy(_example_data())


_cache: dict[str, Any] = {}


def _example_data() -> dict[str, Any]:
    if "data" not in _cache:
        _cache["data"] = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    return _cache["data"]
