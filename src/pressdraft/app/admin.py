"""The administration page's work, without Streamlit: the audit log a page at a time and as
CSV or JSON files, the settings shown without secrets, and settings changed outside the app
(the settings file or ``PRESSDRAFT_*`` variables, e.g. a role given or taken away) recorded in
the audit log when a server starts with them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pressdraft.app.auth import format_allowlist
from pressdraft.app.settings import SETTINGS
from pressdraft.store.api import Store
from pressdraft.store.database import safe_url
from pressdraft.store.records import AuditEntry

AUDIT_PAGE_SIZE = 25
OBJECT_TYPES = ("template", "directory", "draft", "setting")
# Settings that change what people may do or what releases look like; a change to one is
# audited (data_dir and database_url name the store itself, so they are not).
AUDITED_SETTINGS = ("allowlist", "sign_in_provider", "templates_dir", "letterhead", "ui_language")
SETTINGS_AUTHOR = "(settings file or environment)"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def audit_page(
    store: Store, *, object_type: str | None = None, page: int = 0, size: int = AUDIT_PAGE_SIZE
) -> tuple[list[AuditEntry], bool]:
    """Page ``page`` (from 0) of the audit log, the newest first, and whether another follows."""
    entries = store.audit_entries(size + 1, max(page, 0) * size, object_type=object_type)
    return entries[:size], len(entries) > size


def compact(value: Any) -> str:
    """A before/after value on one line (empty when there is none)."""
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def without_data(value: Any) -> Any:
    """An entry's before or after without the draft data it keeps (shown in the entry's details)."""
    return {k: v for k, v in value.items() if k != "data"} if isinstance(value, dict) else value


def audit_json(store: Store) -> bytes:
    """The whole audit log, oldest first, as a JSON array."""
    return json.dumps(store.export_audit(), ensure_ascii=False, indent=2, default=str).encode("utf-8")


def audit_csv(store: Store) -> bytes:
    """The whole audit log, oldest first, as CSV (UTF-8 with a BOM, so spreadsheets read it).

    Before and after are JSON text. A cell that a spreadsheet would run as a formula (starting
    with ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe: the log holds text people typed.
    """
    columns = ["id", "at", "user", "action", "object_type", "object_id", "before", "after"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in store.export_audit():
        cells = [row[c] if c not in ("before", "after") else compact(row[c]) for c in columns]
        writer.writerow([_no_formula(str(cell)) for cell in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _no_formula(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def shown_value(name: str, value: Any) -> str:
    """A setting's value as the administration page shows it: no password of a database URL."""
    if value is None or value == "":
        return ""
    if name == "database_url":
        return safe_url(value)
    if name == "allowlist":
        return format_allowlist(value)
    return str(value)


def _plain(name: str, value: Any) -> Any:
    """A setting's value as the audit log keeps it (JSON)."""
    if isinstance(value, Path):
        return str(value)
    if name == "allowlist" and isinstance(value, Mapping):
        return dict(sorted(value.items()))
    return value


def record_settings(store: Store, values: Mapping[str, Any]) -> list[str]:
    """Audit each audited setting whose value differs from the last one the log recorded (or,
    for a first record, from its default); returns the names recorded.

    Called when a server starts: settings change outside the app, so this is when it sees them.
    Two servers starting together may both record the same change.
    """
    defaults = {s.name: s.default({}) for s in SETTINGS if s.name in AUDITED_SETTINGS}
    recorded = []
    for name in AUDITED_SETTINGS:
        now = _plain(name, values.get(name))
        last = store.audit_entries(1, object_type="setting", object_id=name)
        if last:
            after = last[0].after
            before = after.get("value") if isinstance(after, dict) else None
        else:
            before = _plain(name, defaults[name])
        if now != before:
            store.audit(
                user=SETTINGS_AUTHOR,
                action="settings.changed",
                object_type="setting",
                object_id=name,
                before={"value": before},
                after={"value": now},
            )
            recorded.append(name)
    return recorded
