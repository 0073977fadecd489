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


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


# GetDriveTypeW: 3 = a fixed disk. Removable (2), network (4) and CD (5) drives are never suggested.
DRIVE_FIXED = 3


def _windows_drives() -> list[tuple[str, int]]:  # pragma: no cover - Windows only (tests mock it)
    import ctypes

    kernel32 = ctypes.windll.kernel32
    mask = kernel32.GetLogicalDrives()
    drives = []
    for i in range(26):
        if mask & (1 << i):
            root = f"{chr(ord('A') + i)}:\\"
            drives.append((root, kernel32.GetDriveTypeW(root)))
    return drives


def suggested_data_folder(*, windows: bool | None = None, drives=None) -> Path | None:
    """还原卡: a folder on the first fixed drive that is not the system drive, or None.

    Disk-restore cards wipe C: at each reboot; data on D: survives. `drives` (a list of
    (root, drive type)) is for tests; on Windows it comes from GetLogicalDrives/GetDriveTypeW.
    """
    windows = sys.platform == "win32" if windows is None else windows
    if not windows:
        return None
    system = (os.environ.get("SystemDrive") or "C:").rstrip("\\").upper()
    try:
        found = _windows_drives() if drives is None else drives
    except (OSError, AttributeError):
        return None
    for root, kind in found:
        if kind == DRIVE_FIXED and root.rstrip("\\").upper() != system:
            return Path(root.rstrip("\\") + "\\" + APP_NAME)
    return None


def backups_dir(db_path: Path) -> Path:
    """Backups sit in `backups/` beside the database file."""
    return db_path.parent / "backups"


CLI_PROGRAM = "union-desk"


def cli_program_name() -> str:
    """The command-line program as the user types it: `union-desk.exe` in the Windows bundle
    (the console program beside UnionDesk.exe), else `union-desk` (the pip entry point, or the
    Linux bundle's console program). Help texts and hints print this name."""
    if getattr(sys, "frozen", False) and sys.platform == "win32":
        return f"{CLI_PROGRAM}.exe"
    return CLI_PROGRAM


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _root() / "resources"


def i18n_dir() -> Path:
    return _root() / "i18n"
