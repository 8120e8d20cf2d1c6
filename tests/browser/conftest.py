"""Browser tests: the real app under ``streamlit run`` on a free port, driven in Debian's Chromium.

They skip, saying so, only when no Chromium is installed; CI installs it. When the server
dies, its output is put in the failure message.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import stop_process

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One ``streamlit run app.py`` with its own data folder; its log kept for failures."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / "server.log"
        environ = {**os.environ, "PRESSDRAFT_DATA_DIR": str(data_dir), "PRESSDRAFT_UI_LANGUAGE": "en", **(env or {})}
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ]
        data_dir.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=self._log_file, stderr=subprocess.STDOUT)
        self.wait_until_healthy()

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the app server died:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"the app server did not start in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")[-5000:]

    def stop(self) -> None:
        stop_process(self.process)
        self._log_file.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("no Chromium found (install Debian's 'chromium' package to run the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def server(browser, tmp_path) -> Iterator[Server]:
    running = Server(tmp_path / "data")
    yield running
    running.stop()


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
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
