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
from pressdraft.core.problems import PressdraftError
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
        assert "# Zeynep Aksoy, sosyal medyada" in tr  # the subject far from the verb takes a comma (test_genres)
        assert "**ANKARA, 12 Haziran 2025** — Cumhurbaşkanlığı İletişim Başkan Yardımcısı Zeynep Aksoy, " in tr
        assert "kampanyası ile ilgili kınama mesajı yayımladı." in tr
        assert "Aksoy, mesajında şu ifadelere yer verdi:" in tr
        assert _body(tr).rstrip().endswith("Kamuoyuna saygıyla duyurulur.")  # §7.2: the formula ends the body

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
        assert "# İletişim Başkanlığı, sosyal medyada" in md["tr"]  # the institution is the headline's subject
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
        assert "> “We support it,” said Elnur Huseynov, deputy executive director" in md["en"]  # AP "titles", "said"


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
        # AP "days of the week" (the dateline has the date), "titles" (lower case after a name)
        assert "was signed in Baku on Thursday by Zeynep Aksoy, deputy director" in en
        assert "informed reader,” Aksoy said. “With" in en and "ceremony" not in en  # issue 12: no invented setting
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
        assert ", in the presence of Recep Tayyip Erdoğan, president of Türkiye, and Ilham Aliyev" in md["en"]

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
        assert "of the Turkish Presidency, on Tuesday during his two-day official visit to Ankara." in en
        assert "brotherhood,” Huseynov said. “The" in en and "possible,” Aksoy said. “We" in en

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
        assert tr.startswith("{.release}\nBASINA DUYURU\n")  # an advisory is not "for immediate release"
        assert "# Türkiye-Azerbaycan Medya Forumu 20 Kasım'da İstanbul'da düzenlenecek" in tr  # R1
        assert "## Akreditasyon başvuruları 17 Kasım'a kadar alınacak" in tr  # §7.2: current year left out
        assert "Ayten Kerimova'nın katılması bekleniyor." in tr  # group genitive on the last name
        assert "- **Tarih:** 20 Kasım Perşembe" in tr  # the release's year left out (§7.2)
        assert "Son başvuru tarihi: 17 Kasım Pazartesi." in tr

    def test_azerbaijani(self, engine):
        az = _render(engine, _example("media-advisory"))["az"]
        assert "# Türkiyə-Azərbaycan Media Forumu noyabrın 20-də İstanbulda keçiriləcək" in az  # A7, A1
        assert "müraciətlər noyabrın 17-dək qəbul olunur" in az  # A7, §7.3: running form, current year left out
        assert "Aytən Kərimovanın iştirakı gözlənilir." in az
        assert "'" not in _body(az)

    def test_english(self, engine):
        en = _render(engine, _example("media-advisory"))["en"]
        assert en.startswith("{.release}\nMEDIA ADVISORY\n")  # an advisory is not "for immediate release"
        assert "— The Türkiye-Azerbaijan Media Forum will be held in Istanbul on Nov. 20." in en  # AP "dates"
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
        assert "will be held in Igdir on Nov. 20." in md["en"]


# --- (d) format 2: the event, tense, number, the body, refusals (issue 12) --------------------
# Tense follows event.status (spec draft-format-v2 "event"): an announcement is written in the
# future by the templates, headlines included (tr -ecek/-acak, az -acaq/-əcək, en "will be", and
# the headline infinitive "to be signed", AP). Number: Turkish and Azerbaijani keep the noun
# singular after a numeral ("iki belge", "iki sənəd"; conventions.md §4.3 counts, §5) and the
# Azerbaijani verb agrees with several signatories ("imzalayıblar"), English the plural.

ROOT_EXAMPLES = ROOT / "examples"


def _v2(name: str) -> dict[str, Any]:
    return _example(name, ROOT_EXAMPLES)


def _announced(data: dict[str, Any], release_date: str) -> dict[str, Any]:
    """The draft released before its event: an announcement (``event.status`` left out)."""
    data["release"]["date"] = release_date
    return data


def _refusal(engine, data: dict[str, Any]) -> list[tuple[str, str | None]]:
    with pytest.raises(PressdraftError) as caught:
        _render(engine, data)
    return [(problem.path, problem.lang) for problem in caught.value.problems]


TENSES = {
    # template example: (release date of the announcement, body blocks kept, fields dropped,
    #                    {lang: (report, announcement) for the headline}, {lang: (report, announcement) in the lead})
    "joint-media-platform": (
        "2021-10-20",
        ("paragraph",),
        (),
        {
            "tr": ("ilk toplantısını İstanbul'da yaptı", "ilk toplantısını İstanbul'da yapacak"),
            "az": ("ilk iclası İstanbulda keçirilib", "ilk iclası İstanbulda keçiriləcək"),
            "en": ("Platform holds first meeting in Istanbul", "Platform to hold first meeting in Istanbul"),
        },
        {
            "tr": ("eş başkanlığında İstanbul'da gerçekleştirildi.", "23 Ekim'de İstanbul'da gerçekleştirilecek."),
            "az": ("həmsədrliyi ilə keçirilib.", "həmsədrliyi ilə keçiriləcək."),
            "en": ("was held in Istanbul on Saturday", "will be held in Istanbul on Saturday"),
        },
    ),
    "agreement-signing": (
        "2025-09-17",
        ("documents",),
        ("background",),
        {
            "tr": ("# Bakü'de iki belge imzalandı", "# Bakü'de iki belge imzalanacak"),
            "az": ("# Bakıda iki sənəd imzalanıb", "# Bakıda iki sənəd imzalanacaq"),
            "en": ("# Two documents signed in Baku", "# Two documents to be signed in Baku"),
        },
        {
            "tr": ("iki belge imzalandı. Belgeleri", "iki belge imzalanacak. Belgeleri"),
            "az": ("Mərkəzində imzalanıb. Sənədləri", "Mərkəzində imzalanacaq. Sənədləri"),
            "en": ("Two documents were signed at the Baku", "Two documents will be signed at the Baku"),
        },
    ),
    "official-visit": (
        "2025-10-10",
        (),
        ("outcomes",),
        {
            "tr": ("# Elnur Hüseynov Ankara'da Zeynep Aksoy ile görüştü", "Zeynep Aksoy ile görüşecek"),
            "az": ("# Elnur Hüseynov Ankarada Zeynep Aksoy ilə görüşüb", "Zeynep Aksoy ilə görüşəcək"),
            "en": ("# Elnur Huseynov meets Zeynep Aksoy in Ankara", "# Elnur Huseynov to meet Zeynep Aksoy in Ankara"),
        },
        {
            "tr": ("Ankara'ya gerçekleştirdiği iki günlük", "Ankara'ya gerçekleştireceği iki günlük"),
            "az": ("Zeynep Aksoy ilə görüşüb.", "Zeynep Aksoy ilə görüşəcək."),
            "en": (
                "Republic of Azerbaijan, met with Zeynep Aksoy",
                "Republic of Azerbaijan, will meet with Zeynep Aksoy",
            ),
        },
    ),
}


@pytest.mark.parametrize("name", TENSES)
def test_a_report_is_in_the_past_and_an_announcement_in_the_future_headline_included(engine, name):
    release_date, kept, dropped, headlines, leads = TENSES[name]
    report = _v2(name)
    announcement = _announced(_v2(name), release_date)
    for data in (report, announcement):
        data["body"] = [block for block in data.get("body", []) if set(block) <= set(kept)]
        for field in dropped:
            data["fields"].pop(field, None)
    past, future = _render(engine, report), _render(engine, announcement)
    for lang in LANGS:
        for was, will in (headlines[lang], leads[lang]):
            assert was in past[lang] and was not in future[lang], (lang, was)
            assert will in future[lang] and will not in past[lang], (lang, will)
        assert headlines[lang][1] in future[lang].split("{.dateline}")[0], lang  # the headline itself


def test_the_announcement_of_a_meeting_says_what_is_expected_not_what_was_decided(engine):
    md = _render(engine, _announced(_v2("joint-media-platform") | {"body": []}, "2021-10-20"))
    assert "Toplantıda şu altı komitenin kurulması bekleniyor:" in md["tr"] and "karar verdi" not in md["tr"]
    assert (
        "temasıyla düzenlenecek toplantıya iki ülkenin üst düzey medya ve iletişim yetkilileri katılacak." in md["tr"]
    )
    assert "İclasda aşağıdakı altı komitənin yaradılması gözlənilir:" in md["az"] and "iştirak edəcəklər." in md["az"]
    assert "The meeting is expected to establish six committees:" in md["en"]
    assert "The meeting, to be held under the theme “Rooted Past, Strong Future,” will be attended by" in md["en"]


def test_the_media_advisory_announces_and_its_days_come_from_the_event(engine):
    md = _render(engine, _v2("media-advisory"))
    assert "# Türkiye-Azerbaycan Medya Forumu 20–21 Kasım tarihlerinde İstanbul'da düzenlenecek" in md["tr"]
    assert "- **Tarih:** 20–21 Kasım\n- **Saat:** 10.30\n- **Yer:** Haliç Kongre Merkezi, İstanbul" in md["tr"]
    assert "Media Forumu noyabrın 20–21-də İstanbulda keçiriləcək." in md["az"]  # A7: the running form
    assert "will be held in Istanbul on Nov. 20-21." in md["en"]  # AP: hyphen, month once, no current year
    assert "- **Time:** 10:30 a.m.\n- **Location:** Halic Congress Center, Istanbul" in md["en"]


def test_a_time_to_be_announced_is_said_so(engine):
    data = _v2("media-advisory")
    data["event"]["time"] = "tba"
    md = _render(engine, data)
    assert "- **Saat:** Daha sonra duyurulacak" in md["tr"]
    assert "- **Saat:** Sonra elan olunacaq" in md["az"]
    assert "- **Time:** To be announced" in md["en"]


# One document or three: the headline and the lead agree in number in every language.
THREE_DOCUMENTS = [
    {"title": {"tr": f"Anlaşma {n}", "az": f"Saziş {n}", "en": f"Agreement {n}"}, "signatories": pair}
    for n, pair in (
        (1, ["zeynep-aksoy", "elnur-huseynov"]),
        (2, ["fahrettin-altun", "hikmet-hajiyev"]),
        (3, ["zeynep-aksoy", "ayten-karimova"]),
    )
]


def _signing(documents: list[dict[str, Any]]) -> dict[str, Any]:
    data = _v2("agreement-signing")
    data["body"] = [{"documents": documents}]
    return data


def test_one_document_is_named_in_the_singular(engine):
    md = _render(engine, _signing(THREE_DOCUMENTS[:1]))
    assert "# Anlaşma 1 Bakü'de imzalandı" in md["tr"]
    assert "— Anlaşma 1, Bakü Kongre Merkezi'nde imzalandı. Belgeyi Cumhurbaşkanlığı" in md["tr"]
    assert "# Saziş 1 Bakıda imzalanıb" in md["az"]
    assert "Sənədi Türkiyə Prezident" in md["az"] and "Elnur Hüseynov imzalayıblar." in md["az"]
    assert "# Agreement 1 signed in Baku" in md["en"]
    assert "— The Agreement 1 was signed at the Baku Congress Center on Thursday by Zeynep" in md["en"]


def test_three_documents_are_counted_and_every_signatory_is_named_once_in_full(engine):
    md = _render(engine, _signing(THREE_DOCUMENTS))
    assert "# Bakü'de üç belge imzalandı" in md["tr"] and "— Bakü Kongre Merkezi'nde üç belge imzalandı." in md["tr"]
    assert "imzalandı. Belgeleri Cumhurbaşkanlığı İletişim Başkan Yardımcısı Zeynep Aksoy, " in md["tr"]
    assert md["tr"].count("Başkan Yardımcısı Zeynep Aksoy") == 1  # full once; the body uses "Aksoy"
    assert "# Bakıda üç sənəd imzalanıb" in md["az"] and "— Üç sənəd sentyabrın 18-də" in md["az"]
    assert "Aytən Kərimova imzalayıblar." in md["az"]
    assert "# Three documents signed in Baku" in md["en"]
    assert "— Three documents were signed at the Baku Congress Center on Thursday." in md["en"]
    assert "The documents were signed by Zeynep Aksoy, deputy director" in md["en"]
    for markdown in md.values():
        assert "Belgeyi" not in markdown and "Sənədi " not in markdown and " was signed" not in markdown


@pytest.mark.parametrize("name", ["joint-media-platform", "agreement-signing", "official-visit", "statement"])
def test_no_template_invents_a_setting(engine, name):
    """Issue 12: "Altun said at the signing ceremony" was false; a setting prints only when a block gives it."""
    data = _v2(name)
    for block in data.get("body", []):
        for value in block.values():
            if isinstance(value, dict):
                value.pop("setting", None)
    for markdown in _render(engine, data).values():
        for invented in ("tören", "mərasim", "ceremony", "basın toplantısında", "mətbuat konfransında", "conference"):
            assert invented not in markdown


def test_a_setting_the_draft_states_is_printed(engine):
    md = _render(engine, _v2("agreement-signing"))
    assert "imzaların ardından düzenlenen basın toplantısında" in md["tr"]
    assert "imzalanma mərasimindən sonra keçirilən mətbuat konfransında" in md["az"]
    assert "at a news conference after the signing" in md["en"]


@pytest.mark.parametrize("path", sorted(ROOT_EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_body_comes_after_the_lead_and_before_about(engine, path):
    data = _example(path.stem, ROOT_EXAMPLES)
    data["body"] = [*data.get("body", []), {"paragraph": {lang: f"Gövde sonu {lang}." for lang in LANGS}}]
    for lang, markdown in _render(engine, data).items():
        body_at = markdown.index(f"Gövde sonu {lang}.")
        assert markdown.index("{.dateline}") < body_at < markdown.index("{.about}"), lang
        assert markdown.count(f"Gövde sonu {lang}.") == 1, lang


def test_the_statement_block_is_the_release_itself(engine):
    md = _render(engine, _v2("statement"))
    assert "**ANKARA, 12 Haziran 2025**\n\nSon günlerde sosyal medyada" in md["tr"]
    assert (
        "# Sosyal medyada Türkiye ve Azerbaycan'ı hedef alan koordineli dezenformasyon kampanyası ile ilgili"
        in md["tr"]
    )
    assert "# Directorate of Communications condemns coordinated disinformation campaign" in md["en"]  # AP headlines
    for markdown in md.values():
        for wrapper in ("yayımladı", "ifadelere yer", "Bəyanatda deyilir", "reads:", "\n> ", "“Son", "“In recent"):
            assert wrapper not in markdown


def test_the_release_number_is_printed_in_each_house_style(engine):
    """tr "No:" for a ministry's numbered statement and "Sayı:" for a bulletin (conventions.md §7.2:
    MFA "No: 123, …", RTÜK "Sayı:"), az "№", en "No."; ``auto`` prints nothing until it is assigned."""
    statement, signing = _render(engine, _v2("statement")), _render(engine, _v2("agreement-signing"))
    assert "{.release}\nNo: 241\n" in statement["tr"] and "{.release}\nSayı: 2025/41\n" in signing["tr"]
    assert "{.release}\n№ 241\n" in statement["az"] and "{.release}\n№ 2025/41\n" in signing["az"]
    assert "{.release}\nNo. 241\n" in statement["en"] and "{.release}\nNo. 2025/41\n" in signing["en"]
    data = _v2("statement")
    data["release"]["number"] = "auto"
    for markdown in _render(engine, data).values():
        assert "241" not in markdown and "auto" not in markdown and markdown.count("{.release}") == 1


@pytest.mark.parametrize(
    ("name", "change", "where"),
    [
        (
            "joint-media-platform",
            lambda d: (
                _announced(d, "2021-10-20")
                | {
                    "fields": d["fields"]
                    | {
                        "quotes": [
                            {
                                "speaker": "fahrettin-altun",
                                "source_language": "tr",
                                "text": {lang: "Söz." for lang in LANGS},
                            }
                        ]
                    }
                }
            ),
            "fields.quotes",
        ),
        (
            "agreement-signing",
            lambda d: d | {"fields": d["fields"] | {"signatories": ["zeynep-aksoy"]}},
            "fields.signatories",
        ),
        ("official-visit", lambda d: _announced(d, "2025-10-10") | {"body": []}, "fields.outcomes"),
        ("media-advisory", lambda d: _announced(d, "2025-11-22"), "event.date"),
        (
            "media-advisory",
            lambda d: d | {"fields": d["fields"] | {"time": {lang: "10" for lang in LANGS}}},
            "fields.time",
        ),
    ],
    ids=[
        "quotes-announced",
        "documents-twice",
        "outcomes-announced",
        "advisory-past",
        "time-twice",
    ],
)
def test_a_template_refuses_what_it_cannot_say_truly_naming_the_field(engine, name, change, where):
    assert _refusal(engine, change(_v2(name))) == [(where, "tr")]  # the first language refused stops the render


def test_the_template_fields_default_to_the_event(engine):
    """``event: date``/``city``/``venue`` in meta.yaml: the examples leave the template's own date and city out."""
    for name in ("joint-media-platform", "agreement-signing", "official-visit", "media-advisory"):
        fields = _v2(name)["fields"]
        assert not {"date", "city", "place", "venue"} & set(fields), name
    data = _v2("official-visit")
    data["event"].update(date="2025-10-13", city="baku")
    data["release"]["date"] = "2025-10-14"
    md = _render(engine, data)
    assert "# Elnur Hüseynov Bakü'de Zeynep Aksoy ile görüştü" in md["tr"]
    assert "Bakü'ye gerçekleştirdiği iki günlük resmî ziyaret kapsamında 13 Ekim'de" in md["tr"]
    assert "Bakıya iki günlük rəsmi səfəri çərçivəsində oktyabrın 13-də" in md["az"]
    assert "on Monday during his two-day official visit to Baku." in md["en"]


def test_a_field_given_in_the_draft_wins_over_the_event(engine):
    data = _v2("joint-media-platform")
    data["fields"]["city"] = "baku"
    md = _render(engine, data)
    assert "ilk toplantısını Bakü'de yaptı" in md["tr"] and "ilk iclası Bakıda keçirilib" in md["az"]


def test_a_venue_and_a_parent_event_are_printed_with_the_city(engine):
    data = _v2("joint-media-platform")
    data["event"]["venue"] = {
        "tr": "Dolmabahçe Çalışma Ofisi",
        "az": "Dolmabahçe İş Ofisi",
        "en": "the Dolmabahçe Working Office",
    }
    md = _render(engine, data)
    assert "eş başkanlığında İstanbul'daki Dolmabahçe Çalışma Ofisi'nde gerçekleştirildi." in md["tr"]  # R1, R12: -nde
    assert "Türk Konseyi Medya Forumu kapsamında, Cumhurbaşkanlığı" in md["tr"]
    assert "oktyabrın 23-də İstanbulun Dolmabahçe İş Ofisində Türkiyə" in md["az"]  # A1: no apostrophe
    assert "was held at the Dolmabahçe Working Office in Istanbul on Saturday, as part of the Turkic" in md["en"]


def test_a_new_installation_seeds_the_public_example_in_format_2(tmp_path, monkeypatch):
    from pressdraft.app import service as app_service
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    monkeypatch.setattr(app_service, "EXAMPLE", ROOT_EXAMPLES / "joint-media-platform.yaml")  # tests/conftest.py
    service = app_service.AppService.open(
        load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")}), template_runner()
    )
    try:
        (summary,) = service.draft_summaries()
        record = service.store.get_draft(summary.id)
        assert record.data["format"] == 2 and record.data["body"][0]["quote"]["speaker"] == "fahrettin-altun"
        markdown = service.editor(summary.id).preview().rendition.markdown
        assert markdown == {lang: (GOLDEN / f"joint-media-platform.{lang}.md").read_text("utf-8") for lang in LANGS}
    finally:
        service.store.close()


@pytest.mark.parametrize(
    ("name", "release_date", "tr", "az", "en"),
    [
        (
            "joint-media-platform",
            "2021-10-20",
            "23 Ekim'de saat 10.30'da İstanbul'da gerçekleştirilecek.",
            "oktyabrın 23-də saat 10:30-da İstanbulda",
            "will be held in Istanbul at 10:30 a.m. on Saturday,",
        ),
        (
            "official-visit",
            "2025-10-10",
            "14 Ekim'de saat 09.40'ta Cumhurbaşkanlığı",  # R5, R13: "kırk" → -ta
            "oktyabrın 14-də saat 09:40-da Türkiyə",  # A3, A7: always d, a hyphen after digits
            "Presidency, at 9:40 a.m. on Tuesday during",  # AP: time before the day
        ),
    ],
)
def test_the_events_time_is_in_the_lead_with_its_suffix(engine, name, release_date, tr, az, en):
    data = _announced(_v2(name), release_date)
    data["event"]["time"] = {"joint-media-platform": "10:30", "official-visit": "09:40"}[name]
    data["body"], data["fields"] = [], {k: v for k, v in data["fields"].items() if k != "outcomes"}
    md = _render(engine, data)
    assert tr in md["tr"] and az in md["az"] and en in md["en"]


def test_a_time_to_be_announced_is_its_own_sentence_in_an_announcement(engine):
    data = _announced(_signing(THREE_DOCUMENTS[:1]), "2025-09-17")
    data["event"]["time"] = "tba"
    md = _render(engine, data)
    assert "imzalayacak. İmzaların saati daha sonra duyurulacak." in md["tr"]
    assert "imzalayacaqlar. İmzalanmanın vaxtı sonra elan olunacaq." in md["az"]
    assert "Karimova" not in md["en"] and ". The time of the signing will be announced." in md["en"]


def test_a_visit_over_several_days_counts_them_from_the_event(engine):
    data = _v2("official-visit")
    del data["fields"]["days"]
    data["event"]["end_date"] = "2025-10-16"
    md = _render(engine, data)
    assert "Ankara'ya gerçekleştirdiği üç günlük resmî ziyaret kapsamında" in md["tr"]
    assert "Ankaraya üç günlük rəsmi səfəri çərçivəsində" in md["az"]
    assert "during his three-day official visit to Ankara." in md["en"]


def test_a_statement_on_a_coming_occasion_is_still_a_statement_made(engine):
    """A statement's own sentences tell of its publication, which the release is: past tense whatever the
    occasion's date (an announcement of a press statement is the media advisory's)."""
    data = _example("statement")  # version 1: the third-person lead
    data |= {"format": 2, "event": {"date": "2025-06-20"}}
    md = _render(engine, data)
    assert "kampanyası ile ilgili kınama mesajı yayımladı." in md["tr"]
    assert "ilə bağlı bəyanat yayaraq onu qəti şəkildə pisləyib." in md["az"]
    assert ", condemned a coordinated disinformation campaign" in md["en"]


def test_a_speakers_own_statement_is_headed_by_the_speaker(engine):
    data = _v2("statement")
    data["fields"]["speaker"] = "zeynep-aksoy"
    md = _render(engine, data)
    assert "# Cumhurbaşkanlığı İletişim Başkan Yardımcısı Zeynep Aksoy'un sosyal medyada" in md["tr"]  # R1
    assert "kampanyası ile ilgili kınama mesajı\n" in md["tr"]
    assert "müavini Zeynep Aksoyun sosial mediada" in md["az"] and "ilə bağlı bəyanatı\n" in md["az"]  # A1
    assert "# Zeynep Aksoy condemns coordinated disinformation campaign" in md["en"]  # AP headlines: verb-led
    assert "**ANKARA, 12 Haziran 2025**\n\nSon günlerde" in md["tr"]  # no lead: the words are the release


def test_a_refusal_in_the_sandbox_names_the_same_field(engine):
    """An organization's copy runs in a sandbox worker: its refusal crosses the wire as the same problem."""
    from pressdraft.core.library import Template
    from pressdraft.pipeline.engine import Engine
    from pressdraft.pipeline.pool import SandboxRunner, shutdown

    shipped = engine.library.get("media-advisory")
    sandboxed = Engine.single(
        Template(shipped.id, shipped.files, origin="organization"), engine.directory, SandboxRunner()
    )
    try:
        assert _refusal(sandboxed, _announced(_v2("media-advisory"), "2025-11-22")) == [("event.date", "tr")]
    finally:
        shutdown()


def test_an_advisory_says_what_larger_event_it_belongs_to(engine):
    data = _v2("media-advisory")
    data["event"]["part_of"] = {
        "tr": "Türk Devletleri Teşkilatı Medya Haftası kapsamında",
        "az": "Türk Dövlətləri Təşkilatının Media Həftəsi çərçivəsində",
        "en": "as part of the Organization of Turkic States Media Week",
    }
    md = _render(engine, data)
    assert "Medya Forumu, Türk Devletleri Teşkilatı Medya Haftası kapsamında, 20–21 Kasım tarihlerinde" in md["tr"]
    assert "Media Forumu Türk Dövlətləri Təşkilatının Media Həftəsi çərçivəsində noyabrın 20–21-də" in md["az"]
    assert "in Istanbul on Nov. 20-21, as part of the Organization of Turkic States Media Week." in md["en"]
