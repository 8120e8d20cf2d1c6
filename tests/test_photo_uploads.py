"""Photos in the app: an upload is cleaned (``safety/images.py``) before the store keeps it, so no
metadata is ever stored; a refused one is a problem naming the file; a draft's stored pictures
reach the document layer as REF → bytes."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from pressdraft.core.body import Block, PhotoBlock
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text

GPS = 0x8825


def camera_jpeg() -> bytes:
    """A JPEG as a phone writes it: with the place it was taken and the device."""
    picture = Image.new("RGB", (64, 48), (200, 30, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[GPS] = {1: "N", 2: (41.0, 2.0, 24.0), 3: "E", 4: (28.0, 58.0, 48.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_an_upload_is_kept_cleaned_under_the_id_of_its_cleaned_bytes(service):
    original = camera_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)

    key = service.upload_photo(original, "IMG_0042.jpg")

    kept = service.store.image(key)
    assert key == "img-" + hashlib.sha256(kept).hexdigest() and kept != original
    stored = Image.open(io.BytesIO(kept))
    assert (stored.format, stored.size) == ("JPEG", (64, 48))
    assert not stored.getexif() and "exif" not in stored.info
    assert service.upload_photo(original, "again.jpg") == key
    assert service.store.counts()["images"] == 1


@pytest.mark.parametrize(("data", "says"), [(b"GIF89a" + b"\0" * 20, "GIF"), (b"not a picture", "not a picture")])
def test_a_refused_upload_names_the_file_and_keeps_nothing(service, data, says):
    with pytest.raises(PressdraftError) as refused:
        service.upload_photo(data, "bad.gif")
    [problem] = refused.value.problems
    assert problem.at.where() == "bad.gif" and says in problem_text("en", problem)
    assert service.store.counts()["images"] == 0


def test_images_for_hands_over_the_stored_pictures_a_drafts_photo_blocks_name(service):
    key = service.upload_photo(camera_jpeg(), "IMG_0042.jpg")
    unknown = "img-" + "0" * 64
    body = [
        {"paragraph": {"tr": "Metin"}},
        {"photo": {"file": key, "caption": {"tr": "Toplantı"}}},
        {"photo": {"file": "photos/local.jpg"}},  # a file next to a draft: the command line's
        {"photo": {"file": unknown}},  # not (or no longer) stored: the document layer says so
    ]

    assert service.images_for({"body": body}) == {key: service.store.image(key)}
    typed = service.engine.draft_from_data(
        {**service.store.get_draft(service.draft_summaries()[0].id).data, "format": 2, "body": body}
    )
    assert service.images_for(typed) == {key: service.store.image(key)}
    assert service.images_for({"body": [Block("photo", PhotoBlock(file=key))]}) == {key: service.store.image(key)}
    assert service.images_for({}) == {}
