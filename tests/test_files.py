"""Writing output files (ledgers, packs, printouts, statistics) when things go wrong.

Windows cannot be run here, so its rules are simulated: a file that is still open cannot be
deleted (`windows_unlink`), a rename is refused while another program holds the target.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from union_desk import files
from union_desk.errors import FileInUseError, UnionDeskError, ValidationError
from union_desk.faults import KILL_ENV, KILL_EXIT

YEAR = dt.date.today().year
OLD = time.time() - 3600  # an hour ago: a leftover, not an export still running


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def _open_paths() -> set[str]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
    return found


@pytest.fixture
def windows_unlink(monkeypatch):
    """Windows semantics for deleting: a file that is still open anywhere in the process cannot
    be deleted (PermissionError), so a temporary file whose handle leaked stays behind."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc/self/fd to see open files")
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        if os.path.realpath(path) in _open_paths():
            raise PermissionError(errno.EACCES, "The process cannot access the file (simulated Windows)", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)
    return unlink


@pytest.fixture
def no_sleep(monkeypatch):
    """Retries without waiting; the pauses asked for are recorded."""
    slept: list[float] = []
    monkeypatch.setattr(files.time, "sleep", slept.append)
    return slept


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The system temporary folder, private to the test (openpyxl writes each sheet there first)."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in range(1, 51):
        ws.append([f"会员{row}", row, "110101199001011234"])
    return wb


def _write_bytes(data: bytes):
    return lambda fh: fh.write(data)


# --- the windows_unlink simulation itself ---------------------------------------------------------


def test_simulated_windows_refuses_to_delete_an_open_file(tmp_path, windows_unlink):
    path = tmp_path / "held.bin"
    with open(path, "wb"):
        with pytest.raises(PermissionError):
            os.unlink(path)
    os.unlink(path)  # closed: deleted
    assert not path.exists()


# --- handles closed before the temporary file is removed ---------------------------------------------


def test_a_workbook_failing_halfway_leaves_no_temporary_file(tmp_path, windows_unlink, system_temp, monkeypatch):
    """openpyxl's save opens the file itself and keeps it open when it fails: the temporary file
    could not be deleted on Windows. Our writer owns the handle; the sheet's own scratch file
    in the system temp folder (a copy of the rows) is closed and removed too."""
    from union_desk.ledgers import fast_save
    from union_desk.ledgers.common import save_workbook_atomic

    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old")
    real_write_row = fast_save._RowWriter.write_row

    def write_row(self, xf, row, row_idx):
        if row_idx == 30:
            raise RuntimeError("openpyxl failed halfway")
        return real_write_row(self, xf, row, row_idx)

    monkeypatch.setattr(fast_save._RowWriter, "write_row", write_row)
    with pytest.raises(RuntimeError, match="halfway"):
        save_workbook_atomic(_workbook(), target)
    assert target.read_bytes() == b"old"
    assert _temps(tmp_path) == []
    assert list(system_temp.iterdir()) == []


def test_fast_save_closes_a_file_it_opened_by_name(tmp_path, windows_unlink, system_temp, monkeypatch):
    from union_desk.ledgers import fast_save

    monkeypatch.setattr(fast_save._Writer, "write_data", lambda self: (self._archive.writestr("x", b"1"), 1 / 0))
    path = tmp_path / "a.xlsx"
    with pytest.raises(ZeroDivisionError) as info:
        fast_save.save_workbook(_workbook(), path)
    assert info.value.__traceback__ is not None  # the failed call's frames are still alive (as in an error dialog) ...
    os.unlink(path)  # ... yet the file is not held open
    assert not path.exists()


def test_a_pdf_failing_halfway_leaves_no_temporary_file(tmp_path, windows_unlink, monkeypatch):
    """ReportLab opens a file given by name and keeps it open when producing the data fails."""
    from reportlab.pdfbase.pdfdoc import PDFDocument

    from union_desk.printing import common

    def write(fh):
        c = common.make_canvas(fh, "Helvetica", (200, 200))
        c.drawString(20, 100, "x")
        c.showPage()
        c.save()

    monkeypatch.setattr(PDFDocument, "GetPDFData", lambda self, canvas: 1 / 0)
    target = tmp_path / "签收表.pdf"
    with pytest.raises(ZeroDivisionError):
        common.write_pdf_atomic(target, write)
    assert not target.exists() and _temps(tmp_path) == []


def test_disk_full_while_writing_names_the_file_and_removes_the_temporary(tmp_path, windows_unlink):
    def write(fh):
        fh.write(b"PK half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(UnionDeskError) as info:
        files.write_atomically(tmp_path / "台账.xlsx", write, write_failed="保存文件失败", in_use_message="in use")
    assert info.value.message == "保存文件失败（台账.xlsx）：磁盘空间已满"
    assert _temps(tmp_path) == []


# --- transient and persistent locks, read-only targets ------------------------------------------------


def test_a_rename_refused_twice_is_retried_and_succeeds(tmp_path, monkeypatch, no_sleep):
    """Antivirus / OneDrive hold the new file for a moment: the rename is tried again."""
    real_replace = os.replace
    refusals = []

    def replace(src, dst):
        if len(refusals) < 2:
            refusals.append(dst)
            raise PermissionError(errno.EACCES, "held by antivirus")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old")
    files.write_atomically(target, _write_bytes(b"new"), write_failed="保存文件失败", in_use_message="in use")
    assert target.read_bytes() == b"new"
    assert no_sleep == list(files.RETRY_DELAYS[:2])
    assert _temps(tmp_path) == []


def test_replace_with_retry_takes_delays_and_sleep(tmp_path, monkeypatch):
    calls, slept = [], []

    def replace(src, dst):
        calls.append(dst)
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PermissionError):
        files.replace_with_retry(tmp_path / "a", tmp_path / "b", delays=(0.5, 1.0), sleep=slept.append)
    assert len(calls) == 3 and slept == [0.5, 1.0]


def test_a_rename_never_allowed_is_a_file_in_use_with_exit_8(cli, demo_file, tmp_path, monkeypatch, no_sleep, windows_unlink):
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old")
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "being used by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = cli("--db", demo_file, "export", "ledger", "members", "--year", YEAR, "-o", target)
    assert code == FileInUseError.exit_code == 8
    assert "“花名册.xlsx”正被其他程序（如 Excel、WPS）打开，请关闭该文件后重试" in err
    assert len(no_sleep) == len(files.RETRY_DELAYS)
    assert target.read_bytes() == b"old" and _temps(tmp_path) == []


def test_a_read_only_target_is_not_called_in_use(tmp_path, monkeypatch, no_sleep):
    """Windows refuses the rename over a read-only file with the same PermissionError as over a
    file open in Excel; the read-only attribute tells them apart (exit 2, not 8)."""
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ValidationError) as info:
        files.write_atomically(target, _write_bytes(b"new"), write_failed="保存文件失败", in_use_message="in use")
    assert info.value.exit_code == 2
    assert info.value.message == "文件“花名册.xlsx”是只读的，不能覆盖。请换一个文件名，或去掉该文件的只读属性后重试。"
    assert target.read_bytes() == b"old" and _temps(tmp_path) == []


def test_the_windows_read_only_attribute_is_read():
    readonly = SimpleNamespace(st_mode=0o100666, st_file_attributes=stat.FILE_ATTRIBUTE_READONLY | stat.FILE_ATTRIBUTE_ARCHIVE)
    normal = SimpleNamespace(st_mode=0o100666, st_file_attributes=stat.FILE_ATTRIBUTE_ARCHIVE)
    assert files.stat_is_read_only(readonly) and not files.stat_is_read_only(normal)
    assert files.stat_is_read_only(SimpleNamespace(st_mode=0o100444))
    assert not files.stat_is_read_only(SimpleNamespace(st_mode=0o100644))


def test_cli_refuses_a_read_only_target_before_any_work(cli, demo_file, tmp_path):
    target = tmp_path / "迎检台账.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    code, _, err = cli("--db", demo_file, "export", "pack", "--year", YEAR, "-o", target)
    assert code == 2 and "文件“迎检台账.xlsx”是只读的" in err and "Traceback" not in err
    assert target.read_bytes() == b"old"


# --- leftovers of killed exports ------------------------------------------------------------------------


def test_remove_leftovers_takes_only_our_old_temporary_files(tmp_path):
    ours_old = tmp_path / ".~花名册.k2j_9x0a.tmp"
    ours_young = tmp_path / ".~签收表.abcdefgh.tmp"
    look_alikes = [tmp_path / ".~lock.花名册.xlsx#", tmp_path / ".~花名册.tmp", tmp_path / "a.abcdefgh.tmp",
                   tmp_path / ".~x.ABCDEFGH.tmp", tmp_path / "花名册.xlsx"]
    for path in [ours_old, ours_young, *look_alikes]:
        path.write_bytes(b"x")
        if path is not ours_young:
            os.utime(path, (OLD, OLD))
    folder = tmp_path / ".~dir.abcdefgh.tmp"
    folder.mkdir()
    os.utime(folder, (OLD, OLD))
    assert files.remove_leftovers(tmp_path) == [ours_old]
    assert not ours_old.exists() and ours_young.exists() and folder.is_dir()
    assert all(p.exists() for p in look_alikes)


def test_a_killed_export_leaves_a_temporary_file_the_next_export_removes(cli, demo_file, tmp_path):
    target = tmp_path / "花名册.xlsx"
    env = {**os.environ, KILL_ENV: "export.written"}
    args = [sys.executable, "-m", "union_desk", "--db", str(demo_file), "export", "ledger", "members", "--year", str(YEAR), "-o", str(target)]
    killed = subprocess.run(args, env=env, capture_output=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert killed.returncode == KILL_EXIT, killed.stderr.decode()
    left = _temps(tmp_path)
    assert len(left) == 1 and files.is_temp_name(left[0]) and not target.exists()
    os.utime(tmp_path / left[0], (OLD, OLD))

    code, _, err = cli("--db", demo_file, "export", "ledger", "members", "--year", YEAR, "-o", target)
    assert code == 0, err
    assert _temps(tmp_path) == []
    ws = openpyxl.load_workbook(target).active
    assert "会员花名册" in ws["A1"].value


# --- unusable output paths: a message and exit 2, never a traceback ------------------------------------


LONG_NAME = "很长的文件名" * 50  # 300 characters, 900 bytes


def _export_commands(kind: str, target: Path) -> list:
    return {
        "ledger": ["export", "ledger", "members", "--year", YEAR, "-o", target],
        "pack": ["export", "pack", "--year", YEAR, "-o", target],
        "visit": ["print", "visit", 1, "-o", target],
        "stats": ["export", "stats", "--year", YEAR, "-o", target],
        "stats-xlsx": ["export", "stats", "--year", YEAR, "-o", target.with_suffix(".xlsx")],
    }[kind]


@pytest.mark.parametrize("kind", ["ledger", "pack", "visit", "stats", "stats-xlsx"])
def test_an_over_long_file_name_is_refused_with_a_message(cli, demo_file, tmp_path, kind):
    suffix = ".pdf" if kind == "visit" or kind == "stats" else ".xlsx"
    target = tmp_path / f"{LONG_NAME}{suffix}"
    code, _, err = cli("--db", demo_file, *_export_commands(kind, target))
    assert code == 2, err
    assert "错误：文件名或路径太长：“很长的文件名很长" in err and "Traceback" not in err
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("kind", ["ledger", "pack", "visit", "stats"])
def test_an_over_long_folder_name_is_refused_with_a_message(cli, demo_file, tmp_path, kind):
    target = tmp_path / ("d" * 260) / ("x.pdf" if kind in ("visit", "stats") else "x.xlsx")
    code, _, err = cli("--db", demo_file, *_export_commands(kind, target))
    assert code == 2 and "错误：文件名或路径太长：“x." in err and "Traceback" not in err


def test_a_name_whose_temporary_file_would_be_too_long_still_works(tmp_path):
    """The temporary file's name carries at most 32 characters of the target's stem."""
    target = tmp_path / ("长" * 80 + ".xlsx")  # 245 bytes: fine itself
    files.check_output_path(target)
    files.write_atomically(target, _write_bytes(b"ok"), write_failed="保存文件失败", in_use_message="in use")
    assert target.read_bytes() == b"ok"


def test_windows_path_length_counts():
    deep = Path("/" + "a" * 130) / ("b" * 130 + ".xlsx")  # 267 characters
    assert files.name_too_long(deep, windows=True)
    assert not files.name_too_long(deep, windows=False)
    assert files.name_too_long(Path("/tmp") / ("c" * 256 + ".xlsx"), windows=True)
    assert not files.name_too_long(Path("/tmp/花名册.xlsx"), windows=True)


@pytest.mark.parametrize("kind", ["ledger", "pack", "visit", "stats"])
def test_a_missing_folder_or_a_folder_as_target_is_refused(cli, demo_file, tmp_path, kind):
    code, _, err = cli("--db", demo_file, *_export_commands(kind, tmp_path / "没有这个文件夹" / "x"))
    assert code == 2 and f"文件夹不存在：{tmp_path / '没有这个文件夹'}" in err
    folder = tmp_path / ("台账.pdf" if kind in ("visit", "stats") else "台账.xlsx")
    folder.mkdir()
    code, _, err = cli("--db", demo_file, *_export_commands(kind, folder))
    assert code == 2 and "是一个文件夹，请给出文件名" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["ledger", "pack", "visit", "stats"])
def test_an_unwritable_folder_is_refused_with_a_message(cli, demo_file, tmp_path, monkeypatch, kind):
    """Root can write anywhere, so the refusal (no permission, e.g. a school share) is mocked."""
    out = tmp_path / "共享"
    out.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(out))

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    code, _, err = cli("--db", demo_file, *_export_commands(kind, out / "x"))
    assert code == 2, err
    assert f"没有权限在文件夹“{out}”中保存文件" in err and "Traceback" not in err


def test_a_read_only_medium_is_refused_with_a_message(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(ValidationError) as info:
        files.check_output_path(tmp_path / "花名册.xlsx")
    assert info.value.message.startswith(f"无法在“{tmp_path}”中保存文件“花名册.xlsx”：所在位置是只读的")
