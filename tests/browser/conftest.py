"""Browser tests: the real app under ``streamlit run`` on a free port, driven in Debian's Chromium.

They skip, saying so, only when no Chromium is installed; CI installs it. When the server
dies, its output is put in the failure message.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "benchmarks"))  # app_server, shared with the load benchmark

from app_server import CHROMIUM_FLAGS, AppServer, ServerFailed  # noqa: E402
from helpers import new_context  # noqa: E402

V1_EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (a conftest's ``pytestmark`` marks nothing), so
    ``-m`` can select them; ``make test`` keeps only the one marked ``smoke``."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


class Server(AppServer):
    """One app server for a test, started and healthy; one that is not fails the test with its output."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None):
        super().__init__(data_dir, env)
        try:
            self.wait_until_healthy()
        except ServerFailed as failed:
            self.stop()
            pytest.fail(str(failed))

    def output(self) -> str:
        return super().output()[-5000:]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("no Chromium found (install Debian's 'chromium' package to run the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def seeded(data_dir: Path) -> Path:
    """A data folder holding the sample release these tests were written for (tests/data/v1, as
    the ``v1_sample_release`` fixture sets it, which a module's server is made before): seeded
    here, so the server finds a draft and seeds nothing."""
    from pressdraft.app import service
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(service, "EXAMPLE", V1_EXAMPLE)
        service.AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(data_dir)}), template_runner()).store.close()
    return data_dir


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> Iterator[Server]:
    """One server per test file (a start costs seconds): its tests keep to their own drafts or
    fields, so they do not depend on each other; a test that needs a server of its own uses
    ``start_server``. Under xdist each worker starts its own."""
    running = Server(seeded(tmp_path_factory.mktemp("data")))
    yield running
    running.stop()


@pytest.fixture
def page(browser, server, request):
    context = new_context(browser, viewport={"width": 1280, "height": 800}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    failed = getattr(request.node, "rep_call", None)
    context.close()
    if failed is not None and failed.failed:
        print(f"server output:\n{server.output()}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def start_server(browser, tmp_path, request) -> Iterator[Callable[..., Server]]:
    """A factory of app servers (``start_server(name, env)``), each with its own data folder and
    environment overrides; all stopped at the end, their output shown when the test failed."""
    started: list[Server] = []

    def start(name: str, env: dict[str, str] | None = None) -> Server:
        running = Server(tmp_path / name, env)
        started.append(running)
        return running

    yield start
    failed = getattr(request.node, "rep_call", None)
    for running in started:
        running.stop()
        if failed is not None and failed.failed:
            print(f"server {running.url} output:\n{running.output()}")
