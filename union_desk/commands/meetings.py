"""meetings list; print minutes (会议与登记). The three ledgers (meetings, letters, suggestions) go
through the generic `export ledger` / `import ledger` commands (commands.ledgers)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_command, print_json, session, year_arg


def register(verbs) -> None:
    meet = verbs[None].add_parser("meetings", help="会议记录")
    sub = meet.add_subparsers(dest="what", metavar="操作", parser_class=type(meet), required=True)
    lst = sub.add_parser("list", help="列出会议（日期、类别、应到实到、决定事项），并提醒会议次数不足")
    lst.add_argument("--year", type=year_arg, metavar="年份", help="只列出这一年的会议（次数提醒按这一年；默认今年）")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出（提醒仍写到标准错误）")
    lst.set_defaults(func=cmd_list)
    minutes = verbs["print"].add_parser("minutes", help="打印会议记录（每次会议从新的一页开始）")
    minutes.add_argument("meeting_ids", type=positive_int, nargs="+", metavar="会议编号")
    minutes.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    minutes.set_defaults(func=print_command("union_desk.printing.minutes:print_minutes", "meeting_ids"))


def count_warnings(year: int, today: dt.date | None = None) -> list[str]:
    """The meeting-count warnings of `year` (a kind held fewer times than its minimum)."""
    from union_desk.services import meetings

    return [check.warning for check in meetings.count_checks(year, today) if check.warning]


def cmd_list(args, db_path: Path) -> int:
    from union_desk.services import meetings

    with session(db_path):
        rows = meetings.meetings_json(args.year)
        warnings = count_warnings(args.year or dt.date.today().year)
    for warning in warnings:  # stderr: stdout stays the table or the JSON
        print(f"提醒：{warning}", file=sys.stderr)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        when = f"{r['date']} {r['time']}".strip()
        decisions = f"决定{r['decisions']:>2}（未办结{r['decisions_open']}）" if r["decisions"] else "决定 0"
        topics = "；".join(r["topics"])
        print(f"{r['id']:>5}  {when:<16} {r['kind']:<8} 应到{r['expected']:>3} 实到{r['present']:>3}  {decisions}  "
              f"{r['place']}  {topics}".rstrip())
    print(f"共 {len(rows)} 次会议")
    return 0


