"""List styles for people acting together and English appositives."""

from pressdraft.language import format_list


def test_two_people_acting_together_are_joined_with_ile_in_turkish():
    # "… Fahrettin Altun ile … Hikmet Hacıyev'in eş başkanlığında" (joint-meeting.reference.md;
    # Turkish press usage of "ile" for two co-actors).
    assert format_list(["A", "B"], "tr", style="with") == "A ile B"
    assert format_list(["A", "B", "C"], "tr", style="with") == "A, B ve C"
    assert format_list(["A", "B"], "az", style="with") == "A və B"


def test_an_english_appositive_is_closed_by_a_comma_before_and():
    # AP: an appositive is set off by commas on both sides ("Fahrettin Altun, Director of
    # Communications of the Turkish Presidency, and Hikmet Hajiyev, …").
    assert format_list(["Fahrettin Altun, Director", "Hikmet Hajiyev, Assistant"], "en", style="with") == (
        "Fahrettin Altun, Director, and Hikmet Hajiyev, Assistant"
    )
    assert format_list(["Altun", "Hajiyev"], "en") == "Altun and Hajiyev"
