"""Local mode (no sign-in provider: every role for whoever is served) answers only a browser on
this machine. The same server reached through the nginx of docs/deploy.md, or with a header a
proxy adds, shows only a refusal saying how to set up sign-in; on 127.0.0.1 it works as before.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
from app_server import free_port, stop_process
from helpers import new_context, wait_for_app
from oidc import ROOT, wait_for
from test_two_servers import Nginx, nginx_installed  # noqa: F401 (nginx_installed is a fixture)

pytestmark = pytest.mark.browser

REFUSAL = "pressdraft runs here without sign-in (local mode)"


def body_after(page, url: str) -> str:
    page.goto(url)
    wait_for_app(page)
    return page.locator("body").inner_text()


def test_local_mode_behind_nginx_shows_only_the_refusal(browser, nginx_installed, server):  # noqa: F811
    balancer = Nginx([f"127.0.0.1:{server.port}"])
    context = new_context(browser, viewport={"width": 1280, "height": 800})
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
    context = new_context(browser, viewport={"width": 1280, "height": 800}, extra_http_headers=header)
    try:
        shown = body_after(context.new_page(), f"{server.url}/admin")
        assert "No access" in shown and REFUSAL in shown and "Audit log" not in shown
    finally:
        context.close()


def network_address() -> str | None:
    """This machine's address on its network (not loopback), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.254", 9))  # no packet is sent: this only picks the route
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.fixture
def open_server(tmp_path) -> Iterator[tuple[str, int]]:
    """The app without sign-in listening on every address (``--server.address 0.0.0.0``)."""
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    environ = {**os.environ, "PRESSDRAFT_DATA_DIR": str(tmp_path / "data"), "PRESSDRAFT_UI_LANGUAGE": "en"}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)]
    command += ["--server.address", "0.0.0.0", "--server.headless", "true"]
    process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health", process, tmp_path / "server.log")
        yield address, port
    finally:
        stop_process(process)
        log.close()


def first_run(connect_to: str, port: int) -> bytes:
    """What a client that is not a browser (no ``Origin``) gets from the app's first run, when it
    connects to ``connect_to`` and writes ``Host: localhost:<port>``, as anyone may."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    received = b""
    with (
        socket.create_connection((connect_to, port), timeout=30) as sock,
        connect(f"ws://localhost:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"]) as websocket,
    ):
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        websocket.send(rerun.SerializeToString())
        while True:
            data = websocket.recv(timeout=60)
            received += data
            if ForwardMsg.FromString(data).WhichOneof("type") == "script_finished":
                return received


def test_local_mode_refuses_another_machine_even_when_it_writes_host_localhost(open_server):
    address, port = open_server
    from_network = first_run(address, port)  # the connection comes from the machine's network address
    assert REFUSAL.encode() in from_network and b"Local mode: no sign-in" not in from_network
    from_loopback = first_run("127.0.0.1", port)  # the same client on loopback: the local user
    assert b"Local mode: no sign-in" in from_loopback and REFUSAL.encode() not in from_loopback
