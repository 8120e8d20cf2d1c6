"""Two tabs of one browser on one draft, in real Chromium: nothing either types is lost or lands
in another row, and a field changed in both is shown to the person, never silently overwritten."""

from __future__ import annotations

from helpers import by_key, new_context, shows, type_into, wait_for_app
from playwright.sync_api import expect

ROW_CLASSES = """(part) => [...document.querySelectorAll("[class*='st-key-w-fields-quotes-']")]
    .flatMap(element => [...element.classList])
    .filter(name => /^st-key-w-fields-quotes-.+-remove$/.test(name))
    .map(name => name.slice("st-key-".length, -"remove".length) + part)"""


def quote_keys(page, part: str) -> list[str]:
    """The keys of one widget of each quote, in the order shown (rows are keyed by id)."""
    return page.evaluate(ROW_CLASSES, part)  # type: ignore[no-any-return]


def quotes_en(page) -> list[str]:
    return [by_key(page, key).locator("textarea").input_value() for key in quote_keys(page, "text-en")]


def click(page, key: str) -> None:
    by_key(page, key).locator("button").first.click()
    wait_for_app(page)


def two_tabs(browser, server):
    """Two pages of one browser context, both on the draft the first one opened."""
    context = new_context(browser, viewport={"width": 1280, "height": 900})
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
    context, first, second = two_tabs(browser, server)
    try:
        _, _, three = quotes_en(second)
        click(first, quote_keys(first, "remove")[0])  # quote 1, in the first tab
        click(second, quote_keys(second, "remove")[1])  # quote 2, in the second tab still showing three
        no_exception(second)
        assert quotes_en(second) == [three]

        click(second, "w-fields-quotes-add")
        type_into(second, quote_keys(second, "text-en")[1], "A new quote.", multiline=True)
        # the first tab still shows quotes 2 and 3: its second row is quote 3, not the new quote
        type_into(first, quote_keys(first, "text-en")[1], three + " Still the third.", multiline=True)
        no_exception(first)
        assert quotes_en(first) == [three + " Still the third.", "A new quote."]

        click(first, quote_keys(first, "remove")[1])  # the new quote, which the second tab still shows
        type_into(second, quote_keys(second, "text-en")[1], "Typed into a removed quote.", multiline=True)
        no_exception(second)
        expect(second.get_by_text("this row was removed in another tab or session")).to_be_visible()

        second.reload()
        wait_for_app(second)
        shows(second, quote_keys(second, "text-en")[0], three + " Still the third.", multiline=True)
        assert quotes_en(second) == [three + " Still the third."]
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
