"""Local mode (no sign-in provider: every role for whoever is served) answers only a browser on
this machine. The same server reached through the nginx of docs/deploy.md, or with a header a
proxy adds, shows only a refusal saying how to set up sign-in; on 127.0.0.1 it works as before.
"""

from __future__ import annotations

import pytest
from helpers import wait_for_app
from test_two_servers import Nginx, nginx_installed  # noqa: F401 (nginx_installed is a fixture)

pytestmark = pytest.mark.browser

REFUSAL = "pressdraft runs here without sign-in (local mode)"


def body_after(page, url: str) -> str:
    page.goto(url)
    wait_for_app(page)
    return page.locator("body").inner_text()


def test_local_mode_behind_nginx_shows_only_the_refusal(browser, nginx_installed, server):  # noqa: F811
    balancer = Nginx([f"127.0.0.1:{server.port}"])
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        for path in ("/", "/admin", "/templates"):
            shown = body_after(page, balancer.url + path)
            assert "No access" in shown and REFUSAL in shown and "docs/sign-in.md" in shown, path
            assert "Audit log" not in shown and "Local mode: no sign-in" not in shown, path
            assert page.locator("[data-testid='stSidebarNav'] a").count() == 0
        shown = body_after(page, f"{server.url}/admin")  # the same server, straight from this machine
        assert "Audit log" in shown and "No access" not in shown
    finally:
        context.close()
        balancer.stop()


@pytest.mark.parametrize(
    "header", [{"X-Forwarded-For": "10.0.0.7"}, {"X-Real-IP": "10.0.0.7"}, {"Forwarded": "for=10.0.0.7"}]
)
def test_local_mode_refuses_a_request_a_proxy_forwarded(browser, server, header):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, extra_http_headers=header)
    try:
        shown = body_after(context.new_page(), f"{server.url}/admin")
        assert "No access" in shown and REFUSAL in shown and "Audit log" not in shown
    finally:
        context.close()
