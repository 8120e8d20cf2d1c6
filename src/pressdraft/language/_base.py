"""Shared constants and argument checks for the language package."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

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


def shipped_data(name: str) -> Any:
    """The shipped data file ``data/<name>.yaml``, read by libyaml's C parser when PyYAML has it: these
    files are ours, reviewed with the code, so the plain safe loader will do, and the C one is ten times
    faster (the lexicons are read on the first inflection, while the user waits)."""
    text = resources.files("pressdraft.language").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
