"""Refusals shown once, above the compose form, in the interface language (``form.notices`` shows them)."""

from __future__ import annotations

import streamlit as st

from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.session import NOTICES, ui_lang


def notify(error: PressdraftError) -> None:
    """Queue ``error``'s problems for the next run's notices (each text once)."""
    st.session_state.setdefault(NOTICES, {}).update({problem_text(ui_lang(), p): None for p in error.problems})
