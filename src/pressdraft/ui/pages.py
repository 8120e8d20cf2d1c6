"""The app's pages, the sidebar every page shares (language, who is signed in), and the gate.

With a sign-in provider configured, a session that is not signed in sees only the sign-in
page, and one whose user is not on the allowlist (or whose address is bound to another
provider account) only a refusal with a way to sign out. Without one (local mode), a request
from another host or through a proxy sees only a refusal saying how to set up sign-in. A
signed-in user's navigation lists the pages their role may use; the others stay reachable
by URL but show a refusal instead (docs/sign-in.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial

import streamlit as st

from pressdraft import N_
from pressdraft.app import auth
from pressdraft.ui import access, i18n
from pressdraft.ui.session import UI_LANG, _, settings, ui_lang
from pressdraft.ui.state import account, app, provider_configured

#: Each page's module (whose ``page()`` shows it), in the navigation's order; titles, icons and who
#: may open them: ``access``.
PAGES: dict[str, str] = {
    "compose": "compose",
    "drafts": "drafts",
    "history": "history_page",
    "archive": "archive_page",
    "directory": "directory_page",
    "templates": "templates_page",
    "admin": "admin_page",
}


def view(name: str) -> Callable[[], None]:
    """The page's view, its module imported when the page first runs: a server's first page is
    compose, which should not wait for the code editor and the admin's store tools."""

    def shown() -> None:
        importlib.import_module(f"pressdraft.ui.{PAGES[name]}").page()

    return shown


def page(name: str) -> st.Page:
    """A page of the navigation (hidden, and refusing, for a role that may not use it)."""
    return access.page(account(), name, view(name))


def run() -> None:
    """Set up the page, the gate, the sidebar and the navigation, then run the chosen page."""
    st.set_page_config(page_title="pressdraft", page_icon=":material/article:", layout="wide")
    ui_lang()
    who = gate()
    app().refresh()
    with st.sidebar:
        language_choice()
        account_box(who)
    st.navigation([page(name) for name in PAGES]).run()


def language_choice() -> None:
    st.selectbox(_("Interface language"), list(i18n.UI_LANGUAGES), key=UI_LANG, format_func=i18n.LANGUAGE_NAMES.get)


def account_box(who: auth.Account) -> None:
    """Who is working: the local mode said plainly, or the signed-in user, their role and sign-out."""
    if who.local:
        st.caption(":material/person: " + _("Local mode: no sign-in, one user with every role."))
        return
    shown = f"{who.name} <{who.user}>" if who.name else who.user  # plain text: no Markdown from a claim
    st.text(_("Signed in as {user} ({role})").format(user=shown, role=access.role_name(who.role)))
    if st.button(_("Sign out"), icon=":material/logout:", key="sign-out", width="stretch"):
        st.logout()


def gate() -> auth.Account:
    """The session's account when it may use the app; otherwise the sign-in page, a refusal,
    or (an allowlist set without a provider, claims taken from headers) a configuration error,
    and the run stops."""
    try:
        trusted = st.get_option("server.trustedUserHeaders")
        auth.check_configuration(provider_configured(), settings()["allowlist"], trusted)
    except auth.SignInMisconfigured as problem:
        _only(partial(misconfigured, problem.reason))
    who = account()
    if who.allowed:
        return who
    _only(sign_in if who.refusal == "signed_out" else lambda: refused(who))
    raise AssertionError("unreachable")  # _only stops the run


def _only(view: Callable[[], None]) -> None:
    """Show ``view`` whatever page the URL names, without navigation, and stop."""
    pages = [
        st.Page(view, title="pressdraft", url_path=name, default=name == "compose", visibility="hidden")
        for name in PAGES
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()


def _card() -> st.delta_generator.DeltaGenerator:
    _left, middle, _right = st.columns([1, 2, 1])
    box = middle.container(border=True)
    box.markdown("## :material/article: pressdraft")
    box.caption(_("Press releases in Turkish, Azerbaijani and English"))
    return box


def sign_in() -> None:
    with _card():
        st.markdown(_("Sign in with your organization's account to continue."))
        if st.button(_("Sign in"), type="primary", icon=":material/login:", key="sign-in", width="stretch"):
            st.login(settings()["sign_in_provider"] or None)
        language_choice()


REFUSALS = {
    "not_listed": N_(
        "You are signed in as {user}, but this address is not on the list of pressdraft users. "
        "Ask an administrator to add you, then sign in again."
    ),
    "unverified": N_("Your sign-in provider has not verified the address {user}, so pressdraft cannot use it."),
    "no_email": N_("Your sign-in provider did not give an e-mail address, which pressdraft needs to know your role."),
    "not_plain": N_(
        "Your sign-in provider gave the address {user}, which is not a plain ASCII e-mail address, "
        "so pressdraft cannot use it. Ask an administrator."
    ),
    "no_subject": N_(
        "Your sign-in provider did not identify your account (issuer and subject), so pressdraft cannot sign in {user}."
    ),
    "other_subject": N_(
        "The address {user} is bound to the sign-in account it was first used with, and this is another one. "
        "If you changed your sign-in provider or account, ask an administrator to release the binding of {user}, "
        "then sign in again."
    ),
    "other_email": N_(
        "Your sign-in account is bound to another address than {user}. If your address changed, ask an "
        "administrator to release the binding of your old address, then sign in again."
    ),
    "not_local": N_(
        "pressdraft runs here without sign-in (local mode), which gives every role to whoever uses it, so it "
        "answers only a browser on this machine at http://localhost or http://127.0.0.1, not through a proxy. "
        "To let people use it over the network, set up sign-in with an OpenID Connect provider: see docs/sign-in.md."
    ),
}


def refused(who: auth.Account) -> None:
    with _card():
        st.error("**" + _("No access") + "**", icon=":material/block:")
        st.text(_(REFUSALS[who.refusal]).format(user=who.user))
        if not who.local and st.button(_("Sign out"), icon=":material/logout:", key="sign-out", width="stretch"):
            st.logout()
        if who.local:
            language_choice()


MISCONFIGURED = {
    "no_provider": N_(
        "Sign-in is not set up correctly: an allowlist of users is set, but no sign-in provider. "
        "Add the [auth] section to .streamlit/secrets.toml, or remove the allowlist to run without "
        "sign-in (see docs/sign-in.md)."
    ),
    "trusted_headers": N_(
        "Sign-in is not set up correctly: Streamlit's server.trustedUserHeaders is set, which would take "
        "the signed-in user from request headers instead of the sign-in provider. Remove it (see docs/sign-in.md)."
    ),
}


def misconfigured(reason: str) -> None:
    with _card():
        st.error(_(MISCONFIGURED[reason]), icon=":material/error:")
