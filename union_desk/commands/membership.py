"""dues list; import dues; print transfer-letter, join-form, member-register, dues-sheet, dues-receipt
(会籍与会费, issue 20).

    union-desk dues list --period 2027-H1 [--unpaid] [--json]
    union-desk import dues 工资代扣表.xlsx --period 2027-03 [--force] [--dry-run] [--skip-bad-rows] [--json]
    union-desk print transfer-letter MEMBER_ID -o 介绍信.pdf
    union-desk print join-form MEMBER_ID -o 入会申请书.pdf
    union-desk print member-register MEMBER_ID -o 会员登记表.pdf
    union-desk print dues-sheet --period 2027-03 -o 会费收缴登记表.pdf
    union-desk print dues-receipt PAYMENT_ID -o 收据.pdf

The ledgers (`export ledger dues|membership`, `import ledger dues|membership`) come with the
generic ledger commands (`commands.ledgers`), from the area's registration. Exit codes as
everywhere: 0 done, 2 bad input (a bad period, a missing file, rows with errors), 3 no such record.
`import dues` reports the rows that ask first (an exempt member, a period already paid) as
warnings and leaves them out unless --force is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_json, print_progress, report_printed, session


def period_arg(text: str):
    """A dues period: 2027-03, 2027-Q1, 2027-H1, 2027年3月, 2027年上半年."""
    from union_desk.domain import membership as rules

    try:
        return rules.parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(verbs) -> None:
    top = verbs[None].add_parser("dues", help="会费：应缴、实缴、欠缴")
    sub = top.add_subparsers(dest="what", metavar="操作", parser_class=type(top), required=True)
    lst = sub.add_parser("list", help="列出一个期间每位会员的缴费基数、应缴、实缴、免缴原因和欠缴月数")
    lst.add_argument("--period", type=period_arg, required=True, metavar="期间", help="如 2027-03、2027-Q1、2027-H1")
    lst.add_argument("--unpaid", action="store_true", help="只列出未缴足的会员")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=cmd_dues_list)

    from union_desk.commands.ledgers import import_options

    imp = verbs["import"].add_parser("dues", help="导入工资代扣表（姓名或身份证号，基数或会费）：更新缴费基数、登记会费")
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--period", type=period_arg, required=True, metavar="期间", help="代扣的会费期间，如 2027-03")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择）")
    imp.add_argument("--force", action="store_true", help="免缴会员或该期间已缴的行也导入（默认只提醒、不导入）")
    import_options(imp, report=True)
    imp.set_defaults(func=cmd_import_dues)

    prn = verbs["print"]
    for name, function, text in (
        ("transfer-letter", "print_transfer_letter", "打印会员组织关系介绍信（带存根，按最近一次转出）"),
        ("join-form", "print_join_form", "打印入会申请书（从档案填写，供签名）"),
        ("member-register", "print_member_register", "打印工会会员登记表"),
    ):
        parser = prn.add_parser(name, help=text)
        parser.add_argument("member_id", type=positive_int, metavar="会员编号")
        parser.add_argument("-o", "--output", required=True, metavar="文件.pdf")
        parser.set_defaults(func=_member_print(f"union_desk.printing.membership:{function}"))
    sheet = prn.add_parser("dues-sheet", help="打印会费收缴登记表（一个期间，金额大小写，签名栏）")
    sheet.add_argument("--period", type=period_arg, required=True, metavar="期间")
    sheet.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    sheet.set_defaults(func=_period_print("union_desk.printing.membership:print_dues_sheet"))
    receipt = prn.add_parser("dues-receipt", help="打印会费收据（现金缴纳）")
    receipt.add_argument("payment_id", type=positive_int, metavar="缴费编号")
    receipt.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    receipt.set_defaults(func=_payment_print("union_desk.printing.membership:print_dues_receipt"))


# --- dues list ------------------------------------------------------------------------------------


def _number(value):
    return None if value is None else float(value)


def dues_json(rows) -> list[dict]:
    return [
        {"member": r.member.name, "member_id": r.member.id, "department": r.member.department, "base": _number(r.base),
         "owed": float(r.owed), "paid": float(r.paid), "exempt_reason": r.exempt_reason, "arrears_months": r.arrears_months}
        for r in rows
    ]


def _pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded to `width` columns of a terminal (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    space = " " * max(0, width - used)
    return space + text if right else text + space


def dues_table(period, rows, unpaid_only: bool) -> list[str]:
    from union_desk.domain.money import format_yuan
    from union_desk.services import dues

    totals = dues.totals(rows)
    rate = "—" if totals.rate is None else f"{totals.rate}%"
    lines = [f"会费收缴情况：{period.label}（{period.code}）" + ("，只列未缴足" if unpaid_only else ""),
             f"  {_pad('姓名', 10)}{_pad('部门', 12)}{_pad('基数', 12, True)}{_pad('应缴', 10, True)}{_pad('实缴', 10, True)}"
             f"  {_pad('欠缴月数', 10)}说明"]
    for r in rows:
        base = format_yuan(r.base) if r.base is not None else "—"
        arrears = f"{r.arrears_months}" + (" ⚠" if r.arrears_months >= 6 else "") if r.arrears_months else ""
        lines.append(f"  {_pad(r.member.name, 10)}{_pad(r.member.department or '', 12)}{base:>12}{format_yuan(r.owed):>10}"
                     f"{format_yuan(r.paid):>10}  {_pad(arrears, 10)}{r.note}")
    lines.append(f"  合计 {totals.members} 人：应缴 {format_yuan(totals.owed)} 元，实缴 {format_yuan(totals.paid)} 元，"
                 f"收缴率 {rate}；未缴足 {totals.unpaid} 人，免缴 {totals.exempt} 人")
    return lines


def cmd_dues_list(args, db_path: Path) -> int:
    from union_desk.services import dues

    with session(db_path):
        rows = dues.dues_rows(args.period, unpaid_only=args.unpaid)
        if args.json:
            print_json(dues_json(rows))
            return 0
        print("\n".join(dues_table(args.period, rows, args.unpaid)))
    return 0


# --- import dues ----------------------------------------------------------------------------------


def cmd_import_dues(args, db_path: Path) -> int:
    """Preview, apply (unless --dry-run), report: as `import ledger` (any row with an error → nothing
    imported, exit 2, unless --skip-bad-rows)."""
    from union_desk.commands.ledgers import apply_or_refuse, import_json, refusal_text
    from union_desk.errors import ValidationError
    from union_desk.imports.common import write_report_xlsx
    from union_desk.imports.payroll import apply_preview, preview_payroll
    from union_desk.ledgers.common import check_target

    if not Path(args.file).exists():
        raise ValidationError(f"文件不存在：{args.file}", field="file")
    report_to = check_target(args.report) if args.report else None
    progress = None if args.json else print_progress
    with session(db_path, lock=True):
        preview = preview_payroll(args.file, args.period, force=args.force, sheet=args.sheet, progress=progress)
        importer = preview.importer
        result, refused = apply_or_refuse(preview, apply_preview, args, progress)
    if progress:
        print(file=sys.stderr)
    report_path = write_report_xlsx(result, report_to, full_id=args.full_id) if report_to else None
    code = 2 if refused else 0
    asked = [r.row for r in importer.asked]
    if args.json:
        data = import_json(result, preview, args, refused)
        data.update(period=args.period.code, batch=importer.batch, bases_only=not importer.has_dues, not_applied=asked,
                    force=args.force)
        print_json(data)
        return code
    data = result.as_dict()
    print(f"{'检查' if args.dry_run else '导入'}工资代扣表（{args.period.label}）：{Path(args.file).name}"
          f"（第 {preview.header_row} 行是表头）")
    verb = "将" if args.dry_run else ""
    if not refused or args.dry_run:
        print(f"{verb}新增缴费 {data['added']} 人，{verb}只更新基数 {data['updated']} 人，未变 {data['unchanged']} 人，"
              f"有错误{'跳过' if args.skip_bad_rows else ''} {data['error_rows']} 行，提醒 {len(data['warnings'])} 条。")
    for issue in result.errors:
        print(f"  错误 {issue.text()}")
    for issue in result.warnings:
        print(f"  提醒 {issue.text()}")
    if asked and not args.force:
        print(f"第 {'、'.join(map(str, asked))} 行需要确认，未导入；核对无误后可加 --force 导入。")
    if refused:
        print(refusal_text(preview, args.dry_run))
    if args.dry_run:
        print("（只做了检查，没有写入数据。）")
    if report_path:
        print(f"导入报告：{report_path}")
    return code


# --- print ----------------------------------------------------------------------------------------


def _member_print(ref: str):
    def run(args, db_path: Path) -> int:
        from union_desk.areas import resolve
        from union_desk.db.models import Member
        from union_desk.errors import NotFoundError

        with session(db_path):
            if Member.get_or_none(Member.id == args.member_id) is None:
                raise NotFoundError(f"找不到编号为 {args.member_id} 的会员")
            printed = resolve(ref)(args.member_id, args.output)
        return report_printed(printed)

    return run


def _period_print(ref: str):
    def run(args, db_path: Path) -> int:
        from union_desk.areas import resolve

        with session(db_path):
            printed = resolve(ref)(args.period.code, args.output)  # the printing parses the code
        return report_printed(printed)

    return run


def _payment_print(ref: str):
    def run(args, db_path: Path) -> int:
        from union_desk.areas import resolve
        from union_desk.services import dues

        with session(db_path):
            dues.get_payment(args.payment_id)  # NotFoundError (exit 3) for an unknown payment
            printed = resolve(ref)(args.payment_id, args.output)
        return report_printed(printed)

    return run
