"""First page: how long from ``make run`` to the compose page's headline in the browser.

    .venv/bin/python benchmarks/first_page.py [--runs 3]

Each run starts ``streamlit run app.py`` as ``make run`` does (the repository's
``.streamlit/config.toml``, the embedded SQLite default in a fresh data folder, so the store is
created, migrated and seeded with the sample release) on a free loopback port, and times the
server process's start to the moment the sample's headline is visible on the compose page in
Debian's Chromium (Playwright; the browser is started before the clock runs, and opens the page
as soon as the server answers its health check, as a person's browser tab would be waiting).
The servers write and read their bytecode in a cache of their own (``PYTHONPYCACHEPREFIX``),
filled by one untimed start first, as any earlier start of an installed app fills it, also where
the environment sets ``PYTHONDONTWRITEBYTECODE`` (which would make every start compile the package).
It prints each run and the median, and as its LAST line ``first_page_s=… server_cpu_s=…``: the
second, the CPU time the server had used by then (its process and children, from /proc), is what
the first page costs the server whatever else the machine is doing.
Exit status: 0, or 2 when it cannot run (no Chromium, the server died).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from app_server import CHROMIUM_FLAGS, AppServer, ServerFailed  # noqa: E402 (beside this script)

TIMEOUT_S = 120  # a first page slower than this is a failure, not a figure


def sample_headline() -> str:
    """The headline the compose page shows for the seeded sample (in its source language)."""
    from pressdraft.app.service import EXAMPLE
    from pressdraft.app.standalone import engine
    from pressdraft.document.export import Edition

    shipped = engine(None, None)
    draft = shipped.read_draft(EXAMPLE.read_text("utf-8"), "yaml", source=EXAMPLE.name)
    return Edition(shipped.render(draft, [draft.source_language], allow_incomplete=True)).first_text(
        draft.source_language, "headline"
    )


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def one_run(browser: object, headline: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from the server's start to the headline on the compose page, with a fresh data folder,
    and the server's CPU seconds by then."""
    folder = Path(tempfile.mkdtemp(prefix="pressdraft-first-page-"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    started = time.perf_counter()
    server = AppServer(folder, env)
    try:
        while not _answers(server.url):  # the health check answers once the server listens
            if server.process.poll() is not None:
                raise ServerFailed(f"the app server died:\n{server.output()[-3000:]}")
            if time.perf_counter() - started > TIMEOUT_S:
                raise ServerFailed(f"the app server did not start in {TIMEOUT_S} s:\n{server.output()[-3000:]}")
            time.sleep(0.02)
        page.goto(server.url, timeout=TIMEOUT_S * 1000)
        page.locator("[data-testid=stHeading]", has_text=headline).first.wait_for(timeout=TIMEOUT_S * 1000)
        return time.perf_counter() - started, server.cpu_s()
    finally:
        context.close()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh starts to time (default 3)")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("first_page: no Chromium found (install Debian's 'chromium' package)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    headline = sample_headline()
    cache = Path(tempfile.mkdtemp(prefix="pressdraft-bytecode-"))
    env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(cache)}
    times, cpu = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            for number in range(args.runs + 1):  # run 0 fills the bytecode cache, untimed
                try:
                    took, used = one_run(browser, headline, env)
                except ServerFailed as failed:
                    print(f"first_page: {failed}", file=sys.stderr)
                    return 2
                if number:
                    times.append(took)
                    cpu.append(used)
                    print(f"run {number}: {took:.2f} s from start to the headline, server CPU {used:.2f} s")
        finally:
            browser.close()
            shutil.rmtree(cache, ignore_errors=True)
    print(f"median of {len(times)} runs: {statistics.median(times):.2f} s, server CPU {statistics.median(cpu):.2f} s")
    print(f"first_page_s={statistics.median(times):.2f} server_cpu_s={statistics.median(cpu):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
