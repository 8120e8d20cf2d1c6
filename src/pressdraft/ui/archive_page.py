"""The archive page: find any release by a word typed as people type it, and by filters.

The rules (what matches, which headline, what is marked) are the app's (``app/archive.py``);
this page only asks and shows: each result links to the draft, its matched words highlighted.
"""

from __future__ import annotations

import streamlit as st

from pressdraft.app.archive import STATUSES
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.labels import STATUS_LABELS
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import app
from pressdraft.ui.text import literal


def page() -> None:
    st.title(_("Archive"))
    query = st.text_input(
        _("Search"), key="archive-query", placeholder=_("Any word, name or place, with or without ı, ş, ə…")
    )
    state, issuer, number, since, until = st.columns(5)
    status = state.selectbox(
        _("State"),
        ["", *STATUSES],
        key="archive-status",
        format_func=lambda s: _(STATUS_LABELS[s][0]) if s else _("any"),
    )
    filters = {
        "status": status,
        "issuer": issuer.text_input(_("Issuer"), key="archive-issuer").strip(),
        "number": number.text_input(_("Number"), key="archive-number").strip(),
        "date_from": since.date_input(_("Released from"), value=None, key="archive-from"),
        "date_to": until.date_input(_("Released until"), value=None, key="archive-to"),
    }
    if not query.strip() and not any(filters.values()):
        st.caption(_("Type a word or choose a filter."))
        return
    try:
        hits = app().archive.search(query, lang=ui_lang(), **filters)
    except PressdraftError as error:
        for problem in error.problems:
            st.error(problem_text(ui_lang(), problem))
        return
    if not hits:
        st.caption(_("Nothing found."))
        return
    for hit in hits:
        with st.container(border=True):
            st.markdown(f"**[{literal(hit.headline or _('Untitled'))}](compose?draft={hit.id})**")
            details = [hit.date or "", hit.number or "", _(STATUS_LABELS[hit.status][0]), literal(hit.owner)]
            st.caption(" · ".join(part for part in details if part))
            if hit.marked:
                st.markdown(hit.marked, unsafe_allow_html=True)  # escaped by the app, <mark> only
