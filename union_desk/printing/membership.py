"""Printouts of 会籍与会费 (issue 20):

    print_join_form(member_id, path, staff_id=None)   # 入会申请书, filled from the archive, for signing
    print_member_register(member_id, path)            # 工会会员登记表 with the membership history
    print_transfer_letter(member_id, path)            # 工会会员组织关系介绍信 with its 存根 (latest 转出)
    print_dues_sheet(period, path)                    # 会费收缴登记表 of a period, for signing
    print_dues_receipt(payment_id, path)              # 会费收据 of a cash payment: 存根 and 交缴费人

入会申请书 and 工会会员登记表 are one-page A4 forms (printing.forms: measured so that they never
spill onto a second page; the ruled writing area / the blank history rows stretch to fill the
page). The 会费收缴登记表 is an A4 sheet whose header row repeats on every page, with the totals,
the paid total in capitals, the collection rate and the lines for 收款人 / 审核人 at its end. The
介绍信 and the 收据 are drawn on the canvas: an A4 page cut in two along a dashed line — the 存根
above, kept by the union, the letter (the payer's receipt) below; the number is printed across the
cut (骑缝编号) so that the two halves can be matched.

The receipt is two copies on one page, not a single slip: a cash receipt is a numbered money
document, and the union must keep a counterpart of every number it hands out (经审 checks that the
receipt numbers run without gaps); printing both halves at once gives the same number, amount and
date on both without carbon paper, and the payer signs the 存根.

The data is read through services.membership and services.dues (a 转出 without a letter number is
numbered by `transfer_letter_event` when its letter is first printed). Printed text is never below 9 pt.
Files are written atomically (common.write_pdf_atomic).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from union_desk.db.membership_models import DuesPayment, MembershipEvent, NonMemberStaff
from union_desk.db.models import Member
from union_desk.domain import idcard
from union_desk.domain import membership as rules
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import common, forms
from union_desk.printing.activity_sheets import sheet_header, sheet_table
from union_desk.printing.forms import BASE, CONTENT_W, LABEL_BG, MIN_PT
from union_desk.printing.funds import capitals_text, money_text
from union_desk.services import dues, membership

JOIN_TITLE = "入会申请书"
REGISTER_TITLE = "工会会员登记表"
LETTER_TITLE = "工会会员组织关系介绍信"
SHEET_TITLE = "会费收缴登记表"
RECEIPT_TITLE = "会费收据"
JOIN_SENTENCE = ("本人自愿加入中华全国总工会，承认《中国工会章程》，遵守工会章程，执行工会决议，"
                 "积极参加工会组织的活动，按期缴纳会费，履行会员义务。")
STAMP_ROOM = "（盖章）"
MUTED = colors.Color(0.35, 0.35, 0.35)
RED = common.STAMP_RED
LINE_GREY = colors.Color(0.55, 0.55, 0.55)
GAP = "\u00a0" * 4  # a Paragraph collapses ordinary and ideographic spaces, not no-break ones
CUT_TEXT = "沿此虚线裁开"


# --- loading and formatting -------------------------------------------------------------------------


def _number(value, label: str):
    """An id given as a number or a string from the CLI; anything else → NotFoundError."""
    if hasattr(value, "id") and not isinstance(value, (str, int)):
        return value.id
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise NotFoundError(f"找不到编号为 {value} 的{label}") from None


def _member(member_id) -> Member:
    if isinstance(member_id, Member):
        return member_id
    number = _number(member_id, "会员")
    member = Member.get_or_none(Member.id == number) if -2**63 <= number < 2**63 else None
    if member is None:
        raise NotFoundError(f"找不到编号为 {member_id} 的会员")
    return member


def _staff(staff_id) -> NonMemberStaff:
    if isinstance(staff_id, NonMemberStaff):
        return staff_id
    return membership.get_staff(_number(staff_id, "非会员教职工"))


def _birth(person) -> dt.date | None:
    if person.birth_date:
        return person.birth_date
    try:
        return idcard.parse_id(person.id_number).birth_date if person.id_number else None
    except Exception:  # noqa: BLE001 - an unreadable number prints no birth date
        return None


def _month(day) -> str:
    return f"{day.year}年{day.month}月" if day else ""


def _age(birth: dt.date | None, day: dt.date) -> str:
    if not birth:
        return ""
    return str(day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day)))


def _live_events(member: Member) -> list[MembershipEvent]:
    return membership.events_of(member, include_voided=False)


def _join_event(member: Member) -> MembershipEvent | None:
    joins = [e for e in _live_events(member) if e.kind == "入会"]
    return joins[-1] if joins else None


def _card_number(member: Member) -> str:
    """会员证号: from the latest 入会 event, else any event that carries one (a 转入 keeps the card)."""
    join = _join_event(member)
    if join and join.card_number:
        return join.card_number
    for event in reversed(_live_events(member)):
        if event.card_number:
            return event.card_number
    return ""


def paid_up_to(member: Member) -> dt.date | None:
    """The last day of the latest period the member has paid (voided payments left out)."""
    last = None
    for payment in DuesPayment.select().where((DuesPayment.member == member) & ~DuesPayment.voided):
        try:
            period = rules.parse_period(payment.period)
        except ValueError:
            continue
        if last is None or period.last > last:
            last = period.last
    return last


def _rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{rate}%"


def _p(text, style) -> Paragraph:
    return Paragraph(common.esc("" if text is None else text), style)


# --- shared flowables -------------------------------------------------------------------------------


class RuledText(Flowable):
    """Text set on ruled lines, like writing paper: the first line indented two characters, then
    empty rules down to `height` (for the applicant to write on)."""

    def __init__(self, font: str, text: str, size: float, height: float, pitch: float = 9 * mm):
        super().__init__()
        self.font, self.text, self.size, self.box_h, self.pitch = font, text, size, height, pitch

    def lines(self, width: float) -> list[str]:
        lines, line, room = [], "\u3000\u3000", width
        for ch in self.text:
            if (pdfmetrics.stringWidth(line + ch, self.font, self.size) > room
                    and ch not in "，。；：、）》”！？"):  # punctuation hangs rather than open a line
                lines.append(line)
                line = ""
            line += ch
        if line:
            lines.append(line)
        return lines

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        needed = len(self.lines(avail_width - self.size)) * self.pitch
        self.drawn_h = max(self.box_h, needed)
        self.drawn_h = self.pitch * max(1, int(self.drawn_h / self.pitch + 0.001))
        return avail_width, self.drawn_h

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setStrokeColor(LINE_GREY)
        canv.setLineWidth(0.5)
        rows = int(self.drawn_h / self.pitch + 0.001)
        text = self.lines(self.width - self.size)
        for r in range(rows):
            y = self.drawn_h - (r + 1) * self.pitch
            canv.line(0, y, self.width, y)
            if r < len(text):
                canv.drawString(0, y + self.size * 0.32, text[r])
        canv.restoreState()


class SealDate(Flowable):
    """'‹body›（盖章）' over a date (a blank '　年　月　日' by default), flush right, room for the stamp."""

    def __init__(self, font: str, body: str = "", date: str = "", size: float = BASE):
        super().__init__()
        self.font, self.body, self.size = font, body, size
        self.date = date or "年　　月　　日"

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 3.6

    def draw(self):
        canv, size = self.canv, self.size
        right = self.width - 6 * mm
        canv.saveState()
        canv.setFont(self.font, size)
        canv.setFillColor(colors.black)
        body_w = pdfmetrics.stringWidth(self.body, self.font, size)
        stamp_w = pdfmetrics.stringWidth(STAMP_ROOM, self.font, size)
        date_w = pdfmetrics.stringWidth(self.date, self.font, size)
        top_w = body_w + stamp_w
        centre = right - max(top_w, date_w) / 2
        x = centre - top_w / 2
        canv.drawString(x, size * 2.1, self.body)
        canv.setFillColor(MUTED)
        canv.drawString(x + body_w, size * 2.1, STAMP_ROOM)
        canv.setFillColor(colors.black)
        canv.drawString(centre - date_w / 2, size * 0.4, self.date)
        canv.restoreState()


def _fill_line(font: str, parts: list[tuple[str, str, float]], size: float = BASE) -> Table:
    """'批准日期：2026年9月1日　会员证号：______': (label, value, rule length) in a row; the value
    sits on its rule (written in when known, blank to fill in by hand)."""
    row, widths = [], []
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ]
    for label, value, line in parts:
        row += [f"{label}：", value, ""]
        widths += [pdfmetrics.stringWidth(f"{label}：", font, size) + 1,
                   max(line, pdfmetrics.stringWidth(value, font, size) + 4), 8 * mm]
        style.append(("LINEBELOW", (len(row) - 2, 0), (len(row) - 2, 0), 0.6, colors.black))
    table = Table([row], colWidths=widths, rowHeights=[size * 2.0], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


# --- 入会申请书 ----------------------------------------------------------------------------------------

FORM_W = [20 * mm, 30 * mm, 20 * mm, 30 * mm, 20 * mm, 32 * mm, 28 * mm]  # label / value pairs, then 照片
WRITE_MIN = 62 * mm  # the ruled writing area at least
GROUP_MIN = 30 * mm
UNION_MIN = 44 * mm


def _applicant(member: Member | None, staff: NonMemberStaff | None) -> dict:
    """The applicant's details from the member archive, or from a non-member staff record."""
    if member is not None:
        join = _join_event(member)
        return {
            "name": member.name, "sex": member.sex, "birth": _month(_birth(member)), "ethnicity": member.ethnicity,
            "political": member.political_status, "education": member.education, "id": member.id_number or "",
            "phone": member.phone, "department": member.department, "post": member.post, "title": member.title,
            "employment": member.employment_type, "work_start": _month(member.work_start_date), "start_label": "参加工作\n时间",
            "applied": join.application_date if join else None,
            "approved": (join.approval_date or join.date) if join else None,
            "card": _card_number(member),
        }
    return {
        "name": staff.name, "sex": staff.sex, "birth": _month(_birth(staff)), "ethnicity": "", "political": "",
        "education": "", "id": staff.id_number or "", "phone": staff.phone, "department": staff.department,
        "post": staff.post, "title": "", "employment": staff.employment_type, "work_start": _month(staff.start_date),
        "start_label": "入职时间",
        "applied": None, "approved": None, "card": "",
    }


def _join_form(a: dict, font: str, st: dict, union: str) -> Callable:
    """`make(size, sentence, extra)` of the 入会申请书 (see forms.fitted_page): `extra` lengthens
    the ruled writing area so that the form fills the page."""
    L = lambda text: forms.label(st, text)  # noqa: E731
    V = lambda text: _p(text, st["cell_center"])  # noqa: E731
    details = [
        [L("姓名"), V(a["name"]), L("性别"), V(a["sex"]), L("出生年月"), V(a["birth"]), _p("照片", st["small_center"])],
        [L("民族"), V(a["ethnicity"]), L("政治面貌"), V(a["political"]), L("文化程度"), V(a["education"]), ""],
        [L("身份证号"), V(a["id"]), "", "", L("联系电话"), V(a["phone"]), ""],
        [L("工作部门"), V(a["department"]), L("职务/岗位"), V(a["post"]), L("用工形式"), V(a["employment"]), ""],
        [L(a["start_label"]), V(a["work_start"]), L("职称"), V(a["title"]), L("申请日期"),
         V(common.fmt_date(a["applied"])), ""],
    ]
    spans = [((6, 0), (6, 3)), ((1, 2), (3, 2)), ((5, 4), (6, 4))]
    n = len(details)
    signed = common.fmt_date(a["applied"]) if a["applied"] else ""

    def make(size: float, sentence: str, extra: float) -> list:
        write = [RuledText(font, sentence, 12, WRITE_MIN + extra),
                 Spacer(1, 3 * mm), forms.Rule(font, [("申请人签名：", 32 * mm)], date=signed)]
        group = [Spacer(1, GROUP_MIN - BASE * 1.9 - 10), forms.Rule(font, [("工会小组长签名：", 30 * mm)])]
        card = a["card"]
        approved = common.fmt_date(a["approved"]) if a["approved"] else ""
        union_box = [
            Spacer(1, 12 * mm),
            _fill_line(font, [("批准日期", approved, 36 * mm), ("会员证号", card, 40 * mm)]),
            Spacer(1, UNION_MIN - 12 * mm - BASE * 2 - BASE * 3.6 - 14),
            SealDate(font, f"{union}"),
        ]
        rows = [
            *details,
            [L("入会申请"), write, "", "", "", "", ""],
            [L("工会小组\n意见"), group, "", "", "", "", ""],
            [L("基层工会\n委员会\n审批意见"), union_box, "", "", "", "", ""],
        ]
        all_spans = spans + [((1, r), (6, r)) for r in range(n, n + 3)]
        labels = [(c, r) for r in range(len(rows)) for c in (0, 2, 4)
                  if isinstance(rows[r][c], Paragraph) and rows[r][c].style is st["label_small"]]
        table = Table(rows, colWidths=FORM_W, rowHeights=[11 * mm] * n + [None] * 3)
        table.setStyle(forms.form_style(font, all_spans, labels, top=4, bottom=5, extra=[
            ("TEXTCOLOR", (6, 0), (6, 0), MUTED),
            ("VALIGN", (1, n), (1, n), "TOP"),
            ("TOPPADDING", (1, n), (1, n), 6),
            ("LEFTPADDING", (1, n), (1, n), 8), ("RIGHTPADDING", (1, n), (1, n), 8),
            ("VALIGN", (1, n + 1), (1, n + 2), "BOTTOM"),
            ("RIGHTPADDING", (1, n + 1), (1, n + 1), 8),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ]))
        return [*forms.header(font, st, union, JOIN_TITLE), Spacer(1, 1 * mm), table]

    return make


def print_join_form(member_id, path, staff_id=None) -> common.PrintedPdf:
    """入会申请书 of a member (filled from the archive), or — `member_id` None and `staff_id` given —
    of a member of staff who is not yet in the union (a joined staff record prints its member):
    the applicant's details, the standard sentence on ruled lines, the applicant's signature and
    date, 工会小组意见, and 基层工会委员会审批意见 with 批准日期 and 会员证号 (from the 入会 event)."""
    member, staff = None, None
    if member_id not in (None, ""):
        member = _member(member_id)
    elif staff_id not in (None, ""):
        staff = _staff(staff_id)
        if staff.member_id:
            member, staff = staff.member, None
    else:
        raise ValidationError("请指定会员或非会员教职工", field="member")
    applicant = _applicant(member, staff)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    make = _join_form(applicant, font, st, union)
    return forms.write_forms(path, [(make, JOIN_SENTENCE)], "", font, description,
                             f"{JOIN_TITLE}（{applicant['name']}）", union, items=1)


# --- 工会会员登记表 ------------------------------------------------------------------------------------

HISTORY_HEAD = ("日期", "变动类型", "对方工会", "介绍信编号", "备注")
HISTORY_W = [24 * mm, 18 * mm, 60 * mm, 26 * mm, 52 * mm]
HISTORY_ROW = 8 * mm
HISTORY_BLANK_MIN = 2


def _event_note(event: MembershipEvent) -> str:
    parts = []
    if event.kind == "入会":
        if event.application_date:
            parts.append(f"申请{event.application_date:%Y-%m-%d}")
        if event.approval_date:
            parts.append(f"批准{event.approval_date:%Y-%m-%d}")
        if event.card_number:
            parts.append(f"会员证号{event.card_number}")
    if event.reason:
        parts.append(event.reason)
    if event.note:
        parts.append(event.note)
    if event.backfilled:
        parts.append("补记")
    return "；".join(parts)


def _status_text(member: Member) -> str:
    """'在职', or '调出（2026年11月20日）' with the day the status began."""
    if member.status_date and member.status != "在职":
        return f"{member.status}（{common.fmt_date(member.status_date)}）"
    return member.status


def _register_form(member: Member, events: list[MembershipEvent], dropped: int, font: str, st: dict,
                   union: str) -> Callable:
    L = lambda text: forms.label(st, text)  # noqa: E731
    V = lambda text: _p(text, st["cell_center"])  # noqa: E731
    birth = _birth(member)
    details = [
        [L("姓名"), V(member.name), L("性别"), V(member.sex), L("民族"), V(member.ethnicity), _p("照片", st["small_center"])],
        [L("出生日期"), V(common.fmt_date(birth)), L("政治面貌"), V(member.political_status), L("学历"),
         V(member.education), ""],
        [L("身份证号"), V(member.id_number or ""), "", "", L("联系电话"), V(member.phone), ""],
        [L("部门"), V(member.department), L("职务"), V(member.post), L("职称"), V(member.title), ""],
        [L("用工形式"), V(member.employment_type), L("参加工作\n时间"), V(common.fmt_date(member.work_start_date)),
         L("入会时间"), V(common.fmt_date(member.joined_union_date)), ""],
        [L("会员证号"), V(_card_number(member)), "", "", L("会员状态"), V(_status_text(member)), ""],
        [L("工会小组"), V(member.union_group), L("工会职务"), V("、".join(r for r in (member.union_roles or "").split(",") if r)),
         "", "", ""],
    ]
    spans = [((6, 0), (6, 4)), ((1, 2), (3, 2)), ((1, 5), (3, 5)), ((5, 5), (6, 5)), ((3, 6), (6, 6))]
    labels = [(c, r) for r in range(len(details)) for c in (0, 2, 4) if isinstance(details[r][c], Paragraph)]
    top = Table(details, colWidths=FORM_W, rowHeights=[11 * mm] * len(details))
    top.setStyle(forms.form_style(font, spans, labels, top=3, bottom=3, extra=[
        ("TEXTCOLOR", (6, 0), (6, 0), MUTED), ("BOX", (0, 0), (-1, -1), 1.2, colors.black)]))
    cell = st["cell"]
    center = st["cell_center"]
    history = [[_p("会 籍 变 动 记 录", st["label"]), "", "", "", ""],
               [_p(h, st["head"]) for h in HISTORY_HEAD]]
    if dropped:  # the earlier events first: the note stands where they would be
        history.append([_p(f"（另有 {dropped} 条较早的记录，见会籍变动台账）", cell), "", "", "", ""])
    for e in events:
        history.append([_p(f"{e.date:%Y-%m-%d}", center), _p(e.kind, center), _p(e.other_union, cell),
                        _p(e.letter_number, center), _p(_event_note(e), cell)])
    filled = len(history)

    def make(size: float, _text: str, extra: float) -> list:
        blanks = HISTORY_BLANK_MIN + int(extra / HISTORY_ROW)
        data = history + [[""] * 5 for _ in range(blanks)]
        heights = [None] * filled + [HISTORY_ROW] * blanks
        table = Table(data, colWidths=HISTORY_W, rowHeights=heights)
        style = common.grid_style(font, header_rows=0) + [
            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), LABEL_BG),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ]
        if dropped:
            style.append(("SPAN", (0, 2), (-1, 2)))
        table.setStyle(TableStyle(style))
        notes = Table([[L("备注"), _p(member.notes, st["cell"])]], colWidths=[FORM_W[0], CONTENT_W - FORM_W[0]],
                      rowHeights=[16 * mm])
        notes.setStyle(forms.form_style(font, [], [(0, 0)], extra=[("VALIGN", (1, 0), (1, 0), "TOP"),
                                                                  ("BOX", (0, 0), (-1, -1), 1.2, colors.black)]))
        return [
            *forms.header(font, st, union, REGISTER_TITLE),
            common.info_line(font, st, f"填表单位：{union}", f"填表日期：{GAP}{GAP}年{GAP}月{GAP}日",
                             [CONTENT_W * 0.65, CONTENT_W * 0.35]),
            top, table, notes,
            Spacer(1, 5 * mm),
            common.signature_row(font, ("填表人", "审核人"), CONTENT_W),
            Spacer(1, 2 * mm),
            SealDate(font, union, " "),
        ]

    return make


def print_member_register(member_id, path) -> common.PrintedPdf:
    """工会会员登记表 (one A4 page): the member's details in full (the union keeps it), 会员证号,
    the membership history (日期, 变动类型, 对方工会, 介绍信编号, 备注) with blank rows to write on,
    and the lines for 填表人 / 审核人 and the union's stamp. A history too long for the page prints
    its latest events and says how many earlier ones are in the 会籍变动台账."""
    member = _member(member_id)
    events = _live_events(member)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    room = forms.FRAME_H - forms.SLACK
    dropped = 0
    make = _register_form(member, events, dropped, font, st, union)
    while dropped < len(events) and forms.height(make(BASE, "", 0)) > room:
        dropped += 1
        make = _register_form(member, events[dropped:], dropped, font, st, union)
    return forms.write_forms(path, [(make, "")], "", font, description, f"{REGISTER_TITLE}（{member.name}）",
                             union, items=1)


# --- 介绍信 ------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
L_MARGIN = 20 * mm
TEXT_W = PAGE_W - 2 * L_MARGIN
CUT_Y = PAGE_H - 102 * mm  # the cut between the 存根 and the letter
LETTER_SIZE = 12.5


def _u(value, blank: int = 6) -> str:
    """A filled-in blank: the value underlined ('' → an empty underlined gap to write in)."""
    text = common.esc(value) if value not in (None, "") else "\u00a0" * (blank * 4)  # ReportLab collapses U+3000
    return f"<u>\u00a0{text}\u00a0</u>"


def _fill(c, x: float, top: float, width: float, markup: str, style: ParagraphStyle) -> float:
    """A filled-in paragraph drawn with its top at `top`; returns its bottom."""
    para = Paragraph(markup, style)
    _w, h = para.wrap(width, PAGE_H)
    para.drawOn(c, x, top - h)
    return top - h


def _letter_facts(member: Member, event: MembershipEvent) -> dict:
    paid = paid_up_to(member)
    return {
        "number": event.letter_number, "name": member.name, "sex": member.sex,
        "age": _age(_birth(member), event.date), "id": member.id_number or "", "card": _card_number(member),
        "joined": common.fmt_date(member.joined_union_date), "to": "" if event.other_union == membership.UNKNOWN_UNION else event.other_union,  # unknown: a blank to fill in
        "paid": _month(paid), "date": common.fmt_date(event.date), "handler": event.handler,
    }


def _title(c, font: str, y: float, text: str, size: float = 18) -> None:
    common.draw_bold_centred(c, PAGE_W / 2, y, text, font, size, stroke=0.45)
    w = pdfmetrics.stringWidth(text, font, size)
    c.setLineWidth(0.6)
    c.line(PAGE_W / 2 - w / 2 - 5 * mm, y - 2.2 * mm, PAGE_W / 2 + w / 2 + 5 * mm, y - 2.2 * mm)
    c.line(PAGE_W / 2 - w / 2 - 5 * mm, y - 3.2 * mm, PAGE_W / 2 + w / 2 + 5 * mm, y - 3.2 * mm)


def _seal_block(c, font: str, right: float, y: float, union: str, date: str, size: float = LETTER_SIZE) -> None:
    """'‹union›（盖章）' and the date under it, flush right at `right`; the stamp goes over them."""
    c.setFont(font, size)
    body_w = pdfmetrics.stringWidth(union, font, size)
    stamp_w = pdfmetrics.stringWidth(STAMP_ROOM, font, size)
    date_w = pdfmetrics.stringWidth(date, font, size)
    width = max(body_w + stamp_w, date_w)
    centre = right - width / 2
    x = centre - (body_w + stamp_w) / 2
    c.setFillColor(colors.black)
    c.drawString(x, y, union)
    c.setFillColor(MUTED)
    c.drawString(x + body_w, y, STAMP_ROOM)
    c.setFillColor(colors.black)
    if date:
        c.drawCentredString(centre, y - size * 2.0, date)


def _draw_stub(c, font: str, f: dict, union: str, st: ParagraphStyle) -> None:
    top = PAGE_H - 14 * mm
    c.setFont(font, 11)
    c.drawCentredString(PAGE_W / 2, top - 11, union)
    _title(c, font, top - 12 * mm, f"{LETTER_TITLE}（存根）", 16)
    c.setFont(font, BASE)
    c.drawString(L_MARGIN, top - 22 * mm, "第一联　存根（由开具介绍信的工会留存）")
    c.setFillColor(RED)
    c.drawRightString(PAGE_W - L_MARGIN, top - 22 * mm, f"编号：{f['number']}")
    c.setFillColor(colors.black)
    text = (f"{_u(f['name'], 4)}同志，性别{_u(f['sex'], 1)}，年龄{_u(f['age'], 2)}岁，身份证号码{_u(f['id'], 9)}，"
            f"系中华全国总工会会员，会员证号{_u(f['card'], 6)}，{_u(f['joined'], 6)}入会，会费已缴至"
            f"{_u(f['paid'], 5)}。现转往{_u(f['to'], 10)}，其工会会员组织关系随转。")
    bottom = _fill(c, L_MARGIN, top - 26 * mm, TEXT_W, text, st)
    c.setFont(font, LETTER_SIZE)
    c.drawString(L_MARGIN, bottom - 9 * mm, f"经办人：{f['handler']}")
    _seal_block(c, font, PAGE_W - L_MARGIN, bottom - 9 * mm, union, f["date"])


def _draw_cut(c, font: str, y: float, number: str, size: float = 15) -> None:
    """The dashed cut line at `y`, the number printed across it (骑缝编号: the line runs through the
    middle of the figures, so that each half keeps a half of them)."""
    c.saveState()
    grey = colors.Color(0.45, 0.45, 0.45)
    c.setStrokeColor(grey)
    c.setLineWidth(0.6)
    c.setDash(4, 3)
    c.line(6 * mm, y, PAGE_W - 6 * mm, y)
    c.setDash()
    c.setFillColor(RED)
    c.setFont(font, size)
    c.drawCentredString(PAGE_W / 2, y - size * 0.36, number)
    c.setFillColor(grey)
    c.setFont(font, MIN_PT)
    c.drawString(8 * mm, y + 1.5 * mm, CUT_TEXT)
    c.drawRightString(PAGE_W - 8 * mm, y + 1.5 * mm, "骑缝编号")
    c.restoreState()


def _draw_letter(c, font: str, f: dict, union: str, st: ParagraphStyle) -> None:
    top = CUT_Y - 10 * mm
    c.setFont(font, 11)
    c.drawCentredString(PAGE_W / 2, top - 11, union)
    _title(c, font, top - 14 * mm, LETTER_TITLE, 18)
    c.setFont(font, BASE)
    c.drawString(L_MARGIN, top - 24 * mm, "第二联　介绍信（交接收单位工会）")
    c.setFillColor(RED)
    c.drawRightString(PAGE_W - L_MARGIN, top - 24 * mm, f"编号：{f['number']}")
    c.setFillColor(colors.black)
    plain = ParagraphStyle("UDLetterPlain", parent=st, firstLineIndent=0)
    y = _fill(c, L_MARGIN, top - 30 * mm, TEXT_W, f"{_u(f['to'], 12)}：", plain)
    body = (f"兹介绍{_u(f['name'], 4)}同志（性别{_u(f['sex'], 1)}，年龄{_u(f['age'], 2)}岁，身份证号码"
            f"{_u(f['id'], 9)}）前往你处接转工会会员组织关系。该同志系中华全国总工会会员，会员证号"
            f"{_u(f['card'], 6)}，于{_u(f['joined'], 6)}加入工会，会费已缴至{_u(f['paid'], 5)}。请予接转。")
    y = _fill(c, L_MARGIN, y - 1 * mm, TEXT_W, body, st)
    y = _fill(c, L_MARGIN, y - 1 * mm, TEXT_W, "此致", st)
    y = _fill(c, L_MARGIN, y, TEXT_W, "敬礼！", plain)
    _seal_block(c, font, PAGE_W - L_MARGIN, y - 14 * mm, union, f["date"])
    c.setFont(font, BASE)
    c.setFillColor(MUTED)
    c.drawString(L_MARGIN, y - 14 * mm - LETTER_SIZE * 2 - 16 * mm, "注：本介绍信自开具之日起三十日内有效。请接收单位工会接转后将会员组织关系登记入册。")
    c.setFillColor(colors.black)


def print_transfer_letter(member_id, path) -> common.PrintedPdf:
    """工会会员组织关系介绍信 of the member's latest 转出 (services.membership.transfer_letter_event):
    one A4 page, the 存根 above and the letter below a dashed cut line with the number across it.
    Both carry the number, the member's name, sex, age, ID number, 会员证号, 入会时间, the receiving
    union, the dues paid up to, the date, the union's name and the place for its stamp."""
    member = _member(member_id)
    event = membership.transfer_letter_event(member)  # none → ValidationError
    facts = _letter_facts(member, event)
    font, description = common.chinese_font()
    union = common.union_title()
    st = ParagraphStyle("UDLetter", fontName=font, fontSize=LETTER_SIZE, leading=LETTER_SIZE * 2.0,
                        firstLineIndent=LETTER_SIZE * 2, wordWrap="CJK", underlineWidth=0.6,
                        underlineOffset=-0.22 * LETTER_SIZE)
    title = f"{LETTER_TITLE} {facts['number']}"

    def build(tmp) -> None:
        c = common.make_canvas(tmp, font, A4)
        c.setTitle(title)
        c.setAuthor(union)
        _draw_stub(c, font, facts, union, st)
        _draw_cut(c, font, CUT_Y, f"第 {facts['number']} 号")
        _draw_letter(c, font, facts, union, st)
        c.showPage()
        c.save()

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=1, font=description, items=1)


# --- 会费收缴登记表 -----------------------------------------------------------------------------------

SHEET_HEAD = ("序号", "姓名", "部门", "缴费基数", "应缴", "实缴", "签名", "备注")
SHEET_W = [11 * mm, 19 * mm, 25 * mm, 21 * mm, 18 * mm, 18 * mm, 32 * mm, 36 * mm]
SHEET_ALIGN = "cclrrrcs"


def sheet_rows(rows: list[dues.DuesRow]) -> list[list[str]]:
    """序号, 姓名, 部门, 基数, 应缴, 实缴 (blank when nothing paid: written in on the day), 签名
    (blank), 备注 (免缴 and why, 未设缴费基数, paid with a longer period)."""
    body = []
    for number, r in enumerate(rows, start=1):
        owed = "—" if r.exempt_reason else ("" if r.base is None else money_text(r.owed))
        paid = money_text(r.paid) if r.paid else ""
        body.append([str(number), r.member.name, r.member.department, money_text(r.base), owed, paid, "", r.note])
    return body


def _sheet_notes(period, rows: list[dues.DuesRow], total: dues.DuesTotals) -> list[str]:
    no_base = sum(1 for r in rows if r.base is None and not r.exempt_reason)
    counts = [f"免缴{total.exempt}人"] + ([f"未设缴费基数{no_base}人"] if no_base else []) + [f"未缴足{total.unpaid}人"]
    rounding = rules.ROUNDINGS.get(dues.rounding(), ("",))[0]
    floor = "（不足十元部分不计）" if dues.floor_ten() else ""
    return [
        f"合计：应缴{money_text(total.owed)}元，实缴{money_text(total.paid)}元；"
        f"实缴金额（大写）：{capitals_text(total.paid)}。",
        f"本表共{total.members}人，其中{'、'.join(counts)}；收缴率（实缴÷应缴）：{_rate_text(total.rate)}。",
        f"应缴＝缴费基数{floor}×{dues.rate()}%×{period.months}个月" + (f"，{rounding}" if rounding else "")
        + f"；缴费基数为{common.fmt_date(period.first)}适用的基数。",
    ]


def print_dues_sheet(period, path) -> common.PrintedPdf:
    """会费收缴登记表 of a period ('2027-03', '2027-Q1', '2027-H1'): 序号, 姓名, 部门, 缴费基数,
    应缴, 实缴, 签名, 备注, the header repeated on every page, the totals row, the paid total in
    figures and in capitals, the collection rate, and the lines for 收款人 / 审核人 / 日期."""
    found = dues.parse_period(period)  # ValidationError with a Chinese message
    rows = dues.dues_rows(found)
    total = dues.totals(rows)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    heading = f"{found.label}{SHEET_TITLE}"
    body = sheet_rows(rows)
    spans = []
    if not body:
        body.append(["", "（本期没有应缴会费的会员）", "", "", "", "", "", ""])
        spans.append(("SPAN", (1, 1), (-1, 1)))
    body.append(["", "合计", f"{len(rows)}人", "", money_text(total.owed), money_text(total.paid), "", ""])
    note_style = ParagraphStyle("UDDuesNote", parent=st["normal"], fontSize=BASE, leading=BASE * 1.55)
    notes = [Paragraph(common.esc(text), note_style) for text in _sheet_notes(found, rows, total)]
    sign = common.signature_row(font, ("收款人", "审核人"), CONTENT_W)
    total_row = len(body)
    table = sheet_table(SHEET_HEAD, body, SHEET_W, SHEET_ALIGN, st, font,
                        extra=[("BACKGROUND", (0, total_row), (-1, total_row), common.HEAD_BG),
                               ("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
                               ("LEFTPADDING", (6, 1), (6, -1), 1), *spans],
                        end=[(notes[0], 5), (notes[1], 1), (notes[2], 1), (sign, 6)])
    left = f"收缴期间：{common.fmt_date(found.first)}至{common.fmt_date(found.last)}"
    story = [*sheet_header(heading, font, st, union, left, f"会费比例：{dues.rate()}%　单位：元"), table]
    return forms.write(path, story, font, description, heading, union, f"{heading}（续）", items=len(rows))


# --- 会费收据 --------------------------------------------------------------------------------------------

R_H = PAGE_H / 2  # each copy: the top or bottom half of the A4 page (210 × 148.5 mm)
R_MARGIN = 16 * mm
R_COLS = [28 * mm, 62 * mm, 24 * mm, 64 * mm]
COPIES = (("第一联", "存根", "收款单位留存"), ("第二联", "收据", "交缴费人"))


def _payment(payment_id) -> DuesPayment:
    if isinstance(payment_id, DuesPayment):
        payment_id = payment_id.id
    payment = dues.get_payment(_number(payment_id, "会费缴纳记录"))  # unknown → NotFoundError
    if not payment.receipt:
        raise ValidationError(f"这笔会费以“{payment.method}”缴纳，没有收据号：只有现金缴费才打印收据。", field="payment")
    if payment.voided:
        raise ValidationError(f"收据 {payment.receipt} 的缴费已作废，不能再打印收据。", field="payment")
    return payment


def _receipt_table(payment: DuesPayment, font: str, st: dict) -> Table:
    try:
        label = rules.parse_period(payment.period).label
    except ValueError:
        label = payment.period
    value = ParagraphStyle("UDReceiptValue", parent=st["cell"], fontSize=BASE, leading=BASE * 1.35)
    big = ParagraphStyle("UDReceiptBig", parent=value, fontSize=12.5, leading=16)
    L = lambda text: Paragraph(common.esc(text), st["label"])  # noqa: E731
    member = payment.member
    rows = [
        [L("缴费人"), _p(member.name, value), L("部门"), _p(member.department, value)],
        [L("缴费期间"), _p(f"{label}会费", value), L("缴费方式"), _p(payment.method, value)],
        [L("金额（小写）"), _p(common.fmt_yuan(payment.amount), big), "", ""],
        [L("金额（大写）"), _p(capitals_text(payment.amount), big), "", ""],
        [L("备注"), _p(payment.note, value), "", ""],
    ]
    table = Table(rows, colWidths=R_COLS, rowHeights=[10 * mm, 10 * mm, 11 * mm, 11 * mm, 10 * mm])
    style = common.grid_style(font, header_rows=0) + [
        ("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 4), (3, 4)),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
    ]
    style += [("BACKGROUND", (c, r), (c, r), LABEL_BG) for r, row in enumerate(rows) for c in (0, 2)
              if isinstance(row[c], Paragraph)]
    table.setStyle(TableStyle(style))
    return table


def _draw_receipt(c, payment: DuesPayment, font: str, union: str, top: float, copy: tuple[str, str, str]) -> None:
    st = common.styles(font, base=BASE)
    x0, right, cx = R_MARGIN, PAGE_W - R_MARGIN, PAGE_W / 2
    c.setFillColor(colors.black)
    c.setFont(font, 11)
    c.drawCentredString(cx, top - 12 * mm, union)
    title_y = top - 25 * mm
    common.draw_bold_centred(c, cx, title_y, RECEIPT_TITLE, font, 18, stroke=0.45)
    w = pdfmetrics.stringWidth(RECEIPT_TITLE, font, 18)
    c.setLineWidth(0.6)
    c.line(cx - w / 2 - 6 * mm, title_y - 2.2 * mm, cx + w / 2 + 6 * mm, title_y - 2.2 * mm)
    c.line(cx - w / 2 - 6 * mm, title_y - 3.2 * mm, cx + w / 2 + 6 * mm, title_y - 3.2 * mm)
    number, name, whose = copy
    c.setFont(font, BASE)
    c.drawRightString(right, title_y + 1, f"{number}　{name}")
    c.setFont(font, MIN_PT + 0.5)
    c.setFillColor(MUTED)
    c.drawRightString(right, title_y - 4.5 * mm, f"（{whose}）")
    info_y = top - 35 * mm
    c.setFillColor(colors.black)
    c.setFont(font, BASE)
    c.drawString(x0, info_y, f"缴费日期：{common.fmt_date(payment.date)}")
    c.setFillColor(RED)
    c.setFont(font, 12)
    c.drawRightString(right, info_y, f"No. {payment.receipt}")
    c.setFillColor(colors.black)
    table = _receipt_table(payment, font, st)
    _w, h = table.wrapOn(c, right - x0, R_H)
    table.drawOn(c, x0, info_y - 3 * mm - h)
    sign_y = info_y - 3 * mm - h - 11 * mm
    c.setFont(font, BASE)
    c.setLineWidth(0.5)
    parts = [("收款人", payment.collector)] + ([("缴费人签字", "")] if name == "存根" else [])
    column = (right - x0) / 2
    for i, (label, value) in enumerate(parts):
        x = x0 + i * column
        text = f"{label}："
        c.drawString(x, sign_y, text)
        lx = x + pdfmetrics.stringWidth(text, font, BASE) + 1
        c.line(lx, sign_y - 1.5, lx + 40 * mm, sign_y - 1.5)
        if value:
            c.drawCentredString(lx + 20 * mm, sign_y, value)
    _seal_block(c, font, right, sign_y - 13 * mm, f"收款单位：{union}", "", BASE)


def print_dues_receipt(payment_id, path) -> common.PrintedPdf:
    """会费收据 of a cash payment (its receipt number HF2027-001): one A4 page, the 存根 (kept by
    the union, signed by the payer) above and the receipt for the payer below, cut apart along a
    dashed line with the number across it. Each carries the union, the number, the date, the
    member, the period, the amount in figures and capitals, and the collector. A payment by 工资代扣
    or 转账 has no receipt number and is refused; so is a voided payment."""
    payment = _payment(payment_id)
    font, description = common.chinese_font()
    union = common.union_title()
    title = f"{RECEIPT_TITLE} {payment.receipt}"

    def build(tmp) -> None:
        c = common.make_canvas(tmp, font, A4)
        c.setTitle(title)
        c.setAuthor(union)
        _draw_receipt(c, payment, font, union, PAGE_H, COPIES[0])
        _draw_cut(c, font, R_H, f"No. {payment.receipt}", 13)
        _draw_receipt(c, payment, font, union, R_H, COPIES[1])
        c.showPage()
        c.save()

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=1, font=description, items=1)


__all__ = [
    "JOIN_SENTENCE",
    "paid_up_to",
    "print_dues_receipt",
    "print_dues_sheet",
    "print_join_form",
    "print_member_register",
    "print_transfer_letter",
    "sheet_rows",
]
