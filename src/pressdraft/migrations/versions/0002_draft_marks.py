"""Drafts keep their translation marks (which source text each translation was made from).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

The app flags a translation as stale when its source text changed after it was made; the
marks that say so are saved with the draft, so a reload or another tab sees the same flags.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("marks", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("marks")
