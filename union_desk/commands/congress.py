"""congress list; print proposal, proposal-reply, proposals-report, evaluation, congress-signin (教代会).

The ledgers (`export ledger proposals|delegates`, `import ledger proposals|delegates`) come with
the generic ledger commands (`commands.ledgers`), from the area's registration.
"""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_command, print_json, session, year_arg


def register(verbs) -> None:
    top = verbs[None].add_parser("congress", help="教代会与提案")
    sub = top.add_subparsers(dest="what", metavar="操作", parser_class=type(top), required=True)
    lst = sub.add_parser("list", help="列出教代会会议：应到、出席人数，是否达到法定人数")
    lst.add_argument("--year", type=year_arg, metavar="年份", help="只列出这一年召开的会议")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=cmd_list)

    prn = verbs["print"]
    proposal = prn.add_parser("proposal", help="打印提案表（一页 A4，含签名栏）")
    proposal.add_argument("proposal_id", type=positive_int, metavar="提案编号（数据库编号）")
    proposal.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    proposal.set_defaults(func=print_command("union_desk.printing.congress:print_proposal", "proposal_id"))
    reply = prn.add_parser("proposal-reply", help="打印提案答复单")
    reply.add_argument("proposal_id", type=positive_int, metavar="提案编号（数据库编号）")
    reply.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    reply.set_defaults(func=print_command("union_desk.printing.congress:print_proposal_reply", "proposal_id"))
    report = prn.add_parser("proposals-report", help="打印提案办理情况报告（提交下次会议）")
    report.add_argument("--session", type=positive_int, required=True, metavar="会议编号", help="会议编号（见 congress list）")
    report.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    report.set_defaults(func=print_command("union_desk.printing.congress:print_proposals_report", "session"))
    evaluation = prn.add_parser("evaluation", help="打印民主评议汇总表（.pdf；-o 写 .xlsx 时导出 Excel 表）")
    evaluation.add_argument("evaluation_id", type=positive_int, metavar="评议编号")
    evaluation.add_argument("-o", "--output", required=True, metavar="文件.pdf|文件.xlsx")
    evaluation.set_defaults(func=cmd_evaluation)
    signin = prn.add_parser("congress-signin", help="打印教代会签到表")
    signin.add_argument("--session", type=positive_int, required=True, metavar="会议编号", help="会议编号（见 congress list）")
    signin.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    signin.set_defaults(func=print_command("union_desk.printing.congress:print_congress_signin", "session"))


def cmd_list(args, db_path: Path) -> int:
    from union_desk.services import congress

    with session(db_path):
        rows = congress.sessions_json(args.year)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        quorum = "达到法定人数" if r["quorum_ok"] else f"不足法定人数（需{r['quorum_needed']}人）"
        print(f"{r['id']:>5}  {r['date']}  第{r['term']}届第{r['number']}次  应到{r['expected']:>4} 出席{r['present']:>4}"
              f" 请假{r['leave']:>3}  {quorum}  提案{r['proposals']:>3}件  {r['title']}")
    where = f"{args.year}年" if args.year else ""
    print(f"{where}共 {len(rows)} 次会议")
    return 0


def cmd_evaluation(args, db_path: Path) -> int:
    if Path(args.output).suffix.lower() == ".xlsx":
        from union_desk.ledgers.congress_ledger import write_evaluation_xlsx

        with session(db_path):
            path = write_evaluation_xlsx(args.evaluation_id, args.output)
        print(f"已导出民主评议汇总表到：{path}")
        return 0
    return print_command("union_desk.printing.congress:print_evaluation", "evaluation_id")(args, db_path)


