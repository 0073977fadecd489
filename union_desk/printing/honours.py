"""Printouts of 评优表彰 (issue 18):

    print_nomination_forms(round_id, path, nomination_ids=None)  # 推荐表: one A4 page per nominee
    print_notice(round_id, path, today=None)                     # 公示 of the round's results
    print_honour_roll(round_id, path)                            # 表彰名单 of a decided round
    print_certificates(honour_ids, path, template=None)          # certificates, one per page
    certificate_pdf_bytes(template, values)                      # one certificate (the editor's live preview)

The sheets (推荐表, 公示, 表彰名单) are A4 portrait, platypus, with '第 N 页 共 M 页' at the foot
(common.NumberedCanvas). Only the data is read here; the rules (who is elected, the honours a
decision wrote, the certificate's placeholders) come from services.honours and domain.honours.
Files are written atomically (common.write_pdf_atomic). Printed text is never below 9 pt.

A 推荐表 is one page whatever the length of its 先进事迹: the text is set at 10.5 pt and made
smaller, down to 9 pt, until the page holds it; text that does not fit even then is cut at the end
of what fits and marked "（内容较长，见附页）". The deeds box is stretched so that the form fills
the page, the 工会意见 box (room for the stamp, 年 月 日) at its foot.

Certificates are drawn straight on the canvas: the page is the template's paper (A4 landscape by
default, or the size of a pre-printed insert 内芯), and only the text is printed — no frame, no
border: certificate paper and inserts come with their own design. Each field's text is filled
(domain.honours.fill) and drawn with its baseline at (x_mm + offset_x_mm, y_mm + offset_y_mm)
from the top-left corner of the paper, anchored at its left end, centre or right end by `align`.
A line too long for the paper is made smaller (not below 9 pt) so that it stays on the paper.
The font is embedded once for the whole batch (a subset of the characters used).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from union_desk.db.honour_models import AwardRound, Honour, Nomination
from union_desk.db.models import Member
from union_desk.domain import honours as rules
from union_desk.errors import ValidationError
from union_desk.printing import common, forms
from union_desk.printing.activity_sheets import sheet_table, spelling
from union_desk.printing.forms import BASE, CONTENT_W, FRAME_H, PAD
from union_desk.services import honours

FORM_TITLE = "推荐表"
NOTICE_TITLE = "公示"
ROLL_TITLE = "表彰名单"
CERTIFICATE_TITLE = "荣誉证书"
CUT_NOTE = "（内容较长，见附页）"
STAMP_ROOM = "（盖章）"
MIN_PT = float(rules.MIN_FONT)  # 9 pt
SLACK, RETRY_SLACK = forms.SLACK, forms.RETRY_SLACK  # a one-page form's room to spare (see printing.forms)
MUTED = colors.Color(0.35, 0.35, 0.35)
GAP = "\u00a0" * 4  # a Paragraph collapses ordinary and ideographic spaces, not no-break ones


# --- loading ------------------------------------------------------------------------------------------


def _number(value, label: str, key: str) -> int:
    if isinstance(value, (AwardRound, Honour, Nomination)):
        return value.id
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label}编号不对：{value}", field=key) from None


def _round(round_id) -> AwardRound:
    return honours.get_round(_number(round_id, "评选", "round"))


def _month(day) -> str:
    """'1985年3月' (出生年月, 参加工作时间)."""
    return f"{day.year}年{day.month}月" if day else ""


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"日期不对：{value}（应为 YYYY-MM-DD）", field="today") from None


# --- one-page forms -------------------------------------------------------------------------------------


def _style(st: dict, size: float) -> ParagraphStyle:
    """Body text of a form at `size`; lines a little closer at the smallest size."""
    return forms.body_style(st, size, "UDHonour", 1.45, 1.32)


class _StampDate(Flowable):
    """'（盖章）' over '　　年　　月　　日', both flush right, with room for the stamp above them."""

    def __init__(self, font: str, size: float = BASE):
        super().__init__()
        self.font, self.size = font, size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 3.4

    def draw(self):
        canv, size = self.canv, self.size
        date = "年　　月　　日"
        right = self.width - 6 * mm
        canv.saveState()
        canv.setFont(self.font, size)
        canv.setFillColor(MUTED)
        stamp_w = pdfmetrics.stringWidth(STAMP_ROOM, self.font, size)
        date_w = pdfmetrics.stringWidth(date, self.font, size)
        canv.drawString(right - date_w / 2 - stamp_w / 2, size * 2.0, STAMP_ROOM)
        canv.setFillColor(colors.black)
        canv.drawString(right - date_w, size * 0.4, date)
        canv.restoreState()


def _value(st: dict, text, style=None) -> Paragraph:
    return Paragraph(common.esc("" if text is None else text), style or st["cell_center"])


# --- 推荐表 --------------------------------------------------------------------------------------------

FORM_W = [22 * mm, 30 * mm, 22 * mm, 30 * mm, 22 * mm, 26 * mm, 28 * mm]  # label / value pairs, then 照片
HANG = 10  # pt more padding right of the deeds: a line may end with a hanging '。' (kinsoku)
DEEDS_W = CONTENT_W - FORM_W[0] - 2 * PAD - HANG  # the deeds' width, less the cell's padding
DEEDS_MIN = 70 * mm
OPINION_MIN = 28 * mm
UNION_MIN = 42 * mm


def form_title(award_round: AwardRound) -> str:
    """'2027年校级三八红旗手推荐表'."""
    return f"{award_round.title or honours.round_title(award_round.award_type, award_round.year)}{FORM_TITLE}"


def _group_facts(group: str) -> tuple[int, str]:
    """(members of the union group at work, its 工会小组长) for a 工会小组 nominee."""
    people = list(Member.select().where((Member.union_group == group) & (Member.status == "在职")).order_by(Member.id))
    leaders = [m.name for m in people if "工会小组长" in (m.union_roles or "").split(",")]
    return len(people), "、".join(leaders)


def _person_rows(st: dict, nomination: Nomination) -> tuple[list, list, list]:
    """(rows, spans, extra style) of a person's basic details, with the 照片 box on the right."""
    m: Member = nomination.member
    post = "／".join(x for x in (m.post, m.title) if x)
    rows = [
        [forms.label(st, "姓名"), _value(st, m.name), forms.label(st, "性别"), _value(st, m.sex), forms.label(st, "出生年月"),
         _value(st, _month(m.birth_date)), _value(st, "照片", st["small_center"])],
        [forms.label(st, "民族"), _value(st, m.ethnicity), forms.label(st, "政治面貌"), _value(st, m.political_status),
         forms.label(st, "学历"), _value(st, m.education), ""],
        [forms.label(st, "部门"), _value(st, m.department), forms.label(st, "职务/职称"), _value(st, post), "", "", ""],
        [forms.label(st, "参加工作\n时间"), _value(st, _month(m.work_start_date)), forms.label(st, "推荐单位"),
         _value(st, nomination.nominated_by), "", "", ""],
    ]
    spans = [((6, 0), (6, 3)), ((3, 2), (5, 2)), ((3, 3), (5, 3))]
    return rows, spans, [("TEXTCOLOR", (6, 0), (6, 0), MUTED)]


def _group_rows(st: dict, nomination: Nomination) -> tuple[list, list, list]:
    """(rows, spans, extra style) of a union group: its name, members and 小组长, 推荐单位."""
    count, leaders = _group_facts(nomination.group_name)
    rows = [
        [forms.label(st, "工会小组"), _value(st, nomination.group_name), "", "", forms.label(st, "成员人数"),
         _value(st, f"{count} 人"), ""],
        [forms.label(st, "小组长"), _value(st, leaders), "", "", forms.label(st, "推荐单位"), _value(st, nomination.nominated_by), ""],
    ]
    spans = [((1, 0), (3, 0)), ((1, 1), (3, 1)), ((5, 0), (6, 0)), ((5, 1), (6, 1))]
    return rows, spans, []


def _nomination_form(nomination: Nomination, title: str, font: str, st: dict, union: str) -> Callable:
    """`make(size, deeds, extra)` of one nominee's 推荐表 (see forms.fitted_page)."""
    details, detail_spans, detail_extra = (
        _person_rows(st, nomination) if nomination.member_id else _group_rows(st, nomination))
    votes = "" if nomination.votes is None else f"{nomination.votes} 票"

    def make(size: float, deeds: str, extra: float) -> list:
        deeds_p = Paragraph(common.esc(deeds), _style(st, size))
        _w, deeds_h = deeds_p.wrap(DEEDS_W, FRAME_H * 4)
        opinion = [Spacer(1, OPINION_MIN - BASE * 1.9 - 11), forms.Rule(font, [("推荐单位负责人签名：", 30 * mm)])]
        union_box = [Spacer(1, UNION_MIN - BASE * 3.4 - 11), _StampDate(font)]
        n = len(details)
        rows = [
            *details,
            [forms.label(st, "先进事迹"), [deeds_p, Spacer(1, max(0.0, DEEDS_MIN - deeds_h) + extra)], "", "", "", "", ""],
            [forms.label(st, "推荐单位\n意见"), opinion, "", "", "", "", ""],
            [forms.label(st, "票数"), _value(st, votes, st["cell"]), "", "", "", "", ""],
            [forms.label(st, "工会意见"), union_box, "", "", "", "", ""],
        ]
        spans = detail_spans + [((1, r), (6, r)) for r in range(n, n + 4)]
        labels = [(c, r) for r in range(len(rows)) for c in (0, 2, 4) if isinstance(rows[r][c], Paragraph)
                  and rows[r][c].style is st["label_small"]]
        table = Table(rows, colWidths=FORM_W)
        table.setStyle(forms.form_style(font, spans, labels, top=5, bottom=6, extra=[
            *detail_extra,
            ("VALIGN", (1, n), (1, n), "TOP"),
            ("RIGHTPADDING", (1, n), (-1, n), PAD + HANG),
            ("VALIGN", (1, n + 1), (1, n + 1), "BOTTOM"),
            ("VALIGN", (1, n + 3), (1, n + 3), "BOTTOM"),
        ]))
        return [*forms.header(font, st, union, title), Spacer(1, 1 * mm), table]

    return make


def _chosen_nominations(award_round: AwardRound, nomination_ids) -> list[Nomination]:
    found = honours.nominations_of(award_round)
    if nomination_ids is None:
        return sorted(found, key=lambda n: n.id)  # in the order nominated
    wanted = [_number(n, "推荐", "nomination") for n in nomination_ids]
    by_id = {n.id: n for n in found}
    missing = [str(n) for n in wanted if n not in by_id]
    if missing:
        raise ValidationError(f"推荐 {'、'.join(missing)} 不在“{award_round.title}”中", field="nomination")
    return [by_id[n] for n in dict.fromkeys(wanted)]


def print_nomination_forms(round_id, path, nomination_ids=None) -> common.PrintedPdf:
    """推荐表: one A4 page per nominee of the round (all of them, or `nomination_ids`), with the
    basic details (a 工会小组's name, members and 小组长), 先进事迹, the 推荐单位's signature, 票数
    and the 工会意见 box with room for the stamp."""
    award_round = _round(round_id)
    chosen = _chosen_nominations(award_round, nomination_ids)
    if not chosen:
        raise ValidationError(f"“{award_round.title}”还没有推荐人选，没有可打印的推荐表。", field="round")
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    title = form_title(award_round)
    makers = [(_nomination_form(n, title, font, st, union), n.deeds or "") for n in chosen]
    return forms.write_forms(path, makers, CUT_NOTE, font, description, title, union, RETRY_SLACK)


# --- 公示 ------------------------------------------------------------------------------------------------

NOTICE_HEAD = ("序号", "姓名", "部门", "奖项")
NOTICE_WIDTHS = [14 * mm, 32 * mm, 52 * mm, 82 * mm]
TARGET_WORD = {"个人": ("名", "同志"), "工会小组": ("个", "集体"), "家庭": ("户", "家庭")}  # counter, noun


def _whom(award_round: AwardRound) -> tuple[str, str]:
    return TARGET_WORD.get(award_round.award_type.target, TARGET_WORD["个人"])


def notice_heading(award_round: AwardRound) -> str:
    """'关于2027年校级三八红旗手评选结果的公示'."""
    return f"关于{award_round.title}评选结果的{NOTICE_TITLE}"


def _award_text(award_round: AwardRound, nomination: Nomination) -> str:
    award = award_round.award_type
    if nomination.result == "上报":
        return f"拟推荐上报{nomination.sent_level}级{award.name}"
    return f"{award.level}级{award.name}"


def _place(nomination: Nomination) -> str:
    """部门 of a nominee; a union group's 推荐单位 (when it is not the group itself)."""
    if nomination.member_id:
        return nomination.member.department
    return "" if nomination.nominated_by == nomination.group_name else nomination.nominated_by


def notice_rows(award_round: AwardRound) -> list[list[str]]:
    """序号 / 姓名 / 部门 / 奖项 of the 当选, then the 上报 nominations."""
    found = honours.nominations_of(award_round)
    listed = [n for n in found if n.result == "当选"] + [n for n in found if n.result == "上报"]
    return [[str(number), honours.nominee_name(n), _place(n), _award_text(award_round, n)]
            for number, n in enumerate(listed, start=1)]


def _opening(award_round: AwardRound, rows: list[list[str]], union: str) -> str:
    award = award_round.award_type
    counter, who = _whom(award_round)
    elected = sum(1 for r in rows if not r[3].startswith("拟推荐上报"))
    upward = len(rows) - elected
    if elected and upward:
        verb = f"拟表彰或推荐上报以下{who}"
    elif upward:
        verb = f"拟推荐以下{who}上报参评"
    else:
        verb = f"拟表彰以下{who}"
    source = "经各工会小组推荐" if award.target != "工会小组" else "经推荐"
    return (f"根据{award_round.year}年“{award.name}”评选工作安排，{source}、{union}研究，{verb}（共{len(rows)}{counter}），"
            f"现予以公示。")


def print_notice(round_id, path, today=None) -> common.PrintedPdf:
    """公示: '关于<title>评选结果的公示', the 当选 (and 上报) nominations, the 公示 period, the contact,
    how to object; signed by the union and dated `today` (default: the first day of the 公示).
    Refused without a 公示 period or without anyone elected or sent upward."""
    award_round = _round(round_id)
    if not (award_round.notice_start and award_round.notice_end):
        raise ValidationError(f"“{award_round.title}”还没有登记公示起止日期，不能打印公示。", field="notice_start")
    rows = notice_rows(award_round)
    if not rows:
        raise ValidationError(f"“{award_round.title}”还没有当选或上报的人选，不能打印公示。", field="round")
    day = _day(today) or award_round.notice_start
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    body = ParagraphStyle("UDNoticeBody", parent=st["normal"], fontSize=12, leading=12 * 1.75, firstLineIndent=24)
    right = ParagraphStyle("UDNoticeSign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    heading = notice_heading(award_round)
    period = f"{common.fmt_date(award_round.notice_start)}至{common.fmt_date(award_round.notice_end)}"
    contact = award_round.contact or "＿＿＿＿＿＿＿＿＿＿＿＿"
    story = [
        common.DocumentStart(),
        Spacer(1, 6 * mm),
        common.fitted_title(heading, font, CONTENT_W, size=18, smallest=12),
        Spacer(1, 4 * mm),
        Paragraph(common.esc(_opening(award_round, rows, union)), body),
        Spacer(1, 3 * mm),
        sheet_table(NOTICE_HEAD, rows, NOTICE_WIDTHS, "cccc", st, font,
                    extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]),
        Spacer(1, 4 * mm),
        Paragraph(common.esc(f"公示时间：{period}。"), body),
        Paragraph(common.esc("公示期间，如对上述人选有异议，请以书面或当面形式向工会反映。反映情况应实事求是，"
                             "以个人名义反映的请署真实姓名并留下联系方式，以便调查核实。"), body),
        Paragraph(common.esc(f"联系人及电话：{contact}"), body),
        KeepTogether([Spacer(1, 14 * mm), Paragraph(common.esc(union), right),
                      Paragraph(common.esc(common.fmt_date(day)), right)]),
    ]
    running = f"{heading}（续）"
    return forms.write(path, story, font, description, heading, union, running, items=len(rows))


# --- 表彰名单 -------------------------------------------------------------------------------------------

ROLL_HEAD = ("序号", "部门", "人数", "姓名")
ROLL_WIDTHS = [14 * mm, 40 * mm, 16 * mm, 110 * mm]
GROUP_ROLL_HEAD = ("序号", "工会小组", "推荐单位")
GROUP_ROLL_WIDTHS = [14 * mm, 90 * mm, 76 * mm]
NO_DEPARTMENT = "其他"


def roll_heading(award_round: AwardRound) -> str:
    """'2027年校级三八红旗手表彰名单'."""
    return f"{award_round.title}{ROLL_TITLE}"


def roll_sections(award_round: AwardRound) -> list[tuple[str, list[Honour]]]:
    """The round's honours as (heading, honours) per honour and level: '校级三八红旗手', and, for
    nominations sent upward and awarded there, '区级三八红旗手' etc."""
    sections: dict[tuple[int, str], list[Honour]] = {}
    for honour in honours.round_honours(award_round):
        rank = rules.LEVELS.index(honour.level) if honour.level in rules.LEVELS else len(rules.LEVELS)
        sections.setdefault((rank, f"{honour.level}级{honour.title}"), []).append(honour)
    return [(heading, found) for (_rank, heading), found in sorted(sections.items())]


def _by_department(found: list[Honour]) -> list[list[str]]:
    """[序号, 部门, 人数, 姓名、姓名…]: departments by pinyin (none last), names by pinyin."""
    groups: dict[str, list[str]] = {}
    for honour in found:
        groups.setdefault(honour.member.department or "", []).append(honour.member.name)
    order = sorted(groups, key=lambda d: (d == "", spelling(d), d))
    return [[str(number), dept or NO_DEPARTMENT, str(len(groups[dept])),
             "、".join(sorted(groups[dept], key=lambda name: (spelling(name), name)))]
            for number, dept in enumerate(order, start=1)]


def _roll_opening(award_round: AwardRound, sections: list[tuple[str, list[Honour]]], union: str, whom: str) -> str:
    """whom: '2名同志'."""
    order = "（按部门排列，姓名以拼音为序）"
    if len(sections) == 1:
        return f"为表彰先进、树立典型，经{union}研究，决定授予以下{whom}“{sections[0][0]}”称号。名单如下{order}："
    return f"现将{award_round.title}评选中获得表彰的{whom}名单公布如下{order}："


def print_honour_roll(round_id, path) -> common.PrintedPdf:
    """表彰名单 of a decided round: the honours it wrote, by department (union groups by name),
    signed by the union and dated with the decision date. Refused before the round is decided."""
    award_round = _round(round_id)
    if not award_round.decision_date:
        raise ValidationError(f"“{award_round.title}”还没有表彰，不能打印表彰名单。", field="decision_date")
    sections = roll_sections(award_round)
    if not sections:
        raise ValidationError(f"“{award_round.title}”没有获得表彰的人选，没有可打印的表彰名单。", field="round")
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=BASE)
    body = ParagraphStyle("UDRollBody", parent=st["normal"], fontSize=12, leading=12 * 1.75, firstLineIndent=24)
    right = ParagraphStyle("UDRollSign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    heading = roll_heading(award_round)
    total = sum(len(found) for _h, found in sections)
    counter, who = _whom(award_round)
    story = [
        *forms.header(font, st, union, heading),
        Spacer(1, 2 * mm),
        Paragraph(common.esc(_roll_opening(award_round, sections, union, f"{total}{counter}{who}")), body),
        Spacer(1, 2 * mm),
    ]
    for index, (title, found) in enumerate(sections):
        if len(sections) > 1:
            story.append(Paragraph(common.esc(f"{'一二三四五六七八九十'[index] if index < 10 else index + 1}、"
                                              f"{title}（{len(found)}名）"), st["section"]))
        people = [h for h in found if h.member_id]
        groups = [h for h in found if not h.member_id]
        if people:
            story.append(sheet_table(ROLL_HEAD, _by_department(people), ROLL_WIDTHS, "cccl", st, font,
                                     extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
        if groups:
            rows = [[str(n), h.group_name, (h.nomination.nominated_by if h.nomination_id else "")]
                    for n, h in enumerate(sorted(groups, key=lambda h: (spelling(h.group_name), h.group_name)), start=1)]
            rows = [[a, b, "" if c == b else c] for a, b, c in rows]
            story.append(sheet_table(GROUP_ROLL_HEAD, rows, GROUP_ROLL_WIDTHS, "ccc", st, font,
                                     extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
        story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether([Spacer(1, 12 * mm), Paragraph(common.esc(union), right),
                               Paragraph(common.esc(common.fmt_date(award_round.decision_date)), right)]))
    running = f"{heading}（续）"
    return forms.write(path, story, font, description, heading, union, running, items=total)


# --- certificates ----------------------------------------------------------------------------------------

EDGE = 8 * mm  # a shrunk line keeps this far from the edge of the paper


def sample_values() -> dict[str, str]:
    """Placeholder values for the template editor's preview when no honour is chosen."""
    from union_desk.services import settings

    today = dt.date.today()
    return {
        "姓名": "张三", "部门": "语文组", "奖项": "三八红旗手", "级别": "校", "年度": str(today.year),
        "授予单位": honours.school_union(), "学校": settings.get("school_name").strip(),
        "日期": common.fmt_date(today),
    }


def _line_size(text: str, font: str, size: float, x: float, width: float, align: str) -> float:
    """`size`, made smaller (not below 9 pt) when the line would run off the paper."""
    if align == "left":
        room = width - x - EDGE
    elif align == "right":
        room = x - EDGE
    else:
        room = 2 * min(x, width - x) - 2 * EDGE
    text_w = pdfmetrics.stringWidth(text, font, size)
    if room <= 0 or text_w <= room:
        return size
    return max(MIN_PT, size * room / text_w)


def draw_certificate(canv, template: rules.CertificateTemplate, values: dict[str, str], font: str) -> None:
    """One certificate on the current page of `canv` (a page of the template's size): text only."""
    width, height = template.width_mm * mm, template.height_mm * mm
    canv.saveState()
    canv.setFillColor(colors.black)
    for f in template.fields:
        text = rules.fill(f.text, values).strip()
        if not text:
            continue
        x = (f.x_mm + template.offset_x_mm) * mm
        y = height - (f.y_mm + template.offset_y_mm) * mm
        size = _line_size(text, font, max(float(f.size), MIN_PT), x, width, f.align)
        canv.setFont(font, size)
        if f.align == "left":
            canv.drawString(x, y, text)
        elif f.align == "right":
            canv.drawRightString(x, y, text)
        else:
            canv.drawCentredString(x, y, text)
    canv.restoreState()


def _render_certificates(target, template: rules.CertificateTemplate, pages: Iterable[dict[str, str]], font: str,
                         title: str) -> int:
    size = (template.width_mm * mm, template.height_mm * mm)
    canv = common.make_canvas(target, font, size)
    canv.setTitle(title)
    canv.setAuthor(common.union_title())
    count = 0
    for values in pages:
        draw_certificate(canv, template, values, font)
        canv.showPage()
        count += 1
    canv.save()
    return count


def _template(template) -> rules.CertificateTemplate:
    if template is None:
        return honours.certificate_template()
    if isinstance(template, str):
        return rules.parse_template(template)
    rules.check_template(template)
    return template


def print_certificates(honour_ids, path, template=None) -> common.PrintedPdf:
    """Certificates of the honours `honour_ids`, one per page, from `template` (the saved template
    when None), in the order given."""
    ids = [_number(h, "荣誉记录", "honour") for h in (honour_ids or [])]
    if not ids:
        raise ValidationError("请先选择要打印证书的荣誉记录。", field="honour")
    chosen = [honours.get_honour(i) for i in dict.fromkeys(ids)]
    template = _template(template)
    font, description = common.chinese_font()
    values = [honours.certificate_values(h) for h in chosen]
    count: list[int] = []

    def build(tmp) -> None:
        count.append(_render_certificates(tmp, template, values, font, CERTIFICATE_TITLE))

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=count[0], font=description, items=count[0])


def certificate_pdf_bytes(template, values: dict[str, str] | None = None) -> bytes:
    """One certificate as PDF bytes (the template editor's live preview); `values` fill the
    placeholders (sample values when None). The template is drawn as given, positions unchecked,
    so that the preview follows every edit."""
    if isinstance(template, str):
        template = rules.parse_template(template)
    for value, label in ((template.width_mm, "纸张宽度"), (template.height_mm, "纸张高度")):
        if not 50 <= value <= rules.MAX_PAPER_MM:
            raise ValidationError(f"{label}应在 50 到 {rules.MAX_PAPER_MM} 毫米之间", field="paper")
    font, _description = common.chinese_font()
    buffer = io.BytesIO()
    _render_certificates(buffer, template, [values if values is not None else sample_values()], font,
                         CERTIFICATE_TITLE)
    return buffer.getvalue()


__all__ = [
    "CUT_NOTE",
    "certificate_pdf_bytes",
    "draw_certificate",
    "form_title",
    "notice_heading",
    "notice_rows",
    "print_certificates",
    "print_honour_roll",
    "print_nomination_forms",
    "print_notice",
    "roll_heading",
    "roll_sections",
    "sample_values",
]
