"""Two tabs of one browser on one draft, in real Chromium: nothing either types is lost or lands
in another row, and a field changed in both is shown to the person, never silently overwritten."""

from __future__ import annotations

from helpers import by_key, shows, type_into, wait_for_app
from playwright.sync_api import expect

BLOCK_CLASSES = """() => [...document.querySelectorAll("[class*='st-key-w-body-']")]
    .flatMap(element => [...element.classList])
    .filter(name => /^st-key-w-body-[0-9a-f]+(-[0-9]+)?-remove$/.test(name))
    .map(name => name.slice("st-key-".length, -"-remove".length))"""
#: Where each kind of block of the example keeps its English text.
ENGLISH = ("quote-text-en", "paraphrase-text-en", "paragraph-en")


def blocks(page) -> list[str]:
    """The key prefix of each body block, in the order shown (blocks are keyed by id, not position)."""
    return list(dict.fromkeys(page.evaluate(BLOCK_CLASSES)))


def english_key(page, block: str) -> str:
    """The key of the block's English text, whatever its kind."""
    return next(f"{block}-{part}" for part in ENGLISH if by_key(page, f"{block}-{part}").count())


def blocks_en(page) -> list[str]:
    return [by_key(page, english_key(page, block)).locator("textarea").input_value() for block in blocks(page)]


def click(page, key: str) -> None:
    by_key(page, key).locator("button").first.click()
    wait_for_app(page)


def two_tabs(browser, server):
    """Two pages of one browser context, both on the draft the first one opened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first = context.new_page()
    first.goto(server.url)
    wait_for_app(first)
    second = context.new_page()
    second.goto(first.url)
    wait_for_app(second)
    return context, first, second


def no_exception(page) -> None:
    expect(page.locator("[data-testid=stException]")).to_have_count(0)


def test_rows_changed_in_a_stale_tab_are_the_rows_it_showed(browser, server):
    # the example's body: a quote, a paraphrase, a quote, a paragraph
    context, first, second = two_tabs(browser, server)
    try:
        _, _, three, four = blocks_en(second)
        click(first, blocks(first)[0] + "-remove")  # the first quote, in the first tab
        click(second, blocks(second)[1] + "-remove")  # the paraphrase, in the second tab still showing four blocks
        no_exception(second)
        assert blocks_en(second) == [three, four]

        click(second, "w-body-add")  # a paragraph, the picker's first kind
        type_into(second, english_key(second, blocks(second)[2]), "A new paragraph.", multiline=True)
        # the first tab still shows the paraphrase first: its second block is the quote, not the paragraph now
        # second in the draft
        type_into(first, english_key(first, blocks(first)[1]), three + " Still the third.", multiline=True)
        no_exception(first)
        assert blocks_en(first) == [three + " Still the third.", four, "A new paragraph."]

        click(first, blocks(first)[2] + "-remove")  # the new paragraph, which the second tab still shows
        type_into(second, english_key(second, blocks(second)[2]), "Typed into a removed block.", multiline=True)
        no_exception(second)
        expect(second.get_by_text("this row was removed in another tab or session")).to_be_visible()

        second.reload()
        wait_for_app(second)
        shows(second, english_key(second, blocks(second)[0]), three + " Still the third.", multiline=True)
        assert blocks_en(second) == [three + " Still the third.", four]
    finally:
        context.close()


def test_the_same_field_typed_in_two_tabs_is_shown_and_either_text_can_be_taken(browser, server):
    context, first, second = two_tabs(browser, server)
    try:
        type_into(first, "w-fields-theme-en", "Their theme")
        type_into(second, "w-fields-theme-en", "My theme")
        no_exception(second)
        conflict = by_key(second, "w-fields-theme-en-conflict")
        expect(conflict).to_contain_text("fields.theme · EN was changed in another tab or session")
        expect(conflict).to_contain_text("Their theme")
        shows(second, "w-fields-theme-en", "My theme")  # nothing typed is lost

        click(second, "w-fields-theme-en-keep")
        expect(conflict).to_have_count(0)
        first.reload()
        wait_for_app(first)
        shows(first, "w-fields-theme-en", "My theme")

        type_into(second, "w-fields-theme-en", "My theme, again")  # a tab that reloaded is told too
        stale = context.new_page()  # a third tab opened before the change: takes the saved text
        stale.goto(first.url)
        wait_for_app(stale)
        type_into(first, "w-fields-theme-en", "Their theme, again")
        expect(by_key(first, "w-fields-theme-en-conflict")).to_contain_text("My theme, again")
        click(first, "w-fields-theme-en-take")
        shows(first, "w-fields-theme-en", "My theme, again")
        no_exception(first)
    finally:
        context.close()
