"""Release-number series per issuer and year, the register of numbers given, stored photos.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

A release whose number is ``auto`` gets its issuer's next number of the year when it is
approved: ``release_series`` keeps the last number of each series (one row, updated in the
transaction that gives a number, so numbers are unique and without gaps), ``release_numbers``
which draft got which number. Photos of body blocks are kept, cleaned, in ``images``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "release_series",
        sa.Column("issuer", sa.String(80), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_number >= 1", name=op.f("ck_release_series_last_number")),
        sa.PrimaryKeyConstraint("issuer", "year", name=op.f("pk_release_series")),
    )
    op.create_table(
        "release_numbers",
        sa.Column("issuer", sa.String(80), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("printed", sa.String(40), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assigned_by", sa.String(200), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_release_numbers_number")),
        sa.PrimaryKeyConstraint("issuer", "year", "number", name=op.f("pk_release_numbers")),
        sa.UniqueConstraint("draft_id", name=op.f("uq_release_numbers_draft_id")),
    )
    op.create_table(
        "images",
        sa.Column("id", sa.String(68), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_images")),
    )


def downgrade() -> None:
    op.drop_table("images")
    op.drop_table("release_numbers")
    op.drop_table("release_series")
