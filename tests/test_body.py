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

from pressdraft.core.library import Template
from pressdraft.core.model import draft_to_data
from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.pool import render_documents
from pressdraft.pipeline.resolve import resolve

META = """
name: {tr: Deneme, az: Sınaq, en: Test}
fields:
  - name: headline
    type: text
    override: true
    label: {tr: Başlık, az: Başlıq, en: Headline}
  - name: host
    type: person
    label: {tr: Ev sahibi, az: Ev sahibi, en: Host}
  - name: background
    type: paragraphs
    label: {tr: Arka plan, az: Arxa plan, en: Background}
sample_release: {date: 2021-10-23, city: istanbul, issuer: tr-communications}
"""
# The template's own lead, then (without {{ body }}) the engine puts the body before "About".
WITHOUT_BODY = """# {{ headline or lang }}

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


DATED = """{{ event.date|date_range(event.end_date) }}, {{ event.time|time }}; {{ "09:30"|time_range("11:00") }}
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
    _library(root, "dated", DATED)
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
    ("en", "head of the Foreign Policy Affairs Department of the Presidential Administration, said that the two"),
    # a two-paragraph quote with a verb and a setting: tr as AA introduces it, az with a colon (AZERTAC),
    # en AP: attribution after the first sentence, the first paragraph left open, the next one opened;
    # the same speaker goes on: the short form (tr), the pronoun (az ``o``, en he/she by the directory)
    (
        "tr",
        "Hacıyev, basın toplantısında şunları vurguladı:\n\n“Biz tek milletiz. Bu bir gerçektir.\n\nİkinci paragraf.”",
    ),
    # az: the short form, not *o* at the head of a sentence (it would read "that press conference")
    ("az", "H.Hacıyev mətbuat konfransında vurğulayıb:\n\n“Biz bir millətik. Bu bir həqiqətdir.\n\nİkinci abzas.”"),
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
    ("en", "“We have a consensus,” said Fahrettin Altun, director of communications of the Turkish Presidency."),
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
    ("az", "Pisləyirik.\n\nÇağırırıq."),
    ("en", "We condemn it.\n\nWe call on all."),
    ("az", "Birinci abzas.\n\nİkinci abzas."),
    ("az", '{.photo src="photos/one.jpg"}\nİclasdan — AA'),
    ("az", "1. bir\n2. iki"),
    ("tr", "Azerbaycan Cumhurbaşkanı Yardımcısı ve"),
    ("az", "Azərbaycan Respublikası Prezidentinin köməkçisi – Prezident Administrasiyasının"),
]


ANNOUNCEMENT = [
    # spec: announcements in the future (imzalanacak, imzalanacaq, will be signed)
    ("tr", "Üç belge imzalanacak:"),
    ("az", "Üç sənəd imzalanacaq:"),
    ("en", "Three documents will be signed:"),
    # words to be said at a stated setting of the coming event are in the future
    ("tr", "Hacıyev, basın toplantısında şunları vurgulayacak:"),
    ("az", "H.Hacıyev mətbuat konfransında vurğulayacaq:"),
    ("en", "“We are one nation,” he will stress at the press conference."),
    # words given for the release, with no setting, were said (the clause carries the future)
    ("tr", "Fahrettin Altun, “Mutabakat içindeyiz.” dedi."),
    ("en", "Hikmet Hajiyev, assistant to the president"),
]


@pytest.mark.parametrize(
    ("tense", "lang", "written"),
    [("report", *row) for row in REPORT] + [("announcement", *row) for row in ANNOUNCEMENT],
)
def test_every_block_in_both_tenses(request, tense, lang, written):
    assert written in request.getfixturevalue(tense)[lang]


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_blocks_without_tense_read_the_same_in_an_announcement(report, announcement, lang):
    """Paragraphs, subheadings, lists, the programme, photos and statements are the drafter's words."""
    for part in report[lang].split("\n\n"):
        if part.startswith(
            ("### Program", "- 09", "- 9:", "1. ", "{.photo", "Birinci", "First.", "Kınıyoruz", "We condemn")
        ):
            assert part in announcement[lang]


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
    # it names the signatories itself, so the body gives them in the short form (contracts, mention rule),
    # and it has told that documents were signed: the block lists them under a label, not that sentence again
    assert "Documents signed:\n\n- the Media Agreement, by Altun and Hajiyev\n" in out["en"]
    assert "- the Culture Programme, by Erdoğan and Aliyev" in out["en"]
    assert "İmzalanan belgeler:\n\n- Medya Anlaşması, Altun ve Hacıyev tarafından" in out["tr"]
    assert "- Kültür Programı, Erdoğan ve Aliyev tarafından" in out["tr"]
    assert "İmzalanan sənədlər:\n\n- Media Sazişi, F.Altun və H.Hacıyev tərəfindən" in out["az"]
    assert all(words not in out[lang] for lang, words in (("tr", "imzalandı"), ("az", "imzalanıb"), ("en", "were")))


def test_a_template_that_told_of_the_signing_lists_documents_under_a_label(engine):
    same = [{**document, "signatories": ["fahrettin-altun", "hikmet-hajiyev"]} for document in DOCUMENTS]
    out = markdown(engine, draft("storied", body=[{"documents": same}], event_date="2021-10-25"))
    assert "İmzalanacak belgeler:\n\n- Medya Anlaşması\n- Eğitim Protokolü\n- Kültür Programı\n" in out["tr"]
    assert "İmzalanacaq sənədlər:\n\n- Media Sazişi\n" in out["az"]
    assert "Documents to be signed:\n\n- Media Agreement\n" in out["en"]
    one = markdown(engine, draft("storied", body=[{"documents": DOCUMENTS[:1]}]))
    # one document: the template that reads `documents` names it with its signatories, the block adds nothing
    assert "Document signed" not in one["en"] and "Documents: 1; Media Agreement" in one["en"]


def test_one_document_is_one_sentence_in_the_number_it_has(engine):
    body = [{"documents": DOCUMENTS[:1]}]
    out = markdown(engine, draft(body=body))
    assert "Medya Anlaşması, Cumhurbaşkanlığı İletişim Başkanı Fahrettin Altun ve" in out["tr"]
    assert "tarafından imzalandı." in out["tr"]
    assert "tərəfindən imzalanıb." in out["az"]
    assert "The Media Agreement was signed by Fahrettin Altun, director of communications" in out["en"]


def test_documents_with_the_same_signatories_have_them_as_the_subject(engine):
    same = [{**document, "signatories": ["fahrettin-altun", "hikmet-hajiyev"]} for document in DOCUMENTS]
    out = markdown(engine, draft(body=[{"documents": same}]))
    assert "Dairesi Başkanı Hikmet Hacıyev, şu üç belgeyi imzaladı:\n\n- Medya Anlaşması\n- Eğitim" in out["tr"]
    assert "şöbəsinin müdiri Hikmət Hacıyev aşağıdakı üç sənədi imzalayıblar:\n\n- Media Sazişi" in out["az"]
    assert "Presidential Administration, signed the following three documents:\n\n- Media Agreement" in out["en"]
    assert out["en"].count("Fahrettin Altun") == 1  # named once, however many documents


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


def test_documents_of_one_kind_are_counted_by_it(engine):
    kind = {"kind": text("anlaşma", "saziş", "agreement")}
    out = markdown(engine, draft(body=[{"documents": [{**document, **kind} for document in DOCUMENTS]}]))
    assert "Üç anlaşma imzalandı:" in out["tr"]
    assert "Üç saziş imzalanıb:" in out["az"]
    assert "Three agreements were signed:" in out["en"]


def test_one_signatory_takes_the_singular_verb_in_azerbaijani(engine):
    alone = [{**document, "signatories": ["fahrettin-altun"]} for document in DOCUMENTS]
    out = markdown(engine, draft(body=[{"documents": alone}]))
    assert "rəhbəri Fahrettin Altun aşağıdakı üç sənədi imzalayıb:" in out["az"]
    assert "İletişim Başkanı Fahrettin Altun, şu üç belgeyi imzaladı:" in out["tr"]
    assert "director of communications of the Turkish Presidency, signed the following three" in out["en"]


def test_the_date_and_time_filters_in_a_template(engine):
    data = draft("dated", body=[])
    data["event"] = {"date": "2025-07-21", "end_date": "2025-07-23", "time": "tba"}
    out = markdown(engine, data)
    assert out["tr"] == "21–23 Temmuz 2025, saati daha sonra duyurulacak; 09.30–11.00\n"
    assert out["az"] == "21–23 iyul 2025-ci il, vaxtı sonra elan olunacaq; 09:30–11:00\n"
    assert out["en"] == "July 21-23, 2025, time to be announced; 9:30-11 a.m.\n"


def test_azerbaijani_o_only_after_a_quote(engine):
    # conventions.md §4.1 "“…”, – o vurğulayıb."; at the head of a sentence *o* reads as "that"
    said = {"speaker": "fahrettin-altun", "source_language": "tr", "text": text("A.", "Bir.", "A.")}
    body = [
        {"quote": said},
        {"quote": {**said, "verb": "stress"}},
        {"paraphrase": {"speaker": "fahrettin-altun", "text": text("a", "iki ölkənin dost olduğunu", "that a")}},
    ]
    out = markdown(engine, draft(body=body))["az"]
    assert "“Bir”, – deyə o vurğulayıb." in out
    assert "F.Altun iki ölkənin dost olduğunu bildirib." in out


def test_a_headline_the_drafter_writes_gets_the_languages_marks(engine):
    # spec "Inline text": any localized text; a template's proposal overridden by the drafter too
    headline = text('"Köklü Geçmiş" toplantısı', '"Köklü keçmiş" iclası', 'The "Rooted Past" meeting')
    out = markdown(engine, draft(body=[], headline=headline))
    assert out["tr"].startswith("# “Köklü Geçmiş” toplantısı\n")
    assert out["az"].startswith("# “Köklü keçmiş” iclası\n")
    assert out["en"].startswith("# The “Rooted Past” meeting\n")


@pytest.mark.usefixtures("no_workers_left")
def test_the_sandbox_worker_writes_the_body_as_the_engine_does(engine, directory_data):
    """An organization's template runs in a worker, which resolves the draft again from plain data."""
    checked = engine.draft_from_data(draft("storied", host="zeynep-aksoy"))
    shipped = engine.library.get("storied")
    template = Template(shipped.id, shipped.files, origin="organization", number=1)
    data = draft_to_data(checked, [f.name for f in template.meta.fields])
    markdown, _ = render_documents(template, data, directory_data, checked.languages, allow_incomplete=False)
    assert markdown == engine.render(checked).markdown
    assert "Documents: 3; Media Agreement (Altun and Hajiyev)" in markdown["en"]


@pytest.mark.parametrize("name", ['photos/a "b" {c}.jpg', "photos\\\\one.jpg", "img-" + "0" * 64])
def test_a_photo_reference_reaches_the_document_as_written(engine, name):
    """Contracts: the block's ``file`` is the key of the images the document layer is given, whatever it holds."""
    data = draft(body=[{"photo": {"file": name, "caption": text("A", "B", "C")}}])
    rendition = engine.render(engine.draft_from_data(data))
    photos = [block for block in rendition.blocks["tr"] if block.kind == "photo"]
    assert [block.src for block in photos] == [name]
