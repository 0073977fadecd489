"""plan generate, plan list."""

from __future__ import annotations

from pathlib import Path

from union_desk.commands import print_json, session, year_arg


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


def cmd_generate(args, db_path: Path) -> int:
    from union_desk.services import plan

    with session(db_path, must_exist=False, lock=True):
        created, skipped = plan.generate_year(args.year)
    print(f"{args.year}年工作计划：新增 {created} 项，已存在跳过 {skipped} 项。")
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
