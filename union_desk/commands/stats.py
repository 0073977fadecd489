"""stats, export stats: the figures of a year (or 学年 / 学期), as text, JSON, PDF or xlsx.

Every registered statistics section's tables and paragraph piece (`services.stats`); no area is
named here."""

from __future__ import annotations

from pathlib import Path

from union_desk.commands import print_json, session, year_arg
from union_desk.errors import ValidationError

PERIODS = {"year": "全年（1月—12月）", "school_year": "学年（9月—次年8月）", "spring": "春季学期（2月—7月）", "autumn": "秋季学期（9月—次年1月）"}


def _period_args(parser) -> None:
    parser.add_argument("--year", type=year_arg, required=True, metavar="年份")
    parser.add_argument(
        "--period",
        choices=tuple(PERIODS),
        default="year",
        metavar="期间",
        help="统计期间：" + "；".join(f"{k} {v}" for k, v in PERIODS.items()) + "（默认 year；学年、学期从该年开始）",
    )


def register(verbs) -> None:
    from union_desk import areas

    counted = "、".join(area.title for area in areas.all_areas() if area.stats)
    st = verbs[None].add_parser("stats", help=f"年度统计（{counted}）" if counted else "年度统计")
    _period_args(st)
    st.add_argument("--json", action="store_true", help="以 JSON 输出")
    st.set_defaults(func=cmd_stats)

    exp = verbs["export"].add_parser("stats", help="导出年度统计报告（.pdf）或统计表（.xlsx）")
    _period_args(exp)
    exp.add_argument("-o", "--output", required=True, metavar="文件.pdf|文件.xlsx", help="按扩展名决定格式（无扩展名时为 .pdf）")
    exp.set_defaults(func=cmd_export)


def _table_text(table) -> list[str]:
    from union_desk.services.stats import format_cell

    lines = [f"【{table.title}】", "  " + "　".join(table.headers)]
    for row in table.rows + ([table.total] if table.total else []):
        lines.append("  " + "　".join(format_cell(v, k) or "—" for v, k in zip(row, table.kinds)))
    return lines


def cmd_stats(args, db_path: Path) -> int:
    from union_desk.services import stats

    with session(db_path):
        figures = stats.year_stats(stats.make_period(args.year, args.period))
        if args.json:
            print_json(stats.as_json(figures))
            return 0
        period = figures.period
        print(f"{figures.label}统计（{period.first_day:%Y-%m-%d} 至 {period.last_day:%Y-%m-%d}，会员数据截至 {figures.as_of:%Y-%m-%d}）")
        print()
        print(stats.key_paragraph(figures))
        for table in stats.tables(figures):
            print()
            print("\n".join(_table_text(table)))
    return 0


def cmd_export(args, db_path: Path) -> int:
    from union_desk.services import stats

    target = Path(args.output).expanduser()
    suffix = target.suffix.lower()
    if suffix not in ("", ".pdf", ".xlsx"):
        raise ValidationError(f"只能导出为 .pdf 或 .xlsx 文件，而不是“{target.name}”。", field="output")
    with session(db_path):
        figures = stats.year_stats(stats.make_period(args.year, args.period))
        if suffix == ".xlsx":
            from union_desk.ledgers.stats_sheet import write_stats_workbook

            path = write_stats_workbook(figures.period, target, stats=figures)
            print(f"已导出{figures.label}统计表到：{path}")
        else:
            from union_desk.printing.stats_report import print_stats_report

            printed = print_stats_report(figures.period, target, stats=figures)
            print(f"已生成 {printed.path}（{printed.pages} 页，字体：{printed.font}）")
    return 0
