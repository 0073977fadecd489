"""Printed sheets laid out with platypus: 慰问金发放签收表 and 困难职工档案表 (A4 portrait).

Both carry '第 N 页 共 M 页' at the foot of every page (a two-pass NumberedCanvas) and a running
head on continuation pages; the sign-off table repeats its header row on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import CondPageBreak

from union_desk.db.models import Assistance, HardshipFile, Member, Visit, VisitType
from union_desk.domain import money
from union_desk.domain.idcard import mask_id
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import common

SIGNOFF_TITLE = "慰问金发放签收表"
HARDSHIP_TITLE = "困难职工档案表"
MARGIN_X = 15 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X  # 180 mm
GRID = colors.black
ZERO = Decimal("0.00")
INFO_WIDTHS = [CONTENT_W * 0.6, CONTENT_W * 0.4]


def _build(filename, story: list, font: str, title: str, union: str) -> int:
    """Build the story with page numbers; returns the page count."""
    doc = common.doc_template(filename, title, union, A4, margin_x=MARGIN_X)
    canvas_class = common.numbered_canvas(font, running_head=f"{union}　{title}（续）")
    doc.build(story, canvasmaker=canvas_class)
    return doc.page


def _header(font: str, st: dict, title: str, union: str) -> list:
    return [
        common.DocumentStart(),
        Paragraph(common.esc(union), st["header"]),
        Spacer(1, 2.5 * mm),
        common.BoldTitle(title, font, size=18, space_after=3 * mm),
    ]


def _signature_block(font: str, labels: tuple[str, ...], size: float = 10.5) -> Table:
    """'经办人：____　工会主席：____　日期：　　年　月　日' with rules to sign on.

    Plain strings, not Paragraphs: a Paragraph would collapse the ideographic spaces of the date.
    """
    row, widths = [], []
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (-1, 0), (-1, 0), "RIGHT"),
    ]
    for label in labels:
        text = f"{label}："
        row += [text, ""]
        widths += [pdfmetrics.stringWidth(text, font, size) + 1, 34 * mm]
        style.append(("LINEBELOW", (len(row) - 1, 0), (len(row) - 1, 0), 0.6, GRID))
        row.append("")
        widths.append(8 * mm)
    row.append("日期：　　　年　　月　　日")
    widths.append(max(CONTENT_W - sum(widths), 50 * mm))
    table = Table([row], colWidths=widths, rowHeights=[9 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


# --- 慰问金发放签收表 ------------------------------------------------------------------------------

SIGNOFF_HEAD = ("序号", "姓名", "部门", "事由", "慰问类别", "金额（元）", "签名")
SIGNOFF_WIDTHS = [12 * mm, 20 * mm, 26 * mm, 46 * mm, 24 * mm, 22 * mm, 30 * mm]


def signoff_visits(visits: Iterable[Visit]) -> list[Visit]:
    """The visits a sign-off sheet lists: not voided, with cash or goods; by serial number."""
    chosen = [v for v in visits if not v.voided and (v.cash > 0 or v.goods)]
    return sorted(chosen, key=lambda v: (v.date, v.serial))


def _date_span(visits: list[Visit]) -> str:
    first, last = min(v.date for v in visits), max(v.date for v in visits)
    if first == last:
        return f"发放日期：{common.fmt_date(first)}"
    return f"发放日期：{common.fmt_date(first)} 至 {common.fmt_date(last)}"


def _signoff_story(rows: list[Visit], font: str, union: str, title_suffix: str) -> list:
    st = common.styles(font, base=10)
    story = _header(font, st, SIGNOFF_TITLE, union)
    if title_suffix:
        story += [Paragraph(common.esc(title_suffix), st["header"]), Spacer(1, 3 * mm)]
    total = sum((v.cash for v in rows), ZERO)
    story.append(common.info_line(font, st, _date_span(rows), f"共 {len(rows)} 人次　合计 {common.fmt_yuan(total)}", INFO_WIDTHS))

    cell, center, right = st["cell"], st["cell_center"], st["cell_right"]
    size = st["cell"].fontSize

    def fit(text: str, column: int, style):
        """A plain string when it fits on one line (fast for thousands of rows), else a Paragraph."""
        text = text or ""
        if pdfmetrics.stringWidth(text, font, size) <= SIGNOFF_WIDTHS[column] - 6:
            return text
        return Paragraph(common.esc(text), style)

    data = [[Paragraph(h, center) for h in SIGNOFF_HEAD]]
    for number, v in enumerate(rows, start=1):
        reason = v.reason or ""
        if v.goods:
            reason = f"{reason}（慰问品：{v.goods}）" if reason else f"慰问品：{v.goods}"
        data.append([
            str(number),
            fit(v.member.name, 1, center),
            fit(v.member.department, 2, center),
            fit(reason, 3, cell),
            fit(v.visit_type.name, 4, center),
            money.format_yuan(v.cash),
            "",
        ])
    table = LongTable(data, colWidths=SIGNOFF_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(common.grid_style(font) + [
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), st["cell"].leading),
        ("ALIGN", (0, 1), (2, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
    ]))
    story.append(table)

    totals = Table(
        [
            [Paragraph("合　计", center), "", "", "", Paragraph(f"{len(rows)} 人次", center),
             Paragraph(money.format_yuan(total), right), ""],
            [Paragraph(f"合计金额（大写）：{money.rmb_capital(total)}　　（小写）{common.fmt_yuan(total)}", cell),
             "", "", "", "", "", ""],
        ],
        colWidths=SIGNOFF_WIDTHS,
    )
    totals.setStyle(TableStyle(common.grid_style(font, header_rows=0) + [
        ("SPAN", (0, 0), (3, 0)),
        ("SPAN", (0, 1), (-1, 1)),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    story.append(KeepTogether([totals, Spacer(1, 7 * mm), _signature_block(font, ("经办人", "工会主席"))]))
    return story


def print_signoff(visits: Iterable[Visit], path, *, title_suffix: str = "") -> common.PrintedPdf:
    """慰问金发放签收表 for `visits` (a batch or a filtered list); voided ones are left out.

    `title_suffix` goes under the title, e.g. '2026年 春节送温暖'. Rows are in date and serial
    order; visits with neither cash nor goods have nothing to sign for and are left out.
    """
    rows = signoff_visits(visits)
    if not rows:
        raise ValidationError("没有可打印的慰问金发放记录（作废的记录不列入签收表）。", field="visits")
    font, description = common.chinese_font()
    union = common.union_title()
    story = _signoff_story(rows, font, union, title_suffix)
    pages: list[int] = []
    target = common.write_pdf_atomic(path, lambda tmp: pages.append(_build(tmp, story, font, SIGNOFF_TITLE, union)))
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=len(rows))


def print_signoff_for_year(year: int, type_name: str | None = None, *, path) -> common.PrintedPdf:
    """The sign-off sheet of all (not voided) visits of `year`, optionally of one visit type by name.

    `union-desk print signoff --year Y [--type NAME] -o FILE.pdf`.
    """
    from union_desk.services.visits import VisitFilter, visits_query

    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError(f"年份不对：{year}", field="year") from None
    if not 1900 <= year <= 2200:
        raise ValidationError(f"年份不对：{year}", field="year")
    filters = VisitFilter(year=year, include_voided=False)
    suffix = f"{year}年度"
    if type_name:
        vtype = VisitType.get_or_none(VisitType.name == type_name.strip())
        if vtype is None:
            raise NotFoundError(f"没有名为“{type_name}”的慰问类别")
        filters.visit_type_id = vtype.id
        suffix += f"　{vtype.name}"
    visits = list(visits_query(filters))
    if not signoff_visits(visits):
        what = f"“{type_name}”" if type_name else ""
        raise ValidationError(f"{year}年没有可打印的{what}慰问金发放记录。", field="year")
    return print_signoff(visits, path, title_suffix=f"（{suffix}）")


# --- 困难职工档案表 --------------------------------------------------------------------------------


def _iso(day) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def _age(birth: dt.date | None, on: dt.date) -> str:
    if not birth:
        return ""
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return f"{common.fmt_date(birth)}（{years}岁）"


def _kv_table(rows: list[list], font: str, st: dict, widths: list[float], spans: list = (), extra_style=()) -> Table:
    """A bordered label/value grid; label cells (even columns) are shaded and centred."""
    label, cell = st["label_small"], st["cell"]
    data = []
    for row in rows:
        out = []
        for i, value in enumerate(row):
            if value is None:
                out.append("")
            elif i % 2 == 0:
                out.append(Paragraph(common.esc(value), label))
            else:
                out.append(Paragraph(common.esc(value), cell))
        data.append(out)
    table = Table(data, colWidths=widths)
    style = common.grid_style(font, header_rows=0) + [("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    for r, row in enumerate(rows):
        for c in range(0, len(row), 2):
            if row[c] is not None:
                style.append(("BACKGROUND", (c, r), (c, r), colors.Color(0.95, 0.95, 0.95)))
    style += [("SPAN", *span) for span in spans] + list(extra_style)
    table.setStyle(TableStyle(style))
    return table


def _list_table(head: list[str], body: list[list[str]], font: str, st: dict, widths: list[float],
                aligns: str, extra_style=(), muted_rows=()) -> Table:
    """A bordered list with a shaded header row repeated on each page; `muted_rows` (1-based body
    rows, as table rows) are printed grey (voided records)."""
    styles_by = {"l": st["cell"], "c": st["cell_center"], "r": st["cell_right"]}
    data = [[Paragraph(h, st["head"]) for h in head]]
    for r, row in enumerate(body, start=1):
        cells = []
        for v, a in zip(row, aligns):
            if hasattr(v, "wrap"):
                cells.append(v)
            elif r in muted_rows:
                cells.append(Paragraph(f'<font color="#7a7a7a">{common.esc(v)}</font>', styles_by[a]))
            else:
                cells.append(Paragraph(common.esc(v), styles_by[a]))
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(common.grid_style(font) + [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)] + list(extra_style)))
    return table


def _hardship_story(file: HardshipFile, font: str, union: str, today: dt.date, full_id: bool) -> list:
    st = common.styles(font, base=10)
    m: Member = file.member
    story = _header(font, st, HARDSHIP_TITLE, union)
    status = file.status
    if file.status_date:
        status += f"（{file.status_date:%Y-%m-%d}）"
    story.append(common.info_line(font, st, f"建档日期：{common.fmt_date(file.found_date)}　档案状态：{status}",
                                   f"填表日期：{common.fmt_date(today)}", INFO_WIDTHS))
    w6 = [22 * mm, 36 * mm, 22 * mm, 34 * mm, 22 * mm, 44 * mm]
    id_text = (m.id_number if full_id else mask_id(m.id_number)) if m.id_number else ""
    post = "／".join(x for x in (m.post, m.title) if x)

    story.append(Paragraph("一、基本情况", st["section"]))
    story.append(_kv_table([
        ["姓名", m.name, "性别", m.sex, "出生日期", _age(m.birth_date, today)],
        ["民族", m.ethnicity, "政治面貌", m.political_status, "文化程度", m.education],
        ["身份证号", id_text, None, None, "联系电话", m.phone],
        ["部门", m.department, "职务／职称", post, "用工性质", m.employment_type],
        ["人员状态", m.status, "参加工作", common.fmt_date(m.work_start_date), "入会日期", common.fmt_date(m.joined_union_date)],
    ], font, st, w6, spans=[((1, 2), (3, 2))]))

    story.append(Paragraph("二、困难情况", st["section"]))
    secondary = "、".join(c for c in (file.secondary_causes or "").split(",") if c)
    size = file.household_size or 1
    per_head = (file.monthly_income / size).quantize(money.CENT) if file.monthly_income is not None else ZERO
    status_note = file.status_reason if file.status not in ("在档", "临时") else ""
    story.append(_kv_table([
        ["困难类别", file.grade, "主要致困原因", file.main_cause, "次要原因", secondary or "无"],
        ["家庭人口", f"{size} 人", "家庭月收入", common.fmt_yuan(file.monthly_income or 0), "人均月收入", common.fmt_yuan(per_head)],
        ["住房情况", file.housing, None, None, None, None],
        ["困难情况说明", file.description, None, None, None, None],
        ["发现途径", file.found_how, "上次复核", common.fmt_date(file.last_review_date) or "未复核",
         "下次复核", common.fmt_date(file.next_review_date)],
    ] + ([["状态说明", status_note, None, None, None, None]] if status_note else []), font, st, w6,
        spans=[((1, 2), (5, 2)), ((1, 3), (5, 3))] + ([((1, 5), (5, 5))] if status_note else []),
        extra_style=[("VALIGN", (1, 3), (1, 3), "TOP"), ("BOTTOMPADDING", (0, 3), (-1, 3), 7 * mm)]))

    story.append(Paragraph("三、家庭成员", st["section"]))
    relatives = list(m.relatives.order_by(m.relatives.model.id))
    body = []
    for r in relatives:
        note = r.notes or ""
        if r.death_date:
            note = f"已故（{r.death_date:%Y-%m-%d}）" + (f"；{note}" if note else "")
        body.append([r.name, r.relation, _iso(r.birth_date), r.health, r.work_or_school, note])
    if not body:
        body.append(["（未登记家庭成员）", "", "", "", "", ""])
    story.append(_list_table(["姓名", "关系", "出生日期", "健康状况", "工作或学习单位", "备注"], body, font, st,
                             [22 * mm, 16 * mm, 30 * mm, 24 * mm, 52 * mm, 36 * mm], "ccccll",
                             extra_style=[("SPAN", (0, 1), (-1, 1))] if not relatives else []))

    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("四、复核记录", st["section"]))
    reviews = list(file.reviews.order_by(file.reviews.model.date))
    body = [[_iso(r.date), r.reviewer, r.note] for r in reviews] or [["（暂无复核记录）", "", ""]]
    story.append(_list_table(["复核日期", "复核人", "复核情况"], body, font, st, [32 * mm, 26 * mm, 122 * mm], "ccl",
                             extra_style=[("SPAN", (0, 1), (-1, 1))] if not reviews else []))

    story.append(CondPageBreak(35 * mm))
    story.append(Paragraph("五、帮扶记录", st["section"]))
    records = list(file.assistance.order_by(Assistance.date, Assistance.id))
    body = []
    cash_total = goods_total = ZERO
    void_rows = []
    for a in records:
        kind = a.kind + ("（已作废）" if a.voided else "")
        body.append([_iso(a.date), kind, money.format_yuan(a.cash), a.goods or "",
                     money.format_yuan(a.goods_value) if a.goods_value else "", a.fund_source, a.handler])
        if a.voided:
            void_rows.append(len(body))
        else:
            cash_total += a.cash
            goods_total += a.goods_value
    extra = []
    if not records:
        body.append(["（暂无帮扶记录）", "", "", "", "", "", ""])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    body.append(["合　计", f"{len(records) - len(void_rows)} 次", money.format_yuan(cash_total), "",
                 money.format_yuan(goods_total), "", ""])
    grand = cash_total + goods_total
    body.append([Paragraph(common.esc(f"帮扶合计（救助金＋物品价值）：{common.fmt_yuan(grand)}　　人民币（大写）{common.capitals(grand)}"),
                           st["cell"]), "", "", "", "", "", ""])
    n = len(body)
    extra += [
        ("BACKGROUND", (0, n - 1), (-1, n), colors.Color(0.95, 0.95, 0.95)),
        ("SPAN", (0, n), (-1, n)),
    ]
    table = _list_table(["帮扶日期", "帮扶类型", "救助金（元）", "慰问品", "物品价值（元）", "经费来源", "经办人"], body,
                        font, st, [25 * mm, 29 * mm, 24 * mm, 28 * mm, 25 * mm, 26 * mm, 23 * mm], "ccrlrcc",
                        extra_style=extra, muted_rows=set(void_rows))
    story.append(table)
    story.append(KeepTogether([Spacer(1, 9 * mm), _signature_block(font, ("填表人", "工会主席"))]))
    return story


def print_hardship_files(file_ids: Iterable[int], path, *, full_id: bool = False) -> common.PrintedPdf:
    """困难职工档案表: one page (or more) per hardship file, in the order given.

    ID numbers are masked unless `full_id` (the form handed to the upper union may need them).
    """
    ids = list(dict.fromkeys(int(i) for i in file_ids))
    if not ids:
        raise ValidationError("没有选中任何困难档案", field="file")
    found = {f.id: f for f in HardshipFile.select(HardshipFile, Member).join(Member).where(HardshipFile.id.in_(ids))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"找不到编号为 {'、'.join(map(str, missing[:5]))} 的困难档案")
    font, description = common.chinese_font()
    union = common.union_title()
    today = dt.date.today()
    story: list = []
    for i, file_id in enumerate(ids):
        if i:
            story.append(PageBreak())
        story += _hardship_story(found[file_id], font, union, today, full_id)
    pages: list[int] = []
    target = common.write_pdf_atomic(path, lambda tmp: pages.append(_build(tmp, story, font, HARDSHIP_TITLE, union)))
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=len(ids))


__all__ = [
    "SIGNOFF_TITLE",
    "HARDSHIP_TITLE",
    "print_hardship_files",
    "print_signoff",
    "print_signoff_for_year",
    "signoff_visits",
]
