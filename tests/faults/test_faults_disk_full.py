"""A full disk: backup, import and export fail with a message and leave the data as it was.

The data file sits on a 3 MB tmpfs whose free space is then filled up. Mounting needs root (CI
runs as root); elsewhere these tests are skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import faultkit as fk
from faultkit import DB_NAME

YEAR = dt.date.today().year


@pytest.fixture
def full_disk(small_disk, demo_master):
    """(data file, filler) on a tmpfs with about `keep` bytes left; call it to fill up."""

    def fill(keep: int = 0):
        path = small_disk / DB_NAME
        shutil.copyfile(demo_master, path)
        return path, fk.fill_disk(small_disk, keep)

    return fill


def backups(path):
    folder = path.parent / "backups"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_backup_on_a_full_disk(full_disk, cli, counts):
    path, filler = full_disk(keep=64 * 1024)
    digest = fk.sha256(path)

    result = cli(path, "backup")

    fk.assert_clean_failure(result, 7)
    assert "空间" in result.err, result
    assert [p for p in backups(path) if p.name.endswith(".part")] == []
    assert [p for p in backups(path) if p.suffix == ".sqlite" and fk.integrity(p) != "ok"] == []
    assert fk.sha256(path) == digest
    filler.unlink()
    assert counts(path)["会员"] == 30


def test_import_on_a_full_disk_changes_nothing(full_disk, big_roster_xlsx, cli, counts):
    path, filler = full_disk(keep=96 * 1024)

    result = cli(path, "import", "members", big_roster_xlsx)

    fk.assert_clean_failure(result, 4)
    assert "空间" in result.err, result
    filler.unlink()
    after = counts(path)
    assert after["会员"] == 30
    assert fk.table_count(path, "member", "name LIKE '新会员%'") == 0


def test_plan_generate_on_a_full_disk_changes_nothing(full_disk, cli, counts):
    path, filler = full_disk(keep=64 * 1024)  # enough to open, not to write
    plan_items = fk.table_count(path, "plan_item")

    result = cli(path, "plan", "generate", "--year", 2030)

    fk.assert_clean_failure(result, 4)
    assert "空间" in result.err, result
    filler.unlink()
    assert counts(path)["计划事项"] == plan_items


def test_export_onto_a_full_disk(small_disk, data_file, cli):
    """The data file is fine; only the target folder is full, so the failure is in the write."""
    fk.fill_disk(small_disk)
    out = small_disk / "x.xlsx"

    result = cli(data_file, "export", "ledger", "members", "--year", YEAR, "-o", out)

    assert result.code not in (0, fk.KILLED), result
    fk.assert_clean_failure(result, result.code)
    assert "空间" in result.err, result
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]
