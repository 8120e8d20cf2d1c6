"""How a release names its country and its issuer (issue 13; docs/style-guide.md#en-country-name, #issuer-name).

- The country's English name follows the release's date and the issuer's usage: the directory's texts
  are written once (Türkiye) and printed in the form of the date; the drafter's own English text is
  checked, never rewritten, and a wrong form is a warning naming the field, the language and the form
  to use (sources: tests/language/test_country_names.py).
- One official name of the issuer throughout a release: its full name or its declared short form
  (the directory's ``name`` and ``short``); another spelling, in the draft's texts, a contact's label
  or the About text, is a warning, in every language. ⚠ House rule (the issue's: "one official name of
  the issuer is used throughout a release"); the directory is where a body's one name is declared.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.directory import default_directory, parse_directory
from pressdraft.core.files import read_data
from pressdraft.core.problems import Problem
from pressdraft.language.official_names import other_spellings
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ISSUER = {
    "en": ("Directorate of Communications of the Turkish Presidency", "Directorate of Communications"),
    "tr": ("Cumhurbaşkanlığı İletişim Başkanlığı", "İletişim Başkanlığı"),
    "az": ("Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi", "Kommunikasiya İdarəsi"),
}


def _example(name: str) -> dict[str, Any]:
    return copy.deepcopy(read_data((EXAMPLES / f"{name}.yaml").read_text("utf-8"), "yaml"))


def _warnings(engine: Engine, data: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    problems: list[Problem] = engine.check(engine.draft_from_data(data))
    return [(p.at.where(with_lang=False), p.at.lang, p.message) for p in problems if p.severity == "warning"]


# --- the sample releases --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["agreement-signing", "media-advisory", "official-visit", "statement"])
def test_a_2025_release_says_turkiye_everywhere_in_english(engine: Engine, name: str) -> None:
    english = engine.render(engine.draft_from_data(_example(name))).markdown["en"]
    assert "Turkey" not in english
    if name != "official-visit":  # the Azerbaijani agency's release has no About of the Directorate
        assert "about Türkiye's policies." in english


def test_the_2021_release_says_turkey_everywhere_in_english(engine: Engine) -> None:
    english = engine.render(engine.draft_from_data(_example("joint-media-platform"))).markdown["en"]
    assert "Türkiye" not in english and "Turkiye" not in english
    assert "about Turkey's policies." in english


@pytest.mark.parametrize("name", ["agreement-signing", "joint-media-platform", "media-advisory", "statement"])
@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_the_contact_block_names_the_issuer_by_its_official_name(engine: Engine, name: str, lang: str) -> None:
    markdown = engine.render(engine.draft_from_data(_example(name))).markdown[lang]
    contact = markdown.split("{.contact}\n", 1)[1].split("\n", 1)[0]
    assert contact.endswith(f", {ISSUER[lang][0]}\\")
    assert "Turkish Presidency's" not in markdown


# --- the country check ---------------------------------------------------------------------------


def test_turkey_in_a_2025_release_is_a_warning_naming_field_language_and_form(engine: Engine) -> None:
    data = _example("statement")
    data["fields"]["occasion"]["en"] = data["fields"]["occasion"]["en"].replace("Türkiye", "Turkey")
    assert _warnings(engine, data) == [
        (
            "fields.occasion",
            "en",
            "this release is dated 2025-06-12: its issuer wrote Türkiye then, not Turkey; write Türkiye "
            "(docs/style-guide.md#en-country-name)",
        )
    ]


def test_turkiye_in_a_2021_release_is_a_warning_in_a_quote_too(engine: Engine) -> None:
    data = _example("joint-media-platform")
    quote = data["body"][0]["quote"]["text"]
    quote["en"] = quote["en"].replace("Turkey-Azerbaijan", "Türkiye-Azerbaijan")
    ((where, lang, message),) = _warnings(engine, data)
    assert (where, lang) == ("body[0].quote.text", "en")
    assert message.startswith("this release is dated 2021-10-23: its issuer wrote Turkey then, not Türkiye")


def test_the_issuer_s_own_switch_date_decides(engine: Engine) -> None:
    """Between the circular (December 2021) and the UN's date (June 2022) the Directorate wrote Türkiye;
    an issuer without its own date still wrote Turkey."""
    data = _example("statement")
    data["release"]["date"] = "2022-02-01"
    assert _warnings(engine, data) == []
    english = engine.render(engine.draft_from_data(data)).markdown["en"]
    assert "about Türkiye's policies." in english
    plain = default_directory().model_dump(mode="json", exclude_none=True)
    del plain["organizations"]["tr-communications"]["country_names_since"]
    other = Engine.default(IN_PROCESS, directory=parse_directory(plain))
    warnings = _warnings(other, data)
    assert {(where, lang) for where, lang, _ in warnings} == {("fields.occasion", "en"), ("body[0].statement", "en")}
    assert "about Turkey's policies." in other.render(other.draft_from_data(data)).markdown["en"]


# --- the issuer's one name -----------------------------------------------------------------------


def test_a_contact_label_spelling_the_issuer_otherwise_is_a_warning(engine: Engine) -> None:
    data = _example("statement")
    data["release"]["contacts"] = [
        {
            "label": {
                "tr": "Basın Ofisi, İletişim Başkanlığı",
                "az": "Mətbuat xidməti, Prezidentin Kommunikasiya İdarəsi",
                "en": "Press Office, Turkish Presidency's Directorate of Communications",
            },
            "email": "press@example.org",
        }
    ]
    assert _warnings(engine, data) == [
        (
            "release.contacts[0]",
            "az",
            "Prezidentin Kommunikasiya İdarəsi is another spelling of the issuer's name: write "
            f"{ISSUER['az'][0]}, or {ISSUER['az'][1]} (docs/style-guide.md#issuer-name)",
        ),
        (
            "release.contacts[0]",
            "en",
            "Turkish Presidency's Directorate of Communications is another spelling of the issuer's name: "
            f"write {ISSUER['en'][0]}, or {ISSUER['en'][1]} (docs/style-guide.md#issuer-name)",
        ),
    ]


def test_the_issuer_spelled_otherwise_in_the_draft_s_text_is_a_warning(engine: Engine) -> None:
    data = _example("statement")
    paragraph = data["body"][1]["paragraph"]
    paragraph["en"] = paragraph["en"].replace(
        "The Directorate of Communications'", "The Communications Directorate of the Presidency's"
    )
    ((where, lang, message),) = _warnings(engine, data)
    assert (where, lang) == ("body[1].paragraph", "en")
    assert message.startswith("Communications Directorate of the Presidency's is another spelling")


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # the full name and the short form, as each language inflects them: no warning
        ("en", "The Directorate of Communications of the Turkish Presidency coordinates", []),
        ("en", "The Directorate of Communications' Center for Countering Disinformation", []),
        ("en", "the Directorate of Communications and the Turkish Presidency", []),
        ("en", "Fahrettin Altun, Director of Communications of the Turkish Presidency", []),
        ("tr", "Cumhurbaşkanlığı İletişim Başkanlığı, Cumhurbaşkanlığının kamuoyuyla iletişimini", []),
        ("tr", "Cumhurbaşkanlığı İletişim Başkanlığının Dezenformasyonla Mücadele Merkezi", []),
        ("tr", "İletişim Başkanlığımızın çalışmaları", []),
        ("tr", "Cumhurbaşkanlığı İletişim Başkanı Fahrettin Altun", []),
        ("az", "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsinin rəhbəri", []),
        ("az", "Kommunikasiya İdarəsi Prezident Administrasiyasının ictimaiyyətlə kommunikasiyasını", []),
        ("az", "Kommunikasiya İdarəmizin əməkdaşları", []),
        # another spelling: a warning, the phrase as written
        (
            "en",
            "Press Office, Turkish Presidency's Directorate of Communications",
            ["Turkish Presidency's Directorate of Communications"],
        ),
        (
            "en",
            "the Directorate of Communications of the Presidency said",
            ["Directorate of Communications of the Presidency"],
        ),
        ("en", "the Turkish Presidency Communications Directorate", ["Turkish Presidency Communications Directorate"]),
        ("tr", "Cumhurbaşkanlığının İletişim Başkanlığı", ["Cumhurbaşkanlığının İletişim Başkanlığı"]),
        ("az", "Türkiyə Prezidentinin Kommunikasiya İdarəsi", ["Türkiyə Prezidentinin Kommunikasiya İdarəsi"]),
        (
            "az",
            "Prezident Administrasiyasının Kommunikasiya İdarəsinə",
            ["Prezident Administrasiyasının Kommunikasiya İdarəsinə"],
        ),
    ],
)
def test_other_spellings_of_the_issuer(lang: str, text: str, found: list[str]) -> None:
    assert other_spellings(text, *ISSUER[lang], lang) == found
