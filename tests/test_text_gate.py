"""The one gate for text: hostile input, what is stored, and what the user is told, field by field.

Each row of ``HOSTILE`` is something that gets pasted into a press office's tools (from Word,
from a web page, from a message) with the text the gate stores and the warnings it gives.
Look-alike letters follow conventions.md §3: Ǝ/ǝ (U+018E/U+01DD) and Cyrillic ә/Ә are not
Azerbaijani Ə/ə, and Ä/ä is the 1991–92 Azerbaijani letter.
"""

from __future__ import annotations

import io

import pytest
from docx import Document

from pressdraft.app.trust import template_runner
from pressdraft.core.cleaning import text_problems
from pressdraft.core.directory import parse_directory
from pressdraft.core.library import Template
from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline.checks import engine_data
from pressdraft.safety.text import LIMITS, clean_text, clean_text_report

CANNOT = "characters a document cannot hold removed (control characters, U+FFFE/U+FFFF): "
LINES = "line breaks from Word turned into new lines: "
PAGES = "page breaks from Word turned into paragraph breaks: "
BIDI = "bidirectional control characters removed: "
ZERO = "zero-width characters removed: "
TAGS = "invisible tag characters removed: "


def alike(char: str, letter: str) -> str:
    return f"look-alike letter {char} (U+{ord(char):04X}); did you mean {letter} (U+{ord(letter):04X})?"


# (name, typed, language, stored, told)
HOSTILE = [
    ("plain text is left alone", "Bakıda “Köklü” — İstanbul'da", "az", "Bakıda “Köklü” — İstanbul'da", []),
    ("tab and newline are kept", "a\tb\nc", None, "a\tb\nc", []),
    ("CR LF and CR become newlines, silently", "a\r\nb\rc", None, "a\nb\nc", []),
    ("decomposed letters are composed (NFC)", "I\u0307stanbul Bak\u0131 s\u0327", "tr", "İstanbul Bakı ş", []),
    ("NUL and other C0 controls", "a\x00b\x07c\x1bd\x1f", None, "abcd", [CANNOT + "4"]),
    ("DEL and C1 controls", "a\x7fb\x80c\x9fd", None, "abcd", [CANNOT + "3"]),
    ("U+FFFE and U+FFFF", "a\ufffeb\uffffc", None, "abc", [CANNOT + "2"]),
    ("lone surrogates", "a\ud800b\udfffc", None, "abc", [CANNOT + "2"]),
    ("Word's manual line break (\\v)", "first\vsecond", None, "first\nsecond", [LINES + "1"]),
    ("NEL and LINE SEPARATOR", "a\x85b\u2028c", None, "a\nb\nc", [LINES + "2"]),
    ("Word's page break (\\f) starts a paragraph", "one.\ftwo.", None, "one.\n\ntwo.", [PAGES + "1"]),
    ("PARAGRAPH SEPARATOR", "one.\u2029two.", None, "one.\n\ntwo.", [PAGES + "1"]),
    ("right-to-left override (file-name spoofing)", "report\u202etxt.exe", None, "reporttxt.exe", [BIDI + "1"]),
    ("embeddings, isolates and marks", "\u202aa\u202cb\u2066c\u2069\u200ed\u200f\u061c", None, "abcd", [BIDI + "7"]),
    ("zero-width space, joiners, word joiner", "Ba\u200bkı\u200c\u200d\u2060", "az", "Bakı", [ZERO + "4"]),
    ("byte order marks", "\ufeffBaku\ufeff", "en", "Baku", [ZERO + "2"]),
    ("tag characters (ASCII smuggling)", "ok\U000e0069\U000e0067\U000e006e\U000e007f", None, "ok", [TAGS + "4"]),
    ("Cyrillic schwa is kept and flagged", "Һейдәр Әлиев", "az", "Һейдәр Әлиев", [alike("ә", "ə"), alike("Ә", "Ə")]),
    ("turned e is kept and flagged in any language", "ǝlaqǝ Ǝliyev", "tr", "ǝlaqǝ Ǝliyev",
     [alike("ǝ", "ə"), alike("Ǝ", "Ə")]),
    ("Ä/ä is flagged in Azerbaijani", "Äliyev Bakä", "az", "Äliyev Bakä", [alike("Ä", "Ə"), alike("ä", "ə")]),
    ("… and left alone in English", "Bäckström", "en", "Bäckström", []),
    ("a decomposed a + diaeresis becomes ä, and is flagged", "Ba\u0308ku", "az", "Bäku", [alike("ä", "ə")]),
    ("a zero-width space hidden inside a decomposed letter", "I\u200b\u0307", "tr", "İ", [ZERO + "1"]),
    ("everything at once", "\ufeff\u202eA\x00\v\u200bB\f\U000e0041ǝ", "az", "A\nB\n\nǝ",
     [LINES + "1", PAGES + "1", CANNOT + "1", BIDI + "1", ZERO + "2", TAGS + "1", alike("ǝ", "ə")]),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "lang", "stored", "told"), [row[1:] for row in HOSTILE], ids=[r[0] for r in HOSTILE])
def test_the_gate_stores_what_a_document_can_hold_and_says_what_it_changed(typed, lang, stored, told):
    cleaned, changes = clean_text_report(typed, lang)
    assert cleaned == stored
    assert [str(c) for c in changes] == told
    assert clean_text(typed) == stored


@pytest.mark.parametrize("typed", [row[1] for row in HOSTILE], ids=[r[0] for r in HOSTILE])
def test_what_the_gate_stores_python_docx_writes_and_reads_back(typed):
    stored = clean_text(typed)
    document = Document()
    document.add_paragraph(stored)
    buffer = io.BytesIO()
    document.save(buffer)
    assert Document(io.BytesIO(buffer.getvalue())).paragraphs[0].text == stored.replace("\r", "\n")


@pytest.mark.parametrize("typed", [row[1] for row in HOSTILE], ids=[r[0] for r in HOSTILE])
def test_cleaning_twice_changes_nothing_and_clean_text_has_only_look_alikes_to_report(typed):
    stored = clean_text(typed)
    assert clean_text(stored) == stored
    assert all(c.kind == "lookalike" for c in clean_text_report(stored, "az")[1])


def test_every_message_names_the_field_and_the_language():
    data = {
        "fields": {
            "theme": {"az": "Köklü\u200b keçmiş\u200b", "en": "Rooted Past"},
            "committees": [{"tr": "kamu diplomasisi"}, {"az": "ictimai diplomatiya\u202e"}],
            "quotes": [{"speaker": "x", "text": {"az": "Bu sahələrdə birgə sәylər"}}],
        },
        "release": {"contacts": [{"label": {"en": "Press"}, "email": "press@\ufeffexample.org"}]},
    }
    assert [str(p) for p in text_problems(data)] == [
        "fields.theme (az): zero-width characters removed: 2",
        "fields.committees[1] (az): bidirectional control characters removed: 1",
        "fields.quotes[0].text (az): look-alike letter ә (U+04D9); did you mean ə (U+0259)?",
        "release.contacts[0].email: zero-width characters removed: 1",
    ]
    assert {p.severity for p in text_problems(data)} == {"warning"}


# --- every way in goes through the gate -------------------------------------------------------------


def test_a_draft_file_is_cleaned_and_the_check_says_what_changed_field_by_field(engine, example_data):
    example_data["fields"]["theme"]["az"] = "Köklü\u200b keçmiş, güclü\u200b gələcək"
    example_data["fields"]["background"]["en"] = "First paragraph.\fSecond\vline."
    example_data["fields"]["committees"][0]["az"] = "ictimai diplomatiya\U000e0041"
    draft = engine.draft_from_data(example_data)
    assert draft.fields["theme"].az == "Köklü keçmiş, güclü gələcək"
    assert draft.fields["background"].en == "First paragraph.\n\nSecond\nline."
    assert draft.fields["committees"][0].az == "ictimai diplomatiya"
    told = [str(p) for p in engine.check(draft, example_data) if p.severity == "warning"]
    assert f"fields.theme (az): {ZERO}2" in told
    assert f"fields.background (en): {LINES}1" in told
    assert f"fields.background (en): {PAGES}1" in told
    assert f"fields.committees[0] (az): {TAGS}1" in told
    # the stored draft, checked again, has nothing left to report
    assert not [p for p in engine.check(draft) if "removed" in p.message or "turned" in p.message]


def test_look_alikes_are_kept_and_reported_by_the_check_even_without_the_entered_data(engine, example_data):
    example_data["fields"]["theme"]["az"] = "Köklü keçmiş, güclü gәlәcәk"
    example_data["fields"]["platform"]["az"] = "Türkiyǝ-Azərbaycan Ortaq Media Platforması"
    draft = engine.draft_from_data(example_data)
    assert draft.fields["theme"].az == "Köklü keçmiş, güclü gәlәcәk"
    problems = [p for p in engine.check(draft) if p.template.startswith("look-alike")]
    assert [(p.path, p.lang, p.severity, p.params["char"]) for p in problems] == [
        ("fields.platform", "az", "warning", "ǝ"),
        ("fields.theme", "az", "warning", "ә"),
    ]


def test_form_values_go_through_the_gate_on_their_way_to_the_documents(tmp_path):
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings

    service = AppService.open(load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")}), template_runner())
    try:
        editor = service.editor(service.draft_summaries()[0].id)
        editor.set_text("fields.theme", "en", "Rooted\u200b Past\u202e, Strong\x00 Future")
        edition = editor.preview()
        assert edition is not None
        body = "\n".join(p.text for p in Document(io.BytesIO(edition.docx("en"))).paragraphs)
        assert "“Rooted Past, Strong Future,”" in body
        assert editor.value("fields.theme.en") == "Rooted\u200b Past\u202e, Strong\x00 Future"  # as typed, in the store
        told = [str(p) for p in service.engine.check(service.engine.draft_from_data(editor.data), editor.data)]
        assert f"fields.theme (en): {CANNOT}1" in told
        assert f"fields.theme (en): {BIDI}1" in told
    finally:
        service.store.close()


def test_the_directory_is_cleaned_and_its_names_are_bounded(engine):
    data = engine.directory.model_dump(mode="json", exclude_none=True)
    data["people"]["hikmet-hajiyev"]["name"]["az"] = "Hikmət\u200b Hacıyev\u202e"
    directory = parse_directory(data)
    assert directory.people["hikmet-hajiyev"].name.az == "Hikmət Hacıyev"
    data["places"]["kars"] = {"tr": "K" * (LIMITS["name"] + 1)}
    with pytest.raises(PressdraftError) as caught:
        parse_directory(data)
    (problem,) = caught.value.problems
    assert str(problem) == "directory.places.kars.tr: too long: 301 characters, at most 300"


def test_template_metadata_and_samples_go_through_the_gate(engine):
    shipped = engine.library.get("joint-meeting")
    meta = shipped.files["meta.yaml"]
    meta = meta.replace("tr: Ortak toplantı", 'tr: "Ortak\\u200b toplantı\\u202e"', 1)
    meta = meta.replace("tr: Köklü Geçmiş, Güçlü Gelecek", 'tr: "Köklü\\u2060 Geçmiş\\x00, Güçlü Gelecek"', 1)
    template = Template("joint-meeting", {**shipped.files, "meta.yaml": meta})
    assert template.meta.name.tr == "Ortak toplantı"
    sample = engine.draft_from_data(engine_data(template))
    assert sample.fields["theme"].tr == "Köklü Geçmiş, Güçlü Gelecek"


# --- length bounds: refused with the field named ------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "kind"),
    [
        (("fields", "theme", "en"), "line"),
        (("fields", "background", "az"), "paragraphs"),
        (("fields", "committees", 1, "tr"), "item"),
        (("fields", "quotes", 0, "text", "en"), "paragraphs"),
    ],
)
def test_a_text_beyond_its_bound_is_refused_naming_the_field(engine, example_data, where, kind):
    target = example_data
    for part in where[:-1]:
        target = target[part]
    limit = LIMITS[kind]
    target[where[-1]] = "a" * limit
    engine.draft_from_data(example_data)  # exactly at the bound: accepted
    target[where[-1]] = "a" * limit + "\u200bb"  # what counts is the stored length
    with pytest.raises(PressdraftError) as caught:
        engine.draft_from_data(example_data)
    path = ".".join(str(p) for p in where).replace(".1.", "[1].").replace(".0.", "[0].")
    assert [str(p) for p in caught.value.problems] == [f"{path}: too long: {limit + 1} characters, at most {limit}"]


def test_an_inline_name_is_bounded_like_a_directory_name(engine, example_data):
    example_data["fields"]["city"] = {"tr": "Kars", "az": "Qars", "en": "K" * 301}
    with pytest.raises(PressdraftError) as caught:
        engine.draft_from_data(example_data)
    assert [str(p) for p in caught.value.problems] == ["fields.city.en: too long: 301 characters, at most 300"]
