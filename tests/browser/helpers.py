"""Small typed helpers in the manner of Streamlit's own e2e tests: wait, find by key, commit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SETTLE_MS = 100  # the page unchanged this long after the run's end: React has drawn what the run sent
INPUT_GRACE_MS = 300  # an action that has asked for no run this long after it asks for none

# What the page's run tracker (run_tracker.js) reads in the app's websocket messages.
RUN_FIELDS = {
    "asksForRun": [BackMsg.RERUN_SCRIPT_FIELD_NUMBER, BackMsg.FILE_URLS_REQUEST_FIELD_NUMBER],
    "scriptFinished": ForwardMsg.SCRIPT_FINISHED_FIELD_NUMBER,
    "finishedEarlyForRerun": ForwardMsg.FINISHED_EARLY_FOR_RERUN,
    "settleMs": SETTLE_MS,
    "inputGraceMs": INPUT_GRACE_MS,
}
RUN_TRACKER = f"({(Path(__file__).parent / 'run_tracker.js').read_text('utf-8')})({json.dumps(RUN_FIELDS)});"


def new_context(browser: Any, **options: Any) -> Any:
    """A browser context whose pages ``wait_for_app`` can wait on: it waits for the run an action asked
    for to end, where sleeping in case one had started was both slow and, on a loaded machine, unsure."""
    context = browser.new_context(**options)
    context.add_init_script(RUN_TRACKER)
    return context


def wait_for_app(page: Any, timeout: float = 30_000) -> None:
    """Until the app is connected, the last run asked for (by the page's load or by an action) has ended,
    not to rerun at once, and the page has settled."""
    page.wait_for_function(
        "() => { if (!window.__pressdraftRuns) throw new Error('a page made outside new_context()'); "
        "return window.__pressdraftRuns.idle(); }",
        timeout=timeout,
    )


def by_key(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}")


def type_into(page: Any, key: str, text: str, *, multiline: bool = False) -> None:
    """Type a value and commit it (leave the field), then wait for the save."""
    field = by_key(page, key).locator("textarea" if multiline else "input").first
    field.fill(text)
    field.press("Tab")
    wait_for_app(page)


def choose(page: Any, key: str, option: str) -> None:
    """Pick an option of a selectbox or multiselect by its visible text."""
    from playwright.sync_api import expect

    field = by_key(page, key).locator("input").first
    field.click()
    field.fill(option)
    expect(page.locator("[role=option]").first).to_contain_text(option)  # the list filtered to it
    field.press("Enter")
    wait_for_app(page)


def shows(page: Any, key: str, value: str, *, multiline: bool = False) -> None:
    """The field shows ``value``, waiting while a fresh page fills its fields."""
    from playwright.sync_api import expect

    expect(by_key(page, key).locator("textarea" if multiline else "input").first).to_have_value(value, timeout=15_000)
