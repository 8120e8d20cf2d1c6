"""Shared fixtures: the shipped engine, the example draft, tiny draft builders, and what sandbox tests share."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.directory import default_directory
from pressdraft.core.files import read_data
from pressdraft.pipeline import pool
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"


@pytest.fixture(autouse=True)
def v1_sample_release(monkeypatch) -> None:
    """A new installation seeds the public example, now in format 2 (examples/); the tests written
    against the version-1 sample's fields (its quotes, date and city) seed that file, tests/data/v1.
    A test of the format-2 seed sets ``pressdraft.app.service.EXAMPLE`` back itself."""
    from pressdraft.app import service

    monkeypatch.setattr(service, "EXAMPLE", EXAMPLE)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.default(IN_PROCESS)


@pytest.fixture(scope="module")
def directory_data() -> dict[str, Any]:
    """The shipped directory as plain data, as the sandbox workers receive it."""
    return default_directory().model_dump(mode="json", exclude_none=True)


@pytest.fixture(scope="module")
def no_workers_left() -> Iterator[None]:
    """A test file that starts sandbox workers leaves none behind (``pytestmark`` in that file)."""
    yield
    pool.shutdown()


@pytest.fixture
def example_data() -> dict[str, Any]:
    """The example draft as plain data, a fresh copy for each test to change."""
    return copy.deepcopy(_example_data())


_cache: dict[str, Any] = {}


def _example_data() -> dict[str, Any]:
    if "data" not in _cache:
        _cache["data"] = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    return _cache["data"]


@pytest.fixture
def service(tmp_path):
    """The app's service on a fresh store in a temporary data folder, closed after the test."""
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    service = AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")}), template_runner())
    yield service
    service.store.close()


@pytest.fixture(autouse=True, scope="session")
def cli_in_process() -> Iterator[None]:
    """The command line run as a subprocess runs in that process and starts no command server (set for the
    whole session in ``os.environ``, which subprocesses inherit); tests/test_cli_server.py unsets it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSDRAFT_CLI_SERVER", "off")
        yield
