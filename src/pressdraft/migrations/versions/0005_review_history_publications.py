"""The way out: a release's state, every saved version, reviewers' comments, what was published.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08

A draft moves draft -> in_review -> approved -> published (``status``, who moved it and when);
``draft_versions`` keeps every saved state (autosaves folded per person and minutes);
``draft_comments`` a reviewer's remarks on a field or block; ``publications`` and
``publication_files`` the exact files that went out, never changed afterwards. Drafts that exist
already start as ``draft`` with one version: their current state, by their owner.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

JSON = sa.JSON(none_as_null=True)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("status", sa.String(16), server_default="draft", nullable=False))
        batch.add_column(sa.Column("status_at", WHEN, nullable=True))
        batch.add_column(sa.Column("status_by", sa.String(200), nullable=True))
        batch.create_check_constraint(
            op.f("ck_drafts_status"), "status IN ('draft', 'in_review', 'approved', 'published')"
        )
    op.create_table(
        "draft_versions",
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("changed", JSON, nullable=True),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.CheckConstraint("number >= 1", name=op.f("ck_draft_versions_number")),
        sa.PrimaryKeyConstraint("draft_id", "number", name=op.f("pk_draft_versions")),
    )
    op.create_table(
        "draft_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("resolved_at", WHEN, nullable=True),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_comments")),
    )
    op.create_index("ix_draft_comments_draft_id", "draft_comments", ["draft_id"])
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("published_at", WHEN, nullable=False),
        sa.Column("published_by", sa.String(200), nullable=False),
        sa.Column("number", sa.String(40), nullable=True),
        sa.Column("template_id", sa.String(200), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("directory_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publications")),
    )
    op.create_index("ix_publications_draft_id", "publications", ["draft_id"])
    op.create_table(
        "publication_files",
        sa.Column("publication_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("publication_id", "name", name=op.f("pk_publication_files")),
    )
    # every existing draft's current state is its first version, by its owner
    op.execute(
        "INSERT INTO draft_versions (draft_id, number, data, author, created_at, updated_at, revision, status, event)"
        " SELECT id, 1, data, owner, updated_at, updated_at, revision, 'draft', 'edit' FROM drafts"
    )


def downgrade() -> None:
    op.drop_table("publication_files")
    op.drop_index("ix_publications_draft_id", table_name="publications")
    op.drop_table("publications")
    op.drop_index("ix_draft_comments_draft_id", table_name="draft_comments")
    op.drop_table("draft_comments")
    op.drop_table("draft_versions")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_constraint(op.f("ck_drafts_status"), type_="check")
        batch.drop_column("status_by")
        batch.drop_column("status_at")
        batch.drop_column("status")
