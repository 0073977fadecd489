"""Restore over damaged data keeps what it replaces; concurrent backups are all whole and distinct."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess

import pytest

import faultkit as fk
from faultkit import DB_NAME


def garble(path) -> None:
    """Keep the 100-byte SQLite header, replace every later byte with noise."""
    data = path.read_bytes()
    path.write_bytes(data[:100] + random.Random(5).randbytes(len(data) - 100))


def truncate(path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [garble, truncate], ids=["garbled", "truncated"])
def test_restore_over_a_damaged_file_keeps_the_damaged_bytes(data_file, good_backup, cli, counts, damage):
    expected = counts(data_file)
    damage(data_file)
    damaged = fk.sha256(data_file)

    result = cli(data_file, "restore", good_backup)

    assert result.code == 0, result
    kept = fk.files_with_digest(data_file.parent, damaged, exclude=data_file)
    assert kept, sorted(str(p.relative_to(data_file.parent)) for p in data_file.parent.rglob("*"))
    assert counts(data_file) == expected
    assert fk.integrity(data_file) == "ok"


@pytest.fixture
def wal_case(demo_master, tmp_path, cli):
    """A data file whose newest commits exist only in its -wal, then damaged; plus a good backup.

    Made as a power cut makes it: a connection commits with automatic checkpoints off, and the
    three files are copied while it is still open (closing would checkpoint and delete the -wal).
    """
    live = tmp_path / "live" / DB_NAME
    live.parent.mkdir()
    shutil.copyfile(demo_master, live)
    made = cli(live, "backup")
    assert made.code == 0, made
    backup = fk.reported_backup(made)
    conn = sqlite3.connect(live)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE member SET notes = 'only in the wal' WHERE id <= 10")
        conn.commit()
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", crashed / f"{DB_NAME}{suffix}")
    finally:
        conn.close()
    path = crashed / DB_NAME
    wal = path.with_name(DB_NAME + "-wal")
    assert wal.stat().st_size > 4096, "the commit should be in the -wal only"
    garble(path)
    return path, backup


def test_restore_keeps_the_damaged_file_with_its_wal_and_shm(wal_case, cli, counts):
    path, backup = wal_case
    digests = {s: fk.sha256(f"{path}{s}") for s in ("", "-wal")}

    result = cli(path, "restore", backup)

    assert result.code == 0, result
    kept = fk.files_with_digest(path.parent, digests[""], exclude=path)
    assert len(kept) == 1, sorted(str(p) for p in path.parent.rglob("*"))
    main = kept[0]
    kept_wal = main.with_name(main.name + "-wal")
    assert kept_wal.exists(), sorted(p.name for p in main.parent.iterdir())
    assert fk.sha256(kept_wal) == digests["-wal"]
    assert main.with_name(main.name + "-shm").exists()
    assert main.name == DB_NAME + ".damaged" or main.parent.name == "backups", main
    assert counts(path)["会员"] == 30
    assert fk.integrity(path) == "ok"


def test_four_backups_at_the_same_moment(data_file, appdata):
    argv = fk.cli_argv(data_file, "backup")
    env = fk.child_env(appdata)
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                              env=env) for _ in range(4)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(fk.Result(proc.returncode, out, err))

    assert [r.code for r in results] == [0, 0, 0, 0], results
    paths = [fk.reported_backup(r) for r in results]
    assert len(set(paths)) == 4, paths  # no two runs may claim the same file
    # Rotation keeps one backup a day, so a later run may already have removed an earlier one;
    # whatever is left must be whole.
    left = [p for p in paths if p.is_file()]
    assert left, paths
    for path in left:
        assert fk.integrity(path) == "ok"
        assert fk.table_count(path, "member") == 30
    assert list((data_file.parent / "backups").glob("*.part")) == []
