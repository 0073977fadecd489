"""迎检台账: the inspection pack — one workbook for a year with every ledger the inspector reads.

    write_pack(2026, "红星中学迎检台账（2026年度）.xlsx", progress=…)

Sheets, in order: 封面 (school, union, year, 制表人, 审核人, date, laid out for printing on one
page), 目录 (each entry a link to its sheet, with the number of records), the ledgers of every
area in the order of `catalog.all_ledgers()` (read from the registry, `union_desk.areas`;
会员花名册 first), and 年度统计 (`stats_sheet`: members by status, sex and age band; visits and
cash by type and month; assistance by kind; activities and participation rate; plan completion). Every sheet prints on A4 landscape with no text below 9 pt — one page wide
(a ledger too wide for that at 9 pt: two or more, 序号 and 姓名 on each; see xlsx_export) —
its header rows repeated, the sheet name and page numbers in the footer. The file is written atomically; `progress(done,
total, label)` returning False cancels and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.hyperlink import Hyperlink

from union_desk.ledgers import stats_sheet
from union_desk.ledgers.catalog import all_ledgers, ledger_options
from union_desk.ledgers.common import ProgressFn, Ticker, check_target, save_workbook_atomic
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import ExportOptions
from union_desk.ledgers.xlsx_export import (
    BODY_FONT,
    CENTER,
    FONT_NAME,
    LEFT,
    SheetBuilder,
    add_ledger_sheet,
    header_cells,
    page_setup,
    page_units,
    paper_width,
    title_row,
)

PACK_TITLE = "迎检台账"
COVER_SHEET = "封面"
CONTENTS_SHEET = "目录"
COVER_TITLE_FONT = Font(name=FONT_NAME, size=36, bold=True)
COVER_SCHOOL_FONT = Font(name=FONT_NAME, size=22, bold=True)
COVER_PERIOD_FONT = Font(name=FONT_NAME, size=18)
COVER_LABEL_FONT = Font(name=FONT_NAME, size=14, bold=True)
COVER_VALUE_FONT = Font(name=FONT_NAME, size=14)
LINK_FONT = Font(name=FONT_NAME, size=11, color="0563C1", underline="single")
UNDERLINE = Border(bottom=Side(style="thin", color="000000"))
RIGHT_MIDDLE = Alignment(horizontal="right", vertical="center")


@dataclass
class PackResult:
    path: Path
    sheets: list[tuple[str, str, int | None]] = field(default_factory=list)  # (sheet, what it holds, records)

    @property
    def records(self) -> int:
        return sum(n or 0 for _, _, n in self.sheets)


def pack_file_name(period: LedgerPeriod, school: str = "") -> str:
    return f"{school}{PACK_TITLE}（{period.file_label}）.xlsx"


def write_pack(
    period,
    path,
    *,
    options: ExportOptions | None = None,
    union_name: str | None = None,
    kinds: tuple[str, ...] | None = None,
    progress: ProgressFn | None = None,
    today: dt.date | None = None,
) -> PackResult:
    """Write the inspection pack of `period` (a year or a `LedgerPeriod`) to `path`: the ledgers
    `kinds` (default every registered ledger, in pack order)."""
    from union_desk.services import settings
    from union_desk.services import stats as stats_service

    target = check_target(path)
    period = period if isinstance(period, LedgerPeriod) else LedgerPeriod.year(period)
    today = today or dt.date.today()
    options = options or ledger_options(period)
    options = replace(options, today=options.today or today, made_on=options.made_on or today)
    if union_name is None:
        union_name = settings.get("union_name").strip() or (f"{options.school_name}工会委员会" if options.school_name else "")

    ticker = Ticker(progress, 0, "正在读取数据")
    ticker.report(0)
    ledgers = all_ledgers()
    loaded = []
    for kind in ledgers if kinds is None else kinds:
        ledger = ledgers[kind]
        ticker.report(label=f"正在读取{ledger.title}")
        loaded.append((ledger, ledger.records(period)))
    ticker.total = sum(len(records) for _, records in loaded) + 2
    ticker.report(0, "正在统计")
    stats = stats_service.year_stats(period.plan_period(), today=today)

    workbook = Workbook()
    cover = workbook.active
    cover.title = COVER_SHEET
    contents = workbook.create_sheet(CONTENTS_SHEET)
    result = PackResult(target)
    for ledger, records in loaded:
        ticker.report(label=f"正在写入{ledger.title}")
        ws = add_ledger_sheet(workbook, ledger.spec, records, options=options, ticker=ticker, sheet_name_in_footer=True)
        result.sheets.append((ws.title, ledger.title, len(records)))
    ws = workbook.create_sheet(stats_sheet.SHEET_NAME)
    stats_sheet.write_stats_sheet(ws, stats, prepared_by=options.prepared_by, reviewed_by=options.reviewed_by)
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = f"&A  {ws.oddFooter.center.text}"
    result.sheets.append((ws.title, "年度统计", None))
    ticker.step()

    write_cover(cover, options, union_name, period)
    write_contents(contents, result.sheets, period)
    ticker.report(ticker.total, "正在保存文件")
    return replace(result, path=save_workbook_atomic(workbook, target))


def write_cover(ws, options: ExportOptions, union_name: str, period: LedgerPeriod) -> None:
    """封面: the school, the pack's title and period, then 学校 / 工会 / 年度 / 制表人 / 审核人 /
    日期 on ruled lines; one A4 landscape page."""
    sheet = SheetBuilder(ws)
    ncols = 8
    made_on = options.made_on or options.day
    title_row(sheet, 4, options.school_name or "", ncols, COVER_SCHOOL_FONT, 40)
    title_row(sheet, 6, f"工会工作{PACK_TITLE}", ncols, COVER_TITLE_FONT, 64)
    title_row(sheet, 8, f"（{period.label}）", ncols, COVER_PERIOD_FONT, 32)
    label_style = sheet.style(COVER_LABEL_FONT, RIGHT_MIDDLE, border=None)
    value_style = sheet.style(COVER_VALUE_FONT, LEFT, border=UNDERLINE)
    lines = (
        ("学校名称", options.school_name),
        ("工会名称", union_name),
        ("台账期间", f"{period.label}（{period.first:%Y年%m月%d日}—{period.last:%Y年%m月%d日}）"),
        ("制 表 人", options.prepared_by),
        ("审 核 人", options.reviewed_by),
        ("制表日期", f"{made_on.year}年{made_on.month}月{made_on.day}日"),
    )
    # the values (columns D–G) as wide as the longest needs, within the page at 9 pt or more
    value_width = max(paper_width(value or "", COVER_VALUE_FONT.sz) for _, value in lines) + 2
    value_width = min(value_width, page_units("landscape") - 4 * 14)
    for col in range(1, ncols + 1):
        sheet.width(col, max(14, value_width / 4) if 4 <= col <= 7 else 14)
    row = 11
    for label, value in lines:
        sheet.put_merged(row, 2, 3, f"{label}：", label_style)
        sheet.put_merged(row, 4, 7, value or "", value_style)
        sheet.heights[row] = 30
        row += 1
    for spacer in (1, 2, 3, 5, 7, 9, 10):
        sheet.heights[spacer] = 18
    page_setup(ws, title_rows=None, last_row=row, last_col=ncols, fit_height=1, sheet_name_in_footer=True)
    ws.print_options.verticalCentered = True
    sheet.finish()


CONTENTS_HEADERS = ("序号", "台账名称", "期间", "记录数")


def write_contents(ws, sheets: list[tuple[str, str, int | None]], period: LedgerPeriod) -> None:
    """目录: one line per sheet; the name links to the sheet (a click in Excel or WPS opens it)."""
    sheet = SheetBuilder(ws)
    ncols = 4
    title_row(sheet, 1, f"目  录（{period.label}）", ncols)
    header_cells(sheet, 3, CONTENTS_HEADERS)
    body = sheet.style(BODY_FONT, CENTER)
    link = sheet.style(LINK_FONT, LEFT)
    for index, (name, what, count) in enumerate(sheets, start=1):
        row = 3 + index
        sheet.put(row, 1, index, body)
        cell = sheet.put(row, 2, what, link)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{name}'!A1", display=what, tooltip=f"打开工作表“{name}”")
        sheet.put(row, 3, period.label, body)
        sheet.put(row, 4, count if count is not None else "—", body)
        sheet.heights[row] = 22
    for col, width in zip(range(1, ncols + 1), (8, 34, 24, 12)):
        sheet.width(col, width)
    page_setup(ws, title_rows="3:3", last_row=3 + len(sheets), last_col=ncols, sheet_name_in_footer=True)
    ws.freeze_panes = "A4"
    sheet.finish()
