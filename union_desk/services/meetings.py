"""会议与登记 (issue 17): meeting kinds, meetings with attendance from roles, minutes and decisions
(with plan items), the 来信来访 register and 合理化建议 with their campaigns.

Every write goes through `services.audit`; the pure rules are in `domain.meetings`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from union_desk.db.meeting_models import (
    Decision,
    Letter,
    Meeting,
    MeetingAttendance,
    MeetingKind,
    Suggestion,
    SuggestionCampaign,
)
from union_desk.db.models import Member, PlanItem, database_proxy
from union_desk.domain import meetings as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.services import audit, counters
from union_desk.services.record_fields import choice, delete_audited, get_record, member_ref, parse_date, yes_no

MAX_COUNT = 99


def letter_reply_days() -> int:
    from union_desk.services import settings

    text = settings.get("letters_reply_days")
    return int(text) if text.isdigit() and 0 < int(text) <= 365 else 15


def check_days_setting(value: str) -> str:
    number = textclean.clean_int(value, "天数", 1, 365)
    return "" if number is None else str(number)


def check_flag_setting(value: str) -> str:
    text = value.strip()
    if text in ("1", "是", "true", "True"):
        return "1"
    if text in ("0", "否", "false", "False"):
        return "0"
    raise ValidationError("应为“是”或“否”（1 或 0）", field="letters_hide_names")


def hide_names_by_default() -> bool:
    """The privacy option: exports of the 来信来访 register hide names unless asked otherwise."""
    from union_desk.services import settings

    return settings.get("letters_hide_names") == "1"


def get_kind(kind_id) -> MeetingKind:
    return get_record(MeetingKind, kind_id, "会议类别")


def get_meeting(meeting_id) -> Meeting:
    return get_record(Meeting, meeting_id, "会议")


def get_decision(decision_id) -> Decision:
    return get_record(Decision, decision_id, "决定事项")


def get_letter(letter_id) -> Letter:
    return get_record(Letter, letter_id, "来信来访记录")


def get_suggestion(suggestion_id) -> Suggestion:
    return get_record(Suggestion, suggestion_id, "合理化建议")


def get_campaign(campaign_id) -> SuggestionCampaign:
    return get_record(SuggestionCampaign, campaign_id, "建议征集活动")


# --- meeting kinds -------------------------------------------------------------------------------


def kinds(active_only: bool = True) -> list[MeetingKind]:
    query = MeetingKind.select()
    if active_only:
        query = query.where(MeetingKind.active)
    return list(query.order_by(MeetingKind.sort_order, MeetingKind.id))


def kind_by_name(name: str) -> MeetingKind | None:
    return MeetingKind.get_or_none(MeetingKind.name == (name or "").strip())


def _roles(raw) -> str:
    from union_desk.services.members import UNION_ROLES

    items = raw if isinstance(raw, (list, tuple)) else textclean.clean_text(raw).replace("、", ",").replace("，", ",").split(",")
    items = [r.strip() for r in items if r and r.strip()]
    unknown = [r for r in items if r not in UNION_ROLES]
    if unknown:
        raise ValidationError(f"未知的工会职务：{'、'.join(unknown)}（可选：{'、'.join(UNION_ROLES)}）", field="roles")
    return ",".join(dict.fromkeys(items))


def save_kind(data: dict, kind: MeetingKind | None = None) -> MeetingKind:
    values: dict = {}
    if "name" in data or kind is None:
        values["name"] = textclean.clean_field(data.get("name"), "short", "会议类别名称", field="name")
        if not values["name"]:
            raise ValidationError("请填写会议类别名称", field="name")
        clash = MeetingKind.select().where(MeetingKind.name == values["name"])
        if kind is not None:
            clash = clash.where(MeetingKind.id != kind.id)
        if clash.exists():
            raise ValidationError(f"会议类别“{values['name']}”已经存在", field="name")
    if "roles" in data:
        values["roles"] = _roles(data["roles"])
    if "min_count" in data:
        values["min_count"] = textclean.clean_int(data["min_count"], "最少次数", 0, MAX_COUNT, field="min_count") or 0
    if "min_period" in data:
        values["min_period"] = choice(data["min_period"], rules.PERIODS, "统计周期", "min_period", "季度")
    if "active" in data:
        values["active"] = bool(data["active"])
    if "sort_order" in data:
        values["sort_order"] = textclean.clean_int(data["sort_order"], "顺序", 0, 1000, field="sort_order") or 0
    if kind is None:
        values.setdefault("sort_order", (MeetingKind.select(fn.MAX(MeetingKind.sort_order)).scalar() or 0) + 1)
        return audit.create(MeetingKind, **values)
    audit.update(kind, **values)
    return kind


# --- meetings ------------------------------------------------------------------------------------


def expected_attendees(kind: MeetingKind, day: dt.date | None = None) -> list[Member]:
    """Who should attend a meeting of `kind`: 在职 members holding one of its roles (every 在职
    member when it names none)."""
    query = Member.select().where(Member.status == "在职")
    roles = [r for r in (kind.roles or "").split(",") if r]
    if roles:
        condition = None
        for role in roles:
            part = Member.union_roles.contains(role)
            condition = part if condition is None else condition | part
        query = query.where(condition)
    return list(query.order_by(Member.department, Member.pinyin_key))


MEETING_TEXT = {
    "time": ("word", "时间"),
    "place": ("line", "地点"),
    "chair": ("name", "主持人"),
    "recorder": ("name", "记录人"),
    "topics": ("long", "议题"),
    "minutes": ("document", "会议记录"),
    "notes": ("notes", "备注"),
}


def _meeting_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in MEETING_TEXT:
            kind, label = MEETING_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "kind":
            values[key] = raw if isinstance(raw, MeetingKind) else (kind_by_name(str(raw)) if not str(raw).isdigit() else get_kind(raw))
            if values[key] is None:
                raise ValidationError(f"未知的会议类别“{raw}”", field="kind")
        elif key == "date":
            values[key] = parse_date(raw, "会议日期", key, required=True)
        elif key == "plan_item":
            number = textclean.clean_int(getattr(raw, "id", raw), "计划事项编号", 1, textclean.MAX_DB_INT, field=key)
            values[key] = PlanItem.get_or_none(PlanItem.id == number) if number else None
            if number and values[key] is None:
                raise ValidationError(f"找不到编号为 {number} 的计划事项", field=key)
        else:
            raise ValueError(f"unknown meeting field {key}")
    return values


def save_meeting(data: dict, meeting: Meeting | None = None, attendees: list | None = None) -> Meeting:
    """Create or edit a meeting. A new one lists the people who should attend (from its kind's roles,
    or `attendees` when given: member ids or records) as 出席; mark the absent with `mark_attendance`."""
    values = _meeting_values(data)
    if meeting is None:
        if values.get("kind") is None:
            raise ValidationError("请选择会议类别", field="kind")
        if values.get("date") is None:
            raise ValidationError("请填写会议日期", field="date")
    with database_proxy.atomic():
        if meeting is None:
            meeting = audit.create(Meeting, **values)
            people = [member_ref(m, "参会人") for m in attendees] if attendees is not None else expected_attendees(meeting.kind, meeting.date)
            set_attendees(meeting, people)
        else:
            audit.update(meeting, **values)
    return meeting


def set_attendees(meeting: Meeting, people: list[Member]) -> None:
    """Make the 应到 list `people`: new ones come as 出席, those no longer listed are removed."""
    wanted = {m.id for m in people}
    have = {a.member_id: a for a in MeetingAttendance.select().where(MeetingAttendance.meeting == meeting)}
    gone = [a.id for member_id, a in have.items() if member_id not in wanted]
    new = [{"meeting": meeting.id, "member": m_id, "state": "出席"} for m_id in sorted(wanted - set(have))]
    if gone:
        MeetingAttendance.delete().where(MeetingAttendance.id.in_(gone)).execute()
    if new:
        MeetingAttendance.insert_many(new).execute()
    if gone or new:
        audit.record("update", meeting, note=f"应到人员：新增{len(new)}人，移出{len(gone)}人")


def mark_attendance(meeting: Meeting, member_ids: list[int], state: str, reason: str = "") -> int:
    state = choice(state, rules.ATTENDANCE_STATES, "出席情况", "state", "出席")
    reason = textclean.clean_field(reason, "line", "原因", field="reason")
    rows = list(MeetingAttendance.select().where(
        (MeetingAttendance.meeting == meeting) & MeetingAttendance.member.in_(list(member_ids))))
    if len(rows) != len(set(member_ids)):
        raise ValidationError("有的人员不在这次会议的应到名单里", field="member")
    changed = 0
    with database_proxy.atomic():
        for row in rows:
            new_reason = reason if state != "出席" else ""
            if row.state == state and row.reason == new_reason:
                continue
            before = {"state": row.state, "reason": row.reason}
            row.state, row.reason = state, new_reason
            row.save()
            audit.record("update", row, before=before, after={"state": state, "reason": new_reason})
            changed += 1
    return changed


def attendance_of(meeting: Meeting) -> list[MeetingAttendance]:
    return list(
        MeetingAttendance.select(MeetingAttendance, Member).join(Member)
        .where(MeetingAttendance.meeting == meeting).order_by(Member.department, Member.pinyin_key)
    )


@dataclass(frozen=True)
class AttendanceFigures:
    expected: int
    present: int
    leave: int
    absent: int
    absent_text: str  # 缺席及原因: 张三（病假）、李四


def attendance_figures(meeting: Meeting) -> AttendanceFigures:
    rows = attendance_of(meeting)
    away = [r for r in rows if r.state != "出席"]
    text = "、".join(f"{r.member.name}（{r.state}：{r.reason}）" if r.reason else f"{r.member.name}（{r.state}）" for r in away)
    return AttendanceFigures(len(rows), sum(r.state == "出席" for r in rows), sum(r.state == "请假" for r in rows),
                             sum(r.state == "缺席" for r in rows), text)


def delete_meeting(meeting: Meeting) -> None:
    with database_proxy.atomic():
        for decision in meeting.decisions:
            delete_audited(decision, note="随会议删除")
        MeetingAttendance.delete().where(MeetingAttendance.meeting == meeting).execute()
        delete_audited(meeting, note="删除会议记录")


def list_meetings(year: int | None = None, kind: MeetingKind | None = None, text: str = "") -> list[Meeting]:
    query = Meeting.select(Meeting, MeetingKind).join(MeetingKind)
    if year is not None:
        query = query.where(Meeting.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    text = (text or "").strip()
    if text:
        query = query.where(Meeting.topics.contains(text) | Meeting.minutes.contains(text) | Meeting.place.contains(text)
                            | Meeting.chair.contains(text))
    return list(query.order_by(Meeting.date.desc(), Meeting.id.desc()))


def meeting_title(meeting: Meeting) -> str:
    return f"{meeting.date:%Y-%m-%d} {meeting.kind.name}"


def meetings_json(year: int | None = None) -> list[dict]:
    rows = []
    for m in list_meetings(year):
        figures = attendance_figures(m)
        decisions = list(m.decisions)
        rows.append({
            "id": m.id, "kind": m.kind.name, "date": m.date.isoformat(), "time": m.time, "place": m.place,
            "chair": m.chair, "recorder": m.recorder, "expected": figures.expected, "present": figures.present,
            "topics": [t for t in m.topics.splitlines() if t.strip()],
            "decisions": len(decisions), "decisions_open": sum(d.state in rules.OPEN_DECISION_STATES for d in decisions),
        })
    return rows


def count_checks(year: int, today: dt.date | None = None) -> list[rules.CountCheck]:
    """Per kind with a minimum: meetings held per month / quarter / year of `year` against it."""
    return count_checks_between(dt.date(year, 1, 1), dt.date(year, 12, 31), today)


def count_checks_between(start: dt.date, end: dt.date, today: dt.date | None = None) -> list[rules.CountCheck]:
    today = today or dt.date.today()
    checks = []
    for kind in kinds():
        if not kind.min_count:
            continue
        dates = [m.date for m in Meeting.select(Meeting.date).where((Meeting.kind == kind) & Meeting.date.between(start, end))]
        checks.append(rules.count_check(kind.name, kind.min_count, kind.min_period, start, end, dates, today))
    return checks


# --- decisions -----------------------------------------------------------------------------------


def _decision_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key == "text":
            values[key] = textclean.clean_field(raw, "notes", "决定事项", field=key)
        elif key == "owner":
            values[key] = textclean.clean_field(raw, "name", "责任人", field=key)
        elif key == "due_date":
            values[key] = parse_date(raw, "完成期限", key)
        elif key == "done_date":
            values[key] = parse_date(raw, "完成日期", key)
        elif key == "state":
            values[key] = choice(raw, rules.DECISION_STATES, "办理状态", key, "未办")
        elif key == "notes":
            values[key] = textclean.clean_field(raw, "notes", "备注", field=key)
        elif key == "sort_order":
            values[key] = textclean.clean_int(raw, "顺序", 0, 1000, field=key) or 0
        else:
            raise ValueError(f"unknown decision field {key}")
    return values


def _check_decision(merged: dict, meeting: Meeting) -> None:
    if not merged.get("text"):
        raise ValidationError("请填写决定事项", field="text")
    if merged.get("due_date") and merged["due_date"] < meeting.date:
        raise ValidationError("完成期限早于会议日期", field="due_date")
    if merged.get("state") == "已办" and merged.get("done_date") and merged["done_date"] < meeting.date:
        raise ValidationError("完成日期早于会议日期", field="done_date")


def add_decision(meeting: Meeting, data: dict) -> Decision:
    values = _decision_values(data)
    values.setdefault("state", "未办")
    if values["state"] == "已办" and not values.get("done_date"):
        values["done_date"] = dt.date.today()
    _check_decision(values, meeting)
    if "sort_order" not in values:
        values["sort_order"] = (Decision.select(fn.MAX(Decision.sort_order)).where(Decision.meeting == meeting).scalar() or 0) + 1
    return audit.create(Decision, meeting=meeting, **values)


def update_decision(decision: Decision, data: dict) -> dict:
    values = _decision_values(data)
    merged = {k: getattr(decision, k) for k in ("text", "due_date", "state", "done_date")}
    merged.update(values)
    if merged["state"] == "已办" and not merged.get("done_date"):
        values["done_date"] = merged["done_date"] = dt.date.today()
    if merged["state"] != "已办":
        values["done_date"] = None
    _check_decision(merged, decision.meeting)
    return audit.update(decision, **values)


def set_decision_state(decision: Decision, state: str, day=None) -> dict:
    data = {"state": state}
    if state == "已办":
        data["done_date"] = day or dt.date.today()
    return update_decision(decision, data)


def delete_decision(decision: Decision) -> None:
    delete_audited(decision, note="删除决定事项")


def decisions_of(meeting: Meeting) -> list[Decision]:
    return list(Decision.select().where(Decision.meeting == meeting).order_by(Decision.sort_order, Decision.id))


def decisions_due(today: dt.date | None = None) -> list[Decision]:
    """Open decisions due by the end of this week or overdue (首页)."""
    today = today or dt.date.today()
    return list(
        Decision.select(Decision, Meeting, MeetingKind).join(Meeting).join(MeetingKind)
        .where(Decision.state.in_(list(rules.OPEN_DECISION_STATES)) & Decision.due_date.is_null(False)
               & (Decision.due_date <= rules.week_end(today)))
        .order_by(Decision.due_date, Decision.id)
    )


def decision_to_plan_item(decision: Decision) -> PlanItem:
    """Create a plan item from a decision (title = the decision, date = its deadline, owner) and link it."""
    from union_desk.services import plan

    if decision.plan_item_id:
        raise ValidationError("这条决定事项已关联计划事项", field="plan_item")
    day = decision.due_date or decision.meeting.date
    title = decision.text.splitlines()[0][:120] if decision.text else "会议决定事项"
    with database_proxy.atomic():
        item = plan.create_item(day.year, {"title": title, "date": day, "responsible": decision.owner,
                                           "notes": f"来自{meeting_title(decision.meeting)}的决定事项"})
        audit.update(decision, plan_item=item, note=f"生成计划事项：{item.title}")
    return item


def link_decision(decision: Decision, item: PlanItem | None) -> dict:
    return audit.update(decision, plan_item=item, note=f"关联计划项：{item.title}" if item else "取消关联计划项")


# --- 来信来访 -------------------------------------------------------------------------------------

LETTER_TEXT = {
    "person_name": ("name", "姓名"),
    "contact": ("line", "联系方式"),
    "matter": ("long", "反映事项"),
    "referred_to": ("line", "转办部门（责任人）"),
    "reply": ("long", "答复情况"),
    "notes": ("notes", "备注"),
}


def _next_letter_serial(year: int) -> str:
    name = f"letter-serial-{year}"
    return rules.serial(year, counters.next_value(name))


def claim_letter_serial(serial: str, day: dt.date) -> str:
    """Keep a given number (an imported ledger row): XF<year>-<nnn> of the letter's year, unused."""
    import re

    match = re.fullmatch(r"XF(\d{4})-(\d{3,5})", (serial or "").strip())
    if not match or int(match.group(1)) != day.year:
        raise ValidationError(f"编号“{serial}”格式不对，应为 XF{day.year}-001 的形式", field="serial")
    if Letter.select().where(Letter.serial == serial).exists():
        raise ValidationError(f"编号“{serial}”已被另一条来信来访记录使用", field="serial")
    name = f"letter-serial-{day.year}"
    counters.raise_to(name, int(match.group(2)))
    return serial.strip()


def _letter_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in LETTER_TEXT:
            kind, label = LETTER_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "date":
            values[key] = parse_date(raw, "日期", key, required=True)
        elif key in ("due_date", "reply_date"):
            values[key] = parse_date(raw, "答复期限" if key == "due_date" else "答复日期", key)
        elif key == "channel":
            values[key] = choice(raw, rules.CHANNELS, "来源渠道", key, "来信")
        elif key == "person_kind":
            values[key] = choice(raw, rules.PERSON_KINDS, "反映人类型", key, "会员")
        elif key == "category":
            values[key] = choice(raw, rules.LETTER_CATEGORIES, "类别", key, "其他")
        elif key == "member":
            values[key] = member_ref(raw, "反映人") if raw not in (None, "") else None
        elif key == "closed":
            values[key] = yes_no(raw)
        else:
            raise ValueError(f"unknown letter field {key}")
    return values


def _check_letter(merged: dict) -> dict:
    """Make the person consistent: 会员 → member (name from the archive); 非会员 → a name;
    匿名 → no name, no member, no contact kept."""
    fixes: dict = {}
    kind = merged.get("person_kind") or "会员"
    if kind == "会员":
        if merged.get("member") is None:
            raise ValidationError("请选择反映问题的会员（或改为非会员、匿名）", field="member")
        fixes["person_name"] = merged["member"].name
    elif kind == "非会员":
        if not merged.get("person_name"):
            raise ValidationError("请填写反映人姓名（或改为匿名）", field="person_name")
        fixes["member"] = None
    else:
        fixes.update(member=None, person_name="", contact="")
    if not merged.get("matter"):
        raise ValidationError("请填写反映事项", field="matter")
    if merged.get("reply_date") and merged.get("date") and merged["reply_date"] < merged["date"]:
        raise ValidationError("答复日期早于来信来访日期", field="reply_date")
    if merged.get("due_date") and merged.get("date") and merged["due_date"] < merged["date"]:
        raise ValidationError("答复期限早于来信来访日期", field="due_date")
    if merged.get("closed") and not merged.get("reply"):
        raise ValidationError("办结前请填写答复情况", field="reply")
    return fixes


_LETTER_FIELDS = ("date", "channel", "person_kind", "member", "person_name", "contact", "matter", "category",
                  "referred_to", "due_date", "reply", "reply_date", "closed", "notes")


def save_letter(data: dict, letter: Letter | None = None, serial: str | None = None) -> Letter:
    values = _letter_values(data)
    merged = {k: getattr(letter, k) for k in _LETTER_FIELDS} if letter else {}
    merged.update(values)
    if letter is None and merged.get("date") is None:
        raise ValidationError("请填写日期", field="date")
    values.update(_check_letter(merged))
    if letter is None and not merged.get("due_date"):
        values["due_date"] = merged["date"] + dt.timedelta(days=letter_reply_days())
    with database_proxy.atomic():
        if letter is None:
            number = claim_letter_serial(serial, values["date"]) if serial else _next_letter_serial(values["date"].year)
            return audit.create(Letter, serial=number, **values)
        audit.update(letter, **values)
    return letter


def reply_letter(letter: Letter, reply: str, day=None, close: bool = True) -> Letter:
    return save_letter({"reply": reply, "reply_date": day or dt.date.today(), "closed": close}, letter)


def list_letters(year: int | None = None, open_only: bool = False, text: str = "") -> list[Letter]:
    query = Letter.select()
    if year is not None:
        query = query.where(Letter.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if open_only:
        query = query.where(~Letter.closed)
    text = (text or "").strip()
    if text:
        query = query.where(Letter.serial.contains(text) | Letter.matter.contains(text)
                            | ((Letter.person_kind != rules.ANONYMOUS) & Letter.person_name.contains(text))
                            | Letter.referred_to.contains(text))
    return list(query.order_by(Letter.date.desc(), Letter.id.desc()))


def overdue_letters(today: dt.date | None = None) -> list[Letter]:
    """Not replied and past the reply deadline (首页)."""
    today = today or dt.date.today()
    return list(Letter.select().where(~Letter.closed & Letter.reply_date.is_null() & (Letter.due_date < today))
                .order_by(Letter.due_date, Letter.id))


def letter_person(letter: Letter, hide_names: bool = False) -> str:
    return rules.person_text(letter.person_kind, letter.person_name, hide_names)


# --- 合理化建议 -----------------------------------------------------------------------------------


def save_campaign(data: dict, campaign: SuggestionCampaign | None = None) -> SuggestionCampaign:
    values: dict = {}
    if "title" in data or campaign is None:
        values["title"] = textclean.clean_field(data.get("title"), "long_line", "征集活动名称", field="title")
        if not values["title"]:
            raise ValidationError("请填写征集活动名称", field="title")
    if "start_date" in data or campaign is None:
        values["start_date"] = parse_date(data.get("start_date"), "开始日期", "start_date", required=True)
    if "end_date" in data:
        values["end_date"] = parse_date(data["end_date"], "截止日期", "end_date")
    if "notes" in data:
        values["notes"] = textclean.clean_field(data["notes"], "notes", "备注", field="notes")
    start = values.get("start_date", campaign.start_date if campaign else None)
    end = values["end_date"] if "end_date" in values else (campaign.end_date if campaign else None)
    if start and end and end < start:
        raise ValidationError("截止日期早于开始日期", field="end_date")
    if campaign is None:
        return audit.create(SuggestionCampaign, **values)
    audit.update(campaign, **values)
    return campaign


def campaigns() -> list[SuggestionCampaign]:
    return list(SuggestionCampaign.select().order_by(SuggestionCampaign.start_date.desc()))


def campaign_by_title(title: str) -> SuggestionCampaign | None:
    return SuggestionCampaign.get_or_none(SuggestionCampaign.title == (title or "").strip())


SUGGESTION_TEXT = {
    "proposer": ("long_line", "建议人"),
    "title": ("long_line", "建议名称"),
    "content": ("long", "建议内容"),
    "result": ("long", "采纳及实施情况"),
    "notes": ("notes", "备注"),
}


def _suggestion_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in SUGGESTION_TEXT:
            kind, label = SUGGESTION_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "date":
            values[key] = parse_date(raw, "提出日期", key, required=True)
        elif key == "category":
            values[key] = choice(raw, rules.SUGGESTION_CATEGORIES, "建议类别", key, "其他")
        elif key == "adoption":
            values[key] = choice(raw, rules.ADOPTIONS, "采纳情况", key, "待定")
        elif key == "member":
            values[key] = member_ref(raw, "建议人") if raw not in (None, "") else None
        elif key == "campaign":
            values[key] = (raw if isinstance(raw, SuggestionCampaign) else get_campaign(getattr(raw, "id", raw))) if raw not in (None, "") else None
        else:
            raise ValueError(f"unknown suggestion field {key}")
    return values


def save_suggestion(data: dict, suggestion: Suggestion | None = None) -> Suggestion:
    values = _suggestion_values(data)
    merged = {k: getattr(suggestion, k) for k in ("date", "member", "proposer", "title", "campaign")} if suggestion else {}
    merged.update(values)
    if not merged.get("title"):
        raise ValidationError("请填写建议名称", field="title")
    if merged.get("date") is None:
        raise ValidationError("请填写提出日期", field="date")
    if merged.get("member") is not None and not merged.get("proposer"):
        values["proposer"] = merged["member"].name
    if merged.get("member") is None and not merged.get("proposer"):
        raise ValidationError("请选择或填写建议人", field="proposer")
    campaign = merged.get("campaign")
    if campaign is not None and (merged["date"] < campaign.start_date or (campaign.end_date and merged["date"] > campaign.end_date)):
        raise ValidationError(f"提出日期不在“{campaign.title}”的征集时间内", field="date")
    if suggestion is None:
        return audit.create(Suggestion, **values)
    audit.update(suggestion, **values)
    return suggestion


def list_suggestions(year: int | None = None, campaign: SuggestionCampaign | None = None, text: str = "") -> list[Suggestion]:
    query = Suggestion.select()
    if year is not None:
        query = query.where(Suggestion.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if campaign is not None:
        query = query.where(Suggestion.campaign == campaign)
    text = (text or "").strip()
    if text:
        query = query.where(Suggestion.title.contains(text) | Suggestion.content.contains(text) | Suggestion.proposer.contains(text))
    return list(query.order_by(Suggestion.date.desc(), Suggestion.id.desc()))


def delete_suggestion(suggestion: Suggestion) -> None:
    delete_audited(suggestion, note="删除合理化建议")


def delete_letter(letter: Letter) -> None:
    """Only a letter entered by mistake today; its number is never reused (the counter stays)."""
    delete_audited(letter, note="删除来信来访记录")
