"""What one browser session knows before it needs the service: the settings, its interface language.

The interface language belongs to the session (never process-wide); the compose form keeps its own
state under the keys below. Pages and widgets translate with ``_``.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from pressdraft.app.settings import load_settings
from pressdraft.ui import i18n

UI_LANG = "ui_lang"
# The compose form's own state for the open draft: each widget's base (the draft's value it
# started from), the conflicts waiting for the person's choice, the refusals to show once.
BASES, CONFLICTS, NOTICES = "form-bases", "form-conflicts", "form-notices"


@st.cache_resource
def settings() -> dict[str, Any]:
    return load_settings()


def ui_lang() -> str:
    if UI_LANG not in st.session_state:
        configured = settings()["ui_language"]
        st.session_state[UI_LANG] = configured or i18n.browser_language(st.context.locale)
    return str(st.session_state[UI_LANG])


def _(message: str) -> str:
    """Translate an interface string into the session's language."""
    return i18n.gettext(ui_lang(), message)
