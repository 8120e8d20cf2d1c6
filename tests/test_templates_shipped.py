"""The shipped template library: every template's samples render, every example matches its
golden Markdown, and the new templates write each language the way its editors do.

Language facts cite /work/shared/editorial/conventions.md: R1-R15 (Turkish suffixes, TDK),
A1-A11 (Azerbaijani orthography), §4.1 (attribution), §7 (press-release conventions).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.directory import default_directory
from pressdraft.core.files import read_data
from pressdraft.core.library import Library, default_templates_folder
from pressdraft.pipeline.checks import engine_data
from pressdraft.pipeline.in_process import IN_PROCESS

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
V1 = ROOT / "tests" / "data" / "v1"
LIBRARY = Library.from_folder(default_templates_folder())
TEMPLATE_IDS = LIBRARY.ids()
#: The public examples (format 2), golden in tests/golden; the version-1 files they replaced, golden in tests/golden/v1.
EXAMPLES = {ROOT / "examples": GOLDEN, V1: GOLDEN / "v1"}
EXAMPLE_FILES = sorted(path for folder in EXAMPLES for path in folder.glob("*.yaml"))
LANGS = ("tr", "az", "en")


def _example(name: str, folder: Path = V1) -> dict[str, Any]:
    return copy.deepcopy(read_data((folder / f"{name}.yaml").read_text("utf-8"), "yaml"))


def _render(engine, data: dict[str, Any]) -> dict[str, str]:
    return engine.render(engine.draft_from_data(data)).markdown


def _body(markdown: str) -> str:
    """The release without its boilerplate and contact block (the issuer's own text)."""
    return markdown.split("\n### ")[0]


# --- (a) every shipped template, generically -------------------------------------------------


def test_the_library_loads_without_broken_templates():
    assert LIBRARY.broken == {}
    assert {"joint-meeting", "statement", "agreement-signing", "official-visit", "media-advisory"} <= set(TEMPLATE_IDS)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_shipped_template_passes_the_template_check(template_id):
    assert IN_PROCESS.check(LIBRARY.get(template_id), default_directory()) == []


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_shipped_template_renders_its_samples_in_three_languages(engine, template_id):
    template = engine.library.get(template_id)
    rendition = engine.render(engine.draft_from_data(engine_data(template)))
    assert list(rendition.markdown) == list(LANGS)
    assert rendition.gaps == []
    for lang, markdown in rendition.markdown.items():
        assert markdown.startswith("{.release}\n"), lang
        assert "\n# " in markdown and "{.dateline}\n**" in markdown, lang
        assert "{{" not in markdown and "{%" not in markdown and "⟦" not in markdown, lang
        assert "None" not in markdown, lang
    assert rendition.markdown["en"].rstrip().endswith("\\#\\#\\#")  # §7.1 end mark
    assert "'" not in _body(rendition.markdown["az"])  # A1: no apostrophe in Azerbaijani


# --- (b) every example against its golden Markdown -------------------------------------------


def _golden_cases() -> list[Any]:
    cases = []
    for path in EXAMPLE_FILES:
        languages = read_data(path.read_text("utf-8"), "yaml")["languages"]
        golden = EXAMPLES[path.parent]
        cases.extend(
            pytest.param(path, golden / f"{path.stem}.{lang}.md", lang, id=f"{golden.name}-{path.stem}-{lang}")
            for lang in languages
        )
    return cases


@pytest.mark.parametrize(("path", "golden", "lang"), _golden_cases())
def test_every_example_matches_its_golden_markdown(engine, path, golden, lang):
    markdown = _render(engine, _example(path.stem, path.parent))[lang]
    assert markdown == golden.read_text("utf-8")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_example_is_complete_and_consistent(engine, path):
    assert engine.check(engine.load_draft(path)) == []


# --- (c) language facts of the new templates ----------------------------------------------------


class TestStatement:
    def test_turkish_lead_and_headline(self, engine):
        tr = _render(engine, _example("statement"))["tr"]
        assert "BASIN AÇIKLAMASI · HEMEN YAYIMLANABİLİR" in tr  # §7.2 institutional label
        assert "# Zeynep Aksoy'dan sosyal medyada" in tr  # R1: ablative on a person, apostrophe
        assert "**ANKARA, 12 Haziran 2025** — Cumhurbaşkanlığı İletişim Başkan Yardımcısı Zeynep Aksoy, " in tr
        assert "kampanyası ile ilgili kınama mesajı yayımladı." in tr
        assert "Aksoy, mesajında şu ifadelere yer verdi:" in tr
        assert tr.rstrip().endswith("Kamuoyuna saygıyla duyurulur.")  # §7.2 closing formula

    def test_azerbaijani_and_english_leads(self, engine):
        md = _render(engine, _example("statement"))
        assert "Zeynep Aksoy sosial mediada" in md["az"]
        assert "ilə bağlı bəyanat yayaraq onu qəti şəkildə pisləyib." in md["az"]
        assert "Bəyanatda deyilir:" in md["az"]
        assert "Presidency, condemned a coordinated disinformation campaign" in md["en"]  # appositive closed
        assert "The statement reads:" in md["en"]

    @pytest.mark.parametrize(
        ("tone", "tr", "az", "en"),
        [
            (
                "welcome",
                "ile ilgili yazılı bir açıklama yaparak memnuniyetini dile getirdi.",
                "ilə bağlı bəyanat yayaraq məmnunluğunu ifadə edib.",
                ", welcomed a coordinated",
            ),
            (
                "condolence",
                "kampanyası nedeniyle başsağlığı mesajı yayımladı.",
                "ilə bağlı başsağlığı verib.",
                ", offered condolences over a coordinated",
            ),
            (
                "condemnation",
                "ile ilgili kınama mesajı yayımladı.",
                "ilə bağlı bəyanat yayaraq onu qəti şəkildə pisləyib.",
                ", condemned a coordinated",
            ),
            (
                "position",
                "ile ilgili yazılı bir açıklama yaptı.",
                "ilə bağlı bəyanat yayıb.",
                ", issued a statement on a coordinated",
            ),
        ],
    )
    def test_the_tone_sets_the_verb_of_the_lead(self, engine, tone, tr, az, en):
        data = _example("statement")
        data["fields"]["tone"] = tone
        md = _render(engine, data)
        assert tr in md["tr"] and az in md["az"] and en in md["en"]

    def test_without_a_speaker_the_institution_speaks_and_takes_no_apostrophe(self, engine):
        data = _example("statement")
        del data["fields"]["speaker"]
        md = _render(engine, data)
        assert "# İletişim Başkanlığından sosyal medyada" in md["tr"]  # R2: institution, no apostrophe
        assert "— Cumhurbaşkanlığı İletişim Başkanlığı, sosyal medyada" in md["tr"]
        assert "Mesajda şu ifadelere yer verildi:" in md["tr"]
        assert "— Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi sosial mediada" in md["az"]
        assert "— The Directorate of Communications condemned" in md["en"]

    def test_further_quotes_use_the_attribution_of_each_language(self, engine):
        data = _example("statement")
        data["fields"]["quotes"] = [
            {
                "speaker": "zeynep-aksoy",
                "source_language": "tr",
                "text": {"tr": "Takipteyiz.", "az": "İzləyirik.", "en": "We are following it."},
            },
            {
                "speaker": "elnur-huseynov",
                "source_language": "az",
                "text": {"tr": "Destek veriyoruz.", "az": "Dəstək veririk.", "en": "We support it."},
            },
        ]
        md = _render(engine, data)
        assert "> Aksoy, “Takipteyiz.” dedi." in md["tr"]
        assert "> Azerbaycan Medya Geliştirme Ajansı İcra Direktör Yardımcısı Elnur Hüseynov ise “Destek" in md["tr"]
        assert "> “İzləyirik”, – deyə Z.Aksoy bildirib." in md["az"]  # §4.1, A11
        assert "> “We support it,” said Elnur Huseynov, Deputy Executive Director" in md["en"]


class TestAgreementSigning:
    def test_turkish(self, engine):
        tr = _render(engine, _example("agreement-signing"))["tr"]
        assert "# Medya okuryazarlığı alanında iş birliği mutabakat zaptı Bakü'de imzalandı" in tr  # R1
        assert "## Dört alanda iş birliği öngörülüyor" in tr
        assert "Mutabakat Zaptı, Bakü'de imzalandı." in tr  # same day: no date; no ceremony the draft does not state
        assert "Belgeyi Cumhurbaşkanlığı İletişim Başkan Yardımcısı Zeynep Aksoy ile Azerbaycan" in tr
        assert "> Aksoy, “Dezenformasyona" in tr and "tören" not in tr  # issue 12: no invented setting
        assert "> Aksoy, “İlk ortak eğitim programını" in tr  # the same speaker goes on
        assert "hedefliyoruz.” ifadelerini kullandı." in tr
        assert "> Hüseynov ise “Türkiye ile" in tr

    def test_azerbaijani(self, engine):
        az = _render(engine, _example("agreement-signing"))["az"]
        assert (
            "Anlaşma Memorandumu sentyabrın 18-də Bakıda imzalanıb." in az
        )  # A7; no ceremony the draft does not state
        assert "Elnur Hüseynov imzalayıblar." in az
        assert "”, – deyə Z.Aksoy bildirib." in az and "mərasim" not in az
        assert "”, – deyə o vurğulayıb." in az
        assert "”, – deyə E.Hüseynov qeyd edib." in az
        assert "'" not in _body(az)

    def test_english(self, engine):
        en = _render(engine, _example("agreement-signing"))["en"]
        assert "# Media literacy cooperation memorandum signed in Baku" in en
        assert "was signed in Baku on September 18, 2025, by Zeynep Aksoy, Deputy Director" in en
        assert "media literacy,” Aksoy said." in en and "ceremony" not in en  # issue 12: no invented setting
        assert "next year,” she added." in en  # gender from the directory
        assert en.rstrip().endswith("\\#\\#\\#")

    def test_the_presence_and_the_place_are_inflected_not_written(self, engine):
        data = _example("agreement-signing")
        data["fields"].update(place="kars", presence=["recep-tayyip-erdogan", "ilham-aliyev"])
        md = _render(engine, data)
        assert "Cumhurbaşkanı Recep Tayyip Erdoğan ile Azerbaycan Cumhurbaşkanı İlham Aliyev'in katılımıyla" in md["tr"]
        assert "katılımıyla Kars'ta imzalandı." in md["tr"]  # R5: t after s
        assert "sentyabrın 18-də Qarsda Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan və" in md["az"]  # A3
        assert "Prezidenti İlham Əliyevin iştirakı ilə imzalanıb." in md["az"]  # group genitive
        assert ", in the presence of Recep Tayyip Erdoğan, President of Türkiye, and Ilham Aliyev" in md["en"]

    def test_a_single_field_of_cooperation_is_a_sentence_not_a_list(self, engine):
        data = _example("agreement-signing")
        data["fields"]["areas"] = data["fields"]["areas"][-1:]
        md = _render(engine, data)
        assert "Belge, ortak yayınlar ve araştırmalar alanında iş birliğini öngörüyor." in md["tr"]
        assert "## Bir alanda iş birliği öngörülüyor" in md["tr"]
        assert "## Document covers cooperation in one area" in md["en"]


class TestOfficialVisit:
    def test_turkish(self, engine):
        tr = _render(engine, _example("official-visit"))["tr"]
        assert "# Elnur Hüseynov Ankara'da Zeynep Aksoy ile görüştü" in tr
        assert "## Taraflar iki konuda mutabık kaldı" in tr
        assert "Hüseynov, Ankara'ya gerçekleştirdiği iki günlük resmî ziyaret kapsamında Cumhurbaşkanlığı" in tr
        assert "Görüşmede şu konular ele alındı:" in tr and "Taraflar, şu konularda mutabık kaldı:" in tr
        assert "### Azerbaycan Medya Geliştirme Ajansı hakkında" in tr

    def test_azerbaijani(self, engine):
        az = _render(engine, _example("official-visit"))["az"]
        assert "# Elnur Hüseynov Ankarada Zeynep Aksoy ilə görüşüb" in az
        assert "Elnur Hüseynov Ankaraya iki günlük rəsmi səfəri çərçivəsində oktyabrın 14-də" in az  # A1, A2, A7
        assert "Zeynep Aksoy ilə görüşüb." in az
        assert "”, – deyə E.Hüseynov bildirib." in az and "”, – deyə Z.Aksoy qeyd edib." in az
        assert "'" not in _body(az)

    def test_english(self, engine):
        en = _render(engine, _example("official-visit"))["en"]
        assert "# Elnur Huseynov meets Zeynep Aksoy in Ankara" in en
        assert "of the Turkish Presidency, on October 14, 2025, during his two-day official visit to Ankara." in en
        assert "further,” Huseynov said." in en and "both countries,” Aksoy said." in en

    def test_another_city_and_a_working_visit(self, engine):
        data = _example("official-visit")
        data["fields"].update(place="baku", kind="working", days=1, topics=data["fields"]["topics"][:1])
        md = _render(engine, data)
        assert "Bakü'ye gerçekleştirdiği bir günlük çalışma ziyareti kapsamında" in md["tr"]
        assert "Görüşmede ortak medya projelerinin mevcut durumu ele alındı." in md["tr"]
        assert "Bakıya bir günlük işgüzar səfəri çərçivəsində" in md["az"]
        assert "during his one-day working visit to Baku." in md["en"]


class TestMediaAdvisory:
    def test_turkish(self, engine):
        tr = _render(engine, _example("media-advisory"))["tr"]
        assert "BASINA DUYURU · HEMEN YAYIMLANABİLİR" in tr
        assert "# Türkiye-Azerbaycan Medya Forumu 20 Kasım'da İstanbul'da düzenlenecek" in tr  # R1
        assert "## Akreditasyon başvuruları 17 Kasım 2025 tarihine kadar alınacak" in tr
        assert "Ayten Kerimova'nın katılması bekleniyor." in tr  # group genitive on the last name
        assert "- **Tarih:** 20 Kasım 2025 Perşembe" in tr
        assert "Son başvuru tarihi: 17 Kasım 2025 Pazartesi." in tr

    def test_azerbaijani(self, engine):
        az = _render(engine, _example("media-advisory"))["az"]
        assert "# Türkiyə-Azərbaycan Media Forumu noyabrın 20-də İstanbulda keçiriləcək" in az  # A7, A1
        assert "2025-ci il 17 noyabr tarixinədək qəbul olunur" in az  # A8, §7.3 document date
        assert "Aytən Kərimovanın iştirakı gözlənilir." in az
        assert "'" not in _body(az)

    def test_english(self, engine):
        en = _render(engine, _example("media-advisory"))["en"]
        assert en.startswith("{.release}\nMEDIA ADVISORY · FOR IMMEDIATE RELEASE\n")
        assert "— The Türkiye-Azerbaijan Media Forum will be held in Istanbul on November 20, 2025." in en
        assert "Media Development Agency of the Republic of Azerbaijan, are expected to attend." in en
        assert "- **Time:** 10:30 a.m." in en
        assert en.rstrip().endswith("\\#\\#\\#")

    def test_it_is_forward_looking_and_not_quote_driven(self, engine):
        md = _render(engine, _example("media-advisory"))
        for markdown in md.values():
            assert "\n> " not in markdown
        assert "dedi." not in md["tr"] and "düzenlendi" not in md["tr"]
        assert "keçirilib" not in md["az"] and " said." not in md["en"]

    def test_the_city_is_inflected_not_written(self, engine):
        data = _example("media-advisory")
        data["fields"]["place"] = "igdir"
        md = _render(engine, data)
        assert "20 Kasım'da Iğdır'da düzenlenecek" in md["tr"]  # §3: dotless I kept
        assert "noyabrın 20-də İğdırda keçiriləcək" in md["az"]
        assert "will be held in Igdir on November 20, 2025." in md["en"]
