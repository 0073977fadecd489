"""The per-user config file: where the data file lives and the second backup place.

It lives in the per-user folder (`%APPDATA%\\UnionDesk\\config.json`, `paths.data_dir()`), never
beside the data file: the data folder itself can move, and the config says where it went. It is
read by both programs (GUI and CLI). Writes go to a temporary file in the same folder and are
renamed into place, so a crash never leaves half a config.

Keys:
- `data_folder`: the folder holding `union_desk.sqlite` (chosen at the first start or by 设置 →
  移动数据文件). Precedence: `--db`, then `UNION_DESK_DB`, then this, then the per-user folder.
- `second_backup_dir`: 设置 → 备份位置, a folder on another drive or a USB stick.
- `outside_backups`: {data file path: ISO time of the last verified copy outside the data folder}.
- `second_place_missed`: {data file path: ISO time the second place was last found missing}.

An unreadable or malformed file counts as empty (logged): the first start then asks again
rather than the program refusing to start.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from union_desk.errors import DataFolderError, os_error_reason
from union_desk.paths import DATA_DIR_ENV, DB_ENV, DB_FILENAME, DEMO_DB_FILENAME, data_dir, default_db_path

CONFIG_FILENAME = "config.json"
log = logging.getLogger(__name__)


def config_path() -> Path:
    return data_dir() / CONFIG_FILENAME


def load() -> dict[str, Any]:
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return {}
    try:
        data = json.loads(text)
    except ValueError as exc:
        log.warning("ignoring malformed %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict[str, Any]) -> None:
    """Write the whole config atomically (temporary file in the same folder, then rename)."""
    from union_desk.files import replace_with_retry

    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".~config.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=2)
                fh.flush()
                os.fsync(fh.fileno())
            replace_with_retry(Path(temp), path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
    except OSError as exc:
        raise DataFolderError(f"无法保存设置文件：{path}\n原因：{os_error_reason(exc)}") from exc


def update(**changes: Any) -> dict[str, Any]:
    """Read, change (a value of None removes the key), write; return the new config."""
    data = load()
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    save(data)
    return data


# --- typed accessors ------------------------------------------------------------------------------


def data_folder() -> Path | None:
    value = load().get("data_folder")
    return Path(value) if isinstance(value, str) and value else None


def set_data_folder(folder: Path) -> None:
    update(data_folder=str(Path(folder).absolute()))


def second_backup_dir() -> Path | None:
    value = load().get("second_backup_dir")
    return Path(value) if isinstance(value, str) and value else None


def set_second_backup_dir(folder: Path | None) -> None:
    update(second_backup_dir=str(Path(folder).absolute()) if folder else None)


def _key(db_path: Path) -> str:
    return os.path.normcase(str(Path(db_path).absolute()))


def _stamp(name: str, db_path: Path) -> dt.datetime | None:
    value = load().get(name, {})
    raw = value.get(_key(db_path)) if isinstance(value, dict) else None
    try:
        return dt.datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _set_stamp(name: str, db_path: Path, when: dt.datetime) -> None:
    data = load()
    stamps = data.get(name) if isinstance(data.get(name), dict) else {}
    stamps[_key(db_path)] = when.replace(microsecond=0).isoformat()
    data[name] = stamps
    save(data)


def last_outside_backup(db_path: Path) -> dt.datetime | None:
    return _stamp("outside_backups", db_path)


def record_outside_backup(db_path: Path, when: dt.datetime) -> None:
    old = last_outside_backup(db_path)
    if old is None or when > old:
        _set_stamp("outside_backups", db_path, when)


def second_place_missed(db_path: Path) -> dt.datetime | None:
    return _stamp("second_place_missed", db_path)


def record_second_place_missed(db_path: Path, when: dt.datetime) -> None:
    _set_stamp("second_place_missed", db_path, when)


# --- which data file (both programs: the GUI and the CLI) ----------------------------------------


def resolve_db_path(cli_value: str | None = None, demo: bool = False) -> Path:
    """`--db` wins, then UNION_DESK_DB, then the config file's data folder, then the per-user folder.

    Both programs (GUI and CLI) call this, so they open the same file.
    """
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    if demo:
        return data_dir() / DEMO_DB_FILENAME
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return configured_db_path()


def configured_db_path() -> Path:
    """The data file without overrides: in the config file's data folder, else the per-user one."""
    folder = data_folder()
    return (folder / DB_FILENAME) if folder else default_db_path()


def first_run_needed(db_path: Path, demo: bool = False) -> bool:
    """Ask where to keep the data? Only on a true first start.

    Not when the path came from `--demo`, `--db` (another path), UNION_DESK_DB or
    UNION_DESK_DATA_DIR (someone already chose), not when the config file names a data folder,
    and not when the default data file exists already (a user upgrading from a version that
    never asked).
    """
    if demo or os.environ.get(DB_ENV) or os.environ.get(DATA_DIR_ENV):
        return False
    if data_folder() is not None:
        return False
    default = default_db_path()
    if Path(db_path).absolute() != default.absolute():
        return False
    return not default.exists()
