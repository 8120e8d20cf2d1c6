"""Photos of body blocks in the app: every upload cleaned before the store keeps it, and the
pictures a draft's photo blocks name, handed to the document layer as REF → bytes.

A photo block's ``file`` is a stored picture's id (``img-<sha256>``), as the compose page writes
it, or a path next to a draft file, which only the command line reads (``app/standalone.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pressdraft import N_
from pressdraft.core.body import Block
from pressdraft.core.model import Draft
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.safety.images import ImageRefused, clean_image, is_image_id
from pressdraft.store.api import Store
from pressdraft.store.errors import InvalidData

TOO_LARGE_CLEANED = N_("the picture is too large even without its metadata: export it smaller, or as JPEG")


def upload(store: Store, data: bytes, filename: str, *, user: str) -> str:
    """Clean an uploaded picture (``safety/images.py``) and keep it; returns its id for the photo block."""
    try:
        cleaned = clean_image(data)
    except ImageRefused as refused:
        raise PressdraftError(Problem(Location(file=filename), refused.message, refused.params)) from None
    try:
        return store.store_image(cleaned, user=user)
    except InvalidData:  # written afresh, it grew past the upload limit (a PNG of fine detail)
        raise PressdraftError(Problem(Location(file=filename), TOO_LARGE_CLEANED)) from None


def photo_refs(body: Any) -> list[str]:
    """The ``file`` of every photo block of a body, typed or as stored."""
    refs = []
    for block in body if isinstance(body, list) else []:
        if isinstance(block, Block):
            value = block.value if block.kind == "photo" else None
            refs.append(getattr(value, "file", None))
        elif isinstance(block, Mapping) and isinstance(block.get("photo"), Mapping):
            refs.append(block["photo"].get("file"))
    return [ref for ref in refs if isinstance(ref, str)]


def images_for(store: Store, draft: Draft | Mapping[str, Any]) -> dict[str, bytes]:
    """REF → bytes of the stored pictures the draft's photo blocks name (a draft, or its data)."""
    body = draft.body if isinstance(draft, Draft) else draft.get("body")
    refs = sorted({ref for ref in photo_refs(body) if is_image_id(ref)})
    return store.stored_images(refs) if refs else {}  # a draft without stored pictures asks the database nothing
