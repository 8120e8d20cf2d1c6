"""Staff edit a template in real Chromium: the preview follows, a save is a version, restore works."""

from __future__ import annotations

from helpers import by_key, choose, wait_for_app


def edit_en_source(page, line: str) -> None:
    """Append a paragraph to the English source in the code editor (the fourth editor tab)."""
    page.get_by_role("tab", name="en.md.j2").click()
    editor = page.frame_locator("iframe[title='streamlit_ace.streamlit_ace']").nth(3)
    editor.locator(".ace_scroller .ace_content").first.click()
    page.keyboard.press("Control+End")
    for key in ("Escape", "Enter", "Enter"):  # Escape: no word completion is taken for the newline
        page.keyboard.press(key)
    page.keyboard.type(line)
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)  # the editor sends its text after a pause
    wait_for_app(page)


def english_preview(page) -> str:
    page.get_by_role("tab", name="EN", exact=True).last.click()
    return str(page.locator(".pd-page[lang=en]").last.inner_text())


def save(page, comment: str) -> None:
    by_key(page, "tpl-comment-joint-meeting").locator("input").fill(comment)
    by_key(page, "tpl-comment-joint-meeting").locator("input").press("Tab")
    wait_for_app(page)
    by_key(page, "tpl-save-joint-meeting").locator("button").click()
    wait_for_app(page)


def test_edit_preview_save_and_restore_a_template(page, server):
    page.goto(f"{server.url}/templates")
    wait_for_app(page)
    choose(page, "tpl-pick", "joint-meeting")
    assert "Every check passes." in page.locator("[data-testid=stAlert]").first.inner_text()

    edit_en_source(page, "Issued by the press office.")
    assert "Issued by the press office." in english_preview(page)
    save(page, "a closing line")
    assert "Saved as version 1." in page.locator("body").inner_text()
    assert by_key(page, "tpl-version-1").is_visible()

    edit_en_source(page, "Second line.")
    save(page, "a second line")
    assert by_key(page, "tpl-version-2").is_visible()

    by_key(page, "tpl-restore-1").locator("button").click()
    wait_for_app(page)
    restored = by_key(page, "tpl-version-3").inner_text()
    assert "restored from version 1" in restored
    preview = english_preview(page)
    assert "Issued by the press office." in preview and "Second line." not in preview
