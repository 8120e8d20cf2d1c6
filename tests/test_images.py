"""The picture gate (``safety/images.py``): what a photo carries in is gone when it comes out,
and what a crafted file asks for is refused before it is decoded.

Orientation values are those of EXIF 2.32 (CIPA DC-008), tag 0x0112: 6 = the stored picture is
shown turned 90° clockwise. GPS sits in the GPS IFD (tag 0x8825).
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from pressdraft.safety.images import (
    ANIMATED,
    BOMB,
    EMPTY,
    GIF_REFUSED,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_IMAGE_SIDE,
    NOT_ACCEPTED,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    UNREADABLE,
    ImageRefused,
    clean_image,
    is_image_id,
)

ORIENTATION, GPS_IFD, ARTIST = 0x0112, 0x8825, 0x013B
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description creator="Jane"/></rdf:RDF></x:xmpmeta>'


def halves(size=(40, 20)) -> Image.Image:
    """Left half red, right half blue: which way it was turned can be read off the pixels."""
    picture = Image.new("RGB", size, (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return picture


def exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[ARTIST] = "Jane Photographer"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (41.0, 2.0, 3.0), 3: "E", 4: (29.0, 0.0, 30.0)})
    return exif


def jpeg(picture: Image.Image | None = None, **options) -> bytes:
    out = io.BytesIO()
    (picture or halves()).save(out, "JPEG", quality=95, **options)
    return out.getvalue()


def png(picture: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    picture.save(out, "PNG", **options)
    return out.getvalue()


def assert_no_metadata(data: bytes) -> None:
    picture = Image.open(io.BytesIO(data))
    assert not picture.getexif(), "EXIF left in"
    assert not picture.getexif().get_ifd(GPS_IFD), "GPS left in"
    for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "Artist", "Comment"):
        assert key not in picture.info, f"{key} left in"
    if picture.format == "PNG":
        assert not getattr(picture, "text", {}), "PNG text chunks left in"
    assert b"Jane" not in data and b"adobe:ns:meta" not in data


def test_a_photo_with_gps_comes_out_without_it_or_any_other_metadata():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = jpeg(exif=exif_with_gps().tobytes(), icc_profile=srgb, xmp=XMP, comment=b"Jane's camera")
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(GPS_IFD)  # the test photo does carry GPS
    cleaned = clean_image(source)
    assert cleaned.format == "JPEG" and cleaned.content_type == "image/jpeg"
    assert (cleaned.width, cleaned.height) == (40, 20)
    assert_no_metadata(cleaned.data)


def test_png_text_chunks_and_exif_are_dropped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Photographer")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    source = png(halves(), pnginfo=info, exif=exif_with_gps().tobytes())
    cleaned = clean_image(source)
    assert cleaned.format == "PNG"  # a PNG stays lossless: graphics keep their edges
    assert_no_metadata(cleaned.data)


def test_a_webp_with_exif_becomes_a_jpeg_without_it():
    out = io.BytesIO()
    halves().save(out, "WEBP", exif=exif_with_gps().tobytes(), quality=90)
    cleaned = clean_image(out.getvalue())
    assert cleaned.format == "JPEG"
    assert_no_metadata(cleaned.data)


def test_a_transparent_picture_stays_png_with_its_transparency():
    picture = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, "WEBP", lossless=True)
    cleaned = clean_image(out.getvalue())
    assert cleaned.format == "PNG"
    assert Image.open(io.BytesIO(cleaned.data)).mode == "RGBA"


@pytest.mark.parametrize("orientation", [6, 8, 3])
def test_the_exif_orientation_is_applied_and_then_dropped(orientation):
    cleaned = clean_image(jpeg(exif=exif_with_gps(orientation).tobytes()))
    picture = Image.open(io.BytesIO(cleaned.data)).convert("RGB")
    red_at = {
        6: (10, 5),  # turned 90° clockwise: the stored left half is on top
        8: (10, 35),  # turned 90° anticlockwise: the left half is at the bottom
        3: (35, 10),  # turned 180°: the left half is on the right
    }[orientation]
    assert (cleaned.width, cleaned.height) == ((20, 40) if orientation in (6, 8) else (40, 20))
    red, green, blue = picture.getpixel(red_at)
    assert red > 200 and blue < 60
    assert ORIENTATION not in picture.getexif()


def test_a_cmyk_photo_becomes_rgb():
    cleaned = clean_image(jpeg(Image.new("CMYK", (8, 8), (0, 255, 255, 0))))
    picture = Image.open(io.BytesIO(cleaned.data))
    assert picture.mode == "RGB"
    red, green, blue = picture.getpixel((4, 4))
    assert red > 200 and green < 60 and blue < 60


def test_the_colours_go_through_the_profile_before_it_is_dropped():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    cleaned = clean_image(jpeg(Image.new("RGB", (8, 8), (200, 120, 40)), icc_profile=srgb))
    assert_no_metadata(cleaned.data)
    red, green, blue = Image.open(io.BytesIO(cleaned.data)).getpixel((4, 4))
    assert abs(red - 200) < 8 and abs(green - 120) < 8 and abs(blue - 40) < 8


def test_a_profile_that_cannot_be_read_is_dropped_with_the_rest():
    assert_no_metadata(clean_image(jpeg(icc_profile=b"not a profile")).data)


def test_a_sixteen_bit_grey_png_becomes_eight_bit_grey():
    cleaned = clean_image(png(Image.new("I;16", (4, 4), 40000)))
    picture = Image.open(io.BytesIO(cleaned.data))
    assert picture.mode == "L" and picture.getpixel((0, 0)) == 156


def test_a_huge_picture_is_kept_at_most_max_side_pixels_long_aspect_kept():
    cleaned = clean_image(jpeg(Image.new("RGB", (MAX_IMAGE_SIDE + 1000, 100), "white")))
    assert (cleaned.width, cleaned.height) == (MAX_IMAGE_SIDE, 80)


def test_the_id_is_the_sha256_of_the_cleaned_bytes_and_stable():
    first, second = clean_image(jpeg()), clean_image(jpeg())
    assert first.data == second.data
    assert first.id == "img-" + hashlib.sha256(first.data).hexdigest()
    assert is_image_id(first.id)
    assert not is_image_id("img-" + "A" * 64) and not is_image_id("photos/a.jpg") and not is_image_id("img-12")


def refused(data: bytes) -> ImageRefused:
    with pytest.raises(ImageRefused) as caught:
        clean_image(data)
    return caught.value


def test_a_file_over_the_byte_limit_is_refused_unread():
    error = refused(b"\xff\xd8" + b"\0" * MAX_IMAGE_BYTES)
    assert error.message == TOO_LARGE and error.params == {"size": "16", "limit": "15"}


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels: one scanline of data, the rest never sent."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * (width + 1)))
        + (chunk(b"IEND", b""))
    )


def test_a_picture_over_the_pixel_limit_is_refused_before_decoding():
    error = refused(png_header(8000, 6000))
    assert error.message == TOO_MANY_PIXELS
    assert error.params == {"width": "8000", "height": "6000", "limit": "40"}


def test_a_decompression_bomb_is_refused():
    """Past Pillow's own bound (MAX_IMAGE_PIXELS, 89 MP) Pillow refuses at the header: so do we."""
    error = refused(png_header(20000, 20000))
    assert error.message in (BOMB, TOO_MANY_PIXELS)
    assert refused(png_header(100_000, 100_000)).message in (BOMB, TOO_MANY_PIXELS)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(jpeg(Image.new("RGB", (64, 64), "white"))[:300], id="jpeg-cut-short"),
        pytest.param(png_header(64, 64)[:-30] + b"\0" * 30, id="png-bad-checksum"),
        pytest.param(b"this is not a picture at all", id="text"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\0" * 40, id="png-signature-only"),
    ],
)
def test_a_damaged_file_is_refused(data):
    assert refused(data).message == UNREADABLE


def test_an_empty_file_is_refused():
    assert refused(b"").message == EMPTY


def test_gif_is_refused_with_what_to_do():
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF")
    assert refused(out.getvalue()).message == GIF_REFUSED


def test_another_kind_of_picture_is_refused_by_name():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "BMP")
    error = refused(out.getvalue())
    assert error.message == NOT_ACCEPTED and error.params == {"kind": "BMP"}


def test_an_animation_is_refused():
    out = io.BytesIO()
    frames = [Image.new("RGB", (4, 4), colour) for colour in ("red", "blue")]
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    assert refused(out.getvalue()).message == ANIMATED


def test_a_refusal_reads_as_a_sentence():
    assert str(refused(b"")) == "the file is empty"


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")  # Pillow warns, as it does in production
def test_a_photo_whose_exif_cannot_be_read_is_kept_as_stored():
    broken = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x05\x01\x12\x00\x03\xff\xff\xff\xff"
    cleaned = clean_image(jpeg(exif=broken))
    assert (cleaned.width, cleaned.height) == (40, 20)
    assert_no_metadata(cleaned.data)


def test_a_preview_is_scaled_down_once_and_a_small_picture_left_as_it_is():
    from pressdraft.safety.images import PREVIEW_SIDE, preview_picture

    small = clean_image(jpeg()).data
    assert preview_picture(small) == small
    large = clean_image(jpeg(Image.new("RGB", (2000, 1000), "white"))).data
    preview = preview_picture(large)
    assert Image.open(io.BytesIO(preview)).size == (PREVIEW_SIDE, PREVIEW_SIDE // 2)
    assert preview_picture(bytes(bytearray(large))) is preview  # the same picture, other bytes: kept


def test_security_md_states_the_limits_enforced():
    from pathlib import Path

    security = (Path(__file__).parents[1] / "SECURITY.md").read_text("utf-8")
    row = next(line for line in security.splitlines() if line.startswith("| **Pictures**"))
    assert f"over {MAX_IMAGE_BYTES // (1024 * 1024)} MB refused unread" in row
    assert f"over {MAX_IMAGE_PIXELS // 1_000_000} megapixels" in row
    assert f"at most {MAX_IMAGE_SIDE} px long" in row
