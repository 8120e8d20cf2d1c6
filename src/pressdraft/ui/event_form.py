"""The event on the compose form (format 2): when and where it happened or will happen, and whether the
release reports it or announces it. Every template reads it; a template field that the event says
(``FieldSpec.event``) may then be left empty."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pressdraft import N_
from pressdraft.app.workspace import DraftEditor
from pressdraft.ui import form
from pressdraft.ui.session import _

AUTOMATIC = "auto"
STATUS_LABELS = {
    AUTOMATIC: N_("Automatic: from the event's date"),
    "report": N_("Report: it happened"),
    "announcement": N_("Announcement: it will happen"),
}


def event_section(ed: DraftEditor, stale: set[tuple[str, str]], service: form.DirectoryService) -> None:
    with st.expander(_("Event: date, time, city, venue, status"), expanded=True):
        st.markdown(f'<span id="{form.anchor("event")}"></span>', unsafe_allow_html=True)
        first, last, time = st.columns(3)
        with first:
            form.date(ed, "event.date", _("Date"))
        with last:
            form.date(ed, "event.end_date", _("Last day"), help_text=_("For an event over several days"))
        event_time(ed, time)
        city, venue = st.columns(2)
        with city:
            st.caption(_("City"))
            form.place(ed, "event.city", service, stale)
        with venue:
            st.caption(_("Venue (building or room)"))
            form.place(ed, "event.venue", service, stale)
        st.caption(_("Part of (optional): the larger event it belongs to"))
        form.localized(ed, "event.part_of", multiline=False, source=ed.source_language, stale=stale)
        st.selectbox(
            _("Status"),
            list(STATUS_LABELS),
            format_func=lambda status: _(STATUS_LABELS[status]),
            **form.bind(
                ed,
                form.widget_key("event.status"),
                "event.status",
                shown=lambda v: v if v in STATUS_LABELS else AUTOMATIC,
                to_data=lambda status: None if status == AUTOMATIC else status,
            ),
        )


def event_time(ed: DraftEditor, column: DeltaGenerator) -> None:
    """A start time (in ``column``), or "to be announced" (``tba``, a switch below): two widgets, one value."""
    tba = form.widget_key("event.time", "tba")
    bound = form.bind(ed, tba, "event.time", shown=lambda v: v == "tba", to_data=lambda on: "tba" if on else None)
    if not st.session_state[tba]:
        with column:
            form.clock(ed, "event.time", _("Time"))
    st.toggle(_("Time to be announced"), **bound)
