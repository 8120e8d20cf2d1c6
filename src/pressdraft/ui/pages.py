"""The app's pages and the sidebar every page shares (the interface language)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pressdraft.problems import N_
from pressdraft.ui import i18n
from pressdraft.ui.state import UI_LANG, _, app, ui_lang


def _compose() -> None:
    from pressdraft.ui import compose

    compose.page()


def _drafts() -> None:
    from pressdraft.ui import drafts

    drafts.page()


def _directory() -> None:
    from pressdraft.ui import directory_page

    directory_page.page()


def _templates() -> None:
    from pressdraft.ui import templates_page

    templates_page.page()


PAGES: dict[str, tuple[Callable[[], None], str, str]] = {
    "compose": (_compose, N_("Compose"), ":material/edit_note:"),
    "drafts": (_drafts, N_("Drafts"), ":material/folder_open:"),
    "directory": (_directory, N_("Directory"), ":material/contacts:"),
    "templates": (_templates, N_("Templates"), ":material/description:"),
}


def page(name: str) -> st.Page:
    function, title, icon = PAGES[name]
    return st.Page(function, title=_(title), icon=icon, url_path=name, default=name == "compose")


def run() -> None:
    """Set up the page, the sidebar and the navigation, then run the chosen page."""
    st.set_page_config(page_title="pressdraft", page_icon=":material/article:", layout="wide")
    ui_lang()
    app().refresh()
    with st.sidebar:
        st.selectbox(
            _("Interface language"),
            list(i18n.UI_LANGUAGES),
            key=UI_LANG,
            format_func=i18n.LANGUAGE_NAMES.get,
        )
    st.navigation([page(name) for name in PAGES]).run()
