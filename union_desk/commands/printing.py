"""print visit, print signoff, print signin, print plan: PDFs for signing and handing in."""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import session, year_arg


PERIODS = {"year": None, "spring": "spring_term", "autumn": "autumn_term", "school-year": "school_year"}


def register(verbs) -> None:
    prn = verbs["print"]
    visit = prn.add_parser("visit", help="打印走访慰问记录单（吊唁记录）")
    visit.add_argument("visit_id", type=positive_int, metavar="走访编号")
    visit.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    visit.set_defaults(func=cmd_visit)
    signoff = prn.add_parser("signoff", help="打印慰问金发放签收表")
    signoff.add_argument("--year", type=year_arg, required=True, metavar="年份")
    signoff.add_argument("--type", metavar="慰问类别", help="只打印该类别（如 春节送温暖）")
    signoff.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    signoff.set_defaults(func=cmd_signoff)
    signin = prn.add_parser("signin", help="打印活动签到表")
    signin.add_argument("activity_id", type=positive_int, metavar="活动编号")
    signin.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    signin.set_defaults(func=cmd_signin)
    plan = prn.add_parser("plan", help="打印工作计划表")
    plan.add_argument("--year", type=year_arg, required=True, metavar="年份")
    plan.add_argument("--period", choices=tuple(PERIODS), default="year", metavar="范围",
                      help="year 全年（默认）、spring 春季学期、autumn 秋季学期（9月—次年1月）、school-year 学年（9月—次年8月）")
    plan.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    plan.set_defaults(func=cmd_plan)


def _report(printed) -> int:
    print(f"已生成 {printed.path}（{printed.pages} 页，字体：{printed.font}）")
    return 0


def cmd_visit(args, db_path: Path) -> int:
    from union_desk.printing import slips

    with session(db_path):
        printed = slips.print_visit_slip(args.visit_id, args.output)
    if printed.reprints:
        print(f"补打：{'、'.join(printed.reprints)}")
    return _report(printed)


def cmd_signoff(args, db_path: Path) -> int:
    from union_desk.printing import sheets

    with session(db_path):
        printed = sheets.print_signoff_for_year(args.year, args.type, path=args.output)
    return _report(printed)


def cmd_signin(args, db_path: Path) -> int:
    from union_desk.printing import activity_sheets

    with session(db_path):
        printed = activity_sheets.print_signin(args.activity_id, args.output)
    return _report(printed)


def cmd_plan(args, db_path: Path) -> int:
    from union_desk.printing import plan_sheet
    from union_desk.services import plan

    maker = PERIODS[args.period]
    period = getattr(plan, maker)(args.year) if maker else None
    with session(db_path):
        printed = plan_sheet.print_plan(args.year, args.output, period=period)
    print(f"共 {printed.items} 项")
    return _report(printed)
