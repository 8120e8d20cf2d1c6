"""From draft to release with two people signed in through OpenID Connect, in two browsers on one server.

A drafter makes a copy of the sample release (the drafts page's Duplicate) and sends it for review; an
editor comments on its theme; the drafter sees the comment beside the field, changes the theme and
resolves it; the editor approves. The drafter then finds the form read-only, with the way out
(withdrawing the approval) offered; the editor publishes and the files that went out are listed. The
archive finds the release by a word typed without Turkish letters, and the history shows the theme's
change word by word.

Screenshots go to the test's folder, and to ``PRESSDRAFT_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import by_key, choose, type_into, wait_for_app
from oidc import SignInServer, oidc_provider, people, signed_in_tab

pytestmark = pytest.mark.browser

DRAFTER, EDITOR = "deniz@example.org", "emre@example.org"
ALLOWLIST = f"{DRAFTER}=drafter, {EDITOR}=editor"
THEME_EN = ".st-key-w-fields-theme-en input"
REMARK = "Say which platform: the joint media platform."
FIXED = "The first meeting of the Joint Media Platform"


@pytest.fixture
def office(browser, tmp_path) -> Iterator[SignInServer]:
    with oidc_provider(tmp_path, people({DRAFTER: "Deniz Kaya", EDITOR: "Emre Aydın"})) as issuer:
        server = SignInServer(tmp_path / "office", issuer, ALLOWLIST)
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def shot(tmp_path):
    folders = [tmp_path / "screenshots"] + (
        [Path(os.environ["PRESSDRAFT_SCREENSHOTS"])] if os.environ.get("PRESSDRAFT_SCREENSHOTS") else []
    )

    def take(page: Any, name: str) -> None:
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"review-{name}.png"), full_page=True)

    return take


def step(page: Any, name: str) -> None:
    """Click the review bar's button for step ``name`` and wait for the run it starts."""
    by_key(page, f"review-{name}").locator("button").click()
    wait_for_app(page)


def badge(page: Any) -> str:
    return page.locator(".stMarkdownBadge").first.inner_text()


def open_release(page: Any, url: str, draft_id: str, section: str = "") -> None:
    page.goto(f"{url}/{section}?draft={draft_id}")
    wait_for_app(page)


def own_copy_of_the_sample(page: Any, url: str) -> str:
    """The drafter starts from the last release, as drafters do: the drafts page's Duplicate of the
    sample makes a copy the drafter owns; returns its id."""
    sample = re.search(r"draft=([0-9a-f]{32})", page.url).group(1)
    page.goto(f"{url}/drafts")
    wait_for_app(page)
    by_key(page, f"dup-{sample}").locator("button").click()
    wait_for_app(page)
    keys = page.locator("[class*='st-key-open-']").evaluate_all("els => els.map(e => e.className)")
    [copy] = {m for k in keys for m in re.findall(r"st-key-open-([0-9a-f]{32})", k)} - {sample}
    return copy


def test_a_release_goes_from_draft_to_published_with_four_eyes_comments_archive_and_history(browser, office, shot):
    with signed_in_tab(browser, office, DRAFTER) as drafter, signed_in_tab(browser, office, EDITOR) as editor:
        draft_id = own_copy_of_the_sample(drafter, office.url)
        open_release(drafter, office.url, draft_id)
        open_release(editor, office.url, draft_id)
        assert badge(drafter) == "Draft"
        assert by_key(drafter, "review-approve").count() == 0  # a drafter is not offered approval
        step(drafter, "submit")
        assert badge(drafter) == "In review"
        shot(drafter, "1-submitted")

        # the editor, told of the change of state, comments beside the theme
        open_release(editor, office.url, draft_id)
        assert badge(editor) == "In review"
        comment = editor.locator(THEME_EN).locator("xpath=following::*[@data-testid='stPopover'][1]")
        comment.locator("button").first.click()
        editor.locator(".st-key-comment-fields-theme-text textarea").fill(REMARK)
        editor.locator(".st-key-comment-fields-theme-add button").click()
        wait_for_app(editor)
        shot(editor, "2-commented")

        # the drafter sees it beside the field, fixes the theme and resolves the comment
        open_release(drafter, office.url, draft_id)
        assert drafter.get_by_text(REMARK).is_visible()
        type_into(drafter, "w-fields-theme-en", FIXED)
        drafter.locator("[class*='st-key-resolve-comment-'] button").first.click()
        wait_for_app(drafter)
        assert drafter.get_by_text(REMARK).count() == 0
        shot(drafter, "3-fixed")

        # four eyes: the editor did not change the text, so may approve
        open_release(editor, office.url, draft_id)
        step(editor, "approve")
        assert badge(editor) == "Approved"

        # the drafter's form is frozen; the way out is to withdraw the approval
        open_release(drafter, office.url, draft_id)
        assert badge(drafter) == "Approved"
        assert drafter.locator(THEME_EN).first.is_disabled()
        assert drafter.get_by_text("This release is approved: withdraw the approval to change it").is_visible()
        assert by_key(drafter, "review-withdraw").locator("button").is_enabled()
        shot(drafter, "4-frozen")

        step(editor, "publish")
        assert badge(editor) == "Published"
        editor.get_by_text("What went out", exact=True).click()
        assert editor.locator("[class*='st-key-published-'] button").count() >= 3  # a Word file per language
        shot(editor, "5-published")

        # the archive finds it by words typed without Turkish letters ("Köklü Geçmiş", its motto)
        editor.goto(f"{office.url}/archive")
        wait_for_app(editor)
        type_into(editor, "archive-query", "koklu gecmis")
        shot(editor, "6-archive")
        result = editor.locator("[data-testid=stMarkdownContainer] a[href*='" + draft_id + "']")
        assert result.count() >= 1
        assert [m.inner_text() for m in editor.locator("mark").all()[:2]] == ["Köklü", "Geçmiş"]

        # the history shows the theme's change, word by word, in English
        open_release(editor, office.url, draft_id, "history")
        choose(editor, "history-a", "1")  # the release as it was first kept, with the newest
        editor.get_by_role("tab", name="EN").click()
        changed = editor.locator("[data-testid=stMarkdownContainer]").filter(has_text="[+").first
        assert "Joint Media Platform" in changed.inner_text()
        shot(editor, "7-history")
