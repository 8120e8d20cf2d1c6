"""The compose form, generated from the template's field list: one widget kind per field type.

Widgets hold no state of their own: each starts from the draft's data and, when the user
commits a value, a callback hands it to the editor, which saves it at once, with its base (the
value the widget started from). Row widgets are keyed by the row's id, never its position, so a
rerun after another tab's change never binds a widget to another row. A change the editor
refuses (the same field changed elsewhere, a row removed elsewhere) is shown beside the field,
the person's text kept in it, with a way to keep it or take the saved one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import streamlit as st

from pressdraft import N_
from pressdraft.app.auth import Account
from pressdraft.app.editing import empty_row
from pressdraft.app.workspace import DraftEditor, EditConflict
from pressdraft.core.directory import Directory
from pressdraft.core.library import FieldSpec
from pressdraft.core.model import MAX_ROWS
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.ui import comments
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.labels import KIND_LABELS
from pressdraft.ui.notices import notify
from pressdraft.ui.session import BASES, CONFLICTS, NOTICES, _, ui_lang
from pressdraft.ui.text import LANG_LABELS, literal

INLINE = "—"

Convert = Callable[[Any], Any]
Change = Callable[[Any, Any], None]  # (value, base): hands a widget's value to the editor


class DirectoryService(Protocol):
    """What the form's pickers need of the app service (``app.service.AppService`` is one): the
    directory, and adding to it for whom the service acts. Named narrowly so the form sits below the
    service's users in the chain of imports, and the body editor can build on it (tests/test_layers.py)."""

    account: Account

    def directory(self) -> Directory: ...

    def add_directory_entry(self, section: str, key: str, entry: dict[str, Any]) -> None: ...


def _same(value: Any) -> Any:
    return value


def widget_key(path: str, lang: str = "") -> str:
    """A key that is also a CSS class (``.st-key-w-fields-theme-tr``) for tests and links."""
    return "w-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{path}-{lang}").strip("-")


def anchor(path: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


#: The colour a problem is told in beside its field, by severity (the check panel's dots match).
SEVERITY_COLOURS = {"error": "red", "gap": "gray", "warning": "orange", "info": "gray"}


def problem_notes(problems: list[Problem]) -> None:
    """What the check found in a field or a block, under it, in the interface language, each with the
    language it is about (a name's reading is told in tr and in az, each with its own form)."""
    for problem in problems:
        language = f"{LANG_LABELS[problem.lang]} · " if problem.lang in LANG_LABELS else ""
        colour = SEVERITY_COLOURS[problem.severity]
        st.caption(f":{colour}[{literal(language + problem_text(ui_lang(), problem))}]")


def _start(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _session(name: str) -> dict[str, Any]:
    return st.session_state.setdefault(name, {})  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Binding:
    """How a widget stands for the draft's value at ``path``: ``shown`` makes a draft value the
    widget's, ``to_data`` the widget's a draft value, ``change`` saves it (by default ``ed.set``)."""

    path: str
    shown: Convert = _same
    to_data: Convert = _same
    change: Change | None = None


def bind(
    ed: DraftEditor,
    key: str,
    path: str,
    *,
    shown: Convert = _same,
    to_data: Convert = _same,
    change: Change | None = None,
    conflict: bool = True,
) -> dict[str, Any]:
    """The widget ``key`` shows the draft's value at ``path`` (``shown`` makes it a widget value):
    set when it first appears, and again when the draft changed under it (another tab's change
    merged in) while it still shows its base. Its pending conflict, if any, is shown above it
    (unless ``conflict`` is False: the caller shows it, e.g. across a row of narrow columns).
    Returns the widget's ``key``/``on_change``/``args``: a change is saved with its base; and
    ``disabled`` while the release is frozen (``DraftEditor.locked``)."""
    value, bases = ed.value(path), _session(BASES)
    untouched = key in bases and st.session_state.get(key) == shown(bases[key]) and key not in _session(CONFLICTS)
    if key not in st.session_state or key not in bases or (untouched and bases[key] != value):
        st.session_state[key] = shown(value)
        bases[key] = value
    if conflict:
        _conflict(ed, key)
    binding = Binding(path, shown, to_data, change)
    return {"key": key, "on_change": _changed, "args": (ed, key, binding), "disabled": ed.locked}


def _changed(ed: DraftEditor, key: str, binding: Binding) -> None:
    save(ed, key, binding, binding.to_data(st.session_state[key]))


def save(ed: DraftEditor, key: str, binding: Binding, value: Any, *, base: Any = ...) -> None:
    """Save ``value`` from widget ``key`` on the base it showed. The same field changed elsewhere
    is kept as the widget's conflict (the person's text stays in the widget); any other refusal
    (a row removed elsewhere) becomes a notice."""
    apply = binding.change or (lambda v, b: ed.set(binding.path, v, base=b))
    try:
        apply(value, _session(BASES).get(key) if base is ... else base)
    except EditConflict as conflict:
        _session(CONFLICTS)[key] = (conflict, binding)
        return
    except PressdraftError as error:
        notify(error)
        return
    _session(BASES)[key] = ed.value(binding.path)
    _session(CONFLICTS).pop(key, None)


def attempt(action: Callable[..., Any], *args: Any) -> None:
    """A change with no widget of its own (a row moved or removed, a translation confirmed)."""
    try:
        action(*args)
    except PressdraftError as error:
        notify(error)


def notices(ed: DraftEditor) -> None:
    """What the editor refused since the last rerun, with a way to see the draft as saved now."""
    shown = st.session_state.pop(NOTICES, {})
    for text in shown:
        st.warning(text, icon=":material/sync_problem:")
    if shown:
        st.button(_("Show the draft as saved now"), key="w-reload", on_click=ed.reload)


def _described(value: Any) -> str:
    if isinstance(value, dict):
        value = " / ".join(str(v) for v in value.values())
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value) if value not in (None, "") else _("(empty)")


def _conflict(ed: DraftEditor, key: str) -> None:
    """The same field changed elsewhere since this widget showed it: which field and language,
    the text saved there, and a choice; the person's own text stays in the widget meanwhile."""
    pending = _session(CONFLICTS).get(key)
    if pending is None:
        return
    conflict = pending[0]
    where = conflict.path + (f" · {LANG_LABELS.get(conflict.lang, conflict.lang)}" if conflict.lang else "")
    with st.container(border=True, key=f"{key}-conflict"):
        st.warning(
            _("{field} was changed in another tab or session. Your text is kept below; the saved text is:").format(
                field=where
            ),
            icon=":material/sync_problem:",
        )
        st.text(_described(conflict.stored))
        with st.container(horizontal=True, gap="small"):
            st.button(_("Keep mine"), key=f"{key}-keep", on_click=_keep_mine, args=(ed, key), type="primary")
            st.button(_("Take the saved text"), key=f"{key}-take", on_click=_take_saved, args=(key,))


def _keep_mine(ed: DraftEditor, key: str) -> None:
    conflict, binding = _session(CONFLICTS)[key]
    save(ed, key, binding, binding.to_data(st.session_state[key]), base=conflict.stored)


def _take_saved(key: str) -> None:
    conflict, binding = _session(CONFLICTS).pop(key)
    st.session_state[key] = binding.shown(conflict.stored)
    _session(BASES)[key] = conflict.stored


def _forget(path: str) -> None:
    prefix = widget_key(path)
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]


def _localized_label(text: Any) -> str:
    return (text.get(ui_lang()) or text.get("en") or "") if text is not None else ""


# --- localized text ------------------------------------------------------------------------------


def localized(ed: DraftEditor, path: str, *, multiline: bool, source: str, stale: set[tuple[str, str]]) -> None:
    """One text in each of the draft's languages, side by side; the source language marked. A
    conflict is shown above the row, the width of the field, not in its language's narrow column."""
    for lang in ed.languages:
        _conflict(ed, widget_key(path, lang))
    columns = st.columns(len(ed.languages) or 1)
    for column, lang in zip(columns, ed.languages, strict=False):
        key = widget_key(path, lang)
        label = LANG_LABELS[lang] + (" · " + _("source") if lang == source else "")
        with column:
            kwargs = bind(ed, key, f"{path}.{lang}", shown=_text, change=_text_change(ed, path, lang), conflict=False)
            if multiline:
                st.text_area(label, height=140, **kwargs)
            else:
                st.text_input(label, live=True, **kwargs)
            if (ed.position(path), lang) in stale:
                st.caption(":orange[" + _("Stale: the source text changed after this translation.") + "]")
                st.button(
                    _("Confirm translation"),
                    key=widget_key(path, lang + "-confirm"),
                    on_click=_confirm,
                    args=(ed, path, lang, key),
                )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _text_change(ed: DraftEditor, path: str, lang: str) -> Change:
    return lambda text, base: ed.set_text(path, lang, text, base=base)


def _confirm(ed: DraftEditor, path: str, lang: str, key: str) -> None:
    attempt(lambda: ed.confirm(path, lang, base=_session(BASES).get(key)))


# --- references to the directory ----------------------------------------------------------------


def _name_in_ui(entry: Any) -> str:
    name = getattr(entry, "name", entry)
    return name.get(ui_lang()) or name.get("en") or name.get("tr") or ""


def place(ed: DraftEditor, path: str, service: DirectoryService, stale: set[tuple[str, str]]) -> None:
    directory = service.directory()
    keys = list(directory.places)
    key = widget_key(path, "key")

    def shown(value: Any) -> Any:
        return value if isinstance(value, str) and value in keys else (INLINE if isinstance(value, dict) else None)

    options = [*keys, INLINE]
    st.selectbox(
        _("Place"),
        options,
        index=None,
        placeholder=_("Choose a place"),
        format_func=lambda k: _("Another place (type its name)") if k == INLINE else _name_in_ui(directory.places[k]),
        label_visibility="collapsed",
        **bind(ed, key, path, shown=shown, to_data=lambda choice: {} if choice == INLINE else choice),
    )
    if st.session_state[key] == INLINE:
        localized(ed, path, multiline=False, source=ed.source_language, stale=stale)
    add_to_directory(ed, service, path, "places", key)


def person(ed: DraftEditor, path: str, service: DirectoryService, label: str, visibility: str = "visible") -> None:
    directory = service.directory()
    keys = list(directory.people)
    st.selectbox(
        label,
        keys,
        index=None,
        placeholder=_("Choose a person"),
        format_func=lambda k: _name_in_ui(directory.people[k]),
        label_visibility=visibility,
        **bind(ed, widget_key(path, "key"), path, shown=lambda v: v if v in keys else None),
    )


def add_to_directory(
    ed: DraftEditor, service: DirectoryService, path: str, section: str, picker: str, *, many: bool = False
) -> None:
    """ "Add new": a person or place typed once, in every language, then chosen for this field
    (for roles that may edit the directory; the service refuses the others anyway)."""
    if not service.account.can("directory.edit"):
        return
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
                service.add_directory_entry(section, key.strip(), entry)
            except PressdraftError as error:
                for problem in error.problems:
                    st.error(literal(problem_text(ui_lang(), problem)))
                return
            base = _session(BASES).get(picker)
            save(ed, picker, Binding(path), [*(base or []), key.strip()] if many else key.strip())
            _forget(path)
            st.rerun()


def people(ed: DraftEditor, path: str, service: DirectoryService, label: str) -> None:
    """Several people from the directory, in the order they are to be named."""
    directory = service.directory()
    keys = list(directory.people)
    key = widget_key(path, "keys")
    st.multiselect(
        label,
        keys,
        placeholder=_("Choose people, in the order they are named"),
        format_func=lambda k: _name_in_ui(directory.people[k]),
        label_visibility="collapsed",
        **bind(ed, key, path, shown=lambda v: [k for k in v or [] if k in keys]),
    )
    add_to_directory(ed, service, path, "people", key, many=True)


# --- rows ----------------------------------------------------------------------------------------


def row_controls(ed: DraftEditor, path: str, row_id: str, index: int, count: int) -> None:
    """Move a row up or down, or remove it: that row, wherever another tab has put it meanwhile."""
    row = f"{path}[@{row_id}]"
    with st.container(horizontal=True, gap="small"):
        st.button(
            "",
            icon=":material/arrow_upward:",
            key=widget_key(row, "up"),
            disabled=index == 0,
            on_click=attempt,
            args=(ed.move_row, path, row_id, -1),
            help=_("Move up"),
            type="tertiary",
        )
        st.button(
            "",
            icon=":material/arrow_downward:",
            key=widget_key(row, "down"),
            disabled=index == count - 1,
            on_click=attempt,
            args=(ed.move_row, path, row_id, 1),
            help=_("Move down"),
            type="tertiary",
        )
        st.button(
            "",
            icon=":material/delete:",
            key=widget_key(row, "remove"),
            on_click=attempt,
            args=(ed.remove_row, path, row_id),
            help=_("Remove"),
            type="tertiary",
        )


def add_button(ed: DraftEditor, path: str, label: str, row: Any) -> None:
    """Add ``row`` to the list, refused (and saying why) when it holds the most rows a draft may have."""
    full = len(ed.value(path) or []) >= MAX_ROWS
    st.button(label, key=widget_key(path, "add"), on_click=attempt, args=(ed.add_row, path, row), disabled=full)
    if full:
        st.caption(
            _("{limit} rows, the most a list may have — split the release or shorten the list").format(limit=MAX_ROWS)
        )


def text_list(ed: DraftEditor, path: str, stale: set[tuple[str, str]]) -> None:
    rows = ed.row_ids(path)
    for index, row_id in enumerate(rows):
        texts, controls = st.columns([10, 3], vertical_alignment="bottom")
        with texts:
            localized(ed, f"{path}[@{row_id}]", multiline=False, source=ed.source_language, stale=stale)
        with controls:
            row_controls(ed, path, row_id, index, len(rows))
    add_button(ed, path, _("Add a row"), empty_row("text_list", ed.languages, ed.source_language))


def quotes(ed: DraftEditor, path: str, service: DirectoryService, stale: set[tuple[str, str]]) -> None:
    rows = ed.row_ids(path)
    for index, row_id in enumerate(rows):
        at = f"{path}[@{row_id}]"
        with st.container(border=True):
            speaker, source, controls = st.columns([6, 3, 3], vertical_alignment="bottom")
            with speaker:
                person(ed, f"{at}.speaker", service, _("Speaker"))
            with source:
                st.selectbox(
                    _("Said in"),
                    list(LANG_LABELS),
                    format_func=LANG_LABELS.get,
                    **bind(
                        ed, widget_key(at, "source"), f"{at}.source_language", shown=lambda v: v or ed.source_language
                    ),
                )
            with controls:
                row_controls(ed, path, row_id, index, len(rows))
            localized(
                ed,
                f"{at}.text",
                multiline=True,
                source=ed.value(f"{at}.source_language") or ed.source_language,
                stale=stale,
            )
    add_button(ed, path, _("Add a quote"), empty_row("quotes", ed.languages, ed.source_language))


# --- one field -------------------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _date_of(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def date(ed: DraftEditor, path: str, label: str, visibility: str = "visible", help_text: str | None = None) -> None:
    kwargs = bind(ed, widget_key(path), path, shown=_date_of, to_data=_iso)
    st.date_input(label, format="DD.MM.YYYY", label_visibility=visibility, help=help_text, **kwargs)


def clock(ed: DraftEditor, path: str, label: str) -> None:
    """A time of day, kept as the draft format writes it (``09:30``); emptied, it is left out."""
    kwargs = bind(ed, widget_key(path), path, shown=_time_of, to_data=_hhmm)
    st.time_input(label, value=None, step=300, **kwargs)


def _time_of(value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # "tba", or a time the draft format refuses anyway


def _hhmm(value: Any) -> str | None:
    return value.strftime("%H:%M") if isinstance(value, dt.time) else None


@dataclass(frozen=True)
class Slot:
    """One template field's place in the form: what its type's widget is drawn with."""

    ed: DraftEditor
    spec: FieldSpec
    path: str
    label: str
    stale: set[tuple[str, str]]
    service: DirectoryService


def number(slot: Slot) -> None:
    st.number_input(
        slot.label,
        step=1,
        format="%d",
        min_value=0,
        label_visibility="collapsed",
        **bind(
            slot.ed,
            widget_key(slot.path),
            slot.path,
            shown=lambda v: v if isinstance(v, int) else None,
            to_data=lambda v: None if v is None else int(v),
        ),
    )


def choice(slot: Slot) -> None:
    kwargs = bind(slot.ed, widget_key(slot.path), slot.path)
    st.selectbox(slot.label, slot.spec.choices, index=None, label_visibility="collapsed", **kwargs)


def _localized_field(slot: Slot, *, multiline: bool) -> None:
    localized(slot.ed, slot.path, multiline=multiline, source=slot.ed.source_language, stale=slot.stale)


#: The widget of each field type, by the names of ``FIELD_TYPES`` (a test holds them equal).
WIDGETS: dict[str, Callable[[Slot], None]] = {
    "text": lambda slot: _localized_field(slot, multiline=False),
    "paragraphs": lambda slot: _localized_field(slot, multiline=True),
    "text_list": lambda slot: text_list(slot.ed, slot.path, slot.stale),
    "date": lambda slot: date(slot.ed, slot.path, slot.label, "collapsed"),
    "number": number,
    "place": lambda slot: place(slot.ed, slot.path, slot.service, slot.stale),
    "person": lambda slot: person(slot.ed, slot.path, slot.service, slot.label, "collapsed"),
    "people": lambda slot: people(slot.ed, slot.path, slot.service, slot.label),
    "quotes": lambda slot: quotes(slot.ed, slot.path, slot.service, slot.stale),
    "choice": choice,
}


def field(ed: DraftEditor, spec: FieldSpec, stale: set[tuple[str, str]], service: DirectoryService) -> None:
    """The widgets of one template field, under its label and help in the interface language."""
    path = f"fields.{spec.name}"
    label = literal(_localized_label(spec.label))
    help_text = literal(_localized_label(spec.help)) or None
    required = ' <span style="color:#b42318">*</span>' if spec.required else ""
    st.markdown(
        f'<span id="{anchor(path)}"></span><strong>{label}</strong>{required}',
        unsafe_allow_html=True,
        help=help_text,
    )
    said_elsewhere(ed, spec)
    WIDGETS[spec.type](Slot(ed, spec, path, label, stale, service))
    comments.beside(ed, path)


#: How a field that the event says is told so, by the event's key (``FieldSpec.event``).
EVENT_SAYS = {
    "date": N_("Left empty, the event's date is used."),
    "city": N_("Left empty, the event's city is used."),
    "venue": N_("Left empty, the event's venue is used."),
}


def said_elsewhere(ed: DraftEditor, spec: FieldSpec) -> None:
    """A field the event or a body block can say is told so under its label (format 2 only)."""
    if ed.data.get("format") == 1:
        return
    notes = [_(EVENT_SAYS[spec.event])] if spec.event else []
    if spec.covered_by:
        block = _(KIND_LABELS[spec.covered_by])
        notes.append(_("May be left empty when the body has a “{block}” block.").format(block=block))
    if notes:
        st.caption(" ".join(notes))
