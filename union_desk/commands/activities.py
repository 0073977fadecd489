"""activity list, print signin."""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_json, report_printed, session, year_arg


def register(verbs) -> None:
    act = verbs[None].add_parser("activity", help="活动报名")
    sub = act.add_subparsers(dest="what", metavar="操作", parser_class=type(act), required=True)
    lst = sub.add_parser("list", help="列出活动及报名、候补、签到人数")
    lst.add_argument("--year", type=year_arg, metavar="年份", help="只列出这一年的活动")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=cmd_list)
    signin = verbs["print"].add_parser("signin", help="打印活动签到表")
    signin.add_argument("activity_id", type=positive_int, metavar="活动编号")
    signin.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    signin.set_defaults(func=cmd_signin)


def cmd_list(args, db_path: Path) -> int:
    from union_desk.services import activities

    with session(db_path):
        rows = activities.list_json(args.year)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']:>5}  {r['start']}  {r['status']:<4} 报名{r['signed_up']:>4} 候补{r['waiting']:>3} 签到{r['checked_in']:>4}  {r['title']}")
    print(f"共 {len(rows)} 项活动")
    return 0


def cmd_signin(args, db_path: Path) -> int:
    from union_desk.printing import activity_sheets

    with session(db_path):
        printed = activity_sheets.print_signin(args.activity_id, args.output)
    return report_printed(printed)
