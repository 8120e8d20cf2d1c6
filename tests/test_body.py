"""The body of a format-2 draft, rendered by the engine in every language and both tenses.

Each expected string cites its rule: docs/attribution.md (the verb table, the formulas and their
sources: conventions.md §4.1, AA and AZERTAC copy, the AP Stylebook), the spec (draft-format-v2.md,
"body", "Inline text") and the contracts of issue 12 (the Markdown the body emits, the mention rule).
A small template of our own is used, so the shipped templates can change without touching these tests.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.resolve import resolve

META = """
name: {tr: Deneme, az: Sınaq, en: Test}
fields:
  - name: host
    type: person
    label: {tr: Ev sahibi, az: Ev sahibi, en: Host}
  - name: background
    type: paragraphs
    label: {tr: Arka plan, az: Arxa plan, en: Background}
sample_release: {date: 2021-10-23, city: istanbul, issuer: tr-communications}
"""
# The template's own lead, then (without {{ body }}) the engine puts the body before "About".
WITHOUT_BODY = """# {{ lang }}

{.dateline}
Lead{% if host %} {{ host.full }}{% endif %}.
{% if background %}

{{ background }}
{% endif %}

### About

{.about}
Boilerplate.

{.closing}
End.
"""
WITH_BODY = """# {{ lang }}

{{ body }}

Documents: {{ documents|length }}
{%- for d in documents %}; {{ d.title }} ({{ d.signatories|map(attribute="short")|and_list }}){% endfor %}.
"""


def _library(root: Path, name: str, source: str) -> None:
    folder = root / name
    folder.mkdir()
    (folder / "meta.yaml").write_text(META, "utf-8")
    for lang in ("tr", "az", "en"):
        (folder / f"{lang}.md.j2").write_text(source, "utf-8")


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    root = tmp_path_factory.mktemp("templates")
    _library(root, "plain", WITHOUT_BODY)
    _library(root, "storied", WITH_BODY)
    return Engine.default(IN_PROCESS, templates=root)


def text(tr: str, az: str, en: str) -> dict[str, str]:
    return {"tr": tr, "az": az, "en": en}


DOCUMENTS = [  # three documents, each with its own signatories
    {
        "title": text("Medya Anlaşması", "Media Sazişi", "Media Agreement"),
        "signatories": ["fahrettin-altun", "hikmet-hajiyev"],
    },
    {
        "title": text("Eğitim Protokolü", "Təhsil Protokolu", "Education Protocol"),
        "signatories": ["zeynep-aksoy", "elnur-huseynov"],
    },
    {
        "title": text("Kültür Programı", "Mədəniyyət Proqramı", "Culture Programme"),
        "signatories": ["recep-tayyip-erdogan", "ilham-aliyev"],
    },
]
BODY: list[dict[str, Any]] = [
    {"paragraph": text("Birinci paragraf.\nİkinci paragraf.", "Birinci abzas.\nİkinci abzas.", "First.\nSecond.")},
    {
        "paraphrase": {
            "speaker": "hikmet-hajiyev",
            "text": text(
                'iki ülkenin medya alanında "ortak bir dil" geliştirdiğini',
                'iki ölkənin media sahəsində "ortaq dil" formalaşdırdığını',
                'that the two countries had developed "a common language" in the media',
            ),
        }
    },
    {
        "quote": {
            "speaker": "hikmet-hajiyev",
            "source_language": "az",
            "verb": "stress",
            "setting": text("basın toplantısında", "mətbuat konfransında", "at the press conference"),
            "text": text(
                "Biz tek milletiz. Bu bir gerçektir.\nİkinci paragraf.",
                "Biz bir millətik. Bu bir həqiqətdir.\nİkinci abzas.",
                "We are one nation. Mr. Altun agrees.\nThis is the second paragraph.",
            ),
        }
    },
    {
        "quote": {
            "speaker": "fahrettin-altun",
            "source_language": "tr",
            "text": text("Mutabakat içindeyiz.", "Konsensusumuz var.", "We have a consensus."),
        }
    },
    {"subheading": text("Program", "Proqram", "Programme")},
    {
        "agenda": [
            {"time": "09:30", "end": "10:00", "item": text("Açılış", "Açılış", "Opening")},
            {"time": "14:00", "item": text("Basın toplantısı", "Mətbuat konfransı", "Press conference")},
        ]
    },
    {"list": {"style": "number", "items": [text("bir", "bir", "one"), text("iki", "iki", "two")]}},
    {"documents": DOCUMENTS},
    {"photo": {"file": "photos/one.jpg", "caption": text("Toplantıdan", "İclasdan", "The meeting"), "credit": "AA"}},
    {
        "statement": text(
            "Kınıyoruz.\nÇağrıda bulunuyoruz.", "Pisləyirik.\nÇağırırıq.", "We condemn it.\nWe call on all."
        )
    },
]


def draft(template: str = "plain", body: list[Any] = BODY, event_date: str = "2021-10-23", **fields: Any) -> dict:
    return {
        "format": 2,
        "template": template,
        "languages": ["tr", "az", "en"],
        "source_language": "tr",
        "release": {"date": "2021-10-23", "city": "istanbul", "issuer": "tr-communications"},
        "event": {"date": event_date, "city": "istanbul"},
        "fields": fields,
        "body": copy.deepcopy(body),
    }


def markdown(engine: Engine, data: dict) -> dict[str, str]:
    return engine.render(engine.draft_from_data(data)).markdown


@pytest.fixture(scope="module")
def report(engine) -> dict[str, str]:
    return markdown(engine, draft(host="zeynep-aksoy"))


@pytest.fixture(scope="module")
def announcement(engine) -> dict[str, str]:
    return markdown(engine, draft(event_date="2021-10-25"))


REPORT = [
    # a new line starts a paragraph (spec "Inline text")
    ("tr", "Birinci paragraf.\n\nİkinci paragraf."),
    ("en", "First.\n\nSecond."),
    # paraphrase as reported speech, first mention: title and full name (contracts, mention rule);
    # straight quotes print as the language's marks (spec "Inline text")
    (
        "tr",
        "Azerbaycan Cumhurbaşkanı Yardımcısı ve Cumhurbaşkanlığı Dış Politika Dairesi Başkanı Hikmet Hacıyev, "
        "iki ülkenin medya alanında “ortak bir dil” geliştirdiğini belirtti.",
    ),
    ("az", "Hikmət Hacıyev iki ölkənin media sahəsində “ortaq dil” formalaşdırdığını bildirib."),
    ("en", "Head of the Foreign Policy Affairs Department of the Presidential Administration, said that the two"),
    # a two-paragraph quote with a verb and a setting: tr as AA introduces it, az with a colon (AZERTAC),
    # en AP: attribution after the first sentence, the first paragraph left open, the next one opened;
    # the same speaker goes on: the short form (tr), the pronoun (az ``o``, en he/she by the directory)
    (
        "tr",
        "Hacıyev, basın toplantısında şunları vurguladı:\n\n“Biz tek milletiz. Bu bir gerçektir.\n\nİkinci paragraf.”",
    ),
    ("az", "O mətbuat konfransında vurğulayıb:\n\n“Biz bir millətik. Bu bir həqiqətdir.\n\nİkinci abzas.”"),
    (
        "en",
        "“We are one nation,” he stressed at the press conference. “Mr. Altun agrees.\n\n"
        "“This is the second paragraph.”",
    ),
    # a quote by someone new: first mention in full (tr, az: title then name; en: AP's inverted said)
    ("tr", "Cumhurbaşkanlığı İletişim Başkanı Fahrettin Altun, “Mutabakat içindeyiz.” dedi."),
    (
        "az",
        "“Konsensusumuz var”, – deyə Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsinin rəhbəri "
        "Fahrettin Altun bildirib.",
    ),
    ("en", "“We have a consensus,” said Fahrettin Altun, Director of Communications of the Turkish Presidency."),
    # subheading, agenda in each language's time form, a numbered list (contracts: Markdown the body emits)
    ("tr", "### Program\n\n- 09.30–10.00 – Açılış\n- 14.00 – Basın toplantısı\n\n1. bir\n2. iki"),
    ("az", "### Proqram\n\n- 09:30–10:00 – Açılış\n- 14:00 – Mətbuat konfransı"),
    ("en", "### Programme\n\n- 9:30-10 a.m. – Opening\n- 2 p.m. – Press conference\n\n1. one\n2. two"),
    # three documents, each with its own signatories: the lead agrees in number, each item names its own
    # (already named people in the short form; the host named by the template too)
    ("tr", "Üç belge imzalandı:\n\n- Medya Anlaşması, Altun ve Hacıyev tarafından\n- Eğitim Protokolü, Aksoy ve"),
    ("az", "Üç sənəd imzalanıb:\n\n- Media Sazişi, F.Altun və H.Hacıyev tərəfindən"),
    (
        "en",
        "Three documents were signed:\n\n- the Media Agreement, by Altun and Hajiyev\n"
        "- the Education Protocol, by Aksoy and",
    ),
    ("tr", "- Kültür Programı, Cumhurbaşkanı Recep Tayyip Erdoğan ve Azerbaycan Cumhurbaşkanı İlham Aliyev tarafından"),
    # a photo: the attribute line, then its caption and credit (contracts)
    ("tr", '{.photo src="photos/one.jpg"}\nToplantıdan — AA'),
    ("en", '{.photo src="photos/one.jpg"}\nThe meeting — AA'),
    # a statement: the issuer's own words, no wrapper, no marks (spec)
    ("tr", "Kınıyoruz.\n\nÇağrıda bulunuyoruz."),
    ("en", "We condemn it.\n\nWe call on all."),
]


@pytest.mark.parametrize(("lang", "written"), REPORT)
def test_every_block_in_a_report(report, lang, written):
    assert written in report[lang]


ANNOUNCEMENT = [
    # spec: announcements in the future (imzalanacak, imzalanacaq, will be signed)
    ("tr", "Üç belge imzalanacak:"),
    ("az", "Üç sənəd imzalanacaq:"),
    ("en", "Three documents will be signed:"),
    # words to be said at a stated setting of the coming event are in the future
    ("tr", "Hacıyev, basın toplantısında şunları vurgulayacak:"),
    ("az", "O mətbuat konfransında vurğulayacaq:"),
    ("en", "“We are one nation,” he will stress at the press conference."),
    # words given for the release, with no setting, were said (the clause carries the future)
    ("tr", "Fahrettin Altun, “Mutabakat içindeyiz.” dedi."),
    ("en", "Hikmet Hajiyev, Assistant to the President"),
]


@pytest.mark.parametrize(("lang", "written"), ANNOUNCEMENT)
def test_every_block_in_an_announcement(announcement, lang, written):
    assert written in announcement[lang]


def test_an_announcement_says_nothing_happened(announcement):
    for lang, words in (("tr", "imzalandı"), ("az", "imzalanıb"), ("en", "were signed")):
        assert words not in announcement[lang]


def test_the_body_goes_before_about_when_the_template_does_not_place_it(report):
    for lang in ("tr", "az", "en"):
        lead, story, about = (
            report[lang].index("{.dateline}"),
            report[lang].index("Birinci" if lang != "en" else "First."),
            report[lang].index("### About"),
        )
        assert lead < story < about
        assert report[lang].rstrip().endswith("{.closing}\nEnd.")


def test_a_template_places_the_body_and_reads_documents(engine):
    out = markdown(engine, draft("storied"))
    assert out["en"].index("First.") < out["en"].index("Documents: 3; Media Agreement (Altun and Hajiyev)")
    assert out["en"].count("First.") == 1
    # it names the signatories itself, so the body gives them in the short form (contracts, mention rule)
    assert "- the Culture Programme, by Erdoğan and Aliyev" in out["en"]
    assert "- Kültür Programı, Erdoğan ve Aliyev tarafından" in out["tr"]


def test_one_document_is_one_sentence_in_the_number_it_has(engine):
    body = [{"documents": DOCUMENTS[:1]}]
    out = markdown(engine, draft(body=body))
    assert "Medya Anlaşması, Cumhurbaşkanlığı İletişim Başkanı Fahrettin Altun ve" in out["tr"]
    assert "tarafından imzalandı." in out["tr"]
    assert "tərəfindən imzalanıb." in out["az"]
    assert "The Media Agreement was signed by Fahrettin Altun, Director of Communications" in out["en"]


def test_documents_with_the_same_signatories_have_them_as_the_subject(engine):
    same = [{**document, "signatories": ["fahrettin-altun", "hikmet-hajiyev"]} for document in DOCUMENTS]
    out = markdown(engine, draft("storied", body=[{"documents": same}]))
    assert "Altun ve Hacıyev, şu üç belgeyi imzaladı:\n\n- Medya Anlaşması\n- Eğitim Protokolü" in out["tr"]
    assert "F.Altun və H.Hacıyev aşağıdakı üç sənədi imzalayıblar:" in out["az"]
    assert "Altun and Hajiyev signed the following three documents:\n\n- Media Agreement" in out["en"]


def test_a_person_the_template_names_is_given_short_in_the_body(engine):
    body = [{"quote": {"speaker": "fahrettin-altun", "source_language": "tr", "text": text("A.", "B.", "C.")}}]
    out = markdown(engine, draft(body=body, host="fahrettin-altun"))
    assert "Altun, “A.” dedi." in out["tr"] and "Başkanı Fahrettin Altun, “A." not in out["tr"]
    assert "“B”, – deyə F.Altun bildirib." in out["az"]
    assert "“C,” Altun said." in out["en"]


def test_english_continuing_speaker_without_a_gender_keeps_the_short_name(engine):
    person = {"name": text("Ali Veli", "Əli Vəli", "Ali Veli")}
    body = [
        {"quote": {"speaker": person, "source_language": "tr", "text": text("A.", "B.", "One.")}},
        {"quote": {"speaker": person, "source_language": "tr", "verb": "add", "text": text("A.", "B.", "Two.")}},
    ]
    out = markdown(engine, draft(body=body))
    assert "“One,” Ali Veli said." in out["en"]
    assert "“Two,” Veli added." in out["en"]


def test_a_missing_translation_in_a_block_is_a_gap_at_its_path(engine):
    body = [{"quote": {"speaker": "fahrettin-altun", "source_language": "tr", "text": {"tr": "A.", "az": "B."}}}]
    checked = engine.draft_from_data(draft(body=body))
    template = engine.library.get("plain")
    resolution = resolve(checked, template, engine.directory, "en")
    assert [gap.at.where() for gap in resolution.gaps] == ["body[0].quote.text (en)"]
    assert "⟦MISSING: body\\[0\\].quote.text⟧" in resolution.context["body"]  # escaped Markdown


def test_a_list_line_in_paragraphs_is_an_error_pointing_to_the_list_block(engine):
    data = draft(body=[{"paragraph": text("Giriş:\n- bir", "a", "a")}], background=text("a", "b", "Intro\n1. one"))
    with pytest.raises(PressdraftError) as raised:
        engine.draft_from_data(data)
    messages = [f"{problem.at.where()}: {problem}" for problem in raised.value.problems]
    assert any(m.startswith("fields.background (en): ") and "list block" in m for m in messages), messages
    assert any(m.startswith("body[0].paragraph (tr): ") and "'-'" in m for m in messages), messages


def test_a_field_in_format_2_gets_the_inline_rules_too(engine):
    out = markdown(engine, draft(body=[], background=text('Bir.\n"İki" üç.', "a", "a")))
    assert "Bir.\n\n“İki” üç." in out["tr"]


def test_without_a_body_nothing_is_inserted(engine):
    out = markdown(engine, draft(body=[]))
    assert "Lead.\n\n### About" in out["tr"]


def test_the_context_lists_documents_with_their_signatories(engine):
    checked = engine.draft_from_data(draft())
    context = resolve(checked, engine.library.get("plain"), engine.directory, "az").context
    assert [d.title for d in context["documents"]] == ["Media Sazişi", "Təhsil Protokolu", "Mədəniyyət Proqramı"]
    assert [str(p.short) for p in context["documents"][2].signatories] == ["R.T.Ərdoğan", "İ.Əliyev"]
