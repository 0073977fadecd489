"""年度统计报告 (PDF, A4 portrait): the key paragraph, then each chart with its table.

Charts are ReportLab vector graphics (bar and pie charts) drawn in the Chinese print font — every
label, axis number and legend entry names that font, so no Helvetica ends up in the file. The
tables are `stats.tables(stats)`, the same rows the statistics page and the xlsx sheet show.

    print_stats_report(2026, "统计.pdf")
    print_stats_report(plan.school_year(2025), "学年统计.pdf")
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from union_desk.printing import common
from union_desk.services import stats as stats_service
from union_desk.services.stats import StatTable, YearStats

TITLE = "工会工作统计报告"
MARGIN_X = 15 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X  # 180 mm
GRID = colors.black
HEAD_FILL = colors.Color(0.92, 0.92, 0.92)
MAX_DEPARTMENT_BARS = 15
MAX_ACTIVITY_BARS = 30
PALETTE = [
    colors.HexColor(c)
    for c in (
        "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
        "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#1F3F6E", "#8CD17D",
        "#B6992D", "#D37295", "#86BCB6", "#A0CBE8",
    )
]
NUMBER_KINDS = ("int", "money", "rate")


def color(i: int):
    return PALETTE[i % len(PALETTE)]


def report_title(stats: YearStats) -> str:
    return f"{stats.label}{TITLE}"


# --- charts -------------------------------------------------------------------------------------


def _drawing(width: float, height: float, font: str) -> Drawing:
    """A Drawing whose graphics state starts in `font` (ReportLab would start in Helvetica)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = 8
    return drawing


def _nice_max(values) -> float:
    top = max([float(v) for v in values] + [0.0])
    if top <= 0:
        return 1.0
    return top * 1.12


def _no_data(width: float, font: str, title: str = "", text: str = "（本期无数据）") -> Drawing:
    """A short placeholder instead of an empty chart."""
    drawing = _drawing(width, 12 * mm + (14 if title else 0), font)
    if title:
        _title(drawing, font, title)
    drawing.add(String(width / 2, 6 * mm, text, fontName=font, fontSize=10, textAnchor="middle", fillColor=colors.grey))
    return drawing


def _title(drawing: Drawing, font: str, text: str) -> None:
    drawing.add(String(drawing.width / 2, drawing.height - 11, text, fontName=font, fontSize=10, textAnchor="middle"))


def _number_format(kind: str):
    if kind == "money":
        return lambda v: f"{v:,.0f}"
    return lambda v: f"{v:,.0f}" if float(v).is_integer() else ""


def _style_axes(chart, font: str, value_kind: str = "int") -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = _number_format(value_kind)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7


def _legend(font: str, pairs, x: float, y: float, columns: int = 1) -> Legend:
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    legend.x, legend.y = x, y
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 10
    legend.dxTextSpace = 4
    legend.columnMaximum = max(1, -(-len(pairs) // columns))
    legend.deltax = 70
    legend.colorNamePairs = pairs
    legend.strokeWidth = 0
    legend.strokeColor = None
    return legend


def pie_chart(labels: list[str], values: list[int], font: str, width: float, height: float, title: str = "") -> Drawing:
    shown = [(label, v, color(i)) for i, (label, v) in enumerate(zip(labels, values)) if v]
    if not shown:
        return _no_data(width, font, title)
    drawing = _drawing(width, height, font)
    if title:
        _title(drawing, font, title)
    total = sum(v for _l, v, _c in shown)
    size = min(height - 30, width * 0.48)
    pie = Pie()
    pie.x, pie.y = 8, (height - 14 - size) / 2
    pie.width = pie.height = size
    pie.data = [v for _l, v, _c in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    pie.slices.fontName = font
    for i, (_l, _v, c) in enumerate(shown):
        pie.slices[i].fillColor = c
    drawing.add(pie)
    pairs = [(c, f"{label} {v}（{v / total * 100:.1f}%）") for label, v, c in shown]
    drawing.add(_legend(font, pairs, pie.x + size + 12, pie.y + size / 2 + len(pairs) * 5.5))
    return drawing


def bar_chart(
    categories: list[str],
    series: list[tuple[str, list]],
    font: str,
    width: float,
    height: float,
    *,
    title: str = "",
    stacked: bool = False,
    value_kind: str = "int",
    labels: bool = True,
    legend_right: float = 0,
) -> Drawing:
    """Vertical bars: one colour per series; stacked or side by side; a legend when several."""
    values = [float(v) for _n, vals in series for v in vals]
    if not categories or not series or not any(values):
        return _no_data(width, font, title)
    drawing = _drawing(width, height, font)
    if title:
        _title(drawing, font, title)
    chart = VerticalBarChart()
    top = 16 if title else 6
    legend_below = len(series) > 1 and not legend_right
    bottom = 20 + (12 if legend_below else 0)
    chart.x, chart.y = 34, bottom
    chart.width = width - chart.x - 8 - legend_right
    chart.height = height - bottom - top - 4
    chart.data = [tuple(float(v) for v in vals) for _n, vals in series]
    chart.categoryAxis.categoryNames = categories
    _style_axes(chart, font, value_kind)
    if stacked:
        chart.categoryAxis.style = "stacked"
        totals = [sum(float(vals[i]) for _n, vals in series) for i in range(len(categories))]
        chart.valueAxis.valueMax = _nice_max(totals)
    else:
        chart.valueAxis.valueMax = _nice_max(values)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.bars.strokeWidth = 0
    chart.bars.strokeColor = None
    for i in range(len(series)):
        chart.bars[i].fillColor = color(i)
    if labels and not stacked:
        chart.barLabelFormat = "%d" if value_kind == "int" else "%.0f"
        chart.barLabels.nudge = 6
        chart.barLabels.boxAnchor = "s"
    longest = max(pdfmetrics.stringWidth(c, font, 7.5) for c in categories)
    if longest > chart.width / len(categories) - 2:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dy = -2
    drawing.add(chart)
    if len(series) > 1:
        pairs = [(color(i), name) for i, (name, _v) in enumerate(series)]
        if legend_right:
            drawing.add(_legend(font, pairs, width - legend_right + 6, chart.y + chart.height))
        else:
            legend = _legend(font, pairs, chart.x, 12, columns=len(pairs))
            legend.deltax = max(pdfmetrics.stringWidth(n, font, 8) for n, _v in series) + 20
            drawing.add(legend)
    return drawing


def hbar_chart(
    categories: list[str],
    series: list[tuple[str, list]],
    font: str,
    width: float,
    *,
    title: str = "",
    value_kind: str = "int",
) -> Drawing:
    """Horizontal bars (departments, activities): the first category at the top."""
    per_row = 9 + 7 * len(series)
    label_w = min(max(pdfmetrics.stringWidth(c, font, 7.5) for c in categories) + 6, width * 0.45) if categories else 0
    top = 16 if title else 6
    legend_h = 16 if len(series) > 1 else 0
    height = top + legend_h + 18 + per_row * max(len(categories), 1)
    values = [float(v) for _n, vals in series for v in vals]
    if not categories or not any(values):
        return _no_data(width, font, title)
    drawing = _drawing(width, height, font)
    if title:
        _title(drawing, font, title)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w + 4, 16 + legend_h
    chart.width = width - chart.x - 24
    chart.height = per_row * len(categories)
    # ReportLab draws the first series lowest in a group and the first category at the bottom:
    # both reversed, so the page reads top-down in the legend's order.
    chart.data = [tuple(float(v) for v in reversed(vals)) for _n, vals in reversed(series)]
    chart.categoryAxis.categoryNames = list(reversed(categories))
    _style_axes(chart, font, value_kind)
    chart.valueAxis.valueMax = _nice_max(values)
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
    chart.bars.strokeWidth = 0
    chart.bars.strokeColor = None
    for i in range(len(series)):
        chart.bars[i].fillColor = color(len(series) - 1 - i)
    chart.barLabelFormat = "%d"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if len(series) > 1:
        pairs = [(color(i), name) for i, (name, _v) in enumerate(series)]
        legend = _legend(font, pairs, chart.x, 12, columns=len(pairs))
        legend.deltax = max(pdfmetrics.stringWidth(n, font, 8) for n, _v in series) + 20
        drawing.add(legend)
    return drawing


def chart_for(table: StatTable, font: str, width: float) -> Drawing | None:
    """The chart of one statistics table (None for tables shown without a chart)."""
    rows = table.rows
    if table.key in ("members_status", "members_sex"):
        return pie_chart([r[0] for r in rows], [r[1] for r in rows], font, width, 44 * mm)
    if table.key == "members_age":
        return bar_chart([r[0] for r in rows], [("人数", [r[1] for r in rows])], font, width, 52 * mm)
    if table.key == "members_department":
        shown = rows[:MAX_DEPARTMENT_BARS]
        labels = [r[0] for r in shown]
        values = [r[1] for r in shown]
        if len(rows) > MAX_DEPARTMENT_BARS:
            labels.append("其他部门")
            values.append(sum(r[1] for r in rows[MAX_DEPARTMENT_BARS:]))
        return hbar_chart(labels, [("人数", values)], font, width)
    if table.key in ("visits_count", "visits_amount"):
        months = table.headers[1:-1]
        series = [(r[0], r[1:-1]) for r in rows]
        kind = "money" if table.key == "visits_amount" else "int"
        return bar_chart(months, series, font, width, 70 * mm, stacked=True, value_kind=kind, legend_right=40 * mm)
    if table.key == "assistance":
        return bar_chart([r[0] for r in rows], [("现金", [r[3] for r in rows]), ("物品折价", [r[4] for r in rows])],
                         font, width, 52 * mm, stacked=True, value_kind="money")
    if table.key == "activities":
        shown = rows[:MAX_ACTIVITY_BARS]
        labels = [_short(r[0], 16) for r in shown]
        return hbar_chart(labels, [("报名人数", [r[3] for r in shown]), ("签到人数", [r[5] for r in shown])], font, width)
    if table.key == "plan":
        return bar_chart([r[0] for r in rows], [("计划项数", [r[1] for r in rows]), ("已完成", [r[2] for r in rows])],
                         font, width, 56 * mm)
    return None


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- tables -------------------------------------------------------------------------------------


def _pdf_cell(value, kind: str, compact: bool) -> str:
    """`compact` (the wide month tables): whole yuan without decimals, zero left blank."""
    if compact and kind in ("int", "money") and value is not None and value == 0:
        return ""
    if compact and kind == "money" and value is not None:
        amount = Decimal(value)
        return f"{amount:.0f}" if amount == amount.to_integral() else f"{amount:.2f}"
    return stats_service.format_cell(value, kind)


def _table_flowables(table: StatTable, font: str, width: float, st: dict) -> list:
    """The table as one or more ReportLab tables (a wide month table is split in two halves)."""
    ncols = len(table.headers)
    if ncols > 8:  # month tables: type column + months + total
        label_w = 26 * mm
        per = (width - label_w) / (ncols - 1)
        size = 7.0
        data_cols = list(range(1, ncols))
        cells = [[_pdf_cell(r[c], table.kinds[c], True) for c in data_cols] for r in table.rows + ([table.total] if table.total else [])]
        widest = max([pdfmetrics.stringWidth(t, font, size) for row in cells for t in row] + [0])
        if widest + 4 <= per:
            return [_grid(table, list(range(ncols)), [label_w] + [per] * (ncols - 1), font, size, st, compact=True)]
        half = (ncols - 1) // 2  # months in the first half
        first = [0, *range(1, 1 + half)]
        second = [0, *range(1 + half, ncols)]
        out = []
        for cols in (first, second):
            per = (width - label_w) / (len(cols) - 1)
            out += [_grid(table, cols, [label_w] + [per] * (len(cols) - 1), font, size, st, compact=True), Spacer(1, 2 * mm)]
        return out
    widths = _column_widths(table, font, width)
    return [_grid(table, list(range(ncols)), widths, font, 8.5, st)]


def _column_widths(table: StatTable, font: str, width: float) -> list[float]:
    """Numbers get what they need; the first (text) column takes the rest."""
    size = 8.5
    rows = table.rows + ([table.total] if table.total else [])
    need = []
    for c, (head, kind) in enumerate(zip(table.headers, table.kinds)):
        cells = [stats_service.format_cell(r[c], kind) for r in rows]
        w = max([pdfmetrics.stringWidth(t, font, size) for t in cells] + [pdfmetrics.stringWidth(head, font, size)]) + 8
        need.append(w)
    if table.key == "activities":
        rest = width - sum(need[1:])
        return [max(rest, 40 * mm)] + need[1:]
    total = sum(need)
    if total >= width:
        return [w * width / total for w in need]
    if len(need) <= 3:  # a small table beside a chart: keep it compact
        return need
    extra = width - total
    return [need[0] + extra] + need[1:]


def _grid(table: StatTable, cols: list[int], widths: list[float], font: str, size: float, st: dict, compact: bool = False):
    head_style = st["head"]
    text_style = st["cell"].clone("StatCell", fontSize=size, leading=size * 1.25)
    head_style = head_style.clone("StatHead", fontSize=size, leading=size * 1.25)
    data = [[Paragraph(common.esc(table.headers[c]), head_style) for c in cols]]
    body = table.rows + ([table.total] if table.total else [])
    for row in body:
        line = []
        for c in cols:
            kind = table.kinds[c]
            text = _pdf_cell(row[c], kind, compact)
            if compact and row is table.total and not text:
                text = "0"
            if kind == "text" and pdfmetrics.stringWidth(text, font, size) > widths[cols.index(c)] - 6:
                line.append(Paragraph(common.esc(text), text_style))
            else:
                line.append(text)
        data.append(line)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.25),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for i, c in enumerate(cols):
        kind = table.kinds[c]
        align = "RIGHT" if kind in NUMBER_KINDS else "CENTER" if kind == "date" or i > 0 else "LEFT"
        style.append(("ALIGN", (i, 1), (i, -1), align))
    if table.total:
        style += [("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.97, 0.97, 0.97)), ("LINEABOVE", (0, -1), (-1, -1), 0.9, GRID)]
    grid = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle(style))
    return grid


# --- the report ---------------------------------------------------------------------------------


def _side_by_side(chart: Drawing, table_flowables: list, chart_w: float, font: str) -> Table:
    holder = Table([[chart, table_flowables]], colWidths=[chart_w, CONTENT_W - chart_w], hAlign="LEFT")
    holder.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),  # a Table sets its cell font even around flowables
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return holder


SECTIONS = (
    ("一、会员情况", ("members_status", "members_sex", "members_age", "members_department", "members_changes")),
    ("二、走访慰问", ("visits_count", "visits_amount")),
    ("三、困难职工帮扶", ("assistance",)),
    ("四、活动开展", ("activities",)),
    ("五、工作计划完成情况", ("plan",)),
)
SIDE = ("members_status", "members_sex", "members_age", "members_changes", "plan")
SIDE_ROWS = 25  # a department table this long still fits beside its chart
SIDE_CHART_W = {"plan": 104 * mm, "members_department": 108 * mm}


def _notes(stats: YearStats) -> dict[str, str]:
    m, v, a, act = stats.members, stats.visits, stats.assistance, stats.activities
    on = common.fmt_date(m.as_of)
    notes = {
        "members_status": f"会员状态截至{on}；会员指在职和退休会员，共{m.total}人。",
        "members_department": (f"图中列出人数最多的{MAX_DEPARTMENT_BARS}个部门。" if len(m.by_department) > MAX_DEPARTMENT_BARS else ""),
        "visits_count": f"共{v.count}人次、{v.people}人；作废的记录（{v.voided}条）不计。",
        "visits_amount": f"慰问金合计{common.fmt_yuan(v.amount)}；另有慰问品折合{common.fmt_yuan(v.goods_value)}。",
        "assistance": f"在档困难职工{a.open_files}户，本期帮扶其中{a.helped_open}户，帮扶率{stats_service.percent(a.help_rate)}；本期新建档{a.opened}户。",
        "activities": (
            f"共开展活动{act.held}项" + (f"（另有{act.cancelled}项取消，不计）" if act.cancelled else "")
            + "；参与率＝签到人数（未结束的活动按报名人数）÷应参与人数。"
            + (f"图中列出前{MAX_ACTIVITY_BARS}项。" if act.held > MAX_ACTIVITY_BARS else "")
        ),
        "plan": "完成率＝已完成÷（计划项数－已取消）。",
    }
    return notes


def build_story(stats: YearStats, font: str) -> list:
    st = common.styles(font, base=10)
    union = common.union_title()
    title = report_title(stats)
    period = stats.period
    story: list = [
        common.DocumentStart(),
        Paragraph(common.esc(union), st["header"]),
        Spacer(1, 2 * mm),
        common.BoldTitle(title, font, size=18, space_after=3 * mm),
        Paragraph(
            common.esc(
                f"统计期间：{common.fmt_date(period.first_day)}至{common.fmt_date(period.last_day)}　"
                f"会员数据截至：{common.fmt_date(stats.as_of)}　制表日期：{common.fmt_date(dt.date.today())}"
            ),
            st["small_center"],
        ),
        Spacer(1, 4 * mm),
        Paragraph("主要数据", st["section"]),
    ]
    box = Table([[Paragraph(common.esc(stats_service.key_paragraph(stats)), st["normal"].clone("StatKey", leading=16, firstLineIndent=20))]],
                colWidths=[CONTENT_W])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                             ("BOX", (0, 0), (-1, -1), 0.6, colors.Color(0.55, 0.55, 0.55)),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.98, 0.98, 0.96)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story += [box, Spacer(1, 3 * mm)]
    tables = {t.key: t for t in stats_service.tables(stats)}
    notes = _notes(stats)
    note_style = st["small"].clone("StatNote", spaceBefore=2)
    caption = st["normal"].clone("StatCaption", fontSize=10.5, leading=15, spaceBefore=4, spaceAfter=2)
    section = st["section"].clone("StatSection", fontSize=12.5, leading=18, spaceBefore=8)
    for heading, keys in SECTIONS:
        lead: list = [Paragraph(common.esc(heading), section)]  # kept with the first chart of the section
        for key in keys:
            table = tables[key]
            block: list = lead + [Paragraph(common.esc(table.title), caption)]
            lead = []
            side = key in SIDE or (key == "members_department" and len(table.rows) <= SIDE_ROWS)
            if side:
                chart_w = SIDE_CHART_W.get(key, 98 * mm)
                chart = chart_for(table, font, chart_w)
                grid = _table_flowables(table, font, CONTENT_W - chart_w - 4 * mm, st)
                block.append(_side_by_side(chart, grid, chart_w + 4 * mm, font) if chart else grid[0])
                if notes.get(key):
                    block.append(Paragraph(common.esc(notes[key]), note_style))
                story.append(KeepTogether(block))
            else:
                chart = chart_for(table, font, CONTENT_W)
                if chart is not None:
                    block += [chart, Spacer(1, 2 * mm)]
                grids = _table_flowables(table, font, CONTENT_W, st)
                story.append(KeepTogether(block + grids[:1]))  # the chart never alone at a page foot
                story += grids[1:]
                if notes.get(key):
                    story.append(Paragraph(common.esc(notes[key]), note_style))
            story.append(Spacer(1, 3 * mm))
    chair = common.setting("chair")
    story += [
        Spacer(1, 6 * mm),
        Paragraph(common.esc(f"{union}　　制表人：{chair or '　　　　'}　　日期：{common.fmt_date(dt.date.today())}"), st["right"]),
    ]
    return story


def print_stats_report(period, path, *, stats: YearStats | None = None) -> common.PrintedPdf:
    """Write the statistics report of `period` (a year, or a `plan.Period`) to `path` atomically.

    Pass `stats` when already computed (the page has them); otherwise they are computed here.
    """
    stats = stats or stats_service.year_stats(period)
    font, description = common.chinese_font()
    union = common.union_title()
    title = report_title(stats)
    pages: list[int] = []

    def write(tmp) -> None:  # an open binary file (common.write_pdf_atomic)
        doc = common.doc_template(tmp, title, union, A4, margin_x=MARGIN_X)
        doc.build(build_story(stats, font), canvasmaker=common.numbered_canvas(font, running_head=f"{union}　{title}（续）"))
        pages.append(doc.page)

    target = common.write_pdf_atomic(path, write)
    return common.PrintedPdf(path=target, pages=pages[0], font=description)
