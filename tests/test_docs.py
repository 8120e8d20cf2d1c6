"""Docs that cannot drift: every field type, filter, Markdown role and setting is documented."""

from pathlib import Path

import pytest

from pressdraft.blocks import ROLE_KINDS
from pressdraft.model import FIELD_TYPES
from pressdraft.render import FILTERS
from pressdraft.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
TEMPLATES = (DOCS / "templates.md").read_text("utf-8")
SETTINGS_DOC = (DOCS / "settings.md").read_text("utf-8")


@pytest.mark.parametrize("name", list(FIELD_TYPES))
def test_every_field_type_is_documented(name):
    assert f"| `{name}` |" in TEMPLATES


@pytest.mark.parametrize("name", list(FILTERS))
def test_every_filter_is_documented(name):
    assert f"`{name}`" in TEMPLATES


@pytest.mark.parametrize("role", ROLE_KINDS)
def test_every_block_role_is_documented(role):
    assert f"{{.{role}}}" in TEMPLATES


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_with_its_variable(setting):
    assert f"| `{setting.name}` | `{setting.variable}` |" in SETTINGS_DOC
