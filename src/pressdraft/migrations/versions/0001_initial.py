"""The first schema: drafts, template versions, directory versions, settings, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

Self-contained on purpose (plain SQLAlchemy types, no imports from the app): a migration must
keep producing the same schema however the code changes later.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _json() -> sa.JSON:
    return sa.JSON(none_as_null=True)


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("template_id", sa.String(200), nullable=True),
        sa.Column("languages", _json(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _timestamp(), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_drafts"),
    )
    op.create_index("ix_drafts_deleted_at_updated_at", "drafts", ["deleted_at", "updated_at"])
    op.create_index("ix_drafts_owner", "drafts", ["owner"])

    op.create_table(
        "template_versions",
        sa.Column("template_id", sa.String(200), nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("files", _json(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('working', 'draft')", name="ck_template_versions_status"),
        sa.CheckConstraint("number >= 1", name="ck_template_versions_number"),
        sa.PrimaryKeyConstraint("template_id", "number", name="pk_template_versions"),
    )

    op.create_table(
        "directory_versions",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint("number >= 1", name="ck_directory_versions_number"),
        sa.PrimaryKeyConstraint("number", name="pk_directory_versions"),
    )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("value", _json(), nullable=True),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", _timestamp(), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(64), nullable=False),
        sa.Column("object_id", sa.String(200), nullable=False),
        sa.Column("before", _json(), nullable=True),
        sa.Column("after", _json(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_object", "audit_log", ["object_type", "object_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_object", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("settings")
    op.drop_table("directory_versions")
    op.drop_table("template_versions")
    op.drop_index("ix_drafts_owner", table_name="drafts")
    op.drop_index("ix_drafts_deleted_at_updated_at", table_name="drafts")
    op.drop_table("drafts")
