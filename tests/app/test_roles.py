"""Sign-in and roles in the real app through AppTest: what each role sees, may open and may do.

A provider is "configured" by giving the run Streamlit secrets with an ``[auth]`` section, and
the user by ``AppTest.user`` (the claims ``st.user`` reads); the real sign-in against an OpenID
Connect provider is tested in the browser (tests/browser/test_sign_in.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from pressdraft.app.trust import template_runner
from pressdraft.ui.text import literal

APP = Path(__file__).resolve().parents[2] / "app.py"
AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "not-a-real-secret-but-long-enough-for-a-test",
        "client_id": "pressdraft",
        "client_secret": "pressdraft",
        "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration",
    }
}
ALLOWLIST = "ayse@example.org=admin, emre@example.org=editor, deniz@example.org=drafter"
ISSUER = "http://localhost:9400"


@pytest.fixture
def office(data_dir, monkeypatch):
    """An installation with a sign-in provider and an allowlist of three people."""
    monkeypatch.setenv("PRESSDRAFT_ALLOWLIST", ALLOWLIST)
    return data_dir


def claims(email: str, **more) -> dict:
    """What ``st.user`` holds for someone the provider signed in: a verified address, an issuer, a subject."""
    return {"is_logged_in": True, "email": email, "email_verified": True, "iss": ISSUER, "sub": f"sub-{email}", **more}


def as_user(email: str | None, *, page: str = "", provider: bool = True, **more) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if provider:
        at.secrets = dict(AUTH)
        at.user = {"is_logged_in": False} if email is None else claims(email, **more)
    if page:
        at._page_hash = calc_hash(page)  # what opening /<page> in the browser asks for
    at.run()
    assert not at.exception, at.exception
    return at


def menu(email: str | None, *, provider: bool = True) -> list[str]:
    """The pages the navigation lists for a user."""

    def script() -> None:
        import streamlit as st

        from pressdraft.ui.pages import PAGES, page

        st.text(" ".join(name for name in PAGES if page(name).visibility == "visible"))

    at = AppTest.from_function(script, default_timeout=60)
    if provider:
        at.secrets = dict(AUTH)
        at.user = claims(email)
    at.run()
    assert not at.exception, at.exception
    return at.text[0].value.split()


def texts(at: AppTest) -> str:
    return "\n".join([e.value for e in (*at.markdown, *at.caption, *at.text, *at.warning, *at.info, *at.error)])


def refused(at: AppTest) -> bool:
    return any("does not include this page" in w.value for w in at.warning)


def test_each_role_sees_the_pages_it_may_use(office):
    assert menu("deniz@example.org") == ["compose", "drafts", "history", "archive", "directory"]
    assert menu("emre@example.org") == ["compose", "drafts", "history", "archive", "directory", "templates"]
    assert menu("ayse@example.org") == ["compose", "drafts", "history", "archive", "directory", "templates", "admin"]


def test_local_mode_has_every_role_and_says_so(data_dir):
    assert menu(None, provider=False) == ["compose", "drafts", "history", "archive", "directory", "templates", "admin"]
    at = as_user(None, provider=False)
    assert "Local mode: no sign-in, one user with every role." in [c.value.split(" ", 1)[1] for c in at.sidebar.caption]
    assert not [b for b in at.button if b.key == "sign-out"]
    at = as_user(None, page="admin", provider=False)
    assert [t.label for t in at.tabs] == ["Audit log", "Users and roles", "Settings"]
    assert "Local mode: no sign-in provider is configured" in texts(at)


def test_a_drafter_cannot_reach_the_template_editor_the_administration_or_directory_editing(office):
    at = as_user("deniz@example.org")
    assert "Signed in as deniz@example.org (drafter)" in [t.value for t in at.sidebar.text]
    assert [b.label for b in at.button if b.key == "sign-out"] == ["Sign out"]

    templates = as_user("deniz@example.org", page="templates")
    assert refused(templates) and "Your role (drafter)" in texts(templates)
    assert not templates.dataframe and not [s for s in templates.selectbox if s.key == "tpl-pick"]

    admin = as_user("deniz@example.org", page="admin")
    assert refused(admin) and not admin.tabs

    directory = as_user("deniz@example.org", page="directory")
    assert "Read only: editors and administrators change the directory." in texts(directory)
    assert len(directory.dataframe) == 4 and all(not d.proto.editing_mode for d in directory.dataframe)  # READ_ONLY
    assert not [b for b in directory.button if (b.key or "").startswith("save-")]


def test_a_drafter_trashes_own_drafts_only_and_never_deletes_for_good(office):
    for email in ("emre@example.org", "deniz@example.org"):  # each starts a release of their own
        as_user(email, page="drafts").button(key="drafts-new-release").click().run()
    deniz = as_user("deniz@example.org", page="drafts")
    keys = [b.key or "" for b in deniz.button]
    owners = [c.value for c in deniz.caption if "owner:" in c.value]
    assert any("owner: " + literal("deniz@example.org") in o for o in owners)
    assert any("owner: " + literal("emre@example.org") in o for o in owners)
    assert any("owner: local" in o for o in owners)  # the sample release, seeded by the installation
    assert sum(k.startswith("del-") for k in keys) == 1  # their own, not emre's or the sample
    assert sum(k.startswith("open-") for k in keys) == 3  # but every draft is shared
    own = next(k for k in keys if k.startswith("del-"))
    deniz.button(key=own).click().run()
    keys = [b.key or "" for b in deniz.button]
    assert f"restore-{own.removeprefix('del-')}" in keys and not any(k.startswith("purge-") for k in keys)


def test_an_editor_edits_templates_and_the_directory_but_cannot_administer(office):
    templates = as_user("emre@example.org", page="templates")
    assert not refused(templates) and "joint-meeting" in list(templates.dataframe[0].value["Key"])
    directory = as_user("emre@example.org", page="directory")
    assert len([b for b in directory.button if (b.key or "").startswith("save-")]) == 4
    assert all(d.proto.editing_mode for d in directory.dataframe)  # editable
    assert refused(as_user("emre@example.org", page="admin"))


def test_an_admin_reads_the_audit_log_users_and_settings_and_purges_the_trash(office):
    at = as_user("ayse@example.org", page="drafts")
    sample = next(b.key for b in at.button if (b.key or "").startswith("del-"))
    at.button(key=sample).click().run()
    purge = f"purge-{sample.removeprefix('del-')}"
    at.button(key=purge).click().run()
    assert not at.exception

    admin = as_user("ayse@example.org", page="admin")
    assert [t.label for t in admin.tabs] == ["Audit log", "Users and roles", "Settings"]
    log = admin.dataframe[0].value
    assert list(log["Who"][:2]) == ["ayse@example.org", "ayse@example.org"]
    assert list(log["What"][:2]) == ["draft deleted for good", "draft moved to the trash"]
    assert "setting changed" in list(log["What"])  # the allowlist, recorded when the server started
    users = admin.dataframe[1].value
    assert list(users["E-mail"]) == ["ayse@example.org", "emre@example.org", "deniz@example.org"]
    assert list(users["Role"]) == ["administrator", "editor", "drafter"]
    bound = admin.dataframe[2].value  # who signed in, bound to their provider account
    assert list(bound["E-mail"]) == ["ayse@example.org"] and list(bound["Subject"]) == ["sub-ayse@example.org"]
    settings = admin.dataframe[3].value
    assert "allowlist" in list(settings["Setting"])
    assert [b.proto.label for b in admin.get("download_button")] == ["Export CSV", "Export JSON"]

    admin.selectbox(key="audit-type").set_value("setting").run()
    assert set(admin.dataframe[0].value["What"]) == {"setting changed"}


def test_a_user_not_on_the_allowlist_is_refused_and_can_sign_out(office):
    at = as_user("stranger@example.org", page="templates")
    assert "No access" in texts(at)
    assert "You are signed in as stranger@example.org, but this address is not on the list" in texts(at)
    assert not at.sidebar.text and not at.dataframe
    at.button(key="sign-out").click().run()
    assert at.user == {"is_logged_in": False}
    at.run()  # the browser comes back signed out
    assert [b.label for b in at.button] == ["Sign in"]


def test_a_signed_out_visitor_sees_only_the_sign_in_page(office):
    at = as_user(None, page="admin")
    assert [b.label for b in at.button] == ["Sign in"]
    assert "Sign in with your organization's account to continue." in texts(at)
    assert not at.tabs and not at.dataframe


def test_an_allowlist_without_a_provider_refuses_everyone(office):
    at = as_user(None, provider=False)
    assert "Sign-in is not set up correctly" in texts(at)
    assert not at.button and not at.text_input


# --- roles enforced below the pages; drafts emptied put back (issue 18) ------------------------


def new_entry_inputs(at: AppTest) -> list[str]:
    """The "add a new person / place" popovers of the compose form (their key fields)."""
    return [t.key for t in at.text_input if (t.key or "").endswith("-new-key")]


def test_only_roles_that_edit_the_directory_get_the_forms_add_new_popovers(office):
    assert not new_entry_inputs(as_user("deniz@example.org"))
    assert new_entry_inputs(as_user("emre@example.org"))


def comment_boxes(at: AppTest) -> list[str]:
    """The "Comment" popovers beside the compose form's fields and blocks (their text areas)."""
    return [t.key for t in at.text_area if (t.key or "").startswith("comment-")]


def test_only_roles_that_may_comment_get_a_comment_popover_beside_each_field_in_review(office):
    from pressdraft.app.auth import Account
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings

    assert not comment_boxes(as_user("emre@example.org"))  # while the release is drafted: none
    service = AppService.open(load_settings(), template_runner())
    try:
        sample = service.draft_summaries()[0].id
        service.for_user(Account("deniz@example.org", "drafter")).review.submit(sample)
    finally:
        service.store.close()
    assert not comment_boxes(as_user("deniz@example.org"))
    assert "comment-fields.theme-text" in comment_boxes(as_user("emre@example.org"))


def test_an_admin_sees_a_drafters_wipe_in_the_audit_log_and_puts_the_draft_back(office):
    from pressdraft.app.auth import Account
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings

    as_user("ayse@example.org")  # the installation exists, with its sample release
    service = AppService.open(load_settings(), template_runner())
    try:
        sample = service.draft_summaries()[0].id
        original = service.store.get_draft(sample).data
        service.for_user(Account("deniz@example.org", "drafter")).editor(sample).set("fields", {})

        admin = as_user("ayse@example.org", page="admin")
        log = admin.dataframe[0].value
        assert list(log["Who"][:1]) == ["deniz@example.org"] and list(log["What"][:1]) == ["draft emptied"]
        assert '"data"' not in log["Before"][0] and '"characters"' in log["Before"][0]  # the data is in the details
        admin.session_state["audit-table--0"] = {"selection": {"rows": [0], "columns": []}}
        admin.run()
        admin.button(key=next(b.key for b in admin.button if (b.key or "").startswith("audit-recover-"))).click().run()
        assert not admin.exception
        assert service.store.get_draft(sample).data == original
    finally:
        service.store.close()


def test_another_account_with_a_bound_address_is_refused_until_an_admin_releases_the_binding(office):
    as_user("deniz@example.org")  # the first sign-in binds the address to this account
    impostor = as_user("deniz@example.org", page="drafts", sub="someone-else")
    assert "No access" in texts(impostor) and not impostor.sidebar.text
    assert "The address deniz@example.org is bound to the sign-in account it was first used with" in texts(impostor)
    assert "ask an administrator to release the binding of deniz@example.org" in texts(impostor)

    admin = as_user("ayse@example.org", page="admin")
    assert list(admin.dataframe[2].value["E-mail"]) == ["ayse@example.org", "deniz@example.org"]
    admin.selectbox(key="binding-pick").set_value("deniz@example.org")
    admin.button(key="binding-release").click().run()
    assert not admin.exception
    assert "The binding of deniz@example.org is released" in admin.success[0].value
    assert list(admin.dataframe[2].value["E-mail"]) == ["ayse@example.org"]
    log = admin.dataframe[0].value
    assert (log["Who"][0], log["What"][0]) == ("ayse@example.org", "account binding released")

    moved = as_user("deniz@example.org", sub="someone-else")  # e.g. a new provider: binds anew
    assert "Signed in as deniz@example.org (drafter)" in [t.value for t in moved.sidebar.text]
    assert "No access" in texts(as_user("deniz@example.org", page="drafts"))  # the old account is refused now


@pytest.mark.parametrize("email", ["ayſe@example.org", "\u212aemal@example.org"])
def test_a_look_alike_of_an_allowlisted_address_is_refused(office, monkeypatch, email):
    monkeypatch.setenv("PRESSDRAFT_ALLOWLIST", ALLOWLIST + ", kemal@example.org=editor")
    at = as_user(email, page="admin")
    assert "No access" in texts(at) and "which is not a plain ASCII e-mail address" in texts(at)
    assert not at.tabs and not at.sidebar.text


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "without sign-in (local mode)"), ("tr", "oturum açma olmadan"), ("az", "daxil olmadan")],
)
def test_local_mode_refuses_a_request_from_another_host_in_each_language(data_dir, monkeypatch, lang, words):
    from pressdraft.ui import state

    monkeypatch.setenv("PRESSDRAFT_UI_LANGUAGE", lang)
    proxied = [("Host", "press.example.org"), ("X-Forwarded-For", "10.0.0.7"), ("Origin", "https://press.example.org")]
    monkeypatch.setattr(state, "connection", lambda: (proxied, "10.0.0.2"))
    at = as_user(None, page="admin", provider=False)
    assert words in texts(at) and "docs/sign-in.md" in texts(at)
    assert not at.tabs and not at.dataframe and not at.sidebar.caption
    assert not [b for b in at.button if b.key == "sign-out"]


def test_sign_in_with_claims_from_request_headers_refuses_everyone(office):
    from streamlit import config

    config.set_option("server.trustedUserHeaders", {"X-Email": "email"})
    try:
        at = as_user("ayse@example.org", page="admin")
    finally:
        config.set_option("server.trustedUserHeaders", {})
    assert "Sign-in is not set up correctly: Streamlit's server.trustedUserHeaders is set" in texts(at)
    assert not at.tabs and not at.sidebar.text
