"""The drafts page as the worklist, run through AppTest: its filters narrow the list, come from a
shared link, go back into the URL, and survive a rerun and a return to the page without a link."""

from __future__ import annotations

import datetime as dt

import pytest
from draft_states import set_state
from streamlit.testing.v1 import AppTest

from pressdraft.store import open_store
from pressdraft.store.schema import STATUSES
from pressdraft.ui.labels import STATUS_LABELS
from pressdraft.ui.text import literal

SAMPLE = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"


def drafts_page() -> None:
    """The drafts page, or another page (nothing of the drafts page drawn) while ``elsewhere`` is set."""
    import streamlit as st

    from pressdraft.ui import drafts

    if not st.session_state.get("elsewhere"):
        drafts.page()


@pytest.fixture
def office(data_dir) -> AppTest:
    """The page after a first run (the sample release made), with a colleague's draft in review,
    changed after the sample, and one more of the colleague's in the plain draft state."""
    at = AppTest.from_function(drafts_page, default_timeout=60)
    at.run()
    with open_store(f"sqlite:///{data_dir / 'pressdraft.db'}") as store:
        (sample,) = store.list_drafts()
        data = store.get_draft(sample.id).data
        review = store.create_draft(data, owner="elvin@example.org", title="Bakı görüşü").id
        set_state(store, review, "in_review", by="elvin@example.org", changed=dt.datetime.now(dt.UTC))
        store.create_draft(data, owner="elvin@example.org", title="Gəncə")
    return at


def titles(at: AppTest) -> list[str]:
    return [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]


def test_every_state_has_a_label_and_a_badge_colour():
    assert list(STATUS_LABELS) == list(STATUSES)


def test_the_filters_narrow_the_list_and_show_in_the_url(office):
    at = office.run()
    assert not at.exception
    assert titles(at) == ["Gəncə", "Bakı görüşü", literal(SAMPLE)]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert badges == [":gray-badge[Draft]", ":orange-badge[In review]", ":gray-badge[Draft]"]
    assert "TR: complete · AZ: complete · EN: complete" in at.caption[0].value

    at.selectbox(key="wl-status").set_value("in_review").run()
    assert titles(at) == ["Bakı görüşü"]
    assert at.query_params["status"] == "in_review"

    at.selectbox(key="wl-status").set_value(None)
    at.selectbox(key="wl-owner").set_value("person").run()
    at.selectbox(key="wl-person").set_value("elvin@example.org")
    at.selectbox(key="wl-sort").set_value("oldest").run()
    assert titles(at) == ["Bakı görüşü", "Gəncə"]
    assert dict(at.query_params) == {"owner": "elvin@example.org", "sort": "oldest"}

    at.selectbox(key="wl-owner").set_value("me").run()
    assert titles(at) == [literal(SAMPLE)]  # local mode: the sample release is the local user's
    assert not at.exception


def test_waiting_for_my_review_shows_what_others_submitted(office):
    at = office.run()
    at.toggle(key="wl-waiting").set_value(True).run()
    assert titles(at) == ["Bakı görüşü"]
    assert at.query_params["waiting"] == "1"
    at.selectbox(key="wl-status").set_value("approved").run()
    assert titles(at) == []
    assert at.caption[0].value == "No drafts match these filters."


def test_a_shared_link_sets_the_filters(office):
    at = AppTest.from_function(drafts_page, default_timeout=60)
    at.query_params.update({"status": "draft", "owner": "elvin@example.org", "other": "kept"})
    at.run()
    assert not at.exception
    assert at.selectbox(key="wl-status").value == "draft"
    assert (at.selectbox(key="wl-owner").value, at.selectbox(key="wl-person").value) == (
        "person",
        "elvin@example.org",
    )
    assert titles(at) == ["Gəncə"]
    assert at.query_params["other"] == "kept"


def test_the_filters_survive_a_rerun_and_a_return_without_a_link(office):
    at = office.run()
    at.selectbox(key="wl-status").set_value("in_review").run()
    at.run()
    assert at.selectbox(key="wl-status").value == "in_review"
    at.session_state["elsewhere"] = True  # another page: the worklist's widgets and their state go
    at.run()
    assert "wl-status" not in at.session_state
    at.query_params.clear()  # a return through the navigation, with no filters in the URL
    at.session_state["elsewhere"] = False
    at.run()
    assert at.selectbox(key="wl-status").value == "in_review"
    assert titles(at) == ["Bakı görüşü"]
    assert at.query_params["status"] == "in_review"
