"""Shared helpers for the language tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from pressdraft.language import CASES

Row = tuple[str, dict[str, Any], tuple[str, ...]]


def norm(text: str) -> str:
    """Compare apostrophes as U+0027: TDK prints ’, the press and our data use '."""
    return text.replace("’", "'")


def expand(rules: Mapping[str, list[Row]]) -> Iterator[Any]:
    """One test per (rule, name, case) from each rule's rows of six forms in CASES order ('' = not asserted)."""
    for rule, rows in rules.items():
        for text, options, forms in rows:
            assert len(forms) == len(CASES), text
            for case, form in zip(CASES, forms, strict=True):
                if form:
                    yield pytest.param(text, options, case, form, id=f"{rule}: {text}-{case}")
