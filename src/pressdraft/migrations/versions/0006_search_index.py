"""The archive's search index: every draft's folded words, and the database's full-text index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08

``search_index`` holds each draft's words as ``language/folding.py`` folds them (kept by the store
with every save, ``store/search.py``). On SQLite an FTS5 table indexes them, kept in step by
triggers (its unicode61 tokenizer over text already folded, prefix queries); on PostgreSQL a GIN
index on ``to_tsvector('simple', words)``: 'simple' neither stems nor drops words, which the
folding already made what people type. The drafts already stored are indexed here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pressdraft.store import search

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_SQLITE = [
    f"CREATE VIRTUAL TABLE {search.FTS} USING fts5(words, content='search_index', content_rowid='rowid',"
    " tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER search_index_added AFTER INSERT ON search_index BEGIN"
    f" INSERT INTO {search.FTS}(rowid, words) VALUES (new.rowid, new.words); END",
    f"CREATE TRIGGER search_index_removed AFTER DELETE ON search_index BEGIN"
    f" INSERT INTO {search.FTS}({search.FTS}, rowid, words) VALUES ('delete', old.rowid, old.words); END",
    f"CREATE TRIGGER search_index_changed AFTER UPDATE ON search_index BEGIN"
    f" INSERT INTO {search.FTS}({search.FTS}, rowid, words) VALUES ('delete', old.rowid, old.words);"
    f" INSERT INTO {search.FTS}(rowid, words) VALUES (new.rowid, new.words); END",
]
_POSTGRESQL = [
    f"CREATE INDEX {search.GIN} ON search_index USING gin (to_tsvector('simple', words))",
]


def upgrade() -> None:
    op.create_table(
        "search_index",
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("draft_id", name=op.f("pk_search_index")),
    )
    for statement in _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL:
        op.execute(statement)
    search.rebuild(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_index_added", "search_index_removed", "search_index_changed"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute(f"DROP TABLE {search.FTS}")
    else:
        op.execute(f"DROP INDEX {search.GIN}")
    op.drop_table("search_index")
