"""The log: a rotating file in the per-user data folder with ID numbers masked; the excepthooks
that put every uncaught exception there (main thread and worker threads); the Chinese texts for
the usual reasons a write fails."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import sys
import threading

import peewee
import pytest

from union_desk import logs, paths
from union_desk.domain import idcard
from union_desk.errors import NotFoundError

ID_NUMBER = idcard.make_id("110105", dt.date(1986, 4, 12), 123, "男")
OLD_ID = "110105860412123"  # 15 digits


@pytest.fixture(autouse=True)
def clean_logging(monkeypatch):
    """Each test starts without our handler and leaves the root logger and the hooks as found."""
    root = logging.getLogger()
    level = root.level
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.shutdown_logging()
    yield
    logs.shutdown_logging()
    root.setLevel(level)


def log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return logs.log_file().read_text(encoding="utf-8")


def test_the_log_is_in_the_per_user_data_folder_and_masks_id_numbers(tmp_path):
    path = logs.setup_logging()
    assert path == paths.data_dir() / "logs" / "union_desk.log"
    assert logs.log_folder() == path.parent
    assert str(path).startswith(str(tmp_path / "appdata"))  # the test's private data folder
    logging.getLogger("union_desk.test").warning("member %s, old %s, x%s", ID_NUMBER, OLD_ID, ID_NUMBER.lower())
    text = log_text()
    assert path.is_file()
    assert ID_NUMBER not in text and OLD_ID not in text
    assert idcard.mask_id(ID_NUMBER) in text
    assert idcard.mask_id(OLD_ID) in text
    assert logs.file_log_problem() is None


def test_a_traceback_is_masked_too():
    logs.setup_logging()
    try:
        raise ValueError(f"bad id {ID_NUMBER}")
    except ValueError:
        logging.getLogger("union_desk.test").exception("failed")
    text = log_text()
    assert "Traceback" in text and "ValueError" in text
    assert ID_NUMBER not in text and idcard.mask_id(ID_NUMBER) in text


def test_other_long_numbers_are_left_alone():
    assert logs.mask_ids("amount 12345678901234567890 id " + ID_NUMBER) == (
        "amount 12345678901234567890 id " + idcard.mask_id(ID_NUMBER)
    )


def test_setup_is_idempotent():
    first = logs.setup_logging()
    second = logs.setup_logging()
    assert first == second
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(ours) == 1


def test_the_log_rotates(monkeypatch):
    handler_path = logs.setup_logging()
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(handler_path))
    assert (handler.maxBytes, handler.backupCount) == (logs.MAX_BYTES, logs.BACKUP_COUNT)
    assert 0 < logs.MAX_BYTES <= 5_000_000 and logs.BACKUP_COUNT >= 2
    handler.maxBytes = 2_000  # the same handler, a small size, to see it roll over
    for i in range(100):
        logging.getLogger("union_desk.test").info("line %d %s", i, "x" * 50)
    assert handler_path.with_name("union_desk.log.1").is_file()
    assert not handler_path.with_name(f"union_desk.log.{logs.BACKUP_COUNT + 1}").exists()


def test_an_unwritable_log_folder_is_no_crash(monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(logs.log_file()))

    monkeypatch.setattr(logs.logging.handlers, "RotatingFileHandler", refuse)
    assert logs.setup_logging() is None
    problem = logs.file_log_problem()
    assert problem is not None and str(logs.log_folder()) in problem
    assert "无法写入日志文件" in logs.where_the_log_is()
    logging.getLogger("union_desk.test").error("still fine")  # no handler, no exception


def test_excepthook_logs_and_calls_back():
    logs.setup_logging()
    seen = []
    logs.install_excepthooks(lambda exc_type, exc, tb, where: seen.append((exc, where)))
    try:
        raise RuntimeError(f"boom {ID_NUMBER}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert [type(e) for e, _ in seen] == [RuntimeError]
    text = log_text()
    assert "Traceback" in text and "RuntimeError: boom" in text
    assert ID_NUMBER not in text


def test_a_worker_thread_exception_is_logged():
    logs.setup_logging()
    seen = []
    logs.install_excepthooks(lambda exc_type, exc, tb, where: seen.append(where))

    def work():
        raise KeyError("in the worker")

    thread = threading.Thread(target=work, name="worker-7")
    thread.start()
    thread.join()
    assert seen == ["worker-7"]
    text = log_text()
    assert "KeyError: 'in the worker'" in text and "worker-7" in text


def readonly_error(tmp_path) -> sqlite3.OperationalError:
    """The error SQLite really raises when writing to a file opened read-only."""
    path = tmp_path / "ro.sqlite"
    sqlite3.connect(path).execute("create table t (x)").connection.commit()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("insert into t values (1)")
    conn.close()
    return info.value


def test_write_errors_are_told_in_chinese(tmp_path):
    assert "只读" in logs.describe_error(readonly_error(tmp_path))
    assert "只读" in logs.describe_error(peewee.OperationalError("attempt to write a readonly database"))
    assert "磁盘空间已满" in logs.describe_error(peewee.OperationalError("database or disk is full"))
    assert "锁定" in logs.describe_error(sqlite3.OperationalError("database is locked"))
    assert "磁盘空间已满" in logs.describe_error(OSError(28, "No space left on device"))
    assert logs.describe_error(NotFoundError("找不到该会员")) == "找不到该会员"
    other = logs.describe_error(ZeroDivisionError("division by zero"))
    assert other.startswith("发生了意外错误") and "ZeroDivisionError" in other
    assert logs.write_error_text(ZeroDivisionError()) is None


def test_report_unexpected_for_the_command_line():
    try:
        raise sqlite3.OperationalError("attempt to write a readonly database")
    except sqlite3.OperationalError as exc:
        text = logs.report_unexpected(exc)
    assert text.startswith("错误：数据文件是只读的")
    assert str(logs.log_folder()) in text
    assert "OperationalError" in log_text()


def test_error_details_carry_version_and_traceback():
    try:
        raise RuntimeError(ID_NUMBER)
    except RuntimeError:
        details = logs.error_details(*sys.exc_info())
    assert details.startswith("Union Desk ")
    assert "Traceback" in details and ID_NUMBER not in details
