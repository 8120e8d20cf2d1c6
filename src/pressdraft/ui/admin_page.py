"""Administration (admins only): the audit log with its exports, the users and roles, the settings."""

from __future__ import annotations

import streamlit as st

from pressdraft import N_
from pressdraft.app import admin
from pressdraft.app.admin import AuditEntry
from pressdraft.app.auth import sorted_allowlist
from pressdraft.app.settings import SETTINGS
from pressdraft.ui.access import require, role_name
from pressdraft.ui.review_bar import four_eyes_setting
from pressdraft.ui.session import _, settings
from pressdraft.ui.state import account, app

OBJECT_TYPES = {
    "": N_("Everything"),
    "template": N_("Templates"),
    "directory": N_("Directory"),
    "draft": N_("Drafts"),
    "draft_version": N_("Every change of a draft"),
    "setting": N_("Settings"),
    "account": N_("Accounts"),
}
ACTIONS = {
    "template.save": N_("template saved"),
    "template.restore": N_("template version restored"),
    "directory.save": N_("directory saved"),
    "draft.delete": N_("draft moved to the trash"),
    "draft.restore": N_("draft restored from the trash"),
    "draft.purge": N_("draft deleted for good"),
    "draft.edit": N_("draft edited by someone other than its owner"),
    "draft.empty": N_("draft emptied"),
    "draft.recover": N_("draft put back from the audit log"),
    "draft.change": N_("draft changed"),
    "settings.set": N_("setting changed"),
    "settings.reset": N_("setting reset"),
    "settings.changed": N_("setting changed"),
    "account.bind": N_("account bound at first sign-in"),
    "account.refused": N_("sign-in refused: another account"),
    "account.release": N_("account binding released"),
}
ROLE_RIGHTS = {
    "drafter": N_("compose; every draft of the office; own drafts to the trash and back; directory to read"),
    "editor": N_("what a drafter may, and templates and editing the directory"),
    "admin": N_("everything: also administration (audit log, users, settings) and the whole trash"),
}
OBJECT_NAMES = {
    "template": N_("Template"),
    "directory": N_("Directory"),
    "draft": N_("Draft"),
    "draft_version": N_("Draft"),
    "setting": N_("Setting"),
    "account": N_("Account"),
}
PAGE = "audit-page"
RELEASED = "binding-released"


def page() -> None:
    require(account(), "admin", "admin")
    st.title(_("Administration"))
    log, users, configured = st.tabs([_("Audit log"), _("Users and roles"), _("Settings")])
    with log:
        audit_log()
    with users:
        users_and_roles()
    with configured:
        settings_table()
        four_eyes_setting(app().review)


def _reset_paging() -> None:
    st.session_state[PAGE] = 0


def audit_log() -> None:
    st.caption(
        _(
            "Every change to templates, the directory and the settings, every deletion, every draft "
            "emptied and every edit of a draft by someone other than its owner: who, when, what, "
            "before and after. The newest first."
        )
    )
    service = app()
    kind_column, csv_column, json_column = st.columns([3, 1, 1], vertical_alignment="bottom")
    with kind_column:
        kind = st.selectbox(
            _("Show"),
            list(OBJECT_TYPES),
            format_func=lambda k: _(OBJECT_TYPES[k]),
            key="audit-type",
            on_change=_reset_paging,
        )
    for column, file_format, label, mime in (
        (csv_column, "csv", N_("Export CSV"), "text/csv"),
        (json_column, "json", N_("Export JSON"), "application/json"),
    ):
        column.download_button(
            _(label),
            data=lambda file_format=file_format: service.audit_file(file_format),
            file_name=f"pressdraft-audit.{file_format}",
            mime=mime,
            icon=":material/download:",
            key=f"audit-{file_format}",
            on_click="ignore",
            width="stretch",
        )
    number = int(st.session_state.setdefault(PAGE, 0))
    entries, more = service.audit_page(object_type=kind or None, page=number)
    if not entries:
        st.info(_("Nothing recorded yet."))
    else:
        shown = st.dataframe(
            [
                {
                    _("When (UTC)"): entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                    _("Who"): entry.user,
                    _("What"): _(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action,
                    _("Object"): _object(entry),
                    _("Before"): admin.compact(admin.without_data(entry.before)),
                    _("After"): admin.compact(admin.without_data(entry.after)),
                }
                for entry in entries
            ],
            hide_index=True,
            width="stretch",
            key=f"audit-table-{kind}-{number}",
            on_select="rerun",
            selection_mode="single-row",
        )
        picked = shown.selection.rows
        if picked:
            details(entries[picked[0]])
        else:
            st.caption(_("Select a row to see what it changed."))
    first = number * admin.AUDIT_PAGE_SIZE + 1
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            _("Newer"),
            icon=":material/chevron_left:",
            key="audit-newer",
            disabled=number == 0,
            on_click=_turn,
            args=(-1,),
        )
        if entries:
            st.caption(_("Entries {first}–{last}").format(first=first, last=first + len(entries) - 1))
        st.button(
            _("Older"), icon=":material/chevron_right:", key="audit-older", disabled=not more, on_click=_turn, args=(1,)
        )


def _object(entry: AuditEntry) -> str:
    """What an entry is about: its kind, and a draft's title (its id is in the exports)."""
    kind = _(OBJECT_NAMES[entry.object_type]) if entry.object_type in OBJECT_NAMES else entry.object_type
    named = next((v["title"] for v in (entry.before, entry.after) if isinstance(v, dict) and v.get("title")), "")
    return f"{kind} · {named or entry.object_id}"


def details(entry: AuditEntry) -> None:
    """One entry's before and after, in full; a draft it kept can be put back."""
    if entry.object_type == "draft" and isinstance(entry.before, dict) and "data" in entry.before:
        st.button(
            _("Put this draft back as it was before"),
            icon=":material/settings_backup_restore:",
            key=f"audit-recover-{entry.id}",
            on_click=_recover,
            args=(entry.id,),
        )
    before, after = st.columns(2)
    with before:
        st.markdown("**" + _("Before") + "**")
        st.json(entry.before if entry.before is not None else {}, expanded=True)
    with after:
        st.markdown("**" + _("After") + "**")
        st.json(entry.after if entry.after is not None else {}, expanded=True)


def _recover(entry_id: int) -> None:
    app().recover_draft(entry_id)
    st.toast(_("The draft was put back; this too is in the audit log."), icon=":material/check:")


def _turn(step: int) -> None:
    st.session_state[PAGE] = max(0, int(st.session_state.get(PAGE, 0)) + step)


def users_and_roles() -> None:
    if account().local:
        st.info(
            _(
                "Local mode: no sign-in provider is configured, so one local user works with every role. "
                "To let a team sign in, see docs/sign-in.md."
            ),
            icon=":material/person:",
        )
    else:
        allowlist = settings()["allowlist"]
        st.caption(_("Read from the settings (allowlist); change it there and restart the app. Changes are audited."))
        st.dataframe(
            [
                {_("E-mail"): email, _("Role"): role_name(role), _("May"): _(ROLE_RIGHTS[role])}
                for email, role in sorted_allowlist(allowlist)
            ],
            hide_index=True,
            width="stretch",
            key="users-table",
        )
        bindings()
    with st.expander(_("What each role may do")):
        for role, rights in ROLE_RIGHTS.items():
            st.markdown(f"**{role_name(role)}** — {_(rights)}")


def bindings() -> None:
    """Each address bound to the provider account it first signed in with, and a way to release
    one for someone who changed provider or account (their next sign-in binds anew)."""
    bound = app().account_bindings()
    st.markdown("**" + _("Sign-in accounts") + "**")
    st.caption(
        _(
            "The first sign-in with an address binds it to that sign-in account (issuer and subject); "
            "another account with the same address is refused. Release a binding when someone changed "
            "their sign-in provider or account: their next sign-in binds anew. Releases are audited."
        )
    )
    released = st.session_state.pop(RELEASED, None)
    if released:
        st.success(_("The binding of {email} is released; their next sign-in binds anew.").format(email=released))
    if not bound:
        st.info(_("No one has signed in yet."))
        return
    st.dataframe(
        [
            {
                _("E-mail"): b.email,
                _("Issuer"): b.issuer,
                _("Subject"): b.subject,
                _("Bound (UTC)"): b.bound_at.strftime("%Y-%m-%d %H:%M:%S"),
            }
            for b in bound
        ],
        hide_index=True,
        width="stretch",
        key="bindings-table",
    )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox(_("Binding"), [b.email for b in bound], key="binding-pick")
        st.button(_("Release binding"), icon=":material/link_off:", key="binding-release", on_click=_release)


def _release() -> None:
    """Release the chosen binding before the page is drawn again (so its table is current)."""
    email = st.session_state.get("binding-pick")
    if email and app().release_account(email):
        st.session_state[RELEASED] = email


def settings_table() -> None:
    values = settings()
    st.caption(_("The settings in force, from PRESSDRAFT_* variables or the settings file (read-only here)."))
    st.dataframe(
        [
            {
                _("Setting"): setting.name,
                _("Variable"): setting.variable,
                _("Value"): admin.shown_value(setting.name, values.get(setting.name)),
            }
            for setting in SETTINGS
        ],
        hide_index=True,
        width="stretch",
        key="settings-table",
    )
