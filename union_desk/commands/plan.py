"""plan generate, plan list, import plan (a list of month + item), print plan."""

from __future__ import annotations

from pathlib import Path

from union_desk.commands import print_json, print_progress, report_printed, session, year_arg
from union_desk.commands.ledgers import apply_or_refuse, import_json, import_options, refusal_text


PRINT_PERIODS = {"year": None, "spring": "spring_term", "autumn": "autumn_term", "school-year": "school_year"}


def register(verbs) -> None:
    plan = verbs[None].add_parser("plan", help="工作计划")
    sub = plan.add_subparsers(dest="what", metavar="操作", parser_class=type(plan), required=True)
    gen = sub.add_parser("generate", help="按模板生成一年的工作计划（不会重复生成）")
    gen.add_argument("--year", type=year_arg, required=True, metavar="年份")
    gen.set_defaults(func=cmd_generate)
    lst = sub.add_parser("list", help="列出一年的工作计划")
    lst.add_argument("--year", type=year_arg, required=True, metavar="年份")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=cmd_list)

    imp = verbs["import"].add_parser("plan", help="从 Excel 清单（月份 + 工作内容）导入一年的工作计划")
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--year", type=year_arg, required=True, metavar="年份", help="导入到哪一年的计划")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择可见的工作表）")
    import_options(imp, report=False)
    imp.set_defaults(func=cmd_import)

    prn = verbs["print"].add_parser("plan", help="打印工作计划表")
    prn.add_argument("--year", type=year_arg, required=True, metavar="年份")
    prn.add_argument("--period", choices=tuple(PRINT_PERIODS), default="year", metavar="范围",
                     help="year 全年（默认）、spring 春季学期、autumn 秋季学期（9月—次年1月）、school-year 学年（9月—次年8月）")
    prn.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    prn.set_defaults(func=cmd_print)


def cmd_generate(args, db_path: Path) -> int:
    from union_desk.services import plan

    with session(db_path, must_exist=False, lock=True):
        result = plan.generate_year(args.year)
    created, skipped = result
    print(f"{args.year}年工作计划：新增 {created} 项，已存在跳过 {skipped} 项。")
    for line in getattr(result, "missing", ()):  # lunar rules with no date in the year (腊八 in 2023)
        print(f"  提示：{line}，本年未生成此项")
    return 0


def cmd_list(args, db_path: Path) -> int:
    from union_desk.services import plan

    with session(db_path):
        if args.json:
            print_json(plan.list_items_json(args.year))
            return 0
        items = plan.list_items(args.year)
        for item in items:
            print(f"{plan.when_text(item):<14}{item.category:<6}{item.status:<5}{item.title}")
        print(f"共 {len(items)} 项")
    return 0


def cmd_import(args, db_path: Path) -> int:
    """Any row with an error means nothing is imported (exit 2) unless --skip-bad-rows; a file
    that cannot be read is an error."""
    import sys

    from union_desk.imports import plan as plan_import

    progress = None if args.json else print_progress
    with session(db_path, must_exist=False, lock=True):
        preview = plan_import.preview_plan_import(args.file, args.year, sheet=args.sheet, progress=progress)
        result, refused = apply_or_refuse(preview, plan_import.apply_plan_import, args, progress)
    if progress:
        print(file=sys.stderr)
    code = 2 if refused else 0
    if args.json:
        print_json(import_json(result, preview, args, refused))
        return code
    data = result.as_dict()
    sheet = f"工作表“{preview.sheet}”，" if preview.sheet else ""
    print(f"{'检查' if args.dry_run else '导入'}{args.year}年工作计划：{Path(args.file).name}（{sheet}第 {preview.header_row} 行是表头）")
    verb = "将" if args.dry_run else "已"
    if not refused or args.dry_run:
        print(f"{verb}新增 {data['added']} 项，已存在（跳过） {data['skipped']} 项，有问题 {len(data['errors'])} 处")
    for issue in preview.issues:
        mark = "错误" if issue.is_error else "提示"
        print(f"  [{mark}] {issue.text()}")
    if refused:
        print(refusal_text(preview, args.dry_run))
    if args.dry_run:
        print("（只检查，未写入）")
    return code


def cmd_print(args, db_path: Path) -> int:
    from union_desk.printing import plan_sheet
    from union_desk.services import plan

    maker = PRINT_PERIODS[args.period]
    period = getattr(plan, maker)(args.year) if maker else None
    with session(db_path):
        printed = plan_sheet.print_plan(args.year, args.output, period=period)
    print(f"共 {printed.items} 项")
    return report_printed(printed)
