"""The house style guide (docs/style-guide.md) cannot drift from what points to it.

Messages and docs point to its rules by anchor (``style-guide.md#en-country-name``): every anchor named
anywhere in the code, the catalogs or the docs must exist in the guide, each once; the guide is linked
from the README and from docs/checks.md; it has a rule for each topic of issue 13 in each language; and
its example of settling an uncertain form is a directory the software reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressdraft.core.directory import parse_directory
from pressdraft.core.files import read_data
from pressdraft.core.problems import NOWHERE
from pressdraft.language.names import Name, inflect

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "style-guide.md").read_text("utf-8")
ANCHOR = re.compile(r'<a id="([a-z0-9-]+)"></a>')
REFERENCE = re.compile(r"style-guide\.md#([a-z0-9-]+)")
INTERNAL = re.compile(r"\]\(#([a-z0-9-]+)\)")
#: Where anchors are named: the code (messages), the catalogs (their translations), the docs, the README.
POINTING = [
    *sorted((ROOT / "src").rglob("*.py")),
    *sorted((ROOT / "locales").rglob("*.po")),
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "README.md",
]
#: A rule for each topic of issue 13, per language.
TOPICS = [
    *(f"{lang}-{topic}" for lang in ("tr", "az") for topic in ("suffixes", "acronyms", "names-in-i", "foreign-names")),
    *(f"{lang}-{topic}" for lang in ("tr", "az") for topic in ("numbers", "quoted-titles", "dates", "release-line")),
    "tr-institutions",
    "tr-closing-formula",
    "tr-headlines",
    *(f"en-{topic}" for topic in ("dates", "datelines", "titles", "quotes", "series", "numbers", "articles")),
    "en-times",
    "en-release-line",
    "en-country-name",
    "issuer-name",
    "settling-uncertain-forms",
]


def _anchors() -> list[str]:
    return ANCHOR.findall(GUIDE)


def test_each_anchor_is_defined_once() -> None:
    anchors = _anchors()
    assert sorted(anchors) == sorted(set(anchors))


@pytest.mark.parametrize("path", POINTING, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_anchor_pointed_to_exists(path: Path) -> None:
    named = set(REFERENCE.findall(path.read_text("utf-8")))
    if path.name == "style-guide.md":
        named |= set(INTERNAL.findall(GUIDE))
    assert named - set(_anchors()) == set()


def test_the_checks_messages_point_to_the_guide() -> None:
    """At least the naming checks' messages do, so the anchors above are really used."""
    code = "".join(path.read_text("utf-8") for path in (ROOT / "src").rglob("*.py"))
    named = set(REFERENCE.findall(code))
    assert {"en-country-name", "issuer-name"} <= named


@pytest.mark.parametrize("doc", ["README.md", "docs/checks.md"])
def test_the_guide_is_linked(doc: str) -> None:
    assert "style-guide.md" in (ROOT / doc).read_text("utf-8")


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_has_its_rule(topic: str) -> None:
    assert topic in _anchors()


def test_the_settling_example_is_a_directory_the_software_reads() -> None:
    example = GUIDE.split('<a id="settling-uncertain-forms"></a>', 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    directory = parse_directory(read_data(example, "yaml"))
    assert directory.organizations["socar"].reading_in("tr") == "word"
    bordeaux = directory.place("bordeaux", NOWHERE)
    assert bordeaux.reading_in("tr") == "bordo"
    assert bordeaux.forms_in("tr")["genitive"] == "Bordeaux'nun"


def test_the_guide_s_examples_of_settled_forms_are_what_the_engine_prints() -> None:
    """The forms the guide gives for readings a person settles: a word, a pronounced form."""
    assert inflect(Name("Bordeaux", reading="bordo"), "accusative", "tr") == "Bordeaux'yu"
    assert inflect(Name("NATO", reading="word"), "ablative", "tr") == "NATO'dan"
