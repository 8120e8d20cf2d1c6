"""The draft's own checks (``pipeline/draft_checks.py``, docs/checks.md; issue 12, item 5).

Each names the field and says what to do; each is a warning (the release renders, a person should
look), and a number left to the approval is an info line. A correct draft gets none of them.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pressdraft.core.directory import default_directory
from pressdraft.core.library import Template
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

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
SOURCE = "{{ release.date }} {{ event.venue or '' }} {{ text }}\n"
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
    # R8 (TDK): an abbreviation takes its ending by the reading of its last letter, so "XYZ Merkezi"
    # is safe and a place named "... XYZ" is read letter by letter (XYZ'de) unless the directory says
    venue = {"tr": "Kongre Merkezi XYZ", "az": "Konqres Mərkəzi XYZ", "en": "XYZ Congress Center"}
    told = _told(_checked(engine, event={**DRAFT["event"], "venue": venue}))
    assert [(severity, where) for severity, where, _ in told] == [
        ("warning", "event.venue (tr)"),
        ("warning", "event.venue (az)"),
    ]
    assert "XYZ will be read letter by letter before a case ending (Kongre Merkezi XYZ'de)" in told[0][2]
    # free text is the drafter's: the ending written there is theirs
    text = {"tr": "XYZ'de görüşüldü.", "az": "XYZ-də görüşülüb.", "en": "Met at XYZ."}
    assert _checked(engine, fields={**DRAFT["fields"], "text": text}) == []


def test_a_name_no_reading_can_be_guessed_for_is_told_so(engine: Engine) -> None:
    # letters of another alphabet have no Turkish or Azerbaijani names: no ending can be chosen
    venue = {"tr": "Forum ΣΦ", "az": "Forum ΣΦ", "en": "Forum ΣΦ"}
    told = _told(_checked(engine, event={**DRAFT["event"], "venue": venue}))
    assert [where for _, where, _ in told] == ["event.venue (tr)", "event.venue (az)"]
    assert told[0][2] == ("ΣΦ cannot take a case ending: how it is read is unknown; give its reading in the directory")


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
