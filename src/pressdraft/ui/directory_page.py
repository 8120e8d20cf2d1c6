"""Directory: people, organizations, contacts and places, a column per language, validated on save.

Editors and admins edit it; drafters read it."""

from __future__ import annotations

import streamlit as st

from pressdraft import N_
from pressdraft.core.directory import TABLE_COLUMNS, table_rows
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import account, app
from pressdraft.ui.text import literal

SECTION_TITLES = {
    "people": N_("People"),
    "organizations": N_("Organizations"),
    "contacts": N_("Contacts"),
    "places": N_("Places"),
}


def page() -> None:
    st.title(_("Directory"))
    st.caption(_("Names and titles typed once here come out the same in every release, in every language."))
    data = app().directory_data()
    editable = account().can("directory.edit")
    if not editable:
        st.info(_("Read only: editors and administrators change the directory."), icon=":material/lock:")
    tabs = st.tabs([_(SECTION_TITLES[s]) for s in TABLE_COLUMNS])
    for tab, section in zip(tabs, TABLE_COLUMNS, strict=True):
        with tab:
            rows = table_rows(data, section)
            columns = {name: _column_label(name) for name in (rows[0] if rows else {"key": ""})}
            if not editable:
                st.dataframe(rows, key=f"dir-{section}", hide_index=True, width="stretch", column_config=columns)
                continue
            edited = st.data_editor(
                rows,
                num_rows="dynamic",
                key=f"dir-{section}",
                hide_index=True,
                width="stretch",
                column_config=columns,
            )
            if st.button(
                _("Save {section}").format(section=_(SECTION_TITLES[section]).lower()),
                key=f"save-{section}",
                type="primary",
            ):
                try:
                    app().save_directory_section(section, list(edited))
                except PressdraftError as error:
                    st.error(_("Not saved; nothing was lost. Please correct:"))
                    for problem in error.problems:
                        st.markdown(f"- {literal(problem_text(ui_lang(), problem))}")
                else:
                    st.success(_("Saved."))


def _column_label(column: str) -> str:
    """``name.tr`` -> ``Name · TR``: one column per language of each value."""
    field, _dot, lang = column.partition(".")
    label = _(COLUMN_TITLES.get(field, field))
    return f"{label} · {lang.upper()}" if lang else label


COLUMN_TITLES = {
    "key": N_("Key"),
    "name": N_("Name"),
    "title": N_("Title"),
    "short": N_("Short name"),
    "about": N_("About"),
    "kind": N_("Kind"),
    "label": N_("Label"),
    "organization": N_("Organization"),
    "person": N_("Person"),
    "gender": N_("Gender"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
}
