"""export ledger, export pack, import ledger (台账)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from union_desk.commands import print_json, print_progress, session, year_arg

EXPORT_KINDS = ("members", "hardship", "assistance", "visits", "activities", "signups", "plan")
IMPORT_KINDS = EXPORT_KINDS
KIND_HELP = "members 会员花名册、hardship 困难职工档案、assistance 帮扶救助、visits 走访慰问、activities 活动、signups 活动参与明细、plan 工作计划"


def date_arg(text: str) -> dt.date:
    from union_desk.domain import textclean

    try:
        day = textclean.parse_loose_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if day is None:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期")
    return day


def _period_args(parser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--year", type=year_arg, metavar="年份", help="自然年度（1月—12月）")
    group.add_argument("--school-year", type=year_arg, metavar="年份", help="学年：该年9月至次年8月")
    group.add_argument("--from", dest="date_from", type=date_arg, metavar="日期", help="起始日期（与 --to 一起使用）")
    parser.add_argument("--to", dest="date_to", type=date_arg, metavar="日期", help="截止日期")


def _period(args):
    from union_desk.errors import ValidationError
    from union_desk.ledgers.period import LedgerPeriod

    if args.year:
        return LedgerPeriod.year(args.year)
    if args.school_year:
        return LedgerPeriod.school_year(args.school_year)
    if args.date_to is None:
        raise ValidationError("使用 --from 时请同时给出 --to 截止日期")
    return LedgerPeriod.between(args.date_from, args.date_to)


def register(verbs) -> None:
    exp = verbs["export"].add_parser("ledger", help="导出一种台账（一年、一个学年或一段日期）")
    exp.add_argument("kind", choices=EXPORT_KINDS, metavar="台账", help=KIND_HELP)
    _period_args(exp)
    exp.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存到的文件")
    exp.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码）")
    exp.add_argument("--all-columns", action="store_true", help="导出全部列（用于在另一台电脑上导入；默认只导出适合打印的列）")
    exp.set_defaults(func=cmd_export_ledger)

    pack = verbs["export"].add_parser("pack", help="导出迎检台账：封面、目录、全部台账和年度统计，一个工作簿")
    _period_args(pack)
    pack.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存到的文件")
    pack.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码）")
    pack.add_argument("--reviewed-by", metavar="姓名", default="", help="审核人（印在封面和每页页脚）")
    pack.set_defaults(func=cmd_export_pack)

    imp = verbs["import"].add_parser("ledger", help="导入台账（本程序导出的台账或格式相同的表格）")
    imp.add_argument("kind", choices=IMPORT_KINDS, metavar="台账", help=KIND_HELP)
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择）")
    imp.add_argument("--dry-run", action="store_true", help="只检查、不写入")
    imp.add_argument("--report", metavar="报告.xlsx", help="另存一份导入报告（标出有问题的单元格）")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出")
    imp.set_defaults(func=cmd_import_ledger)


def cmd_export_ledger(args, db_path: Path) -> int:
    from union_desk.ledgers.catalog import LEDGERS, export_ledger, ledger_options

    with session(db_path):
        period = _period(args)
        options = ledger_options(period, full_id=args.full_id, all_columns=args.all_columns)
        path, count = export_ledger(args.kind, period, args.output, options=options, progress=print_progress)
    print(file=sys.stderr)
    ledger = LEDGERS[args.kind]
    print(f"已导出{ledger.title}（{period.label}）{count} {ledger.spec.unit}到：{path}")
    return 0


def cmd_export_pack(args, db_path: Path) -> int:
    from union_desk.ledgers.catalog import LEDGERS, ledger_options
    from union_desk.ledgers.pack import write_pack

    with session(db_path):
        period = _period(args)
        options = ledger_options(period, full_id=args.full_id, reviewed_by=args.reviewed_by.strip())
        result = write_pack(period, args.output, options=options, progress=print_progress)
    print(file=sys.stderr)
    print(f"已导出迎检台账（{period.label}）到：{result.path}")
    units = {ledger.title: ledger.spec.unit for ledger in LEDGERS.values()}
    for name, what, count in result.sheets:
        print(f"  {name}" + (f"：{count} {units.get(what, '条')}" if count is not None else ""))
    return 0


def cmd_import_ledger(args, db_path: Path) -> int:
    return run_import(args, db_path, args.kind)


def run_import(args, db_path: Path, kind: str) -> int:
    """`import ledger KIND` and `import members`: preview, apply (unless --dry-run), report.
    Problems in rows are reported (exit 0); a file that cannot be read is an error."""
    from union_desk.ledgers.import_common import write_report_xlsx

    progress = None if args.json else print_progress
    with session(db_path, must_exist=False, lock=True):
        if kind == "members":
            from union_desk.ledgers.roster_import import apply_roster as apply, preview_roster

            preview = preview_roster(args.file, sheet=args.sheet, progress=progress)
        else:
            from union_desk.ledgers.record_import import apply_ledger as apply, preview_ledger

            preview = preview_ledger(kind, args.file, sheet=args.sheet, progress=progress)
        result = preview if args.dry_run else apply(preview, progress=progress)
    if progress:
        print(file=sys.stderr)
    report = getattr(args, "report", None)
    report_path = write_report_xlsx(result, report) if report else None
    data = result.as_dict()
    if args.json:
        data.pop("error_rows", None)
        if args.dry_run:
            data["dry_run"] = True
        print_json(data)
        return 0
    where = f"（工作表“{preview.sheet}”，第 {preview.header_row} 行是表头）" if preview.sheet else f"（第 {preview.header_row} 行是表头）"
    print(f"{'检查' if args.dry_run else '导入'}{preview.title}：{Path(args.file).name}{where}")
    verb = "将" if args.dry_run else ""
    unit = preview.unit
    print(
        f"{verb}新增 {data['added']} {unit}，{verb}更新 {data['updated']} {unit}，未变 {data['unchanged']} {unit}，"
        f"有错误跳过 {data['error_rows']} 行，提醒 {len(data['warnings'])} 条。"
    )
    for issue in result.errors:
        print(f"  错误 {issue.text()}")
    for issue in result.warnings:
        print(f"  提醒 {issue.text()}")
    if args.dry_run:
        print("（只做了检查，没有写入数据。）")
    if report_path:
        print(f"导入报告：{report_path}")
    return 0
