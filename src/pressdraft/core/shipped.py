"""The data the package ships: the directory's starting content, as text, for whoever reads it.

``core/directory.py`` parses it into the directory (checked, with the draft model); the search
index (``store/search.py``) only needs each entry's names and reads it as plain YAML, without the
model, so saving a draft does not pull the model into the store's imports.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def directory_text() -> str:
    """``data/directory.yaml``: people, organizations, contacts and places in every language."""
    return resources.files("pressdraft").joinpath("data/directory.yaml").read_text("utf-8")
