"""Deterministic ZIP archives: the same members, in the same order, always give the same bytes.

``zipfile`` stamps each member with the clock and the platform's idea of permissions; every
archive pressdraft writes (Word documents, the ZIP edition, letterheads, store backups) stamps a
time its caller chooses instead (1980-01-01 by default), fixed permissions and one "made by"
system, and deflates its members unless the caller asks for them stored. Here, in the core, so
that ``document`` and ``store`` share it.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

#: The earliest time a ZIP member can carry: the stamp when the caller gives none.
EPOCH = (1980, 1, 1, 0, 0, 0)
_LATEST = (2107, 12, 31, 23, 59, 58)
_UNIX = 3  # "made by" system: the permissions below are Unix ones, on every platform
_PERMISSIONS = 0o100644 << 16  # a regular file, rw-r--r--


def zip_time(when: dt.datetime | dt.date | None) -> tuple[int, int, int, int, int, int]:
    """A member timestamp for ``when`` (an aware time in UTC; a date at midnight), clamped to
    what ZIP can store."""
    if when is None:
        return EPOCH
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return min(max(stamp, EPOCH), _LATEST)


def member(name: str, when: dt.datetime | dt.date | None = None, deflated: bool = True) -> zipfile.ZipInfo:
    """The header of a member ``name`` stamped ``when``, deflated or stored, for ``writestr`` or ``open``."""
    info = zipfile.ZipInfo(name, zip_time(when))
    info.compress_type = zipfile.ZIP_DEFLATED if deflated else zipfile.ZIP_STORED
    info.create_system = _UNIX
    info.external_attr = _PERMISSIONS
    return info


def zip_bytes(
    members: Iterable[tuple[str, bytes]], when: dt.datetime | dt.date | None = None, deflated: bool = True
) -> bytes:
    """An archive of ``(name, data)`` members, in the order given, every one stamped ``when``."""
    members = list(members)
    if not deflated and _without_zip64(members):
        return _stored_archive(members, zip_time(when))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(member(name, when, deflated), data)
    return buffer.getvalue()


_LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
_CENTRAL_HEADER = struct.Struct(zipfile.structCentralDir)
_END_RECORD = struct.Struct(zipfile.structEndArchive)
_VERSION = 20  # what zipfile writes as "made by" and "needed" version for a stored member
_UTF8_NAME = 0x800  # the flag of a name not in ASCII
_MADE_BY = (_VERSION, _UNIX, _VERSION, 0)  # "made by" version and system, version needed, reserved


def _without_zip64(members: list[tuple[str, bytes]]) -> bool:
    """True when ``zipfile`` would write these members without ZIP64 records (with room to spare)."""
    return (
        len(members) < zipfile.ZIP_FILECOUNT_LIMIT and sum(len(data) for _, data in members) < zipfile.ZIP64_LIMIT // 2
    )


def _stored_archive(members: list[tuple[str, bytes]], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The bytes ``zipfile`` writes for these members stored with ``member``'s headers, written in one
    pass: ``zipfile`` stores a member in ≈10 µs (its header written twice, with seeks), this in ≈1.5, and
    a Word document, a dozen members, is written on every download. ``tests/test_zips.py`` holds it to
    ``zipfile``'s bytes."""
    year, month, day, hour, minute, second = stamp
    date, time = (year - 1980) << 9 | month << 5 | day, hour << 11 | minute << 5 | second // 2
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in members:
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        size = len(data)
        fields = (flags, zipfile.ZIP_STORED, time, date, zlib.crc32(data), size, size, len(raw))
        local += (_LOCAL_HEADER.pack(zipfile.stringFileHeader, _VERSION, 0, *fields, 0), raw, data)
        # After the fields: no extra field, comment or disk number, no internal attributes.
        central += (
            _CENTRAL_HEADER.pack(zipfile.stringCentralDir, *_MADE_BY, *fields, 0, 0, 0, 0, _PERMISSIONS, offset),
            raw,
        )
        offset += _LOCAL_HEADER.size + len(raw) + size
    directory = b"".join(central)
    count = len(members)
    end = _END_RECORD.pack(zipfile.stringEndArchive, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(local) + directory + end
