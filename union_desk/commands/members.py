"""import members, members search, export members."""

from __future__ import annotations

import sys
from pathlib import Path

from union_desk.commands import print_json, print_progress, session
from union_desk.services.members import MEMBER_STATUSES


def register(verbs) -> None:
    imp = verbs["import"].add_parser("members", help="导入会员花名册（.xlsx .xls .ods .csv）")
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择）")
    imp.add_argument("--dry-run", action="store_true", help="只检查、不写入")
    imp.add_argument("--report", metavar="报告.xlsx", help="另存一份导入报告（标出有问题的单元格）")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出")
    imp.set_defaults(func=cmd_import)

    mem = verbs[None].add_parser("members", help="会员")
    mem_sub = mem.add_subparsers(dest="what", metavar="操作", parser_class=type(mem), required=True)
    search = mem_sub.add_parser("search", help="查找会员（姓名、拼音、身份证号片段、电话）")
    search.add_argument("query", metavar="关键词")
    search.add_argument("--json", action="store_true", help="以 JSON 输出")
    search.set_defaults(func=cmd_search)

    exp = verbs["export"].add_parser("members", help="导出会员花名册")
    exp.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存到的文件")
    exp.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码）")
    exp.add_argument("--all-columns", action="store_true", help="导出全部列（默认只导出适合打印的常用列）")
    exp.add_argument(
        "--status", action="append", choices=MEMBER_STATUSES, metavar="状态", help="只导出该状态的会员（可重复；默认全部）"
    )
    exp.set_defaults(func=cmd_export)


def cmd_import(args, db_path: Path) -> int:
    from union_desk.ledgers.roster_import import apply_roster, preview_roster, write_report_xlsx

    progress = None if args.json else print_progress
    with session(db_path, must_exist=False, lock=True):
        preview = preview_roster(args.file, sheet=args.sheet, progress=progress)
        result = preview if args.dry_run else apply_roster(preview, progress=progress)
    if progress:
        print(file=sys.stderr)
    report_path = write_report_xlsx(result, args.report) if args.report else None
    data = result.as_dict()
    if args.json:
        data.pop("error_rows", None)
        if args.dry_run:
            data["dry_run"] = True
        print_json(data)
        return 0
    where = f"（工作表“{preview.sheet}”，第 {preview.header_row} 行是表头）" if preview.sheet else f"（第 {preview.header_row} 行是表头）"
    print(f"{'检查' if args.dry_run else '导入'}花名册：{Path(args.file).name}{where}")
    verb = "将" if args.dry_run else ""
    print(
        f"{verb}新增 {data['added']} 人，{verb}更新 {data['updated']} 人，未变 {data['unchanged']} 人，"
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


def cmd_search(args, db_path: Path) -> int:
    from union_desk.services.members import search_query

    with session(db_path):
        found = [
            {"id": m.id, "name": m.name, "sex": m.sex, "department": m.department, "status": m.status}
            for m in search_query(args.query)
        ]
    if args.json:
        print_json(found)
    elif not found:
        print(f"没有找到与“{args.query}”匹配的会员。")
    else:
        for m in found:
            print(f"{m['id']:>6}  {m['name']}  {m['sex']}  {m['department'] or '—'}  {m['status']}")
        print(f"共 {len(found)} 人")
    return 0


def cmd_export(args, db_path: Path) -> int:
    from union_desk.ledgers.specs import MEMBERS, ExportOptions
    from union_desk.ledgers.xlsx_export import write_ledger
    from union_desk.services import settings
    from union_desk.services.members import MemberFilter, search_query

    with session(db_path):
        values = settings.get_all()
        options = ExportOptions(
            full_id=args.full_id,
            all_columns=args.all_columns,
            school_name=values.get("school_name", ""),
            prepared_by=values.get("chair", ""),
        )
        query = search_query("", MemberFilter(statuses=tuple(args.status or ())))
        path = write_ledger(MEMBERS, query, args.output, options=options, progress=print_progress)
        count = query.count()
    print(file=sys.stderr)
    print(f"已导出 {count} 名会员到：{path}")
    return 0
