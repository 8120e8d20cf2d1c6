"""The compose page's review bar in the real app, as signed-in people of each role use it."""

from __future__ import annotations

import pytest
from test_roles import as_user, office, texts  # noqa: F401  (office: the fixture every test here uses)

from pressdraft.app.review import OWN_CHANGES

pytestmark = pytest.mark.usefixtures("office")


def bar_keys(at) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith("review-")]


def badge(at) -> str:
    return next(m.value for m in at.markdown if "-badge[" in m.value)


def test_a_drafter_sends_for_review_an_editor_approves_and_the_form_is_frozen_until_withdrawn():
    deniz = as_user("deniz@example.org")
    assert "Draft" in badge(deniz) and bar_keys(deniz) == ["review-submit"]
    assert not deniz.selectbox(key="w-template").disabled

    deniz.button(key="review-submit").click().run()
    assert "In review" in badge(deniz) and bar_keys(deniz) == ["review-withdraw"]  # no approving for a drafter

    emre = as_user("emre@example.org")
    assert bar_keys(emre) == ["review-request_changes", "review-approve", "review-withdraw"]
    assert not emre.button(key="review-approve").disabled
    emre.button(key="review-approve").click().run()
    assert "Approved" in badge(emre) and "review-publish" in bar_keys(emre)
    assert emre.selectbox(key="w-template").disabled  # read-only, with the reason
    assert "This release is approved: withdraw the approval to change it" in texts(emre)

    deniz.run()  # the drafter's page, open all along, is told once
    told = [i.value for i in deniz.info if "changed this release" in i.value]
    assert len(told) == 1 and told[0].startswith("emre@example.org changed this release to “Approved” at ")
    assert deniz.selectbox(key="w-template").disabled
    assert deniz.button(key="review-withdraw").label == "Withdraw approval to edit"
    deniz.run()
    assert not [i for i in deniz.info if "changed this release" in i.value]

    deniz.button(key="review-withdraw").click().run()
    assert "Draft" in badge(deniz) and not deniz.selectbox(key="w-template").disabled


def test_an_editor_who_sent_the_release_sees_approve_disabled_saying_why():
    emre = as_user("emre@example.org")
    emre.button(key="review-submit").click().run()

    approve = emre.button(key="review-approve")
    assert approve.disabled and approve.help == OWN_CHANGES


def test_an_editor_publishes_and_the_files_that_went_out_are_listed_for_download():
    as_user("deniz@example.org").button(key="review-submit").click().run()
    emre = as_user("emre@example.org")
    emre.button(key="review-approve").click().run()
    emre.button(key="review-publish").click().run()

    assert not emre.exception and "Published" in badge(emre)
    assert "What went out" in [e.label for e in emre.expander]
    files = [d.proto.label for d in emre.get("download_button") if "published-" in d.proto.id]
    stem = "2021-10-23_turkiye-azerbaycan-ortak-medya-platformu-ilk-toplantisini"
    assert files == [f"{stem}_{langs}.docx" for langs in ("az", "en", "tr-az-en", "tr")]  # each language, side by side


def test_an_administrator_relaxes_four_eyes_on_the_admin_page_and_an_editor_may_approve_own_changes():
    emre = as_user("emre@example.org")
    emre.button(key="review-submit").click().run()
    assert emre.button(key="review-approve").disabled

    admin = as_user("ayse@example.org", page="admin")
    assert admin.toggle(key="four-eyes").value is True
    admin.toggle(key="four-eyes").set_value(False).run()
    assert not admin.exception and admin.toggle(key="four-eyes").value is False

    emre.run()
    assert not emre.button(key="review-approve").disabled
