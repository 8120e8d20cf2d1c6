"""Which values a template puts in a case (``pipeline/case_uses.py``): the names ``check`` asks a
reading of (docs/checks.md, "Readings the check cannot know"; issue 13, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdraft.pipeline.case_uses import inflected, reaches_a_case

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a case filter on a value, as far as its keys are written
        ("{{ place|locative }}", {("place",)}),
        ("{{ event.venue|locative }} {{ release.city|upper }}", {("event", "venue")}),
        ('{{ event["venue"]|dative }}', {("event", "venue")}),
        # a filter binds tighter than ~: only the place is inflected, not the visitor printed before it
        ('{{ visitor.name ~ " " ~ place|locative }}', {("place",)}),
        # a list joined in a case, or mapped through one
        ('{{ chairs|map(attribute="full")|with_list(case="genitive") }}', {("chairs",)}),
        ('{{ guests|map("genitive")|and_list }}', {("guests",)}),
        # printed as it is: nothing
        ("{{ release.city|upper }}, {{ signers|with_list }}", set()),
        # what an inflected name was set to, or loops over
        ("{% set where = venue or place %}{{ where|locative }}", {("venue",), ("place",), ("where",)}),
        ("{% for person in chairs %}{{ person.name|genitive }}{% endfor %}", {("chairs",), ("person", "name")}),
        ("{% set where = venue %}{{ where }}", set()),
    ],
)
def test_the_values_a_source_puts_in_a_case(source: str, expected: set[tuple[str, ...]]) -> None:
    assert inflected(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "{% macro at(x) %}{{ x|locative }}{% endmacro %}{{ at(place) }}",
        "{% set where %}{{ place }}{% endset %}{{ where|locative }}",
        "{% filter upper %}{{ place }}{% endfilter %}",
        "{% with x = place %}{{ x|locative }}{% endwith %}",
        "{{ place|locative }",  # does not parse: the renderer says so where it compiles it
    ],
)
def test_where_values_travel_untraced_any_value_may_be_inflected(source: str) -> None:
    assert inflected(source) is None
    assert reaches_a_case(None, ("release", "city"))


def test_a_value_reaches_a_case_when_it_is_holds_or_is_part_of_one_inflected() -> None:
    used = inflected("{{ release.issuer.short|ablative }} {{ speaker|genitive }}")
    assert reaches_a_case(used, ("release", "issuer"))  # holds the short name inflected
    assert reaches_a_case(used, ("speaker",))
    assert reaches_a_case(used, ("speaker", "full"))  # part of the speaker inflected
    assert not reaches_a_case(used, ("release", "city"))
    assert not reaches_a_case(used, ("documents",))


def test_the_shipped_templates_inflect_their_places_and_never_the_dateline_city() -> None:
    for source in sorted(ROOT.glob("templates/*/[ta][rz].md.j2")):
        used = inflected(source.read_text(encoding="utf-8"))
        assert used is not None, source
        assert not reaches_a_case(used, ("release", "city")), source
    venue = inflected((ROOT / "templates/joint-meeting/tr.md.j2").read_text(encoding="utf-8"))
    assert reaches_a_case(venue, ("event", "venue")) and reaches_a_case(venue, ("chairs",))
