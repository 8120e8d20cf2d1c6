"""Sign-in for real: Chromium, the app under ``streamlit run`` with an ``[auth]`` secrets file,
and a local OpenID Connect provider (``oidc-provider-mock``) that the test starts on a free
loopback port. An admin signs in and reads the audit log, a drafter cannot reach the template
editor, and a user not on the allowlist is refused and signs out.

Screenshots (1280x800) go to the test's folder, and to ``PRESSDRAFT_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import by_key, choose, wait_for_app
from oidc import SignInServer, navigation, oidc_provider, people, signed_in_tab

pytestmark = pytest.mark.browser

ALLOWLIST = "ayse@example.org=admin, emre@example.org=editor, deniz@example.org=drafter, kemal@example.org=editor"
PEOPLE = {
    "ayse@example.org": "Ayşe Yılmaz",
    "deniz@example.org": "Deniz Kaya",
    "stranger@example.org": "Sam Stranger",
}
# Accounts (subject: claims) at the provider that must not get in as someone on the allowlist.
IMPOSTORS = {
    "long-s": {"email": "ay\u017fe@example.org", "email_verified": True},  # "ſ".casefold() == "s"
    "kelvin": {"email": "\u212aemal@example.org", "email_verified": True},  # "K".lower() == "k"
    "unverified-missing": {"email": "emre@example.org"},
    "unverified-false-string": {"email": "emre@example.org", "email_verified": "false"},
    "unverified-true-string": {"email": "emre@example.org", "email_verified": "true"},
    "deniz-elsewhere": {"email": "deniz@example.org", "email_verified": True, "name": "Deniz (another account)"},
}


@pytest.fixture(scope="module")
def provider(tmp_path_factory) -> Iterator[str]:
    """The provider, knowing each person and impostor: one per test file, since a test changes nothing
    in it (each signs in from a fresh browser, whose session at the provider is its own)."""
    with oidc_provider(tmp_path_factory.mktemp("provider"), {**people(PEOPLE), **IMPOSTORS}) as issuer:
        yield issuer


@pytest.fixture
def office(browser, provider, tmp_path, request) -> Iterator[SignInServer]:
    server = SignInServer(tmp_path / "office", provider, ALLOWLIST)
    yield server
    server.stop()
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        print(f"server output:\n{server.output()}")


@pytest.fixture
def shots(tmp_path) -> Iterator[object]:
    folders = [tmp_path / "screenshots"]
    if os.environ.get("PRESSDRAFT_SCREENSHOTS"):
        folders.append(Path(os.environ["PRESSDRAFT_SCREENSHOTS"]))

    def shot(page, name: str) -> None:
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{name}.png"))

    yield shot


def test_an_admin_signs_in_changes_the_directory_and_reads_it_in_the_audit_log(browser, office, shots):
    with signed_in_tab(browser, office, "ayse@example.org", shots) as page:
        sidebar = page.locator("[data-testid='stSidebar']")
        assert "Signed in as Ayşe Yılmaz <ayse@example.org> (administrator)" in sidebar.inner_text()
        assert navigation(page) == [
            "Compose",
            "Drafts",
            "History",
            "Archive",
            "Directory",
            "Templates",
            "Administration",
        ]
        shots(page, "admin-compose")

        page.goto(f"{office.url}/directory")
        wait_for_app(page)
        page.get_by_role("tab", name="Places").click()
        by_key(page, "save-places").locator("button").click()
        wait_for_app(page)
        assert page.get_by_text("Saved.").is_visible()

        page.goto(f"{office.url}/admin")
        wait_for_app(page)
        table = by_key(page, "audit-table--0")
        table.wait_for()
        shots(page, "admin-audit-log")
        assert page.get_by_text("Entries 1–").is_visible()
        with page.expect_download() as download:
            by_key(page, "audit-csv").locator("button").click()
        exported = Path(download.value.path()).read_text("utf-8-sig")
        assert "ayse@example.org,directory.save,directory,directory" in exported
        assert "(settings file or environment),settings.changed,setting,allowlist" in exported

        page.get_by_role("tab", name="Users and roles").click()
        page.wait_for_timeout(500)
        shots(page, "admin-users")


def test_a_drafter_cannot_reach_the_template_editor(browser, office, shots):
    with signed_in_tab(browser, office, "deniz@example.org") as page:
        assert navigation(page) == ["Compose", "Drafts", "History", "Archive", "Directory"]
        assert (
            "Signed in as Deniz Kaya <deniz@example.org> (drafter)"
            in page.locator("[data-testid='stSidebar']").inner_text()
        )
        page.goto(f"{office.url}/templates")
        wait_for_app(page)
        assert page.get_by_text("Your role (drafter) does not include this page.").is_visible()
        assert page.locator("iframe[title*='streamlit_ace']").count() == 0
        assert by_key(page, "tpl-pick").count() == 0
        shots(page, "drafter-templates-refused")

        page.goto(f"{office.url}/directory")
        wait_for_app(page)
        assert page.get_by_text("Read only: editors and administrators change the directory.").is_visible()
        assert page.locator("[class*='st-key-save-']").count() == 0
        shots(page, "drafter-directory")


def test_a_user_not_on_the_allowlist_is_refused_and_signs_out(browser, office, shots):
    with signed_in_tab(browser, office, "stranger@example.org") as page:
        body = page.locator("body")
        assert "No access" in body.inner_text()
        assert "You are signed in as stranger@example.org, but this address is not on the list" in body.inner_text()
        assert navigation(page) == []
        shots(page, "stranger-refused")
        page.goto(f"{office.url}/drafts")  # no other page is reachable either
        wait_for_app(page)
        assert "No access" in body.inner_text() and "New release" not in body.inner_text()

        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/oauth2/end_session**", timeout=30_000)  # the provider ends its session too
        page.get_by_role("button", name="End session").click()
        page.wait_for_url(f"{office.url}/**", timeout=30_000)
        wait_for_app(page)
        page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
        assert "No access" not in body.inner_text()


REFUSED = {
    "long-s": "Your sign-in provider gave the address ay\u017fe@example.org, which is not a plain ASCII",
    "kelvin": "Your sign-in provider gave the address \u212aemal@example.org, which is not a plain ASCII",
    "unverified-missing": "Your sign-in provider has not verified the address emre@example.org",
    "unverified-false-string": "Your sign-in provider has not verified the address emre@example.org",
    "unverified-true-string": "Your sign-in provider has not verified the address emre@example.org",
}


def test_look_alikes_and_addresses_not_verified_by_the_json_true_are_refused(browser, office, shots):
    for subject, said in REFUSED.items():  # one server, a fresh browser each
        with signed_in_tab(browser, office, subject) as page:
            body = page.locator("body")
            assert "No access" in body.inner_text() and said in body.inner_text(), subject
            assert navigation(page) == [] and "Signed in as" not in body.inner_text(), subject
            shots(page, f"refused-{subject}")
            page.goto(f"{office.url}/admin")
            wait_for_app(page)
            assert "No access" in body.inner_text() and "Audit log" not in body.inner_text(), subject


def test_another_account_with_a_bound_address_is_refused_until_an_admin_releases_the_binding(browser, office, shots):
    with signed_in_tab(browser, office, "deniz@example.org") as page:  # the first sign-in binds the address
        assert navigation(page) == ["Compose", "Drafts", "History", "Archive", "Directory"]

    with signed_in_tab(browser, office, "deniz-elsewhere") as page:  # same address, another subject
        text = page.locator("body").inner_text()
        assert "No access" in text and navigation(page) == []
        assert "The address deniz@example.org is bound to the sign-in account it was first used with" in text
        assert "ask an administrator to release the binding of deniz@example.org" in text
        shots(page, "refused-another-account")

    with signed_in_tab(browser, office, "ayse@example.org") as page:
        page.goto(f"{office.url}/admin")
        wait_for_app(page)
        with page.expect_download() as download:
            by_key(page, "audit-csv").locator("button").click()
        exported = Path(download.value.path()).read_text("utf-8-sig")
        assert "deniz@example.org,account.bind,account,deniz@example.org" in exported
        refused = next(line for line in exported.splitlines() if ",account.refused," in line)
        assert "deniz-elsewhere" in refused and "email_verified" in refused  # the raw claims of the refused sign-in
        page.get_by_role("tab", name="Users and roles").click()
        choose(page, "binding-pick", "deniz@example.org")
        by_key(page, "binding-release").locator("button").click()
        wait_for_app(page)
        assert page.get_by_text("The binding of deniz@example.org is released").is_visible()
        shots(page, "admin-binding-released")

    with signed_in_tab(browser, office, "deniz-elsewhere") as page:  # e.g. Deniz's new account: binds anew
        assert navigation(page) == ["Compose", "Drafts", "History", "Archive", "Directory"]
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert "Signed in as Deniz (another account) <deniz@example.org> (drafter)" in sidebar
