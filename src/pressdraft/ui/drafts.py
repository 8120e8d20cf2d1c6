"""Drafts: the team's worklist of releases in the making, opened, duplicated, deleted to a trash,
imported, exported.

Drafts are shared by the office: everyone sees and opens every draft, with its owner shown.
The worklist's filters (state, owner, waiting for my review, order: ``app/worklist.py``) are kept
for the session and shown in the URL, so a link opens the same list for whoever follows it.
A draft goes to the trash and back by its owner or an admin; only an admin deletes for good.
"""

from __future__ import annotations

import streamlit as st

from pressdraft.app.worklist import ME, PARAMS, STATUSES, Filters, waiting_for_review
from pressdraft.core.problems import PressdraftError
from pressdraft.ui import access
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.labels import STATUS_LABELS
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
        listing(filters())
    with trash:
        listing(Filters(), trash=True)


def _open(draft_id: str) -> None:
    st.session_state.pop("editor", None)
    access.go("compose", {"draft": draft_id})


#: The session's worklist filters, for a return to the page with no filters in its URL.
KEPT = "worklist-filters"
EVERYONE, A_PERSON = "everyone", "person"
_WIDGETS = ("wl-status", "wl-owner", "wl-person", "wl-waiting", "wl-sort")


def filters() -> Filters:
    """The worklist's filters as the widgets hold them; on the page's first run in a session they
    come from the link (its query parameters), else from the session's last visit; every run writes
    them back into the URL."""
    if not any(key in st.session_state for key in _WIDGETS):
        _show(_linked() or st.session_state.get(KEPT, Filters()))
    bar = st.container(horizontal=True, vertical_alignment="bottom")
    status = bar.selectbox(
        _("State"), [None, *STATUSES], key="wl-status", format_func=lambda s: _(STATUS_LABELS[s][0]) if s else _("Any")
    )
    names = {ME: _("Mine"), EVERYONE: _("Everyone's"), A_PERSON: _("A person's")}
    owner = bar.selectbox(_("Owner"), list(names), key="wl-owner", format_func=names.__getitem__)
    if owner == A_PERSON:
        people = app().worklist.owners()
        kept = st.session_state.get("wl-person")
        owner = bar.selectbox(_("Person"), people if kept in (None, *people) else [kept, *people], key="wl-person")
    order = {"newest": _("Latest change first"), "oldest": _("Oldest change first")}
    sort = bar.selectbox(_("Order"), list(order), key="wl-sort", format_func=order.__getitem__)
    waiting = bar.toggle(_("Waiting for my review"), key="wl-waiting")
    chosen = Filters(status, None if owner == EVERYONE else owner, waiting, sort == "oldest")
    st.session_state[KEPT] = chosen
    _link(chosen)
    return chosen


def _linked() -> Filters | None:
    """The filters the URL names, if it names any."""
    params = {key: st.query_params[key] for key in PARAMS if key in st.query_params}
    return Filters.from_params(params) if params else None


def _show(chosen: Filters) -> None:
    """Put ``chosen`` into the widgets (before they are drawn)."""
    st.session_state["wl-status"] = chosen.status
    st.session_state["wl-owner"] = {None: EVERYONE, ME: ME}.get(chosen.owner, A_PERSON)
    if chosen.owner not in (None, ME):
        st.session_state["wl-person"] = chosen.owner
    st.session_state["wl-waiting"] = chosen.waiting
    st.session_state["wl-sort"] = "oldest" if chosen.oldest_first else "newest"


def _link(chosen: Filters) -> None:
    """Show ``chosen`` in the URL (leaving its other parameters), changing it only when it differs."""
    wanted = chosen.params()
    for key in PARAMS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
        elif key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]


def listing(chosen: Filters, *, trash: bool = False) -> None:
    rows = app().worklist.rows(chosen, trash=trash)
    if not rows:
        if trash:
            st.caption(_("The trash is empty."))
        elif chosen.waiting and waiting_for_review(account()) is None:
            st.caption(_("Only editors and administrators review releases: nothing waits for your review."))
        else:
            st.caption(_("No drafts match these filters.") if chosen != Filters() else _("No drafts yet."))
        return
    service = app()
    who = account()
    for row in rows:
        with st.container(border=True):
            state, colour = STATUS_LABELS[row.status]
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"**{literal(row.title or _('Untitled'))}**", width="content")
                st.badge(_(state), color=colour)
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
