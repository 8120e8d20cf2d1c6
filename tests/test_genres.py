"""Each genre framed as Turkish and Azerbaijani editors frame it (issue 13, "Genre framing").

Sources:
- §7.1 (writing.colostate.edu, climbtheladder.com): "for immediate release" is the line of news to be
  printed now; an advisory announces an event to journalists, so it carries its genre's name instead:
  tr `BASINA DUYURU`, az `MEDİA NÜMAYƏNDƏLƏRİNİN NƏZƏRİNƏ` (⚠ neither attested as a label in the corpus;
  "media nümayəndələri" is the attested az term, nculture.gov.az, operativmm.az).
- §7.2: `Kamuoyuna saygıyla duyurulur.` closes an institution's BASIN AÇIKLAMASI (atasehir.meb.gov.tr);
  no Azerbaijani equivalent was found, so the az statement has none.
- §7.3: mfa.gov.az names its genres məlumat, bəyanat (statement), şərh.
- Headlines: AA writes one sentence with the verb last, a subject far from its verb set off by a comma
  (TDK's comma after a subject far from the predicate; tarikhaber.com (AA) "Cumhurbaşkanlığı İletişim
  Başkanlığı, seçim için Ankara ve İstanbul'da basın merkezi kuracak", "Dışişleri Bakanlığı, İsrail'in …
  saldırısını güçlü şekilde kınadı"); Azerbaijani sites in the -ıb/-ib past (azvision.az "“Azəriqaz”
  “Azərişıq”la memorandum imzalayıb", hit.az "… Saziş imzalanıb").
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.files import read_data
from pressdraft.core.library import Library, default_templates_folder
from pressdraft.pipeline.checks import engine_data

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "data" / "v1").glob("*.yaml")])
TEMPLATE_IDS = Library.from_folder(default_templates_folder()).ids()
CLOSING = "Kamuoyuna saygıyla duyurulur."
IMMEDIATE = {"tr": "HEMEN YAYIMLANABİLİR", "az": "DƏRHAL YAYIMLANMAQ ÜÇÜN"}
#: A finite verb closing a headline: tr past -DI or future -AcAk; az evidential past -Ib or future -AcAq.
VERB_LAST = {
    "tr": re.compile(r"(d[ıiuü]|t[ıiuü]|[ae]c[ae]k)$"),
    "az": re.compile(r"([ıiuü]b|[ae]c[aə]q|əcək|acaq)$"),
}


def _data(path: Path) -> dict[str, Any]:
    return copy.deepcopy(read_data(path.read_text("utf-8"), "yaml"))


def _template_of(data: dict[str, Any]) -> str:
    return str(data["template"])


def _renditions(engine) -> list[tuple[str, dict[str, Any], dict[str, str]]]:
    """Every shipped example and every template's samples: (template id, data, Markdown per language)."""
    drafts = [_data(path) for path in EXAMPLE_FILES]
    drafts += [engine_data(engine.library.get(template_id)) for template_id in TEMPLATE_IDS]
    return [(_template_of(d), d, engine.render(engine.draft_from_data(d)).markdown) for d in drafts]


def _release_line(markdown: str) -> str:
    return markdown.split("\n")[1]


def _headline(markdown: str) -> str:
    return next(line[2:] for line in markdown.split("\n") if line.startswith("# "))


def _body(markdown: str) -> str:
    return markdown.split("\n### ")[0]


@pytest.mark.parametrize("lang", ["tr", "az"])
def test_an_advisory_is_not_for_immediate_release_and_news_is(engine, lang):
    for template_id, _, markdown in _renditions(engine):
        line = _release_line(markdown[lang])
        if template_id == "media-advisory":
            assert line == {"tr": "BASINA DUYURU", "az": "MEDİA NÜMAYƏNDƏLƏRİNİN NƏZƏRİNƏ"}[lang]
        else:
            assert line.endswith(IMMEDIATE[lang]), (template_id, line)


def test_an_embargoed_advisory_keeps_its_genre_and_its_embargo(engine):
    data = _data(ROOT / "examples" / "media-advisory.yaml")
    data["release"]["embargo"] = "2025-11-10T09:00:00+03:00"
    markdown = engine.render(engine.draft_from_data(data)).markdown
    assert _release_line(markdown["tr"]).startswith("BASINA DUYURU · AMBARGOLUDUR · 10 Kasım 2025, saat 09.00")
    assert _release_line(markdown["az"]).startswith("MEDİA NÜMAYƏNDƏLƏRİNİN NƏZƏRİNƏ · EMBARQO · 10 noyabr 2025-ci il")


def test_the_statement_is_labelled_as_a_statement_in_both_languages(engine):
    for template_id, _, markdown in _renditions(engine):
        if template_id == "statement":
            assert _release_line(markdown["tr"]).startswith("BASIN AÇIKLAMASI · ")  # §7.2
            assert _release_line(markdown["az"]).startswith("BƏYANAT · ")  # §7.3 mfa.gov.az


def test_the_closing_formula_ends_the_body_of_a_turkish_statement_and_nothing_else(engine):
    for template_id, _, markdown in _renditions(engine):
        if template_id == "statement":
            assert _body(markdown["tr"]).rstrip().endswith("{.closing}\n" + CLOSING)
        else:
            assert CLOSING not in markdown["tr"], template_id
            assert "{.closing}" not in markdown["tr"], template_id
        assert "{.closing}" not in markdown["az"], template_id  # no attested Azerbaijani formula


@pytest.mark.parametrize("lang", ["tr", "az"])
def test_default_headlines_are_one_sentence_with_the_verb_last(engine, lang):
    for template_id, data, markdown in _renditions(engine):
        fields = data.get("fields", {})
        if fields.get("headline") or (template_id == "statement" and not fields.get("text")):
            continue  # a headline written by hand, or a statement in its own words (headed by its subject)
        headline = _headline(markdown[lang])
        assert VERB_LAST[lang].search(headline), (template_id, headline)
        assert len(headline.split()) <= 25, (template_id, headline)


@pytest.mark.parametrize(
    ("example", "tr", "az"),
    [
        (
            "official-visit",
            "# Elnur Hüseynov Ankara'da Zeynep Aksoy ile görüştü\n",
            "# Elnur Hüseynov Ankarada Zeynep",
        ),
        (
            "joint-media-platform",
            "# Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını",
            "ilk iclası İstanbulda keçirilib\n",
        ),
        ("agreement-signing", "# Bakü'de iki belge imzalandı\n", "# Bakıda iki sənəd imzalanıb\n"),
    ],
)
def test_headlines_follow_aa_and_azertac(engine, example, tr, az):
    markdown = engine.render(engine.draft_from_data(_data(ROOT / "examples" / f"{example}.yaml"))).markdown
    assert tr in markdown["tr"] and az in markdown["az"]


def test_a_reported_statement_is_headed_by_who_made_it_and_the_verb(engine):
    markdown = engine.render(engine.draft_from_data(_data(ROOT / "tests" / "data" / "v1" / "statement.yaml"))).markdown
    assert _headline(markdown["tr"]).startswith("Zeynep Aksoy, sosyal medyada")
    assert _headline(markdown["tr"]).endswith("ile ilgili kınama mesajı yayımladı")
    assert _headline(markdown["az"]).endswith("ilə bağlı qınama bəyanatı yayıb")


_AZ_LONG = re.compile(r"\d+ (yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr) \d{4}")
_TR_YEAR_SUFFIX = re.compile(r"\d+ [A-ZÇĞİÖŞÜ][a-zçğıöşü]+ (\d{4})(?:['’]| tarih)")


def _sentences(markdown: str) -> list[str]:
    """Lines of running text and headlines: no dateline header, fact line, label line or release line."""
    lines = []
    for line in markdown.split("\n"):
        text = re.sub(r"^(\*\*[^*]+\*\* — |#+ )", "", line)
        if text.startswith(("**", "- **", "{", "EMBARQO", "AMBARGO")) or re.match(r"^[\w ]+: ", text):
            continue
        lines.append(text)
    return lines


def test_one_azerbaijani_date_form_in_running_text(engine):
    """§7.3 and A7: `oktyabrın 23-də`, never `23 oktyabr 2021` in a sentence (the dateline keeps it)."""
    for template_id, _, markdown in _renditions(engine):
        for sentence in _sentences(markdown["az"]):
            assert not _AZ_LONG.search(sentence), (template_id, sentence)


def test_the_releases_year_is_left_out_of_turkish_running_dates(engine):
    """§7.2 (faselisgrowth.com): `17 Kasım'a kadar`, not `17 Kasım 2025'e kadar`, in the release's year."""
    for template_id, data, markdown in _renditions(engine):
        year = dt.date.fromisoformat(str(data["release"]["date"])).year
        for sentence in _sentences(markdown["tr"]):
            assert all(int(y) != year for y in _TR_YEAR_SUFFIX.findall(sentence)), (template_id, sentence)
