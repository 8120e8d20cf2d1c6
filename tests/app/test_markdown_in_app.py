"""User text on the pages is never read as Markdown: a draft, a directory entry and templates
full of Markdown, and every string Streamlit reads as Markdown carries it escaped (``ui.text``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from streamlit.testing.v1 import AppTest
from widgets import quote

from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.ui.i18n import problem_text
from pressdraft.ui.text import literal

# Each piece would show an image, a link, LaTeX, a colour, an icon, an emoji or HTML, or make
# a URL, an e-mail address or a heading, were it read as Markdown.
HOSTILE = (
    "PWNED ![t](http://host/pixel.png) [Session expired, sign in](http://evil.example/login) "
    "$\\huge BIG$ :red[x] :material/home: :smile: <img src=x> &lt; www.evil.example a@evil.example -> # x"
)
FRAGMENTS = ["![", "](", "$\\", ":red[x", ":material/", ":smile:", "<img", "&lt;", "www.", "@evil", "->"]
# Streamlit elements whose text is plain (no Markdown), and protocol fields that hold Markdown.
PLAIN = {"html", "code", "text", "json", "selectbox", "multiselect", "text_input", "text_area"}
MARKDOWN_FIELDS = {"body", "label", "help", "content"}


def markdown_strings(at: AppTest) -> list[str]:
    """Every string on the page that Streamlit reads as Markdown: bodies, labels, tooltips, options."""
    found: list[str] = []

    def fields(message) -> None:
        for field, value in message.ListFields():
            if isinstance(value, str) and field.name in MARKDOWN_FIELDS:
                found.append(value)
            elif hasattr(value, "ListFields"):
                fields(value)
            elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
                for item in value:
                    if hasattr(item, "ListFields"):
                        fields(item)

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(node, "type", "") not in PLAIN:
            fields(proto)
        elif proto is not None:  # a plain widget's label and tooltip are Markdown all the same
            found.extend(v for v in (getattr(proto, "label", ""), getattr(proto, "help", "")) if v)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def assert_all_literal(at: AppTest) -> list[str]:
    """No Markdown string on the page holds a hostile piece unescaped (its first character not
    behind a backslash); the strings that show user text."""
    shown = [m for m in markdown_strings(at) if "PWNED" in m]  # every hostile value holds the marker
    assert shown, "the hostile text is shown nowhere: the test no longer tests anything"
    for markdown in shown:
        assert not [f for f in FRAGMENTS if re.search(r"(?<!\\)" + re.escape(f), markdown)], markdown
    return shown


def hostile_installation() -> AppService:
    """A person, a working template and a broken one, each full of Markdown."""
    service = AppService.open(load_settings(), template_runner())
    person = {"name": {"tr": "PWNED Kişi", "en": "PWNED Person"}, "title": {"tr": HOSTILE, "en": HOSTILE}}
    service.add_directory_entry("people", "pwned", person)
    files, base = service.workshop.files("joint-meeting")
    meta = files["meta.yaml"]
    for typed in ("Joint meeting", "Headline}", "Left empty, the headline is proposed from the facts."):
        assert typed in meta
        meta = meta.replace(typed, f"'{HOSTILE}'" + ("}" if typed.endswith("}") else ""), 1)
    result = service.workshop.save("joint-meeting", {**files, "meta.yaml": meta}, base_version=base, comment=HOSTILE)
    assert result.used, service.workshop.check("joint-meeting", {**files, "meta.yaml": meta})
    files, base = service.workshop.files("statement")
    broken = files["meta.yaml"].replace("type: choice", f"type: '{HOSTILE}'", 1)
    service.workshop.save("statement", {**files, "meta.yaml": broken}, base_version=base, comment=HOSTILE)
    return service


def test_compose_shows_the_headline_quotes_people_and_template_texts_as_typed(app):
    hostile_installation()
    app.run()
    app.text_input(key="w-fields-headline-tr").input(HOSTILE).run()
    app.selectbox(key=quote(app, 0, "speaker-key")).set_value("pwned").run()
    app.text_area(key=quote(app, 0, "text-tr")).input(HOSTILE + "\n\n# PWNED\n- a\n> b").run()
    assert not app.exception
    assert app.subheader[0].value == literal(HOSTILE)
    shown = assert_all_literal(app)
    assert literal(HOSTILE) in shown  # the headline field's help
    assert any(f"<strong>{literal(HOSTILE)}</strong>" in m for m in shown)  # its label


def test_the_drafts_list_shows_titles_and_kinds_as_typed(app):
    hostile_installation()
    app.run()
    app.text_input(key="w-fields-headline-tr").input(HOSTILE).run()
    drafts = AppTest.from_function(drafts_page, default_timeout=60)
    drafts.run()
    assert not drafts.exception
    assert f"**{literal(HOSTILE)}**" in [m.value for m in drafts.markdown]
    assert any(literal(HOSTILE) in c.value for c in drafts.caption)  # the kind of release
    assert_all_literal(drafts)


def test_template_problems_and_history_show_as_typed(data_dir, tmp_path):
    service = hostile_installation()
    files, _base = service.workshop.files("statement")
    problems = service.workshop.check("statement", files)
    assert any("PWNED" in p.message for p in problems)
    script = tmp_path / "templates_page.py"
    script.write_text("from pressdraft.ui import templates_page\ntemplates_page.page()\n", "utf-8")
    at = AppTest.from_file(str(script), default_timeout=60)
    at.run()
    at.selectbox(key="tpl-pick").set_value("statement").run()
    assert not at.exception
    markdown = [m.value for m in at.markdown]
    for problem in problems:
        assert f"- :red[{literal(problem_text('en', problem))}]" in markdown
    assert any(m.endswith("\n" + literal(HOSTILE)) for m in markdown)  # the version's comment
    assert_all_literal(at)


def drafts_page() -> None:
    from pressdraft.ui import drafts

    drafts.page()
