"""The body of a format-2 draft on the compose form: the release's own story, block by block.

Blocks are the rows of the list at ``body``, named by their ids (``body[@3f9a…].quote.text``), so a
block moved or removed in another tab is found, or reported, never confused with the block now at its
place. Each block's texts are the form's localized widgets (side by side, the source language marked,
stale marks and conflicts as a field's), its people the form's pickers; the problems the check finds
in a block (``body[2]…``) are told inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from pressdraft.app.editing import block_kind, empty_block
from pressdraft.app.service import AppService
from pressdraft.app.workspace import DraftEditor, Report
from pressdraft.core.body import BLOCK_TYPES, VERBS
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.safety.images import MAX_IMAGE_BYTES
from pressdraft.ui import comments, form
from pressdraft.ui.labels import KIND_LABELS, VERB_LABELS
from pressdraft.ui.notices import notify
from pressdraft.ui.session import _
from pressdraft.ui.text import LANG_LABELS, literal


@dataclass(frozen=True)
class BlockSlot:
    """One block's place in the form: its value's path (``body[@id].quote``) and what its widgets need."""

    ed: DraftEditor
    path: str
    stale: set[tuple[str, str]]
    service: AppService


def body_section(ed: DraftEditor, report: Report, stale: set[tuple[str, str]], service: AppService) -> None:
    """Every block in order, each with its widgets and its problems, then a picker to add one."""
    heading = literal(_("Body"))
    st.markdown(
        f'<span id="{form.anchor("body")}"></span><strong>{heading}</strong>',
        unsafe_allow_html=True,
        help=_("The release's own story, after the template's lead: paragraphs, quotes, documents, a programme…"),
    )
    rows = ed.row_ids("body")
    for index, row_id in enumerate(rows):
        slot = BlockSlot(ed, f"body[@{row_id}]", stale, service)
        block(slot, row_id, (index, len(rows)), _problems_of(report, index))
    add_block(ed)


def _problems_of(report: Report, index: int) -> list[Problem]:
    return [p for p in report.problems if p.at.field[:2] == ("body", index)]


def block(slot: BlockSlot, row_id: str, place: tuple[int, int], problems: list[Problem]) -> None:
    """One block (``place``: its position and the number of blocks): its kind, its controls, its
    widgets, what the check found in it."""
    kind = block_kind(slot.ed.value(slot.path))
    index, count = place
    with st.container(border=True, key=form.widget_key(slot.path, "block")):
        title, controls = st.columns([10, 3], vertical_alignment="center")
        title.markdown(
            f'<span id="{form.anchor(f"body[{index}]")}"></span><strong>{literal(_kind_label(kind))}</strong>',
            unsafe_allow_html=True,
        )
        with controls:
            form.row_controls(slot.ed, "body", row_id, index, count)
        if kind is None:
            st.caption(_("This block cannot be edited here; correct it in the draft file, or remove it."))
        else:
            BLOCK_WIDGETS[kind](BlockSlot(slot.ed, f"{slot.path}.{kind}", slot.stale, slot.service))
        form.problem_notes(problems)
        comments.beside(slot.ed, f"body.{index}")


def _kind_label(kind: str | None) -> str:
    return _(KIND_LABELS[kind]) if kind else _("Unknown block")


def add_block(ed: DraftEditor) -> None:
    """A picker naming the kinds in the interface language, and a button adding one at the end."""
    picked = form.widget_key("body", "kind")
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        st.selectbox(_("Add to the body"), list(BLOCK_TYPES), key=picked, format_func=_kind_label, width=320)
        st.button(
            _("Add block"),
            key=form.widget_key("body", "add"),
            icon=":material/add:",
            on_click=_add_picked,
            args=(ed, picked),
        )


def _add_picked(ed: DraftEditor, picked: str) -> None:
    form.attempt(ed.add_row, "body", empty_block(st.session_state[picked], ed.source_language))


# --- the blocks -----------------------------------------------------------------------------------


def _texts(multiline: bool) -> Callable[[BlockSlot], None]:
    """A block that is one localized text (a paragraph, a subheading, a statement)."""
    return lambda slot: form.localized(
        slot.ed, slot.path, multiline=multiline, source=slot.ed.source_language, stale=slot.stale
    )


def _speaker(slot: BlockSlot) -> None:
    path = f"{slot.path}.speaker"
    form.person(slot.ed, path, slot.service, _("Speaker"))
    form.add_to_directory(slot.ed, slot.service, path, "people", form.widget_key(path, "key"))


def _verb(slot: BlockSlot) -> None:
    st.selectbox(
        _("Verb"),
        list(VERBS),
        format_func=lambda verb: _(VERB_LABELS[verb]),
        **form.bind(slot.ed, form.widget_key(slot.path, "verb"), f"{slot.path}.verb", shown=lambda v: v or "say"),
    )


def _said_in(slot: BlockSlot) -> None:
    st.selectbox(
        _("Said in"),
        list(LANG_LABELS),
        format_func=LANG_LABELS.get,
        **form.bind(
            slot.ed,
            form.widget_key(slot.path, "source"),
            f"{slot.path}.source_language",
            shown=lambda v: v or slot.ed.source_language,
        ),
    )


def _who_and_how(slot: BlockSlot) -> None:
    """The speaker, the verb and the language it was said in, on one row (a quote's and a paraphrase's)."""
    speaker, verb, said_in = st.columns([5, 3, 2])
    with speaker:
        _speaker(slot)
    with verb:
        _verb(slot)
    with said_in:
        _said_in(slot)


def _spoken_text(slot: BlockSlot) -> None:
    source = slot.ed.value(f"{slot.path}.source_language") or slot.ed.source_language
    form.localized(slot.ed, f"{slot.path}.text", multiline=True, source=source, stale=slot.stale)


def quote(slot: BlockSlot) -> None:
    """Who said it, how (the verb), in which language, where (the setting: never guessed), and the words."""
    _who_and_how(slot)
    _spoken_text(slot)
    st.caption(_("Setting (optional): where it was said, e.g. at the press conference"))
    form.localized(slot.ed, f"{slot.path}.setting", multiline=False, source=slot.ed.source_language, stale=slot.stale)


def paraphrase(slot: BlockSlot) -> None:
    """Reported speech: the clause as the verb governs it, attributed to the speaker."""
    _who_and_how(slot)
    st.caption(_("Write what was said as the verb governs it: tr …olduğunu, az …olduğunu, en that …"))
    _spoken_text(slot)


def bullet_list(slot: BlockSlot) -> None:
    st.radio(
        _("Style"),
        ["bullet", "number"],
        horizontal=True,
        format_func=lambda style: _("Bullets") if style == "bullet" else _("Numbered"),
        **form.bind(slot.ed, form.widget_key(slot.path, "style"), f"{slot.path}.style", shown=lambda v: v or "bullet"),
    )
    form.text_list(slot.ed, f"{slot.path}.items", slot.stale)


def documents(slot: BlockSlot) -> None:
    """Each document with its own title, kind and signatories (so the release agrees in number)."""
    ed, rows = slot.ed, slot.ed.row_ids(slot.path)
    for index, row_id in enumerate(rows):
        row = f"{slot.path}[@{row_id}]"
        with st.container(border=True):
            heading, controls = st.columns([10, 3], vertical_alignment="center")
            heading.markdown("**" + _("Document {number}").format(number=index + 1) + "**")
            with controls:
                form.row_controls(ed, slot.path, row_id, index, len(rows))
            st.caption(_("Document title"))
            form.localized(ed, f"{row}.title", multiline=False, source=ed.source_language, stale=slot.stale)
            st.caption(_("Kind (optional): memorandum, agreement, protocol…"))
            form.localized(ed, f"{row}.kind", multiline=False, source=ed.source_language, stale=slot.stale)
            st.caption(_("Signatories"))
            form.people(ed, f"{row}.signatories", slot.service, _("Signatories"))
    form.add_button(ed, slot.path, _("Add a document"), {"title": {}, "signatories": []})


def agenda(slot: BlockSlot) -> None:
    """The programme: a start time, an optional end, and what happens, row by row."""
    ed, rows = slot.ed, slot.ed.row_ids(slot.path)
    for index, row_id in enumerate(rows):
        row = f"{slot.path}[@{row_id}]"
        with st.container(border=True):
            start, end, controls = st.columns([4, 4, 3], vertical_alignment="bottom")
            with start:
                form.clock(ed, f"{row}.time", _("From"))
            with end:
                form.clock(ed, f"{row}.end", _("Until (optional)"))
            with controls:
                form.row_controls(ed, slot.path, row_id, index, len(rows))
            form.localized(ed, f"{row}.item", multiline=False, source=ed.source_language, stale=slot.stale)
    form.add_button(ed, slot.path, _("Add a programme item"), {"item": {}})


def photo(slot: BlockSlot) -> None:
    """A picture uploaded to the store (cleaned of its metadata there), its caption and its credit."""
    ed, service = slot.ed, slot.service
    ref = ed.value(f"{slot.path}.file")
    picture, details = st.columns([2, 5])
    with picture:
        image = _stored_image(service, ref)
        if image is not None:
            st.image(image, width=180)
        elif ref:
            st.caption(literal(str(ref)))
        upload = form.widget_key(slot.path, "upload")
        megabytes = photo_megabytes()
        st.file_uploader(
            _("Picture: JPEG, PNG or WebP, at most {size} MB").format(size=megabytes),
            type=["jpg", "jpeg", "png", "webp"],
            max_upload_size=megabytes,
            key=upload,
            on_change=_uploaded,
            args=(ed, service, f"{slot.path}.file", upload, ref),
        )
    with details:
        st.caption(_("Caption"))
        form.localized(ed, f"{slot.path}.caption", multiline=False, source=ed.source_language, stale=slot.stale)
        st.text_input(
            _("Credit"),
            placeholder=_("Photo: …"),
            **form.bind(
                ed,
                form.widget_key(slot.path, "credit"),
                f"{slot.path}.credit",
                shown=lambda v: v if isinstance(v, str) else "",
                to_data=lambda text: text.strip() or None,
            ),
        )


def photo_megabytes() -> int:
    """The most an uploaded photo may weigh: the server's own upload limit (``server.maxUploadSize``, 15 MB
    in ``.streamlit/config.toml``), which no widget can raise, within the picture gate's (``safety/images.py``)."""
    return min(int(st.get_option("server.maxUploadSize")), MAX_IMAGE_BYTES // 2**20)


def _stored_image(service: AppService, ref: Any) -> bytes | None:
    """The bytes of a stored picture, for its thumbnail (none for a file path or an unknown id)."""
    if not isinstance(ref, str):
        return None
    return service.images_for({"body": [{"photo": {"file": ref}}]}).get(ref)


def _uploaded(ed: DraftEditor, service: AppService, path: str, upload: str, shown: Any) -> None:
    """A picture chosen: cleaned and kept by the service, then named by its id in the block."""
    chosen = st.session_state.get(upload)
    if chosen is None:
        return
    try:
        ref = service.upload_photo(chosen.getvalue(), chosen.name)
        ed.set(path, ref, base=shown)
    except PressdraftError as error:
        notify(error)


#: The widgets of each block kind, by the names of ``BLOCK_TYPES`` (a test holds them equal).
BLOCK_WIDGETS: dict[str, Callable[[BlockSlot], None]] = {
    "paragraph": _texts(multiline=True),
    "subheading": _texts(multiline=False),
    "quote": quote,
    "paraphrase": paraphrase,
    "list": bullet_list,
    "documents": documents,
    "agenda": agenda,
    "photo": photo,
    "statement": _texts(multiline=True),
}
