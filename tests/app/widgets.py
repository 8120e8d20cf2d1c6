"""Finding the compose form's widgets in an AppTest, whose row keys are ids, not positions."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest


def quote(at: AppTest, n: int, part: str) -> str:
    """The key of a widget of the n-th quote on the page (rows are keyed by their ids, not positions)."""
    removes = [str(b.key) for b in at.button if re.fullmatch(r"w-fields-quotes-.+-remove", str(b.key))]
    return removes[n].removesuffix("remove") + part


def block(at: AppTest, n: int, part: str) -> str:
    """The key of a widget of the n-th body block on the page (``w-body-<id>-`` + ``part``)."""
    removes = [str(b.key) for b in at.button if re.fullmatch(r"w-body-[0-9a-f]+(?:-[0-9]+)?-remove", str(b.key))]
    return removes[n].removesuffix("remove") + part


def add_block(at: AppTest, kind: str) -> None:
    """A block of ``kind`` added at the end of the body, as the picker and its button do it."""
    at.selectbox(key="w-body-kind").set_value(kind).run()
    at.button(key="w-body-add").click().run()
