"""The gate every picture passes before a release or the store holds it: photos arrive from
cameras and phones carrying where they were taken (GPS), the device, the author and thumbnails
of what was cropped away, and a crafted file can ask the decoder for gigabytes.

``clean_image`` decodes an upload only as JPEG, PNG or WebP, within ``MAX_IMAGE_BYTES`` and
``MAX_IMAGE_PIXELS`` (checked from the header, before any pixel is decoded), turns it upright by
its EXIF orientation, converts it to sRGB, and writes it afresh with no metadata at all: what
leaves is pixels (JPEG, or PNG for a PNG or a picture with transparency). A refused picture
raises ``ImageRefused``, whose message is a catalog message: the caller places it
(``body[2].photo.file``) and shows it in the user's language.
"""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass

from pressdraft import N_

#: An upload larger than this is refused unread: a camera's JPEG is 3–12 MB.
MAX_IMAGE_BYTES = 15 * 1024 * 1024
#: Decoded pixels at most (a 40-megapixel camera's full frame): a small file can claim a huge canvas.
MAX_IMAGE_PIXELS = 40_000_000
#: A picture kept is at most this many pixels on its long side: 4000 px fill an A4 page's text
#: column (16 cm) at 600 dpi, so a Word release never carries a 40-megapixel original.
MAX_IMAGE_SIDE = 4000
JPEG_QUALITY = 88
#: A picture shown in a web page's preview is at most this many pixels on its long side …
PREVIEW_SIDE = 960
#: … and the previews of this many pictures are kept.
PREVIEW_CACHE = 32
_previews: dict[bytes, bytes] = {}
_previews_lock = threading.Lock()

#: What may come in (Pillow's format names). GIF is refused: press pictures are photos, and a GIF
#: is 256 colours or an animation, neither of which a Word release can carry well.
ACCEPTED = ("JPEG", "PNG", "WEBP")
IMAGE_ID_PREFIX = "img-"
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}

TOO_LARGE = N_("the picture is {size} MB; the limit is {limit} MB: export it smaller")
TOO_MANY_PIXELS = N_("the picture is {width}×{height} pixels; the limit is {limit} megapixels: export it smaller")
BOMB = N_("the picture claims far more than {limit} megapixels (a decompression bomb?) and was not opened")
NOT_ACCEPTED = N_("the picture is {kind}; a release takes JPEG, PNG or WebP pictures")
GIF_REFUSED = N_("the picture is a GIF; save it as JPEG or PNG (a release takes JPEG, PNG or WebP pictures)")
ANIMATED = N_("the picture is animated; a release takes one still picture: save one frame as JPEG or PNG")
UNREADABLE = N_("the file is not a picture that can be read (damaged or cut short): export it again")
EMPTY = N_("the file is empty")


class ImageRefused(ValueError):
    """Why a picture was refused: a catalog message (``N_``) and its parameters."""

    def __init__(self, message: str, params: dict[str, str] | None = None) -> None:
        self.message = message
        self.params = params or {}
        super().__init__(message.format(**self.params))


@dataclass(frozen=True)
class CleanImage:
    """A picture as pressdraft keeps it: re-encoded pixels and what it is."""

    data: bytes
    format: str  # "JPEG" or "PNG"
    width: int
    height: int

    @property
    def id(self) -> str:
        """``img-<sha256 of the cleaned bytes>``: the same picture always gets the same id."""
        return IMAGE_ID_PREFIX + hashlib.sha256(self.data).hexdigest()

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]


def picture_type(data: bytes) -> str | None:
    """The content type of a cleaned picture, read from its signature: JPEG, PNG, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return CONTENT_TYPES["JPEG"]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return CONTENT_TYPES["PNG"]
    return None


def preview_picture(data: bytes) -> bytes:
    """A cleaned picture at most ``PREVIEW_SIDE`` pixels long, for a web page (a data URI of a
    4000-pixel photo would weigh megabytes on every preview); a smaller one as it is. The last
    ``PREVIEW_CACHE`` are kept by their digest, so that a preview redrawn after every edit does
    not decode its photos again, and no photo's bytes are held by the cache."""
    digest = hashlib.sha256(data).digest()
    with _previews_lock:
        preview = _previews.get(digest)
    if preview is None:
        preview = _scaled_down(data)
        with _previews_lock:
            _previews[digest] = preview
            while len(_previews) > PREVIEW_CACHE:
                del _previews[next(iter(_previews))]
    return preview


def _scaled_down(data: bytes) -> bytes:
    from PIL import Image

    picture = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
    fmt = picture.format
    if max(picture.size) <= PREVIEW_SIDE:
        return data
    picture.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, fmt, **({"quality": JPEG_QUALITY} if fmt == "JPEG" else {}))
    return out.getvalue()


def is_image_id(ref: str) -> bool:
    """True for a stored picture's id (``img-`` and 64 lower-case hex digits)."""
    digest = ref.removeprefix(IMAGE_ID_PREFIX)
    return ref.startswith(IMAGE_ID_PREFIX) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)


def clean_image(data: bytes) -> CleanImage:
    """The picture in ``data`` decoded, checked, turned upright and written afresh without metadata."""
    from PIL import Image, ImageOps

    if not data:
        raise ImageRefused(EMPTY)
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused(TOO_LARGE, {"size": _megabytes(len(data)), "limit": _megabytes(MAX_IMAGE_BYTES)})
    try:
        picture = _decode(data)
        source_format = picture.format
        upright = ImageOps.exif_transpose(picture)  # an EXIF block it cannot read leaves the pixels as stored
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refuses at the header past twice its own bound (and warns past it, an error
        # where warnings are errors); below that, ``_decode`` refuses past ours, which is lower.
        raise ImageRefused(BOMB, {"limit": str(MAX_IMAGE_PIXELS // 1_000_000)}) from None
    except Exception:  # Pillow reports a damaged file by many exception types
        raise ImageRefused(UNREADABLE) from None
    return _encode(_in_srgb(upright), "PNG" if source_format == "PNG" else "JPEG")


def _decode(data: bytes):
    """The one frame, fully decoded, after the header's checks (type, size, frames, structure)."""
    from PIL import Image, UnidentifiedImageError

    try:
        header = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise ImageRefused(GIF_REFUSED if data[:6] in (b"GIF87a", b"GIF89a") else UNREADABLE) from None
    if header.format == "GIF":
        raise ImageRefused(GIF_REFUSED)
    if header.format not in ACCEPTED:
        raise ImageRefused(NOT_ACCEPTED, {"kind": str(header.format)})
    width, height = header.size
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageRefused(
            TOO_MANY_PIXELS, {"width": str(width), "height": str(height), "limit": str(MAX_IMAGE_PIXELS // 1_000_000)}
        )
    if getattr(header, "n_frames", 1) > 1:
        raise ImageRefused(ANIMATED)
    header.verify()  # checksums and structure, without keeping pixels
    picture = Image.open(io.BytesIO(data), formats=ACCEPTED)
    picture.load()
    return picture


def _in_srgb(picture):
    """8-bit sRGB pixels (RGB, RGBA with transparency, or grey), converted through the picture's
    colour profile when it has one, since the profile itself is dropped with the other metadata."""
    from PIL import ImageCms

    alpha = picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info)
    if picture.mode in ("1", "L"):
        return picture.convert("L")
    if picture.mode.startswith("I"):  # a 16-bit grey PNG (I, I;16, I;16B …)
        return picture.point(lambda value: value / 256).convert("L")
    mode = "RGBA" if alpha else "RGB"
    profile = picture.info.get("icc_profile")
    if profile and picture.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(picture, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    return picture.convert(mode)


def _encode(picture, fmt: str) -> CleanImage:
    """Written afresh, pixels only: PNG for a PNG or a picture with transparency (graphics stay
    sharp), JPEG otherwise; at most ``MAX_IMAGE_SIDE`` pixels on the long side."""
    from PIL import Image

    if max(picture.size) > MAX_IMAGE_SIDE:
        scale = MAX_IMAGE_SIDE / max(picture.size)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    fresh = Image.frombytes(picture.mode, picture.size, picture.tobytes())  # no info, no EXIF, no profile
    fmt = "PNG" if fresh.mode == "RGBA" else fmt
    out = io.BytesIO()
    if fmt == "JPEG":
        fresh.save(out, fmt, quality=JPEG_QUALITY, optimize=True)
    else:
        fresh.save(out, fmt, optimize=True)
    return CleanImage(out.getvalue(), fmt, fresh.width, fresh.height)


def _megabytes(size: int) -> str:
    """Whole megabytes, rounded up (no decimal point, which tr and az write as a comma)."""
    return str(-(-size // (1024 * 1024)))


__all__ = [
    "ACCEPTED",
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MAX_IMAGE_SIDE",
    "CleanImage",
    "ImageRefused",
    "clean_image",
    "is_image_id",
    "picture_type",
    "preview_picture",
]
