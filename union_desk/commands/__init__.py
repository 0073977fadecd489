"""CLI commands, one module per area; each `register(verbs)` adds its parsers.

`verbs` maps a top-level verb ('import', 'export', 'print', or None for the top level) to the
argparse sub-parsers object to add to. Every command function takes `(args, db_path)` and returns
an exit code; errors are `UnionDeskError`s that `cli.main` prints in Chinese.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from union_desk.errors import ValidationError


@contextmanager
def session(db_path: Path, *, must_exist: bool = True, lock: bool = False):
    """Open the database for one command (taking the instance lock for writes), then close it."""
    from union_desk.db.database import close_database
    from union_desk.db.instance_lock import InstanceLock
    from union_desk.services.maintenance import open_for_use

    if must_exist and not db_path.exists():
        raise ValidationError(f"数据文件不存在：{db_path}")
    held = None
    if lock:
        from union_desk.db.database import ensure_data_folder

        ensure_data_folder(db_path.parent)
        held = InstanceLock(db_path)
        held.acquire()
    try:
        db = open_for_use(db_path)
        for warning in db.warnings:
            print(f"提醒：{warning}", file=sys.stderr)
        try:
            yield db
        finally:
            close_database()
    finally:
        if held:
            held.release()


def print_progress(done: int, total: int, label: str) -> bool:
    print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
    return True


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def year_arg(text: str) -> int:
    import argparse

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份") from None
    if not 1985 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"年份应在 1985 到 2100 之间，而不是 {year}")
    return year


def report_printed(printed) -> int:
    """The line every `print …` command ends with."""
    print(f"已生成 {printed.path}（{printed.pages} 页，字体：{printed.font}）")
    return 0


def print_command(ref: str, *arg_names: str):
    """A `print …` command that opens the data file, calls the printing function `ref`
    ("module:function", imported when run) with the named arguments and the output path, and
    reports the PDF."""

    def run(args, db_path: Path) -> int:
        from union_desk.areas import resolve

        with session(db_path):
            printed = resolve(ref)(*(getattr(args, name) for name in arg_names), args.output)
        return report_printed(printed)

    return run
