"""export ledger, export pack, import ledger (台账)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from union_desk.cli_argparse import positive_int
from union_desk.commands import print_json, print_progress, session, year_arg

ROSTER = "members"  # imported by the roster import (`imports.roster`), not `imports.records`


def export_kinds() -> tuple[str, ...]:
    """Every ledger kind of the registered areas (`union_desk.areas`), in pack order."""
    from union_desk.ledgers.catalog import kinds

    return kinds()


def import_kinds() -> tuple[str, ...]:
    """The kinds `import ledger` reads: the record ledgers with an importer, and the roster."""
    from union_desk.ledgers.catalog import all_ledgers

    return tuple(kind for kind, ledger in all_ledgers().items() if ledger.importer or kind == ROSTER)


def kind_help(kinds: tuple[str, ...]) -> str:
    """'members 会员花名册、hardship 困难职工档案、…' from each ledger's `help`."""
    from union_desk.ledgers.catalog import all_ledgers

    ledgers = all_ledgers()
    return "、".join(f"{kind} {ledgers[kind].help or ledgers[kind].title}" for kind in kinds)


class RegistryKinds(Sequence):
    """Ledger kinds as argparse `choices`, read from the registry the first time they are needed
    (checking the argument, an error message, the help), not while the parser is built: every
    start, the GUI's too, builds the parser, and reading the kinds imports every ledger module
    and openpyxl (about 0.1 s). Read once per parser built."""

    def __init__(self, read: Callable[[], tuple[str, ...]]):
        self._read = read
        self._kinds: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._kinds is None:
            self._kinds = tuple(self._read())
        return self._kinds

    def __getitem__(self, index):
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __contains__(self, kind) -> bool:
        return kind in self._get()


class KindArgument(argparse.Action):
    """The positional `台账` argument: stores the kind; its help ('members 会员花名册、…') is made
    from each ledger's `help` when it is shown."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)

    @property
    def help(self) -> str:
        return kind_help(tuple(self.choices))

    @help.setter
    def help(self, _value) -> None:
        pass  # always made from the choices


def date_arg(text: str) -> dt.date:
    from union_desk.domain import textclean

    try:
        day = textclean.parse_loose_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if day is None:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期")
    return day


def _period_args(parser, *, sessions: bool = False) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--year", type=year_arg, metavar="年份", help="自然年度（1月—12月）")
    group.add_argument("--school-year", type=year_arg, metavar="年份", help="学年：该年9月至次年8月")
    group.add_argument("--from", dest="date_from", type=date_arg, metavar="日期", help="起始日期（与 --to 一起使用）")
    if sessions:
        group.add_argument("--session", type=positive_int, metavar="会议编号",
                           help="一次会议（如一次教代会：proposals、delegates 台账；会议编号见 congress list）")
    parser.add_argument("--to", dest="date_to", type=date_arg, metavar="日期", help="截止日期")


def _period(args):
    from union_desk.errors import ValidationError
    from union_desk.ledgers.period import LedgerPeriod

    if getattr(args, "session", None):
        from union_desk.ledgers import catalog

        ledger = catalog.get_ledger(args.kind)
        if ledger.session_period is None:
            offered = [kind for kind, other in catalog.all_ledgers().items() if other.session_period is not None]
            raise ValidationError(f"--session 只适用于{'、'.join(offered)}台账", field="session")
        return ledger.session_period(args.session)
    if args.year:
        return LedgerPeriod.year(args.year)
    if args.school_year:
        return LedgerPeriod.school_year(args.school_year)
    if args.date_to is None:
        raise ValidationError("使用 --from 时请同时给出 --to 截止日期")
    return LedgerPeriod.between(args.date_from, args.date_to)


def register(verbs) -> None:
    """The ledger kinds come from the registry (`union_desk.areas`), read when first needed."""
    exp = verbs["export"].add_parser("ledger", help="导出一种台账（一年、一个学年或一段日期）")
    exp.add_argument("kind", choices=RegistryKinds(export_kinds), action=KindArgument, metavar="台账")
    _period_args(exp, sessions=True)
    exp.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存到的文件")
    exp.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码）")
    exp.add_argument("--all-columns", action="store_true", help="导出全部列（用于在另一台电脑上导入；默认只导出适合打印的列）")
    exp.set_defaults(func=cmd_export_ledger)

    pack = verbs["export"].add_parser("pack", help="导出迎检台账：封面、目录、全部台账和年度统计，一个工作簿")
    _period_args(pack)
    pack.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存到的文件")
    pack.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码）")
    pack.add_argument("--reviewed-by", metavar="姓名", default="", help="审核人（印在封面和每页页脚）")
    pack.set_defaults(func=cmd_export_pack)

    imp = verbs["import"].add_parser("ledger", help="导入台账（本程序导出的台账或格式相同的表格）")
    imp.add_argument("kind", choices=RegistryKinds(import_kinds), action=KindArgument, metavar="台账")
    imp.add_argument("file", metavar="文件")
    imp.add_argument("--sheet", metavar="工作表", help="要导入的工作表名称（默认自动选择可见的工作表）")
    import_options(imp, report=True)
    imp.set_defaults(func=cmd_import_ledger)


def cmd_export_ledger(args, db_path: Path) -> int:
    from union_desk.ledgers.catalog import export_ledger, get_ledger, ledger_options

    with session(db_path):
        period = _period(args)
        options = ledger_options(period, full_id=args.full_id, all_columns=args.all_columns)
        path, count = export_ledger(args.kind, period, args.output, options=options, progress=print_progress)
    print(file=sys.stderr)
    ledger = get_ledger(args.kind)
    print(f"已导出{ledger.title}（{period.label}）{count} {ledger.spec.unit}到：{path}")
    return 0


def cmd_export_pack(args, db_path: Path) -> int:
    from union_desk.ledgers.catalog import all_ledgers, ledger_options
    from union_desk.ledgers.pack import write_pack

    with session(db_path):
        period = _period(args)
        options = ledger_options(period, full_id=args.full_id, reviewed_by=args.reviewed_by.strip())
        result = write_pack(period, args.output, options=options, progress=print_progress)
    print(file=sys.stderr)
    print(f"已导出迎检台账（{period.label}）到：{result.path}")
    units = {ledger.title: ledger.spec.unit for ledger in all_ledgers().values()}
    for name, what, count in result.sheets:
        print(f"  {name}" + (f"：{count} {units.get(what, '条')}" if count is not None else ""))
    return 0


def import_options(parser, *, report: bool) -> None:
    """The options every `import …` command shares."""
    parser.add_argument("--dry-run", action="store_true", help="只检查、不写入")
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help="只导入没有错误的行（默认：任何一行有错误就什么都不导入）")
    if report:
        parser.add_argument("--report", metavar="报告.xlsx", help="另存一份导入报告（标出有问题的单元格）")
        parser.add_argument("--full-id", action="store_true", help="导入报告中显示完整身份证号（默认打码）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def cmd_import_ledger(args, db_path: Path) -> int:
    return run_import(args, db_path, args.kind)


def apply_or_refuse(preview, apply, args, progress):
    """(what to report, refused): the applied report; or the preview when it was only checked or
    refused (some row has an error and --skip-bad-rows was not given: nothing is written)."""
    from union_desk.imports.common import RowsRejected

    if args.dry_run:
        return preview, bool(preview.rows_with_errors) and not args.skip_bad_rows
    if preview.rows_with_errors and not args.skip_bad_rows:
        return preview, True
    try:
        return apply(preview, progress=progress, skip_bad_rows=args.skip_bad_rows), False
    except RowsRejected:
        return preview, True


def refusal_text(preview, dry_run: bool) -> str:
    count = len(preview.rows_with_errors)
    if dry_run:
        return f"有 {count} 行有错误：导入时将不写入任何数据（修正后再导入，或加 --skip-bad-rows 只导入没有错误的行）。"
    return f"没有导入任何数据：有 {count} 行有错误。请修正后重新导入，或加 --skip-bad-rows 只导入没有错误的行。"


def import_json(result, preview, args, refused: bool) -> dict:
    """The JSON of an import: counts, errors, warnings, the sheet read; `rejected` lists the
    error rows when rows were left out (--skip-bad-rows) or made the import refuse."""
    from union_desk.imports.common import rejected_rows

    data = result.as_dict()
    data.pop("error_rows", None)
    if refused:
        data.update({key: 0 for key in ("added", "updated") if key in data})
        data["imported"] = False
    data["sheet"] = preview.sheet
    data["header_row"] = preview.header_row
    if refused or args.skip_bad_rows:
        data["rejected"] = rejected_rows(preview.rows)
    if args.dry_run:
        data["dry_run"] = True
    return data


def run_import(args, db_path: Path, kind: str) -> int:
    """`import ledger KIND` and `import members`: preview, apply (unless --dry-run), report.
    Any row with an error means nothing is imported (exit 2) unless --skip-bad-rows; a file that
    cannot be read is an error. The report path is checked before anything is written."""
    from union_desk.ledgers.common import check_target
    from union_desk.imports.common import write_report_xlsx

    report_to = check_target(args.report) if getattr(args, "report", None) else None
    progress = None if args.json else print_progress
    with session(db_path, must_exist=False, lock=True):
        if kind == ROSTER:
            from union_desk.imports.roster import apply_roster as apply, preview_roster

            preview = preview_roster(args.file, sheet=args.sheet, progress=progress)
        else:
            from union_desk.imports.records import apply_ledger as apply, preview_ledger

            preview = preview_ledger(kind, args.file, sheet=args.sheet, progress=progress)
        result, refused = apply_or_refuse(preview, apply, args, progress)
    if progress:
        print(file=sys.stderr)
    report_path = write_report_xlsx(result, report_to, full_id=args.full_id) if report_to else None
    code = 2 if refused else 0
    if args.json:
        print_json(import_json(result, preview, args, refused))
        return code
    data = result.as_dict()
    where = f"（工作表“{preview.sheet}”，第 {preview.header_row} 行是表头）" if preview.sheet else f"（第 {preview.header_row} 行是表头）"
    print(f"{'检查' if args.dry_run else '导入'}{preview.title}：{Path(args.file).name}{where}")
    verb = "将" if args.dry_run else ""
    unit = preview.unit
    if not refused or args.dry_run:
        print(
            f"{verb}新增 {data['added']} {unit}，{verb}更新 {data['updated']} {unit}，未变 {data['unchanged']} {unit}，"
            f"有错误{'跳过' if args.skip_bad_rows else ''} {data['error_rows']} 行，提醒 {len(data['warnings'])} 条。"
        )
    for issue in result.errors:
        print(f"  错误 {issue.text()}")
    for issue in result.warnings:
        print(f"  提醒 {issue.text()}")
    if refused:
        print(refusal_text(preview, args.dry_run))
    if args.dry_run:
        print("（只做了检查，没有写入数据。）")
    if report_path:
        print(f"导入报告：{report_path}")
    return code
