"""A name whose case ending rests on a guessed reading, told on the compose page (issue 13, item 2):
beside the field it is chosen in and in the check panel, once per language it is inflected in, in the
interface language, linked to its field."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from pressdraft.ui.text import literal

CITY = {"tr": "Kongre Merkezi CNN", "az": "Konqres Mərkəzi CNN", "en": "CNN Congress Center"}


def _city_typed(app: AppTest) -> AppTest:
    """The example's meeting city replaced by a place typed in, whose last word no lexicon knows."""
    app.selectbox(key="w-fields-city-key").select("—").run()
    for lang, text in CITY.items():
        app.text_input(key=f"w-fields-city-{lang}").input(text).run()
    assert not app.exception
    return app


def _panel(app: AppTest) -> str:
    return " ".join(h.proto.body for h in app.get("html") if "pd-checks" in h.proto.body)


def test_a_guessed_reading_is_told_beside_its_field_and_in_the_panel_per_language(app):
    _city_typed(app)
    panel = _panel(app)
    for lang, form in (("TR", "Kongre Merkezi CNN&#x27;de"), ("AZ", "Konqres Mərkəzi CNN-də")):
        told = f"{lang} · fields.city: {CITY[lang.lower()]}: the case ending is a guess, CNN read letter by letter"
        assert panel.count(told) == 1 and f"({form})" in panel
    assert panel.count('href="#f-fields-city"') == 2 and "EN · " not in panel
    beside = [c.value for c in app.caption if "CNN" in c.value]
    assert len(beside) == 2
    assert all(literal("in the directory") in c and literal("case forms") in c for c in beside)


def test_it_is_told_in_the_interface_language(app):
    _city_typed(app).selectbox(key="ui_lang").set_value("tr").run()
    assert not app.exception
    panel = _panel(app)
    assert "TR · fields.city: Kongre Merkezi CNN: hâl eki tahmine dayanıyor, CNN harf harf okundu" in panel
    assert "AZ · fields.city: Konqres Mərkəzi CNN: hâl eki tahmine dayanıyor" in panel
    assert "the case ending is a guess" not in panel
    assert not [c.value for c in app.caption if "CNN" in c.value and "guess" in c.value]


def test_a_place_from_the_directory_is_not_told(app):
    _city_typed(app)
    app.selectbox(key="w-fields-city-key").select("istanbul").run()
    assert "CNN" not in _panel(app) and not [c for c in app.caption if "CNN" in c.value]
