"""print visit, print signoff: the visit slip (吊唁记录) and the signing sheet for visit cash."""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import report_printed, session, year_arg


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


def cmd_visit(args, db_path: Path) -> int:
    from union_desk.printing import slips

    with session(db_path):
        printed = slips.print_visit_slip(args.visit_id, args.output)
    if printed.reprints:
        print(f"补打：{'、'.join(printed.reprints)}")
    return report_printed(printed)


def cmd_signoff(args, db_path: Path) -> int:
    from union_desk.printing import sheets

    with session(db_path):
        printed = sheets.print_signoff_for_year(args.year, args.type, path=args.output)
    return report_printed(printed)
