"""The history of the release named in the URL (``?draft=``, like compose): its versions, what
changed between two of them in each language, a restore, and the comments already resolved.

Every text a user wrote (names, the release's words, comments) is escaped before it is shown; an
insertion and a deletion are marked by colour and by a text mark (``[+ … +]``, ``[− … −]``), so
the diff reads without colour too.
"""

from __future__ import annotations

import streamlit as st

from pressdraft import N_
from pressdraft.app.history import DraftComment, DraftVersion, VersionDiff
from pressdraft.app.workspace import DraftEditor
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.comments import html_text, when
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.labels import STATUS_LABELS, STEP_LABELS
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import app, editor
from pressdraft.ui.text import LANG_LABELS, literal

MARKS = {
    "insert": ('<ins style="background:#d1fadf;color:#05603a;text-decoration:none">[+', "+]</ins>"),
    "delete": ('<del style="background:#fee4e2;color:#912018">[−', "−]</del>"),
    "equal": ("", ""),
}
UNRENDERED = N_(
    "Version {numbers} cannot be rendered yet (a field is missing or wrong): its field values are compared instead."
)


def page() -> None:
    ed = editor()
    st.title(_("History"))
    st.subheader(literal(ed.title()) or _("New release"), anchor=False)
    versions = app().history.versions(ed.id)
    for version in versions:
        row(ed, version)
    if len(versions) > 1:
        numbers = [v.number for v in versions]
        first, second = st.columns(2)
        a = first.selectbox(_("Compare version"), numbers, index=1, key="history-a")
        b = second.selectbox(_("with version"), numbers, index=0, key="history-b")
        diff_tabs(app().history.diff(ed.id, a, b))
    resolved(app().history.comments(ed.id, include_resolved=True))


def row(ed: DraftEditor, version: DraftVersion) -> None:
    """One version: number, author, time, state and step, and its restore button with a confirmation."""
    step = _(STEP_LABELS[version.event]) if version.event in STEP_LABELS else version.event
    if version.restored_from:
        step = _("restored from version {number}").format(number=version.restored_from)
    state = _(STATUS_LABELS[version.status][0]) if version.status in STATUS_LABELS else version.status
    text, action = st.columns([6, 1], vertical_alignment="center")
    text.markdown(
        f"<div><strong>{version.number}</strong> · {html_text(version.author)} · "
        f"{version.updated_at:%Y-%m-%d %H:%M} · {html_text(state)} · {html_text(step)}</div>",
        unsafe_allow_html=True,
    )
    with action.popover(_("Restore"), icon=":material/history:"):
        st.markdown(
            _("Save version {number} as the newest version? Nothing is lost: every version stays.").format(
                number=version.number
            )
        )
        st.button(
            _("Restore this version"),
            key=f"restore-{version.number}",
            type="primary",
            on_click=_restore,
            args=(ed.id, version.number),
        )


def _restore(draft_id: str, number: int) -> None:
    try:
        app().history.restore(draft_id, number)
    except PressdraftError as error:
        st.session_state["history-problem"] = " ".join(problem_text(ui_lang(), p) for p in error.problems)
        return
    st.session_state.pop("editor", None)  # the compose form opens the restored text
    st.toast(_("Version {number} restored as the newest version.").format(number=number), icon=":material/history:")


def diff_html(segments: list[tuple[str, str]]) -> str:
    """The segments as HTML: the user's text escaped, insertions and deletions marked twice."""
    parts = [f"{MARKS[op][0]}{html_text(text)}{MARKS[op][1]}" for op, text in segments]
    return f"<div>{''.join(parts)}</div>"


def diff_tabs(diff: VersionDiff) -> None:
    if problem := st.session_state.pop("history-problem", None):
        st.error(problem, icon=":material/block:")
    if diff.by_fields:
        st.info(_(UNRENDERED).format(numbers=", ".join(map(str, diff.unrendered))), icon=":material/info:")
    languages = list(diff.languages)
    if not languages:
        return
    for tab, lang in zip(st.tabs([LANG_LABELS.get(lang, lang) for lang in languages]), languages, strict=True):
        with tab:
            st.markdown(diff_html(diff.languages[lang]), unsafe_allow_html=True)


def resolved(comments: list[DraftComment]) -> None:
    """The comments already resolved: kept, and listed here."""
    done = [c for c in comments if c.resolved_at is not None]
    if not done:
        return
    st.subheader(_("Resolved comments"), anchor=False)
    for comment in done:
        language = LANG_LABELS.get(comment.language or "", _("all languages"))
        by = _("resolved by {user}").format(user=comment.resolved_by or "")
        st.markdown(
            f"<div>{html_text(comment.author)} · {when(comment)} · {html_text(language)} · "
            f"{html_text(comment.path)}<br>{html_text(comment.text)}<br><small>{html_text(by)}</small></div>",
            unsafe_allow_html=True,
        )
