"""Compose: one form, the release appearing in each language as it is typed, checks, downloads."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import streamlit as st

from pressdraft import LANGUAGES
from pressdraft.app.editing import parse_path
from pressdraft.app.service import AppService
from pressdraft.app.workspace import DraftEditor, Report
from pressdraft.core.problems import Location, Problem, format_path
from pressdraft.document.export import Edition
from pressdraft.ui import comments, form
from pressdraft.ui.body_editor import body_section
from pressdraft.ui.downloads import download_button
from pressdraft.ui.event_form import event_section
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.review_bar import review_bar
from pressdraft.ui.session import _, ui_lang
from pressdraft.ui.state import app, editor
from pressdraft.ui.text import PREVIEW_CSS, literal

ERROR, GAP, STALE, WARNING = "#b42318", "#667085", "#dc6803", "#b54708"  # dot colours per kind
OFFSETS = {"+03:00": "UTC+3 (İstanbul, Ankara)", "+04:00": "UTC+4 (Bakı)", "+00:00": "UTC"}


def page() -> None:
    ed = editor()
    review_bar(ed, app().review)  # first: it tells the form whether the release is frozen
    header(ed)
    body()


def header(ed: DraftEditor) -> None:
    heading, new = st.columns([6, 1], vertical_alignment="center")
    heading.subheader(literal(ed.title()) or _("New release"), anchor=False)
    new.button(_("New release"), key="new-release", icon=":material/add:", on_click=_new_release)
    names = app().template_names()
    pick_template, pick_langs, pick_source = st.columns([3, 3, 2])
    with pick_template:
        st.selectbox(
            _("Kind of release"),
            list(names),
            format_func=lambda i: form._localized_label(names[i]),
            **form.bind(ed, "w-template", "template", change=lambda v, base: ed.switch_template(v, base=base)),
        )
    with pick_langs:
        st.pills(
            _("Languages"),
            list(LANGUAGES),
            selection_mode="multi",
            format_func=form.LANG_LABELS.get,
            **form.bind(
                ed,
                "w-languages",
                "languages",
                shown=lambda v: [x for x in v if x in LANGUAGES] if isinstance(v, list) else [],
                to_data=lambda chosen: [x for x in LANGUAGES if x in chosen],
            ),
        )
    with pick_source:
        st.selectbox(
            _("Written first in"),
            list(LANGUAGES),
            format_func=form.LANG_LABELS.get,
            **form.bind(ed, "w-source", "source_language", shown=lambda v: str(v or "tr")),
        )


def _new_release() -> None:
    """Another release of the kind on screen (the kind can be changed in the form)."""
    current = st.session_state.get("editor")
    st.query_params["draft"] = app().new_draft(current.data.get("template") if current else None)


@st.fragment
def body() -> None:
    """Form and preview rerun together, without the rest of the page, as the user types."""
    ed = editor()
    report = ed.report()
    stale = set(report.stale)
    comments.read(ed, app().history)
    left, right = st.columns([11, 9], gap="large")
    with left:
        form.notices(ed)
        release_section(ed, report, stale)
        if _older_format(ed):
            template_fields(ed, report, stale)
        else:
            event_section(ed, stale, app())
            warnings_at(report, "event")
            template_fields(ed, report, stale)
            body_section(ed, report, stale, app())
    with right:
        with st.container(height=620, border=False):
            preview(ed)
        check_panel(ed, report)
        downloads(ed)


def template_fields(ed: DraftEditor, report: Report, stale: set[tuple[str, str]]) -> None:
    template = ed.template
    if template is not None:
        for spec in template.meta.fields:
            form.field(ed, spec, stale, app())
            warnings_at(report, f"fields.{spec.name}")


def warnings_at(report: Report, field: str) -> None:
    """The check's warnings about a form field, beside it (a body block tells its own problems): a name
    whose case ending is a guess is settled where it is chosen."""
    form.problem_notes([p for p in report.warnings if _field_of(p.at) == field])


def _older_format(ed: DraftEditor) -> bool:
    """A version-1 draft has no event, body or release number: it says so, and offers to change format."""
    if ed.data.get("format") != 1:
        return False
    st.info(
        _("This draft is in format 1: it has no event, body or release number. Format 2 keeps every value."),
        icon=":material/upgrade:",
    )
    st.button(_("Change to format 2"), key="w-upgrade", on_click=form.attempt, args=(ed.upgrade,))
    return True


def release_section(ed: DraftEditor, report: Report, stale: set[tuple[str, str]]) -> None:
    directory = app().directory()
    with st.expander(_("Release: date, place, issuer, embargo, contacts"), expanded=False):
        form.date(ed, "release.date", _("Release date"))
        st.markdown(f"**{_('Dateline city')}**")
        form.place(ed, "release.city", app(), stale)
        warnings_at(report, "release.city")
        orgs = list(directory.organizations)
        st.selectbox(
            _("Issued by"),
            orgs,
            index=None,
            format_func=lambda k: form._name_in_ui(directory.organizations[k]),
            **form.bind(
                ed, form.widget_key("release.issuer"), "release.issuer", shown=lambda v: v if v in orgs else None
            ),
        )
        warnings_at(report, "release.issuer")
        embargo(ed)
        if ed.data.get("format") != 1:
            st.text_input(
                _("Release number"),
                placeholder=_("e.g. 2024/17, or auto"),
                help=_("auto: the issuer's next number in its yearly series, given when the release is approved"),
                **form.bind(
                    ed,
                    form.widget_key("release.number"),
                    "release.number",
                    shown=lambda v: v if isinstance(v, str) else "",
                    to_data=lambda text: text.strip() or None,
                ),
            )
        contacts = list(directory.contacts)
        st.multiselect(
            _("Contacts"),
            contacts,
            format_func=lambda k: form._localized_label(directory.contacts[k].label),
            **form.bind(
                ed,
                form.widget_key("release.contacts"),
                "release.contacts",
                shown=lambda v: [c for c in v or [] if c in contacts],
            ),
        )


def embargo(ed: DraftEditor) -> None:
    """Immediate release, or an embargo: a day, a time and the time zone it is given in."""
    current = ed.value("release.embargo")
    moment = dt.datetime.fromisoformat(current) if isinstance(current, str) else None
    on, day, time, zone = (form.widget_key("release.embargo", part) for part in ("on", "day", "time", "zone"))
    form._start(day, moment.date() if moment else dt.date.today())
    form._start(time, moment.time().replace(tzinfo=None) if moment else dt.time(10, 0))
    offset = moment.isoformat()[-6:] if moment else "+03:00"
    form._start(zone, offset if offset in OFFSETS else "+03:00")
    bound = form.bind(
        ed, on, "release.embargo", shown=lambda v: isinstance(v, str), to_data=lambda _on: _embargo(on, day, time, zone)
    )
    st.toggle(_("Embargoed"), **bound)
    if st.session_state[on]:
        a, b, c = st.columns(3)
        saves = {"on_change": bound["on_change"], "args": bound["args"]}  # the four widgets: one value
        a.date_input(_("Until (day)"), key=day, format="DD.MM.YYYY", **saves)
        b.time_input(_("Time"), key=time, **saves)
        c.selectbox(_("Time zone"), list(OFFSETS), key=zone, format_func=OFFSETS.get, **saves)


def _embargo(on: str, day: str, time: str, zone: str) -> str | None:
    if not st.session_state[on]:
        return None
    stamp = dt.datetime.combine(st.session_state[day], st.session_state[time]).isoformat(timespec="seconds")
    return stamp + st.session_state[zone]


def preview(ed: DraftEditor) -> None:
    edition = ed.preview()
    if edition is None:
        st.info(_("The preview appears once the errors below are fixed."))
        return
    langs = list(edition.rendition.markdown)
    tabs = st.tabs([form.LANG_LABELS[lang] for lang in langs] + ([_("Side by side")] if len(langs) > 1 else []))
    st.html(PREVIEW_CSS)
    for tab, lang in zip(tabs, langs, strict=False):
        with tab:
            st.html(f'<div class="pd-page" lang="{lang}">{edition.html(lang)}</div>')
    if len(langs) > 1:
        with tabs[-1]:
            columns = "".join(f'<div class="pd-page" lang="{lang}">{edition.html(lang)}</div>' for lang in langs)
            st.html(f'<div class="pd-sbs" style="grid-template-columns:repeat({len(langs)},1fr)">{columns}</div>')


def check_panel(ed: DraftEditor, report: Report) -> None:
    st.markdown("**" + _("Check") + "**")
    lang = ui_lang()
    if report.errors:
        st.markdown(_("Errors to fix before the release can be checked: {count}").format(count=len(report.errors)))
    summary = []
    for draft_lang in ed.languages:
        missing = len(report.missing(draft_lang))
        text = _("{lang}: complete") if not missing else _("{lang}: {count} missing")
        summary.append(text.format(lang=form.LANG_LABELS[draft_lang], count=missing))
    if not report.errors:
        st.markdown(" · ".join(summary) or _("Choose at least one language."))
    rows = [(ERROR, problem_text(lang, p), _field_of(p.at)) for p in report.errors]
    rows += [
        (GAP, _in_language(p) + problem_text(lang, p), _field_of(p.at)) for p in report.problems if p.severity == "gap"
    ]
    rows += [
        (
            STALE,
            f"{form.LANG_LABELS[stale_lang]} · {path}: " + _("stale translation"),
            _field_of(Location(field=parse_path(path))),
        )
        for path, stale_lang in report.stale
    ]
    rows += [(WARNING, _in_language(p) + problem_text(lang, p), _field_of(p.at)) for p in report.warnings]
    if not rows:
        st.success(_("Ready to send: every language is complete and consistent."))
        return
    items = "".join(
        f'<li><span style="color:{colour}">●</span> <a href="#{form.anchor(field)}">{html.escape(text)}</a></li>'
        for colour, text, field in rows
    )
    st.html(f'<ul class="pd-checks" style="list-style:none;padding-left:0">{items}</ul>')


def _in_language(problem: Problem) -> str:
    """The language a problem is about, before it (``AZ · ``), when it is about one."""
    return f"{form.LANG_LABELS[problem.lang]} · " if problem.lang in form.LANG_LABELS else ""


def _field_of(at: Location) -> str:
    """The form field a problem is about: ``fields.quotes[1].text → …`` -> ``fields.quotes``, a body
    block's ``body[2].quote.verb`` -> ``body[2]`` (the block), the event's ``event.date`` -> ``event``."""
    if at.field[:1] in (("fields",), ("release",), ("body",)):
        return format_path(at.field[:2])
    if at.field[:1] == ("event",):
        return "event"
    return at.where(with_lang=False)


def downloads(ed: DraftEditor) -> None:
    """Every download of the release, each made when clicked (``ui/downloads.py``): a rerun, with or
    without a change, makes no file."""
    st.markdown("**" + _("Download") + "**")
    edition = ed.edition()
    if edition is None:
        st.caption(_("Downloads are ready when every language is complete."))
        return
    kinds = {"docx": _("Word"), "md": "Markdown", "txt": _("Plain text"), "pdf": "PDF", "zip": _("Everything (ZIP)")}
    service = app()  # a download is made outside this run: it acts for this session's account
    planned = service.edition_files(edition)
    for kind, title in kinds.items():
        files = [f for f in planned if f.name.endswith("." + kind)]
        if not files:
            continue
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{title}**", width=110)
            for file in files:
                tag = file.name.removesuffix("." + kind).rsplit("_", 1)[-1]
                download_button(
                    _("All") if kind == "zip" else tag.upper(),
                    _recorded(service, ed, edition, file.make),
                    file_name=file.name,
                    mime=MIME[kind],
                    key=f"dl-{file.name}",
                    help=literal(file.name),
                )


def _recorded(service: AppService, ed: DraftEditor, edition: Edition, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """``make``, remembering the template version the release was downloaded with."""

    def made() -> bytes:
        service.record_download(ed.id, edition)
        return make()

    return made


MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
    "md": "text/markdown",
    "txt": "text/plain",
    "pdf": "application/pdf",
}
