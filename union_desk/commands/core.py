"""gui, demo, backup, restore, check, version."""

from __future__ import annotations

import sys
from pathlib import Path

from union_desk import __version__
from union_desk.cli_argparse import positive_int
from union_desk.commands import print_json, print_progress, session
from union_desk.errors import ValidationError


def register(verbs) -> None:
    top = verbs[None]
    top.add_parser("gui", help="打开图形界面（默认）").set_defaults(func=cmd_gui)
    demo = top.add_parser("demo", help="生成一所学校的演示数据")
    demo.add_argument("--members", type=positive_int, default=150, metavar="人数", help="会员人数（默认 150）")
    demo.add_argument("--seed", type=int, default=2026, metavar="种子", help="随机种子（相同种子生成相同数据）")
    demo.set_defaults(func=cmd_demo)
    backup = top.add_parser("backup", help="立即备份数据文件（设了备份位置时也复制到那里）")
    backup.add_argument("--to", metavar="文件夹", help="另外复制一份到这个文件夹（U 盘、另一块磁盘）")
    backup.set_defaults(func=cmd_backup)
    restore = top.add_parser("restore", help="从备份文件恢复（会先备份当前文件）")
    restore.add_argument("file", metavar="备份文件")
    restore.set_defaults(func=cmd_restore)
    check = top.add_parser("check", help="检查数据文件：版本、完整性、记录数")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.set_defaults(func=cmd_check)
    top.add_parser("version", help="显示版本").set_defaults(func=cmd_version)


def cmd_version(args, db_path: Path) -> int:
    print(f"工会工作台 Union Desk {__version__}")
    return 0


def cmd_check(args, db_path: Path) -> int:
    from union_desk.services.maintenance import check

    with session(db_path) as db:
        report = check(db)
    if args.json:
        print_json(report.as_dict())
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
    from union_desk.services import maintenance

    inspect_file(db_path)
    if args.to:
        folder = Path(args.to).expanduser().absolute()
        copy = maintenance.backup_to(db_path, folder)
        print(f"已备份到：{copy.path}")
        if not maintenance.is_outside_data_folder(folder, db_path):
            print("提醒：这个文件夹在数据文件夹里面，硬盘坏了备份会和数据一起丢失。", file=sys.stderr)
        return 0
    info = backup.make_backup(db_path, "manual")
    backup.rotate(db_path)
    print(f"已备份到：{info.path}")
    warning = maintenance.copy_to_second_place(db_path, info)
    if warning:
        print(f"提醒：{warning}", file=sys.stderr)
    return 0


def cmd_restore(args, db_path: Path) -> int:
    from union_desk.db import backup
    from union_desk.db.instance_lock import InstanceLock

    source = Path(args.file).expanduser().absolute()
    with InstanceLock(db_path):
        result = backup.restore_backup(source, db_path)
    if result.pre_backup:
        print(f"恢复前的数据已备份到：{result.pre_backup.path}")
    for kept in result.kept_damaged:
        print(f"损坏的原文件已原样保留为：{kept}")
    print(f"已从 {source} 恢复到 {db_path}")
    return 0


def cmd_demo(args, db_path: Path) -> int:
    from union_desk.demo.generator import generate

    with session(db_path, must_exist=False, lock=True):
        summary = generate(members=args.members, seed=args.seed, progress=print_progress)
    print()
    print(f"演示数据已生成：{db_path}")
    for label, count in summary.items():
        print(f"  {label}：{count}")
    return 0


def cmd_gui(args, db_path: Path) -> int:
    from union_desk.app import run_gui

    return run_gui(db_path, demo=args.demo and not args.db)
