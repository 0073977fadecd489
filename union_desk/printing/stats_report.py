"""年度统计报告 (PDF, A4 portrait): the key paragraph, then each chart with its table.

Charts are ReportLab vector graphics (bar and pie charts) drawn in the Chinese print font — every
label, axis number and legend entry names that font, so no Helvetica ends up in the file. The
chapters are the registered statistics sections (一、会员情况 …, `stats.section_tables`), their
tables the same rows the statistics page and the xlsx sheet show, each charted and placed as its
`look` says (`services.stats.TableLook`); the notes under them are the sections' `notes`. No area
is named here.

    print_stats_report(2026, "统计.pdf")
    print_stats_report(plan.school_year(2025), "学年统计.pdf")
"""

from __future__ import annotations

import datetime as dt

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
    """Horizontal bars (long lists of names): the first category at the top."""
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
    """The chart of one statistics table as its `look.chart` describes it (None: a table alone)."""
    spec = table.look.chart
    if spec is None:
        return None
    rows = table.rows
    if spec.kind == "pie":
        column = spec.series[0].column if spec.series else 1
        return pie_chart([r[0] for r in rows], [r[column] for r in rows], font, width, spec.height * mm)
    if spec.series:
        shown = rows[: spec.limit] if spec.limit else rows
        categories = [_short(r[0], spec.shorten) if spec.shorten else r[0] for r in shown]
        series = [(s.label, [r[s.column] for r in shown]) for s in spec.series]
        if spec.limit and spec.rest and len(rows) > spec.limit:
            categories.append(spec.rest)
            for s, (_name, values) in zip(spec.series, series):
                values.append(sum(r[s.column] for r in rows[spec.limit:]))
    else:  # a month table: one series per row over the month columns
        categories = table.headers[1:-1]
        series = [(r[0], r[1:-1]) for r in rows]
    kind = "money" if spec.money else "int"
    if spec.kind == "hbar":
        return hbar_chart(categories, series, font, width, value_kind=kind)
    return bar_chart(categories, series, font, width, spec.height * mm, stacked=spec.kind == "stacked",
                     value_kind=kind, legend_right=spec.legend_right * mm)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- tables -------------------------------------------------------------------------------------


def _pdf_cell(value, kind: str, compact: bool) -> str:
    """As on screen (money '34,900.00'); `compact` (the wide month tables): zero left blank."""
    if compact and kind in ("int", "money") and value is not None and value == 0:
        return ""
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
    if table.look.wide_first:
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
                text = stats_service.format_cell(0, kind)  # the total row says 0 (0.00 for money)
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
    notes = stats_service.notes(stats)
    note_style = st["small"].clone("StatNote", spaceBefore=2)
    caption = st["normal"].clone("StatCaption", fontSize=10.5, leading=15, spaceBefore=4, spaceAfter=2)
    section = st["section"].clone("StatSection", fontSize=12.5, leading=18, spaceBefore=8)
    chapters = [(part, tables) for part, tables in stats_service.section_tables(stats) if tables]
    for number, (part, tables) in enumerate(chapters, start=1):
        heading = f"{stats_service.chapter_number(number)}、{part.heading}"
        lead: list = [Paragraph(common.esc(heading), section)]  # kept with the first chart of the section
        for table in tables:
            key, look = table.key, table.look
            block: list = lead + [Paragraph(common.esc(table.title), caption)]
            lead = []
            side = look.beside and (not look.beside_rows or len(table.rows) <= look.beside_rows)
            if side:
                chart_w = look.chart_width * mm
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
