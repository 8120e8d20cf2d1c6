"""The compose page, driven through Streamlit's AppTest: every change saved, checks that follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

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
    first_en = app.text_area(key="w-fields-quotes-0-text-en").value
    third_en = app.text_area(key="w-fields-quotes-2-text-en").value
    app.button(key="w-fields-quotes-add").click().run()
    assert app.text_area(key="w-fields-quotes-3-text-en").value == ""
    assert any("fields.quotes[3].speaker: required" in h.proto.body for h in app.get("html"))
    app.button(key="w-fields-quotes-3-remove").click().run()
    app.button(key="w-fields-quotes-2-up").click().run()
    assert app.text_area(key="w-fields-quotes-1-text-en").value == third_en
    assert app.text_area(key="w-fields-quotes-0-text-en").value == first_en
    app.button(key="w-fields-quotes-0-remove").click().run()
    assert app.text_area(key="w-fields-quotes-0-text-en").value == third_en
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
