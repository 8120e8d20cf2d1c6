"""The draft's own checks (``pipeline/draft_checks.py``, docs/checks.md; issue 12, item 5).

Each names the field and says what to do; each is a warning (the release renders, a person should
look), and a number left to the approval is an info line. A correct draft gets none of them.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pressdraft.core.directory import Directory, default_directory
from pressdraft.core.library import Template
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.language import Name, doubt_of, inflect
from pressdraft.pipeline.draft_checks import (
    GUESSED_IN_TEXT,
    GUESSED_LETTERS,
    GUESSED_SPOKEN,
    GUESSED_WORD,
    NO_READING,
)
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.resolve import resolve

META = """
name: {tr: Duyuru, az: Elan, en: Notice}
needs: [event.venue]
fields:
  - name: text
    type: paragraphs
    label: {tr: Metin, az: Mətn, en: Text}
  - name: place
    type: place
    event: city
    label: {tr: Yer, az: Yer, en: Place}
sample_release: {date: 2025-05-01, city: ankara, issuer: tr-communications}
"""
SOURCE = "{{ release.date }} {{ event.venue|locative if event.venue else '' }} {{ text }}\n"
FILES = {"meta.yaml": META, **{f"{lang}.md.j2": SOURCE for lang in ("tr", "az", "en")}}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.single(Template("notice", FILES), default_directory(), IN_PROCESS)


DRAFT: dict[str, Any] = {
    "format": 2,
    "template": "notice",
    "languages": ["tr", "az", "en"],
    "source_language": "tr",
    "release": {"date": "2025-05-09", "city": "ankara", "issuer": "tr-communications"},
    "event": {
        "date": "2025-05-09",
        "city": "istanbul",
        "venue": {"tr": "Vahdettin Köşkü", "az": "Vahdettin Köşkü", "en": "Vahdettin Pavilion"},
    },
    "fields": {"text": {"tr": "Görüşme yapıldı.", "az": "Görüş keçirilib.", "en": "The meeting was held."}},
}


def _checked(engine: Engine, **changes: Any) -> list[Problem]:
    data = copy.deepcopy(DRAFT)
    for key, value in changes.items():
        section, _, inner = key.partition("__")
        if inner:
            data[section] = {**data.get(section, {}), inner: value}
        elif value is None:
            data.pop(section)
        else:
            data[section] = value
    return engine.check(engine.draft_from_data(data))


def _told(problems: list[Problem]) -> list[tuple[str, str, str]]:
    return [(p.severity, p.at.where(), p.message) for p in problems]


def test_a_correct_draft_gets_no_warning(engine: Engine) -> None:
    assert _checked(engine) == []


def test_a_report_dated_after_the_release_is_a_warning_naming_the_status(engine: Engine) -> None:
    told = _told(_checked(engine, event__date="2025-05-10", event__status="report"))
    assert told == [
        (
            "warning",
            "event.status",
            "status report says the event has taken place, but its date 2025-05-10 is after the release date "
            "2025-05-09: write status: announcement, or correct the date",
        )
    ]


def test_an_announcement_dated_before_the_release_is_a_warning(engine: Engine) -> None:
    (problem,) = _checked(engine, event__date="2025-05-08", event__status="announcement")
    assert problem.at.where() == "event.status" and "write status: report" in problem.message


@pytest.mark.parametrize(
    ("date", "status"),
    [
        ("2025-05-10", None),  # derived: an announcement
        ("2025-05-08", None),  # derived: a report
        ("2025-05-09", "announcement"),  # "will be signed today"
        ("2025-05-09", "report"),
        ("2025-05-10", "announcement"),
    ],
)
def test_a_status_that_agrees_with_the_dates_is_no_warning(engine: Engine, date: str, status: str | None) -> None:
    event = {**DRAFT["event"], "date": date, **({"status": status} if status else {})}
    assert _checked(engine, event=event) == []


def test_a_venue_the_template_needs_is_asked_for(engine: Engine) -> None:
    event = {k: v for k, v in DRAFT["event"].items() if k != "venue"}
    assert _told(_checked(engine, event=event)) == [
        ("warning", "event.venue", "the lead of the template notice says this of the event: give event.venue")
    ]
    assert _told(_checked(engine, event=None)) == [
        ("warning", "event.venue", "the lead of the template notice says this of the event: give event.venue")
    ]


def test_a_template_need_must_be_an_event_key() -> None:
    with pytest.raises(PressdraftError, match="needs: unknown event.room"):
        Template("notice", {**FILES, "meta.yaml": META.replace("[event.venue]", "[event.room]")})


def test_an_automatic_number_is_an_info_line_at_the_release_number(engine: Engine) -> None:
    assert _told(_checked(engine, release__number="auto")) == [
        ("info", "release.number", "the release will get its number at approval")
    ]
    assert _checked(engine, release__number="2025/17") == []


QUOTE = {"text": {"tr": "Hoş geldiniz.", "az": "Xoş gəlmisiniz.", "en": "Welcome."}, "source_language": "tr"}


def test_a_quoted_stranger_without_a_title_is_a_warning(engine: Engine) -> None:
    stranger = {"name": {"tr": "Ali Veli", "az": "Əli Vəli", "en": "Ali Veli"}}
    body = [{"quote": {**QUOTE, "speaker": stranger}}, {"paraphrase": {"speaker": stranger, "text": QUOTE["text"]}}]
    told = _told(_checked(engine, body=body))
    message = (
        "Ali Veli is not in the directory and has no title, so the release cannot say who they are: "
        "give a title, or add the person to the directory"
    )
    assert told == [("warning", "body[0].quote.speaker", message), ("warning", "body[1].paraphrase.speaker", message)]


def test_a_titled_stranger_or_a_directory_person_is_no_warning(engine: Engine) -> None:
    titled = {
        "name": {"tr": "Ali Veli", "az": "Əli Vəli", "en": "Ali Veli"},
        "title": {"tr": "Vali", "az": "Qubernator", "en": "Governor"},
    }
    body = [{"quote": {**QUOTE, "speaker": titled}}, {"quote": {**QUOTE, "speaker": "fahrettin-altun"}}]
    assert _checked(engine, body=body) == []


def test_a_signatory_named_twice_in_one_document_is_a_warning(engine: Engine) -> None:
    title = {"tr": "Mutabakat Zaptı", "az": "Anlaşma Memorandumu", "en": "Memorandum of Understanding"}
    body = [
        {
            "documents": [
                {"title": title, "signatories": ["fahrettin-altun", "hikmet-hajiyev"]},
                {"title": title, "signatories": ["fahrettin-altun", "hikmet-hajiyev", "fahrettin-altun"]},
            ]
        }
    ]
    assert _told(_checked(engine, body=body)) == [
        (
            "warning",
            "body[0].documents[1].signatories[2]",
            "fahrettin-altun is already a signatory of this document: remove the second mention",
        )
    ]


def test_a_version_1_draft_with_its_source_language_left_out_is_warned(engine: Engine) -> None:
    data = {**copy.deepcopy(DRAFT), "format": 1, "languages": ["az", "en"]}
    data.pop("event")
    data["fields"]["place"] = "istanbul"
    told = _told(engine.check(engine.draft_from_data(data)))
    assert told == [
        (
            "warning",
            "source_language",
            "the source language tr is not one of the draft's languages (az, en): "
            "add it to languages, or choose one of them",
        )
    ]


def test_a_name_whose_case_ending_rests_on_a_guessed_reading_is_warned_in_tr_and_az(engine: Engine) -> None:
    # R8 (TDK): an abbreviation takes its ending by the reading of its last letter, so "CNN Merkezi"
    # is safe and a place named "... CNN" is read letter by letter (CNN'de) unless the directory says
    venue = {"tr": "Kongre Merkezi CNN", "az": "Konqres Mərkəzi CNN", "en": "CNN Congress Center"}
    told = _told(_checked(engine, event={**DRAFT["event"], "venue": venue}))
    assert [(severity, where) for severity, where, _ in told] == [
        ("warning", "event.venue (tr)"),
        ("warning", "event.venue (az)"),
    ]
    assert told[0][2] == (
        "Kongre Merkezi CNN: the case ending is a guess, CNN read letter by letter (Kongre Merkezi CNN'de); "
        "to settle it, give the name its reading (letters, word or as it is pronounced) or its case forms "
        "in the directory, adding it there if need be"
    )
    assert "Konqres Mərkəzi CNN-də" in told[1][2]
    # free text is the drafter's: the ending written there is theirs
    text = {"tr": "CNN'de görüşüldü.", "az": "CNN-də görüşülüb.", "en": "Met at CNN."}
    assert _checked(engine, fields={**DRAFT["fields"], "text": text}) == []


def test_a_name_no_reading_can_be_guessed_for_is_told_so(engine: Engine) -> None:
    # letters of another alphabet have no Turkish or Azerbaijani names: no ending can be chosen
    venue = {"tr": "Forum ΣΦ", "az": "Forum ΣΦ", "en": "Forum ΣΦ"}
    told = _told(_checked(engine, event={**DRAFT["event"], "venue": venue}))
    assert [where for _, where, _ in told] == ["event.venue (tr)", "event.venue (az)"]
    assert told[0][2] == (
        "Forum ΣΦ cannot take a case ending: how ΣΦ is read is unknown; give the name its reading or its case "
        "forms in the directory, adding it there if need be"
    )


def test_body_and_event_texts_are_compared_across_languages_at_their_own_path(engine: Engine) -> None:
    quote = {**QUOTE, "speaker": "fahrettin-altun", "text": {"tr": "2021'de", "az": "2019-cu ildə", "en": "in 2021"}}
    part_of = {"tr": "Bakü Forumu kapsamında", "az": "Bakı Forumu çərçivəsində", "en": "as part of the Istanbul Forum"}
    told = _told(_checked(engine, body=[{"quote": quote}], event={**DRAFT["event"], "part_of": part_of}))
    assert ("warning", "event.part_of", "the name Bakü appears in the tr, az text but not in the en text") in told
    assert (
        "warning",
        "body[0].quote.text",
        "the number 2019 appears in the az text but not in the tr, en text",
    ) in told


# --- readings the check cannot know (issue 13, item 2) ------------------------------------------
# A template that puts its place, its guests and the signatories of the body's documents in a case,
# and prints the dateline's city as it is; a directory with names only a guess can inflect.
ROSTER_META = """
name: {tr: Liste, az: Siyahı, en: Roster}
fields:
  - name: place
    type: place
    event: city
    label: {tr: Yer, az: Yer, en: Place}
  - name: guests
    type: people
    label: {tr: Konuklar, az: Qonaqlar, en: Guests}
  - name: platform
    type: text
    label: {tr: Platform, az: Platforma, en: Platform}
sample_release: {date: 2025-05-01, city: ankara, issuer: tr-communications}
"""
ROSTER_SOURCE = (
    "{{ release.city|upper }} {{ place|locative }} {{ platform|genitive if platform else '' }} "
    '{{ guests|map(attribute="full")|with_list(case="genitive") if guests else "" }} '
    '{{ documents|map(attribute="signatories")|sum(start=[])|map(attribute="full")|with_list(case="dative") }}\n'
)
PLAIN_SOURCE = "{{ release.city|upper }} {{ place }} {{ guests|map(attribute='full')|with_list }} {{ body }}\n"
DOUBTFUL = {"tr": "Kongre Merkezi CNN", "az": "Konqres Mərkəzi CNN", "en": "CNN Congress Center"}
DIRECTORY = {
    "places": {
        "qxr-hall": {"name": DOUBTFUL},
        "qxr-hall-word": {"name": DOUBTFUL, "reading": "word"},
        "qxr-hall-forms": {
            "name": DOUBTFUL,
            "forms": {"tr": {"locative": "Kongre Merkezi CNN'da"}, "az": {"locative": "Konqres Mərkəzi CNN-da"}},
        },
    },
    "people": {
        "jean-qxr": {
            "name": {"tr": "Jean CNN", "az": "Jean CNN", "en": "Jean CNN"},
            "title": {"tr": "Genel Müdür", "az": "Baş direktor", "en": "Director General"},
        },
    },
}


def _roster(source: str = ROSTER_SOURCE) -> Engine:
    files = {"meta.yaml": ROSTER_META, **{f"{lang}.md.j2": source for lang in ("tr", "az", "en")}}
    directory = default_directory().merged(Directory.model_validate(DIRECTORY))
    return Engine.single(Template("roster", files), directory, IN_PROCESS)


def _roster_draft(**changes: Any) -> dict[str, Any]:
    data = {**copy.deepcopy(DRAFT), "template": "roster", "fields": {"place": "istanbul"}}
    data.pop("event")
    return {**data, **changes}


READING_MESSAGES = (GUESSED_LETTERS, GUESSED_WORD, GUESSED_SPOKEN, GUESSED_IN_TEXT, NO_READING)


def _reading_warnings(engine: Engine, data: dict[str, Any]) -> list[tuple[str, str]]:
    problems = engine.check(engine.draft_from_data(data))
    return [(p.at.where(), p.message) for p in problems if p.template in READING_MESSAGES]


def test_a_name_from_the_directory_is_warned_once_per_field_and_language_with_its_form() -> None:
    told = _reading_warnings(_roster(), _roster_draft(fields={"place": "qxr-hall", "guests": ["jean-qxr"]}))
    assert [where for where, _ in told] == [
        "fields.place (tr)",
        "fields.guests[0] (tr)",  # the name, its short and its titled forms: one name, told once
        "fields.place (az)",
        "fields.guests[0] (az)",
    ]
    assert told[0][1].startswith("Kongre Merkezi CNN: the case ending is a guess, CNN read letter by letter")
    assert "(Kongre Merkezi CNN'de)" in told[0][1] and "(Konqres Mərkəzi CNN-də)" in told[2][1]
    assert "(Jean CNN'de)" in told[1][1]


def test_a_reading_or_forms_in_the_directory_settle_the_name() -> None:
    for place in ("qxr-hall-word", "qxr-hall-forms"):
        assert _reading_warnings(_roster(), _roster_draft(fields={"place": place})) == []


def test_a_field_left_to_the_event_is_warned_at_the_event() -> None:
    data = _roster_draft(fields={}, event={"date": "2025-05-09", "city": "qxr-hall"})
    assert [where for where, _ in _reading_warnings(_roster(), data)] == ["event.city (tr)", "event.city (az)"]


def test_english_takes_no_case_ending_and_is_never_warned() -> None:
    data = _roster_draft(languages=["en"], source_language="en", fields={"place": "qxr-hall"})
    assert _reading_warnings(_roster(), data) == []


def test_a_name_printed_as_it_is_is_not_warned() -> None:
    # the dateline prints the release's city as it is, the body's sentences inflect no name (a speaker)
    speaker = {"name": {"tr": "Jean CNN", "az": "Jean CNN", "en": "Jean CNN"}, "title": DOUBTFUL}
    data = _roster_draft(
        release={**DRAFT["release"], "city": "qxr-hall"},
        body=[{"quote": {**QUOTE, "speaker": speaker}}],
    )
    assert _reading_warnings(_roster(), data) == []
    assert _reading_warnings(_roster(PLAIN_SOURCE), _roster_draft(fields={"place": "qxr-hall"})) == []


def test_a_signatory_of_a_document_the_template_inflects_is_warned_at_the_signatory() -> None:
    title = {"tr": "Mutabakat Zaptı", "az": "Anlaşma Memorandumu", "en": "Memorandum of Understanding"}
    body = [
        {"paragraph": QUOTE["text"]},
        {"documents": [{"title": title, "signatories": ["fahrettin-altun", "jean-qxr"]}]},
    ]
    told = _reading_warnings(_roster(), _roster_draft(body=body))
    assert [where for where, _ in told] == [
        "body[1].documents[0].signatories[1] (tr)",
        "body[1].documents[0].signatories[1] (az)",
    ]
    assert _reading_warnings(_roster(PLAIN_SOURCE), _roster_draft(body=body)) == []


def test_a_gap_is_a_gap_not_a_reading() -> None:
    venue = {"tr": "Kongre Merkezi CNN", "en": "CNN Congress Center"}
    data = _roster_draft(fields={}, event={"date": "2025-05-09", "city": venue})
    problems = _roster().check(_roster().draft_from_data(data))
    assert {(p.severity, p.at.where()) for p in problems} == {
        ("gap", "event.city (az)"),
        ("warning", "event.city (tr)"),
    }


CANDIDATES = [
    "CNN",
    "Kongre Merkezi CNN",
    "NATO",
    "TANAP",
    "SOCAR",
    "Renaud",
    "Arnault",
    "Starmer",
    "Los Angeles",
    "Chirac",
    "Nice",
    "Bordeaux",
    "Hoca Ahmet Yesevi",
    "İstanbul",
    "ΣΦ",
    "Forum 2025",
]


@pytest.mark.parametrize("lang", ["tr", "az"])
def test_every_inflected_name_whose_reading_is_a_guess_is_warned_and_no_other(lang: str) -> None:
    # whichever names the suffix engine doubts (acronyms, foreign names), the check tells each, with
    # the form the release prints and the directory's way to settle it; names it is sure of, never
    engine = _roster()
    for text in CANDIDATES:
        data = _roster_draft(
            languages=[lang, "en"],
            source_language=lang,
            fields={},
            event={"date": "2025-05-09", "city": {lang: text, "en": text}},
        )
        told = _reading_warnings(engine, data)
        doubt = doubt_of(Name(text, kind="place"), lang)
        if doubt is None:
            assert told == [], text
            continue
        ((where, message),) = told
        assert where == f"event.city ({lang})", text
        assert message.startswith(f"{text}") and doubt.word in message, text
        assert "reading" in message and "forms" in message, text
        if "cannot take a case ending" not in message:
            assert f"({inflect(Name(text, kind='place'), 'locative', lang)})" in message, text


def test_the_directory_names_carry_the_kind_that_chooses_their_rules() -> None:
    # people: never a possessive compound (R12); an institution: no apostrophe (R2); a company keeps it
    # (R1, press usage ASELSAN’ın); places: place
    engine = _roster()
    directory = Directory.model_validate(
        {
            "organizations": {
                "cnn-co": {"name": {"tr": "CNN Holding", "az": "CNN Holdinq", "en": "CNN"}, "kind": "company"}
            }
        }
    )
    data = _roster_draft(
        release={**DRAFT["release"], "issuer": "cnn-co"}, fields={"place": "qxr-hall", "guests": ["jean-qxr"]}
    )
    context = resolve(
        engine.draft_from_data(data), engine.library.get("roster"), engine.directory.merged(directory), "tr"
    ).context
    guest = context["guests"][0]
    assert {guest.name.kind, guest.short.kind, guest.full.kind} == {"person"}
    assert context["place"].kind == context["release"].city.kind == "place"
    assert context["release"].issuer.name.kind is None
    institution = resolve(engine.draft_from_data(_roster_draft()), engine.library.get("roster"), engine.directory, "tr")
    assert institution.context["release"].issuer.name.kind == "institution"


def test_a_text_the_template_inflects_is_warned_without_a_directory_to_settle_it() -> None:
    # a platform's name is typed in the draft, yet the template puts it in the genitive
    platform = {"tr": "Ortak Medya Platformu CNN", "az": "Ortaq Media Platforması CNN", "en": "CNN Platform"}
    told = _reading_warnings(_roster(), _roster_draft(fields={"place": "istanbul", "platform": platform}))
    assert told == [
        (
            "fields.platform (tr)",
            "Ortak Medya Platformu CNN: the case ending is a guess, CNN read by a rule (Ortak Medya Platformu CNN'de); "
            "a text typed in the draft takes no reading: check the form, and if it is wrong, word the name so that "
            "it does not end in CNN",
        ),
        (
            "fields.platform (az)",
            "Ortaq Media Platforması CNN: the case ending is a guess, CNN read by a rule (Ortaq Media Platforması "
            "CNN-də); a text typed in the draft takes no reading: check the form, and if it is wrong, word the name "
            "so that it does not end in CNN",
        ),
    ]
    plain = {"tr": "Ortak Medya Platformu", "az": "Ortaq Media Platforması", "en": "Joint Media Platform"}
    assert _reading_warnings(_roster(), _roster_draft(fields={"place": "istanbul", "platform": plain})) == []
