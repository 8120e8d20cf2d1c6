"""One home per field type: the registry's objects, and every part that reads them covers each type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressdraft.core.fields import ROWS, FieldType, TextAt, Views, registry
from pressdraft.core.library import Library, default_templates_folder
from pressdraft.core.model import FIELD_TYPES
from pressdraft.core.problems import Location, format_path
from pressdraft.pipeline.resolve import Resolver
from pressdraft.safety.text import LIMITS
from pressdraft.ui.form import WIDGETS

TEMPLATES_DOC = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text("utf-8")


def test_every_registered_type_has_a_widget_and_a_line_in_the_docs():
    assert set(WIDGETS) == set(FIELD_TYPES)
    section = TEMPLATES_DOC.split("### Field types\n")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == list(FIELD_TYPES)  # one line each, in the registry's order, none of a type gone


def test_the_shipped_templates_use_every_type_so_the_goldens_and_checks_render_each():
    used = {spec.type for template in Library.from_folder(default_templates_folder()) for spec in template.meta.fields}
    assert used == set(FIELD_TYPES)


class Recording:
    """Views that say which view was asked for, and at which path (written as a path)."""

    def text(self, value, at):
        return ("text", format_path(at.field))

    def paragraphs(self, value, at):
        return ("paragraphs", format_path(at.field))

    def place(self, ref, at):
        return ("place", format_path(at.field))

    def person(self, ref, at):
        return ("person", format_path(at.field))

    def quotes(self, quotes, at):
        return ("quotes", format_path(at.field))


def test_each_type_makes_its_view_through_the_views_it_is_handed():
    expected = {
        "text": ("text", "f"),
        "paragraphs": ("paragraphs", "f"),
        "text_list": [("text", "f[0]"), ("text", "f[1]")],
        "date": ["a", "b"],
        "number": ["a", "b"],
        "place": ("place", "f"),
        "person": ("person", "f"),
        "people": [("person", "f[0]"), ("person", "f[1]")],
        "quotes": ("quotes", "f"),
        "choice": ["a", "b"],
    }
    assert set(expected) == set(FIELD_TYPES)
    for name, kind in FIELD_TYPES.items():
        assert kind.view(Recording(), ["a", "b"], Location(field=("f",))) == expected[name], name


def test_the_resolver_is_the_views_every_type_uses():
    members = [name for name in vars(Views) if not name.startswith("_")]
    assert members == ["text", "paragraphs", "place", "person", "quotes"]
    assert all(callable(getattr(Resolver, name)) for name in members)


def test_each_text_a_type_holds_has_a_limit_of_the_text_gate():
    for kind in FIELD_TYPES.values():
        assert all(at.limit in LIMITS for at in kind.texts), kind.name
    assert [name for name, kind in FIELD_TYPES.items() if kind.localized] == ["text", "paragraphs"]
    assert [name for name, kind in FIELD_TYPES.items() if kind.is_list] == ["text_list", "people", "quotes"]


def test_new_rows_come_from_their_type():
    assert FIELD_TYPES["quotes"].empty_row("az") == {"source_language": "az", "text": {}}
    assert FIELD_TYPES["text_list"].empty_row("az") == {}


def test_typed_and_plain_drafts_hold_the_same_texts_at_the_same_paths(engine, example_data):
    example_data["fields"]["quotes"][0]["source_language"] = "en"
    draft = engine.draft_from_data(example_data)
    template = engine.library.get(draft.template)
    typed = list(template.localized_texts(draft.fields, draft.source_language))
    plain = list(template.localized_texts(example_data["fields"], example_data["source_language"]))
    assert [(path, source) for path, _, source in typed] == [(path, source) for path, _, source in plain]
    assert ("fields.quotes[0].text", "en") in [(format_path(path), source) for path, _, source in plain]
    pairs = zip(typed, plain, strict=True)
    assert all(texts.get("tr") == plain_texts.get("tr") for (_, texts, _), (_, plain_texts, _) in pairs)


def test_texts_are_found_and_replaced_in_rows_and_ill_shaped_data_is_passed_over():
    at = TextAt((ROWS, "text"), "paragraphs", source="source_language")
    rows = [{"text": {"tr": "a"}, "source_language": "az", "speaker": "x"}, "not a row", {"speaker": "y"}]
    assert at.find(rows) == [((0, "text"), {"tr": "a"}, "az")]
    assert at.find("not rows") == []
    assert at.replaced(rows, lambda texts: {"tr": texts["tr"] * 2}) == [
        {"text": {"tr": "aa"}, "source_language": "az", "speaker": "x"},
        "not a row",
        {"speaker": "y"},
    ]


def test_a_type_is_registered_once():
    with pytest.raises(ValueError, match="twice"):
        registry(FieldType("date", str, "a date"), FieldType("date", str, "another date"))
