"""Small typed helpers in the manner of Streamlit's own e2e tests: wait, find by key, commit."""

from __future__ import annotations

from typing import Any

IDLE = "[data-test-script-state='notRunning']"
CONNECTED = "[data-test-connection-state='CONNECTED']"


def wait_for_app(page: Any, timeout: float = 30_000) -> None:
    """Until the app is connected and no script (or fragment) is running."""
    page.wait_for_selector(CONNECTED, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


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
    field = by_key(page, key).locator("input").first
    field.click()
    field.fill(option)
    page.wait_for_timeout(300)
    field.press("Enter")
    wait_for_app(page)


def shows(page: Any, key: str, value: str, *, multiline: bool = False) -> None:
    """The field shows ``value``, waiting while a fresh page fills its fields."""
    from playwright.sync_api import expect

    expect(by_key(page, key).locator("textarea" if multiline else "input").first).to_have_value(value, timeout=15_000)
