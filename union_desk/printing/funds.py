"""Printouts of the funds book (工会经费, issue 19):

    print_voucher(entry_id, path)                       # 支出凭单 / 收入凭单 / 冲销凭单 of one entry
    print_funds_summary(start, end, path, label)        # 收支汇总表 of a period, then its 预算执行表
    print_final_account(year, path)                     # 决算 of a year, the budget beside each spending line
    print_funds_audit(year, path)                       # 经费审查报告 for the 经审 committee

The voucher is one page of the slips' size (settings `slip_size`, as 走访慰问记录单): an A5 sheet
turned landscape (210 × 148 mm), or the top half of an A4 page with a dashed line to cut along — the
same 210 × 148 mm box either way. It carries the union's name, the title (支出凭单 for spending, 收入凭单
for income; a reversal is a 冲销凭单 naming the original's number), 日期 and 凭证号, then 科目, 摘要,
the amount in figures (￥1,234.50) and in capitals (人民币壹仟贰佰叁拾肆元伍角整), 附件 N 张, 来源 and
经办人, 备注, and the lines for 审批人 / 证明人 / 经办人 and 会计 / 出纳 to sign.

The other three are A4 portrait sheets (platypus) with '第 N 页 共 M 页' at the foot
(common.NumberedCanvas) and a running head on continuation pages. Only the data is read here: the
figures come from services.funds (report, budget_of, reconcile_visits). Files are written atomically
(common.write_pdf_atomic). Printed text is never below 9 pt.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from union_desk.db.fund_models import FundEntry
from union_desk.db.models import Member, Visit, VisitType
from union_desk.domain import funds as rules
from union_desk.errors import ValidationError
from union_desk.printing import common, forms
from union_desk.printing.activity_sheets import sheet_table
from union_desk.printing.forms import BASE, CONTENT_W, LABEL_BG, MIN_PT
from union_desk.printing.slips import slip_size
from union_desk.services import funds

VOUCHER_SPENDING = "支出凭单"
VOUCHER_INCOME = "收入凭单"
VOUCHER_REVERSAL = "冲销凭单"
SUMMARY_TITLE = "经费收支汇总表"
EXECUTION_TITLE = "预算执行表"
FINAL_TITLE = "经费决算表"
AUDIT_TITLE = "经费审查报告"
OVER_BG = colors.Color(0.90, 0.90, 0.90)  # an over-budget row (shading survives a black-and-white printer)
SUBTOTAL_BG = colors.Color(0.96, 0.96, 0.96)
RED = common.STAMP_RED
MUTED = colors.Color(0.35, 0.35, 0.35)
DASH = "—"
OVER_MARK = "超预算"
BLANK_DATE = "日期：　　　　年　　月　　日"
NOTHING = "（无）"
INDENT = "\u00a0" * 6  # a Paragraph collapses ordinary and ideographic spaces, not no-break ones


# --- loading and formatting -------------------------------------------------------------------------


def _entry(entry_id) -> FundEntry:
    if isinstance(entry_id, FundEntry):
        entry_id = entry_id.id
    return funds.get_entry(entry_id)  # unknown id → NotFoundError


def _year(value) -> int:
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(f"年度不对：{value}", field="year") from None
    if not 1900 <= year <= 2999:
        raise ValidationError(f"年度不对：{value}", field="year")
    return year


def _day(value, label: str, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(f"{label}不对：{value}（应为 YYYY-MM-DD）", field=key) from None


def money_text(amount: Decimal | None, blank: str = "") -> str:
    """'1,234.50' (negative keeps its '-'); `blank` for None."""
    return blank if amount is None else rules.yuan(amount)


def rate_text(rate: Decimal | None) -> str:
    """执行率 as '85.0%'; '—' without a budget."""
    return DASH if rate is None else f"{rate * 100:.1f}%"


def capitals_text(amount: Decimal) -> str:
    """'人民币壹仟贰佰叁拾肆元伍角整': common.capitals after 人民币 with no gap, and 整 after a last 角
    too (《支付结算办法》: 整 after 元 or 角, never after 分) — the usual way on a voucher. The sign is
    left to the caller (a reversal says 冲销)."""
    words = common.capitals(abs(amount))
    if words.endswith("角"):
        words += "整"
    return "人民币" + words


def voucher_title(entry: FundEntry) -> str:
    if entry.reverses_id:
        return VOUCHER_REVERSAL
    return VOUCHER_INCOME if rules.is_income(entry.category.code) else VOUCHER_SPENDING


def _header(font: str, st: dict, union: str, title: str, left: str, right: str = "单位：元") -> list:
    return [*forms.header(font, st, union, title),
            common.info_line(font, st, left, right, [CONTENT_W * 0.7, CONTENT_W * 0.3])]


def _signatures(font: str, rows: list[list[str]], *, size: float = BASE, line: float = 30 * mm,
                gap: float = 10 * mm, date: bool = True) -> Table:
    """Lines to sign on, `rows` of labels ('工会主席：______'), the labels of a column one under the
    other; the date (blank, to fill in by hand) closes the last row. Plain strings, so the
    ideographic spaces of the date stay."""
    columns = max(len(r) for r in rows)
    label_w = [max((pdfmetrics.stringWidth(f"{r[c]}：", font, size) + 1 for r in rows if c < len(r)), default=0)
               for c in range(columns)]
    widths: list[float] = []
    for c in range(columns):
        widths += [label_w[c], line, gap]
    data, style = [], [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for r, labels in enumerate(rows):
        row = []
        for c, label in enumerate(labels):
            row += [f"{label}：", "", ""]
            style.append(("LINEBELOW", (3 * c + 1, r), (3 * c + 1, r), 0.6, colors.black))
        data.append(row + [""] * (3 * columns + 1 - len(row)))
    date_text = "日期：　　　年　　月　　日"
    widths.append(max(0.0, CONTENT_W - sum(widths)))
    if date:
        last, used = len(data) - 1, 3 * len(rows[-1])
        if used < 3 * columns:  # room in the last row: the date goes right after its lines
            data[last][used] = date_text
            style.append(("SPAN", (used, last), (-1, last)))
        elif widths[-1] >= pdfmetrics.stringWidth(date_text, font, size):
            data[last][used] = date_text
        else:
            data.append([date_text] + [""] * (3 * columns))
            style.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
    table = Table(data, colWidths=widths, rowHeights=[10 * mm] * len(data), hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _right_lines(font: str, lines: list[str], size: float = 12) -> Table:
    """Lines flush right (the signing body, a blank date): plain strings keep ideographic spaces."""
    table = Table([[line] for line in lines], colWidths=[CONTENT_W], rowHeights=[size * 1.8] * len(lines))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), size),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return table


# --- 支出凭单 ---------------------------------------------------------------------------------------

VOUCHER_W = 210 * mm  # the voucher's box on the page: A5 landscape, or the top half of A4
VOUCHER_H = 148 * mm
V_MARGIN_X = 14 * mm
V_TABLE_W = VOUCHER_W - 2 * V_MARGIN_X  # 182 mm
V_COLS = [26 * mm, 78 * mm, 24 * mm, 54 * mm]
NOTES_LINES = 2


def _voucher_notes(entry: FundEntry) -> list[str]:
    notes = []
    if entry.reverses_id:
        original = entry.reverses
        notes.append(f"冲销原凭证 {original.serial}（{common.fmt_date(original.date)}，"
                     f"{common.fmt_yuan(original.amount)}）")
    if entry.backfilled:
        notes.append("补记（启用经费账前的记录）")
    if entry.over_budget_reason:
        notes.append(f"超预算原因：{entry.over_budget_reason}")
    if entry.notes and not (entry.reverses_id and entry.notes in entry.summary):
        notes.append(entry.notes)
    return notes


def _clip(text: str, style: ParagraphStyle, width: float, lines: int) -> str:
    """`text`, cut with '……' so that it sets in at most `lines` lines of `width`."""
    room = lines * style.leading + 0.5

    def fits(candidate: str) -> bool:
        return Paragraph(common.esc(candidate), style).wrap(width, 1000)[1] <= room

    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + "……"):
            low = middle
        else:
            high = middle - 1
    return text[:low] + "……"


def voucher_table(entry: FundEntry, font: str, st: dict) -> Table:
    """The voucher's grid: 科目, 摘要, 金额（小写）and 附件, 金额（大写）, 来源 and 经办人, 备注."""
    reversal = bool(entry.reverses_id)
    value = ParagraphStyle("UDVoucherValue", parent=st["cell"], fontSize=BASE, leading=BASE * 1.35)
    big = ParagraphStyle("UDVoucherAmount", parent=value, fontSize=12, leading=15)
    note_style = ParagraphStyle("UDVoucherNote", parent=value, fontSize=MIN_PT + 0.5, leading=(MIN_PT + 0.5) * 1.3)
    label = st["label"]
    wide = sum(V_COLS[1:]) - 6
    if reversal:
        big = ParagraphStyle("UDVoucherAmountRed", parent=big, textColor=RED)
    amount = entry.amount
    figures = ("-" if amount < 0 else "") + common.fmt_yuan(abs(amount))
    words = capitals_text(amount) + ("（冲销）" if reversal else "")
    source = funds.source_text(entry) or "手工记账"
    notes = _clip("；".join(_voucher_notes(entry)), note_style, wide, NOTES_LINES)

    def L(text):  # noqa: N802 - a label cell
        return Paragraph(common.esc(text), label)

    def V(text, style=value):  # noqa: N802 - a value cell
        return Paragraph(common.esc(text), style)

    rows = [
        [L("科目"), V(funds.category_label(entry.category)), L("收支"), V(rules.direction(entry.category.code))],
        [L("摘要"), V(_clip(entry.summary, value, wide, 2)), "", ""],
        [L("金额（小写）"), V(figures, big), L("附件"), V(f"{entry.attachments or 0} 张")],
        [L("金额（大写）"), V(words, big), "", ""],
        [L("来源"), V(source), L("经办人"), V(entry.handler)],
        [L("备注"), V(notes, note_style), "", ""],
    ]
    heights = [10 * mm, 16 * mm, 12 * mm, 12 * mm, 10 * mm, 16 * mm]
    table = Table(rows, colWidths=V_COLS, rowHeights=heights)
    style = common.grid_style(font, header_rows=0) + [
        ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 5), (3, 5)),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
    ]
    style += [("BACKGROUND", (c, r), (c, r), LABEL_BG)
              for r, row in enumerate(rows) for c in (0, 2) if isinstance(row[c], Paragraph)]
    table.setStyle(TableStyle(style))
    return table


def _draw_voucher(c, entry: FundEntry, font: str, union: str, top: float) -> None:
    """The voucher in the 210 × 148 mm box whose top edge is at `top` (points from the page's foot)."""
    st = common.styles(font, base=BASE)
    x0, right = V_MARGIN_X, VOUCHER_W - V_MARGIN_X
    cx = VOUCHER_W / 2
    title = voucher_title(entry)
    c.setFillColor(colors.black)
    c.setFont(font, 11)
    c.drawCentredString(cx, top - 10 * mm - 11, union)
    title_y = top - 26 * mm
    common.draw_bold_centred(c, cx, title_y, title, font, 18, stroke=0.45)
    title_w = pdfmetrics.stringWidth(title, font, 18)
    c.setLineWidth(0.6)
    c.line(cx - title_w / 2 - 6 * mm, title_y - 2.2 * mm, cx + title_w / 2 + 6 * mm, title_y - 2.2 * mm)
    c.line(cx - title_w / 2 - 6 * mm, title_y - 3.2 * mm, cx + title_w / 2 + 6 * mm, title_y - 3.2 * mm)

    info_y = top - 34 * mm
    c.setFont(font, BASE)
    c.drawString(x0, info_y, f"日期：{common.fmt_date(entry.date)}")
    c.drawRightString(right, info_y, f"凭证号：{entry.serial}")
    if entry.reverses_id:
        c.setFillColor(RED)
        c.drawCentredString(cx, info_y, f"原凭证号：{entry.reverses.serial}")
        c.setFillColor(colors.black)

    table = voucher_table(entry, font, st)
    _w, h = table.wrapOn(c, V_TABLE_W, VOUCHER_H)
    table_top = info_y - 2.5 * mm
    table.drawOn(c, x0, table_top - h)

    sign_y = table_top - h - 11 * mm
    c.setFont(font, BASE)
    c.setLineWidth(0.5)
    for row, y in (((("审批人", 0), ("证明人", 1), ("经办人", 2)), sign_y),
                   ((("会计", 0), ("出纳", 1)), sign_y - 9 * mm)):
        for text, column in row:
            x = x0 + column * (V_TABLE_W / 3)
            label = f"{text}："
            c.drawString(x, y, label)
            lx = x + pdfmetrics.stringWidth(label, font, BASE) + 1
            c.line(lx, y - 1.5, x + V_TABLE_W / 3 - 8 * mm, y - 1.5)
    c.drawRightString(right, sign_y - 9 * mm, union)


def print_voucher(entry_id, path) -> common.PrintedPdf:
    """The voucher of one entry (支出凭单, 收入凭单, or 冲销凭单 for a reversal), one page of the slips'
    size: A5 landscape, or the top half of an A4 page (settings `slip_size` = half-A4)."""
    entry = _entry(entry_id)
    font, description = common.chinese_font()
    union = common.union_title()
    half_a4 = slip_size() == "half-A4"
    pagesize = A4 if half_a4 else landscape(A5)
    title = f"{voucher_title(entry)} {entry.serial}"

    def build(tmp) -> None:
        c = common.make_canvas(tmp, font, pagesize)
        c.setTitle(title)
        c.setAuthor(union)
        _draw_voucher(c, entry, font, union, pagesize[1])
        if half_a4:
            _cut_line(c, font, pagesize)
        c.showPage()
        c.save()

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=1, font=description, items=1)


def _cut_line(c, font: str, pagesize) -> None:
    y = pagesize[1] / 2
    text = "沿此虚线裁开"
    size = MIN_PT
    c.saveState()
    grey = colors.Color(0.45, 0.45, 0.45)
    c.setStrokeColor(grey)
    c.setFillColor(grey)
    c.setLineWidth(0.5)
    c.setDash(4, 3)
    c.setFont(font, size)
    tw = pdfmetrics.stringWidth(text, font, size) + 4 * mm
    c.line(6 * mm, y, pagesize[0] / 2 - tw / 2, y)
    c.line(pagesize[0] / 2 + tw / 2, y, pagesize[0] - 6 * mm, y)
    c.drawCentredString(pagesize[0] / 2, y - size * 0.35, text)
    c.restoreState()


# --- 收支汇总表 and 预算执行表 --------------------------------------------------------------------------

SUMMARY_HEAD = ("科目编码", "科目名称", "预算", "收入", "支出", "执行率", "备注")
SUMMARY_WIDTHS = [17 * mm, 41 * mm, 24 * mm, 24 * mm, 24 * mm, 16 * mm, 34 * mm]
EXECUTION_HEAD = ("科目编码", "科目名称", "预算", "已支出", "余额", "执行率", "备注")
FIGURES_HEAD = ("期初结余", "本期收入", "本期支出", "期末结余")


def _period_text(start: dt.date, end: dt.date) -> str:
    return f"期间：{common.fmt_date(start)}至{common.fmt_date(end)}"


def _over_note(figure: funds.CategoryFigure) -> str:
    if figure.kind != "支出" or figure.budget is None or figure.amount <= figure.budget:
        return ""
    return f"{OVER_MARK}{money_text(figure.amount - figure.budget)}"


def _figures_table(st: dict, font: str, head, values) -> Table:
    width = CONTENT_W / len(head)
    return sheet_table(head, [[money_text(v) for v in values]], [width] * len(head), "c" * len(head), st, font)


def _rows_style(rows: list[list[str]], over: list[int], totals: list[int], sections: list[int]) -> list:
    """Shading: over-budget rows darker, totals lighter; section rows span the table (rows are
    counted from the header = 0)."""
    style = []
    for r in over:
        style.append(("BACKGROUND", (0, r), (-1, r), OVER_BG))
    for r in totals:
        style.append(("BACKGROUND", (0, r), (-1, r), SUBTOTAL_BG))
    for r in sections:
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SUBTOTAL_BG)]
    return style


def _book_balance(day: dt.date) -> Decimal:
    """The balance at the end of `day` as the book of its year carries it (from that year's opening)."""
    _opening, rows = funds.ledger_rows(dt.date(day.year, 1, 1), day)
    return rows[-1].balance if rows else funds.opening_of(day.year)


def summary_rows(report: funds.FundsReport) -> tuple[list[list[str]], dict[str, list[int]]]:
    """The rows of the 收支汇总表 (一、收入 …, 收入合计, 二、支出 …, 支出合计) and which rows are
    sections / totals / over budget (numbered from the header row = 0)."""
    rows: list[list[str]] = []
    marks: dict[str, list[int]] = {"sections": [], "totals": [], "over": []}
    income = [f for f in report.categories if f.kind == "收入" and (f.amount or f.budget is not None)]
    spending = [f for f in report.categories if f.kind == "支出" and (f.amount or f.budget is not None)]
    marks["sections"].append(len(rows) + 1)
    rows.append(["一、收入", "", "", "", "", "", ""])
    for f in income:
        rows.append([f.code, f.name, "", money_text(f.amount), "", "", ""])
    if not income:
        rows.append(["", NOTHING, "", "", "", "", ""])
    marks["totals"].append(len(rows) + 1)
    rows.append(["", "收入合计", "", money_text(report.income), "", "", ""])
    marks["sections"].append(len(rows) + 1)
    rows.append(["二、支出", "", "", "", "", "", ""])
    for f in spending:
        note = _over_note(f)
        if note:
            marks["over"].append(len(rows) + 1)
        rows.append([f.code, f.name, money_text(f.budget), "", money_text(f.amount), rate_text(f.execution), note])
    if not spending:
        rows.append(["", NOTHING, "", "", "", "", ""])
    budget = sum((f.budget for f in spending if f.budget is not None), funds.ZERO)
    has_budget = any(f.budget is not None for f in spending)
    marks["totals"].append(len(rows) + 1)
    rows.append(["", "支出合计", money_text(budget) if has_budget else "", "", money_text(report.spending),
                 rate_text(rules.execution(report.spending, budget)) if has_budget else DASH, ""])
    return rows, marks


def execution_rows(year: int, end: dt.date) -> tuple[list[list[str]], list[int]]:
    """预算执行表 of `year` as at `end` (the year's spending from 1 January to `end`): each spending
    category with a budget or spending — 预算, 已支出, 余额, 执行率 — and the total; the rows over
    budget (numbered from the header row = 0)."""
    figures = funds.report(dt.date(year, 1, 1), min(end, dt.date(year, 12, 31)))
    spending = [f for f in figures.categories if f.kind == "支出" and (f.budget is not None or f.amount)]
    rows, over = [], []
    for f in spending:
        left = None if f.budget is None else f.budget - f.amount
        note = _over_note(f)
        if note:
            over.append(len(rows) + 1)
        rows.append([f.code, f.name, money_text(f.budget, DASH), money_text(f.amount), money_text(left, DASH),
                     rate_text(f.execution), note])
    if not spending:
        rows.append(["", "（本年无预算、无支出）", "", "", "", "", ""])
    budget = sum((f.budget for f in spending if f.budget is not None), funds.ZERO)
    spent = sum((f.amount for f in spending), funds.ZERO)
    rows.append(["", "合计", money_text(budget), money_text(spent), money_text(budget - spent),
                 rate_text(rules.execution(spent, budget)), ""])
    return rows, over


ALIGN = "clrrrcl"


def print_funds_summary(start, end, path, label: str = "") -> common.PrintedPdf:
    """收支汇总表 of the period (`label`: '2027年', '2026—2027学年', '2027年春季学期'): the opening
    balance, income by category, spending by category with 预算 / 支出 / 执行率, the totals and the
    closing balance, over-budget categories marked; then the 预算执行表 of each calendar year the
    period touches, as at the period's end."""
    start = _day(start, "开始日期", "start")
    end = _day(end, "结束日期", "end")
    if end < start:
        raise ValidationError("结束日期不能早于开始日期", field="end")
    label = (label or "").strip() or (f"{start.year}年" if (start, end) == (dt.date(start.year, 1, 1), dt.date(start.year, 12, 31))
                                      else f"{start:%Y-%m-%d}至{end:%Y-%m-%d}")
    report = funds.report(start, end)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    heading = f"{label}{SUMMARY_TITLE}"
    rows, marks = summary_rows(report)
    story = [
        *_header(font, st, union, heading, _period_text(start, end)),
        _figures_table(st, font, FIGURES_HEAD, [report.opening, report.income, report.spending, report.closing]),
        Spacer(1, 4 * mm),
        sheet_table(SUMMARY_HEAD, rows, SUMMARY_WIDTHS, ALIGN, st, font,
                    extra=_rows_style(rows, marks["over"], marks["totals"], marks["sections"])),
    ]
    notes = ["期末结余＝期初结余＋本期收入－本期支出；执行率＝支出÷预算。本期既无收支又无预算的科目不列。"]
    years = list(range(start.year, end.year + 1))
    if len(years) > 1:
        notes.append(f"本期跨{'、'.join(f'{y}年' for y in years)}，“预算”为这些年度预算之和；各年度的预算执行见下表。")
    if len(years) > 1:
        book = _book_balance(end)
        if book != report.closing:
            notes.append(f"账面结余（{end.year}年初结余起算）为{money_text(book)}元，与按本期收支推算的期末结余相差"
                         f"{money_text(book - report.closing)}元：{end.year}年的年初结余与{end.year - 1}年末结余不一致，请核对。")
    if report.over_budget:
        notes.append("超出预算的科目：" + "；".join(
            f"{f.code} {f.name}超出预算{money_text(f.amount - f.budget)}元" for f in report.over_budget) + "。")
    story.append(Spacer(1, 1.5 * mm))
    for note in notes:
        story.append(Paragraph(common.esc(note), st["normal"]))
    for year in years:
        as_at = min(end, dt.date(year, 12, 31))
        exec_rows, over = execution_rows(year, as_at)
        title = f"{year}年{EXECUTION_TITLE}"
        if as_at != dt.date(year, 12, 31):
            title += f"（截至{common.fmt_date(as_at)}）"
        story += [
            CondPageBreak(40 * mm),
            Spacer(1, 5 * mm),
            common.fitted_title(title, font, CONTENT_W, size=15, smallest=12),
            sheet_table(EXECUTION_HEAD, exec_rows, SUMMARY_WIDTHS, ALIGN, st, font,
                        extra=_rows_style(exec_rows, over, [len(exec_rows)], [])),
        ]
    story += [Spacer(1, 8 * mm), KeepTogether([_signatures(font, [["制表人", "审核人"]])])]
    return forms.write(path, story, font, description, heading, union, f"{heading}（续）", items=len(rows))


# --- 决算 --------------------------------------------------------------------------------------------

FINAL_HEAD = ("项目", "预算", "决算", "执行率", "备注")
FINAL_WIDTHS = [68 * mm, 30 * mm, 30 * mm, 20 * mm, 32 * mm]


def final_rows(year: int) -> tuple[list[list[str]], dict[str, list[int]]]:
    """上年结余, 本年收入 by category, 本年支出 by category (its budget beside it), 本年结余."""
    report = funds.report(dt.date(year, 1, 1), dt.date(year, 12, 31))
    rows: list[list[str]] = []
    marks: dict[str, list[int]] = {"totals": [], "over": []}

    def total(row):
        marks["totals"].append(len(rows) + 1)
        rows.append(row)

    income = [f for f in report.categories if f.kind == "收入"]
    spending = [f for f in report.categories if f.kind == "支出"]
    total(["一、上年结余", "", money_text(report.opening), "", ""])
    total(["二、本年收入", "", money_text(report.income), "", ""])
    for f in income:
        rows.append([f"{INDENT}{f.code} {f.name}", "", money_text(f.amount), "", ""])
    budget = sum((f.budget for f in spending if f.budget is not None), funds.ZERO)
    has_budget = any(f.budget is not None for f in spending)
    total(["三、本年支出", money_text(budget) if has_budget else "", money_text(report.spending),
           rate_text(rules.execution(report.spending, budget)) if has_budget else DASH, ""])
    for f in spending:
        note = _over_note(f)
        if note:
            marks["over"].append(len(rows) + 1)
        rows.append([f"{INDENT}{f.code} {f.name}", money_text(f.budget, DASH), money_text(f.amount), rate_text(f.execution), note])
    total(["四、本年结余", "", money_text(report.closing), "", ""])
    return rows, marks


def print_final_account(year, path) -> common.PrintedPdf:
    """决算 of `year`: 上年结余, 本年收入 by category, 本年支出 by category with the budget beside each
    line, 本年结余; signed by 工会主席, 经审委员会 and 经办人, with the date."""
    year = _year(year)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    heading = f"{year}年度{FINAL_TITLE}"
    rows, marks = final_rows(year)
    tight = [("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 3)]
    story = [
        *_header(font, st, union, heading, f"决算期间：{common.fmt_date(dt.date(year, 1, 1))}至"
                                           f"{common.fmt_date(dt.date(year, 12, 31))}"),
        sheet_table(FINAL_HEAD, rows, FINAL_WIDTHS, "lrrcl", st, font,
                    extra=tight + _rows_style(rows, marks["over"], marks["totals"], [])),
        Spacer(1, 1.5 * mm),
        Paragraph(common.esc("本年结余＝上年结余＋本年收入－本年支出；执行率＝决算÷预算。"), st["normal"]),
        Spacer(1, 8 * mm),
        KeepTogether([_signatures(font, [["工会主席", "经审委员会"], ["经办人"]], line=34 * mm)]),
    ]
    return forms.write(path, story, font, description, heading, union, f"{heading}（续）", items=len(rows))


# --- 经费审查报告 -------------------------------------------------------------------------------------

OVER_ENTRY_HEAD = ("凭证号", "日期", "摘要", "金额", "超预算原因")
OVER_ENTRY_WIDTHS = [28 * mm, 24 * mm, 50 * mm, 24 * mm, 54 * mm]
OVER_CATEGORY_HEAD = ("科目", "预算", "支出", "超出", "执行率")
OVER_CATEGORY_WIDTHS = [60 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm]
OVER_CAP_HEAD = ("日期", "姓名", "类别", "金额", "原因")
OVER_CAP_WIDTHS = [24 * mm, 20 * mm, 30 * mm, 38 * mm, 68 * mm]
LATE_HEAD = ("冲销凭证号", "冲销日期", "原凭证号", "原凭证日期", "金额")
LATE_WIDTHS = [36 * mm, 36 * mm, 36 * mm, 36 * mm, 36 * mm]
NUMBERED = "一二三四五六七八九十"


def over_budget_entries(year: int) -> list[FundEntry]:
    """The year's entries saved past their category's budget (with an over-budget reason)."""
    return list(
        FundEntry.select().where(FundEntry.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                                 & (FundEntry.over_budget_reason != ""))
        .order_by(FundEntry.date, FundEntry.serial))


def over_cap_visits(year: int) -> list[Visit]:
    """The year's visits (not voided) given past a cap, with the reason recorded."""
    return list(
        Visit.select(Visit, Member, VisitType).join(Member).switch(Visit).join(VisitType)
        .where(Visit.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)) & (Visit.over_cap_reason != "")
               & (Visit.voided == False))  # noqa: E712
        .order_by(Visit.date, Visit.serial))


def _visit_amount(visit: Visit) -> str:
    text = money_text(visit.cash)
    if visit.goods_value:
        text += f"（另慰问品{money_text(visit.goods_value)}）"
    return text


def _gap_text(difference: Decimal) -> str:
    return f"经费账比台账{'多' if difference > 0 else '少'}{money_text(abs(difference))}元"


def reconciliation_text(rec: funds.Reconciliation) -> str:
    """The reconciliation sentence of the audit report (to the fen)."""
    goods = "（含慰问品价值）" if funds.posts_goods() else ""
    head = (f"经核对，{rec.year}年经费账中由走访慰问记入的支出合计{money_text(rec.posted)}元，"
            f"走访慰问台账中由工会经费支付的慰问金{goods}合计{money_text(rec.ledger)}元")
    if rec.difference == 0 and rec.holds:
        return head + "，两者一致，分文不差。"
    if rec.holds:
        return (head + f"，{_gap_text(rec.difference)}，系{len(rec.late_reversals)}笔跨年度冲销所致"
                       f"（见下表），差额已全部得到解释，账实相符。")
    text = head + f"，{_gap_text(rec.difference)}"
    if rec.late_reversals:
        text += f"，其中跨年度冲销可解释{money_text(abs(rec.explained))}元"
    return text + f"，尚有{money_text(abs(rec.difference - rec.explained))}元未能核对一致，需查明原因。"


def _audit_opening(union: str, year: int, report: funds.FundsReport) -> list[str]:
    posted = report.posted_from
    parts = [f"{label}{money_text(posted.get(kind, funds.ZERO))}元"
             for kind, label in (("visit", "走访慰问"), ("assistance", "困难帮扶"), ("activity", "活动经费"))
             if posted.get(kind)]
    figures = (f"{year}年初上年结余{money_text(report.opening)}元，本年收入{money_text(report.income)}元，"
               f"本年支出{money_text(report.spending)}元，年末结余{money_text(report.closing)}元。")
    if parts:
        figures += f"本年支出中，由业务记录直接记入经费账的有：{'、'.join(parts)}。"
    if posted.get("dues"):
        figures += f"会费收入中由会费记录记入{money_text(posted['dues'])}元。"
    return [
        f"根据《中华人民共和国工会法》和《中国工会经费审查条例》等有关规定，{union}经费审查委员会对本会"
        f"{year}年度的经费收支情况进行了审查，查阅了经费收支明细账、记账凭证和走访慰问台账。现将审查情况报告如下。",
        figures,
    ]


def audit_body() -> str:
    """'杭州市文澜实验学校工会' (the school's name and 工会), else the union's name: the report is the
    '‹学校›工会‹year›年度经费审查报告' of that union's 经费审查委员会."""
    school, _union = common.union_header()
    return f"{school}工会" if school else common.union_title()


def print_funds_audit(year, path) -> common.PrintedPdf:
    """经费审查报告 of `year` for the 经审 committee: the opening, income, spending and closing figures
    (a paragraph and a small table); budget execution; the categories and entries over budget; the
    visits over caps; the reconciliation of the visits with the funds book and the late reversals;
    room for the committee's opinion; signature lines for its 主任 and two 委员, and the date."""
    year = _year(year)
    report = funds.report(dt.date(year, 1, 1), dt.date(year, 12, 31))
    rec = funds.reconcile_visits(year)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    body = ParagraphStyle("UDAuditBody", parent=st["normal"], fontSize=12, leading=12 * 1.7, firstLineIndent=24,
                          spaceBefore=3)
    section = ParagraphStyle("UDAuditSection", parent=body, firstLineIndent=0, spaceBefore=8, spaceAfter=2)
    caption = ParagraphStyle("UDAuditCaption", parent=st["normal"], fontSize=BASE, leading=BASE * 1.4, spaceBefore=2,
                             spaceAfter=2)
    body_name = audit_body()
    heading = f"{body_name}{year}年度{AUDIT_TITLE}"
    story: list = [common.DocumentStart(), Spacer(1, 4 * mm),
                   common.fitted_title(heading, font, CONTENT_W, size=17, smallest=12), Spacer(1, 2 * mm)]
    opening, figures = _audit_opening(body_name, year, report)
    story.append(Paragraph(common.esc(opening), body))
    number = iter(NUMBERED)

    def head(text: str) -> None:
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph(common.esc(f"{next(number)}、{text}"), section))

    head("经费收支情况")
    story.append(Paragraph(common.esc(figures), body))
    story.append(Paragraph(common.esc("单位：元"), ParagraphStyle("UDAuditUnit", parent=caption, alignment=TA_RIGHT)))
    story.append(_figures_table(st, font, ("上年结余", "本年收入", "本年支出", "年末结余"),
                                [report.opening, report.income, report.spending, report.closing]))

    head("预算执行和超预算情况")
    spending = [f for f in report.categories if f.kind == "支出"]
    budget = sum((f.budget for f in spending if f.budget is not None), funds.ZERO)
    entries = over_budget_entries(year)
    if budget:
        text = (f"本年支出预算{money_text(budget)}元，实际支出{money_text(report.spending)}元，"
                f"预算执行率{rate_text(rules.execution(report.spending, budget))}。")
    else:
        text = "本年未编制支出预算。"
    if report.over_budget:
        text += f"超出预算的科目有{len(report.over_budget)}个："
    elif budget:
        text += "各科目支出均未超出预算。"
    story.append(Paragraph(common.esc(text), body))
    if report.over_budget:
        story.append(sheet_table(OVER_CATEGORY_HEAD, [
            [f"{f.code} {f.name}", money_text(f.budget), money_text(f.amount), money_text(f.amount - f.budget),
             rate_text(f.execution)] for f in report.over_budget], OVER_CATEGORY_WIDTHS, "lrrrc", st, font))
    if entries:
        story.append(Paragraph(common.esc(f"超出预算时登记了原因的支出{len(entries)}笔："), body))
        story.append(sheet_table(OVER_ENTRY_HEAD, [
            [e.serial, f"{e.date:%Y-%m-%d}", e.summary, money_text(e.amount), e.over_budget_reason] for e in entries],
            OVER_ENTRY_WIDTHS, "cclrl", st, font))

    head("超标准慰问情况")
    visits = over_cap_visits(year)
    if visits:
        story.append(Paragraph(common.esc(f"本年超过慰问标准或限额、登记了原因的走访慰问{len(visits)}人次："), body))
        story.append(sheet_table(OVER_CAP_HEAD, [
            [f"{v.date:%Y-%m-%d}", v.member.name, v.visit_type.name, _visit_amount(v), v.over_cap_reason]
            for v in visits], OVER_CAP_WIDTHS, "cccrl", st, font))
    else:
        story.append(Paragraph(common.esc("本年没有超过慰问标准或限额的走访慰问。"), body))

    head("账实核对")
    story.append(Paragraph(common.esc(reconciliation_text(rec)), body))
    if rec.late_reversals:
        story.append(sheet_table(LATE_HEAD, [
            [e.serial, f"{e.date:%Y-%m-%d}", e.reverses.serial, f"{e.reverses.date:%Y-%m-%d}", money_text(e.amount)]
            for e in rec.late_reversals], LATE_WIDTHS, "ccccr", st, font))

    lines = Table([[""]] * 4, colWidths=[CONTENT_W], rowHeights=[9 * mm] * 4)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED)]))
    story.append(KeepTogether([
        Paragraph(common.esc(f"{next(number)}、审查意见"), section),
        lines,
        Spacer(1, 8 * mm),
        _signatures(font, [["经审委员会主任", "委员", "委员"]], line=26 * mm, gap=8 * mm, date=False),
        Spacer(1, 4 * mm),
        _right_lines(font, [f"{body_name}经费审查委员会", "年　　月　　日"]),
    ]))
    items = len(report.over_budget) + len(entries) + len(visits)
    return forms.write(path, story, font, description, heading, union, f"{heading}（续）", items=items)


__all__ = [
    "capitals_text",
    "execution_rows",
    "final_rows",
    "money_text",
    "over_budget_entries",
    "over_cap_visits",
    "print_final_account",
    "print_funds_audit",
    "print_funds_summary",
    "print_voucher",
    "rate_text",
    "reconciliation_text",
    "summary_rows",
    "voucher_title",
]
