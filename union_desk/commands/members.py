"""import members, members search, export members."""

from __future__ import annotations

import sys
from pathlib import Path

from union_desk.commands import print_json, print_progress, session
from union_desk.commands.ledgers import import_options
from union_desk.services.members import MEMBER_STATUSES


def register(verbs) -> None:
    imp = verbs["import"].add_parser("members", help="导入会员花名册（.xlsx .xls .et .ods .csv .txt）")
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择可见的工作表）")
    import_options(imp, report=True)
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
    from union_desk.commands.ledgers import run_import

    return run_import(args, db_path, "members")


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
