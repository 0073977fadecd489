"""The log: a rotating file in the per-user data folder, with ID numbers masked, and the hooks that
send every unexpected exception there (main thread and worker threads).

The log lives in `data_dir()/logs`, never beside a `--db` file (that may be on a USB stick handed
around). When the folder cannot be written the program runs on without a file log;
`file_log_problem()` says why, so the GUI can tell the user. No Qt here: the Qt part (message
boxes, the Qt message handler) is `union_desk.ui.error_handling`.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from union_desk import __version__
from union_desk.domain.idcard import mask_id
from union_desk.errors import UnionDeskError, os_error_reason, sqlite_error_to_user
from union_desk.paths import data_dir

LOG_FILENAME = "union_desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("union_desk")

# 18 characters (the last may be X) or 15 digits, not part of a longer run of digits
_ID_LIKE = re.compile(r"(?<!\d)(?:\d{17}[\dXx]|\d{15})(?!\d)")

_state: dict = {"handler": None, "problem": None}


def log_folder() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return log_folder() / LOG_FILENAME


def mask_ids(text: str) -> str:
    """Every ID-number-shaped run masked as the ledgers mask it (110105********1234)."""
    return _ID_LIKE.sub(lambda m: mask_id(m.group(0)), text)


class MaskingFormatter(logging.Formatter):
    """Masks ID numbers in the whole formatted record: message, arguments and traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_ids(super().format(record))


def setup_logging() -> Path | None:
    """Log to the rotating file (once; calling again adds nothing). Returns the file, or None when
    the folder cannot be written (the reason is then in `file_log_problem()`)."""
    handler = _state["handler"]
    if handler is not None and handler in logging.getLogger().handlers:
        return Path(handler.baseFilename)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        _state["handler"], _state["problem"] = None, f"{path.parent}：{exc.strerror or exc}"
        return None
    handler.setLevel(logging.INFO)  # not peewee's SQL debug lines
    handler.setFormatter(MaskingFormatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _state["handler"], _state["problem"] = handler, None
    log.info("Union Desk %s started (Python %s, %s)", __version__, platform.python_version(), platform.platform())
    return path


def file_log_problem() -> str | None:
    """Why there is no file log (the folder and the reason), or None when it works."""
    return _state["problem"]


def shutdown_logging() -> None:
    """Remove and close the file handler (tests; a clean exit)."""
    handler = _state["handler"]
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
    _state["handler"] = None


# --- describing an error to the user ------------------------------------------------------------

def write_error_text(exc: BaseException) -> str | None:
    """A Chinese explanation for the usual reasons a save fails (read-only, disk full, locked);
    None when the exception is none of them. One mapping for the GUI and the CLI
    (`errors.sqlite_error_to_user`, `errors.os_error_reason`)."""
    if isinstance(exc, UnionDeskError):
        return exc.message
    mapped = sqlite_error_to_user(exc)
    if mapped is not None:
        return mapped.message
    if isinstance(exc, OSError):
        where = f"“{exc.filename}”" if exc.filename else ""
        return f"无法保存{where}：{os_error_reason(exc)}。"
    return None


def describe_error(exc: BaseException) -> str:
    """What to tell the user about any exception, in Chinese."""
    return write_error_text(exc) or f"发生了意外错误：{type(exc).__name__}: {mask_ids(str(exc))}"


def where_the_log_is() -> str:
    """One Chinese sentence naming the log folder (or why there is no log)."""
    problem = file_log_problem()
    if problem is not None or _state["handler"] is None:
        return f"无法写入日志文件（{problem or '日志未启用'}）。"
    return f"详细信息已记入日志，日志文件夹：{log_folder()}"


def error_details(exc_type, exc, tb) -> str:
    """The text behind 复制详细信息: version, platform and the traceback (ID numbers masked)."""
    lines = traceback.format_exception(exc_type, exc, tb)
    head = f"Union Desk {__version__} · Python {platform.python_version()} · {platform.platform()}\n"
    return mask_ids(head + "".join(lines))


# --- the hooks ------------------------------------------------------------------------------------

OnError = Callable[[type, BaseException, object, str], None]


def log_exception(exc_type, exc, tb, where: str = "") -> None:
    """Log an exception with its traceback (a UnionDeskError is expected: a warning)."""
    level = logging.WARNING if isinstance(exc, UnionDeskError) else logging.ERROR
    log.log(level, "Unexpected exception%s", f" in {where}" if where else "", exc_info=(exc_type, exc, tb))


def install_excepthooks(on_error: OnError | None = None) -> None:
    """sys.excepthook and threading.excepthook log every uncaught exception, then call
    `on_error(exc_type, exc, tb, thread_name)` (for a message) — from the thread it happened in."""

    def hook(exc_type, exc, tb, thread_name: str = "") -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            log_exception(exc_type, exc, tb, thread_name)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            pass
        if on_error is not None:
            on_error(exc_type, exc, tb, thread_name)
        elif sys.stderr is not None:
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "thread"
        hook(args.exc_type, args.exc_value, args.exc_traceback, name)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def report_unexpected(exc: BaseException) -> str:
    """For the CLI: log `exc` with its traceback and return the Chinese lines for stderr."""
    setup_logging()
    log_exception(type(exc), exc, exc.__traceback__, "command line")
    return f"错误：{describe_error(exc)}\n{where_the_log_is()}"
