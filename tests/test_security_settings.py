"""The production settings of Streamlit (SECURITY.md) are the ones in force, spelled as Streamlit knows them."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from streamlit import config as streamlit_config
from streamlit.web.server.starlette import starlette_websocket

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))


def test_every_setting_is_one_streamlit_knows():
    known = set(streamlit_config.get_config_options())
    ours = {f"{section}.{name}" for section, values in SETTINGS.items() for name in values}
    assert ours <= known, f"unknown to Streamlit: {sorted(ours - known)}"


def test_users_see_no_error_details_and_no_developer_menu():
    assert SETTINGS["client"]["showErrorDetails"] == "none"
    assert SETTINGS["client"]["toolbarMode"] == "viewer"


def test_the_server_is_closed_by_default():
    server = SETTINGS["server"]
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True and "corsAllowedOrigins" not in server
    assert server["address"] == "127.0.0.1"
    # 15 MB: a photo from a camera (the picture gate's limit, safety/images.py); drafts and template ZIPs
    # stay refused over 2 MB by the app (ui/drafts.py, app/workshop.py), tested with them
    assert server["maxUploadSize"] == 15
    assert server["maxMessageSize"] <= 16
    assert server["enableAgentApi"] is False
    assert SETTINGS["browser"]["gatherUsageStats"] is False


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8501", True),
        ("localhost:8501", True),
        ("[::1]:8501", True),
        ("LOCALHOST", True),
        ("attacker.example:8501", False),  # DNS rebinding: a foreign name pointed at our address
        ("127.0.0.1.attacker.example", False),
        ("localhost@attacker.example", False),
        (None, False),
    ],
)
def test_websockets_are_accepted_only_for_the_allowed_host_names(monkeypatch, host, allowed):
    hosts = SETTINGS["server"]["allowedHosts"]
    monkeypatch.setattr(
        starlette_websocket.config,
        "get_option",
        lambda name: hosts if name == "server.allowedHosts" else streamlit_config.get_option(name),
    )
    assert starlette_websocket.is_host_allowed(host) is allowed


def _uploaders() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted((ROOT / "src" / "pressdraft" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "file_uploader":
                found.append((path.name, node))
    return found


def test_every_uploader_names_its_file_types_and_its_size():
    uploaders = _uploaders()
    assert uploaders, "no st.file_uploader found in the UI"
    for name, call in uploaders:
        keywords = {k.arg: k.value for k in call.keywords}
        assert "type" in keywords, f"{name}:{call.lineno}: an uploader without type="
        types = ast.literal_eval(keywords["type"])
        drafts_and_pictures = {"yaml", "yml", "json", "zip", "jpg", "jpeg", "png", "webp"}  # pictures: safety/images.py
        assert types and all(t in drafts_and_pictures for t in types), f"{name}:{call.lineno}: {types}"
        assert "max_upload_size" in keywords, f"{name}:{call.lineno}: an uploader without max_upload_size="
