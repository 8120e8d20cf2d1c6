"""What every page shares: settings, the app service, the session's account, language and draft.

The service (with its engine and store) is a process-wide resource (read-only or thread-safe); the
interface language, the signed-in account and the open draft belong to one browser session.
The open draft's id lives in the URL (``?draft=…``), so a reload or a second tab finds the
same draft. A session acts through ``app()``: the shared service, acting for the signed-in
user, so what they create is theirs and what they change is audited under their name.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from pressdraft.app import auth
from pressdraft.app.service import NOT_READY, AppService
from pressdraft.app.trust import template_runner
from pressdraft.app.workspace import DraftEditor
from pressdraft.ui.session import BASES, CONFLICTS, NOTICES, settings


@st.cache_resource
def _open_app() -> AppService:
    service = AppService.open(settings(), template_runner())
    service.record_settings(settings())  # a role given or taken away in the settings is audited
    return service


def provider_configured() -> bool:
    """Sign-in is on when Streamlit's secrets have an ``[auth]`` section (docs/sign-in.md)."""
    return bool(st.secrets.load_if_toml_exists() and "auth" in st.secrets)


def account() -> auth.Account:
    """Who this session acts for: the local user with every role when no provider is
    configured (from this machine only), else the signed-in user with the role the allowlist
    gives them, once their address is bound to their provider account (or none)."""
    if not provider_configured():
        return auth.local_account(*connection())
    return auth.account_for(st.user.to_dict(), settings()["allowlist"], _bind_once)


def connection() -> tuple[list[tuple[str, str]], str | None]:
    """This session's WebSocket handshake: its headers, every value of each (none without a
    browser), and the address it came from (None for this machine's 127.0.0.1 and ::1)."""
    headers = st.context.headers
    return [(name, value) for name in headers for value in headers.get_all(name)], st.context.ip_address


def _bind_once(email: str, issuer: str, subject: str, claims: dict[str, Any]) -> str:
    """``Store.bind_account``, asked once per session and identity (a session's claims do not
    change, and each sign-in is a new session), so reruns neither query nor audit again."""
    known: dict[tuple[str, str, str], str] = st.session_state.setdefault("_bindings", {})
    if (email, issuer, subject) not in known:
        known[(email, issuer, subject)] = _shared_app().bind_account(email, issuer, subject, claims)
    return known[(email, issuer, subject)]


def app() -> AppService:
    """The engine and the store (opened once per server process), acting for this session's
    account: it may change what their role allows (the service checks), drafts they create are
    theirs, changes they make are audited under their e-mail. A session whose user may not use
    the app (not signed in, not on the allowlist) stops here.
    """
    shared = _shared_app()
    who = account()
    if not who.allowed:
        st.stop()
    service = shared if who == shared.account else _acting_for(shared, who)
    service.act_in_this_thread()  # this run's renders and checks take from this user's share of the workers
    return service


def _acting_for(shared: AppService, who: auth.Account) -> AppService:
    """The shared service acting for ``who``: made once per session, and again when the account
    changes or the shared service was opened anew."""
    held = st.session_state.get("_service")  # (the shared service it was made from, the view)
    if held is None or held[0] is not shared or held[1].account != who:
        held = (shared, shared.for_user(who))
        st.session_state["_service"] = held
    return held[1]


def _shared_app() -> AppService:
    """The engine and the store, opened once per server process.

    A database that is not ready (pending migrations on PostgreSQL, a newer schema) or cannot
    be reached stops the page with the store's message, which says what to do (e.g. run
    `pressdraft db upgrade`); nothing is cached then, so a reload after the fix just works.
    """
    try:
        return _open_app()
    except NOT_READY as error:
        st.error(str(error), icon=":material/database:")
        st.stop()


def editor() -> DraftEditor:
    """The draft this session edits: the one named in the URL, else the latest one (saved as
    the session's account: an editor opened for another account is not reused)."""
    wanted = st.query_params.get("draft")
    current: DraftEditor | None = st.session_state.get("editor")
    if current is not None and current.id == wanted and app().saves(current):
        return current
    draft_id = app().open_draft_id(wanted)
    if draft_id != wanted:
        st.query_params["draft"] = draft_id
    for key in [k for k in st.session_state if str(k).startswith("w-") or k in (BASES, CONFLICTS, NOTICES)]:
        del st.session_state[key]
    current = app().editor(draft_id)
    st.session_state["editor"] = current
    return current
