"""走访慰问记录单 and 吊唁慰问记录: one slip per page, A5 portrait or the top half of an A4 page.

The slip is drawn straight on the canvas (a ruled grid with text), not with platypus: a batch of
500 slips has to come out about as fast as ReportLab can draw the strings at all.

Printing a slip records it (`visits.mark_printed_many`, after the file has been written); printing it
again adds a red 补打 stamp; a voided visit carries a large 作废 watermark and the void reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import JOIN
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from union_desk.db.models import Member, Relative, Visit, VisitType
from union_desk.domain import money
from union_desk.domain.idcard import mask_id
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import common

SLIP_SIZES = ("A5", "half-A4")
DEFAULT_SLIP_SIZE = "A5"
MEMBER_DEATH_TYPE = "会员去世"
TITLE_VISIT = "走访慰问记录单"
TITLE_CONDOLENCE = "吊唁慰问记录"
VOID_MARK = "作废"
REPRINT_MARK = "补打"
# Chinese line breaking: these never start a line (they stay at the end of the previous one).
_NO_LINE_START = set("，。、；：？！）》」』】,.;:?!)%")


# --- the slip as plain strings ------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    label: bool = False
    span: int = 1  # columns of the 4-column grid
    min_lines: int = 1
    nowrap: bool = False  # ID numbers, dates: shrink to one line rather than wrap


@dataclass
class Slip:
    """Everything one slip prints, as strings (built from a Visit by `slip_for`)."""

    visit_id: int
    serial: str
    title: str
    rows: list[list[Cell]]
    recipient_label: str  # 受慰问人签收
    union: str
    date_text: str
    voided: bool = False
    reprint: bool = False
    first_printed: str = ""
    notes: list[str] = field(default_factory=list)


def slip_size() -> str:
    """The slip size from settings ('A5' or 'half-A4'); anything else means A5."""
    value = common.setting("slip_size", DEFAULT_SLIP_SIZE)
    return value if value in SLIP_SIZES else DEFAULT_SLIP_SIZE


def is_condolence(visit_type: VisitType) -> bool:
    return bool(visit_type.needs_relative) or visit_type.name == MEMBER_DEATH_TYPE


def _money_or_dash(amount) -> str:
    return common.fmt_yuan(amount) if amount else "—"


def slip_for(visit: Visit, *, union: str, replaced_serial: str = "") -> Slip:
    """The strings of one slip. `visit` must have member, visit_type and relative loaded."""
    member: Member = visit.member
    vtype: VisitType = visit.visit_type
    relative: Relative | None = visit.relative if visit.relative_id else None
    condolence = is_condolence(vtype)
    L = lambda text: Cell(text, label=True)  # noqa: E731 - tiny local helper
    V = Cell

    rows: list[list[Cell]] = [
        [L("会员姓名" if condolence else "姓名"), V(member.name), L("部门"), V(member.department or "")],
        [L("身份证号"), V(mask_id(member.id_number) if member.id_number else "", nowrap=True), L("慰问类别"), V(vtype.name)],
    ]
    recipient = "受慰问人签收"
    if condolence:
        if relative is not None:
            deceased, relation, died = relative.name, relative.relation, relative.death_date
        else:  # the member died: the family receives the condolence money
            deceased, relation = member.name, "会员本人"
            died = member.status_date if member.status == "去世" else None
            recipient = "受慰问人签收（家属）"
        rows.append([L("逝者姓名"), V(deceased), L("与会员关系"), V(relation)])
        died_text = common.fmt_date(died) if died else "　　　年　　月　　日"
        rows.append([L("去世日期"), V(died_text, nowrap=True), L("吊唁日期"), V(common.fmt_date(visit.date), nowrap=True)])
        rows.append([L("吊唁地点"), V(visit.place, span=3)])
        reason_label = "吊唁事由"
    else:
        rows.append([L("走访日期"), V(common.fmt_date(visit.date), nowrap=True), L("走访地点"), V(visit.place)])
        reason_label = "事由"
    rows += [
        [L(reason_label), V(visit.reason, span=3, min_lines=2)],
        [L("走访人员"), V(visit.visitors, span=3)],
        [L("金额（小写）"), V(common.fmt_yuan(visit.cash), nowrap=True), L("慰问品价值"), V(_money_or_dash(visit.goods_value), nowrap=True)],
        [L("金额（大写）"), V(money.rmb_capital(visit.cash), span=3, nowrap=True)],
        [L("慰问品"), V(visit.goods or "—", span=3)],
        [L("经费来源"), V(visit.fund_source), L("经办人"), V(visit.handler)],
    ]
    notes = []
    if visit.voided:
        when = f"（{visit.voided_at:%Y-%m-%d}）" if visit.voided_at else ""
        notes.append(f"本单已作废{when}，作废原因：{visit.void_reason}")
    if replaced_serial:
        notes.append(f"本单替代已作废的 {replaced_serial}")
    if visit.over_cap_reason:
        notes.append(f"超标准原因：{visit.over_cap_reason}")
    if visit.follow_up:
        notes.append(f"后续跟进：{visit.follow_up}")
    rows.append([L("备注"), V("；".join(notes), span=3)])
    return Slip(
        visit_id=visit.id,
        serial=visit.serial,
        title=TITLE_CONDOLENCE if condolence else TITLE_VISIT,
        rows=rows,
        recipient_label=recipient,
        union=union,
        date_text=common.fmt_date(visit.date),
        voided=bool(visit.voided),
        reprint=visit.printed_at is not None,
        first_printed=f"{visit.printed_at:%Y-%m-%d %H:%M}" if visit.printed_at else "",
        notes=notes,
    )


def load_visits(visit_ids: Iterable[int]) -> list[Visit]:
    """The visits with member, type and relative, in the order given (duplicates dropped)."""
    ids = list(dict.fromkeys(int(i) for i in visit_ids))
    if not ids:
        raise ValidationError("没有选中任何走访记录", field="visit")
    found: dict[int, Visit] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            Visit.select(Visit, Member, VisitType, Relative)
            .join(Member)
            .switch(Visit)
            .join(VisitType)
            .switch(Visit)
            .join(Relative, JOIN.LEFT_OUTER)
            .where(Visit.id.in_(chunk))
        )
        found.update({v.id: v for v in query})
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"找不到编号为 {'、'.join(map(str, missing[:5]))} 的走访记录")
    return [found[i] for i in ids]


def slips_for(visits: list[Visit]) -> list[Slip]:
    union = common.union_title()
    replaced = {v.replaces_id for v in visits if v.replaces_id}
    serials = {}
    if replaced:
        serials = dict(Visit.select(Visit.id, Visit.serial).where(Visit.id.in_(list(replaced))).tuples())
    return [slip_for(v, union=union, replaced_serial=serials.get(v.replaces_id, "")) for v in visits]


# --- layout -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageLayout:
    pagesize: tuple[float, float]
    x: float  # slip box: left, top, width, height (points)
    top: float
    width: float
    height: float
    col_w: tuple[float, float, float, float]  # label, value, label, value
    union_size: float
    title_size: float
    small_size: float
    label_size: float
    value_size: float
    header_h: float  # from the box top to the table top
    sign_h: float  # from the table bottom to the box bottom
    min_row_h: float
    cut_line_y: float | None = None  # half-A4: the dashed line to cut along
    sign_columns: bool = False  # half-A4: signatures and the union/date side by side


LAYOUTS = {
    "A5": PageLayout(
        pagesize=A5,
        x=12 * mm,
        top=A5[1] - 11 * mm,
        width=A5[0] - 24 * mm,
        height=A5[1] - 21 * mm,
        col_w=(24 * mm, 42 * mm, 22 * mm, 36 * mm),
        union_size=11,
        title_size=18,
        small_size=9,
        label_size=9,
        value_size=10,
        header_h=25 * mm,
        sign_h=42 * mm,
        min_row_h=7 * mm,
    ),
    "half-A4": PageLayout(
        pagesize=A4,
        x=14 * mm,
        top=A4[1] - 9 * mm,
        width=A4[0] - 28 * mm,
        height=A4[1] / 2 - 17 * mm,
        col_w=(26 * mm, 68 * mm, 24 * mm, 64 * mm),
        union_size=10.5,
        title_size=16,
        small_size=9,
        label_size=9,
        value_size=10,
        header_h=21 * mm,
        sign_h=24 * mm,
        min_row_h=5.6 * mm,
        cut_line_y=A4[1] / 2,
        sign_columns=True,
    ),
}

PAD_X = 1.8 * mm
LEADING = 1.3
MIN_VALUE_SIZE = 7.5


class _Widths:
    """Per-character width cache: wrapping measures each character once per font size."""

    def __init__(self, font: str):
        self.font = font
        self.cache: dict[float, dict[str, float]] = {}

    def text(self, text: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.font, size)

    def char(self, ch: str, size: float) -> float:
        table = self.cache.setdefault(size, {})
        w = table.get(ch)
        if w is None:
            w = table[ch] = pdfmetrics.stringWidth(ch, self.font, size)
        return w

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            if self.text(para, size) <= width:
                lines.append(para)
                continue
            cur, cur_w = "", 0.0
            for ch in para:
                w = self.char(ch, size)
                if cur and cur_w + w > width and ch not in _NO_LINE_START:
                    lines.append(cur)
                    cur, cur_w = "", 0.0
                    if ch == " ":
                        continue
                cur += ch
                cur_w += w
            lines.append(cur)
        return lines


@dataclass
class _Placed:
    x: float
    w: float
    lines: list[str]
    size: float
    label: bool


def _fit(cell: Cell, width: float, base: float, widths: _Widths, max_lines: int) -> tuple[list[str], float]:
    """Lines and font size of a cell: one line at `base`; else one line a little smaller (down to
    a readable floor); else wrapped, shrinking until `max_lines` lines hold it; else cut with '…'."""
    inner = width - 2 * PAD_X
    text = cell.text or ""
    if "\n" not in text:
        full = widths.text(text, base)
        if full <= inner:
            return [text], base
        shrunk = base * inner / full - 0.05
        if cell.nowrap or shrunk >= (7.5 if cell.label else 8.5):
            return [text], shrunk
    size = base
    while True:
        lines = widths.wrap(text, size, inner)
        if len(lines) <= max_lines or size <= MIN_VALUE_SIZE:
            break
        size -= 0.5
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and widths.text(last + "…", size) > inner:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines, size


def _layout_table(slip: Slip, lay: PageLayout, widths: _Widths, avail_h: float):
    """Rows of placed cells and their heights, stretched to fill `avail_h` exactly."""
    col_w = lay.col_w
    max_lines = 4
    while True:
        placed_rows: list[list[_Placed]] = []
        heights: list[float] = []
        for row in slip.rows:
            x, col = lay.x, 0
            cells = []
            need = lay.min_row_h
            for cell in row:
                span = cell.span if cell.span > 1 else 1
                w = sum(col_w[col : col + span])
                base = lay.label_size if cell.label else lay.value_size
                lines, size = _fit(cell, w, base, widths, max_lines)
                cells.append(_Placed(x, w, lines, size, cell.label))
                n = max(len(lines), cell.min_lines)
                need = max(need, n * size * LEADING + 2.2 * mm)
                x += w
                col += span
            placed_rows.append(cells)
            heights.append(need)
        total = sum(heights)
        if total <= avail_h or max_lines == 1:
            break
        max_lines -= 1
    extra = max(0.0, avail_h - total) / len(heights)
    return placed_rows, [h + extra for h in heights]


# --- drawing ------------------------------------------------------------------------------------


def _stamp(c, font: str, x: float, y: float, text: str, size: float = 13) -> None:
    """A red boxed stamp whose left-bottom corner is (x, y)."""
    w = pdfmetrics.stringWidth(text, font, size) + 4 * mm
    h = size + 2.6 * mm
    c.saveState()
    c.setStrokeColor(common.STAMP_RED)
    c.setFillColor(common.STAMP_RED)
    c.setLineWidth(1.4)
    c.roundRect(x, y, w, h, 1.2 * mm, stroke=1, fill=0)
    c.setFont(font, size)
    c.drawString(x + 2 * mm, y + 1.3 * mm + size * 0.14, text)
    c.restoreState()


def _void_watermark(c, font: str, cx: float, cy: float, size: float) -> None:
    c.saveState()
    c.translate(cx, cy)
    c.rotate(28)
    c.setFillColor(common.STAMP_RED, alpha=0.16)
    c.setFont(font, size)
    c.drawCentredString(0, -size * 0.35, VOID_MARK)
    c.restoreState()


def _signature(c, font: str, size: float, x: float, y: float, label: str, line_w: float) -> float:
    """'label：' followed by a rule to sign on; returns the x after the rule."""
    text = label + "："
    c.drawString(x, y, text)
    x1 = x + pdfmetrics.stringWidth(text, font, size) + 0.5 * mm
    c.line(x1, y - 1.2, x1 + line_w, y - 1.2)
    return x1 + line_w


class _Fonts:
    """setFont only when the size changes (each call writes a BT…ET block into the page)."""

    def __init__(self, c, font: str):
        self.c, self.font, self.size = c, font, None

    def use(self, size: float) -> None:
        if size != self.size:
            self.c.setFont(self.font, size)
            self.size = size

    def reset(self) -> None:
        self.size = None


def _sign_ys(lay: PageLayout, table_bottom: float) -> tuple[float, float, float, float]:
    """Baselines below the table: signature line 1, line 2, the union's name, the date."""
    if lay.sign_columns:
        y1 = table_bottom - 8 * mm
        y2 = y1 - 8.5 * mm
        return y1, y2, y2, y2 - 6 * mm
    y1 = table_bottom - 8.5 * mm
    y2 = y1 - 9 * mm
    return y1, y2, y2 - 11 * mm, y2 - 17.5 * mm


def _draw_form(c, slip: Slip, lay: PageLayout, font: str, rows, heights) -> None:
    """What slips of one shape share: header, title, grid, labels, signature lines, cut line."""
    x0, top, width = lay.x, lay.top, lay.width
    right = x0 + width
    cx = x0 + width / 2
    c.setFillColor(colors.black)
    c.setFont(font, lay.union_size)
    c.drawCentredString(cx, top - lay.union_size, slip.union)
    title_y = top - lay.union_size - 3.5 * mm - lay.title_size
    common.draw_bold_centred(c, cx, title_y, slip.title, font, lay.title_size, stroke=0.45)

    table_top = top - lay.header_h
    table_bottom = table_top - sum(heights)
    c.setLineWidth(0.6)
    fonts = _Fonts(c, font)
    y = table_top
    for cells, h in zip(rows, heights):
        bottom = y - h
        if bottom > table_bottom + 0.1:
            c.line(x0, bottom, right, bottom)
        for cell in cells[1:]:
            c.line(cell.x, y, cell.x, bottom)
        mid = y - h / 2
        for cell in cells:
            if cell.label:
                lead = cell.size * LEADING
                base_y = mid + (len(cell.lines) - 1) * lead / 2 - cell.size * 0.36
                fonts.use(cell.size)
                for line in cell.lines:
                    c.drawCentredString(cell.x + cell.w / 2, base_y, line)
                    base_y -= lead
        y = bottom
    c.setLineWidth(1.2)
    c.rect(x0, table_bottom, width, table_top - table_bottom, stroke=1, fill=0)

    size = lay.value_size
    c.setFont(font, size)
    c.setLineWidth(0.5)
    y1, y2, union_y, _date_y = _sign_ys(lay, table_bottom)
    if lay.sign_columns:
        end = _signature(c, font, size, x0, y1, slip.recipient_label, 30 * mm)
        c.drawString(end + 5 * mm, y1, "日期：" + common.BLANK_DATE)
        end = _signature(c, font, size, x0, y2, "经办人", 30 * mm)
        _signature(c, font, size, end + 5 * mm, y2, "工会主席", 28 * mm)
    else:
        end = _signature(c, font, size, x0, y1, slip.recipient_label, 28 * mm if len(slip.recipient_label) < 8 else 20 * mm)
        c.drawString(end + 3 * mm, y1, "日期：" + "　　年　　月　　日")
        end = _signature(c, font, size, x0, y2, "经办人", 28 * mm)
        _signature(c, font, size, end + 8 * mm, y2, "工会主席", 28 * mm)
    c.drawRightString(right, union_y, slip.union)

    if lay.cut_line_y is not None:
        c.saveState()
        c.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
        c.setFillColor(colors.Color(0.45, 0.45, 0.45))
        c.setLineWidth(0.5)
        c.setDash(4, 3)
        text = "沿此虚线裁开"
        c.setFont(font, 8)
        tw = pdfmetrics.stringWidth(text, font, 8) + 4 * mm
        page_w = lay.pagesize[0]
        c.line(6 * mm, lay.cut_line_y, page_w / 2 - tw / 2, lay.cut_line_y)
        c.line(page_w / 2 + tw / 2, lay.cut_line_y, page_w - 6 * mm, lay.cut_line_y)
        c.drawCentredString(page_w / 2, lay.cut_line_y - 2.8, text)
        c.restoreState()


def _form_key(slip: Slip, rows, heights) -> tuple:
    shape = tuple(
        tuple((round(cell.x, 2), round(cell.w, 2), cell.label, tuple(cell.lines) if cell.label else (), cell.size if cell.label else 0)
              for cell in cells)
        for cells in rows
    )
    return (slip.title, slip.union, slip.recipient_label, tuple(round(h, 3) for h in heights), shape)


def _draw_values(c, slip: Slip, lay: PageLayout, font: str, rows, heights) -> None:
    """What differs from slip to slip: serial, stamps, the values, the date, the watermark."""
    x0, top, width = lay.x, lay.top, lay.width
    right = x0 + width
    cx = x0 + width / 2
    fonts = _Fonts(c, font)
    c.setFillColor(colors.black)
    serial_y = top - lay.header_h + 2.2 * mm
    fonts.use(lay.small_size)
    c.drawRightString(right, serial_y, f"编号：{slip.serial}")
    if slip.reprint and slip.first_printed:
        c.drawString(x0, serial_y, f"首次打印：{slip.first_printed}")

    table_top = top - lay.header_h
    y = table_top
    for cells, h in zip(rows, heights):
        mid = y - h / 2
        for cell in cells:
            if cell.label:
                continue
            lead = cell.size * LEADING
            base_y = mid + (len(cell.lines) - 1) * lead / 2 - cell.size * 0.36
            for line in cell.lines:
                if line:
                    fonts.use(cell.size)
                    c.drawString(cell.x + PAD_X, base_y, line)
                base_y -= lead
        y -= h
    table_bottom = y

    fonts.use(lay.value_size)
    c.drawRightString(right, _sign_ys(lay, table_bottom)[3], slip.date_text)

    title_y = top - lay.union_size - 3.5 * mm - lay.title_size
    title_half = pdfmetrics.stringWidth(slip.title, font, lay.title_size) / 2
    if slip.voided:
        _stamp(c, font, cx - title_half - 24 * mm, title_y - 2.2 * mm, VOID_MARK)
        _void_watermark(c, font, cx, (table_top + table_bottom) / 2, min(width, table_top - table_bottom) * 0.42)
    if slip.reprint:
        _stamp(c, font, cx + title_half + 8 * mm, title_y - 2.2 * mm, REPRINT_MARK)


class SlipRenderer:
    """Draws slips one per page; the parts slips of one shape share go into a PDF form
    (XObject) drawn once and placed on every page that needs it."""

    def __init__(self, c, font: str, size: str = DEFAULT_SLIP_SIZE, use_forms: bool = True):
        if size not in LAYOUTS:
            raise ValidationError(f"不支持的记录单尺寸：{size}（可选：{'、'.join(SLIP_SIZES)}）", field="slip_size")
        self.c = c
        self.font = font
        self.lay = LAYOUTS[size]
        self.widths = _Widths(font)
        self.forms: dict[tuple, str] = {}
        self.use_forms = use_forms

    def page(self, slip: Slip) -> None:
        c, lay = self.c, self.lay
        avail = lay.height - lay.header_h - lay.sign_h
        rows, heights = _layout_table(slip, lay, self.widths, avail)
        if not self.use_forms:
            _draw_form(c, slip, lay, self.font, rows, heights)
            _draw_values(c, slip, lay, self.font, rows, heights)
            c.showPage()
            return
        key = _form_key(slip, rows, heights)
        name = self.forms.get(key)
        if name is None:
            name = self.forms[key] = f"UDSlip{len(self.forms)}"
            c.beginForm(name)
            _draw_form(c, slip, lay, self.font, rows, heights)
            c.endForm()
        c.doForm(name)
        _draw_values(c, slip, lay, self.font, rows, heights)
        c.showPage()


def draw_slip(c, slip: Slip, lay: PageLayout, font: str, widths: _Widths) -> None:
    """One slip on the current page, without forms (for callers drawing their own pages)."""
    avail = lay.height - lay.header_h - lay.sign_h
    rows, heights = _layout_table(slip, lay, widths, avail)
    _draw_form(c, slip, lay, font, rows, heights)
    _draw_values(c, slip, lay, font, rows, heights)


def render_slips(slips: list[Slip], filename, *, font: str, size: str = DEFAULT_SLIP_SIZE,
                 canvas_factory=None, use_forms: bool = True) -> int:
    """Draw `slips` one per page into `filename` (a path or an open binary file); returns the page
    count. No database access.

    `use_forms=False` draws everything on every page (the benchmark records its strings so)."""
    if size not in LAYOUTS:
        raise ValidationError(f"不支持的记录单尺寸：{size}（可选：{'、'.join(SLIP_SIZES)}）", field="slip_size")
    make = canvas_factory or common.make_canvas
    c = make(filename, font, LAYOUTS[size].pagesize)
    first = slips[0]
    c.setTitle(f"{first.title} {first.serial}" if len(slips) == 1 else f"走访慰问记录单（{len(slips)} 张）")
    c.setAuthor(first.union)
    renderer = SlipRenderer(c, font, size, use_forms=use_forms)
    for slip in slips:
        renderer.page(slip)
    c.save()
    return len(slips)


# --- public -------------------------------------------------------------------------------------


def print_visit_slips(visit_ids: Iterable[int], path, *, size: str | None = None, mark: bool = True) -> common.PrintedPdf:
    """Print the slips of `visit_ids` (one per page, in that order) into the PDF `path`.

    After the file is written, each visit that is not voided is recorded as printed
    (`visits.mark_printed_many`: the audit rows of `mark_printed`, in one transaction); a visit
    printed before shows 补打. Nothing is recorded when the file cannot be written.

    `mark=False` writes a PDF for the print preview only: nothing is recorded, since the slip's
    amount is fixed only once it goes to a printer or is saved (`mark_slips_printed` then).
    """
    size = size or slip_size()
    if size not in LAYOUTS:
        raise ValidationError(f"不支持的记录单尺寸：{size}（可选：{'、'.join(SLIP_SIZES)}）", field="slip_size")
    chosen = load_visits(visit_ids)
    font, description = common.chinese_font()
    slips = slips_for(chosen)
    target = common.write_pdf_atomic(path, lambda tmp: render_slips(slips, tmp, font=font, size=size))
    if mark:
        _mark(chosen)
    return common.PrintedPdf(
        path=target,
        pages=len(slips),
        font=description,
        reprints=[s.serial for s in slips if s.reprint],
        voided=[s.serial for s in slips if s.voided],
        items=len(slips),
    )


def print_visit_slip(visit_id: int, path, *, size: str | None = None, mark: bool = True) -> common.PrintedPdf:
    """Print one visit's slip (`union-desk print visit VISIT_ID -o FILE.pdf`: a saved PDF, so it
    is recorded as printed)."""
    return print_visit_slips([visit_id], path, size=size, mark=mark)


def _mark(chosen: list[Visit]) -> None:
    from union_desk.services import visits as visit_service

    visit_service.mark_printed_many([v for v in chosen if not v.voided])


def mark_slips_printed(visit_ids: Iterable[int]) -> None:
    """Record the slips of `visit_ids` as printed (not the voided ones; a slip printed before
    keeps its first time): the print preview calls this when the job went to the printer or the
    PDF was saved."""
    _mark(load_visits(visit_ids))


__all__ = [
    "SLIP_SIZES",
    "Slip",
    "is_condolence",
    "load_visits",
    "mark_slips_printed",
    "print_visit_slip",
    "print_visit_slips",
    "render_slips",
    "slip_for",
    "slip_size",
    "slips_for",
]
