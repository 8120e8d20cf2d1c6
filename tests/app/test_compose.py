"""The compose page, driven through Streamlit's AppTest: every change saved, checks that follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest
from widgets import quote

from pressdraft.ui.text import literal

APP = Path(__file__).resolve().parents[2] / "app.py"


def markdown_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_app_opens_with_the_example_release_loaded(app):
    assert literal("İstanbul'da yaptı") in app.subheader[0].value
    assert app.text_input(key="w-fields-theme-az").value == "Köklü keçmiş, güclü gələcək"
    assert "TR: complete · AZ: complete · EN: complete" in markdown_texts(app)
    assert "draft" in app.query_params


def test_a_change_is_saved_at_once_and_survives_a_new_session(app):
    draft_id = app.query_params["draft"]
    draft_id = draft_id[0] if isinstance(draft_id, list) else draft_id
    app.text_input(key="w-fields-attendees-en").input("senior officials of both countries").run()
    assert not app.exception
    fresh = AppTest.from_file(str(APP), default_timeout=60)  # a reload: a new, empty session
    fresh.query_params["draft"] = draft_id
    fresh.run()
    assert fresh.text_input(key="w-fields-attendees-en").value == "senior officials of both countries"


def test_a_missing_translation_is_counted_per_language_and_listed(app):
    app.text_input(key="w-fields-theme-az").input("").run()
    assert "TR: complete · AZ: 1 missing · EN: complete" in markdown_texts(app)
    checks = " ".join(h.proto.body for h in app.get("html"))
    assert "fields.theme: missing" in checks and 'href="#f-fields-theme"' in checks


def test_changing_the_source_text_flags_its_translations_stale_until_confirmed(app):
    app.text_input(key="w-fields-theme-tr").input("Köklü Geçmiş, Parlak Gelecek").run()
    stale = [c.value for c in app.caption if "Stale" in c.value]
    assert len(stale) == 2
    app.button(key="w-fields-theme-az-confirm").click().run()
    assert len([c for c in app.caption if "Stale" in c.value]) == 1
    app.text_input(key="w-fields-theme-en").input("Rooted Past, Bright Future").run()
    assert not [c for c in app.caption if "Stale" in c.value]


def test_adding_moving_and_removing_quotes_never_loses_the_other_rows_text(app):
    first_en = app.text_area(key=quote(app, 0, "text-en")).value
    third_en = app.text_area(key=quote(app, 2, "text-en")).value
    app.button(key="w-fields-quotes-add").click().run()
    assert app.text_area(key=quote(app, 3, "text-en")).value == ""
    assert any("fields.quotes[3].speaker: required" in h.proto.body for h in app.get("html"))
    app.button(key=quote(app, 3, "remove")).click().run()
    app.button(key=quote(app, 2, "up")).click().run()
    assert app.text_area(key=quote(app, 1, "text-en")).value == third_en
    assert app.text_area(key=quote(app, 0, "text-en")).value == first_en
    app.button(key=quote(app, 0, "remove")).click().run()
    assert app.text_area(key=quote(app, 0, "text-en")).value == third_en
    assert not app.exception


def test_a_new_release_is_filled_from_scratch(app):
    app.button(key="new-release").click().run()
    assert not app.exception
    assert app.text_input(key="w-fields-platform-tr").value == ""
    for lang, name in {
        "tr": "Türk-Azerbaycan Enerji Komisyonu",
        "az": "Türk-Azərbaycan Enerji Komissiyası",
        "en": "Turkish-Azerbaijani Energy Commission",
    }.items():
        app.text_input(key=f"w-fields-platform-{lang}").input(name).run()
    app.number_input(key="w-fields-meeting-number").set_value(3).run()
    app.date_input(key="w-fields-date").set_value(dt.date(2026, 11, 20)).run()
    app.selectbox(key="w-fields-city-key").set_value("kars").run()
    app.multiselect(key="w-fields-chairs-keys").set_value(["hikmet-hajiyev"]).run()
    assert not app.exception
    assert "TR: complete · AZ: complete · EN: complete" in markdown_texts(app)
    assert literal("Türk-Azerbaycan Enerji Komisyonu üçüncü toplantısını Kars'ta yaptı") in app.subheader[0].value
    labels = [b.proto.label for b in app.get("download_button")]
    assert {"TR", "AZ", "EN", "TR-AZ-EN"} <= set(labels)


def test_the_interface_speaks_the_chosen_language(app, monkeypatch):
    app.selectbox(key="ui_lang").set_value("tr").run()
    assert app.text_input(key="w-fields-theme-tr").label == "TR · kaynak"
    assert app.button(key="new-release").label == "Yeni bülten"
    assert not app.exception
    monkeypatch.setenv("PRESSDRAFT_UI_LANGUAGE", "az")  # another session, another default
    st.cache_resource.clear()
    other = AppTest.from_file(str(APP), default_timeout=60)
    other.run()
    assert other.text_input(key="w-fields-theme-tr").label == "TR · mənbə"
    assert "TR: tamdır · AZ: tamdır · EN: tamdır" in markdown_texts(other)


# --- two tabs on one draft --------------------------------------------------------------------------


def second_tab(app: AppTest) -> AppTest:
    """Another tab on the same draft (a new session of the same server)."""
    draft_id = app.query_params["draft"]
    other = AppTest.from_file(str(APP), default_timeout=60)
    other.query_params["draft"] = draft_id[0] if isinstance(draft_id, list) else draft_id
    other.run()
    return other


def stored(app: AppTest) -> dict:
    from pressdraft.app.settings import load_settings
    from pressdraft.store import open_store

    draft_id = app.query_params["draft"]
    store = open_store(load_settings()["database_url"])
    try:
        return store.get_draft(draft_id[0] if isinstance(draft_id, list) else draft_id).data
    finally:
        store.close()


def quotes_en(data: dict) -> list[str]:
    return [q["text"]["en"] for q in data["fields"]["quotes"]]


def test_a_quote_removed_in_a_stale_tab_is_the_quote_it_showed(app):
    other = second_tab(app)
    first, second, third = quotes_en(stored(app))
    app.button(key=quote(app, 0, "remove")).click().run()
    other.button(key=quote(other, 1, "remove")).click().run()  # the second tab still shows three quotes
    assert not other.exception and quotes_en(stored(app)) == [third]
    assert [other.text_area(key=quote(other, n, "text-en")).value for n in range(1)] == [third]


def test_typing_into_a_quote_removed_in_another_tab_says_so_and_writes_nothing(app):
    other = second_tab(app)
    before = quotes_en(stored(app))
    app.button(key=quote(app, 0, "remove")).click().run()
    other.text_area(key=quote(other, 0, "text-en")).input("Typed into a removed quote.").run()
    assert not other.exception
    assert quotes_en(stored(app)) == before[1:]
    assert any("this row was removed in another tab or session" in w.value for w in other.warning)


def test_the_same_field_typed_in_two_tabs_is_shown_as_a_conflict_and_either_text_can_be_taken(app):
    other = second_tab(app)
    app.text_input(key="w-fields-theme-en").input("Theirs").run()
    other.text_input(key="w-fields-theme-en").input("Mine").run()
    assert not other.exception
    assert stored(app)["fields"]["theme"]["en"] == "Theirs"  # nothing overwritten
    assert other.text_input(key="w-fields-theme-en").value == "Mine"  # nothing typed lost
    assert any("fields.theme · EN was changed in another tab or session" in w.value for w in other.warning)
    assert "Theirs" in [t.value for t in other.text]
    other.button(key="w-fields-theme-en-keep").click().run()
    assert stored(app)["fields"]["theme"]["en"] == "Mine"
    assert not [w for w in other.warning if "changed in another tab" in w.value]
    app.text_input(key="w-fields-theme-en").input("Theirs again").run()  # the first tab is told in turn
    app.button(key="w-fields-theme-en-take").click().run()
    assert app.text_input(key="w-fields-theme-en").value == "Mine"
    assert stored(app)["fields"]["theme"]["en"] == "Mine" and not app.exception
