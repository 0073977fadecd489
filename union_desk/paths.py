"""Where things live: the per-user data folder, the database file, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from union_desk import APP_NAME

DB_FILENAME = "union_desk.sqlite"
DEMO_DB_FILENAME = "demo.sqlite"
DB_ENV = "UNION_DESK_DB"
DATA_DIR_ENV = "UNION_DESK_DATA_DIR"


def data_dir() -> Path:
    """The per-user data folder: %APPDATA%\\UnionDesk on Windows, XDG data home elsewhere."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def resolve_db_path(cli_value: str | None = None, demo: bool = False) -> Path:
    """`--db` wins, then UNION_DESK_DB, then the default file in the data folder."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    if demo:
        return data_dir() / DEMO_DB_FILENAME
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return data_dir() / DB_FILENAME


def backups_dir(db_path: Path) -> Path:
    """Backups sit in `backups/` beside the database file."""
    return db_path.parent / "backups"


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _root() / "resources"


def i18n_dir() -> Path:
    return _root() / "i18n"
