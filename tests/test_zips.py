"""Deterministic ZIP archives (``core/zips.py``): a stored archive, written without ``zipfile``, has
exactly the bytes ``zipfile`` writes for the same members and headers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from pressdraft.core.zips import member, zip_bytes

MEMBERS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("word/document.xml", b"<w:document>" + b"x" * 70_000 + b"</w:document>"),
    ("word/media/empty.bin", b""),
    ("belgeler/ağ-ə.xml", "Türkçe ve Azərbaycan dilində".encode()),
]


def _zipfile_bytes(members: list[tuple[str, bytes]], when: dt.datetime | dt.date | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(member(name, when, deflated=False), data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "when", [None, dt.date(2021, 10, 23), dt.datetime(2026, 12, 7, 21, 30, 59, tzinfo=dt.UTC), dt.date(1970, 1, 1)]
)
def test_a_stored_archive_is_what_zipfile_writes(when):
    for members in (MEMBERS, MEMBERS[:1], []):
        assert zip_bytes(members, when, deflated=False) == _zipfile_bytes(members, when)


def test_a_stored_archive_reads_back():
    with zipfile.ZipFile(io.BytesIO(zip_bytes(iter(MEMBERS), deflated=False))) as archive:
        assert archive.testzip() is None
        assert [(info.filename, archive.read(info)) for info in archive.infolist()] == MEMBERS
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
