"""Sign-in for real: Chromium, the app under ``streamlit run`` with an ``[auth]`` secrets file,
and a local OpenID Connect provider (``oidc-provider-mock``) that the test starts on a free
loopback port. An admin signs in and reads the audit log, a drafter cannot reach the template
editor, and a user not on the allowlist is refused and signs out.

Screenshots (1280x800) go to the test's folder, and to ``PRESSDRAFT_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from app_server import free_port, stop_process
from helpers import by_key, choose, new_context, wait_for_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
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
    """The OpenID Connect provider in its own process on a loopback port, knowing each person: one per
    test file, since a test changes nothing in it (each signs in from a fresh browser, whose session
    at the provider is its own)."""
    if importlib.util.find_spec("oidc_provider_mock") is None:
        pytest.skip("oidc-provider-mock is not installed (requirements.txt has it)")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    tmp_path = tmp_path_factory.mktemp("provider")
    log = (tmp_path / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(f"{issuer}/.well-known/openid-configuration", process, tmp_path / "provider.log")
        people = {email: {"email": email, "email_verified": True, "name": name} for email, name in PEOPLE.items()}
        for subject, values in {**people, **IMPOSTORS}.items():
            claims = json.dumps(values).encode()
            headers = {"Content-Type": "application/json"}
            url = f"{issuer}/users/{quote(subject)}"
            request = urllib.request.Request(url, data=claims, method="PUT", headers=headers)
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 204
        yield issuer
    finally:
        stop_process(process)
        log.close()


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url}: the server died:\n{log.read_text('utf-8', 'replace')[-5000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer in {timeout} s:\n{log.read_text('utf-8', 'replace')[-5000:]}")


def write_secrets(path: Path, url: str, issuer: str) -> Path:
    """Streamlit's secrets with an ``[auth]`` section: the app at ``url`` signs in with ``issuer``."""
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(48)}"\n'
        'client_id = "pressdraft"\n'
        f'client_secret = "{secrets.token_urlsafe(24)}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        "utf-8",
    )
    return path


class SignInServer:
    """``streamlit run app.py`` with an ``[auth]`` secrets file naming the provider, and an allowlist."""

    def __init__(self, folder: Path, issuer: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        folder.mkdir(parents=True, exist_ok=True)
        self.secrets = write_secrets(folder / "secrets.toml", self.url, issuer)
        self.log = folder / "server.log"
        environ = {
            **os.environ,
            "PRESSDRAFT_DATA_DIR": str(folder / "data"),
            "PRESSDRAFT_UI_LANGUAGE": "en",
            "PRESSDRAFT_ALLOWLIST": ALLOWLIST,
            "STREAMLIT_SECRETS_FILES": str(self.secrets),  # Streamlit's option secrets.files
        }
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=self._log_file, stderr=subprocess.STDOUT)
        _wait_for(f"{self.url}/_stcore/health", self.process, self.log)

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")[-5000:]

    def stop(self) -> None:
        stop_process(self.process)
        self._log_file.close()


@pytest.fixture
def office(browser, provider, tmp_path, request) -> Iterator[SignInServer]:
    server = SignInServer(tmp_path / "office", provider)
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


@contextlib.contextmanager
def signed_in_tab(browser, office: SignInServer, email: str, shot=None) -> Iterator[Any]:
    """A page in a fresh browser (no cookie) that signs in as ``email`` (the provider's subject) through
    its form; the browser is closed afterwards."""
    context = new_context(browser, viewport={"width": 1280, "height": 800}, accept_downloads=True)
    try:
        page = context.new_page()
        sign_in(page, office.url, email, shot)
        yield page
    finally:
        context.close()


def sign_in(page, url: str, subject: str, shot=None) -> None:
    """Open the app at ``url`` and sign in as ``subject`` through the provider's form."""
    page.goto(url)
    wait_for_app(page)
    if shot:
        shot(page, "sign-in")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=30_000)
    wait_for_app(page)


def navigation(page) -> list[str]:
    """The titles of the navigation's links (each link's text ends with its title, after its icon)."""
    return [text.split("\n")[-1] for text in page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()]


def test_an_admin_signs_in_changes_the_directory_and_reads_it_in_the_audit_log(browser, office, shots):
    with signed_in_tab(browser, office, "ayse@example.org", shots) as page:
        sidebar = page.locator("[data-testid='stSidebar']")
        assert "Signed in as Ayşe Yılmaz <ayse@example.org> (administrator)" in sidebar.inner_text()
        assert navigation(page) == ["Compose", "Drafts", "Directory", "Templates", "Administration"]
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
        assert navigation(page) == ["Compose", "Drafts", "Directory"]
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
        assert navigation(page) == ["Compose", "Drafts", "Directory"]

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
        assert navigation(page) == ["Compose", "Drafts", "Directory"]
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert "Signed in as Deniz (another account) <deniz@example.org> (drafter)" in sidebar
