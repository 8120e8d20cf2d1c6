"""The archive's full-text search, in the database: folded words per draft, matched by prefix.

``index`` runs with every saved version (``store/drafts.py``), in the same transaction, so the
index never describes text other than the draft's; a purged draft's row goes with it. Both sides
are folded (``language/folding.py``): "haciyev" finds "Hacıyev'in", "bakı" finds "Bakıda" (a
query word matches the words it begins). SQLite matches through FTS5 (``search_fts``, kept from
``search_index`` by triggers), PostgreSQL through ``to_tsvector('simple', words)`` and its GIN
index (migration 0006). Drafts in the trash are never found.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from sqlalchemy import ColumnElement, Connection, delete, func, insert, literal_column, select, text

from pressdraft.core.shipped import directory_text
from pressdraft.language.folding import words
from pressdraft.store.schema import directory_versions, drafts, search_index

#: The SQLite FTS5 table over ``search_index`` (its shadow tables share the prefix).
FTS = "search_fts"
#: The PostgreSQL GIN index over ``to_tsvector('simple', words)``.
GIN = "ix_search_index_words"


def database_only(name: str | None) -> bool:
    """Whether a table or index is the database's own full-text index, which the migration makes
    and ``schema.py`` cannot declare (an FTS5 table and its shadow tables, an expression index)."""
    return name is not None and (name == GIN or name.startswith(FTS))


@dataclass(frozen=True)
class Found:
    """A draft the search found: what a result line shows of it."""

    id: str
    data: Any
    title: str
    owner: str
    status: str
    template_id: str | None


def folded_words(data: Any, status: str, names: Names) -> str:
    """Every word a draft is found by: each string of its data (text in every language, names
    written in, directory keys, template, issuer, number), the names in every language of the
    directory entries it names by key (``names``), and its state, folded, each once."""
    strings = list(_strings(data))
    strings += [name for value in strings for name in names.get(value, ())]
    seen = dict.fromkeys(word for value in strings for word in words(value))
    seen.update(dict.fromkeys(words(status.replace("_", " "))))
    return " ".join(seen)


#: A directory key -> the names of its entry, in every language.
Names = Mapping[str, tuple[str, ...]]
#: The sections whose entries a release names by key, and the fields that name them.
NAMED = {"people": ("name", "short"), "organizations": ("name", "short"), "places": ("name",)}


def directory_names(connection: Connection) -> Names:
    """Each directory key's names in every language (people, organizations, places), from the
    newest saved directory or, in a store that has none, the shipped one: so a release that names
    "hikmet-hajiyev" is found by "Hacıyev", and one held in "baku" by "Bakı". Directory versions
    never change, so each is read once per database and version."""
    number = connection.execute(select(func.max(directory_versions.c.number))).scalar()
    return _names_of(connection, str(connection.engine.url), number)


def _names_of(connection: Connection, database: str, number: int | None) -> Names:
    key = (database, number)
    if key not in _NAMES:
        if number is None:
            data = yaml.safe_load(directory_text())  # checked where the app parses it (core/directory.py)
        else:
            query = select(directory_versions.c.data).where(directory_versions.c.number == number)
            data = connection.execute(query).scalar_one()
        _NAMES.clear()  # one directory at a time: the newest is what saves index with
        _NAMES[key] = _entry_names(data)
    return _NAMES[key]


_NAMES: dict[tuple[str, int | None], Names] = {}


def _entry_names(data: Any) -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = {}
    for section, fields in NAMED.items():
        entries = data.get(section) if isinstance(data, Mapping) else None
        for key, entry in (entries or {}).items() if isinstance(entries, Mapping) else ():
            if isinstance(entry, Mapping):  # a place may be its names alone: ``baku: {tr: Bakü, ...}``
                named = [entry[field] for field in fields if field in entry] or [entry]
                names[str(key)] = tuple(_strings(named))
    return names


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def index(connection: Connection, draft_id: str, data: Any, status: str) -> None:
    """Index the draft's saved ``data`` in its ``status`` (replacing what was indexed of it)."""
    forget(connection, draft_id)
    _insert(connection, draft_id, data, status, directory_names(connection))


def _insert(connection: Connection, draft_id: str, data: Any, status: str, names: Names) -> None:
    connection.execute(insert(search_index).values(draft_id=draft_id, words=folded_words(data, status, names)))


def forget(connection: Connection, draft_id: str) -> None:
    """A purged draft is no longer found."""
    connection.execute(delete(search_index).where(search_index.c.draft_id == draft_id))


def rebuild(connection: Connection) -> int:
    """Index every draft again (after a restore or load, or for a store whose index was lost);
    returns how many drafts were indexed."""
    connection.execute(delete(search_index))
    rows = connection.execute(select(drafts.c.id, drafts.c.data, drafts.c.status)).all()
    names = directory_names(connection)
    for row in rows:
        connection.execute(
            insert(search_index).values(draft_id=row.id, words=folded_words(row.data, row.status, names))
        )
    return len(rows)


def search(
    connection: Connection,
    query: str,
    *,
    status: str | None = None,
    issuer: str | None = None,
    owner: str | None = None,
    template: str | None = None,
    number: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Found]:
    """Drafts not in the trash with every word of ``query`` (by prefix, folded) that pass the
    filters, the most recently edited first. Dates are the release date; an empty query finds
    by the filters alone."""
    release = drafts.c.data["release"]
    statement = select(
        drafts.c.id, drafts.c.data, drafts.c.title, drafts.c.owner, drafts.c.status, drafts.c.template_id
    ).where(drafts.c.deleted_at.is_(None))
    terms = words(query)
    if terms:
        statement = statement.join(search_index, search_index.c.draft_id == drafts.c.id).where(
            _matches(connection, terms)
        )
    if status is not None:
        statement = statement.where(drafts.c.status == status)
    if issuer is not None:
        statement = statement.where(release["issuer"].as_string() == issuer)
    if owner is not None:
        statement = statement.where(drafts.c.owner == owner)
    if template is not None:
        statement = statement.where(drafts.c.template_id == template)
    if number is not None:
        statement = statement.where(release["number"].as_string() == number)
    if date_from is not None:
        statement = statement.where(release["date"].as_string() >= date_from.isoformat())
    if date_to is not None:
        statement = statement.where(release["date"].as_string() <= date_to.isoformat())
    statement = statement.order_by(drafts.c.updated_at.desc(), drafts.c.id).limit(limit).offset(offset)
    return [Found(**row._mapping) for row in connection.execute(statement)]


def _matches(connection: Connection, terms: list[str]) -> ColumnElement[bool]:
    """Every term as the beginning of an indexed word (folded terms are letters and digits only)."""
    if connection.dialect.name == "postgresql":
        query = " & ".join(f"{term}:*" for term in terms)
        vector = func.to_tsvector(literal_column("'simple'"), search_index.c.words)
        return vector.op("@@")(func.to_tsquery(literal_column("'simple'"), query))
    query = " ".join(f'"{term}"*' for term in terms)
    found = text(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH :query").bindparams(query=query)
    return literal_column("search_index.rowid").in_(found.columns(literal_column("rowid")))
