"""The app under ``streamlit run`` on a free loopback port, as the load benchmark and the browser tests start it.

One home for how both start, watch and stop a server (and read what it costs: memory, processor
time, from /proc), and for the flags both start Chromium with.
Plain Python (no pytest): ``tests/browser/conftest.py`` puts this folder on ``sys.path``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(process: Any) -> None:
    """Stop a server that was started here: politely, then firmly."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


class ServerFailed(RuntimeError):
    """The app server died or did not answer in time; the message ends with its output."""


class AppServer:
    """``streamlit run app.py`` on loopback with its own data folder (and ``env`` on top of this
    process's environment); its output kept in ``server.log`` there."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log = data_dir / "server.log"
        environ = {**os.environ, "PRESSDRAFT_DATA_DIR": str(data_dir), "PRESSDRAFT_UI_LANGUAGE": "en", **(env or {})}
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=self._log_file, stderr=subprocess.STDOUT)

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"the app server died:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise ServerFailed(f"the app server did not start in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def stop(self) -> None:
        stop_process(self.process)
        self._log_file.close()

    def rss_mb(self) -> float:
        """Resident memory of the server process and its children (template workers), in MB."""
        total = 0
        for pid in [self.process.pid, *children(self.process.pid)]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            total += kb
        return round(total / 1024, 1)

    def cpu_s(self) -> float:
        """CPU time (user + system, in s) the server process has used so far, with its children's:
        the living ones' own and the ended ones' (which the kernel adds to the parent's cutime, cstime)."""
        ticks = 0
        for pid in [self.process.pid, *children(self.process.pid)]:
            try:
                fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # a child that ended in between
                continue
            ticks += int(fields_[11]) + int(fields_[12])  # utime, stime
            if pid == self.process.pid:
                ticks += int(fields_[13]) + int(fields_[14])  # cutime, cstime: children waited for
        return ticks / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs (from /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
        for kid in kids:
            found += [kid, *children(kid)]
    return found
