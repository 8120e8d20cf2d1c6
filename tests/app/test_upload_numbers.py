"""A draft file holding a number no draft needs: the Drafts page says which field, never the error page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pressdraft.ui.text import literal

EXAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "v1" / "joint-media-platform.yaml"
HUGE = "9" * 5000  # over Python's int-string conversion limit (4,300 digits)


def drafts_page() -> None:
    from pressdraft.ui import drafts

    drafts.page()


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("huge.yaml", HUGE, "fields.meeting_number: the number has more than 18 digits"),
        ("inf.yaml", ".inf", "fields.meeting_number: must be a finite number"),
        ("range.yaml", "1000000000000000", "fields.meeting_number: must be at most 999999999999999"),
    ],
)
def test_uploading_a_draft_with_a_number_out_of_range_shows_the_field_not_the_error_page(data_dir, name, value, says):
    at = AppTest.from_function(drafts_page, default_timeout=60)
    at.run()
    text = EXAMPLE.read_text("utf-8").replace("meeting_number: 1\n", f"meeting_number: {value}\n")
    at.file_uploader(key="import-draft").set_value((name, text.encode(), "application/yaml"))
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The file was not imported:"]
    assert any(literal(says) in m.value for m in at.markdown), [m.value for m in at.markdown]
    at.run()  # the file stays in the uploader: the page keeps saying so, and nothing was imported
    assert not at.exception and [e.value for e in at.error] == ["The file was not imported:"]
    assert len([m for m in at.markdown if m.value.startswith("**")]) == 1  # the sample draft only
