"""Property tests over the whole pipeline: draft data → model → Markdown → DOCX → python-docx.

Any draft of the ``joint-meeting`` template that the model accepts renders, in each of its
languages and as the side-by-side edition, to DOCX files that python-docx reopens with every
localized value in them (after the text gate's normalisation, and the whitespace and
quotation-mark changes the templates make on purpose). Anything refused is refused with
problems that each name a field. Texts are drawn from everything that gets pasted into a
form: Markdown and HTML markup, Turkish and Azerbaijani letters, combining marks, controls,
bidi and zero-width characters, right-to-left scripts, emoji, lone surrogates.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pressdraft.core.problems import PressdraftError
from pressdraft.document.export import Edition, slugify
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.safety.text import clean_text

ENGINE = Engine.default(IN_PROCESS)
DIRECTORY = ENGINE.directory
PEOPLE = sorted(DIRECTORY.people)
PLACES = sorted(DIRECTORY.places)
LANGS = ("tr", "az", "en")

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: no flaky CI
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- texts ---------------------------------------------------------------------------------------

MARKUP = list("*#_[]<>`\\{}~&!|-+=.:;,()'\"“”‘’«»„…") + [
    "1.",
    "- ",
    "> ",
    "# ",
    "```",
    "<b>",
    "&amp;",
    "[x](ms-word:a)",
]
LETTERS = list("çğıİöşüÇĞÖŞÜəƏxqXQ")
COMBINING = [chr(c) for c in range(0x300, 0x370)]
CONTROLS = [chr(c) for c in [*range(0, 32), *range(0x7F, 0xA0)]] + ["\ufffe", "\uffff", "\ud800", "\udfff"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202a", "\u2066", "\u200f", "\U000e0041"]
BREAKS = ["\n", "\n\n", "\r\n", "\v", "\f", "\u2028", "\u2029", "\t", "\u00a0", "\u3000"]
RTL = list("مرحبا بالعالم שלום")
EMOJI = ["🇹🇷", "🇦🇿", "👍🏽", "👨‍👩‍👧", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "☕", "😀"]
LOOKALIKES = ["ә", "Ә", "ǝ", "Ǝ", "ä", "Ä"]

pieces = st.one_of(
    st.text(min_size=1, max_size=8),  # anything, including unassigned and private-use code points
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=10),
    *(st.sampled_from(group) for group in (MARKUP, LETTERS, COMBINING, CONTROLS, INVISIBLE, BREAKS, RTL, EMOJI)),
    st.sampled_from(LOOKALIKES),
)


def texts(max_pieces: int = 12) -> st.SearchStrategy[str]:
    """A text that usually has words in it, made of pieces of every hostile kind."""
    return st.lists(pieces, min_size=0, max_size=max_pieces).map("".join)


def words(max_pieces: int = 12) -> st.SearchStrategy[str]:
    """A text that is not blank (so a required field is filled), however odd the rest."""
    return st.tuples(
        st.text(alphabet="abcçdeəfgğhıijklmnoöpqrsştuüvxyz", min_size=1, max_size=6), texts(max_pieces)
    ).map(lambda pair: pair[0] + pair[1])


def localized(strategy: st.SearchStrategy[str], langs: list[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({lang: strategy for lang in langs})


@st.composite
def drafts(draw: Any) -> dict[str, Any]:
    """The plain data of a joint-meeting draft, as a file or the form would give it."""
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True))
    line, long = words(), words(30)
    fields: dict[str, Any] = {
        "platform": draw(localized(line, langs)),
        "meeting_number": draw(st.integers(min_value=1, max_value=10_000)),
        "date": draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))).isoformat(),
        "city": draw(st.one_of(st.sampled_from(PLACES), localized(words(6), langs))),
        "chairs": draw(
            st.lists(
                st.one_of(
                    st.sampled_from(PEOPLE),
                    st.fixed_dictionaries({"name": localized(words(6), langs), "title": localized(words(8), langs)}),
                ),
                min_size=1,
                max_size=3,
                unique_by=lambda p: p if isinstance(p, str) else id(p),
            )
        ),
    }
    optional = {
        "headline": localized(line, langs),
        "subheadline": localized(line, langs),
        "theme": localized(line, langs),
        "attendees": localized(line, langs),
        "committees": st.lists(localized(words(6), langs), min_size=1, max_size=6),
        "quotes": st.lists(
            st.fixed_dictionaries(
                {
                    "speaker": st.sampled_from(PEOPLE),
                    "source_language": st.sampled_from(langs),
                    "text": localized(long, langs),
                }
            ),
            min_size=1,
            max_size=3,
        ),
        "background": localized(st.lists(long, min_size=1, max_size=3).map("\n\n".join), langs),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            fields[name] = draw(strategy)
    return {
        "format": 1,
        "template": "joint-meeting",
        "languages": langs,
        "source_language": draw(st.sampled_from(langs)),
        "release": {
            "date": fields["date"],
            "city": draw(st.sampled_from(PLACES)),
            "issuer": draw(st.sampled_from(sorted(DIRECTORY.organizations))),
            "contacts": draw(st.lists(st.sampled_from(sorted(DIRECTORY.contacts)), max_size=2, unique=True)),
        },
        "fields": fields,
    }


# --- what a document must contain --------------------------------------------------------------------

_QUOTES = str.maketrans({c: "'" for c in "“”‘’«»„\"'"})
_EDGES = " '.,;:!?…"


def normal(text: str) -> str:
    """Whitespace as one space, every quotation mark as one: how the templates may change a value."""
    return " ".join(text.translate(_QUOTES).split())


def fragments(value: str) -> list[str]:
    """What of a stored value must appear in the document: each line, its edge punctuation aside
    (a quote's final period becomes a comma, a theme gets quotation marks)."""
    out = []
    for line in re.split(r"\n", clean_text(value)):
        piece = normal(line).strip(_EDGES)
        if piece:
            out.append(piece)
    return out


def localized_values(data: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """``(path, text)`` of every localized value of the draft in ``lang`` that the release shows."""
    fields = data["fields"]
    found: list[tuple[str, str]] = []

    def add(path: str, value: Any) -> None:
        if isinstance(value, dict) and isinstance(value.get(lang), str):
            found.append((path, value[lang]))

    for name in ("platform", "theme", "attendees", "background"):
        add(f"fields.{name}", fields.get(name))
    for name in ("headline", "subheadline"):  # a blank override keeps what the template proposes
        if isinstance(fields.get(name), dict) and clean_text(fields[name].get(lang, "")).strip():
            add(f"fields.{name}", fields[name])
    add("fields.city", fields["city"])
    for i, chair in enumerate(fields["chairs"]):
        if isinstance(chair, dict):
            add(f"fields.chairs[{i}].name", chair["name"])
            add(f"fields.chairs[{i}].title", chair["title"])
    for i, item in enumerate(fields.get("committees", [])):
        add(f"fields.committees[{i}]", item)
    for i, quote in enumerate(fields.get("quotes", [])):
        add(f"fields.quotes[{i}].text", quote["text"])
    return found


def document_text(data: bytes) -> str:
    """All the text of a DOCX, body paragraphs and table cells alike, as python-docx reads it."""
    document = Document(io.BytesIO(data))
    return "\n".join(Paragraph(p, document).text for p in document.element.body.iter(qn("w:p")))


def assert_preserved(data: dict[str, Any], lang: str, docx: bytes, what: str) -> None:
    text = normal(document_text(docx))
    for path, value in localized_values(data, lang):
        for piece in fragments(value):
            assert piece in text, f"{what}: {path} ({lang}) {piece!r} is not in the document"


def assert_field_named(error: PressdraftError) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.path, f"a problem names no field: {problem}"


# --- the properties ---------------------------------------------------------------------------------


@SETTINGS
@given(drafts())
def test_any_accepted_draft_renders_to_documents_that_keep_its_text(data):
    try:
        draft = ENGINE.draft_from_data(data)
        rendition = ENGINE.render(draft)
    except PressdraftError as error:
        assert_field_named(error)
        event(f"refused: {error.problems[0].template}")
        return
    event("rendered")
    edition = Edition(rendition)
    for lang in draft.languages:
        assert_preserved(data, lang, edition.docx(lang), f"the {lang} DOCX")
    if len(draft.languages) > 1:
        side_by_side = edition.side_by_side()
        for lang in draft.languages:
            assert_preserved(data, lang, side_by_side, "the side-by-side DOCX")
    names = [f.name for f in edition.files(["docx", "md", "txt"], side_by_side=True)]
    assert len(names) == len(set(names)) == 3 * len(draft.languages) + (len(draft.languages) > 1)


def _damage(draw: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The same draft with one thing wrong: a bad type, an unknown key, a text too long..."""
    fields = data["fields"]
    lang = data["languages"][0]
    kind = draw(st.sampled_from(["number", "key", "unknown", "long", "list", "language", "date", "speaker"]))
    if kind == "number":
        fields["meeting_number"] = draw(st.one_of(st.text(max_size=5), st.floats(), st.none()))
    elif kind == "key":
        fields["city"] = draw(st.sampled_from(["Kars!", "", "KARS", "kars-", "x" * 81]))
    elif kind == "unknown":
        fields[draw(st.sampled_from(["platfrom", "theme2", "x"]))] = {"tr": "a"}
    elif kind == "long":
        name, limit = draw(st.sampled_from([("platform", 500), ("attendees", 500), ("background", 20_000)]))
        fields[name] = {lang: "a" * limit + draw(words(3)) + "b"}
    elif kind == "list":
        fields["committees"] = draw(st.sampled_from(["a committee", {"tr": "x"}, [1, 2]]))
    elif kind == "language":
        fields["platform"] = {"de": "Plattform"}
    elif kind == "date":
        fields["date"] = draw(st.sampled_from(["2021-02-30", "yesterday", "23.10.2021"]))
    else:
        fields["quotes"] = [{"speaker": "nobody-known", "source_language": lang, "text": {lang: "x"}}]
    return data


@SETTINGS
@given(st.data())
def test_anything_refused_is_refused_with_a_field_named_message(data_strategy):
    data = _damage(data_strategy.draw, data_strategy.draw(drafts()))
    try:
        draft = ENGINE.draft_from_data(data)
        problems = [p for p in ENGINE.check(draft, data) if p.severity != "warning"]
        ENGINE.render(draft)
    except PressdraftError as error:
        assert_field_named(error)
        return
    assert not problems  # rendered: nothing was wrong after all (e.g. a number that was a number)


def test_an_unknown_speaker_makes_rendering_refuse_naming_the_field(example_data):
    """Found by the property above: the refusal used to fail with TypeError (problems are not hashable)."""
    example_data["fields"]["quotes"][0]["speaker"] = "nobody-known"
    example_data["fields"]["quotes"][1]["speaker"] = "nobody-known"
    try:
        ENGINE.render(ENGINE.draft_from_data(example_data))
    except PressdraftError as error:
        assert [str(p) for p in error.problems] == [
            "fields.quotes[0].speaker: unknown person 'nobody-known'",
            "fields.quotes[1].speaker: unknown person 'nobody-known'",
        ]
    else:
        raise AssertionError("an unknown speaker was rendered")


def test_a_range_in_a_title_keeps_its_dash_in_the_file_name():
    # "20–21 Kasım" is two days, not the year 2021: the en dash becomes the slug's hyphen
    assert slugify("Forum 20–21 Kasım tarihlerinde") == "forum-20-21-kasim-tarihlerinde"
