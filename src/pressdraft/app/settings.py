"""Settings: declared once here, read from ``PRESSDRAFT_*`` variables or a settings file.

The registry ``SETTINGS`` feeds the app, the CLI and ``docs/settings.md`` (a test checks that
every setting is documented there). The default needs no setting at all: data in ``./data``,
SQLite inside it, the shipped templates and directory.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressdraft.app.auth import parse_allowlist
from pressdraft.core.problems import Location, PressdraftError, Problem


@dataclass(frozen=True)
class Setting:
    name: str
    help: str
    default: Callable[[dict[str, Any]], Any]
    parse: Callable[[Any], Any] = str  # a str, or a table of the TOML file

    @property
    def variable(self) -> str:
        return f"PRESSDRAFT_{self.name.upper()}"


def _path(value: str) -> Path:
    return Path(value).expanduser()


def _ui_language(value: str) -> str:
    if value not in ("", "tr", "az", "en"):
        raise ValueError("one of tr, az, en (or empty for the browser's language)")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "folder for the database and uploaded files", lambda s: Path("data"), _path),
    Setting(
        "database_url",
        "SQLAlchemy URL of the store; SQLite in the data folder by default, or postgresql+psycopg://…",
        lambda s: f"sqlite:///{(s['data_dir'] / 'pressdraft.db').resolve()}",
    ),
    Setting("templates_dir", "folder of the shipped template library", lambda s: None, _path),
    Setting("letterhead", "a letterhead .docx made in Word, used for every release", lambda s: None, _path),
    Setting("ui_language", "interface language (tr, az, en); empty: the browser's", lambda s: "", _ui_language),
    Setting(
        "allowlist",
        "who may sign in, with their role: email=role pairs (drafter, editor, admin) separated by commas, "
        "or a TOML table; used with a sign-in provider only (docs/sign-in.md)",
        lambda s: {},
        parse_allowlist,
    ),
    Setting(
        "sign_in_provider",
        "name of the provider section [auth.NAME] of Streamlit's secrets to sign in with; empty: [auth] itself",
        lambda s: "",
        lambda value: value.strip(),
    ),
)


def load_settings(environ: Mapping[str, str] | None = None, file: Path | None = None) -> dict[str, Any]:
    """Each setting from the environment, else the settings file, else its default.

    The file is TOML, named by ``PRESSDRAFT_SETTINGS``, with the setting names as keys.
    """
    environ = os.environ if environ is None else environ
    file = file or (Path(environ["PRESSDRAFT_SETTINGS"]) if environ.get("PRESSDRAFT_SETTINGS") else None)
    from_file = _read_file(file) if file else {}
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(setting.variable, from_file.get(setting.name))
        if raw is not None and not isinstance(raw, Mapping):
            raw = str(raw)
        try:
            values[setting.name] = setting.default(values) if raw in (None, "") else setting.parse(raw)
        except ValueError as error:
            raise PressdraftError(
                Problem(Location(field=(setting.variable,)), "{message}", {"message": str(error)})
            ) from None
    return values


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PressdraftError(
            Problem(Location(file=str(path)), "cannot read settings: {reason}", {"reason": str(error)})
        ) from None
    unknown = sorted(set(data) - {s.name for s in SETTINGS})
    if unknown:
        raise PressdraftError(
            Problem(Location(file=str(path)), "unknown settings: {names}", {"names": ", ".join(unknown)})
        )
    return data
