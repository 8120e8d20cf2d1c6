"""Big drafts made from the shipped example, never committed: the example with ``rows`` committees.

Rows are short flow mappings, as a user's spreadsheet paste would give (16,000 rows: about 1 MB, under the
server's 2 MB upload limit, like the 690 KB draft of issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "v1" / "joint-media-platform.yaml"
_COMMITTEES = re.compile(r"(  committees:\n)((?:    - .*\n)+)")


def example_with_committees(rows: int) -> str:
    """The example's YAML text with ``rows`` committees instead of its six."""
    lines = "".join(f"    - {{tr: komite {i}, az: komitə {i}, en: committee {i}}}\n" for i in range(1, rows + 1))
    text, replaced = _COMMITTEES.subn(lambda match: match.group(1) + lines, EXAMPLE.read_text("utf-8"))
    assert replaced == 1, "the example's committees were not found"
    return text
