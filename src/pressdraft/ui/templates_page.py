"""Templates: the library staff maintain — list, create, edit with checks and preview, history."""

from __future__ import annotations

import streamlit as st
from streamlit_ace import st_ace

from pressdraft import LANGUAGES
from pressdraft.app.workshop import SaveConflict, refusals
from pressdraft.core.library import META_FILE, file_of, source_file
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.document.blocks import blocks_to_html
from pressdraft.ui.access import require
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import account, app
from pressdraft.ui.text import LANG_LABELS, PREVIEW_CSS, literal

FILES = [META_FILE, *(source_file(lang) for lang in LANGUAGES)]


def page() -> None:

    require(account(), "templates", "templates")
    st.title(_("Templates"))
    rows = app().template_rows()
    st.dataframe(
        [
            {
                _("Template"): row.name.get(ui_lang()) or row.name.get("en") or row.id,
                _("Key"): row.id,
                _("Languages"): " ".join(LANG_LABELS[lang] for lang in row.languages),
                _("Version"): f"v{row.version}" if row.version else _("shipped"),
                _("Edited by"): row.edited_by,
                _("Edited"): row.edited_at.strftime("%d.%m.%Y %H:%M") if row.edited_at else "",
            }
            for row in rows
        ],
        hide_index=True,
        width="stretch",
    )
    ids = [row.id for row in rows]
    pick, create, exchange = st.columns([3, 2, 2], vertical_alignment="bottom")
    with pick:
        template_id = st.selectbox(_("Template to edit"), ids, key="tpl-pick")
    with create:
        new_template(ids)
    with exchange:
        st.download_button(
            _("Export the library (ZIP)"),
            data=app().export_templates,
            file_name="templates.zip",
            mime="application/zip",
            key="tpl-export",
            on_click="ignore",
        )
    import_templates()
    if template_id:
        editor(template_id)


def new_template(ids: list[str]) -> None:
    with st.popover(_("New template"), icon=":material/add:"):
        new_id = st.text_input(_("Key (lower-case letters, digits, hyphens)"), key="tpl-new-id")
        source = st.selectbox(
            _("Start from"), ["", *ids], key="tpl-new-from", format_func=lambda i: i or _("a blank template")
        )
        if st.button(_("Create"), key="tpl-create", type="primary"):
            try:
                app().create_template(new_id.strip(), copy_of=source or None)
            except PressdraftError as error:
                show_problems(error.problems)
            else:
                st.session_state["tpl-pick"] = new_id.strip()
                st.rerun()


def import_templates() -> None:
    upload = st.file_uploader(
        _("Import templates (ZIP in the layout of templates/)"), type=["zip"], key="tpl-import", max_upload_size=2
    )
    if upload is None or st.session_state.get("tpl-imported") == upload.file_id:
        return
    st.session_state["tpl-imported"] = upload.file_id
    try:
        results = app().import_templates(upload.getvalue())
    except PressdraftError as error:
        st.error(_("Nothing was imported:"))
        show_problems(error.problems)
        return
    for template_id, result in results.items():
        note = _("version {number}").format(number=result.version.number)
        (st.success if result.used else st.warning)(f"{literal(template_id)}: {note}")


def _buffer(template_id: str) -> dict[str, object]:
    """The files being edited, kept for the session until saved (or reloaded from the store)."""
    buffers = st.session_state.setdefault("tpl-buffers", {})
    if template_id not in buffers:
        _reload(template_id)
    return buffers[template_id]  # type: ignore[no-any-return]


def _reload(template_id: str) -> None:
    """Start editing from the newest saved version; the editors start afresh with it."""
    buffers = st.session_state.setdefault("tpl-buffers", {})
    generation = buffers.get(template_id, {}).get("generation", 0) + 1
    files, base = app().template_files(template_id)
    buffers[template_id] = {"files": files, "initial": dict(files), "base": base, "generation": generation}


def _editor_key(template_id: str, name: str, generation: object) -> str:
    return f"ace-{template_id}-{name}-{generation}"


def editor(template_id: str) -> None:
    buffer = _buffer(template_id)
    files: dict[str, str] = buffer["files"]  # type: ignore[assignment]
    initial: dict[str, str] = buffer["initial"]  # type: ignore[assignment]
    base = buffer["base"]
    for name in FILES:  # what the editors hold now (their value is kept under their key)
        typed = st.session_state.get(_editor_key(template_id, name, buffer["generation"]))
        if isinstance(typed, str):
            files[name] = typed
    st.subheader(literal(template_id))
    if base is None:
        st.caption(_("A shipped template: your first save makes your organization's own copy, which replaces it."))
    else:
        st.caption(_("Editing from version {number}.").format(number=base))
    problems = app().check_template(template_id, files)
    left, right = st.columns([3, 2], gap="large")
    with left:
        tabs = st.tabs(FILES)
        for tab, name in zip(tabs, FILES, strict=True):
            with tab:
                st_ace(
                    value=initial.get(name, ""),  # fixed while typing, so no keystroke is lost
                    language="yaml" if name == META_FILE else "django",
                    theme="chrome",
                    key=_editor_key(template_id, name, buffer["generation"]),
                    auto_update=True,
                    wrap=True,
                    min_lines=18,
                    max_lines=40,
                    font_size=13,
                    annotations=annotations(problems, template_id, name),
                )
        save_box(template_id, files, base, problems)
    with right:
        st.markdown("**" + _("Checks") + "**")
        if problems:
            show_problems(problems)
        else:
            st.success(_("Every check passes."))
        preview(template_id, files, problems)
    history(template_id)


def annotations(problems: list[Problem], template_id: str, name: str) -> list[dict[str, object]]:
    """Problems shown in the editor's margin of file ``name``, at the line they are about."""
    file = file_of(template_id, name).file
    return [
        {"row": p.at.line - 1, "column": 0, "type": "error", "text": p.message}
        for p in problems
        if p.at.file == file and p.at.line
    ]


def show_problems(problems: list[Problem]) -> None:
    for problem in problems:
        st.markdown(f"- :red[{literal(problem_text(ui_lang(), problem))}]")


def preview(template_id: str, files: dict[str, str], problems: list[Problem]) -> None:
    st.markdown("**" + _("Preview with the sample values") + "**")
    try:
        documents = app().preview_template(template_id, files)
    except PressdraftError:
        st.info(_("The preview appears once the template can be rendered."))
        return
    st.html(PREVIEW_CSS)
    tabs = st.tabs([LANG_LABELS[lang] for lang in documents])
    for tab, (lang, blocks) in zip(tabs, documents.items(), strict=True):
        with tab:
            st.html(f'<div class="pd-page" lang="{lang}">{blocks_to_html(blocks)}</div>')


def save_box(template_id: str, files: dict[str, str], base: int | None, problems: list[Problem]) -> None:
    comment = st.text_input(_("What did you change?"), key=f"tpl-comment-{template_id}")
    refused = refusals(template_id, files)  # what no version may hold: saving it is refused, not kept
    if refused:
        st.caption(_("It holds what no version of a template may hold (see the problems): fix that to save it."))
    elif problems:
        st.caption(_("It does not pass its checks: saving keeps it as a draft version, not used for releases."))
    if not st.button(_("Save as a new version"), key=f"tpl-save-{template_id}", type="primary", disabled=bool(refused)):
        return
    try:
        result = app().save_template(template_id, files, base_version=base, comment=comment)
    except SaveConflict as conflict:
        st.error(
            _(
                "Not saved: {author} saved version {number} meanwhile. Nothing was overwritten; "
                "compare, then reload their version and apply your change again."
            ).format(author=literal(conflict.current.author), number=conflict.current.number)
        )
        st.code(conflict.diff, language="diff")
        st.button(_("Load their version"), key=f"tpl-load-{template_id}", on_click=_reload, args=(template_id,))
        return
    except PressdraftError as error:
        show_problems(error.problems)
        return
    _reload(template_id)
    message = _("Saved as version {number}.").format(number=result.version.number)
    if result.used:
        st.success(message)
    else:
        st.warning(message + " " + _("It is kept as a draft version and not used until its checks pass."))


def history(template_id: str) -> None:
    versions = app().template_history(template_id)
    with st.expander(_("History ({count} versions)").format(count=len(versions)), expanded=bool(versions)):
        if not versions:
            st.caption(_("No saved versions yet: the shipped template is in use."))
            return
        for version in versions:
            status = _("in use") if version.status == "working" else _("draft, not used")
            restored = (
                _(" · restored from version {number}").format(number=version.restored_from)
                if version.restored_from
                else ""
            )
            with st.container(border=True, key=f"tpl-version-{version.number}"):
                st.markdown(
                    f"**v{version.number}** · {literal(version.author)} · {version.created_at:%d.%m.%Y %H:%M} · "
                    f"{status}{restored}  \n{literal(version.comment)}"
                )
                shown, restore = st.columns([4, 1])
                with shown, st.popover(_("Changes"), key=f"tpl-diff-{version.number}"):
                    st.code(app().template_diff(template_id, version.number) or _("no change"), language="diff")
                restore.button(
                    _("Restore"),
                    key=f"tpl-restore-{version.number}",
                    on_click=_restore,
                    args=(template_id, version.number),
                )


def _restore(template_id: str, number: int) -> None:
    app().restore_template(template_id, number)
    _reload(template_id)
