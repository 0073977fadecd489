"""Command line: `union-desk [--db PATH | --demo] [命令 …]`; without a command the GUI opens.

The commands live in `union_desk.commands.*` (one module per area). No widgets are imported here;
`gui` imports the Qt application lazily. Every error is a Chinese message on stderr and a
non-zero exit code.
"""

from __future__ import annotations

import sys

from union_desk.cli_argparse import ChineseArgumentParser, CommandParser, add_db_options, install
from union_desk.commands import activities, core, ledgers, members, plan, printing, stats
from union_desk.errors import UnionDeskError
from union_desk.paths import backups_dir, resolve_db_path

AREAS = (core, members, plan, activities, printing, stats, ledgers)


def build_parser() -> ChineseArgumentParser:
    install()
    parser = ChineseArgumentParser(
        prog="union-desk",
        description="工会工作台：学校工会主席的离线工作台。不带命令时打开图形界面。",
    )
    add_db_options(parser)
    top = parser.add_subparsers(dest="command", metavar="命令", parser_class=CommandParser)
    verbs = {None: top}
    for verb, help_text in (("import", "从 Excel/CSV 导入数据"), ("export", "导出台账到 Excel"), ("print", "打印（生成 PDF）")):
        verb_parser = top.add_parser(verb, help=help_text)
        verbs[verb] = verb_parser.add_subparsers(
            dest="what", metavar="内容", parser_class=CommandParser, required=True
        )
    for area in AREAS:
        area.register(verbs)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", core.cmd_gui)
    db_path = resolve_db_path(args.db, demo=args.demo)
    try:
        return func(args, db_path)
    except UnionDeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        if getattr(exc, "can_restore", False) and backups_dir(db_path).is_dir():
            print(
                f"可以用 “union-desk --db {db_path} restore 备份文件” 从 {backups_dir(db_path)} 中的备份恢复。",
                file=sys.stderr,
            )
        return exc.exit_code
    except KeyboardInterrupt:
        print("\n已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
