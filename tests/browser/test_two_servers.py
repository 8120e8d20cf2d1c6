"""Several app servers on one PostgreSQL database behind nginx, driven by two browsers.

Two ``streamlit run`` servers share ``PRESSDRAFT_DATABASE_URL`` (migrated first with
``pressdraft db upgrade``, as docs/deploy.md says) and a cookie secret, behind a local nginx
configured by ``deploy/nginx.conf.template`` itself, with sticky sessions. A draft changed
through one server is seen through the other. Behind nginx the servers need sign-in (local
mode refuses proxied requests): each browser signs in through nginx with the local OpenID
Connect provider (``oidc.py``), as an admin of the allowlist.

Skips, saying why, without Chromium, nginx or a PostgreSQL server
(``PRESSDRAFT_TEST_POSTGRES_URL``, a role that may create databases); CI has all three.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from app_server import free_port, stop_process
from helpers import by_key, new_context, type_into, wait_for_app
from oidc import oidc_provider, people, sign_in, write_secrets
from playwright.sync_api import expect
from postgres_databases import empty_postgres_database

from pressdraft.core.files import read_data
from pressdraft.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.two_servers]

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
ROUTE_COOKIE = "pressdraft_server"
USER = "ayse@example.org"  # known to this file's provider


@pytest.fixture(scope="module")
def provider(tmp_path_factory) -> Iterator[str]:
    """The OpenID Connect provider, knowing the admin: one for the file."""
    with oidc_provider(tmp_path_factory.mktemp("provider"), people({USER: "Ayşe Yılmaz"})) as issuer:
        yield issuer


SERVED_BY = "X-Pressdraft-Server"


class Nginx:
    """nginx on a free port with the deployment's configuration, run by the current user.

    Its folder (pid, logs, temporary files) is readable by all, so that nginx started by root,
    whose workers run as ``nobody``, can use its temporary files too.
    """

    def __init__(self, upstreams: list[str], port: int | None = None):
        assert NGINX is not None
        self.dir = Path(tempfile.mkdtemp(prefix="pressdraft-nginx-"))
        self.dir.chmod(0o755)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = string.Template(TEMPLATE.read_text("utf-8")).safe_substitute(
            NGINX_DIR=str(self.dir),
            LISTEN=f"127.0.0.1:{self.port}",
            MAX_BODY="16m",
            APP_SERVERS=" ".join(f"server {address};" for address in upstreams),
        )
        unfilled = [line for line in config.splitlines() if "${" in line and not line.lstrip().startswith("#")]
        assert not unfilled, f"placeholders left unfilled: {unfilled}"
        self.config = self.dir / "nginx.conf"
        self.config.write_text(config, "utf-8")
        base = [NGINX, "-c", str(self.config), "-p", str(self.dir), "-e", str(self.dir / "error.log")]
        checked = subprocess.run([*base, "-t"], capture_output=True, text=True)
        assert checked.returncode == 0, f"nginx refuses the configuration:\n{checked.stderr}"
        self.process = subprocess.Popen(
            [*base, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"nginx died:\n{self.errors()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"nginx did not listen in 15 s:\n{self.errors()}")

    def errors(self) -> str:
        log = self.dir / "error.log"
        return log.read_text("utf-8", "replace")[-5000:] if log.exists() else "(no error log)"

    def served_by(self, route: str | None, path: str = "/_stcore/health") -> tuple[str, str]:
        """Which app server answers a request with this route cookie, and the cookie set back."""
        request = urllib.request.Request(self.url + path)
        if route is not None:
            request.add_header("Cookie", f"{ROUTE_COOKIE}={route}")
        with urllib.request.urlopen(request, timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
            routes = [m.group(1) for c in cookies if (m := re.match(rf"{ROUTE_COOKIE}=([^;]+)", c))]
            return response.headers[SERVED_BY], routes[0] if routes else ""

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def shared_database() -> Iterator[str]:
    """A new PostgreSQL database for the servers to share, dropped afterwards."""
    with empty_postgres_database(
        "pressdraft_servers", "(a PostgreSQL role that may create databases) to run this test"
    ) as url:
        yield url


@pytest.fixture
def nginx_installed() -> None:
    if NGINX is None:
        pytest.skip("no nginx found (install Debian's 'nginx' package to run the several-servers test)")


@pytest.fixture
def cluster(browser, nginx_installed, start_server, shared_database, provider, tmp_path, request):
    """Two app servers on one migrated PostgreSQL database, behind nginx, signing in with the
    provider at nginx's address (one ``[auth]`` for both, as docs/deploy.md says): (a, b, nginx)."""
    upgraded = subprocess.run(
        [sys.executable, "-m", "pressdraft.cli", "db", "upgrade", "--database-url", shared_database],
        capture_output=True,
        text=True,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    assert "applied 0001" in upgraded.stdout
    port = free_port()
    env = {
        "PRESSDRAFT_DATABASE_URL": shared_database,
        "PRESSDRAFT_ALLOWLIST": f"{USER}=admin",
        "STREAMLIT_SECRETS_FILES": str(write_secrets(tmp_path / "secrets.toml", f"http://127.0.0.1:{port}", provider)),
        "STREAMLIT_SERVER_COOKIE_SECRET": uuid.uuid4().hex,  # one secret for all servers (st.login)
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",  # as in production: no reruns on file changes
    }
    a, b = start_server("server-a", env), start_server("server-b", env)
    balancer = Nginx([f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"], port)
    yield a, b, balancer
    balancer.stop()
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        print(f"nginx errors:\n{balancer.errors()}")


def routes_to_each_server(balancer: Nginx, addresses: list[str]) -> dict[str, str]:
    """A route cookie value that nginx sends to each server (found by asking it)."""
    found: dict[str, str] = {}
    for attempt in range(200):
        route = f"route-{attempt}"
        served, _ = balancer.served_by(route)
        found.setdefault(served, route)
        if set(found) >= set(addresses):
            return found
    pytest.fail(f"nginx sent 200 route keys only to {sorted(found)}, not to all of {addresses}")


def shows(page, key: str, value: str) -> None:
    """The field shows ``value`` (waiting while the page loads: a value is never read half-drawn)."""
    expect(by_key(page, key).locator("input").first).to_have_value(value, timeout=15_000)


def open_page(browser, balancer: Nginx, route: str):
    """A browser kept on one server by its route cookie, signed in through nginx."""
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": ROUTE_COOKIE, "value": route, "url": balancer.url}])
    page = context.new_page()
    sign_in(page, balancer.url, USER)
    return context, page


def test_nginx_sticks_a_browser_to_one_server_and_spreads_browsers(cluster):
    a, b, balancer = cluster
    addresses = [f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"]
    served, route = balancer.served_by(None)  # a first visit: nginx picks a key and sets it
    assert served in addresses and route
    for _ in range(5):
        assert balancer.served_by(route) == (served, route)  # and keeps the browser there
    routes = routes_to_each_server(balancer, addresses)
    for address, key in routes.items():
        assert all(balancer.served_by(key)[0] == address for _ in range(3))


def test_a_draft_changed_through_one_server_is_seen_through_the_other(browser, cluster, shared_database):
    a, b, balancer = cluster
    with open_store(shared_database) as store:  # the shipped example, as an import would store it
        draft_id = store.create_draft(read_data(EXAMPLE.read_text("utf-8"), "yaml"), owner="local").id
    address_a, address_b = f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"
    routes = routes_to_each_server(balancer, [address_a, address_b])
    context_a, page_a = open_page(browser, balancer, routes[address_a])
    context_b, page_b = open_page(browser, balancer, routes[address_b])
    try:
        # browser 1, through nginx, lands on server A (websocket included) and edits the release
        response = page_a.goto(f"{balancer.url}/?draft={draft_id}")
        assert response is not None and response.headers[SERVED_BY.lower()] == address_a
        wait_for_app(page_a)
        assert parse_qs(urlsplit(page_a.url).query)["draft"] == [draft_id]
        shows(page_a, "w-fields-platform-en", "Turkey-Azerbaijan Joint Media Platform")
        type_into(page_a, "w-fields-platform-en", "Typed on server A")
        type_into(page_a, "w-fields-platform-az", "A serverində yazılıb")

        # browser 2 opens the same ?draft= URL through nginx, which keeps it on B; it changes the draft there
        response = page_b.goto(f"{balancer.url}/?draft={draft_id}")
        assert response is not None and response.headers[SERVED_BY.lower()] == address_b
        wait_for_app(page_b)
        shows(page_b, "w-fields-platform-en", "Typed on server A")
        shows(page_b, "w-fields-platform-az", "A serverində yazılıb")
        type_into(page_b, "w-fields-platform-tr", "B sunucusunda değişti")
        type_into(page_b, "w-fields-platform-en", "Changed on server B")

        # browser 1 reloads through nginx, still on server A, and sees B's changes
        response = page_a.reload()
        assert response is not None and response.headers[SERVED_BY.lower()] == address_a
        wait_for_app(page_a)
        shows(page_a, "w-fields-platform-en", "Changed on server B")
        shows(page_a, "w-fields-platform-tr", "B sunucusunda değişti")
        shows(page_a, "w-fields-platform-az", "A serverində yazılıb")
        with open_store(shared_database) as store:  # and in the database both servers share
            assert store.get_draft(draft_id).data["fields"]["platform"]["en"] == "Changed on server B"
    finally:
        context_a.close()
        context_b.close()


def test_two_editors_of_one_template_on_different_servers_get_the_conflict_refusal(browser, cluster):
    from helpers import choose
    from test_templates_in_browser import edit_en_source, english_preview, save

    a, b, balancer = cluster
    routes = routes_to_each_server(balancer, [f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"])
    context_a, page_a = open_page(browser, balancer, routes[f"127.0.0.1:{a.port}"])
    context_b, page_b = open_page(browser, balancer, routes[f"127.0.0.1:{b.port}"])
    try:
        for page, server in ((page_a, a), (page_b, b)):  # both open the editor before either saves
            response = page.goto(f"{balancer.url}/templates")
            assert response is not None and response.headers[SERVED_BY.lower()] == f"127.0.0.1:{server.port}"
            wait_for_app(page)
            choose(page, "tpl-pick", "joint-meeting")
        edit_en_source(page_a, "Added on server A.")
        save(page_a, "from A")
        assert "Saved as version 1." in page_a.locator("body").inner_text()

        edit_en_source(page_b, "Added on server B.")
        save(page_b, "from B")
        refusal = page_b.locator("[data-testid=stAlert]").filter(has_text="Not saved").inner_text()
        assert "saved version 1 meanwhile" in refusal and "Nothing was overwritten" in refusal
        assert "Added on server A." in page_b.locator("[data-testid=stCode]").first.inner_text()  # the diff

        page_a.reload()
        wait_for_app(page_a)
        choose(page_a, "tpl-pick", "joint-meeting")
        assert "Added on server A." in english_preview(page_a)
        assert by_key(page_a, "tpl-version-1").is_visible() and by_key(page_a, "tpl-version-2").count() == 0
    finally:
        context_a.close()
        context_b.close()
