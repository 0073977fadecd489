"""Command line: `union-desk [--db PATH | --demo] [gui | demo | backup | restore FILE | check | version]`.

No widgets are imported here; `gui` imports the Qt application lazily. Every error is a Chinese
message on stderr and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from union_desk import __version__
from union_desk.cli_argparse import ChineseArgumentParser, install, positive_int
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.paths import backups_dir, resolve_db_path


def build_parser() -> ChineseArgumentParser:
    install()
    parser = ChineseArgumentParser(
        prog="union-desk",
        description="工会工作台：学校工会主席的离线工作台。不带命令时打开图形界面。",
    )
    parser.add_argument("--db", metavar="路径", help="数据文件（默认在用户数据文件夹，或环境变量 UNION_DESK_DB）")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="使用演示数据库（用户数据文件夹中的 demo.sqlite，不存在时自动生成）",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    sub.add_parser("gui", help="打开图形界面（默认）")
    demo = sub.add_parser("demo", help="生成一所学校的演示数据")
    demo.add_argument("--members", type=positive_int, default=150, metavar="人数", help="会员人数（默认 150）")
    demo.add_argument("--seed", type=int, default=2026, metavar="种子", help="随机种子（相同种子生成相同数据）")
    sub.add_parser("backup", help="立即备份数据文件")
    restore = sub.add_parser("restore", help="从备份文件恢复（会先备份当前文件）")
    restore.add_argument("file", metavar="备份文件")
    check = sub.add_parser("check", help="检查数据文件：版本、完整性、记录数")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.add_parser("version", help="显示版本")
    return parser


def _open(db_path: Path):
    from union_desk.services.maintenance import open_for_use

    return open_for_use(db_path)


def cmd_version(args, db_path: Path) -> int:
    print(f"工会工作台 Union Desk {__version__}")
    return 0


def cmd_check(args, db_path: Path) -> int:
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import check

    if not db_path.exists():
        raise ValidationError(f"数据文件不存在：{db_path}")
    db = _open(db_path)
    try:
        report = check(db)
    finally:
        close_database()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"数据文件：{report.path}")
        print(f"数据版本：{report.schema_version}")
        print(f"完整性：{'正常' if report.ok else report.integrity}")
        for label, count in report.counts:
            print(f"{label}：{count}")
    return 0 if report.ok else 5


def cmd_backup(args, db_path: Path) -> int:
    from union_desk.db import backup
    from union_desk.db.database import inspect_file

    if not db_path.exists():
        raise ValidationError(f"数据文件不存在：{db_path}")
    inspect_file(db_path)
    info = backup.make_backup(db_path, "manual")
    backup.rotate(db_path)
    print(f"已备份到：{info.path}")
    return 0


def cmd_restore(args, db_path: Path) -> int:
    from union_desk.db import backup
    from union_desk.db.instance_lock import InstanceLock

    source = Path(args.file).expanduser().absolute()
    with InstanceLock(db_path):
        pre = backup.restore_backup(source, db_path)
    if pre:
        print(f"恢复前的数据已备份到：{pre.path}")
    print(f"已从 {source} 恢复到 {db_path}")
    return 0


def cmd_demo(args, db_path: Path) -> int:
    from union_desk.db.database import close_database
    from union_desk.db.instance_lock import InstanceLock
    from union_desk.demo.generator import generate

    with InstanceLock(db_path):
        _open(db_path)
        try:
            summary = generate(members=args.members, seed=args.seed, progress=_print_progress)
        finally:
            close_database()
    print()
    print(f"演示数据已生成：{db_path}")
    for label, count in summary.items():
        print(f"  {label}：{count}")
    return 0


def _print_progress(done: int, total: int, label: str) -> bool:
    print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
    return True


def cmd_gui(args, db_path: Path) -> int:
    from union_desk.app import run_gui

    return run_gui(db_path, demo=args.demo and not args.db)


COMMANDS = {
    "gui": cmd_gui,
    "demo": cmd_demo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "version": cmd_version,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    db_path = resolve_db_path(args.db, demo=args.demo)
    try:
        return COMMANDS[command](args, db_path)
    except UnionDeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        if getattr(exc, "can_restore", False) and backups_dir(db_path).is_dir():
            print(f"可以用 “union-desk --db {db_path} restore 备份文件” 从 {backups_dir(db_path)} 中的备份恢复。", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\n已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
