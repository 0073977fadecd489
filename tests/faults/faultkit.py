"""Helpers for the fault-injection suite: run the real CLI in a child process and look at files.

Every fault test drives `python -m union_desk` in a child, so a kill point (`UNION_DESK_KILL_AT`)
ends only that child, and whatever the child leaves on disk is exactly what a user would find.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DB_NAME = "union_desk.sqlite"
KILLED = 97  # union_desk.faults.KILL_EXIT; repeated so a renamed constant cannot hide a broken hook
CJK = re.compile(r"[\u4e00-\u9fff]")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


@dataclass(repr=False)
class Result:
    code: int
    out: str
    err: str

    def __repr__(self) -> str:  # shown by pytest when an assertion on the result fails
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def child_env(appdata: Path, kill_at: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("UNION_DESK_DB", "UNION_DESK_KILL_AT")}
    env.update(UNION_DESK_DATA_DIR=str(appdata), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    if kill_at:
        env["UNION_DESK_KILL_AT"] = kill_at
    env.update(extra)
    return env


def cli_argv(db: Path, *args) -> list[str]:
    return [sys.executable, "-m", "union_desk", "--db", str(db), *[str(a) for a in args]]


def run_cli(db: Path, *args, appdata: Path, kill_at: str | None = None, prefix: tuple[str, ...] = (),
            env: dict[str, str] | None = None, timeout: float = 120) -> Result:
    """`union-desk --db DB ARGS…` in a child process (optionally behind `prefix`, e.g. setpriv)."""
    proc = subprocess.run(
        [*prefix, *cli_argv(db, *args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env or child_env(appdata, kill_at),
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def files_with_digest(folder: Path, digest: str, exclude: Path | None = None) -> list[Path]:
    """Every file under `folder` (recursively) whose bytes hash to `digest`."""
    return [p for p in Path(folder).rglob("*") if p.is_file() and p != exclude and sha256(p) == digest]


def side_files(db: Path) -> list[Path]:
    """The SQLite companions of `db` that exist now."""
    return [p for p in (db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal")) if p.exists()]


@contextmanager
def private_copy(path: Path):
    """A copy of a database file (and its -wal) in a scratch folder on another disk."""
    with tempfile.TemporaryDirectory(prefix="faults-copy-") as scratch:
        copy = Path(scratch) / Path(path).name
        shutil.copyfile(path, copy)
        wal = Path(str(path) + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
        yield copy


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` on a private copy (never touches the original or its companions)."""
    with private_copy(path) as copy:
        try:
            conn = sqlite3.connect(copy)
            try:
                return conn.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return str(exc)


def table_count(path: Path, table: str, where: str = "1") -> int:
    """Rows of `table` in a closed database file, read from a private copy."""
    with private_copy(path) as copy:
        conn = sqlite3.connect(copy)
        try:
            return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]
        finally:
            conn.close()


def check_counts(db: Path, appdata: Path, **kw) -> dict[str, int]:
    """`check --json` in a child: asserts the file is healthy and returns its record counts."""
    result = run_cli(db, "check", "--json", appdata=appdata, **kw)
    assert result.code == 0, result
    report = json.loads(result.out)
    assert report["integrity"] == "ok", result
    return report["counts"]


def assert_clean_failure(result: Result, *codes: int) -> None:
    """A refused command: one of the documented exit codes, a Chinese message, no traceback."""
    assert result.code in codes, result
    assert "Traceback" not in result.err, result
    assert CJK.search(result.err), result


def reported_backup(result: Result) -> Path:
    match = re.search(r"已备份到：(.+)", result.out)
    assert match, result
    return Path(match.group(1).strip())


def age(path: Path, seconds: float = 600) -> None:
    """Make a leftover look `seconds` old, as it would be on the next day's start."""
    past = dt.datetime.now().timestamp() - seconds
    os.utime(path, (past, past))


def id_number(i: int) -> str:
    """A valid, unique 18-digit mainland ID number for test row `i` (i < 28000)."""
    seq = i % 1000
    body = f"440106{1970 + i % 30:04d}{1 + (i // 30) % 12:02d}{1 + i // 1000:02d}{seq:03d}"
    return body + ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]


def id_sex(number: str) -> str:
    return "男" if int(number[16]) % 2 else "女"


def fill_disk(folder: Path, keep: int = 0) -> Path:
    """Fill the file system holding `folder` up, then give back `keep` bytes. Returns the filler."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as fh:
        try:
            while fh.write(chunk):
                pass
        except OSError:
            pass
    size = filler.stat().st_size
    with open(filler, "r+b") as fh:
        fh.truncate(max(0, size - keep))
    return filler


def can(*argv: str) -> str | None:
    """Run a setup command; None when it worked, else the reason it did not."""
    try:
        proc = subprocess.run(list(argv), capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{' '.join(argv)}: {exc}"
    if proc.returncode:
        return f"{' '.join(argv)}: {proc.stderr.strip() or proc.returncode}"
    return None
