"""Docs that cannot drift: every field type, filter, Markdown role, setting, key of a draft, body block and verb
is documented."""

import re
from pathlib import Path

import pytest

from pressdraft.app.settings import SETTINGS
from pressdraft.app.workshop import MAX_TEMPLATE_FILE_CHARS, MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_UNPACKED_BYTES
from pressdraft.core.body import BLOCK_TYPES, VERBS, type_body
from pressdraft.core.files import read_data
from pressdraft.core.model import FIELD_TYPES, Draft, Event, Release
from pressdraft.document.blocks import ROLE_KINDS
from pressdraft.pipeline.render import FILTERS

DOCS = Path(__file__).resolve().parents[1] / "docs"
TEMPLATES = (DOCS / "templates.md").read_text("utf-8")
SETTINGS_DOC = (DOCS / "settings.md").read_text("utf-8")
SECURITY = (DOCS.parent / "SECURITY.md").read_text("utf-8")


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


def _limits_stated(text: str) -> dict[str, set[int]]:
    """Every ``N MB``, ``N MB unpacked``, ``N entries`` and ``N characters`` in a text, by kind."""
    found: dict[str, set[int]] = {"packed": set(), "unpacked": set(), "entries": set(), "characters": set()}
    for number, unit, unpacked in re.findall(r"(\d[\d,]*) (MB|entries|characters)( unpacked)?", text):
        kind = ("unpacked" if unpacked else "packed") if unit == "MB" else unit
        found[kind].add(int(number.replace(",", "")) * (1_000_000 if unit == "MB" else 1))
    return found


def test_the_template_limits_documented_are_the_limits_enforced():
    enforced = {
        "packed": {MAX_ZIP_BYTES},
        "unpacked": {MAX_ZIP_UNPACKED_BYTES},
        "entries": {MAX_ZIP_ENTRIES},
        "characters": {MAX_TEMPLATE_FILE_CHARS},
    }
    assert _limits_stated(TEMPLATES.split("## Limits\n")[1].split("\n## ")[0]) == enforced
    uploads = next(line for line in SECURITY.splitlines() if line.startswith("| **Uploads** |"))
    stated = _limits_stated(uploads.split("template ZIP", 1)[1].split(" | ")[0])
    assert stated["packed"] == enforced["packed"] and stated["characters"] == enforced["characters"]
    assert all(stated[kind] <= enforced[kind] for kind in enforced)  # what it states, it states right


DRAFT_FORMAT = (DOCS / "draft-format.md").read_text("utf-8")


def _block_section(kind: str) -> str:
    """The part of docs/draft-format.md under ``### `kind```, up to the next heading of its level or above."""
    return re.split(r"\n#{1,3} ", DRAFT_FORMAT.split(f"\n### `{kind}`\n", 1)[1], maxsplit=1)[0]


@pytest.mark.parametrize("kind", list(BLOCK_TYPES))
def test_every_block_kind_is_documented_with_an_example_that_reads(kind):
    assert f"\n### `{kind}`\n" in DRAFT_FORMAT
    [example] = re.findall(r"```yaml\n(.*?)```", _block_section(kind), flags=re.DOTALL)
    blocks = type_body(read_data(example, "yaml")["body"])
    assert [block.kind for block in blocks] == [kind]


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_is_documented(verb):
    assert f"| `{verb}` |" in DRAFT_FORMAT.split("### Verbs\n", 1)[1]


@pytest.mark.parametrize("key", [*Draft.model_fields, *Event.model_fields, *Release.model_fields])
def test_every_key_of_the_draft_its_event_and_its_release_is_documented(key):
    assert f"| `{key}` |" in DRAFT_FORMAT
