"""The first-page benchmark must not rot: one run starts the app, finds the sample's headline and prints its figure.

Its time is printed, not asserted: it depends on the machine (README, Development).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


@pytest.mark.timeout(300)
def test_the_first_page_benchmark_runs_once_and_prints_its_figure_last():
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("no Chromium found (install Debian's 'chromium' package to run the browser tests)")
    command = [sys.executable, str(ROOT / "benchmarks" / "first_page.py"), "--runs", "1"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=280)
    print(run.stdout, run.stderr)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.strip().splitlines()
    assert lines[0].startswith("run 1: ")
    assert re.fullmatch(r"first_page_s=\d+\.\d\d server_cpu_s=\d+\.\d\d", lines[-1])
