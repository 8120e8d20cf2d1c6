"""A release composed block by block in real Chromium (issue 12): a paraphrase, a two-paragraph quote with
a verb and a setting, two documents each with its signatories, a photo; reloaded; each language's Word
file holds all of it."""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from helpers import by_key, choose, shows, type_into, wait_for_app
from PIL import Image
from playwright.sync_api import expect

PARAPHRASE = {
    "tr": "iki ülkenin ortak yayın projelerini genişleteceğini",
    "az": "iki ölkənin birgə yayım layihələrini genişləndirəcəyini",
    "en": "that the two countries would expand their joint broadcasting projects",
}
QUOTE = {  # in format 2 a new line starts a paragraph
    "tr": "Bu platform kalıcıdır.\nGelecek yıl Bakü'de yeniden buluşacağız.",
    "az": "Bu platforma daimidir.\nGələn il Bakıda yenidən görüşəcəyik.",
    "en": "This platform is here to stay.\nNext year we will meet again in Baku.",
}
SETTING = {"tr": "basın toplantısında", "az": "mətbuat konfransında", "en": "at the press conference"}
TITLES = [
    {
        "tr": "Haber Ajansları Arasında İş Birliği Protokolü",
        "az": "Xəbər Agentlikləri Arasında Əməkdaşlıq Protokolu",
        "en": "Protocol on Cooperation between News Agencies",
    },
    {
        "tr": "Medya Okuryazarlığı Mutabakat Zaptı",
        "az": "Media Savadlılığı üzrə Anlaşma Memorandumu",
        "en": "Memorandum on Media Literacy",
    },
]
SIGNATORIES = [["Zeynep Aksoy", "Elnur Huseynov"], ["Fahrettin Altun", "Hikmet Hajiyev"]]
CAPTION = {"tr": "Toplantıdan bir kare", "az": "Görüşdən bir kadr", "en": "A moment from the meeting"}
CREDIT = "Photo: Pressdraft"
ROW_REMOVE = re.compile(r"^st-key-(w-body-[0-9a-f]+(?:-[0-9]+)?)-remove$")


def blocks(page: Any) -> list[str]:
    """The key prefix of each body block on the page, in order (``w-body-<id>``)."""
    classes = page.evaluate(
        "() => Array.from(document.querySelectorAll('[class*=st-key-w-body-]')).flatMap(e => Array.from(e.classList))"
    )
    return list(dict.fromkeys(m.group(1) for c in classes if (m := ROW_REMOVE.match(c))))


def add_block(page: Any, kind_label: str) -> str:
    """A block added from the picker; its key prefix."""
    before = blocks(page)
    choose(page, "w-body-kind", kind_label)
    by_key(page, "w-body-add").locator("button").click()
    wait_for_app(page)
    (new,) = [b for b in blocks(page) if b not in before]
    return new


def in_languages(page: Any, prefix: str, texts: dict[str, str], *, multiline: bool = False) -> None:
    for lang, text in texts.items():
        type_into(page, f"{prefix}-{lang}", text, multiline=multiline)


def a_photo(tmp_path) -> Any:
    path = tmp_path / "meeting.png"
    Image.new("RGB", (640, 400), (31, 56, 100)).save(path)
    return path


def test_a_release_composed_block_by_block_survives_a_reload_and_downloads_whole(page, server, tmp_path):
    page.goto(server.url)
    wait_for_app(page)
    by_key(page, "w-upgrade").locator("button").click()  # the sample release the tests seed is in format 1
    wait_for_app(page)

    paraphrase = add_block(page, "Paraphrase (reported speech)")
    choose(page, f"{paraphrase}-paraphrase-speaker-key", "Zeynep Aksoy")
    choose(page, f"{paraphrase}-paraphrase-verb", "noted")
    in_languages(page, f"{paraphrase}-paraphrase-text", PARAPHRASE, multiline=True)

    quote = add_block(page, "Quote")
    choose(page, f"{quote}-quote-speaker-key", "Hikmet Hajiyev")
    choose(page, f"{quote}-quote-verb", "stressed")
    in_languages(page, f"{quote}-quote-text", QUOTE, multiline=True)
    in_languages(page, f"{quote}-quote-setting", SETTING)

    documents = add_block(page, "Documents signed")
    for _ in TITLES:
        by_key(page, f"{documents}-documents-add").locator("button").click()
        wait_for_app(page)
    rows = page_rows(page, f"{documents}-documents")
    for row, title, signatories in zip(rows, TITLES, SIGNATORIES, strict=True):
        in_languages(page, f"{row}-title", title)
        for person in signatories:
            choose(page, f"{row}-signatories-keys", person)

    photo = add_block(page, "Photo")
    upload = by_key(page, f"{photo}-photo-upload").locator("input[type=file]")
    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_bytes(b"not a picture at all")
    upload.set_input_files(str(not_a_picture))
    wait_for_app(page)
    expect(page.get_by_text("the file is not a picture that can be read")).to_be_visible()  # refused, saying why
    upload.set_input_files(str(a_photo(tmp_path)))
    wait_for_app(page)
    in_languages(page, f"{photo}-photo-caption", CAPTION)
    type_into(page, f"{photo}-photo-credit", CREDIT)
    assert by_key(page, f"{photo}-block").locator("img").count() == 1  # the thumbnail, from the store

    page.reload()
    wait_for_app(page)
    shows(page, f"{quote}-quote-text-en", QUOTE["en"], multiline=True)
    shows(page, f"{paraphrase}-paraphrase-text-tr", PARAPHRASE["tr"], multiline=True)
    shows(page, f"{rows[1]}-title-az", TITLES[1]["az"])
    shows(page, f"{photo}-photo-credit", CREDIT)
    shows(page, f"{quote}-quote-speaker-key", "Hikmet Hajiyev")
    shows(page, f"{quote}-quote-verb", "stressed")

    for lang in ("tr", "az", "en"):
        text, captions = downloaded(page, lang)
        for paragraph in QUOTE[lang].split("\n"):
            assert paragraph.rstrip(".") in text, (lang, paragraph)
        assert SETTING[lang] in text and PARAPHRASE[lang].removeprefix("that ") in text
        for title in TITLES:
            assert title[lang] in text, (lang, title[lang])
        assert captions == [f"{CAPTION[lang]} — {CREDIT}"], (lang, captions)  # one picture, its caption below


def page_rows(page: Any, path_key: str) -> list[str]:
    """The key prefix of each row of the list whose widgets start with ``path_key``."""
    pattern = re.compile(rf"^st-key-({re.escape(path_key)}-[0-9a-f]+(?:-[0-9]+)?)-remove$")
    classes = page.evaluate(
        "() => Array.from(document.querySelectorAll('[class*=st-key-w-body-]')).flatMap(e => Array.from(e.classList))"
    )
    return list(dict.fromkeys(m.group(1) for c in classes if (m := pattern.match(c))))


def downloaded(page: Any, lang: str) -> tuple[str, list[str]]:
    """The Word file of one language: its text (paragraphs in order), and the text of the paragraph
    after each inline picture (its caption)."""
    with page.expect_download() as caught:
        downloads = page.locator("[data-testid=stDownloadButton]")
        downloads.get_by_role("button", name=lang.upper(), exact=True).first.click()
    download = caught.value
    assert download.suggested_filename.endswith(f"_{lang}.docx")
    document = Document(io.BytesIO(download.path().read_bytes()))
    paragraphs = document.paragraphs
    pictures = [i for i, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]  # noqa: SLF001
    assert len(pictures) == len(document.inline_shapes)
    return "\n".join(p.text for p in paragraphs), [paragraphs[i + 1].text for i in pictures]
