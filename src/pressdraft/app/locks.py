"""An approved or published release is frozen: its text changes only after the approval is withdrawn.

One rule, asked by every path that changes a draft's data (the form's autosave, a restore from
history, an import over it): the review steps themselves (``app/review.py``) are the only way out.
"""

from __future__ import annotations

from pressdraft import N_
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.store.schema import LOCKED

REFUSALS = {
    "approved": N_("This release is approved: withdraw the approval to change it (everyone who has it open is told)."),
    "published": N_("This release is published: withdraw it to change it; what went out stays on record."),
}


class Locked(PressdraftError):
    """The draft is approved or published; nothing was changed."""

    def __init__(self, status: str):
        super().__init__(Problem(NOWHERE, REFUSALS[status]))
        self.status = status


def ensure_editable(status: str) -> None:
    """Raise ``Locked`` when a draft in ``status`` has its text frozen by its approval."""
    if status in LOCKED:
        raise Locked(status)
