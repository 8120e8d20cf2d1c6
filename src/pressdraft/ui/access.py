"""Who may open which page: the pages' titles and needs, the refusal a role sees, and the page lock.

Pages import this module, never the navigation (``pages``) that imports them.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pressdraft import N_
from pressdraft.app.auth import Account
from pressdraft.ui.session import _

#: Each page's title and icon, in the navigation's order.
TITLES = {
    "compose": (N_("Compose"), ":material/edit_note:"),
    "drafts": (N_("Drafts"), ":material/folder_open:"),
    "history": (N_("History"), ":material/history:"),
    "archive": (N_("Archive"), ":material/manage_search:"),
    "directory": (N_("Directory"), ":material/contacts:"),
    "templates": (N_("Templates"), ":material/description:"),
    "admin": (N_("Administration"), ":material/admin_panel_settings:"),
}
# The capability (pressdraft.app.auth.CAPABILITIES) each page needs.
NEEDS = {
    "compose": "compose",
    "drafts": "drafts",
    "history": "compose",
    "archive": "drafts",
    "directory": "directory.view",
    "templates": "templates",
    "admin": "admin",
}
_BUILT = "_pages"  # the navigation's pages, as built for this session
ROLE_NAMES = {"drafter": N_("drafter"), "editor": N_("editor"), "admin": N_("administrator")}


def role_name(role: str | None) -> str:
    return _(ROLE_NAMES[role]) if role in ROLE_NAMES else ""


def page(who: Account, name: str, view: Callable[[], None]) -> st.Page:
    """A page of the navigation: listed when the session's role may use it, else hidden and
    showing a refusal to whoever opens its URL."""
    title, icon = TITLES[name]
    allowed = who.can(NEEDS[name])
    built = st.Page(
        view if allowed else lambda: refusal(who, name),
        title=_(title),
        icon=icon,
        url_path=name,
        default=name == "compose",
        visibility="visible" if allowed else "hidden",
    )
    st.session_state.setdefault(_BUILT, {})[name] = built
    return built


def go(name: str, query_params: dict[str, str]) -> None:
    """Switch to a page of this session's navigation (the one ``page`` built), with these parameters."""
    st.switch_page(st.session_state[_BUILT][name], query_params=query_params)


def refusal(who: Account, name: str) -> None:
    """What a page shows to a role that may not use it."""
    st.title(_(TITLES[name][0]))
    st.warning(
        _("Your role ({role}) does not include this page. Ask an administrator if you need it.").format(
            role=role_name(who.role)
        ),
        icon=":material/block:",
    )


def require(who: Account, capability: str, name: str) -> None:
    """Stop a page whose role may not use it (a second lock behind the navigation's)."""
    if not who.can(capability):
        refusal(who, name)
        st.stop()
