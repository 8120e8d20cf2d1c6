"""Shared constants and argument checks for the language package."""

from __future__ import annotations

LANGS: tuple[str, ...] = ("tr", "az", "en")
#: The tenses the body is written in: a report's past, and the future of what is still to come.
PAST, FUTURE = "past", "future"
CASES: tuple[str, ...] = (
    "locative",
    "ablative",
    "dative",
    "genitive",
    "accusative",
    "instrumental",
)


def check_lang(lang: str) -> str:
    """Return ``lang`` or raise ``ValueError``: a typo must not silently fall back to English."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def check_case(case: str) -> str:
    """Return ``case`` or raise ``ValueError`` naming the cases that exist."""
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; expected one of {', '.join(CASES)}")
    return case
