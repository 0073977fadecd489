"""Command line: `union-desk [--db PATH | --demo] [命令 …]`; without a command the GUI opens.

The commands live in `union_desk.commands.*` (one module per area, listed by `union_desk.areas`). No widgets are imported here;
`gui` imports the Qt application lazily. Every error is a Chinese message on stderr and a
non-zero exit code.
"""

from __future__ import annotations

import sys

from union_desk import areas
from union_desk.cli_argparse import ChineseArgumentParser, CommandParser, add_db_options, install
from union_desk.commands import core
from union_desk.errors import UnionDeskError, ValidationError, os_error_reason, sqlite_error_to_user
from union_desk.config import resolve_db_path
from union_desk.paths import cli_program_name

def build_parser() -> ChineseArgumentParser:
    install()
    parser = ChineseArgumentParser(
        prog=cli_program_name(),
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
    core.register(verbs)
    for register in areas.cli_registrations():  # each area's commands (union_desk.areas)
        register(verbs)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", core.cmd_gui)
    db_path = resolve_db_path(args.db, demo=args.demo)
    try:
        return func(args, db_path)
    except UnionDeskError as exc:
        return report_error(exc, db_path)
    except KeyboardInterrupt:
        print("\n已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`union-desk plan list | head`): not an error of ours
        _silence_stdout()
        return 0
    except OSError as exc:
        where = f"“{exc.filename}”" if exc.filename else ""
        return report_error(ValidationError(f"无法读写文件{where}：{os_error_reason(exc)}"), db_path)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a bare traceback
        mapped = sqlite_error_to_user(exc)
        if mapped is not None:
            return report_error(mapped, db_path)
        return report_unexpected(exc)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at the null device so Python's final flush stays quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it): nothing to flush


def report_error(exc: UnionDeskError, db_path) -> int:
    print(f"错误：{exc.message}", file=sys.stderr)
    if getattr(exc, "can_restore", False):
        from union_desk.db.backup import newest_good_backup

        good = newest_good_backup(db_path)
        if good is not None:
            print(
                f"可以用 “{cli_program_name()} --db {db_path} restore {good.path}” 从最新的完好备份"
                f"（{good.taken_at:%Y-%m-%d %H:%M}）恢复；损坏的文件会被保留。",
                file=sys.stderr,
            )
    return exc.exit_code


def report_unexpected(exc: BaseException) -> int:
    """Log the traceback in the per-user log and say so in Chinese; exit code 1."""
    from union_desk import logs

    print(logs.report_unexpected(exc), file=sys.stderr)
    print("这次操作没有完成。", file=sys.stderr)
    return 1

if __name__ == "__main__":
    sys.exit(main())
