"""Printed sheets of an activity (A4 portrait, platypus): 报名表, 签到表 and 获奖名单.

    print_signup_list(activity_id, path)   # 报名表: per item, 已报名 then 候补 with positions
    print_signin(activity_id, path)        # 签到表: by department, a wide signature column
    print_awards(activity_id, path)        # 获奖名单: rank, award, name or team, department

Every sheet has the union's name and the activity (title, time, place) at the top, a header row
repeated on every page, a running head on continuation pages and '第 N 页 共 M 页' at the foot
(common.NumberedCanvas). Files are written atomically (common.write_pdf_atomic). Only the data is
read here; every rule (who is signed up, the waiting order) comes from services.activities.
"""

from __future__ import annotations

import functools
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from union_desk.db.models import Activity, ActivityItem, Member, SignUp
from union_desk.domain.pinyin import pinyin_variants
from union_desk.errors import ValidationError
from union_desk.printing import common
from union_desk.services import activities

SIGNUP_TITLE = "报名表"
SIGNIN_TITLE = "签到表"
AWARDS_TITLE = "获奖名单"
MARGIN_X = 15 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X  # 180 mm
GRID = colors.black
GREY = colors.Color(0.42, 0.42, 0.42)
SIGNIN_BLANK_ROWS = 4  # empty rows at the end of the 签到表 for people signing up on the day
NUMBERS = "一二三四五六七八九十"
GAP = "\u00a0" * 6  # a Paragraph collapses ordinary and ideographic spaces, not no-break ones


# --- small helpers ------------------------------------------------------------------------------


def _section_number(index: int) -> str:
    if index < 10:
        return NUMBERS[index]
    return str(index + 1)


@functools.lru_cache(maxsize=4096)
def spelling(text: str) -> str:
    """Sort key for Chinese text: its first full pinyin spelling ('' sorts first)."""
    if not text:
        return ""
    full, _initials = pinyin_variants(text)
    return full[0] if full else text


def department_key(member: Member) -> tuple:
    """签到表 order: by department (no department last), then name, both by pinyin."""
    dept = member.department or ""
    return (dept == "", spelling(dept), dept, spelling(member.name), member.name, member.id)


def _when(activity: Activity) -> str:
    start, end = activity.start, activity.end
    text = f"{common.fmt_date(start)} {start:%H:%M}"
    if end:
        if end.date() == start.date():
            text += f"—{end:%H:%M}"
        else:
            text += f" 至 {common.fmt_date(end)} {end:%H:%M}"
    return text


def _items(activity: Activity) -> list[ActivityItem]:
    return list(activity.items.order_by(ActivityItem.sort_order, ActivityItem.id))


def _load(activity_id) -> Activity:
    try:
        number = int(activity_id)
    except (TypeError, ValueError):
        raise ValidationError(f"活动编号不对：{activity_id}", field="activity") from None
    return activities.get_activity(number)


# --- document -----------------------------------------------------------------------------------


def _write(path, story: list, font: str, description: str, title: str, union: str, running: str, items: int) -> common.PrintedPdf:
    pages: list[int] = []

    def build(tmp) -> None:  # an open binary file (common.write_pdf_atomic)
        doc = common.doc_template(tmp, title, union, A4, margin_x=MARGIN_X)
        doc.build(story, canvasmaker=common.numbered_canvas(font, running_head=running))
        pages.append(doc.page)

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=items)


def sheet_header(title: str, font: str, st: dict, union: str, left: str, right: str) -> list:
    """Union name, the title, then `left` (time / place) and `right` on one line: the top of every
    sign-up and sign-in sheet (activities, the staff congress)."""
    return [
        common.DocumentStart(),
        Paragraph(common.esc(union), st["header"]),
        Spacer(1, 2.5 * mm),
        common.fitted_title(title, font, CONTENT_W),
        common.info_line(font, st, left, right, [CONTENT_W * 0.68, CONTENT_W * 0.32]),
    ]


def _header(activity: Activity, sheet: str, font: str, st: dict, union: str, right: str) -> list:
    """Union name, '<activity> <sheet>', then time / place on the left and `right` on the right."""
    left = f"时间：{_when(activity)}"
    if activity.place:
        left += f"{GAP}地点：{activity.place}"
    return sheet_header(f"{activity.title}{sheet}", font, st, union, left, right)


def _grid(font: str, extra=(), last_row: int = -1) -> TableStyle:
    """The bordered look, down to `last_row` (rows after it are the table's end: no lines)."""
    grid = [
        (cmd[0], cmd[1], (-1, last_row), *cmd[3:]) if cmd[0] in ("GRID", "BOX") else cmd
        for cmd in common.grid_style(font)
    ]
    return TableStyle([
        *grid,
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ])


END_KEEPS_ROWS = 2  # the end of a sheet (note, 经办人/日期) never goes to a page without table rows


def sheet_table(head, body, widths, aligns: str, st: dict, font: str, extra=(), end=()) -> LongTable:
    """A bordered table whose shaded header row repeats on every page; aligns: l/c/r, or s for
    small centred text (notes).

    `end`: (flowable, space above) pairs that close the sheet (the note, the 经办人/日期 line). They
    are rows of the table, unbordered and spanning it, held to its last END_KEEPS_ROWS rows: when
    the page is full they move to the next page with those rows (and the repeated header), never
    alone; when there is room they stay."""
    by = {"l": st["cell"], "c": st["cell_center"], "r": st["cell_right"], "s": st["small_center"]}
    data = [[Paragraph(common.esc(h), st["head"]) for h in head]]
    for row in body:
        data.append([Paragraph(common.esc(v), by[a]) for v, a in zip(row, aligns)])
    last = len(data) - 1
    tail = []
    for offset, (flowable, space) in enumerate(end, start=1):
        data.append([flowable] + [""] * (len(head) - 1))
        row = last + offset
        tail += [
            ("SPAN", (0, row), (-1, row)),
            ("LEFTPADDING", (0, row), (-1, row), 0),
            ("RIGHTPADDING", (0, row), (-1, row), 0),
            ("TOPPADDING", (0, row), (-1, row), space),
            ("BOTTOMPADDING", (0, row), (-1, row), 0),
            ("BACKGROUND", (0, row), (-1, row), colors.white),
        ]
    if end:
        tail.append(("NOSPLIT", (0, max(1, last - END_KEEPS_ROWS + 1)), (-1, -1)))
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(_grid(font, [*extra, *tail], last_row=last))
    return table


def sign_footer(font: str, labels: tuple[str, ...]) -> Table:
    """'经办人：____　日期：　年　月　日' (plain strings keep the ideographic spaces)."""
    size = 10.5
    row, widths = [], []
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for label in labels:
        text = f"{label}："
        row += [text, "", ""]
        widths += [pdfmetrics.stringWidth(text, font, size) + 1, 34 * mm, 8 * mm]
        style.append(("LINEBELOW", (len(row) - 2, 0), (len(row) - 2, 0), 0.6, GRID))
    row.append("日期：　　　年　　月　　日")
    widths.append(max(CONTENT_W - sum(widths), 50 * mm))
    table = Table([row], colWidths=widths, rowHeights=[9 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


# --- 报名表 ---------------------------------------------------------------------------------------

SIGNUP_HEAD = ("序号", "姓名", "部门", "项目", "状态", "候补位次", "备注")
SIGNUP_WIDTHS = [12 * mm, 20 * mm, 28 * mm, 28 * mm, 16 * mm, 18 * mm, 58 * mm]


def _signup_note(signup: SignUp) -> str:
    notes = []
    if signup.team_id:
        notes.append(f"队伍：{signup.team.name}")
    if signup.walk_in:
        notes.append("现场报名")
    elif signup.override_reason and signup.override_reason != "组队报名":
        notes.append(f"特批：{signup.override_reason}")
    if signup.checked_in:
        notes.append("已签到")
    return "；".join(notes)


def _capacity_text(item: ActivityItem, signed: int, waiting: int) -> str:
    cap = "不限名额" if item.capacity is None else f"名额 {item.capacity} 人"
    text = f"{cap}，已报名 {signed} 人"
    if waiting:
        text += f"，候补 {waiting} 人"
    if item.team_based:
        text += "，团体项目"
    return text


def print_signup_list(activity_id, path) -> common.PrintedPdf:
    """报名表: one section per item — 已报名 in sign-up order, then 候补 with their positions."""
    activity = _load(activity_id)
    items = _items(activity)
    if not items:
        raise ValidationError(f"活动“{activity.title}”还没有项目，没有可打印的报名表。", field="activity")
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=10)
    figures = activities.activity_figures(activity)
    right = f"报名 {figures.signed_up} 人"
    if figures.waiting:
        right += f"　候补 {figures.waiting} 人"
    story = _header(activity, SIGNUP_TITLE, font, st, union, right)
    rules = activities.eligibility_text(activity)
    deadline = f"报名截止：{common.fmt_date(activity.signup_deadline)} {activity.signup_deadline:%H:%M}" if activity.signup_deadline else ""
    line = GAP.join(x for x in (deadline, f"报名条件：{rules}" if rules else "") if x)
    if line:
        story.append(Paragraph(common.esc(line), st["small"]))
    total = 0
    end = [(sign_footer(font, ("经办人",)), 8 * mm)]
    for index, item in enumerate(items):
        signups = activities.signups_of(item)
        signed = [s for s in signups if s.state == activities.SIGNED]
        waiting = [s for s in signups if s.state == activities.WAITING]
        story.append(CondPageBreak(30 * mm))
        story.append(Spacer(1, 1 * mm))
        story.append(Paragraph(
            common.esc(f"{_section_number(index)}、{item.name}（{_capacity_text(item, len(signed), len(waiting))}）"), st["section"]))
        body, muted = [], []
        position = 0
        for number, s in enumerate(signups, start=1):
            if s.state == activities.WAITING:
                position += 1
                muted.append(number)
            body.append([str(number), s.member.name, s.member.department, item.name, s.state,
                         f"第 {position} 位" if s.state == activities.WAITING else "", _signup_note(s)])
        if not body:
            body.append(["", "（暂无报名）", "", "", "", "", ""])
        extra = [("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.97)) for r in muted]
        if not signups:
            extra.append(("SPAN", (1, 1), (-1, 1)))
        last = index == len(items) - 1
        story.append(sheet_table(SIGNUP_HEAD, body, SIGNUP_WIDTHS, "ccccccl", st, font, extra, end=end if last else ()))
        total += len(signups)
    running = f"{activity.title}　{SIGNUP_TITLE}（续）"
    return _write(path, story, font, description, f"{activity.title}{SIGNUP_TITLE}", union, running, total)


# --- 签到表 ---------------------------------------------------------------------------------------

SIGNIN_HEAD = ("序号", "姓名", "部门", "项目", "签名", "备注")
SIGNIN_WIDTHS = [11 * mm, 22 * mm, 28 * mm, 40 * mm, 52 * mm, 27 * mm]  # 签名 the widest


def signin_rows(activity: Activity) -> list[activities.Attendee]:
    """Everyone with a place (已报名) in any item — one row per person, by department."""
    return sorted(activities.attendees(activity), key=lambda a: department_key(a.member))


def print_signin(activity_id, path) -> common.PrintedPdf:
    """签到表: everyone with a place, sorted by department, a wide column to sign in; a few empty
    rows at the end for people who sign up on the day."""
    activity = _load(activity_id)
    rows = signin_rows(activity)
    if not rows:
        raise ValidationError(f"活动“{activity.title}”还没有人报名，没有可打印的签到表。", field="activity")
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=10.5)
    story = _header(activity, SIGNIN_TITLE, font, st, union, f"应到 {len(rows)} 人　实到＿＿＿人")
    body = []
    for number, row in enumerate(rows, start=1):
        items = "、".join(row.items)
        note = "、".join(row.teams)
        body.append([str(number), row.member.name, row.member.department, items, "", note])
    for number in range(len(rows) + 1, len(rows) + 1 + SIGNIN_BLANK_ROWS):
        body.append([str(number), "", "", "", "", ""])
    story.append(Spacer(1, 1 * mm))
    # rows about 10 mm high: room to sign by hand
    end = [
        (Paragraph("注：未报名而到场的人员请在表末空行填写姓名、部门后签名。", st["small"]), 2 * mm),
        (sign_footer(font, ("经办人",)), 4 * mm),
    ]
    story.append(sheet_table(SIGNIN_HEAD, body, SIGNIN_WIDTHS, "ccccls", st, font,
                        extra=[("TOPPADDING", (0, 1), (-1, -1), 7.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 8)], end=end))
    running = f"{activity.title}　{SIGNIN_TITLE}（续）"
    return _write(path, story, font, description, f"{activity.title}{SIGNIN_TITLE}", union, running, len(rows))


# --- 获奖名单 -------------------------------------------------------------------------------------

AWARDS_HEAD = ("名次", "奖项", "姓名", "部门")
TEAM_AWARDS_HEAD = ("名次", "奖项", "队名", "队员")
AWARDS_WIDTHS = [16 * mm, 30 * mm, 40 * mm, 94 * mm]


def _award_widths(rows: list[list[str]], font: str, st: dict) -> list[float]:
    """AWARDS_WIDTHS with 名次 wide enough for its longest text on one line ('第 10 名'); the last
    column gives up the difference."""
    size = st["cell_center"].fontSize
    pad = 3 + 3 + 4  # the cell's padding, and a little air
    need = max(pdfmetrics.stringWidth(row[0], font, size) for row in rows) + pad
    need = max(need, pdfmetrics.stringWidth("第 10 名", font, size) + pad)  # the same width on every sheet
    widths = list(AWARDS_WIDTHS)
    if need > widths[0]:
        widths[-1] -= need - widths[0]
        widths[0] = need
    return widths


def _rank_key(target) -> tuple:
    return (target.rank is None, target.rank or 0, target.award or "")


def award_rows(item: ActivityItem) -> tuple[tuple[str, ...], list[list[str]]]:
    """(head, rows): [名次, 奖项, 队名, 队员] of the teams with a result for a team item (when any),
    else [名次, 奖项, 姓名, 部门] of the sign-ups with a rank or an award."""
    if item.team_based:
        teams = sorted((t for t in item.teams if t.rank or t.award), key=_rank_key)
        if teams:
            rows = []
            for team in teams:
                names = [s.member.name for s in team.members.join(Member)
                         .where(SignUp.state != activities.CANCELLED).order_by(SignUp.queue_no)]
                rows.append([f"第 {team.rank} 名" if team.rank else "", team.award, team.name, "、".join(names)])
            return TEAM_AWARDS_HEAD, rows
    rows = [
        [f"第 {s.rank} 名" if s.rank else "", s.award, s.member.name, s.member.department]
        for s in sorted((s for s in activities.signups_of(item) if s.rank or s.award),
                        key=lambda s: (*_rank_key(s), department_key(s.member)))
    ]
    return AWARDS_HEAD, rows


def print_awards(activity_id, path) -> common.PrintedPdf:
    """获奖名单: per item, in rank order; teams with their members."""
    activity = _load(activity_id)
    sections = [(item, *award_rows(item)) for item in _items(activity)]
    sections = [(item, head, rows) for item, head, rows in sections if rows]
    if not sections:
        raise ValidationError(f"活动“{activity.title}”还没有登记名次或奖项，没有可打印的获奖名单。", field="activity")
    font, description = common.chinese_font()
    union = common.union_title()
    st = common.styles(font, base=10.5)
    count = sum(len(rows) for _, _, rows in sections)
    story = _header(activity, AWARDS_TITLE, font, st, union, f"共 {count} 项获奖")
    for index, (item, head, rows) in enumerate(sections):
        story.append(CondPageBreak(30 * mm))
        story.append(Spacer(1, 1 * mm))
        story.append(Paragraph(common.esc(f"{_section_number(index)}、{item.name}"), st["section"]))
        last = index == len(sections) - 1
        end = [(sign_footer(font, ("经办人", "工会主席")), 6 * mm)] if last else ()
        story.append(sheet_table(head, rows, _award_widths(rows, font, st), "cccl" if head is TEAM_AWARDS_HEAD else "cccc",
                            st, font, extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)],
                            end=end))
    running = f"{activity.title}　{AWARDS_TITLE}（续）"
    return _write(path, story, font, description, f"{activity.title}{AWARDS_TITLE}", union, running, count)


__all__ = [
    "AWARDS_TITLE",
    "SIGNIN_TITLE",
    "SIGNUP_TITLE",
    "award_rows",
    "department_key",
    "print_awards",
    "print_signin",
    "print_signup_list",
    "signin_rows",
]
