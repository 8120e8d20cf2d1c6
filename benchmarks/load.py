"""Load: concurrent browser sessions compose, preview and download against ONE app server.

    .venv/bin/python benchmarks/load.py --sessions 10 --duration 120 [--json result.json]

The script prepares a data folder with one draft per session (copies of the sample release),
starts ``streamlit run app.py`` on a free loopback port with the repository's
``.streamlit/config.toml``, and drives Debian's Chromium (one context per session, so each
is its own Streamlit session) through Playwright. Each session loops until the time is up:

1. compose: types a new theme (English) into the form and waits for the save;
2. preview: clicks through every preview tab and checks the English page shows the theme;
3. download: clicks the English Word download and times click → file received, then
   checks the DOCX holds the theme. The click is the moment the page receives it (a capture
   listener's ``Date.now()``, what a person's click starts), the end the moment the file is on
   disk. Before that moment Playwright waits until the button is visible, stable and hit by the
   pointer (its actionability checks, several round trips through a busy Chromium): a wait a person
   does not make, printed apart as "Playwright's click" and not counted in click to download.

The harness itself stays light, since it shares the machine with the pages it measures: it finds
elements by CSS and plain text and waits by polling a short script, never with Playwright's
``expect`` (whose every failed poll builds an accessibility snapshot of the whole page) or role
queries (which compute every element's role and name).

A download that fails is clicked once more and counted apart ("on a second click"; its time runs
from the first click): under concurrent use Streamlit 1.67 could delete the file a deferred
``download_button`` had just made before the browser fetched it (HTTP 404), when other sessions'
reruns ended in between; the app now keeps it for the session that clicked (``ui/downloads.py``),
so the count must stay 0.

Afterwards every session's last typed theme must be in the store ("no lost draft"). It
reports errors (any exception, a Streamlit error box, a traceback in the server log, a
preview or document without the typed text), lost drafts, the p50/p95 click-to-download
time, the server's resident memory (from /proc) at the start, at its peak and at the end, and
the processor time the server spent per edit: user + system time of the ``streamlit`` process
and its children (template workers) from ``/proc/PID/stat``, its growth over the run divided by
the edits typed. The LAST line holds the figures as ``key=value`` pairs.
Only loopback addresses are used; every wait is bounded; the run stops by itself.
Exit status: 0 with no error and no lost draft, 1 otherwise, 2 when it cannot run.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from app_server import CHROMIUM_FLAGS, AppServer  # noqa: E402 (beside this script)

# Ten pages of one headless browser are all "in the background": without these, Chromium
# throttles their timers and the load test would measure the throttling, not the server.
LOAD_FLAGS = [
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
]
IDLE = "[data-test-script-state='notRunning']"
CONNECTED = "[data-test-connection-state='CONNECTED']"
THEME = "w-fields-theme-en"
TIMEOUT_MS = 90_000  # one step under load; a step slower than this is an error
# Every page stamps the wall-clock time (ms) at which it receives a click, before any handler runs.
CLICK_STAMP = "addEventListener('click', () => { window.__pdClickedAt = Date.now(); }, true);"
# The harness waits and finds elements by CSS and plain text, never with Playwright's ``expect`` or role
# queries: each failed poll of an ``expect`` builds an accessibility snapshot of the whole page for its
# error message (Playwright 1.65: 100-250 ms of the page's CPU on the compose page), and role queries
# compute every element's role and name. Ten pages doing that took the CPU the measured clicks need.
SHOWS = "([selector, text]) => (document.querySelector(selector)?.textContent ?? '').includes(text)"
POLL_MS = 100
PREVIEW_EN = ".pd-page[lang=en]"
DOWNLOADS = "[data-testid=stDownloadButton] button"


@dataclass
class Result:
    sessions: int
    duration_s: float
    iterations: int = 0
    edits: int = 0  # themes typed into the form (a round that failed after its edit counts it too)
    downloads: int = 0
    errors: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)  # downloads that worked on the second click
    click_to_download_s: list[float] = field(default_factory=list)
    # Playwright's click call, before the page receives the click (its actionability checks: the
    # harness's wait in a busy browser), apart from click to download
    clicking_s: list[float] = field(default_factory=list)
    rss_mb: dict[str, float] = field(default_factory=dict)
    server_cpu_s: float = 0.0

    def percentile(self, q: float, times: list[float] | None = None) -> float | None:
        times = sorted(self.click_to_download_s if times is None else times)
        if not times:
            return None
        if len(times) == 1:
            return times[0]
        return statistics.quantiles(times, n=100, method="inclusive")[int(q) - 1]

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("click_to_download_s")
        data.pop("clicking_s")
        for name, times in (("", self.click_to_download_s), ("clicking_", self.clicking_s)):
            p50, p95 = self.percentile(50, times), self.percentile(95, times)
            data[f"{name}p50_s"] = round(p50, 3) if p50 is not None else None
            data[f"{name}p95_s"] = round(p95, 3) if p95 is not None else None
        data["cpu_s_per_edit"] = round(self.server_cpu_s / self.edits, 3) if self.edits else None
        return data

    def line(self) -> str:
        s = self.summary()
        return (
            f"{self.sessions} sessions for {self.duration_s:.0f} s: {self.iterations} rounds, "
            f"{self.downloads} downloads ({len(self.retried)} on a second click), "
            f"{len(self.errors)} errors, {len(self.lost)} lost drafts; click to download p50 {s['p50_s']} s, "
            f"p95 {s['p95_s']} s (Playwright's click before it, apart: "
            f"p50 {s['clicking_p50_s']} s, p95 {s['clicking_p95_s']} s); "
            f"server RSS {self.rss_mb.get('start')} MB at start, "
            f"{self.rss_mb.get('peak')} MB peak, {self.rss_mb.get('end')} MB at the end; "
            f"server CPU {self.server_cpu_s} s for {self.edits} edits"
        )

    def figures(self) -> str:
        """The figures as ``key=value`` pairs: the LAST line the script prints."""
        s = self.summary()
        return (
            f"p50_click_to_download_s={s['p50_s']} p95_click_to_download_s={s['p95_s']} "
            f"second_clicks={len(self.retried)} errors={len(self.errors)} lost={len(self.lost)} "
            f"downloads={self.downloads} edits={self.edits} cpu_s_per_edit={s['cpu_s_per_edit']} "
            f"peak_rss_mb={self.rss_mb.get('peak')}"
        )


# --- the server ------------------------------------------------------------------------------------


def prepare(data_dir: Path, sessions: int) -> list[str]:
    """A fresh installation (the sample release seeded) and one copy of it per session."""
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    service = AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(data_dir)}), template_runner())
    try:
        sample = service.store.list_drafts()[0].id
        return [service.duplicate_draft(sample) for _ in range(sessions)]
    finally:
        service.store.close()


def stored_theme(data_dir: Path, draft_id: str) -> Any:
    from pressdraft.app.settings import load_settings
    from pressdraft.store import open_store

    store = open_store(load_settings({"PRESSDRAFT_DATA_DIR": str(data_dir)})["database_url"])
    try:
        return (store.get_draft(draft_id).data.get("fields", {}).get("theme") or {}).get("en")
    finally:
        store.close()


# --- one browser session ---------------------------------------------------------------------------


async def wait_for_app(page: Any) -> None:
    """Until connected and no script runs (twice, as a rerun may follow a rerun)."""
    await page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    for _ in range(2):
        await page.wait_for_timeout(300)
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)


def exactly(text: str) -> re.Pattern[str]:
    """A ``has_text`` filter for an element whose whole text is ``text``."""
    return re.compile(f"^{re.escape(text)}$")


def docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


async def session(browser: Any, url: str, number: int, draft_id: str, deadline: float, result: Result) -> str | None:
    """Compose, preview, download until the deadline; returns the last theme the app saved."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    await context.add_init_script(CLICK_STAMP)
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    failed_responses: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed_responses.append(f"HTTP {r.status} for {r.url}"))
    saved: str | None = None
    round_ = 0
    try:
        await asyncio.sleep(0.5 * (number - 1))  # people do not all arrive in the same second
        await page.goto(f"{url}/?draft={draft_id}")
        await wait_for_app(page)
        while round_ == 0 or time.monotonic() < deadline:  # every session does at least one round
            round_ += 1
            theme = f"Load {number}.{round_}: *shared* [future] ş ə"
            where = f"session {number}, round {round_}"
            try:
                field_ = page.locator(f".st-key-{THEME} input").first
                await field_.fill(theme)
                await field_.press("Tab")
                result.edits += 1
                # the preview is made from the saved draft: once it shows the theme, it is stored
                await page.wait_for_function(SHOWS, arg=[PREVIEW_EN, theme], polling=POLL_MS, timeout=TIMEOUT_MS)
                await wait_for_app(page)
                saved = theme
                for label in ("TR", "AZ", "Side by side", "EN"):
                    await page.locator("[role=tab]").filter(has_text=exactly(label)).first.click()
                await page.locator(PREVIEW_EN).first.wait_for(state="visible", timeout=TIMEOUT_MS)
                button = page.locator(DOWNLOADS).filter(has_text=exactly("EN"), visible=True)
                retried = False
                clicked_at, clicking = None, 0.0  # a retried download's time runs from its first click
                for attempt in (1, 2):  # a failed download is clicked once more, as a person would
                    async with page.expect_download(timeout=TIMEOUT_MS) as caught:
                        before = time.perf_counter()
                        await button.first.click()
                        clicking += time.perf_counter() - before
                        clicked_at = clicked_at or await page.evaluate("window.__pdClickedAt")
                    download = await caught.value
                    failure = await download.failure()
                    if not failure:
                        break
                    await page.wait_for_timeout(500)  # the failed request's response event
                    why = f"{where}: the download failed ({failure}; {', '.join(failed_responses) or 'no HTTP error'})"
                    if attempt == 2:
                        raise RuntimeError(why)
                    result.retried.append(why)
                    retried = True
                path = await download.path()
                result.click_to_download_s.append(time.time() - clicked_at / 1000)
                result.clicking_s.append(clicking)
                result.downloads += 1
                if theme not in docx_text(Path(path).read_bytes()):
                    result.errors.append(f"{where}: the downloaded DOCX does not hold the typed theme")
                if await page.locator("[data-testid=stException]").count():
                    result.errors.append(f"{where}: the page shows an error")
                # a retried download's 404 is counted in ``retried``; any other failed request is an error
                result.errors.extend(
                    f"{where}: {failed}" for failed in failed_responses if not (retried and "/media/" in failed)
                )
                failed_responses.clear()
                result.iterations += 1
            except Exception as error:  # every failure is counted, the session goes on
                seen = f" ({', '.join(failed_responses)})" if failed_responses else ""
                result.errors.append(f"{where}: {type(error).__name__}: {str(error).splitlines()[0][:200]}{seen}")
                failed_responses.clear()
                await page.goto(f"{url}/?draft={draft_id}")
                await wait_for_app(page)
    finally:
        await context.close()
    return saved


async def drive(url: str, draft_ids: list[str], duration: float, result: Result, server: AppServer) -> list[str | None]:
    from playwright.async_api import async_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS + LOAD_FLAGS)
        try:
            deadline = time.monotonic() + duration
            peak = [server.rss_mb()]

            async def sample() -> None:
                while time.monotonic() < deadline:
                    peak.append(server.rss_mb())
                    await asyncio.sleep(1)

            sampler = asyncio.create_task(sample())
            saved = await asyncio.gather(
                *(session(browser, url, n + 1, draft_id, deadline, result) for n, draft_id in enumerate(draft_ids))
            )
            await sampler
            result.rss_mb["peak"] = max(peak)
            return list(saved)
        finally:
            await browser.close()


def run(sessions: int = 10, duration: float = 120, data_dir: Path | None = None) -> Result:
    """The whole load test; raises RuntimeError only when it cannot run at all."""
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        raise RuntimeError("no Chromium found (install Debian's 'chromium' package)")
    owned = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="pressdraft-load-")) if owned else data_dir
    assert folder is not None
    result = Result(sessions=sessions, duration_s=duration)
    draft_ids = prepare(folder, sessions)
    server = AppServer(folder)
    try:
        server.wait_until_healthy()
        result.rss_mb["start"] = server.rss_mb()
        cpu = server.cpu_s()
        saved = asyncio.run(drive(server.url, draft_ids, duration, result, server))
        result.rss_mb["end"] = server.rss_mb()
        result.server_cpu_s = round(server.cpu_s() - cpu, 2)
        for number, (draft_id, theme) in enumerate(zip(draft_ids, saved, strict=True), start=1):
            stored = stored_theme(folder, draft_id)
            if theme is None:
                result.errors.append(f"session {number}: no change was ever saved")
            elif stored != theme:
                result.lost.append(f"session {number}: typed {theme!r}, stored {stored!r}")
        if "Traceback" in server.output():
            result.errors.append("the server log has a traceback:\n" + server.output()[-3000:])
    finally:
        server.stop()
        if owned and not result.errors and not result.lost:
            shutil.rmtree(folder, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10, help="concurrent browser sessions (default 10)")
    parser.add_argument("--duration", type=float, default=120, help="seconds of load (default 120)")
    parser.add_argument("--json", type=Path, help="write the figures and every error to this file")
    parser.add_argument("--data-dir", type=Path, help="use (and keep) this data folder instead of a temporary one")
    args = parser.parse_args(argv)
    try:
        result = run(args.sessions, args.duration, args.data_dir)
    except RuntimeError as error:
        print(f"load: {error}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(result.summary(), indent=2, ensure_ascii=False), "utf-8")
    for problem in result.errors[:20] + result.lost:
        print(problem, file=sys.stderr)
    print(result.line())
    print(result.figures())
    return 0 if not result.errors and not result.lost else 1


if __name__ == "__main__":
    sys.exit(main())
