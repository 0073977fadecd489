"""funds report; print voucher, funds-audit, funds-summary (工会经费, issue 19).

    union-desk funds report (--year Y | --school-year Y | --from D --to D) [--json]
    union-desk print voucher (ID | JZ2026-0012) -o 凭单.pdf
    union-desk print funds-audit --year Y -o 经费审查报告.pdf
    union-desk print funds-summary (--year Y | --school-year Y | --from D --to D) -o 收支汇总表.pdf

The ledgers (`export ledger funds|funds-summary`, `import ledger funds`) come with the generic
ledger commands (`commands.ledgers`), from the area's registration. Exit codes as everywhere:
0 done, 2 bad input (flags, dates, a closed period …), 3 no such record.
"""

from __future__ import annotations

from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_command, print_json, report_printed, session, year_arg


def entry_arg(text: str):
    """A voucher: its database number (12) or its voucher number (JZ2026-0012)."""
    import argparse
    import re

    cleaned = text.strip().upper()
    if re.fullmatch(r"JZ\d{4}-\d{4,6}", cleaned):
        return cleaned
    try:
        return positive_int(cleaned)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"“{text}”不是凭证编号（可写数据库编号如 12，或凭证号如 JZ2026-0012）") from None


def _entry_id(value) -> int:
    """The database id of `entry_arg`'s value; NotFoundError (exit 3) for an unknown voucher number."""
    if isinstance(value, int):
        return value
    from union_desk.db.fund_models import FundEntry
    from union_desk.errors import NotFoundError

    found = FundEntry.get_or_none(FundEntry.serial == value)
    if found is None:
        raise NotFoundError(f"找不到凭证号为 {value} 的记账凭证")
    return found.id


def _period_args(parser) -> None:
    """The period flags of `export ledger` (one of --year, --school-year, --from … --to)."""
    from union_desk.commands.ledgers import date_arg

    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--year", type=year_arg, metavar="年份", help="自然年度（1月—12月）")
    group.add_argument("--school-year", type=year_arg, metavar="年份", help="学年：该年9月至次年8月")
    group.add_argument("--from", dest="date_from", type=date_arg, metavar="日期", help="起始日期（与 --to 一起使用）")
    parser.add_argument("--to", dest="date_to", type=date_arg, metavar="日期", help="截止日期（与 --from 一起使用）")


def _period(args):
    """The LedgerPeriod of the flags; ValidationError (exit 2) for --to without --from and the like."""
    from union_desk.errors import ValidationError
    from union_desk.ledgers.period import LedgerPeriod

    if args.date_to is not None and args.date_from is None:
        raise ValidationError("--to 只能与 --from 一起使用", field="date_to")
    if args.year:
        return LedgerPeriod.year(args.year)
    if args.school_year:
        return LedgerPeriod.school_year(args.school_year)
    if args.date_to is None:
        raise ValidationError("使用 --from 时请同时给出 --to 截止日期", field="date_to")
    return LedgerPeriod.between(args.date_from, args.date_to)


def register(verbs) -> None:
    top = verbs[None].add_parser("funds", help="工会经费：收支汇总")
    sub = top.add_subparsers(dest="what", metavar="操作", parser_class=type(top), required=True)
    report = sub.add_parser("report", help="经费收支汇总：期初、收入、支出、结余，按科目（预算、收入、支出）和记账来源")
    _period_args(report)
    report.add_argument("--json", action="store_true", help="以 JSON 输出")
    report.set_defaults(func=cmd_report)

    prn = verbs["print"]
    voucher = prn.add_parser("voucher", help="打印支出（收入）凭单：金额大小写，经办人、证明人、审批人签名栏")
    voucher.add_argument("entry_id", type=entry_arg, metavar="凭证", help="数据库编号（如 12）或凭证号（如 JZ2026-0012）")
    voucher.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    voucher.set_defaults(func=cmd_voucher)
    audit = prn.add_parser("funds-audit", help="打印经费审查报告（供经费审查委员会）")
    audit.add_argument("--year", type=year_arg, required=True, metavar="年份")
    audit.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    audit.set_defaults(func=print_command("union_desk.printing.funds:print_funds_audit", "year"))
    summary = prn.add_parser("funds-summary", help="打印收支汇总表和预算执行表（一个学期、学年或年度）")
    _period_args(summary)
    summary.add_argument("-o", "--output", required=True, metavar="文件.pdf")
    summary.set_defaults(func=cmd_funds_summary)


def _table(figures) -> list[str]:
    """The report as a Chinese table."""
    from union_desk.domain.funds import yuan

    def rate(figure) -> str:
        value = figure.execution
        return "—" if value is None else f"{value * 100:.1f}%"

    lines = [
        f"经费收支汇总（{figures.start.isoformat()} 至 {figures.end.isoformat()}）",
        f"  期初结余 {yuan(figures.opening):>14} 元",
        f"  本期收入 {yuan(figures.income):>14} 元",
        f"  本期支出 {yuan(figures.spending):>14} 元",
        f"  期末结余 {yuan(figures.closing):>14} 元",
        "",
        f"  {'科目':<16}{'预算':>14}{'收入':>14}{'支出':>14}{'执行率':>8}",
    ]
    for f in figures.categories:
        if not f.amount and f.budget is None:
            continue
        income = yuan(f.amount) if f.kind == "收入" else ""
        spending = yuan(f.amount) if f.kind == "支出" else ""
        budget = yuan(f.budget) if f.budget is not None else "—"
        name = f"{f.code} {f.name}"
        lines.append(f"  {name:<16}{budget:>14}{income:>14}{spending:>14}{rate(f) if f.kind == '支出' else '':>8}")
    labels = {"visit": "走访慰问", "assistance": "困难帮扶", "activity": "活动", "dues": "会费"}
    posted = "，".join(f"{labels.get(k, k)} {yuan(v)} 元" for k, v in figures.posted_from.items())
    lines.append("")
    lines.append(f"  自动记账：{posted}")
    for f in figures.over_budget:
        lines.append(f"  超出预算：{f.code} {f.name} 支出 {yuan(f.amount)} 元，预算 {yuan(f.budget)} 元")
    return lines


def cmd_report(args, db_path: Path) -> int:
    from union_desk.services import funds

    period = _period(args)
    with session(db_path):
        figures = funds.report(period.first, period.last)
        if args.json:
            print_json(funds.report_json(figures))
            return 0
        print("\n".join(_table(figures)))
    return 0


def cmd_voucher(args, db_path: Path) -> int:
    from union_desk.printing import funds as printing

    with session(db_path):
        printed = printing.print_voucher(_entry_id(args.entry_id), args.output)
    return report_printed(printed)




def cmd_funds_summary(args, db_path: Path) -> int:
    from union_desk.printing import funds as printing

    period = _period(args)
    with session(db_path):
        printed = printing.print_funds_summary(period.first, period.last, args.output, period.label)
    return report_printed(printed)
