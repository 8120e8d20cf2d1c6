"""The directory: entries in every language, references checked, closest key suggested."""

import pytest

from pressdraft.core.directory import default_directory, parse_directory
from pressdraft.core.problems import NOWHERE, Location, PressdraftError


def test_the_shipped_directory_has_the_people_of_the_example():
    directory = default_directory()
    hajiyev = directory.people["hikmet-hajiyev"]
    assert [hajiyev.name.get(lang) for lang in ("tr", "az", "en")] == [
        "Hikmet Hacıyev",
        "Hikmət Hacıyev",
        "Hikmet Hajiyev",
    ]
    assert directory.place("baku", NOWHERE).name.get("az") == "Bakı"


def test_a_place_may_carry_a_reading_and_explicit_forms():
    directory = parse_directory(
        {
            "places": {
                "bordeaux": {
                    "name": {"tr": "Bordeaux", "en": "Bordeaux"},
                    "reading": {"tr": "bordo"},
                    "forms": {"tr": {"locative": "Bordeaux'da"}},
                }
            }
        }
    )
    place = directory.place("bordeaux", NOWHERE)
    assert place.reading_in("tr") == "bordo"
    assert place.forms_in("tr") == {"locative": "Bordeaux'da"}


def test_an_unknown_key_names_the_path_and_the_closest_key():
    with pytest.raises(PressdraftError, match=r"release.city: unknown place 'istanbol'; did you mean 'istanbul'\?"):
        default_directory().place("istanbol", Location(field=("release", "city")))


def test_entries_pointing_at_missing_entries_are_refused():
    with pytest.raises(PressdraftError) as caught:
        parse_directory({"people": {"a-b": {"name": {"tr": "A B"}, "organization": "nowhere"}}})
    assert [str(p) for p in caught.value.problems] == ["people.a-b.organization: unknown organization 'nowhere'"]


def test_keys_are_lower_case_slugs():
    with pytest.raises(PressdraftError):
        parse_directory({"places": {"Ankara City": {"tr": "Ankara"}}})
