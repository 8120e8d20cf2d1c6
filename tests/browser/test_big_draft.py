"""Issue 18 in real Chromium: the 16,000-row draft imported on the Drafts page is refused with the
limit named, nothing is stored, and the Drafts page lists as before, for this user and another."""

from __future__ import annotations

import pytest
from big_drafts import example_with_committees
from helpers import new_context, wait_for_app

from pressdraft.ui.text import WORD_JOINER

pytestmark = pytest.mark.browser

TITLE = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"
REFUSAL = "fields.committees: 16000 rows; at most 200 are allowed — split the release or shorten the list"


def lists_only_the_sample(page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{url}/drafts")
    wait_for_app(page)
    expect(page.get_by_text(TITLE, exact=True)).to_have_count(1, timeout=30_000)
    expect(page.get_by_text("TR: complete · AZ: complete · EN: complete", exact=False)).to_have_count(1)
    expect(page.locator("[class*='st-key-open-']")).to_have_count(1)


def test_the_big_draft_is_refused_on_import_and_the_drafts_page_lists_normally(browser, page, server, tmp_path):
    from playwright.sync_api import expect

    big = tmp_path / "joint-meeting-16000-committees.yaml"
    big.write_text(example_with_committees(16_000), "utf-8")
    lists_only_the_sample(page, server.url)

    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(big))
    expect(page.get_by_text("The file was not imported:")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("16000 rows; at most 200 are allowed", exact=False)).to_be_visible()
    shown = page.locator("[data-testid=stMain]").inner_text().replace(WORD_JOINER, "")  # user text: ui.text.literal
    assert REFUSAL in shown, shown
    wait_for_app(page)
    assert page.locator("[data-testid=stException]").count() == 0

    lists_only_the_sample(page, server.url)  # nothing stored
    other = new_context(browser, viewport={"width": 1280, "height": 800})
    try:
        lists_only_the_sample(other.new_page(), server.url)  # another user's listing
    finally:
        other.close()
