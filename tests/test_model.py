"""The draft format, version 1: every error names its path; files round-trip byte for byte."""

import pytest

from pressdraft.core.model import NUMBER_LIMIT
from pressdraft.core.problems import PressdraftError


def problems_of(engine, data):
    with pytest.raises(PressdraftError) as caught:
        engine.draft_from_data(data)
    return [str(p) for p in caught.value.problems]


def test_the_example_draft_is_valid_and_typed(engine, example_data):
    draft = engine.draft_from_data(example_data)
    assert draft.languages == ["tr", "az", "en"]
    assert draft.fields["meeting_number"] == 1
    assert draft.fields["date"].isoformat() == "2021-10-23"
    assert draft.fields["quotes"][2].speaker == "hikmet-hajiyev"
    assert draft.fields["theme"].get("az") == "Köklü keçmiş, güclü gələcək"


def test_an_unknown_speaker_is_named_with_its_path_and_the_closest_key(engine, example_data):
    example_data["fields"]["quotes"][2]["speaker"] = "hikmet-hajiev"
    draft = engine.draft_from_data(example_data)
    problems = [str(p) for p in engine.check(draft)]
    assert "fields.quotes[2].speaker: unknown person 'hikmet-hajiev'; did you mean 'hikmet-hajiyev'?" in problems


def test_a_newer_format_is_refused_with_a_clear_message(engine, example_data):
    example_data["format"] = 3
    assert problems_of(engine, example_data) == [
        "format: format 3 is newer than this pressdraft reads (2); update pressdraft"
    ]


def test_unknown_keys_and_wrong_types_name_their_paths(engine, example_data):
    example_data["release"]["citty"] = "ankara"
    example_data["fields"]["meeting_number"] = "first"
    example_data["fields"]["theme"]["de"] = "Wurzeln"
    example_data["fields"]["committees"][1] = 5
    problems = problems_of(engine, example_data)
    assert "release.citty: unknown key" in problems
    assert any(p.startswith("fields.meeting_number: ") for p in problems)
    assert "fields.theme.de: unknown key" in problems
    assert any(p.startswith("fields.committees[1]: ") for p in problems)


def test_an_unknown_field_suggests_the_declared_one(engine, example_data):
    example_data["fields"]["platfrom"] = example_data["fields"].pop("platform")
    assert "fields.platfrom: unknown field 'platfrom'; did you mean 'platform'?" in problems_of(engine, example_data)


def test_an_unknown_template_suggests_the_closest(engine, example_data):
    example_data["template"] = "joint-meting"
    assert "template: unknown template 'joint-meting'; did you mean 'joint-meeting'?" in problems_of(
        engine, example_data
    )


def test_languages_must_be_known_and_distinct(engine, example_data):
    example_data["languages"] = ["tr", "tr", "de"]
    problems = problems_of(engine, example_data)
    assert any(p.startswith("languages[2]: ") for p in problems)


def test_an_embargo_needs_its_time_zone(engine, example_data):
    example_data["release"]["embargo"] = "2021-10-23T18:00:00"
    assert any(p.startswith("release.embargo: ") for p in problems_of(engine, example_data))
    example_data["release"]["embargo"] = "2021-10-23T18:00:00+03:00"
    assert engine.draft_from_data(example_data).release.embargo.utcoffset().total_seconds() == 3 * 3600


def test_a_missing_language_is_a_gap_not_an_error(engine, example_data):
    del example_data["fields"]["theme"]["az"]
    draft = engine.draft_from_data(example_data)
    gaps = [p for p in engine.check(draft) if p.severity == "gap"]
    assert [(p.path, p.lang) for p in gaps] == [("fields.theme", "az")]


def test_text_is_normalised_and_cleaned_on_the_way_in(engine, example_data):
    example_data["fields"]["theme"]["tr"] = "Ko\u0308klu\u0308\x00 Geçmiş\ufffe"
    draft = engine.draft_from_data(example_data)
    assert draft.fields["theme"].get("tr") == "Köklü Geçmiş"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_draft_written_read_and_written_again_is_the_same_bytes(engine, example_data, fmt):
    text = engine.dump_draft(engine.draft_from_data(example_data), fmt)
    again = engine.read_draft(text, fmt)
    assert again == engine.draft_from_data(example_data)
    assert engine.dump_draft(again, fmt) == text


def test_a_draft_that_is_not_a_mapping_is_refused(engine):
    assert problems_of(engine, ["not", "a", "draft"]) == ["a draft must be a mapping of keys (format, template, ...)"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NUMBER_LIMIT + 1, f"fields.meeting_number: must be at most {NUMBER_LIMIT}"),
        (-NUMBER_LIMIT - 1, f"fields.meeting_number: must be at least {-NUMBER_LIMIT}"),
        (10**40, f"fields.meeting_number: must be at most {NUMBER_LIMIT}"),
        (float("inf"), "fields.meeting_number: must be a whole number"),
        (1.5, "fields.meeting_number: must be a whole number"),
    ],
)
def test_a_number_field_is_range_checked_naming_the_field(engine, example_data, value, expected):
    example_data["fields"]["meeting_number"] = value
    assert problems_of(engine, example_data) == [expected]


@pytest.mark.parametrize("value", [NUMBER_LIMIT, -NUMBER_LIMIT, 0])
def test_numbers_up_to_the_limit_are_kept(engine, example_data, value):
    example_data["fields"]["meeting_number"] = value
    assert engine.draft_from_data(example_data).fields["meeting_number"] == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            10**40,
            f"format: format {10**40} is newer than this pressdraft reads (2); update pressdraft",
        ),
        (float("nan"), "format: must be a finite number"),
        (float("inf"), "format: must be a finite number"),
        (0, "format: format must be 1 or 2"),
    ],
)
def test_the_format_is_range_checked(engine, example_data, value, expected):
    example_data["format"] = value
    assert problems_of(engine, example_data) == [expected]
