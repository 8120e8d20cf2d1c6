"""Reading YAML/JSON refuses what a draft never needs; writing is canonical."""

import pytest

from pressdraft.files import dump_data, read_data
from pressdraft.problems import PressdraftError


def test_aliases_are_refused_so_a_billion_laughs_cannot_expand():
    with pytest.raises(PressdraftError, match="aliases"):
        read_data("a: &x [1, 2]\nb: [*x, *x]\n", "yaml")


def test_a_duplicate_key_is_an_error_naming_the_line():
    with pytest.raises(PressdraftError, match="line 2.*duplicate key 'a'"):
        read_data("a: 1\na: 2\n", "yaml")


def test_yes_and_no_stay_text_and_dates_stay_strings():
    data = read_data("en: No\naz: yes\nwhen: 2021-10-23\nflag: true\n", "yaml")
    assert data == {"en": "No", "az": "yes", "when": "2021-10-23", "flag": True}


def test_syntax_errors_say_where():
    with pytest.raises(PressdraftError, match=r"not valid YAML at line 2, column \d+"):
        read_data("a: [1,\nb: }\n", "yaml")
    with pytest.raises(PressdraftError, match="not valid JSON at line 1, column 2"):
        read_data("{]", "json")


def test_an_oversized_file_is_refused():
    with pytest.raises(PressdraftError, match="larger than"):
        read_data("a: " + "x" * 2_100_000, "yaml")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_writing_reading_and_writing_again_gives_the_same_bytes(fmt):
    data = {"b": "İstanbul'da “tırnak” *yıldız*", "a": ["x", {"tr": "Paragraf 1\n\nParagraf 2"}], "n": 1}
    text = dump_data(data, fmt)
    assert read_data(text, fmt) == data
    assert dump_data(read_data(text, fmt), fmt) == text


def test_multi_line_text_is_written_as_a_readable_block():
    assert "|-\n" in dump_data({"t": "one\n\ntwo"}, "yaml")
