"""工作计划表: a year's plan (or a term's / 学年's) as a PDF to hand in — A4 landscape.

    print_plan(2026, "2026年工作计划.pdf")
    print_plan(2026, "秋季学期.pdf", period=plan.autumn_term(2026))

One table by month: 月份 (one merged cell per month), 序号, 时间, 工作内容, 类别, 负责人, 完成情况
(the item's status) and 备注 (the item's notes and how many activities / visits carried it out).
Cancelled items stay in the table, struck through and greyed, with 已取消 as their 完成情况.

The table is laid out page by page here rather than left to ReportLab, because a merged month
cell may not run across a page break: each page gets its own table with the header row, a month
that goes on to the next page is split there (never leaving one lonely row on either side) and its
cell on the next page says '3月（续）'. Items without any time (未定) come last. Under the table:
制表人 / 审核人 / 日期 lines; at the foot of every page '第 N 页 共 M 页' (common.NumberedCanvas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from union_desk.db.models import PlanItem
from union_desk.errors import ValidationError
from union_desk.printing import common
from union_desk.services import plan

TITLE = "工作计划"
PAGE = landscape(A4)
MARGIN_X = 15 * mm
TOP, BOTTOM = 14 * mm, 18 * mm
CONTENT_W = PAGE[0] - 2 * MARGIN_X  # 267 mm
HEAD = ("月份", "序号", "时间", "工作内容", "类别", "负责人", "完成情况", "备注")
WIDTHS = [18 * mm, 11 * mm, 34 * mm, 88 * mm, 19 * mm, 22 * mm, 19 * mm, 56 * mm]
ALIGNS = "ccclcccl"
MIN_ROW_H = 8 * mm
PAD_X, PAD_TOP, PAD_BOTTOM = 3, 3, 4  # PAD_X: the side padding of common.grid_style
SAFETY = 3 * mm  # measured heights vs. what the frame accepts: keep a little room
MIN_PART = 2  # a month split across pages keeps at least this many rows on each side
MONTH_BG = colors.Color(0.97, 0.97, 0.97)
MUTED = colors.Color(0.45, 0.45, 0.45)
GRID = colors.black
UNDATED = "未定"
WEEKDAYS = "一二三四五六日"

assert abs(sum(WIDTHS) - CONTENT_W) < 0.5, "the columns fill the page width"


# --- what goes in the table ---------------------------------------------------------------------------


def _day(day, year: int) -> str:
    text = f"{day.month}月{day.day}日"
    if day.year == year:
        return text
    return f"次年{text}" if day.year == year + 1 else f"{day.year}年{text}"


def when_text(item: PlanItem) -> str:
    """The 时间 cell: '3月8日（周日）', '3月8日至3月10日', '12月28日至次年1月3日', '' for an item of the whole month (the
    月份 cell says it), '未定' for an item with no time."""
    if item.date:
        if item.end_date and item.end_date != item.date:
            return f"{_day(item.date, item.year)}至{_day(item.end_date, item.date.year)}"
        return f"{_day(item.date, item.year)}（周{WEEKDAYS[item.date.weekday()]}）"
    return "" if item.month else UNDATED


def notes_text(item: PlanItem, links: dict[str, int]) -> str:
    """The item's notes, then '已关联活动 2 项、走访 5 人次' when records carried it out."""
    lines = [line for line in (item.notes or "").strip().splitlines() if line.strip()]
    linked = plan.links_text(links)
    if linked:
        lines.append("已关联" + linked)
    return "\n".join(lines)


@dataclass
class Group:
    """The items of one month (or the 未定 items) of the table."""

    key: tuple[int, int]  # (plan year, month); (year, 13) for 未定
    label: str  # '3月', '2027年1月', '未定'
    items: list[PlanItem] = field(default_factory=list)


def group_items(items: list[PlanItem], year: int) -> list[Group]:
    """Consecutive items by (plan year, month), in calendar order; 未定 last. Months of another
    plan year than `year` (a term or 学年 reaching into the next year) carry their year."""
    groups: dict[tuple[int, int], Group] = {}
    for item in items:
        month = plan.item_month(item)
        key = (item.year, month or 13)
        if key not in groups:
            if month is None:
                label = UNDATED if item.year == year else f"{item.year}年{UNDATED}"
            else:
                label = f"{month}月" if item.year == year else f"{item.year}年{month}月"
            groups[key] = Group(key, label)
        groups[key].items.append(item)
    return [groups[k] for k in sorted(groups)]


def plan_items(year: int, period: plan.Period | None = None) -> list[PlanItem]:
    return plan.list_items(year, period=period)


def title_of(year: int, period: plan.Period | None) -> str:
    """'2026年工作计划', '2026年秋季学期工作计划', '2026—2027学年工作计划'."""
    if period is None or period.kind == "year":
        return f"{year}年{TITLE}"
    return re.sub(r"（[^）]*）$", "", period.label) + TITLE


def _range_text(year: int, period: plan.Period | None) -> str:
    if period is None:
        return f"{year}年1月—12月"
    (y1, m1), (y2, m2) = period.start, period.end
    return f"{y1}年{m1}月—{m2}月" if y1 == y2 else f"{y1}年{m1}月—{y2}年{m2}月"


def _counts_text(items: list[PlanItem]) -> str:
    counts = {status: 0 for status in plan.STATUSES}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    rate = plan.Rate()
    for item in items:
        rate.add(item.status)
    parts = [f"{status} {n} 项" for status, n in counts.items() if n and status != "未开始"]
    text = f"共 {len(items)} 项"
    if parts:
        text += "（" + "，".join(parts) + "）"
    if rate.done:
        text += f"　完成率 {plan.format_rate(rate.rate)}"
    return text


# --- layout ---------------------------------------------------------------------------------------


def _styles(font: str) -> dict[str, ParagraphStyle]:
    st = common.styles(font, base=10)
    st["month"] = ParagraphStyle("UDPlanMonth", parent=st["cell_center"], fontSize=11, leading=14)
    return st


@dataclass
class Row:
    group: int  # index into the groups
    cells: list  # Paragraphs of every column but 月份
    height: float


def _row_cells(item: PlanItem, number: int, links: dict[str, int], st: dict) -> list:
    cancelled = item.status == plan.CANCELLED
    values = [str(number), when_text(item), item.title, item.category, item.responsible, item.status,
              notes_text(item, links)]
    by = {"l": st["cell"], "c": st["cell_center"]}
    cells = []
    for col, (value, align) in enumerate(zip(values, ALIGNS[1:]), start=1):
        text = common.esc(value)
        style = st["small"] if col == 7 else by[align]
        if cancelled:
            if col == 3:  # 工作内容 struck through
                text = f"<strike>{text}</strike>"
            text = f'<font color="#737373">{text}</font>'
        cells.append(Paragraph(text, style))
    return cells


def _measure(cells: list) -> float:
    height = 0.0
    for cell, width in zip(cells, WIDTHS[1:]):
        _w, h = cell.wrap(width - 2 * PAD_X, 10_000)
        height = max(height, h)
    return max(MIN_ROW_H, height + PAD_TOP + PAD_BOTTOM)


def _head_row(st: dict) -> list:
    return [Paragraph(common.esc(h), st["head"]) for h in HEAD]


def paginate(rows: list[Row], first: float, other: float, footer: float = 0.0) -> list[list[int]]:
    """Row indexes per page. `first` / `other`: the height the table may take on the first and
    later pages (header row included in neither); `footer`: what must fit under the last table.

    A month goes to the next page whole when it fits there and fewer than MIN_PART of its rows
    would stay behind (or go on); a month taller than a page is split wherever it must be."""
    pages: list[list[int]] = [[]]
    room = first
    i = 0
    while i < len(rows):
        group = rows[i].group
        j = i
        while j < len(rows) and rows[j].group == group:
            j += 1
        heights = [rows[k].height for k in range(i, j)]
        if sum(heights) <= room:
            pages[-1].extend(range(i, j))
            room -= sum(heights)
            i = j
            continue
        fit, used = 0, 0.0
        while fit < len(heights) and used + heights[fit] <= room:
            used += heights[fit]
            fit += 1
        if len(heights) - fit < MIN_PART:  # keep at least MIN_PART rows for the next page
            fit = len(heights) - MIN_PART
        if fit < MIN_PART and pages[-1]:
            pages.append([])  # the month starts on a fresh page
            room = other
            continue
        fit = max(fit, 1)
        used = sum(heights[:fit])
        pages[-1].extend(range(i, i + fit))
        pages.append([])
        room = other
        i += fit
    if footer and room < footer and len(pages[-1]) > MIN_PART:
        # the signature lines would sit alone on a new page: take the last rows along
        pages[-1], moved = pages[-1][:-MIN_PART], pages[-1][-MIN_PART:]
        pages.append(moved)
    return [p for p in pages if p]


def _page_table(page: list[int], rows: list[Row], groups: list[Group], first_rows: set[int], st: dict,
                font: str, head: list) -> Table:
    data = [head]
    heights = [None]
    style = [
        *common.grid_style(font),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        ("BACKGROUND", (0, 1), (0, -1), MONTH_BG),
    ]
    start = 0
    for pos, index in enumerate(page):
        row = rows[index]
        run_start = pos == 0 or rows[page[pos - 1]].group != row.group
        month = ""
        if run_start:
            label = common.esc(groups[row.group].label)
            if index in first_rows:
                month = Paragraph(label, st["month"])
            else:
                month = Paragraph(f'{label}<br/><font size="8">（续）</font>', st["month"])
            start = pos + 1
        data.append([month, *row.cells])
        heights.append(row.height)
        last = pos == len(page) - 1 or rows[page[pos + 1]].group != row.group
        if last:
            end = pos + 1
            if end > start:
                style.append(("SPAN", (0, start), (0, end)))
            if end == start and not (index in first_rows):
                heights[-1] = max(row.height, 12 * mm)  # room for '3月（续）'
            if end < len(page):
                style.append(("LINEBELOW", (0, end), (-1, end), 0.9, GRID))  # between months
    table = Table(data, colWidths=WIDTHS, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _height(flowables: list) -> float:
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(CONTENT_W, PAGE[1])
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def build_story(year: int, items: list[PlanItem], font: str, period: plan.Period | None = None) -> list:
    union = common.union_title()
    st = _styles(font)
    title = title_of(year, period)
    groups = group_items(items, year)
    links = plan.link_counts(i.id for i in items)
    rows: list[Row] = []
    first_rows: set[int] = set()
    number = 0
    for g, group in enumerate(groups):
        first_rows.add(len(rows))
        for item in group.items:
            number += 1
            cells = _row_cells(item, number, links.get(item.id, {}), st)
            rows.append(Row(g, cells, _measure(cells)))
    head = _head_row(st)
    head_h = _measure(head[1:])
    header = [
        common.DocumentStart(),
        common.fitted_title(f"{union}{title}", font, CONTENT_W, smallest=12.0),
        common.info_line(font, st, f"计划期间：{_range_text(year, period)}", _counts_text(items), [CONTENT_W * 0.5, CONTENT_W * 0.5]),
        Spacer(1, 1 * mm),
    ]
    note = Paragraph(common.esc("注：完成情况为打印时的状态；已取消的事项以删除线标出，仍保留在计划中。"), st["small"])
    footer = [Spacer(1, 2 * mm), note, Spacer(1, 6 * mm), common.signature_row(font, ("制表人", "审核人"), CONTENT_W)]
    body_h = PAGE[1] - TOP - BOTTOM
    pages = paginate(rows, body_h - _height(header) - head_h - SAFETY, body_h - head_h - SAFETY,
                     _height(footer) + SAFETY)
    story = list(header)
    for n, page in enumerate(pages):
        if n:
            story.append(PageBreak())
        story.append(_page_table(page, rows, groups, first_rows, st, font, head))
    story.append(KeepTogether(footer))
    return story


def print_plan(year: int, path, *, period: plan.Period | None = None) -> common.PrintedPdf:
    """Write the 工作计划表 of plan `year` (or of `period`, a term or 学年) to `path` atomically."""
    year = plan._year(year)
    items = plan_items(year, period)
    title = title_of(year, period)
    if not items:
        raise ValidationError(f"{title.removesuffix(TITLE)}还没有计划事项，没有可打印的工作计划。", field="year")
    font, description = common.chinese_font()
    union = common.union_title()
    story = build_story(year, items, font, period)
    pages: list[int] = []

    def write(tmp) -> None:  # an open binary file (common.write_pdf_atomic)
        doc = common.doc_template(tmp, f"{union}{title}", union, PAGE, margin_x=MARGIN_X, top=TOP, bottom=BOTTOM)
        doc.build(story, canvasmaker=common.numbered_canvas(font, running_head=f"{union}　{title}（续）"))
        pages.append(doc.page)

    target = common.write_pdf_atomic(path, write)
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=len(items))


__all__ = ["TITLE", "group_items", "notes_text", "paginate", "print_plan", "title_of", "when_text"]
