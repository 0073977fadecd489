"""会议记录 (A4 portrait, platypus): the page of a minutes book for each meeting.

    print_minutes([12, 15], "会议记录.pdf")

Each meeting starts a new page: the heading '<union>会议记录', then one ruled block — 会议名称,
时间, 地点, 主持人, 记录人, 应到 / 实到, 缺席及原因, 议题 (numbered), 记录 (the minutes, one paragraph
per line, wrapping), 决定事项 (numbered, with 责任人, 完成期限 and the state) — and the lines for
主持人签字 and 记录人签字. Long minutes go on over the next pages (the table row splits), each
continuation page headed '<union>会议记录（续）' with the meeting, and '第 N 页 共 M 页' at the
foot. Text is 10.5 pt (never below 9 pt). Only the data is read here; the figures (应到, 实到,
缺席及原因) come from services.meetings.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from union_desk.db.meeting_models import Meeting
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.printing import common
from union_desk.services import meetings as meeting_service

TITLE = "会议记录"
CONTINUED = "（续）"
MARGIN_X = 18 * mm
TOP = 20 * mm  # room for the continuation heading above the frame
CONTENT_W = A4[0] - 2 * MARGIN_X  # 174 mm
LABEL_W = 24 * mm
VALUE_W = (CONTENT_W - 2 * LABEL_W) / 2
BASE = 10.5  # body text; the smallest printed text is the 9 pt page number
HEAD_SIZE = 10.5  # the continuation heading
LABEL_BG = colors.Color(0.94, 0.94, 0.94)
MINUTES_MIN_H = 70 * mm  # room to write by hand when the minutes are not typed in
DECISIONS_MIN_H = 24 * mm
KEEP_DECISIONS = 8  # up to this many decisions are kept on the page of the signature lines
GAP = "\u00a0" * 4  # a Paragraph collapses ordinary and ideographic spaces, not no-break ones


# --- the canvas: page number and the continuation heading -------------------------------------------


class MinutesCanvas(common.NumberedCanvas):
    """'第 N 页 共 M 页' at the foot; on a meeting's continuation pages its heading with （续）,
    at 10.5 pt (the shared running head is smaller than the 9 pt floor of this printout)."""

    def draw_page_furniture(self, number: int, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(self.font_name, self.footer_size)
        self.drawCentredString(width / 2, 10 * mm, f"第 {number} 页 共 {total} 页")
        head = getattr(self, "meeting_head", "")
        if head and not getattr(self, "document_starts_here", False):
            self.setFont(self.font_name, HEAD_SIZE)
            self.drawString(MARGIN_X, height - 13 * mm, head)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, height - 14.8 * mm, width - MARGIN_X, height - 14.8 * mm)
        self.restoreState()


def _canvas(font: str) -> type[MinutesCanvas]:
    return type("UDMinutesCanvas", (MinutesCanvas,), {"font_name": font})


class MeetingStart(Flowable):
    """Zero-size marker at the top of a meeting: its first page has no continuation heading, the
    pages after it (until the next meeting) carry `head`."""

    def __init__(self, head: str):
        super().__init__()
        self.head = head

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv.meeting_head = self.head
        self.canv.document_starts_here = True


# --- the text of one meeting ------------------------------------------------------------------------


def when_text(meeting: Meeting) -> str:
    """'2027年3月10日（星期三）15:30'."""
    weekday = "一二三四五六日"[meeting.date.weekday()]
    text = f"{common.fmt_date(meeting.date)}（星期{weekday}）"
    return f"{text} {meeting.time}" if meeting.time else text


def numbered(lines: list[str]) -> list[str]:
    return [f"{n}. {line}" for n, line in enumerate(lines, start=1)]


def topic_lines(meeting: Meeting) -> list[str]:
    return numbered([t.strip() for t in (meeting.topics or "").splitlines() if t.strip()])


def decision_lines(meeting: Meeting) -> list[tuple[str, str]]:
    """(the decision, '责任人：王芳　完成期限：2027年3月1日　办理情况：已办（2027年2月20日）') per decision."""
    out = []
    for n, d in enumerate(meeting_service.decisions_of(meeting), start=1):
        parts = [f"责任人：{d.owner or '—'}", f"完成期限：{common.fmt_date(d.due_date) or '—'}"]
        state = d.state
        if d.state == "已办" and d.done_date:
            state += f"（{common.fmt_date(d.done_date)}）"
        parts.append(f"办理情况：{state}")
        out.append((f"{n}. {d.text}", GAP.join(parts)))
    return out


# --- layout -----------------------------------------------------------------------------------------


def _styles(font: str) -> dict:
    st = common.styles(font, base=BASE)
    st["detail"] = st["normal"].clone("UDMinutesDetail", leftIndent=BASE * 1.5, textColor=colors.Color(0.2, 0.2, 0.2))
    st["minutes"] = st["normal"].clone("UDMinutesText", firstLineIndent=BASE * 2, leading=BASE * 1.6, spaceAfter=2)
    return st


def _p(text: str, style) -> Paragraph:
    return Paragraph(common.esc(text), style)


def _block(meeting: Meeting, st: dict, font: str) -> list[Table]:
    """The ruled block: a four-column table (name, time, place, chair, recorder, figures) and,
    under it with the same outline, a two-column one for the long cells (absences, topics, minutes,
    decisions) whose rows split over pages — two tables because ReportLab splits a row inside
    a spanned cell at the wrong width."""
    figures = meeting_service.attendance_figures(meeting)
    label = st["label"]
    cell = st["cell"]
    topics = topic_lines(meeting)
    minutes = [line.strip() for line in (meeting.minutes or "").splitlines() if line.strip()]
    decisions = decision_lines(meeting)

    head = [
        [_p("会议名称", label), _p(meeting.kind.name, cell), "", ""],
        [_p("时间", label), _p(when_text(meeting), cell), _p("地点", label), _p(meeting.place, cell)],
        [_p("主持人", label), _p(meeting.chair, cell), _p("记录人", label), _p(meeting.recorder, cell)],
        [_p("应到", label), _p(f"{figures.expected} 人", cell), _p("实到", label), _p(f"{figures.present} 人", cell)],
    ]
    decision_cell = []
    for text, detail in decisions:
        decision_cell += [_p(text, cell), _p(detail, st["detail"])]
    body = [
        [_p("缺席及原因", label), _p(figures.absent_text or "无", cell)],
        [_p("议题", label), [_p(t, cell) for t in topics] or [Spacer(1, 12 * mm)]],
        [_p("记录", label), [_p(t, st["minutes"]) for t in minutes] or [Spacer(1, MINUTES_MIN_H)]],
        [_p("决定事项", label), decision_cell or [Spacer(1, DECISIONS_MIN_H)]],
    ]
    if meeting.notes:
        body.append([_p("备注", label), _p(meeting.notes, cell)])
    look = [
        *common.grid_style(font, header_rows=0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
    ]
    top = Table(head, colWidths=[LABEL_W, VALUE_W, LABEL_W, VALUE_W], hAlign="LEFT")
    top.setStyle(TableStyle([*look, ("SPAN", (1, 0), (3, 0)), ("BACKGROUND", (2, 1), (2, 3), LABEL_BG)]))
    # the signature lines end the table, unruled: never on a page of their own (held to 决定事项)
    last = len(body) - 1
    body.append([_signatures(font), ""])
    end = len(body) - 1
    ruled = [(cmd[0], cmd[1], (cmd[2][0], last), *cmd[3:]) if cmd[0] in ("GRID", "BOX", "BACKGROUND") else cmd for cmd in look]
    rest = Table(body, colWidths=[LABEL_W, CONTENT_W - LABEL_W], splitInRow=1, hAlign="LEFT")
    rest.setStyle(TableStyle([
        *ruled,
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("SPAN", (0, end), (-1, end)),
        ("LEFTPADDING", (0, end), (-1, end), 0),
        ("RIGHTPADDING", (0, end), (-1, end), 0),
        ("TOPPADDING", (0, end), (-1, end), 8 * mm),
        # a short 决定事项 goes with the signatures; a long one may split (no row taller than a page)
        ("NOSPLIT", (0, last if len(decisions) <= KEEP_DECISIONS else end), (-1, end)),
    ]))
    return [top, rest]


def _signatures(font: str) -> Table:
    """'主持人签字：______　　记录人签字：______' (plain strings, rules to sign on)."""
    size = BASE
    row, widths = [], []
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for label in ("主持人签字", "记录人签字"):
        text = f"{label}："
        row += [text, "", ""]
        widths += [pdfmetrics.stringWidth(text, font, size) + 1, 45 * mm, 16 * mm]
        style.append(("LINEBELOW", (len(row) - 2, 0), (len(row) - 2, 0), 0.6, colors.black))
    widths[-1] = max(CONTENT_W - sum(widths[:-1]), 1)
    table = Table([row], colWidths=widths, rowHeights=[10 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _ids(meeting_ids) -> list[int]:
    if isinstance(meeting_ids, (int, str)):
        meeting_ids = [meeting_ids]
    ids = []
    for raw in meeting_ids or ():
        if not textclean.fits_db_int(raw):
            raise ValidationError(f"会议编号不对：{raw}", field="meeting")
        ids.append(int(raw))
    if not ids:
        raise ValidationError("请选择要打印的会议。", field="meeting")
    return list(dict.fromkeys(ids))


def print_minutes(meeting_ids, path) -> common.PrintedPdf:
    """会议记录 of each meeting (in the order given), each from a new page."""
    meetings = [meeting_service.get_meeting(i) for i in _ids(meeting_ids)]
    font, description = common.chinese_font()
    union = common.union_title()
    heading = f"{union}{TITLE}"
    st = _styles(font)
    story: list = []
    for index, meeting in enumerate(meetings):
        if index:
            story.append(PageBreak())
        head = f"{heading}{CONTINUED}{GAP}{meeting_service.meeting_title(meeting)}"
        story += [
            MeetingStart(head),
            common.fitted_title(heading, font, CONTENT_W, size=18),
            *_block(meeting, st, font),
        ]
    pages: list[int] = []
    title = heading if len(meetings) > 1 else f"{heading}（{meeting_service.meeting_title(meetings[0])}）"

    def build(tmp) -> None:  # an open binary file (common.write_pdf_atomic)
        doc = common.doc_template(tmp, title, union, A4, margin_x=MARGIN_X, top=TOP)
        doc.build(story, canvasmaker=_canvas(font))
        pages.append(doc.page)

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=len(meetings))


__all__ = ["CONTINUED", "TITLE", "decision_lines", "print_minutes", "topic_lines", "when_text"]
