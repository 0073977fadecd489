"""honours list; print certificates, notice, nomination-form, honour-roll (评优表彰).

The ledgers (`export ledger honours|nominations`, `import ledger honours|nominations`) come with
the generic ledger commands (`commands.ledgers`), from the area's registration.
"""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_json, report_printed, session, year_arg


def register(verbs) -> None:
    top = verbs[None].add_parser("honours", help="评优表彰：荣誉记录")
    sub = top.add_subparsers(dest="what", metavar="操作", parser_class=type(top), required=True)
    lst = sub.add_parser("list", help="列出荣誉记录：年度、荣誉、级别、授予单位、获得者、来源")
    lst.add_argument("--year", type=year_arg, metavar="年份", help="只列出这一年度的荣誉")
    lst.add_argument("--member", type=positive_int, metavar="会员编号", help="只列出这位会员的荣誉")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=cmd_list)

    prn = verbs["print"]
    certificates = prn.add_parser("certificates", help="批量打印荣誉证书（每页一张，按证书模板）")
    which = certificates.add_mutually_exclusive_group(required=True)
    which.add_argument("--round", type=positive_int, metavar="评选编号", help="这次评选表彰的全部荣誉")
    which.add_argument("--honour", type=positive_int, action="append", metavar="荣誉编号",
                       help="指定的荣誉记录（可重复，见 honours list）")
    certificates.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    certificates.set_defaults(func=cmd_certificates)
    notice = prn.add_parser("notice", help="打印评选结果公示")
    notice.add_argument("--round", type=positive_int, required=True, metavar="评选编号")
    notice.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    notice.set_defaults(func=cmd_notice)
    form = prn.add_parser("nomination-form", help="打印推荐表（每位被推荐人一页 A4）")
    form.add_argument("--round", type=positive_int, required=True, metavar="评选编号")
    form.add_argument("--nomination", type=positive_int, action="append", metavar="推荐编号",
                      help="只打印这条推荐（可重复；默认全部）")
    form.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    form.set_defaults(func=cmd_nomination_form)
    roll = prn.add_parser("honour-roll", help="打印表彰名单")
    roll.add_argument("--round", type=positive_int, required=True, metavar="评选编号")
    roll.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    roll.set_defaults(func=cmd_honour_roll)


def cmd_list(args, db_path: Path) -> int:
    from union_desk.services import honours, members

    with session(db_path):
        member = members.get_member(args.member) if args.member else None
        rows = honours.honours_json(args.year, member)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        group = f"（{r['group']}）" if r["group"] and r["member_id"] else ""
        print(f"{r['id']:>5}  {r['year']}  {r['level']}级  {r['source']}  {r['date'] or '':<10}  {r['holder']}{group}  {r['title']}"
              f"  {r['awarding_body']}")
    where = f"{args.year}年度" if args.year else ""
    who = f"{member.name}" if member is not None else ""
    counted = sum(1 for r in rows if not (r["group"] and r["member_id"]))
    print(f"{where}{who}共 {len(rows)} 条荣誉记录（获表彰 {counted} 人次，集体荣誉的成员不另计）")
    return 0


def _round_honour_ids(round_id) -> list[int]:
    from union_desk.errors import ValidationError
    from union_desk.services import honours

    award_round = honours.get_round(round_id)
    ids = [h.id for h in honours.round_honours(award_round)]
    if not ids:
        raise ValidationError(f"“{award_round.title}”还没有表彰（没有荣誉记录），无法打印证书")
    return ids


def cmd_certificates(args, db_path: Path) -> int:
    from union_desk.printing import honours as printing
    from union_desk.services import honours

    with session(db_path):
        if args.round:
            ids = _round_honour_ids(args.round)
        else:
            ids = [honours.get_honour(i).id for i in dict.fromkeys(args.honour)]
        printed = printing.print_certificates(ids, args.output)
    return report_printed(printed)


def cmd_notice(args, db_path: Path) -> int:
    from union_desk.printing import honours as printing
    from union_desk.services import honours

    with session(db_path):
        printed = printing.print_notice(honours.get_round(args.round).id, args.output)
    return report_printed(printed)


def cmd_nomination_form(args, db_path: Path) -> int:
    from union_desk.errors import ValidationError
    from union_desk.printing import honours as printing
    from union_desk.services import honours

    with session(db_path):
        award_round = honours.get_round(args.round)
        ids = None
        if args.nomination:
            ids = list(dict.fromkeys(args.nomination))
            for nomination_id in ids:
                if honours.get_nomination(nomination_id).award_round_id != award_round.id:
                    raise ValidationError(f"推荐 {nomination_id} 不属于“{award_round.title}”")
        elif not honours.nominations_of(award_round):
            raise ValidationError(f"“{award_round.title}”还没有推荐人选")
        printed = printing.print_nomination_forms(award_round.id, args.output, ids)
    return report_printed(printed)


def cmd_honour_roll(args, db_path: Path) -> int:
    from union_desk.printing import honours as printing
    from union_desk.services import honours

    with session(db_path):
        printed = printing.print_honour_roll(honours.get_round(args.round).id, args.output)
    return report_printed(printed)
