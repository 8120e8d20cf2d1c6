"""Release numbers: each issuer's yearly series, and the register of which draft got which number.

A number is taken inside the transaction that records it (in the register, the draft and the
audit log), so a transaction that fails gives its number back: a series has no gaps.
``next_number`` is one statement on both databases, ``INSERT … ON CONFLICT (issuer, year) DO
UPDATE SET last_number = last_number + 1 RETURNING last_number``: on SQLite the store's writes
run one at a time (``BEGIN IMMEDIATE``); on PostgreSQL the statement locks the series' row until
the transaction ends, so a concurrent request waits, then counts on from the number taken
before it (and a first request racing another for a new series ends as its update).

How a number prints is a setting per issuer (``FORMAT_KEY`` + issuer in the settings table,
audited like every setting): ``{year}``, ``{number}`` and ``{number:N}`` (at least N digits,
zero-padded) between letters, digits, ``/``, ``.`` and ``-``; ``DEFAULT_FORMAT`` otherwise.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import re
import sqlite3
from dataclasses import asdict
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, insert, select

from pressdraft.core.model import AUTO_NUMBER, ReleaseNumber
from pressdraft.store import audit, drafts, overrides
from pressdraft.store.errors import InvalidData, StoreError, StoreUnavailable
from pressdraft.store.records import AssignedNumber
from pressdraft.store.schema import drafts as drafts_table
from pressdraft.store.schema import now, release_numbers, release_series

DEFAULT_FORMAT = "{year}/{number}"
FORMAT_KEY = "release_number_format:"
ASSIGN = "release.number"

_PLACEHOLDER = re.compile(r"\{(year|number(?::([1-9]))?)\}")
_LITERAL = re.compile(r"[0-9A-Za-z/.-]*")
_RELEASE_NUMBER: TypeAdapter[str] = TypeAdapter(ReleaseNumber)
# the widest a series can print: numbers up to a million a year
_WIDEST_NUMBER = 999_999
_SQLITE_UPSERT = (3, 35, 0)  # the first SQLite with RETURNING


class FormatError(InvalidData):
    """A number format that cannot print a release number; ``reason`` says which rule it breaks:
    ``no_number`` (no ``{number}``), ``characters`` (outside the placeholders, something other than
    letters, digits, ``/``, ``.``, ``-``) or ``result`` (what it prints is not a release number)."""

    def __init__(self, number_format: str, reason: str):
        super().__init__(f"The release number format {number_format!r} cannot be used ({reason}).")
        self.number_format, self.reason = number_format, reason


class NotAutomatic(StoreError):
    """The draft's release number is not ``auto`` and no number was ever given to it."""


def printed(number_format: str, year: int, number: int) -> str:
    """``number`` of ``year``'s series as ``number_format`` prints it, or ``FormatError``."""
    literal = _PLACEHOLDER.sub("", number_format)
    if not any(match.group(1) != "year" for match in _PLACEHOLDER.finditer(number_format)):
        raise FormatError(number_format, "no_number")
    if not _LITERAL.fullmatch(literal):
        raise FormatError(number_format, "characters")

    def value(match: re.Match[str]) -> str:
        return str(year) if match.group(1) == "year" else str(number).zfill(int(match.group(2) or 1))

    text = _PLACEHOLDER.sub(value, number_format)
    try:
        text = _RELEASE_NUMBER.validate_python(text)
    except ValidationError:
        raise FormatError(number_format, "result") from None
    if text == AUTO_NUMBER:
        raise FormatError(number_format, "result")
    return text


def check_format(number_format: str) -> None:
    """Raise ``FormatError`` unless every number of every year prints as a release number."""
    for year, number in ((2000, 1), (9999, _WIDEST_NUMBER)):
        printed(number_format, year, number)


def number_format(connection: Connection, issuer: str) -> str:
    """How ``issuer``'s numbers print: its setting, else ``DEFAULT_FORMAT``."""
    return overrides.get(connection, FORMAT_KEY + issuer) or DEFAULT_FORMAT


def set_number_format(connection: Connection, issuer: str, number_format: str | None, *, user: str) -> None:
    """Set how ``issuer``'s numbers print (None: back to ``DEFAULT_FORMAT``), audited as a setting."""
    if number_format is None:
        overrides.remove(connection, FORMAT_KEY + issuer, user=user)
        return
    check_format(number_format)
    overrides.put(connection, FORMAT_KEY + issuer, number_format, user=user)


def next_number(connection: Connection, issuer: str, year: int) -> int:
    """The next number of ``issuer``'s series for ``year`` (1 for a new series), taken in the
    caller's transaction: unique under concurrent requests, given back if the transaction fails."""
    if connection.dialect.name == "sqlite" and sqlite3.sqlite_version_info < _SQLITE_UPSERT:
        raise StoreUnavailable(
            f"Release numbers need SQLite 3.35 or newer (INSERT … ON CONFLICT … RETURNING); this Python "
            f"has SQLite {sqlite3.sqlite_version}: use a newer Python, or PostgreSQL."
        )
    # the INSERT of the connection's own dialect (both have ON CONFLICT), from the dialect package its
    # engine has loaded: importing PostgreSQL's at start would cost a SQLite store's first page ~40 ms
    dialect = importlib.import_module(f"sqlalchemy.dialects.{connection.dialect.name}")
    statement = (
        dialect.insert(release_series)
        .values(issuer=issuer, year=year, last_number=1)
        .on_conflict_do_update(
            index_elements=[release_series.c.issuer, release_series.c.year],
            set_={"last_number": release_series.c.last_number + 1},
        )
        .returning(release_series.c.last_number)
    )
    return int(connection.execute(statement).scalar_one())


def assigned(connection: Connection, draft_id: str) -> AssignedNumber | None:
    """The number given to a draft, or None."""
    row = connection.execute(select(release_numbers).where(release_numbers.c.draft_id == draft_id)).one_or_none()
    return AssignedNumber(**row._mapping) if row is not None else None


def register(connection: Connection, issuer: str, year: int) -> list[AssignedNumber]:
    """Every number of one series given so far, in order."""
    query = (
        select(release_numbers)
        .where(release_numbers.c.issuer == issuer, release_numbers.c.year == year)
        .order_by(release_numbers.c.number)
    )
    return [AssignedNumber(**row._mapping) for row in connection.execute(query)]


def assign(connection: Connection, draft_id: str, *, user: str) -> AssignedNumber:
    """Give the draft its issuer's next number of its release year, once: the number goes into the
    register, into the draft's ``release.number`` (in place of ``auto``) and into the audit log.

    A draft that already has a number gets the same one back (and ``auto`` in its data replaced by
    it again); a draft whose number is not ``auto`` is refused with ``NotAutomatic``."""
    _lock_draft(connection, draft_id)
    draft = drafts.get(connection, draft_id)
    given = assigned(connection, draft_id)
    release = draft.data.get("release") if isinstance(draft.data.get("release"), dict) else {}
    if given is None:
        if release.get("number") != AUTO_NUMBER:
            raise NotAutomatic(f"The draft {draft_id!r} does not ask for a number (its release.number is not auto).")
        issuer, year = _series_of(release)
        number = next_number(connection, issuer, year)
        given = AssignedNumber(
            issuer, year, number, draft_id, printed(number_format(connection, issuer), year, number), now(), user
        )
        connection.execute(insert(release_numbers).values(**asdict(given)))
        audit.write(
            connection,
            user=user,
            action=ASSIGN,
            object_type="draft",
            object_id=draft_id,
            before={"number": AUTO_NUMBER, "revision": draft.revision},
            after={"issuer": issuer, "year": year, "number": number, "printed": given.printed},
        )
    if release.get("number") == AUTO_NUMBER:
        data = copy.deepcopy(draft.data)
        data["release"]["number"] = given.printed
        drafts.save(
            connection,
            draft_id,
            data,
            author=user,
            expected_revision=draft.revision,
            summary=draft.summary,
            event="number",
            changed=["release.number"],
        )
    return given


def _lock_draft(connection: Connection, draft_id: str) -> None:
    """On PostgreSQL, hold the draft's row until the transaction ends, so that two requests for one
    draft's number take turns (SQLite's writes already do)."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(drafts_table.c.id).where(drafts_table.c.id == draft_id).with_for_update())


def _series_of(release: dict[str, Any]) -> tuple[str, int]:
    """The issuer and the year of the release date: the series a number is taken from."""
    issuer, date = release.get("issuer"), release.get("date")
    try:
        year = dt.date.fromisoformat(date).year if isinstance(date, str) else None
    except ValueError:
        year = None
    if not isinstance(issuer, str) or not issuer or year is None:
        raise InvalidData("A release number needs the release's issuer and date (release.issuer, release.date).")
    return issuer, year
