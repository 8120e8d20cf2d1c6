"""Rows as portable JSON and their checksums: the common ground of backup, restore and copy.

A row is encoded the same way whatever database it came from (timestamps as ISO 8601 UTC text,
JSON values as they are, bytes as base64 text), and its checksum is the SHA-256 of its canonical JSON. A table's
checksum combines the row checksums in sorted order, so it does not depend on the order a
database returns rows in (SQLite and PostgreSQL collate text differently).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import JSON, Connection, Integer, LargeBinary, Table, Text, column, func, insert, select, table
from sqlalchemy.sql.expression import TableClause

from pressdraft.store.schema import UTCDateTime, json_type

Kind = Literal["datetime", "json", "int", "text", "bytes"]
BATCH = 500


def column_kinds(source: Table) -> dict[str, Kind]:
    """How each column of a declared table is encoded, in column order."""
    return {col.name: _kind(col.type) for col in source.columns}


def _kind(sql_type: Any) -> Kind:
    if isinstance(sql_type, UTCDateTime):
        return "datetime"
    if isinstance(sql_type, JSON):
        return "json"
    if isinstance(sql_type, Integer):
        return "int"
    if isinstance(sql_type, LargeBinary):
        return "bytes"
    return "text"


def portable_table(name: str, kinds: Mapping[str, Kind]) -> TableClause:
    """A table built from a backup's column list, independent of the code's current schema."""
    types = {"datetime": UTCDateTime(), "json": json_type(), "int": Integer(), "text": Text(), "bytes": LargeBinary()}
    return table(name, *(column(col, types[kind]) for col, kind in kinds.items()))


def encode(row: Mapping[str, Any], kinds: Mapping[str, Kind]) -> dict[str, Any]:
    """A database row as JSON-ready values."""
    return {col: _encode_value(row[col], kind) for col, kind in kinds.items()}


def _encode_value(value: Any, kind: Kind) -> Any:
    if kind == "datetime" and isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if kind == "bytes" and isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode(obj: Mapping[str, Any], kinds: Mapping[str, Kind]) -> dict[str, Any]:
    """A JSON-ready row back into values for an insert."""
    return {col: _decode_value(obj.get(col), kind) for col, kind in kinds.items()}


def _decode_value(value: Any, kind: Kind) -> Any:
    if kind == "datetime" and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind == "bytes" and isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except binascii.Error:
            raise ValueError("bytes that are not base64") from None
    return value


def canonical(obj: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


class TableDigest:
    """Row count and an order-independent SHA-256 of a table's encoded rows."""

    def __init__(self) -> None:
        self.count = 0
        self._row_digests: list[bytes] = []

    def add(self, encoded_row: Mapping[str, Any]) -> None:
        self._row_digests.append(hashlib.sha256(canonical(encoded_row)).digest())
        self.count += 1

    def hexdigest(self) -> str:
        total = hashlib.sha256()
        for digest in sorted(self._row_digests):
            total.update(digest)
        return total.hexdigest()

    def summary(self) -> dict[str, Any]:
        return {"count": self.count, "sha256": self.hexdigest()}


def read_encoded(
    connection: Connection, source: Table | TableClause, kinds: Mapping[str, Kind]
) -> Iterator[dict[str, Any]]:
    """Every row of a table, encoded, streamed in batches (primary key order when known)."""
    query = select(source)
    if isinstance(source, Table):
        query = query.order_by(*source.primary_key.columns)
    result = connection.execute(query.execution_options(yield_per=BATCH))
    for row in result:
        yield encode(row._mapping, kinds)


def insert_encoded(
    connection: Connection,
    target: TableClause,
    kinds: Mapping[str, Kind],
    rows: Iterable[Mapping[str, Any]],
) -> TableDigest:
    """Insert encoded rows in batches; returns the digest of what was handed in."""
    digest = TableDigest()
    batch: list[dict[str, Any]] = []
    for row in rows:
        digest.add(row)
        batch.append(decode(row, kinds))
        if len(batch) >= BATCH:
            connection.execute(insert(target), batch)
            batch = []
    if batch:
        connection.execute(insert(target), batch)
    return digest


def stored_digest(connection: Connection, target: TableClause, kinds: Mapping[str, Kind]) -> TableDigest:
    """The digest of what a database holds now (read back, to verify a load)."""
    digest = TableDigest()
    for row in read_encoded(connection, target, kinds):
        digest.add(row)
    return digest


def count(connection: Connection, target: Table | TableClause) -> int:
    return connection.execute(select(func.count()).select_from(target)).scalar_one()
