"""A folder only this user may write to: where pressdraft keeps code it will run again (compiled
templates, the command server's socket). Standard library only: the command-line client imports it."""

from __future__ import annotations

import os
import stat


def private_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (created 0700 when missing) is a real folder of this user that no one else may
    write to: another user's folder, a link, or one open to the group or others is refused."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022
