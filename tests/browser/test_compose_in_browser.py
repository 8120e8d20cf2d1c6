"""A press officer's session in real Chromium: fill a release, reload, download the Word file."""

from __future__ import annotations

import io

import pytest
from docx import Document
from helpers import by_key, choose, shows, type_into, wait_for_app

PLATFORM = {
    "tr": "Türk-Azerbaycan Enerji Komisyonu",
    "az": "Türk-Azərbaycan Enerji Komissiyası",
    "en": "Turkish-Azerbaijani Energy Commission",
}


@pytest.mark.smoke
def test_a_release_filled_from_scratch_survives_a_reload_and_downloads_as_word(page, server):
    page.goto(server.url)
    wait_for_app(page)
    by_key(page, "new-release").locator("button").click()
    wait_for_app(page)
    assert "draft=" in page.url
    for lang, name in PLATFORM.items():
        type_into(page, f"w-fields-platform-{lang}", name)
    number = by_key(page, "w-fields-meeting-number").locator("input")
    number.fill("3")
    number.press("Enter")
    wait_for_app(page)
    by_key(page, "w-fields-date").locator("[role=spinbutton]").first.click()
    page.keyboard.type("20112026")
    page.keyboard.press("Enter")
    wait_for_app(page)
    choose(page, "w-fields-city-key", "Kars")
    choose(page, "w-fields-chairs-keys", "Hikmet Hajiyev")
    type_into(page, "w-fields-theme-tr", "Ortak *enerji* geleceği")
    type_into(page, "w-fields-theme-az", "Ortaq *enerji* gələcəyi")
    type_into(page, "w-fields-theme-en", "A shared *energy* future")
    type_into(page, "w-fields-background-en", "First paragraph.\n\nSecond paragraph.", multiline=True)

    page.reload()
    wait_for_app(page)
    for lang, name in PLATFORM.items():
        shows(page, f"w-fields-platform-{lang}", name)
    shows(page, "w-fields-meeting-number", "3")
    shows(page, "w-fields-theme-az", "Ortaq *enerji* gələcəyi")
    shows(page, "w-fields-background-en", "First paragraph.\n\nSecond paragraph.", multiline=True)
    shows(page, "w-fields-city-key", "Kars")
    assert "Hikmet Hajiyev" in by_key(page, "w-fields-chairs-keys").inner_text()

    type_into(page, "w-fields-background-tr", "Birinci paragraf.", multiline=True)
    type_into(page, "w-fields-background-az", "Birinci abzas.", multiline=True)
    preview = page.locator(".pd-page").first.inner_text()
    assert "İSTANBUL, " in preview and "üçüncü toplantısını Kars'ta yaptı" in preview

    with page.expect_download() as caught:
        downloads = page.locator("[data-testid=stDownloadButton]")
        downloads.get_by_role("button", name="TR", exact=True).first.click()
    download = caught.value
    assert download.suggested_filename.endswith("_tr.docx")
    document = Document(io.BytesIO(download.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Türk-Azerbaycan Enerji Komisyonu üçüncü toplantısını Kars'ta yaptı" in text
    assert "“Ortak *enerji* geleceği” temasıyla" in text
