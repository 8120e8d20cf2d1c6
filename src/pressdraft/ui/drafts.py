"""Drafts: every release in the making, opened, duplicated, deleted to a trash, imported, exported.

Drafts are shared by the office: everyone sees and opens every draft, with its owner shown.
A draft goes to the trash and back by its owner or an admin; only an admin deletes for good.
"""

from __future__ import annotations

import streamlit as st

from pressdraft.core.problems import PressdraftError
from pressdraft.ui import access
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import account, app
from pressdraft.ui.text import LANG_LABELS, literal

MAX_UPLOAD_BYTES = 2_000_000


def page() -> None:
    st.title(_("Drafts"))
    new, upload = st.columns([1, 2])
    with new:
        if st.button(_("New release"), type="primary", icon=":material/add:", key="drafts-new-release"):
            _open(app().new_draft())
    with upload:
        import_draft()
    current, trash = st.tabs([_("Drafts"), _("Trash")])
    with current:
        listing(trash=False)
    with trash:
        listing(trash=True)


def _open(draft_id: str) -> None:
    st.session_state.pop("editor", None)
    access.go("compose", {"draft": draft_id})


def listing(*, trash: bool) -> None:
    rows = app().draft_summaries(trash=trash)
    if not rows:
        st.caption(_("The trash is empty.") if trash else _("No drafts yet."))
        return
    service = app()
    who = account()
    for row in rows:
        with st.container(border=True):
            st.markdown(f"**{literal(row.title or _('Untitled'))}**")
            languages = " ".join(LANG_LABELS.get(lang, lang) for lang in row.languages)
            completeness = " · ".join(
                _("{lang}: complete").format(lang=LANG_LABELS[lang])
                if not missing
                else _("{lang}: {count} missing").format(lang=LANG_LABELS[lang], count=missing)
                for lang, missing in row.missing.items()
            )
            kind = row.template_name.get(ui_lang()) or row.template_name.get("en", "")
            edited = _("edited {when}").format(when=row.updated_at.strftime("%d.%m.%Y %H:%M"))
            owner = "" if who.local else " · " + _("owner: {user}").format(user=literal(row.owner))
            st.caption(f"{literal(kind)} · {languages} · {completeness} · {edited}{owner}")
            with st.container(horizontal=True):
                if trash:
                    if who.may_trash(row.owner):
                        st.button(_("Restore"), key=f"restore-{row.id}", on_click=service.restore_draft, args=(row.id,))
                    if who.can("trash.purge"):
                        st.button(
                            _("Delete for good"), key=f"purge-{row.id}", on_click=service.purge_draft, args=(row.id,)
                        )
                    continue
                if st.button(_("Open"), key=f"open-{row.id}", type="primary"):
                    _open(row.id)
                st.button(_("Duplicate"), key=f"dup-{row.id}", on_click=service.duplicate_draft, args=(row.id,))
                if who.may_trash(row.owner):
                    st.button(_("Delete"), key=f"del-{row.id}", on_click=service.trash_draft, args=(row.id,))
                for fmt in ("yaml", "json"):
                    name, make = service.draft_export(row.id, fmt, row.date)
                    label = _("Export {fmt}").format(fmt=fmt.upper())
                    st.download_button(
                        label, data=make, file_name=name, key=f"export-{fmt}-{row.id}", on_click="ignore"
                    )


def import_draft() -> None:
    upload = st.file_uploader(
        _("Import a draft file (YAML or JSON)"), type=["yaml", "yml", "json"], key="import-draft", max_upload_size=2
    )
    if upload is None:
        return
    data = upload.getvalue()
    if len(data) > MAX_UPLOAD_BYTES:
        st.error(_("The file is larger than 2 MB."))
        return
    try:
        draft_id = app().import_draft(data, upload.name)
    except PressdraftError as error:
        st.error(_("The file was not imported:"))
        for problem in error.problems:
            st.markdown(f"- {literal(problem_text(ui_lang(), problem))}")
        return
    _open(draft_id)
