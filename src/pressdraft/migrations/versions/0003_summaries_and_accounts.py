"""Drafts keep a stored summary for listings; sign-in identities are bound to accounts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

Listing drafts must never check every draft again (one huge draft slowed every user's Drafts
page): what a listing shows (missing translations per language) is computed when a draft is
saved and kept beside it. An allowlisted e-mail address is bound, at its first sign-in, to the
provider's issuer and subject, so a second account that claims the same address is refused.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("summary", sa.JSON(none_as_null=True), nullable=True))
    op.create_table(
        "accounts",
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("issuer", sa.String(500), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("claims", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_accounts")),
        sa.UniqueConstraint("issuer", "subject", name=op.f("uq_accounts_issuer")),
    )


def downgrade() -> None:
    op.drop_table("accounts")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("summary")
