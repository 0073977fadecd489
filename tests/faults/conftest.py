"""Fixtures for the fault-injection suite (issue 11).

One demo data file and the import workbooks are made once per session by child processes and
copied for each test; tests then run the real CLI in child processes (see faultkit.py).
Mounts (tmpfs, read-only bind mounts) need root; without it those tests are skipped and say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import faultkit as fk

from faultkit import DB_NAME

MEMBERS = 30


@pytest.fixture
def appdata(tmp_path) -> Path:
    return tmp_path / "appdata"


@pytest.fixture
def cli(appdata):
    """`cli(db, *args, kill_at=None)` → faultkit.Result of a child `union-desk --db db args…`."""

    def run(db, *args, **kw):
        return fk.run_cli(db, *args, appdata=appdata, **kw)

    return run


@pytest.fixture
def counts(appdata):
    """`counts(db)`: record counts from a child `check --json`, asserting the file is healthy."""
    return lambda db, **kw: fk.check_counts(db, appdata, **kw)


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("faults-session")


@pytest.fixture(scope="session")
def demo_master(session_dir) -> Path:
    """A closed demo data file (30 members, fixed seed) made by a child `demo` command."""
    db = session_dir / "master" / DB_NAME
    db.parent.mkdir()
    result = fk.run_cli(db, "demo", "--members", MEMBERS, "--seed", 7, appdata=session_dir / "appdata")
    assert result.code == 0, result
    assert not fk.side_files(db), "the demo command left -wal/-shm behind"
    return db


def copy_demo(master: Path, folder: Path, name: str = DB_NAME) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(master, target)
    return target


@pytest.fixture
def data_file(demo_master, tmp_path) -> Path:
    """A fresh copy of the demo file in its own folder (no backups yet)."""
    return copy_demo(demo_master, tmp_path / "data")


@pytest.fixture
def good_backup(data_file, cli) -> Path:
    """A real `backup` of `data_file`, in its backups/ folder."""
    result = cli(data_file, "backup")
    assert result.code == 0, result
    path = fk.reported_backup(result)
    assert fk.integrity(path) == "ok"
    return path


def _export(master: Path, folder: Path, *args) -> Path:
    """Run an export on a scratch copy of the master file (the master itself is never opened)."""
    db = copy_demo(master, folder)
    out = folder / "export.xlsx"
    result = fk.run_cli(db, "export", *args, "-o", out, appdata=folder / "appdata")
    assert result.code == 0, result
    return out


def _data_rows(ws, header_row: int):
    """Rows under the header up to the first empty row (drops the 制表人/审核人 footer)."""
    for row in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if all(v is None for v in row):
            return
        yield list(row)


def new_member_row(header: list[str], i: int) -> list:
    number = fk.id_number(i)
    values = {"姓名": f"新会员{i}", "性别": fk.id_sex(number), "民族": "汉族", "身份证号": number,
              "联系电话": "13800000000", "部门": "语文组", "职务": "教师", "职称": "一级教师",
              "用工性质": "在编", "状态": "在职"}
    return [values.get(h) for h in header]


@pytest.fixture(scope="session")
def roster_xlsx(demo_master, session_dir) -> Path:
    """The project's own full roster export, three names changed and five members added."""
    source = _export(demo_master, session_dir / "roster", "members", "--full-id", "--all-columns")
    ws_in = openpyxl.load_workbook(source).active
    header = [c.value for c in ws_in[3]]
    rows = list(_data_rows(ws_in, 3))
    for row in rows[:3]:
        row[header.index("姓名")] += "改"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "会员花名册"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for i in range(5):
        ws.append(new_member_row(header, 500 + i))
    out = session_dir / "roster.xlsx"
    wb.save(out)
    return out


@pytest.fixture(scope="session")
def big_roster_xlsx(session_dir) -> Path:
    """1,500 new members: far more than a nearly full disk can take."""
    header = ["姓名", "性别", "民族", "身份证号", "联系电话", "部门", "职务", "职称", "用工性质", "状态", "备注"]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("会员花名册")
    ws.append(header)
    for i in range(1500):
        row = new_member_row(header, 1000 + i)
        row[-1] = "备注" * 40
        ws.append(row)
    out = session_dir / "big_roster.xlsx"
    wb.save(out)
    return out


@pytest.fixture(scope="session")
def visits_xlsx(demo_master, session_dir) -> Path:
    """The last year's visits ledger (all columns), every valid visit repeated three days earlier."""
    import datetime as dt

    today = dt.date.today()
    source = _export(
        demo_master, session_dir / "visits", "ledger", "visits", "--from", today - dt.timedelta(days=365),
        "--to", today, "--all-columns", "--full-id",
    )
    ws_in = openpyxl.load_workbook(source).active
    header = [c.value for c in ws_in[3]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "走访慰问台账"
    ws.append(header)
    added = 0
    for row in _data_rows(ws_in, 3):
        if row[header.index("状态")] != "正常":
            continue
        for column in ("序号", "单号", "替代单号", "关联计划"):
            row[header.index(column)] = None
        row[header.index("日期")] -= dt.timedelta(days=3)
        ws.append(row)
        added += 1
    assert added >= 5, "the demo has too few visits in the last year to import"
    out = session_dir / "visits.xlsx"
    wb.save(out)
    return out


# --- mounts (root only) ------------------------------------------------------------------------


@pytest.fixture
def mounts():
    """`mount(*args)`: run `mount args…`, unmounted again after the test; skips when impossible."""
    done: list[Path] = []

    def mount(*args, target: Path):
        if os.geteuid() != 0:
            pytest.skip("needs root to mount a file system (CI runs as root); skipped here")
        reason = fk.can("mount", *[str(a) for a in args], str(target))
        if reason:
            pytest.skip(f"cannot mount here: {reason}")
        done.append(target)

    yield mount
    for target in reversed(done):
        if subprocess.run(["umount", str(target)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path, mounts) -> Path:
    """An empty 3 MB tmpfs folder."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounts("-t", "tmpfs", "-o", "size=3m", "tmpfs", target=folder)
    return folder


@pytest.fixture
def read_only_media(demo_master, tmp_path, mounts) -> Path:
    """A folder holding a healthy data file, seen through a read-only bind mount. Returns the file."""
    source = tmp_path / "media"
    copy_demo(demo_master, source)
    view = tmp_path / "ro"
    view.mkdir()
    mounts("--bind", source, target=view)
    reason = fk.can("mount", "-o", "remount,bind,ro", str(view))
    if reason:
        pytest.skip(f"cannot make the bind mount read-only: {reason}")
    probe = view / "probe"
    try:
        probe.touch()
    except OSError:
        return view / DB_NAME
    probe.unlink()
    pytest.skip("the read-only bind mount still accepts writes here")
