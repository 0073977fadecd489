"""Printouts of the staff congress (教代会, issue 16), A4 portrait, platypus:

    print_proposal(proposal_id, path)                  # 提案表: exactly one page, signature / opinion boxes
    print_proposal_reply(proposal_id, path)            # 提案答复单: one page, room for the department's stamp
    print_proposals_report(session_id, path, today)    # 提案办理情况报告 of a session, for the next one
    print_evaluation(evaluation_id, path)              # 民主评议汇总表: ballots by grade, 优秀率 and 满意率
    print_congress_signin(session_id, path)            # 签到表 of a session (the activity sign-in sheet's table)

Only the data is read here; every rule (立案情况, overdue, the counts and rates) comes from
services.congress / domain.congress. Files are written atomically (common.write_pdf_atomic), every
page carries '第 N 页 共 M 页'. Printed text is never below 9 pt, the running head included.

A 提案表 is one page whatever the length of its 理由及建议: the text is set at 10.5 pt and made
smaller, down to 9 pt, until the page holds it; text that does not fit even then is cut at the end
of what fits and marked "（内容较长，见附页）" — the full text is the proposer's own paper, filed with
the form. A reply too long for its box is treated the same way (提案表: "（详见提案答复单）").
"""

from __future__ import annotations

import datetime as dt
import re

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from union_desk.db.congress_models import CongressSession, Proposal
from union_desk.domain import congress as rules
from union_desk.errors import ValidationError
from union_desk.printing import common, forms
from union_desk.printing.activity_sheets import GAP, sheet_header, sheet_table, sign_footer, spelling
from union_desk.printing.forms import BASE, CONTENT_W, FRAME_H, PAD
from union_desk.services import congress

PROPOSAL_TITLE = "提案表"
REPLY_TITLE = "提案答复单"
REPORT_TITLE = "提案办理情况报告"
EVALUATION_TITLE = "汇总表"
SIGNIN_TITLE = "签到表"
CUT_NOTE = "（内容较长，见附页）"
REPLY_CUT_NOTE = "（详见提案答复单）"
STAMP_ROOM = "（承办部门盖章）"
SLACK, RETRY_SLACK = forms.SLACK, forms.RETRY_SLACK  # a one-page form's room to spare (see printing.forms)


# --- loading ------------------------------------------------------------------------------------------


def _number(value, label: str, key: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label}编号不对：{value}", field=key) from None


def _proposal(proposal_id) -> Proposal:
    return congress.get_proposal(_number(proposal_id, "提案", "proposal"))


def _session(session_id) -> CongressSession:
    return congress.get_session(_number(session_id, "会议", "session"))


def _school_session_title(session: CongressSession) -> str:
    """'杭州市文澜实验学校第五届第二次教职工代表大会' (the school's name when set)."""
    school, _union = common.union_header()
    title = session.title or rules.session_title(session.term.number, session.number, session.kind)
    return title if not school or title.startswith(school) else f"{school}{title}"


def _iso(day) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


# --- form pieces (the shared machinery is printing.forms) ----------------------------------------------


def _style(st: dict, size: float) -> ParagraphStyle:
    """Body text of a form at `size`; lines a little closer at the smallest size."""
    return forms.body_style(st, size, "UDCongress", 1.38, 1.3)


class _TickBoxes(Flowable):
    """'□满意　□基本满意　□不满意' with the recorded opinion ticked (a drawn box with '√' in it), then
    the proposer's 签名 and 日期 to the right."""

    def __init__(self, font: str, chosen: str, day=None, size: float = BASE):
        super().__init__()
        self.font, self.chosen, self.size = font, chosen, size
        self.day = day

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 2.2

    def draw(self):
        canv, size, font = self.canv, self.size, self.font
        canv.saveState()
        canv.setFont(font, size)
        canv.setLineWidth(0.7)
        box = size * 1.05
        y = size * 0.6
        x = 0.0
        for option in rules.OPINIONS:
            canv.rect(x, y - size * 0.18, box, box, stroke=1, fill=0)
            if option == self.chosen:
                canv.drawCentredString(x + box / 2, y, "√")
            x += box + 2
            canv.drawString(x, y, option)
            x += pdfmetrics.stringWidth(option, font, size) + 5 * mm
        canv.restoreState()
        date = common.fmt_date(self.day) if self.day and self.chosen else ""
        rule = forms.Rule(font, [("签名：", 24 * mm)], size, date)
        rule.wrap(self.width - x, size * 2)
        rule.drawOn(canv, x, 0)


def _value(st: dict, text, style=None) -> Paragraph:
    return Paragraph(common.esc(text or ""), style or st["cell"])


def _fill(flowable_height: float, minimum: float) -> Spacer:
    return Spacer(1, max(0.0, minimum - flowable_height))


# --- 提案表 --------------------------------------------------------------------------------------------

FORM_W = [22 * mm, 38 * mm, 22 * mm, 38 * mm, 22 * mm, 38 * mm]  # label / value pairs
WIDE = CONTENT_W - FORM_W[0] - 2 * PAD  # a value spanning the row, less its padding
CONTENT_MIN = 40 * mm
GROUP_MIN = 16 * mm
REPLY_MIN = 18 * mm
REPLY_MAX = 32 * mm  # the 承办部门答复 box of the 提案表; the full reply is on the 提案答复单


def _group_opinion(proposal: Proposal) -> str:
    """What the proposal group decided, when it is recorded: the reason of a 不立案, the merge."""
    if proposal.state == rules.REJECTED:
        text = "不立案"
        if proposal.reason:
            text += f"。理由：{proposal.reason}"
        if proposal.as_suggestion:
            text += "（转为意见建议）"
        return text
    if proposal.state == rules.MERGED:
        return congress.filing_text(proposal)
    if proposal.state in rules.REGISTERED_STATES:
        return "立案" + (f"，交{proposal.department}办理" if proposal.department else "")
    return ""


def print_proposal(proposal_id, path) -> common.PrintedPdf:
    """提案表 of one proposal: exactly one A4 page (see the module's note on long text)."""
    proposal = _proposal(proposal_id)
    session = proposal.session
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    title = f"{_school_session_title(session)}{PROPOSAL_TITLE}"
    reply_style = _style(st, 10.0)
    reply = forms.clip(proposal.reply or "", reply_style, WIDE, REPLY_MAX, REPLY_CUT_NOTE) if proposal.reply else ""
    group = _group_opinion(proposal)
    m = proposal.proposer

    def make(size: float, content: str, extra: float) -> list:
        content_p = _value(st, content, _style(st, size))
        _w, content_h = content_p.wrap(WIDE, FRAME_H * 4)
        group_p = _value(st, group, reply_style)
        reply_p = _value(st, reply, reply_style)
        group_rule = forms.Rule(font, [("签名：", 28 * mm)])
        reply_rule = forms.Rule(font, [("负责人签名：", 28 * mm)])
        rows = [
            [forms.label(st, "提案编号"), _value(st, proposal.number), forms.label(st, "类别"), _value(st, proposal.category),
             forms.label(st, "提交日期"), _value(st, common.fmt_date(proposal.received_date))],
            [forms.label(st, "案由"), _value(st, proposal.title), "", "", "", ""],
            [forms.label(st, "提案人"), _value(st, m.name), forms.label(st, "部门"), _value(st, m.department),
             forms.label(st, "立案情况"), _value(st, congress.filing_text(proposal))],
            [forms.label(st, "附议人"), _value(st, proposal.seconders), "", "", "", ""],
            [forms.label(st, "理由及建议"), [content_p, _fill(content_h, CONTENT_MIN - 9), Spacer(1, extra)], "", "", "", ""],
            [forms.label(st, "承办部门"), _value(st, proposal.department), forms.label(st, "交办日期"),
             _value(st, common.fmt_date(proposal.handed_date)), forms.label(st, "答复期限"),
             _value(st, common.fmt_date(proposal.due_date))],
            [forms.label(st, "提案人签名"), "", forms.label(st, "附议人签名"), "", "", ""],
            [forms.label(st, "提案工作\n小组意见"),
             [group_p, _fill(group_p.wrap(WIDE, FRAME_H)[1], GROUP_MIN - BASE * 1.9), group_rule], "", "", "", ""],
            [forms.label(st, "承办部门\n答复"),
             [reply_p, _fill(reply_p.wrap(WIDE, FRAME_H)[1], REPLY_MIN - BASE * 1.9), reply_rule], "", "", "", ""],
            [forms.label(st, "提案人意见"), _TickBoxes(font, proposal.opinion, proposal.opinion_date), "", "", "", ""],
        ]
        spans = [((1, r), (5, r)) for r in (1, 3, 4, 7, 8, 9)] + [((3, 6), (5, 6))]
        labels = [(c, r) for r in range(len(rows)) for c in (0, 2, 4) if not isinstance(rows[r][c], str)]
        table = Table(rows, colWidths=FORM_W, rowHeights=[None] * 6 + [11 * mm] + [None] * 3)
        table.setStyle(forms.form_style(font, spans, labels, extra=[
            ("VALIGN", (1, 4), (1, 4), "TOP"),
            ("VALIGN", (1, 7), (1, 8), "TOP"),
        ]))
        return [*forms.header(font, st, union, title), Spacer(1, 1 * mm), table]

    return forms.write_forms(path, [(make, proposal.content or "")], CUT_NOTE, font, description,
                           f"{proposal.number} {PROPOSAL_TITLE}", union, RETRY_SLACK)


# --- 提案答复单 ----------------------------------------------------------------------------------------

REPLY_BOX_MIN = 60 * mm


def print_proposal_reply(proposal_id, path) -> common.PrintedPdf:
    """提案答复单: the department's answer to one proposal, one A4 page, with room for its stamp and the
    proposer's opinion. Printed also before the reply is recorded (a form to fill in by hand)."""
    proposal = _proposal(proposal_id)
    session = proposal.session
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    title = f"{_school_session_title(session)}{REPLY_TITLE}"
    m = proposal.proposer
    proposer = m.name + (f"（{m.department}）" if m.department else "")
    w4 = [24 * mm, 66 * mm, 24 * mm, 66 * mm]
    wide = CONTENT_W - w4[0] - 2 * PAD

    def make(size: float, reply: str, extra: float) -> list:
        reply_p = _value(st, reply, _style(st, size))
        _w, reply_h = reply_p.wrap(wide, FRAME_H * 4)
        stamp = Paragraph(common.esc(STAMP_ROOM), ParagraphStyle("UDStamp", parent=st["cell"], alignment=TA_RIGHT,
                                                                 textColor=colors.Color(0.35, 0.35, 0.35)))
        boss = forms.Rule(font, [("承办部门负责人签名：", 30 * mm)])
        rows = [
            [forms.label(st, "提案编号"), _value(st, proposal.number), forms.label(st, "提案人"), _value(st, proposer)],
            [forms.label(st, "案由"), _value(st, proposal.title), "", ""],
            [forms.label(st, "承办部门"), _value(st, proposal.department), forms.label(st, "交办日期"),
             _value(st, common.fmt_date(proposal.handed_date))],
            [forms.label(st, "答复期限"), _value(st, common.fmt_date(proposal.due_date)), forms.label(st, "答复日期"),
             _value(st, common.fmt_date(proposal.reply_date))],
            [forms.label(st, "办理结果"),
             [reply_p, _fill(reply_h, REPLY_BOX_MIN - 40 * mm), Spacer(1, extra), Spacer(1, 6 * mm), stamp,
              Spacer(1, 3 * mm), boss], "", ""],
            [forms.label(st, "提案人意见"), _TickBoxes(font, proposal.opinion, proposal.opinion_date), "", ""],
        ]
        spans = [((1, 1), (3, 1)), ((1, 4), (3, 4)), ((1, 5), (3, 5))]
        labels = [(c, r) for r in range(len(rows)) for c in (0, 2) if not isinstance(rows[r][c], str)]
        table = Table(rows, colWidths=w4)
        table.setStyle(forms.form_style(font, spans, labels, extra=[("VALIGN", (1, 4), (1, 4), "TOP")]))
        note = Paragraph(common.esc("注：承办部门应在答复期限内将本单送交工会（提案工作小组），由工会转交提案人填写意见。"),
                         st["small"])
        return [*forms.header(font, st, union, title), Spacer(1, 1 * mm), table, Spacer(1, 2 * mm), note]

    return forms.write_forms(path, [(make, proposal.reply or "")], CUT_NOTE, font, description,
                           f"{proposal.number} {REPLY_TITLE}", union, RETRY_SLACK)


# --- 提案办理情况报告 ------------------------------------------------------------------------------------

REPORT_HEAD = ("编号", "案由", "提案人", "承办部门", "状态", "提案人意见")
REPORT_WIDTHS = [20 * mm, 56 * mm, 20 * mm, 24 * mm, 40 * mm, 20 * mm]
OVERDUE_HEAD = ("编号", "案由", "提案人", "承办部门", "交办日期", "答复期限", "逾期天数")
OVERDUE_WIDTHS = [20 * mm, 46 * mm, 18 * mm, 22 * mm, 26 * mm, 26 * mm, 22 * mm]


def _state_text(proposal: Proposal, today: dt.date) -> str:
    if proposal.state in (rules.MERGED, rules.REJECTED):
        return congress.filing_text(proposal)
    if congress.is_overdue(proposal, today):
        return f"{proposal.state}（逾期）"
    return proposal.state


def report_rows(session: CongressSession, today: dt.date) -> list[list[str]]:
    """The proposals the report lists: every one not voided, by number."""
    return [
        [p.number, p.title, p.proposer.name, p.department, _state_text(p, today), p.opinion]
        for p in congress.proposals_of(session) if p.state != rules.VOID
    ]


def print_proposals_report(session_id, path, today=None) -> common.PrintedPdf:
    """提案办理情况报告 of a session's proposals, read at the next session: the counts and the 满意率,
    the list of proposals, the overdue ones, signed by the union and dated `today`."""
    session = _session(session_id)
    today = today or dt.date.today()
    report = congress.proposal_report(session, today=today)
    rows = report_rows(session, today)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    body = ParagraphStyle("UDReportBody", parent=st["normal"], fontSize=11, leading=11 * 1.7, firstLineIndent=22)
    session_title = session.title or rules.session_title(session.term.number, session.number, session.kind)
    heading = f"关于{session_title}提案办理情况的报告"
    story = [
        common.DocumentStart(),
        Paragraph(common.esc(union), st["header"]),
        Spacer(1, 2.5 * mm),
        common.fitted_title(heading, font, CONTENT_W, size=16, smallest=12),
        Spacer(1, 2 * mm),
        Paragraph("各位代表：", ParagraphStyle("UDReportHello", parent=body, firstLineIndent=0)),
    ]
    held = common.fmt_date(session.date)
    text = f"{held}召开的{session_title}{report.summary}。"
    if report.withdrawn:
        text += f"其中提案人撤回{report.withdrawn}件。"
    if report.with_opinion:
        text += (f"已反馈意见的{report.with_opinion}件中，满意和基本满意{report.satisfied}件"
                 f"（满意率＝（满意＋基本满意）÷已反馈意见的提案数）。")
    if report.overdue:
        text += f"截至{common.fmt_date(today)}，尚有{len(report.overdue)}件逾期未答复，详见第二部分。"
    text += "现将提案办理情况报告如下，请各位代表审议。"
    story.append(Paragraph(common.esc(text), body))

    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("一、提案办理情况一览", st["section"]))
    body_rows = rows or [["", "（本次会议没有提案）", "", "", "", ""]]
    extra = [("SPAN", (1, 1), (-1, 1))] if not rows else []
    story.append(sheet_table(REPORT_HEAD, body_rows, REPORT_WIDTHS, "clcccc", st, font, extra=extra))

    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("二、逾期未答复的提案", st["section"]))
    if report.overdue:
        overdue = [[p.number, p.title, p.proposer.name, p.department, _iso(p.handed_date), _iso(p.due_date),
                    f"{(today - p.due_date).days} 天"] for p in report.overdue]
        story.append(sheet_table(OVERDUE_HEAD, overdue, OVERDUE_WIDTHS, "clccccc", st, font))
    else:
        story.append(Paragraph(common.esc(f"截至{common.fmt_date(today)}，没有逾期未答复的提案。"), body))

    right = ParagraphStyle("UDReportSign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    story.append(KeepTogether([Spacer(1, 12 * mm), Paragraph(common.esc(union), right),
                               Paragraph(common.esc(common.fmt_date(today)), right)]))
    running = f"{session_title}{REPORT_TITLE}（续）"
    return forms.write(path, story, font, description, heading, union, running, items=len(rows))


# --- 民主评议汇总表 -------------------------------------------------------------------------------------

EVALUATION_HEAD = ("序号", "姓名", "职务", "优秀", "称职", "基本称职", "不称职", "有效票", "优秀率", "满意率")
EVALUATION_WIDTHS = [11 * mm, 20 * mm, 35 * mm, 15 * mm, 15 * mm, 18 * mm, 16 * mm, 16 * mm, 17 * mm, 17 * mm]


def evaluation_rows(evaluation) -> list[list[str]]:
    rows = []
    for number, subject in enumerate(congress.subjects_of(evaluation), start=1):
        b = congress.ballots(subject)
        rows.append([str(number), subject.name, subject.post, str(b.excellent), str(b.competent), str(b.basic),
                     str(b.incompetent), str(b.valid), rules.percent_text(b.excellent_rate),
                     rules.percent_text(b.satisfied_rate)])
    return rows


def print_evaluation(evaluation_id, path) -> common.PrintedPdf:
    """民主评议汇总表: per person the ballots by grade, the valid ballots, 优秀率 and 满意率; the
    delegates present; lines for 计票人, 监票人 and the date."""
    evaluation = congress.get_evaluation(_number(evaluation_id, "民主评议", "evaluation"))
    session = evaluation.session
    rows = evaluation_rows(evaluation)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    name = evaluation.title or "民主评议"
    title = f"{name}{EVALUATION_TITLE}"
    present = congress.session_figures(session).present
    left = f"{_school_session_title(session)}{GAP}{common.fmt_date(session.date)}"
    story = [*forms.header(font, st, union, title),
             common.info_line(font, st, left, f"出席代表 {present} 人", [CONTENT_W * 0.72, CONTENT_W * 0.28]),
             Spacer(1, 1 * mm)]
    end = [
        (Paragraph(common.esc("注：优秀率＝优秀票÷有效票；满意率＝（优秀票＋称职票）÷有效票。"), st["small"]), 2 * mm),
        (common.signature_row(font, ("计票人", "监票人"), CONTENT_W), 6 * mm),
    ]
    story.append(sheet_table(EVALUATION_HEAD, rows, EVALUATION_WIDTHS, "cccrrrrrrr", st, font,
                        extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)], end=end))
    running = f"{name}{EVALUATION_TITLE}（续）"
    return forms.write(path, story, font, description, title, union, running, items=len(rows))


# --- 签到表 ---------------------------------------------------------------------------------------------

_NUMERAL = re.compile(r"\d+|[零一二三四五六七八九十]+")
_DIGITS = "零一二三四五六七八九"


def _numeral(text: str) -> int:
    """'12' → 12, '十二' → 12, '二十' → 20, '三' → 3 (up to 99)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_DIGITS.index(ch)) for ch in text))
    tens, _, ones = text.partition("十")
    return (_DIGITS.index(tens[-1]) if tens else 1) * 10 + (_DIGITS.index(ones[0]) if ones else 0)


def group_key(name: str) -> tuple:
    """Order of delegation groups: numbers in the name by value (第二代表组 before 第十代表组, whether
    written 2 or 二), the rest by pinyin; no group last."""
    parts: list[tuple] = []
    position = 0
    for match in _NUMERAL.finditer(name or ""):
        if match.start() > position:
            parts.append((1, spelling(name[position:match.start()])))
        parts.append((0, _numeral(match.group())))
        position = match.end()
    if position < len(name or ""):
        parts.append((1, spelling(name[position:])))
    return (not name, tuple(parts), name or "")


SIGNIN_HEAD = ("序号", "代表团（组）", "姓名", "部门", "签到")
SIGNIN_WIDTHS = [12 * mm, 36 * mm, 24 * mm, 40 * mm, 68 * mm]  # 签到 the widest


def print_congress_signin(session_id, path) -> common.PrintedPdf:
    """签到表 of a session: the delegates expected (应到), by delegation group, a wide column to sign in;
    a delegate already on leave shows 请假 there. 应到 / 实到 at the foot (实到 filled once the
    session is held). The table, its end rows and the 经办人 line are the activity sign-in sheet's."""
    session = _session(session_id)
    attendance = sorted(congress.attendance_of(session), key=lambda a: group_key(a.delegate.group_name))
    session_title = session.title or rules.session_title(session.term.number, session.number, session.kind)
    if not attendance:
        raise ValidationError(f"“{session_title}”还没有应到代表，没有可打印的签到表。", field="session")
    figures = congress.session_figures(session)
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    left = f"时间：{common.fmt_date(session.date)}"
    if session.place:
        left += f"{GAP}地点：{session.place}"
    story = [*sheet_header(f"{session_title}{SIGNIN_TITLE}", font, st, union, left, f"应到代表 {figures.expected} 人"),
             Spacer(1, 1 * mm)]
    body, muted = [], []
    for number, row in enumerate(attendance, start=1):
        d = row.delegate
        mark = ""
        if row.state == "请假":
            mark = "请假" + (f"（{row.reason}）" if row.reason else "")
            muted.append(number)
        body.append([str(number), d.group_name, d.member.name, d.member.department, mark])
    present = f"{figures.present}" if session.held else "＿＿＿"
    counts = f"应到代表 {figures.expected} 人{GAP}实到代表 {present} 人"
    if figures.leave:
        counts += f"{GAP}请假 {figures.leave} 人"
    counts += f"{GAP}（法定人数 {figures.needed} 人）"
    end = [(Paragraph(common.esc(counts), st["normal"]), 3 * mm), (sign_footer(font, ("经办人", "监督人")), 4 * mm)]
    extra = [("TOPPADDING", (0, 1), (-1, -1), 7.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 8)]
    extra += [("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.97)) for r in muted]
    story.append(sheet_table(SIGNIN_HEAD, body, SIGNIN_WIDTHS, "cccc" + "s", st, font, extra=extra, end=end))
    running = f"{session_title}{SIGNIN_TITLE}（续）"
    return forms.write(path, story, font, description, f"{session_title}{SIGNIN_TITLE}", union, running, len(attendance))


__all__ = [
    "CUT_NOTE",
    "evaluation_rows",
    "group_key",
    "print_congress_signin",
    "print_evaluation",
    "print_proposal",
    "print_proposal_reply",
    "print_proposals_report",
    "report_rows",
]
