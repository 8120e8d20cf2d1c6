"""Files a draft names beside it (its own directory files, its photos): found in the draft's folder only,
and read with a problem naming the file when they cannot be.

A draft is a file people pass around; one received by e-mail must not make pressdraft read, or put into a
release, a file elsewhere on the computer (``/home/me/.ssh/id_rsa``, ``../../private/photo.jpg``). So a name
in a draft is a relative path that stays inside the draft's folder (subfolders allowed), symbolic links
followed; docs/draft-format.md says so.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from pressdraft import N_
from pressdraft.core.problems import Location, PressdraftError, Problem

OUTSIDE = N_("{path!r} is outside the draft's folder; put the file beside the draft (or in a folder below it)")
CANNOT_READ = N_("cannot read the file: {reason}")
ABSOLUTE = N_("{path!r} is an absolute path; give it relative to the draft's folder")


def beside(folder: Path, name: str, at: Location) -> Path:
    """The file ``name`` (as written in the draft at ``at``) in the draft's ``folder``, or a problem."""
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        raise PressdraftError(Problem(at, ABSOLUTE, {"path": name}))
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise PressdraftError(Problem(at, OUTSIDE, {"path": name}))
    return path


def read_text(path: Path) -> str:
    """The UTF-8 text of the file ``path``, or a problem naming it."""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PressdraftError(Problem(Location(file=str(path)), CANNOT_READ, {"reason": str(error)})) from None
