"""Editing a draft as data: paths, rows that keep their text, stale translations."""

import copy

from pressdraft.editing import (
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
