"""Read-only media and read-only data files: reading works, writing is refused with a message.

Root ignores file permissions, so read-only is made real: a read-only bind mount for the medium,
and a child process running as `nobody` (setpriv) for a read-only file in a writable folder.
Without root, or without setpriv, these tests are skipped and say why.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest

import faultkit as fk
from faultkit import DB_NAME

YEAR = dt.date.today().year
NOBODY = ("setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups")


def assert_workbook_of_members(path: Path, members: int = 30) -> None:
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[3]]
    names = [r[header.index("姓名")] for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert len(names) == members


def assert_refused_as_read_only(result: fk.Result, code: int) -> None:
    fk.assert_clean_failure(result, code)
    assert "只读" in result.err, result


# --- read-only medium (a CD, a write-protected USB stick, a read-only share) --------------------


@pytest.fixture
def medium(read_only_media):
    """(data file on the read-only medium, its sha256, the folder's names before the test)."""
    return read_only_media, fk.sha256(read_only_media), sorted(p.name for p in read_only_media.parent.iterdir())


def assert_medium_untouched(medium) -> None:
    path, digest, names = medium
    assert fk.sha256(path) == digest
    assert sorted(p.name for p in path.parent.iterdir()) == names == [DB_NAME]


def test_check_on_read_only_medium(medium, cli):
    result = cli(medium[0], "check")
    assert result.code == 0, result
    assert "正常" in result.out
    assert "Traceback" not in result.err
    assert_medium_untouched(medium)


def test_export_from_read_only_medium(medium, tmp_path, cli):
    out = tmp_path / "elsewhere" / "x.xlsx"
    out.parent.mkdir()
    result = cli(medium[0], "export", "ledger", "members", "--year", YEAR, "-o", out)
    assert result.code == 0, result
    assert_workbook_of_members(out)
    assert_medium_untouched(medium)


def test_stats_on_read_only_medium(medium, cli):
    result = cli(medium[0], "stats", "--year", YEAR)
    assert result.code == 0, result
    assert "会员" in result.out
    assert_medium_untouched(medium)


def test_import_on_read_only_medium_is_refused(medium, roster_xlsx, cli):
    assert_refused_as_read_only(cli(medium[0], "import", "members", roster_xlsx), 4)
    assert_medium_untouched(medium)


def test_plan_generate_on_read_only_medium_is_refused(medium, cli):
    assert_refused_as_read_only(cli(medium[0], "plan", "generate", "--year", 2030), 4)
    assert_medium_untouched(medium)


def test_backup_on_read_only_medium_is_refused(medium, cli):
    result = cli(medium[0], "backup")
    fk.assert_clean_failure(result, 7)
    assert_medium_untouched(medium)


def test_restore_on_read_only_medium_is_refused(medium, demo_master, tmp_path, cli):
    source = tmp_path / "source.sqlite"
    shutil.copyfile(demo_master, source)
    result = cli(medium[0], "restore", source)
    fk.assert_clean_failure(result, 4, 7)
    assert "只读" in result.err, result
    assert_medium_untouched(medium)


# --- a read-only data file in a writable folder --------------------------------------------------


@pytest.fixture
def read_only_file(demo_master, roster_xlsx):
    """(data file that `nobody` can read but not write, in a folder `nobody` can write, run) ."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run a child as another user; skipped here")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed; skipped")
    folder = Path(tempfile.mkdtemp(prefix="faults-rofile-", dir="/tmp"))
    try:
        folder.chmod(0o777)
        path = folder / DB_NAME
        shutil.copyfile(demo_master, path)
        path.chmod(0o644)
        roster = folder / "roster.xlsx"
        shutil.copyfile(roster_xlsx, roster)
        roster.chmod(0o644)
        env = fk.child_env(folder / "appdata", HOME=str(folder))
        probe = subprocess.run(
            [*NOBODY, sys.executable, "-c", "import union_desk.cli"], capture_output=True, text=True, env=env, cwd=folder
        )
        if probe.returncode:
            pytest.skip(f"user nobody cannot run this venv's python or read the project: {probe.stderr.strip()[-300:]}")

        def run(*args):
            return fk.run_cli(path, *args, appdata=folder / "appdata", prefix=NOBODY, env=env)

        yield path, roster, run
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_read_only_file_can_be_checked_and_exported(read_only_file):
    path, _, run = read_only_file
    digest = fk.sha256(path)
    checked = run("check")
    assert checked.code == 0, checked
    assert "正常" in checked.out
    out = path.parent / "x.xlsx"
    exported = run("export", "ledger", "members", "--year", YEAR, "-o", out)
    assert exported.code == 0, exported
    assert_workbook_of_members(out)
    assert fk.sha256(path) == digest


def test_import_into_read_only_file_is_refused(read_only_file):
    path, roster, run = read_only_file
    digest = fk.sha256(path)
    assert_refused_as_read_only(run("import", "members", roster), 4)
    assert fk.sha256(path) == digest
    assert fk.table_count(path, "member") == 30


def test_plan_generate_into_read_only_file_is_refused(read_only_file):
    path, _, run = read_only_file
    digest = fk.sha256(path)
    assert_refused_as_read_only(run("plan", "generate", "--year", 2030), 4)
    assert fk.sha256(path) == digest
