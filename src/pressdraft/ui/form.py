"""The compose form, generated from the template's field list: one widget kind per field type.

Widgets hold no state of their own: each starts from the draft's data and, when the user
commits a value, a callback hands it to the editor, which saves it at once. Row widgets
(quotes, list items) are forgotten after a row moves, so they start again from the data.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from pressdraft.directory import Directory
from pressdraft.editing import empty_row
from pressdraft.library import FieldSpec
from pressdraft.model import MAX_ROWS
from pressdraft.problems import PressdraftError
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.state import _, app, engine, ui_lang
from pressdraft.workspace import DraftEditor

LANG_LABELS = {"tr": "TR", "az": "AZ", "en": "EN"}
INLINE = "—"


def widget_key(path: str, lang: str = "") -> str:
    """A key that is also a CSS class (``.st-key-w-fields-theme-tr``) for tests and links."""
    return "w-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{path}-{lang}").strip("-")


def anchor(path: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


def _start(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _forget(path: str) -> None:
    prefix = widget_key(path)
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]


def _localized_label(text: Any) -> str:
    return (text.get(ui_lang()) or text.get("en") or "") if text is not None else ""


def _commit(ed: DraftEditor, path: str, key: str, convert: Callable[[Any], Any] = lambda v: v) -> None:
    ed.set(path, convert(st.session_state[key]))


# --- localized text ------------------------------------------------------------------------------


def localized(ed: DraftEditor, path: str, *, multiline: bool, source: str, stale: set[tuple[str, str]]) -> None:
    """One text in each of the draft's languages, side by side; the source language marked."""
    columns = st.columns(len(ed.languages) or 1)
    for column, lang in zip(columns, ed.languages, strict=False):
        key = widget_key(path, lang)
        _start(key, ed.value(f"{path}.{lang}", "") or "")
        label = LANG_LABELS[lang] + (" · " + _("source") if lang == source else "")
        with column:
            kwargs: dict[str, Any] = {"key": key, "on_change": _on_text, "args": (ed, path, lang, key)}
            if multiline:
                st.text_area(label, height=140, **kwargs)
            else:
                st.text_input(label, live=True, **kwargs)
            if (path, lang) in stale:
                st.caption(":orange[" + _("Stale: the source text changed after this translation.") + "]")
                st.button(
                    _("Confirm translation"),
                    key=widget_key(path, lang + "-confirm"),
                    on_click=ed.confirm,
                    args=(path, lang),
                )


def _on_text(ed: DraftEditor, path: str, lang: str, key: str) -> None:
    ed.set_text(path, lang, st.session_state[key])


# --- references to the directory ----------------------------------------------------------------


def _name_in_ui(entry: Any) -> str:
    name = getattr(entry, "name", entry)
    return name.get(ui_lang()) or name.get("en") or name.get("tr") or ""


def place(ed: DraftEditor, path: str, directory: Directory, stale: set[tuple[str, str]]) -> None:
    keys = list(directory.places)
    value = ed.value(path)
    key = widget_key(path, "key")
    _start(key, value if isinstance(value, str) and value in keys else (INLINE if isinstance(value, dict) else None))
    options = [*keys, INLINE]
    st.selectbox(
        _("Place"),
        options,
        key=key,
        index=None,
        placeholder=_("Choose a place"),
        format_func=lambda k: _("Another place (type its name)") if k == INLINE else _name_in_ui(directory.places[k]),
        on_change=_on_reference,
        args=(ed, path, key),
        label_visibility="collapsed",
    )
    if st.session_state[key] == INLINE:
        localized(ed, path, multiline=False, source=ed.source_language, stale=stale)
    add_to_directory(ed, path, "places")


def _on_reference(ed: DraftEditor, path: str, key: str) -> None:
    choice = st.session_state[key]
    _forget(path)
    ed.set(path, {} if choice == INLINE else choice)


def person(ed: DraftEditor, path: str, directory: Directory, label: str, visibility: str = "visible") -> None:
    keys = list(directory.people)
    value = ed.value(path)
    key = widget_key(path, "key")
    _start(key, value if value in keys else None)
    st.selectbox(
        label,
        keys,
        key=key,
        index=None,
        placeholder=_("Choose a person"),
        format_func=lambda k: _name_in_ui(directory.people[k]),
        on_change=_commit_key,
        args=(ed, path, key),
        label_visibility=visibility,
    )


def _commit_key(ed: DraftEditor, path: str, key: str) -> None:
    ed.set(path, st.session_state[key])


def add_to_directory(ed: DraftEditor, path: str, section: str, *, many: bool = False) -> None:
    """ "Add new": a person or place typed once, in every language, then chosen for this field."""
    prefix = widget_key(path, "new")
    with st.popover(_("Add a new person") if section == "people" else _("Add a new place"), key=prefix):
        key = st.text_input(_("Key (lower-case letters, digits, hyphens)"), key=f"{prefix}-key")
        columns = st.columns(len(LANG_LABELS))
        names = {
            lang: col.text_input(_("Name") + f" · {label}", key=f"{prefix}-name-{lang}")
            for col, (lang, label) in zip(columns, LANG_LABELS.items(), strict=True)
        }
        titles = {}
        if section == "people":
            titles = {
                lang: col.text_input(_("Title") + f" · {label}", key=f"{prefix}-title-{lang}")
                for col, (lang, label) in zip(columns, LANG_LABELS.items(), strict=True)
            }
        if st.button(_("Add"), key=f"{prefix}-add", type="primary"):
            entry = {"name": {k: v for k, v in names.items() if v.strip()}}
            if any(v.strip() for v in titles.values()):
                entry["title"] = {k: v for k, v in titles.items() if v.strip()}
            try:
                app().add_directory_entry(section, key.strip(), entry)
            except PressdraftError as error:
                for problem in error.problems:
                    st.error(problem_text(ui_lang(), problem))
                return
            _forget(path)
            ed.set(path, [*(ed.value(path) or []), key.strip()] if many else key.strip())
            st.rerun()


def people(ed: DraftEditor, path: str, directory: Directory, label: str) -> None:
    """Several people from the directory, in the order they are to be named."""
    keys = list(directory.people)
    key = widget_key(path, "keys")
    current = ed.value(path) or []
    _start(key, [k for k in current if k in keys])
    st.multiselect(
        label,
        keys,
        key=key,
        placeholder=_("Choose people, in the order they are named"),
        format_func=lambda k: _name_in_ui(directory.people[k]),
        on_change=_commit_key,
        args=(ed, path, key),
        label_visibility="collapsed",
    )
    add_to_directory(ed, path, "people", many=True)


# --- rows ----------------------------------------------------------------------------------------


def row_controls(ed: DraftEditor, path: str, index: int, count: int) -> None:
    """Move a row up or down, or remove it: the other rows keep their text."""
    row = f"{path}[{index}]"
    with st.container(horizontal=True, gap="small"):
        st.button(
            "",
            icon=":material/arrow_upward:",
            key=widget_key(row, "up"),
            disabled=index == 0,
            on_click=_move,
            args=(ed, path, index, -1),
            help=_("Move up"),
            type="tertiary",
        )
        st.button(
            "",
            icon=":material/arrow_downward:",
            key=widget_key(row, "down"),
            disabled=index == count - 1,
            on_click=_move,
            args=(ed, path, index, 1),
            help=_("Move down"),
            type="tertiary",
        )
        st.button(
            "",
            icon=":material/delete:",
            key=widget_key(row, "remove"),
            on_click=_remove,
            args=(ed, path, index),
            help=_("Remove"),
            type="tertiary",
        )


def _move(ed: DraftEditor, path: str, index: int, step: int) -> None:
    _forget(path)
    ed.move_row(path, index, step)


def _remove(ed: DraftEditor, path: str, index: int) -> None:
    _forget(path)
    ed.remove_row(path, index)


def _add(ed: DraftEditor, path: str, kind: str) -> None:
    _forget(path)
    try:
        ed.add_row(path, empty_row(kind, ed.languages, ed.source_language))
    except PressdraftError as error:  # full since this page was drawn (another tab added rows)
        st.toast(problem_text(ui_lang(), error.problems[0]))


def add_button(ed: DraftEditor, path: str, label: str, kind: str) -> None:
    """'Add a row', refused (and saying why) when the list holds the most rows a draft may have."""
    full = len(ed.value(path) or []) >= MAX_ROWS
    st.button(label, key=widget_key(path, "add"), on_click=_add, args=(ed, path, kind), disabled=full)
    if full:
        st.caption(
            _("{limit} rows, the most a list may have — split the release or shorten the list").format(limit=MAX_ROWS)
        )


def text_list(ed: DraftEditor, path: str, stale: set[tuple[str, str]]) -> None:
    rows = ed.value(path) or []
    for index in range(len(rows)):
        texts, controls = st.columns([10, 3], vertical_alignment="bottom")
        with texts:
            localized(ed, f"{path}[{index}]", multiline=False, source=ed.source_language, stale=stale)
        with controls:
            row_controls(ed, path, index, len(rows))
    add_button(ed, path, _("Add a row"), "text_list")


def quotes(ed: DraftEditor, path: str, directory: Directory, stale: set[tuple[str, str]]) -> None:
    rows = ed.value(path) or []
    for index in range(len(rows)):
        at = f"{path}[{index}]"
        with st.container(border=True):
            speaker, source, controls = st.columns([6, 3, 3], vertical_alignment="bottom")
            with speaker:
                person(ed, f"{at}.speaker", directory, _("Speaker"))
            with source:
                key = widget_key(at, "source")
                _start(key, ed.value(f"{at}.source_language") or ed.source_language)
                st.selectbox(
                    _("Said in"),
                    list(LANG_LABELS),
                    key=key,
                    format_func=LANG_LABELS.get,
                    on_change=_commit_key,
                    args=(ed, f"{at}.source_language", key),
                )
            with controls:
                row_controls(ed, path, index, len(rows))
            localized(
                ed,
                f"{at}.text",
                multiline=True,
                source=ed.value(f"{at}.source_language") or ed.source_language,
                stale=stale,
            )
    add_button(ed, path, _("Add a quote"), "quotes")


# --- one field -------------------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _date_of(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def date(ed: DraftEditor, path: str, label: str, visibility: str = "visible") -> None:
    key = widget_key(path)
    _start(key, _date_of(ed.value(path)))
    st.date_input(
        label, key=key, format="DD.MM.YYYY", label_visibility=visibility, on_change=_commit, args=(ed, path, key, _iso)
    )


def field(ed: DraftEditor, spec: FieldSpec, stale: set[tuple[str, str]]) -> None:
    """The widgets of one template field, under its label and help in the interface language."""
    path = f"fields.{spec.name}"
    label = _localized_label(spec.label)
    help_text = _localized_label(spec.help) or None
    directory = engine().directory
    required = ' <span style="color:#b42318">*</span>' if spec.required else ""
    st.markdown(
        f'<span id="{anchor(path)}"></span><strong>{html.escape(label)}</strong>{required}',
        unsafe_allow_html=True,
        help=help_text,
    )
    if spec.type in ("text", "paragraphs"):
        localized(ed, path, multiline=spec.type == "paragraphs", source=ed.source_language, stale=stale)
    elif spec.type == "text_list":
        text_list(ed, path, stale)
    elif spec.type == "date":
        date(ed, path, label, "collapsed")
    elif spec.type == "number":
        key = widget_key(path)
        _start(key, ed.value(path) if isinstance(ed.value(path), int) else None)
        st.number_input(
            label,
            key=key,
            step=1,
            format="%d",
            min_value=0,
            on_change=_commit,
            args=(ed, path, key, lambda v: None if v is None else int(v)),
            label_visibility="collapsed",
        )
    elif spec.type == "place":
        place(ed, path, directory, stale)
    elif spec.type == "person":
        person(ed, path, directory, label, "collapsed")
    elif spec.type == "people":
        people(ed, path, directory, label)
    elif spec.type == "quotes":
        quotes(ed, path, directory, stale)
    elif spec.type == "choice":
        key = widget_key(path)
        _start(key, ed.value(path))
        st.selectbox(
            label,
            spec.choices,
            key=key,
            index=None,
            on_change=_commit_key,
            args=(ed, path, key),
            label_visibility="collapsed",
        )
