"""Reviewers' comments beside the compose form's fields and body blocks.

The compose run reads the draft's open comments once (``read``); each field and block then
shows its own (``beside``) without another query: the page's speed is the form's (issue 14).
Whoever may comment (an editor, an admin) gets a small "Comment" popover there too, while the
release is in review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

import streamlit as st

from pressdraft.app.history import DraftComment, History
from pressdraft.app.workspace import DraftEditor
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.text import LANG_LABELS

_READ = "comments-by-path"  # this run's open comments of the draft, by path
ALL = ""  # the language choice "every language"


@dataclass(frozen=True)
class Read:
    """This run's open comments of one draft, by path, and the history acting for the session."""

    draft_id: str
    history: History
    by_path: dict[str, list[DraftComment]]


def read(ed: DraftEditor, history: History) -> None:
    """The draft's open comments, read once for this run of the form."""
    by_path: dict[str, list[DraftComment]] = defaultdict(list)
    for comment in history.comments(ed.id):
        by_path[comment.path].append(comment)
    st.session_state[_READ] = Read(ed.id, history, dict(by_path))


def beside(ed: DraftEditor, path: str) -> None:
    """The open comments on ``path`` (``fields.theme``, ``body.2``), each with Resolve; a
    reviewer's Comment popover while the release is in review (not while it is drafted: a popover
    per field costs every run of the form, issue 14)."""
    done: Read | None = st.session_state.get(_READ)
    if done is None or done.draft_id != ed.id:
        return
    for comment in done.by_path.get(path, []):
        shown(done.history, comment)
    if done.history.account.can("comment") and ed.status == "in_review":
        with st.popover(_("Comment"), icon=":material/add_comment:"):
            write(done.history, ed, path)


def when(comment: DraftComment) -> str:
    return comment.created_at.strftime("%Y-%m-%d %H:%M")


def html_text(text: str) -> str:
    """A user's text as HTML on one line: escaped, its newlines breaks (Markdown leaves it alone)."""
    return escape(text).replace("\n", "<br>")


def shown(history: History, comment: DraftComment) -> None:
    """One open comment: who, when, in which language, what; and its Resolve button."""
    language = LANG_LABELS.get(comment.language or "", _("all languages"))
    text_column, button_column = st.columns([6, 1], vertical_alignment="center")
    text_column.markdown(
        f"<div><strong>{html_text(comment.author)}</strong> · {when(comment)} · {html_text(language)}<br>"
        f"{html_text(comment.text)}</div>",
        unsafe_allow_html=True,
    )
    button_column.button(
        _("Resolve"), key=f"resolve-comment-{comment.id}", on_click=_resolve, args=(history, comment.id)
    )


def write(history: History, ed: DraftEditor, path: str) -> None:
    """The popover's form: text and language."""
    key = f"comment-{path}"
    languages = [ALL, *[lang for lang in ed.data.get("languages") or [] if lang in LANG_LABELS]]
    st.text_area(_("Comment"), key=f"{key}-text", max_chars=2_000)
    st.selectbox(
        _("Language"), languages, key=f"{key}-lang", format_func=lambda lang: LANG_LABELS.get(lang, _("all languages"))
    )
    st.button(_("Add comment"), key=f"{key}-add", type="primary", on_click=_add, args=(history, ed.id, path, key))


def _add(history: History, draft_id: str, path: str, key: str) -> None:
    language = st.session_state.get(f"{key}-lang") or None
    try:
        history.comment(draft_id, path, language, st.session_state.get(f"{key}-text") or "")
    except PressdraftError as error:
        st.toast(" ".join(problem_text(ui_lang(), p) for p in error.problems), icon=":material/error:")
        return
    st.session_state[f"{key}-text"] = ""


def _resolve(history: History, comment_id: int) -> None:
    try:
        history.resolve(comment_id)
    except PressdraftError as error:
        st.toast(" ".join(problem_text(ui_lang(), p) for p in error.problems), icon=":material/error:")
