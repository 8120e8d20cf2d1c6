"""Editing a draft as data: paths, rows that keep their text, stale translations."""

import copy
import json

import pytest

from pressdraft.app.editing import (
    Row,
    RowGone,
    RowIds,
    add_row,
    format_path,
    get_value,
    mark_all_translated,
    move_row,
    parse_path,
    remove_row,
    set_value,
    stale_translations,
    update_marks,
)
from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.app.workspace import Conflict, DraftEditor, EditConflict
from pressdraft.core.problems import PressdraftError


def test_paths_read_like_the_problems_that_name_them():
    assert parse_path("fields.quotes[2].text") == ("fields", "quotes", 2, "text")
    assert format_path(("fields", "quotes", 2, "text")) == "fields.quotes[2].text"


def test_setting_a_value_creates_what_is_missing_and_none_removes_it():
    data = {}
    set_value(data, ("fields", "theme", "tr"), "Tema")
    assert data == {"fields": {"theme": {"tr": "Tema"}}}
    set_value(data, ("fields", "theme", "tr"), None)
    assert data == {"fields": {"theme": {}}}


def test_moving_and_removing_rows_never_touches_the_other_rows_text():
    data = {"fields": {"committees": [{"tr": "a"}, {"tr": "b"}, {"tr": "c"}]}}
    move_row(data, ("fields", "committees"), 2, -1)
    assert [r["tr"] for r in get_value(data, ("fields", "committees"))] == ["a", "c", "b"]
    remove_row(data, ("fields", "committees"), 0)
    add_row(data, ("fields", "committees"), {})
    assert get_value(data, ("fields", "committees")) == [{"tr": "c"}, {"tr": "b"}, {}]
    move_row(data, ("fields", "committees"), 0, -1)  # out of range: nothing happens
    assert get_value(data, ("fields", "committees"))[0] == {"tr": "c"}


def test_a_translation_goes_stale_when_its_source_changes_and_fresh_when_confirmed(engine, example_data):
    template = engine.library.get("joint-meeting")
    marks = mark_all_translated(example_data, template)
    assert stale_translations(example_data, template, marks) == []
    example_data["fields"]["theme"]["tr"] = "Yeni tema"
    marks = update_marks(marks, example_data, template)
    assert stale_translations(example_data, template, marks) == [("fields.theme", "az"), ("fields.theme", "en")]
    marks = update_marks(marks, example_data, template, path="fields.theme", lang="az")
    assert stale_translations(example_data, template, marks) == [("fields.theme", "en")]
    example_data["fields"]["theme"]["en"] = "New theme"  # an edited translation is fresh
    marks = update_marks(marks, example_data, template)
    assert stale_translations(example_data, template, marks) == []


def test_a_quote_is_stale_against_its_own_source_language_even_after_rows_move(engine, example_data):
    template = engine.library.get("joint-meeting")
    marks = mark_all_translated(example_data, template)
    changed = copy.deepcopy(example_data)
    changed["fields"]["quotes"][2]["text"]["az"] += " Əlavə."  # Hajiyev spoke Azerbaijani
    move_row(changed, ("fields", "quotes"), 2, -2)
    marks = update_marks(marks, changed, template)
    assert stale_translations(changed, template, marks) == [
        ("fields.quotes[0].text", "tr"),
        ("fields.quotes[0].text", "en"),
    ]


# --- two tabs on one draft: rows by id, changes with their base ------------------------------------


class MemoryStore:
    """The store's contract for the editor (a revision-guarded save), in memory: tabs share it."""

    def __init__(self, data):
        self.data, self.marks, self.revision = copy.deepcopy(data), {}, 1

    def load_draft_state(self, draft_id):
        return copy.deepcopy(self.data), copy.deepcopy(self.marks), self.revision

    def save_draft_state(self, draft_id, data, marks, *, expected_revision, analysis):
        if expected_revision != self.revision:
            raise Conflict(*self.load_draft_state(draft_id))
        self.data, self.marks, self.revision = copy.deepcopy(data), copy.deepcopy(marks), self.revision + 1
        return self.revision

    def images_for(self, data):
        return {}


@pytest.fixture
def store(example_data):
    return MemoryStore(example_data)


@pytest.fixture
def tabs(engine, store):
    """Two tabs that opened the same draft before either changed it."""
    return DraftEditor(engine, store, "d"), DraftEditor(engine, store, "d")


QUOTES = "fields.quotes"


def english(data, field=QUOTES):
    return [row["text"]["en"] if field == QUOTES else row["en"] for row in get_value(data, parse_path(field))]


def test_a_row_deleted_in_a_stale_tab_is_the_row_that_tab_showed(tabs, store, example_data):
    a, b = tabs
    first, second, third = english(example_data)
    one, two, _ = b.row_ids(QUOTES)
    a.remove_row(QUOTES, one)
    b.remove_row(QUOTES, two)  # tab B still shows three quotes
    assert english(store.data) == [third]
    assert english(b.data) == [third] and b.row_ids(QUOTES) == a.row_ids(QUOTES)[1:]


def test_a_row_moved_in_a_stale_tab_is_the_row_that_tab_showed(tabs, store, example_data):
    a, b = tabs
    first, second, third = english(example_data)
    one, _, three = b.row_ids(QUOTES)
    a.remove_row(QUOTES, one)
    b.move_row(QUOTES, three, -1)  # from where it is now: after the second quote
    assert english(store.data) == [third, second]


def test_typing_into_a_row_of_a_stale_tab_writes_that_row_not_the_one_now_at_its_place(tabs, store, example_data):
    a, b = tabs
    first, second, third = english(example_data)
    one, _, three = b.row_ids(QUOTES)
    a.remove_row(QUOTES, one)
    new = a.add_row(QUOTES, {"source_language": "en", "text": {"en": "A new quote."}})
    b.set_text(f"{QUOTES}[@{three}].text", "en", third + " More.", base=third)  # third row on B's screen
    assert english(store.data) == [second, third + " More.", "A new quote."]
    assert b.value(f"{QUOTES}[@{new}].text.en") == "A new quote."


def test_the_same_text_changed_in_two_tabs_is_a_conflict_that_keeps_both(tabs, store):
    a, b = tabs
    seen = b.value("fields.theme.en")
    a.set_text("fields.theme", "en", "Theirs", base=seen)
    with pytest.raises(EditConflict) as caught:
        b.set_text("fields.theme", "en", "Mine", base=seen)
    conflict = caught.value
    assert (conflict.path, conflict.lang, conflict.mine, conflict.stored) == ("fields.theme", "en", "Mine", "Theirs")
    assert str(conflict) == "fields.theme (en): changed in another tab or session meanwhile; nothing was overwritten"
    assert store.data["fields"]["theme"]["en"] == "Theirs"
    assert b.value("fields.theme.en") == "Theirs"  # tab B now knows what is stored
    b.set_text("fields.theme", "en", "Mine", base=conflict.stored)  # "keep mine", knowingly
    assert store.data["fields"]["theme"]["en"] == "Mine"
    with pytest.raises(EditConflict):  # and tab A, still on its own text, is told in turn
        a.set_text("fields.theme", "en", "Theirs again", base="Theirs")


def test_changes_to_different_fields_or_rows_in_two_tabs_merge(tabs, store, example_data):
    a, b = tabs
    one, two, _ = b.row_ids(QUOTES)
    first, second, _ = english(example_data)
    a.set_text("fields.theme", "en", "Theirs", base=a.value("fields.theme.en"))
    a.set_text(f"{QUOTES}[@{one}].text", "en", "A's quote.", base=first)
    b.set_text(f"{QUOTES}[@{two}].text", "en", "B's quote.", base=second)
    b.set_text("fields.theme", "az", "Mənim", base=b.value("fields.theme.az"))
    assert store.data["fields"]["theme"]["en"] == "Theirs" and store.data["fields"]["theme"]["az"] == "Mənim"
    assert english(store.data)[:2] == ["A's quote.", "B's quote."]


def test_a_change_to_a_row_removed_elsewhere_says_so_and_writes_nothing(tabs, store, example_data):
    a, b = tabs
    one = b.row_ids(QUOTES)[0]
    first = english(example_data)[0]
    a.remove_row(QUOTES, one)
    before = copy.deepcopy(store.data)
    for change in (
        lambda: b.set_text(f"{QUOTES}[@{one}].text", "en", "Lost?", base=first),
        lambda: b.set(f"{QUOTES}[@{one}].speaker", "hikmet-hajiyev", base="fahrettin-altun"),
        lambda: b.move_row(QUOTES, one, 1),
        lambda: b.remove_row(QUOTES, one),
        lambda: b.confirm(f"{QUOTES}[@{one}].text", "az", base=None),
    ):
        with pytest.raises(RowGone) as caught:
            change()
        assert str(caught.value) == (
            "fields.quotes: this row was removed in another tab or session; "
            "reload the page to see the draft as it is now"
        )
        assert store.data == before


def test_a_list_item_in_a_stale_tab_is_found_by_its_id(tabs, store, example_data):
    a, b = tabs
    path = "fields.committees"
    ids = b.row_ids(path)
    a.remove_row(path, ids[0])
    a.move_row(path, ids[5], -1)
    b.set_text(f"{path}[@{ids[2]}]", "en", "strategic communications", base="strategic communication")
    assert english(store.data, path)[:4] == [
        "international media",
        "strategic communications",
        "education",
        "digitalization and internationalization",
    ]


def test_other_values_and_the_template_carry_their_base_too(tabs, store):
    a, b = tabs
    seen = b.value("release.issuer")
    a.set("release.issuer", "az-media", base=seen)
    with pytest.raises(EditConflict):
        b.set("release.issuer", "tr-presidency", base=seen)
    assert store.data["release"]["issuer"] == "az-media"
    with pytest.raises(EditConflict):
        b.switch_template("agreement-signing", base="another-template")
    b.switch_template("agreement-signing", base="joint-meeting")
    assert store.data["template"] == "agreement-signing"


def test_row_ids_are_saved_beside_the_data_never_in_it(tmp_path):
    settings = load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path / "data")})
    service = AppService.open(settings, template_runner())
    try:
        draft_id = service.store.list_drafts()[0].id
        fmt = "yaml"
        exported = service.draft_export(draft_id, fmt)[1]()
        a, b = service.editor(draft_id), service.editor(draft_id)
        one, two, three = a.row_ids(QUOTES)
        a.move_row(QUOTES, three, -2)
        a.move_row(QUOTES, three, 2)
        record = service.store.get_draft(draft_id)
        assert record.marks["rows"][QUOTES] == [one, two, three]
        assert "@" not in json.dumps(record.data) and not any("id" in q for q in record.data["fields"]["quotes"])
        assert service.draft_export(draft_id, fmt)[1]() == exported  # the draft file is as it was
        b.remove_row(QUOTES, two)  # a tab of another server process finds the saved ids
        assert service.editor(draft_id).row_ids(QUOTES) == [one, three]
    finally:
        service.store.close()


def test_ids_of_a_list_another_writer_changed_are_derived_again_and_name_no_other_row(engine, store):
    tab = DraftEditor(engine, store, "d")
    one, two, three = tab.row_ids(QUOTES)
    assert DraftEditor(engine, store, "d").row_ids(QUOTES) == [one, two, three]  # the same in every tab
    tab.remove_row(QUOTES, one)
    quotes = store.data["fields"]["quotes"]  # a writer that keeps no ids: a text changed, a row added
    quotes[0]["text"]["en"] = "Changed elsewhere."
    quotes.append(copy.deepcopy(quotes[1]))
    store.revision += 1
    fresh = DraftEditor(engine, store, "d").row_ids(QUOTES)
    assert len(set(fresh)) == 3 and two not in fresh and fresh[1] == three  # ids follow content, not places
    with pytest.raises(RowGone):
        tab.set_text(f"{QUOTES}[@{two}].text", "en", "Lost?", base=tab.value(f"{QUOTES}[@{two}].text.en"))
    assert store.data["fields"]["quotes"][0]["text"]["en"] == "Changed elsewhere."


def test_row_paths_read_and_write_with_ids():
    assert parse_path("fields.x[@ab12][3].items[@cd]") == ("fields", "x", Row("ab12"), 3, "items", Row("cd"))
    assert format_path(("fields", "x", Row("ab12"), "items", 2)) == "fields.x[@ab12].items[2]"
    data = {"body": [{"items": ["a", "b"]}, {"items": ["c"]}]}
    rows = RowIds()
    outer = rows.of(data, ("body",))
    inner = rows.of(data, ("body", Row(outer[1]), "items"))
    rows.move(data, ("body",), outer[1], -1)  # a list inside a row keeps its ids when the row moves
    assert rows.resolve(data, ("body", Row(outer[1]), "items", Row(inner[0]))) == ("body", 0, "items", 0)


def test_an_empty_list_has_no_row_ids_and_its_first_row_gets_one():
    data = {"fields": {"quotes": []}}
    rows = RowIds()
    assert rows.of(data, ("fields", "quotes")) == []  # it raised KeyError: no ids saved for an empty list
    data["fields"]["quotes"].append({"text": {"tr": "Bir."}})
    (first,) = rows.of(data, ("fields", "quotes"))
    assert rows.resolve(data, ("fields", "quotes", Row(first))) == ("fields", "quotes", 0)


def test_a_row_named_by_position_is_the_row_at_that_position_in_the_tab_that_named_it(tabs, store, example_data):
    a, b = tabs
    first, second, third = english(example_data)
    a.remove_row(QUOTES, 0)
    a.add_row(QUOTES, {"source_language": "en", "text": {"en": "A new quote."}})
    b.set_text(f"{QUOTES}[2].text", "en", third + " More.")  # B's third row; its base: what B shows
    assert english(b.data) == [second, third + " More.", "A new quote."]  # B now shows what is stored
    b.remove_row(QUOTES, 0)
    assert english(store.data) == [third + " More.", "A new quote."]
    with pytest.raises(RowGone):  # a position past the end, in this tab's view: no row, no IndexError
        b.set_text(f"{QUOTES}[7].text", "en", "Lost?")
    with pytest.raises(RowGone):
        b.move_row(QUOTES, 5, -1)
    a.set_text("fields.theme", "en", "Theirs")
    with pytest.raises(EditConflict):  # without a base, the base is what the tab shows
        b.set_text("fields.theme", "en", "Mine")


def test_a_list_replaced_whole_gets_ids_from_its_new_rows(tabs, store):
    a, b = tabs
    ids = b.row_ids("fields.committees")
    assert a.row_ids("fields.committees") == ids  # the form draws the rows: their ids are saved with each change
    a.set("fields.committees", [{"en": "two"}, {"en": "one"}] + [{"en": str(n)} for n in range(len(ids) - 2)])
    with pytest.raises(RowGone):  # same length as before, other rows: no old id names one of them
        b.set_text(f"fields.committees[@{ids[0]}]", "en", "Lost?", base="public diplomacy")
    assert english(store.data, "fields.committees")[:2] == ["two", "one"]


def test_saved_ids_that_do_not_fit_their_list_are_never_used(engine, store):
    original = copy.deepcopy(store.data)
    fresh = DraftEditor(engine, store, "d").row_ids(QUOTES)
    for broken in ([1, {"x": 1}, "a"], ["a", "a", "b"], ["a", "b"], "abc", None):
        store.data, store.marks = copy.deepcopy(original), {"rows": {QUOTES: broken, "fields.gone[@x].items": ["y"]}}
        tab = DraftEditor(engine, store, "d")
        assert tab.row_ids(QUOTES) == fresh  # derived from the rows, as every tab derives them
        tab.set_text(f"{QUOTES}[@{fresh[0]}].text", "en", "Fine.")
        assert store.marks["rows"] == {QUOTES: fresh}


# --- the body of a format-2 draft: blocks are rows of the list ``body`` -----------------------------


def with_body(data):
    """The example as a format-2 draft with a body: a paragraph, a quote said in Azerbaijani, two documents."""
    data = copy.deepcopy(data)
    data["format"] = 2
    data["body"] = [
        {"paragraph": {"tr": "Birinci paragraf.", "az": "Birinci abzas.", "en": "First paragraph."}},
        {
            "quote": {
                "speaker": "hikmet-hajiyev",
                "source_language": "az",
                "verb": "stress",
                "text": {"tr": "Dostluk.", "az": "Dostluq.", "en": "Friendship."},
                "setting": {"tr": "basın toplantısında", "az": "mətbuat konfransında", "en": "at the press conference"},
            }
        },
        {
            "documents": [
                {"title": {"tr": "Mutabakat", "az": "Memorandum", "en": "Memorandum"}, "signatories": ["zeynep-aksoy"]},
                {"title": {"tr": "Protokol", "az": "Protokol", "en": "Protocol"}, "signatories": ["elnur-huseynov"]},
            ]
        },
    ]
    return data


def test_a_new_draft_is_written_in_format_2_with_an_event_and_an_empty_body(engine):
    from pressdraft.app.editing import new_draft_data

    data = new_draft_data(engine.library.get("joint-meeting"), ["tr", "az", "en"], "az")
    assert (data["format"], data["event"], data["body"], data["source_language"]) == (2, {}, [], "az")
    with pytest.raises(PressdraftError) as refused:  # incomplete, but only for what the person has to fill in
        engine.draft_from_data(data)
    assert {p.at.field[0] for p in refused.value.problems} == {"fields"}


def test_every_block_kind_has_a_new_block_that_names_its_kind():
    from pressdraft.app.editing import block_kind, empty_block
    from pressdraft.core.body import BLOCK_TYPES

    for kind in BLOCK_TYPES:
        assert block_kind(empty_block(kind, "tr")) == kind
    assert empty_block("quote", "az") == {"quote": {"source_language": "az", "text": {}}}
    assert block_kind({"quote": {}, "paragraph": {}}) is None and block_kind({"poem": {}}) is None


def test_block_texts_go_stale_against_their_own_source_language(engine, example_data):
    data = with_body(example_data)
    template = engine.library.get("joint-meeting")
    marks = mark_all_translated(data, template)
    data["body"][1]["quote"]["text"]["az"] = "Dostluq və qardaşlıq."  # Hajiyev's own words changed
    data["body"][2]["documents"][1]["title"]["tr"] = "Ek protokol"  # the draft's source language is tr
    move_row(data, ("body",), 2, -2)  # swapped with the paragraph: documents, quote, paragraph
    marks = update_marks(marks, data, template)
    assert stale_translations(data, template, marks) == [
        ("body[0].documents[1].title", "az"),
        ("body[0].documents[1].title", "en"),
        ("body[1].quote.text", "tr"),
        ("body[1].quote.text", "en"),
    ]


@pytest.fixture
def body_tabs(engine, example_data):
    shared = MemoryStore(with_body(example_data))
    return DraftEditor(engine, shared, "d"), DraftEditor(engine, shared, "d"), shared


def test_blocks_are_added_moved_and_removed_by_id_in_two_tabs(body_tabs):
    first, second, shared = body_tabs
    paragraph, quoted, documents = second.row_ids("body")
    first.move_row("body", documents, -2)  # documents first, in the first tab
    second.remove_row("body", quoted)  # the second tab still shows the quote second: it is the quote that goes
    assert [next(iter(b)) for b in shared.data["body"]] == ["documents", "paragraph"]
    second.set_text(f"body[@{paragraph}].paragraph", "en", "The first paragraph, edited.")
    assert shared.data["body"][1]["paragraph"]["en"] == "The first paragraph, edited."
    new = first.add_row("body", {"subheading": {}})
    first.set_text(f"body[@{new}].subheading", "tr", "Program")
    assert shared.data["body"][2] == {"subheading": {"tr": "Program"}}


def test_a_row_inside_a_block_keeps_its_id_when_the_block_moves(body_tabs):
    first, second, shared = body_tabs
    documents = second.row_ids("body")[2]
    protocol = second.row_ids(f"body[@{documents}].documents")[1]
    first.move_row("body", documents, -1)
    second.set_text(f"body[@{documents}].documents[@{protocol}].title", "en", "Additional Protocol")
    assert shared.data["body"][1]["documents"][1]["title"]["en"] == "Additional Protocol"


def test_the_same_block_text_changed_in_two_tabs_is_a_conflict_and_other_blocks_merge(body_tabs):
    first, second, shared = body_tabs
    paragraph, quoted, _ = first.row_ids("body")
    seen = second.value(f"body[@{quoted}].quote.text.en")
    first.set_text(f"body[@{quoted}].quote.text", "en", "Friendship, first tab.", base=seen)
    second.set_text(f"body[@{paragraph}].paragraph", "en", "Another block: merged.")
    with pytest.raises(EditConflict) as conflict:
        second.set_text(f"body[@{quoted}].quote.text", "en", "Friendship, second tab.", base=seen)
    assert (conflict.value.path, conflict.value.lang, conflict.value.stored) == (
        "body[1].quote.text",
        "en",
        "Friendship, first tab.",
    )
    assert shared.data["body"][1]["quote"]["text"]["en"] == "Friendship, first tab."
    assert shared.data["body"][0]["paragraph"]["en"] == "Another block: merged."
