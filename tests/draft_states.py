"""A draft put in a state of the review, as the review step leaves it, for tests of what reads states."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from pressdraft.store import Store
from pressdraft.store.schema import drafts


def set_state(store: Store, draft_id: str, status: str, *, by: str | None, changed: dt.datetime) -> None:
    """``status`` set by ``by`` at ``changed``, which is also the draft's last change (the row is written
    directly: the lists read it, whichever step wrote it)."""
    values = {"status": status, "status_by": by, "status_at": changed if by else None, "updated_at": changed}
    store.database.run_write(lambda c: c.execute(update(drafts).where(drafts.c.id == draft_id).values(**values)))
