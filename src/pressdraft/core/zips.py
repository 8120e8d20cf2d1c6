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
import zipfile
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(member(name, when, deflated), data)
    return buffer.getvalue()
