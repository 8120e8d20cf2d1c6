"""Signing in for real in browser tests: a local OpenID Connect provider (``oidc-provider-mock``) in its
own process, the app under ``streamlit run`` with an ``[auth]`` secrets file naming it and an allowlist,
and a browser tab that signs in through the provider's form."""

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
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from app_server import free_port, stop_process
from helpers import new_context, wait_for_app

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def oidc_provider(folder: Path, accounts: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """The provider on a loopback port, knowing each account (subject: claims); yields its issuer URL."""
    if importlib.util.find_spec("oidc_provider_mock") is None:
        pytest.skip("oidc-provider-mock is not installed (requirements.txt has it)")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"{issuer}/.well-known/openid-configuration", process, folder / "provider.log")
        for subject, values in accounts.items():
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


def people(names: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Accounts whose subject is their verified e-mail address, by address: name."""
    return {email: {"email": email, "email_verified": True, "name": name} for email, name in names.items()}


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
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

    def __init__(self, folder: Path, issuer: str, allowlist: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        folder.mkdir(parents=True, exist_ok=True)
        self.secrets = write_secrets(folder / "secrets.toml", self.url, issuer)
        self.log = folder / "server.log"
        environ = {
            **os.environ,
            "PRESSDRAFT_DATA_DIR": str(folder / "data"),
            "PRESSDRAFT_UI_LANGUAGE": "en",
            "PRESSDRAFT_ALLOWLIST": allowlist,
            "STREAMLIT_SECRETS_FILES": str(self.secrets),  # Streamlit's option secrets.files
        }
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=self._log_file, stderr=subprocess.STDOUT)
        wait_for(f"{self.url}/_stcore/health", self.process, self.log)

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")[-5000:]

    def stop(self) -> None:
        stop_process(self.process)
        self._log_file.close()


@contextlib.contextmanager
def signed_in_tab(browser: Any, office: SignInServer, email: str, shot: Any = None) -> Iterator[Any]:
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
