"""教代会与提案 (issue 16): terms, sessions and their attendance, agenda and votes, delegates (and the
derived role 教代会代表), the proposal workflow with its never-reused numbers, and 民主评议.

Every write goes through `services.audit`. The pure rules are in `domain.congress`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from peewee import fn

from union_desk.db.congress_models import (
    AgendaItem,
    CongressSession,
    CongressTerm,
    Delegate,
    Evaluation,
    EvaluationSubject,
    Proposal,
    SessionAttendance,
)
from union_desk.db.models import Member, PlanItem, database_proxy, now
from union_desk.domain import congress as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.services import audit, counters
from union_desk.services.record_fields import choice, delete_audited, get_record, member_ref, parse_date, yes_no

ROLE = "教代会代表"
MAX_TERM_NUMBER = 99
MAX_SESSION_NUMBER = 99
MAX_VOTES = 100_000


# --- settings ----------------------------------------------------------------------------------------


def _setting(key: str) -> str:
    from union_desk.services import settings

    return settings.get(key)


def check_ratio_setting(value: str) -> str:
    """SettingKey check of the quorum and majority settings."""
    rules.parse_ratio(value, "比例")
    return value.strip()


def check_percent_setting(value: str) -> str:
    number = textclean.clean_int(value.strip().rstrip("%％"), "百分比", 0, 100)
    return "" if number is None else str(number)


def check_days_setting(value: str) -> str:
    number = textclean.clean_int(value, "天数", 1, 365)
    return "" if number is None else str(number)


def quorum_ratio() -> Fraction:
    return rules.parse_ratio(_setting("congress_quorum") or "2/3", "法定人数比例")


def majority_ratio() -> Fraction:
    return rules.parse_ratio(_setting("congress_majority") or "1/2", "表决通过比例")


def share_limits() -> rules.ShareLimits:
    def number(key: str, default: int) -> Decimal:
        text = _setting(key)
        return Decimal(text) if text.isdigit() else Decimal(default)

    return rules.ShareLimits(number("congress_teacher_min", 60), number("congress_leader_max", 20),
                             number("congress_women_gap", 10))


def reply_days() -> int:
    text = _setting("congress_reply_days")
    return int(text) if text.isdigit() and 0 < int(text) <= 365 else 30


def departments() -> list[str]:
    from union_desk.services import settings

    text = settings.get("congress_departments") or settings.defaults()["congress_departments"]
    return [d.strip() for d in text.replace(",", "、").replace("，", "、").replace("\n", "、").split("、") if d.strip()]


# --- small helpers ---------------------------------------------------------------------------------


def get_term(term_id) -> CongressTerm:
    return get_record(CongressTerm, term_id, "届次")


def get_session(session_id) -> CongressSession:
    return get_record(CongressSession, session_id, "教代会会议")


def get_delegate(delegate_id) -> Delegate:
    return get_record(Delegate, delegate_id, "代表")


def get_proposal(proposal_id) -> Proposal:
    return get_record(Proposal, proposal_id, "提案")


def get_evaluation(evaluation_id) -> Evaluation:
    return get_record(Evaluation, evaluation_id, "民主评议")


def find_proposal(number: str) -> Proposal | None:
    return Proposal.get_or_none(Proposal.number == (number or "").strip())


# --- terms -------------------------------------------------------------------------------------------


def term_label(term: CongressTerm) -> str:
    return f"第{rules.chinese_number(term.number)}届"


def list_terms() -> list[CongressTerm]:
    return list(CongressTerm.select().order_by(CongressTerm.number.desc()))


def current_term(day: dt.date | None = None) -> CongressTerm | None:
    """The term running on `day` (today): started, not ended; the latest such."""
    day = day or dt.date.today()
    return (
        CongressTerm.select()
        .where((CongressTerm.start_date <= day) & (CongressTerm.end_date.is_null() | (CongressTerm.end_date >= day)))
        .order_by(CongressTerm.start_date.desc(), CongressTerm.number.desc())
        .first()
    )


def save_term(data: dict, term: CongressTerm | None = None) -> CongressTerm:
    values: dict = {}
    if "number" in data or term is None:
        values["number"] = textclean.clean_int(data.get("number"), "届次", 1, MAX_TERM_NUMBER, field="number")
        if values["number"] is None:
            raise ValidationError("请填写届次", field="number")
    if "start_date" in data or term is None:
        values["start_date"] = parse_date(data.get("start_date"), "开始日期", "start_date", required=True)
    if "end_date" in data:
        values["end_date"] = parse_date(data.get("end_date"), "结束日期", "end_date")
    if "notes" in data:
        values["notes"] = textclean.clean_field(data["notes"], "notes", "备注", field="notes")
    start = values.get("start_date", term.start_date if term else None)
    end = values["end_date"] if "end_date" in values else (term.end_date if term else None)
    if end and start and end < start:
        raise ValidationError("届的结束日期早于开始日期", field="end_date")
    number = values.get("number")
    if number is not None:
        clash = CongressTerm.select().where(CongressTerm.number == number)
        if term is not None:
            clash = clash.where(CongressTerm.id != term.id)
        if clash.exists():
            raise ValidationError(f"第{rules.chinese_number(number)}届已经存在", field="number")
        if term is not None and number != term.number and Proposal.select().join(CongressSession).where(CongressSession.term == term).exists():
            raise ValidationError("这一届已有编号的提案，届次不能再改（提案编号含届次）", field="number")
    if term is not None and ("start_date" in values or "end_date" in values):
        outside = CongressSession.select().where(
            (CongressSession.term == term) & ((CongressSession.date < start) | (CongressSession.date > (end or dt.date.max)))
        ).order_by(CongressSession.date).first()
        if outside is not None:
            raise ValidationError(
                f"{outside.title or '会议'}（{outside.date:%Y-%m-%d}）不在新的起止日期内，请先调整会议日期",
                field="start_date" if outside.date < start else "end_date",
            )
    with database_proxy.atomic():
        if term is None:
            term = audit.create(CongressTerm, **values)
        else:
            audit.update(term, **values)
        sync_roles()
    return term


# --- delegates ---------------------------------------------------------------------------------------


def _seated_on(day: dt.date):
    """Delegates in their seat on `day`."""
    return (Delegate.elected_date.is_null() | (Delegate.elected_date <= day)) & (
        Delegate.left_date.is_null() | (Delegate.left_date > day)
    )


def delegates_of(term: CongressTerm, on: dt.date | None = None, include_left: bool = False) -> list[Delegate]:
    query = (
        Delegate.select(Delegate, Member)
        .join(Member)
        .where(Delegate.term == term)
        .order_by(Delegate.group_name, Member.pinyin_key, Delegate.id)
    )
    if on is not None:
        query = query.where(_seated_on(on))
    elif not include_left:  # a leave dated later (announced) still holds the seat today
        query = query.where(Delegate.left_date.is_null() | (Delegate.left_date > dt.date.today()))
    return list(query)


def member_seats(member: Member) -> list[Delegate]:
    """The member's seats, newest term first (the member form's 教代会 panel)."""
    return list(
        Delegate.select(Delegate, CongressTerm).join(CongressTerm).where(Delegate.member == member)
        .order_by(CongressTerm.number.desc())
    )


def is_delegate(member: Member, term: CongressTerm, on: dt.date | None = None) -> bool:
    query = Delegate.select().where((Delegate.term == term) & (Delegate.member == member))
    if on is not None:
        query = query.where(_seated_on(on))
    return query.exists()


def _delegate_values(data: dict) -> dict:
    values: dict = {}
    if "group_name" in data:
        values["group_name"] = textclean.clean_field(data["group_name"], "line", "代表团（组）", field="group_name")
    if "category" in data:
        values["category"] = choice(data["category"], rules.DELEGATE_CATEGORIES, "代表类别", "category", "教师")
    if "elected_date" in data:
        values["elected_date"] = parse_date(data["elected_date"], "当选日期", "elected_date")
    if "how" in data:
        values["how"] = choice(data["how"], rules.DELEGATE_HOW, "产生方式", "how", "选举")
    if "left_date" in data:
        values["left_date"] = parse_date(data["left_date"], "离任日期", "left_date")
    if "left_reason" in data:
        values["left_reason"] = textclean.clean_field(data["left_reason"], "line", "离任原因", field="left_reason")
    if "notes" in data:
        values["notes"] = textclean.clean_field(data["notes"], "notes", "备注", field="notes")
    return values


def _check_in_term(term: CongressTerm, elected: dt.date | None) -> None:
    if elected and (elected < term.start_date or (term.end_date and elected > term.end_date)):
        raise ValidationError(f"当选日期不在{term_label(term)}的起止日期内", field="elected_date")


def add_delegate(term: CongressTerm, member, data: dict | None = None, replaces: Delegate | None = None) -> Delegate:
    """Seat a member in a term. With `replaces`, a by-election (补选) for a delegate who left."""
    member = member_ref(member)
    data = dict(data or {})
    if replaces is not None:
        data.setdefault("how", "补选")
    values = _delegate_values({"category": data.get("category", ""), "how": data.get("how", ""), **data})
    if member.status != "在职":
        raise ValidationError(f"{member.name}的状态是“{member.status}”，只有在职会员才能当选代表", field="member")
    if Delegate.select().where((Delegate.term == term) & (Delegate.member == member)).exists():
        raise ValidationError(f"{member.name}已经是{term_label(term)}代表", field="member")
    if replaces is not None:
        if replaces.term_id != term.id:
            raise ValidationError("补选只能替补同一届的代表", field="replaces")
        if replaces.left_date is None:
            raise ValidationError(f"{replaces.member.name}还在任，请先登记其离任", field="replaces")
        values["replaces"] = replaces
    elected = values.get("elected_date")
    _check_in_term(term, elected)
    if values.get("left_date") and elected and values["left_date"] < elected:
        raise ValidationError("离任日期早于当选日期", field="left_date")
    if replaces is not None and elected and elected < replaces.left_date:
        raise ValidationError(
            f"补选日期 {elected:%Y-%m-%d} 早于被替补代表{replaces.member.name}的离任日期 {replaces.left_date:%Y-%m-%d}",
            field="elected_date",
        )
    with database_proxy.atomic():
        delegate = audit.create(Delegate, term=term, member=member, **values)
        sync_roles(only=[member.id])
    return delegate


def update_delegate(delegate: Delegate, data: dict) -> dict:
    values = _delegate_values(data)
    elected = values.get("elected_date", delegate.elected_date)
    if "elected_date" in values:
        _check_in_term(delegate.term, elected)
    left = values["left_date"] if "left_date" in values else delegate.left_date
    if left and elected and left < elected:
        raise ValidationError("离任日期早于当选日期", field="left_date")
    with database_proxy.atomic():
        changed = audit.update(delegate, **values)
        sync_roles(only=[delegate.member_id])
    return changed


def leave_delegate(delegate: Delegate, day, reason: str) -> dict:
    """A delegate leaves the seat (调出、退休、辞去…); the seat can be filled by a by-election."""
    return update_delegate(delegate, {"left_date": parse_date(day, "离任日期", "left_date", required=True), "left_reason": reason})


def remove_delegate(delegate: Delegate) -> None:
    """Remove a seat entered by mistake: only while it has no attendance marked."""
    if SessionAttendance.select().where((SessionAttendance.delegate == delegate) & (SessionAttendance.state != "缺席")).exists():
        raise ValidationError("这位代表已有出席记录，不能删除；如已离任，请登记离任", field="delegate")
    with database_proxy.atomic():
        SessionAttendance.delete().where(SessionAttendance.delegate == delegate).execute()
        delete_audited(delegate, note="删除代表")
        sync_roles(only=[delegate.member_id])


def sync_roles(day: dt.date | None = None, only: list[int] | None = None) -> list[Member]:
    """Give the role 教代会代表 to the members seated in the current term, and take it from the
    others (the delegate records are the source of truth). `only`: just these members (after one
    seat changed: seating 500 delegates one by one stays quick). Returns the members changed."""
    term = current_term(day)
    seated = {d.member_id for d in delegates_of(term, on=day or dt.date.today())} if term else set()
    holders = Member.select().where(Member.union_roles.contains(ROLE))
    candidates = Member.select().where(Member.id.in_(list(seated)))
    if only is not None:
        holders = holders.where(Member.id.in_(list(only)))
        candidates = candidates.where(Member.id.in_(list(only)))
    changed = []
    seen: set[int] = set()
    for member in list(holders) + list(candidates):
        if member.id in seen:
            continue
        seen.add(member.id)
        roles = [r.strip() for r in (member.union_roles or "").split(",") if r.strip()]  # older files: spaces
        has = ROLE in roles
        should = member.id in seated
        if has == should:
            continue
        roles = [r for r in roles if r != ROLE] + ([ROLE] if should else [])
        audit.update(member, union_roles=",".join(roles), note="教代会代表职务随代表名册更新")
        changed.append(member)
    return changed


@dataclass
class DelegateFigures:
    total: int
    by_category: dict[str, int]
    women: int
    by_group: dict[str, int]
    warnings: list[str]

    def share(self, category: str) -> Decimal | None:
        return rules.percent(self.by_category.get(category, 0), self.total)


def delegate_figures(term: CongressTerm, on: dt.date | None = None) -> DelegateFigures:
    seats = delegates_of(term, on=on)
    by_category = {c: 0 for c in rules.DELEGATE_CATEGORIES}
    by_group: dict[str, int] = {}
    for d in seats:
        by_category[d.category] = by_category.get(d.category, 0) + 1
        by_group[d.group_name or "未分组"] = by_group.get(d.group_name or "未分组", 0) + 1
    women = sum(1 for d in seats if d.member.sex == "女")
    staff = Member.select().where(Member.status == "在职")
    staff_total = staff.count()
    staff_women = staff.where(Member.sex == "女").count()
    warnings = rules.share_warnings(by_category, women, rules.percent(staff_women, staff_total), share_limits())
    return DelegateFigures(len(seats), by_category, women, by_group, warnings)


# --- sessions ----------------------------------------------------------------------------------------


def list_sessions(term: CongressTerm | None = None, year: int | None = None) -> list[CongressSession]:
    query = CongressSession.select(CongressSession, CongressTerm).join(CongressTerm)
    if term is not None:
        query = query.where(CongressSession.term == term)
    if year is not None:
        query = query.where(CongressSession.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return list(query.order_by(CongressSession.date.desc(), CongressSession.id.desc()))


def next_session_number(term: CongressTerm) -> int:
    return (CongressSession.select(fn.MAX(CongressSession.number)).where(CongressSession.term == term).scalar() or 0) + 1


def previous_session(session: CongressSession) -> CongressSession | None:
    """The session held before this one (any term): its proposals are reported at this one."""
    return (
        CongressSession.select()
        .where((CongressSession.date < session.date) | ((CongressSession.date == session.date) & (CongressSession.id < session.id)))
        .order_by(CongressSession.date.desc(), CongressSession.id.desc())
        .first()
    )


def offers_report_item(term: CongressTerm, day: dt.date) -> bool:
    """Whether a new session on `day` should be offered "审议上次提案办理情况报告": an earlier
    session has proposals."""
    last = (
        CongressSession.select().where(CongressSession.date <= day).order_by(CongressSession.date.desc(), CongressSession.id.desc()).first()
    )
    return bool(last and Proposal.select().where(Proposal.session == last).exists())


def _session_values(data: dict, session: CongressSession | None) -> dict:
    values: dict = {}
    if "term" in data:
        term = data["term"]
        values["term"] = term if isinstance(term, CongressTerm) else get_term(term)
    if "number" in data:
        values["number"] = textclean.clean_int(data["number"], "会议次数", 1, MAX_SESSION_NUMBER, field="number")
    if "date" in data:
        values["date"] = parse_date(data["date"], "会议日期", "date", required=True)
    if "place" in data:
        values["place"] = textclean.clean_field(data["place"], "line", "会议地点", field="place")
    if "kind" in data:
        values["kind"] = choice(data["kind"], rules.SESSION_KINDS, "会议类型", "kind", "正式")
    if "title" in data:
        values["title"] = textclean.clean_field(data["title"], "long_line", "会议名称", field="title")
    if "notes" in data:
        values["notes"] = textclean.clean_field(data["notes"], "long", "备注", field="notes")
    if "plan_item" in data:
        raw = data["plan_item"]
        number = textclean.clean_int(getattr(raw, "id", raw), "计划事项编号", 1, textclean.MAX_DB_INT, field="plan_item")
        values["plan_item"] = PlanItem.get_or_none(PlanItem.id == number) if number else None
        if number and values["plan_item"] is None:
            raise ValidationError(f"找不到编号为 {number} 的计划事项", field="plan_item")
    return values


def save_session(data: dict, session: CongressSession | None = None, with_report_item: bool | None = None) -> CongressSession:
    """Create or edit a session. A new one lists the delegates seated on its date as 应到, and
    (when `with_report_item`, default: when offered) gets the agenda item
    "审议上次提案办理情况报告"."""
    values = _session_values(data, session)
    term = values.get("term", session.term if session else None)
    if term is None:
        raise ValidationError("请选择届次", field="term")
    if "date" not in values and session is None:
        raise ValidationError("请填写会议日期", field="date")
    day = values.get("date", session.date if session else None)
    if day < term.start_date or (term.end_date and day > term.end_date):
        raise ValidationError(f"会议日期不在{term_label(term)}的起止日期内", field="date")
    if session is not None and values.get("term") and values["term"].id != session.term_id and session.proposals.count():
        raise ValidationError("这次会议已有编号的提案，不能改到另一届", field="term")
    number = values.get("number") or (session.number if session else next_session_number(term))
    clash = CongressSession.select().where((CongressSession.term == term) & (CongressSession.number == number))
    if session is not None:
        clash = clash.where(CongressSession.id != session.id)
    if clash.exists():
        raise ValidationError(f"{term_label(term)}第{rules.chinese_number(number)}次会议已经存在", field="number")
    if session is not None and number != session.number and session.proposals.count():
        raise ValidationError("这次会议已有编号的提案，会议次数不能再改（提案编号含次数）", field="number")
    values["number"] = number
    kind = values.get("kind", session.kind if session else "正式")
    if not values.get("title") and (session is None or "title" in values or "number" in values):
        values["title"] = rules.session_title(term.number, number, kind)
    with database_proxy.atomic():
        if session is None:
            offer = offers_report_item(term, day) if with_report_item is None else with_report_item
            values.setdefault("kind", "正式")
            session = audit.create(CongressSession, **values)
            seat_attendance(session)
            if offer:
                add_agenda_item(session, {"kind": "审议", "title": rules.REPORT_AGENDA_TITLE})
        else:
            audit.update(session, **values)
            seat_attendance(session)
        _complete_plan_item(session)
    return session


def delete_session(session: CongressSession) -> None:
    if session.proposals.count():
        raise ValidationError("这次会议已有提案，不能删除（提案编号不能作废重用）", field="session")
    if session.held:
        raise ValidationError("这次会议已登记出席，不能删除", field="session")
    with database_proxy.atomic():
        delete_audited(session, note="删除教代会会议")


def seat_attendance(session: CongressSession) -> int:
    """Make the 应到 list the delegates seated on the session's date: add the missing ones, drop
    unmarked ones no longer seated. Marked attendance is kept. Returns the number added."""
    seated = {d.id for d in delegates_of(session.term, on=session.date)}
    have = {a.delegate_id: a for a in SessionAttendance.select().where(SessionAttendance.session == session)}
    stale = [a.id for d_id, a in have.items() if d_id not in seated and a.state == "缺席" and a.signed_at is None]
    if stale:
        SessionAttendance.delete().where(SessionAttendance.id.in_(stale)).execute()
    missing = [{"session": session.id, "delegate": d_id, "state": "缺席"} for d_id in sorted(seated - set(have))]
    if missing:
        SessionAttendance.insert_many(missing).execute()
    if stale or missing:
        audit.record("update", session, note=f"应到代表：新增{len(missing)}人，移出{len(stale)}人")
    return len(missing)


def attendance_of(session: CongressSession) -> list[SessionAttendance]:
    return list(
        SessionAttendance.select(SessionAttendance, Delegate, Member)
        .join(Delegate)
        .join(Member)
        .where(SessionAttendance.session == session)
        .order_by(Delegate.group_name, Member.pinyin_key, Delegate.id)
    )


def mark_attendance(session: CongressSession, delegate_ids: list[int], state: str, reason: str = "",
                    at: dt.datetime | None = None) -> int:
    """Mark delegates 出席 / 请假 / 缺席 (the sign-in). Returns the number changed. The session
    counts as held once someone is present; a linked plan item is completed then."""
    state = choice(state, rules.ATTENDANCE_STATES, "出席情况", "state", "出席")
    reason = textclean.clean_field(reason, "line", "请假原因", field="reason")
    rows = list(
        SessionAttendance.select().where(
            (SessionAttendance.session == session) & SessionAttendance.delegate.in_(list(delegate_ids))
        )
    )
    if len(rows) != len(set(delegate_ids)):
        raise ValidationError("有的代表不在这次会议的应到名单里", field="delegate")
    changed = 0
    with database_proxy.atomic():
        kept_reason = reason if state == "请假" else ""  # only leave has a reason
        for row in rows:
            signed = (at or now()) if state == "出席" else None
            if row.state == state and row.reason == kept_reason:
                continue
            before = {"state": row.state, "reason": row.reason}
            row.state, row.reason, row.signed_at = state, kept_reason, signed
            row.save()
            audit.record("update", row, before=before, after={"state": row.state, "reason": row.reason})
            changed += 1
        if changed and not session.held and state == "出席":
            audit.update(session, held=True, note="已签到，会议已召开")
            _complete_plan_item(session)
    return changed


@dataclass(frozen=True)
class SessionFigures:
    expected: int
    present: int
    leave: int
    absent: int
    needed: int
    quorum_ok: bool
    warning: str


def session_figures(session: CongressSession) -> SessionFigures:
    counts = dict(
        SessionAttendance.select(SessionAttendance.state, fn.COUNT(SessionAttendance.id))
        .where(SessionAttendance.session == session)
        .group_by(SessionAttendance.state)
        .tuples()
    )
    expected = sum(counts.values())
    present = counts.get("出席", 0)
    ratio = quorum_ratio()
    return SessionFigures(
        expected,
        present,
        counts.get("请假", 0),
        counts.get("缺席", 0),
        rules.quorum_needed(expected, ratio),
        rules.quorum_ok(expected, present, ratio),
        rules.quorum_warning(expected, present, ratio),
    )


def _complete_plan_item(session: CongressSession) -> None:
    """A held session completes the plan item it is linked to (召开教职工代表大会)."""
    session = CongressSession.get_by_id(session.id)  # the stored state, whichever copy the caller holds
    if not (session.held and session.plan_item_id):
        return
    from union_desk.services import plan

    item = PlanItem.get_or_none(PlanItem.id == session.plan_item_id)
    if item is not None and item.status in plan.OPEN_STATUSES:
        plan.set_status(item, plan.DONE, note=f"由{session.title}完成")


def link_plan_item(session: CongressSession, item: PlanItem | None) -> dict:
    with database_proxy.atomic():
        changed = audit.update(session, plan_item=item, note=f"关联计划项：{item.title}" if item else "取消关联计划项")
        _complete_plan_item(session)
    return changed


def sessions_json(year: int | None = None) -> list[dict]:
    rows = []
    for session in list_sessions(year=year):
        figures = session_figures(session)
        rows.append({
            "id": session.id,
            "term": session.term.number,
            "number": session.number,
            "title": session.title,
            "date": session.date.isoformat(),
            "kind": session.kind,
            "place": session.place,
            "expected": figures.expected,
            "present": figures.present,
            "leave": figures.leave,
            "quorum_needed": figures.needed,
            "quorum_ok": figures.quorum_ok,
            "proposals": session.proposals.count(),
        })
    return rows


# --- agenda ------------------------------------------------------------------------------------------


def _agenda_values(data: dict, present: int) -> dict:
    values: dict = {}
    if "kind" in data:
        values["kind"] = choice(data["kind"], rules.AGENDA_KINDS, "议程类型", "kind", "听取报告")
    if "title" in data:
        values["title"] = textclean.clean_field(data["title"], "long_line", "议题", field="title")
    if "content" in data:
        values["content"] = textclean.clean_field(data["content"], "long", "内容", field="content")
    if "sort_order" in data:
        values["sort_order"] = textclean.clean_int(data["sort_order"], "顺序", 0, 1000, field="sort_order") or 0
    for key, label in (("votes_for", "赞成票"), ("votes_against", "反对票"), ("votes_abstain", "弃权票")):
        if key in data:
            values[key] = textclean.clean_int(data[key], label, 0, MAX_VOTES, field=key)
    return values


def _check_agenda(merged: dict, present: int) -> None:
    if not merged.get("title"):
        raise ValidationError("请填写议题", field="title")
    votes = [merged.get(k) for k in ("votes_for", "votes_against", "votes_abstain")]
    if any(v is not None for v in votes):
        if merged.get("kind") not in rules.VOTED_KINDS:
            raise ValidationError(f"只有“{'”“'.join(rules.VOTED_KINDS)}”类议程才有表决票数", field="votes")
        rules.check_votes(*(v or 0 for v in votes), present=present, title=merged.get("title", ""))


def add_agenda_item(session: CongressSession, data: dict) -> AgendaItem:
    present = session_figures(session).present
    values = _agenda_values({"kind": data.get("kind", ""), **data}, present)
    _check_agenda(values, present)
    if "sort_order" not in values:
        values["sort_order"] = (AgendaItem.select(fn.MAX(AgendaItem.sort_order)).where(AgendaItem.session == session).scalar() or 0) + 1
    return audit.create(AgendaItem, session=session, **values)


def update_agenda_item(item: AgendaItem, data: dict) -> dict:
    present = session_figures(item.session).present
    values = _agenda_values(data, present)
    merged = {k: getattr(item, k) for k in ("kind", "title", "votes_for", "votes_against", "votes_abstain")}
    merged.update(values)
    _check_agenda(merged, present)
    return audit.update(item, **values)


def delete_agenda_item(item: AgendaItem) -> None:
    delete_audited(item, note="删除议程")


def agenda_of(session: CongressSession) -> list[AgendaItem]:
    return list(AgendaItem.select().where(AgendaItem.session == session).order_by(AgendaItem.sort_order, AgendaItem.id))


def vote_result(item: AgendaItem, present: int | None = None) -> str:
    """通过 / 未通过 for a voted item with votes, '' otherwise."""
    if item.kind not in rules.VOTED_KINDS or item.votes_for is None:
        return ""
    if present is None:
        present = session_figures(item.session).present
    return "通过" if rules.passes(item.votes_for, present, majority_ratio()) else "未通过"


# --- proposals ---------------------------------------------------------------------------------------

PROPOSAL_TEXT = {
    "title": ("long_line", "案由"),
    "seconders": ("long_line", "附议人"),
    "content": ("long", "理由及建议"),
    "notes": ("notes", "备注"),
}


def _counter_name(session: CongressSession) -> str:
    return f"proposal-seq-{session.id}"


def _next_seq(session: CongressSession) -> int:
    """The next number of the session; never reused (a counter that only moves up)."""
    name = _counter_name(session)
    highest = Proposal.select(fn.MAX(Proposal.seq)).where(Proposal.session == session).scalar() or 0
    return counters.next_value(name, at_least=highest)


def _claim_seq(session: CongressSession, seq: int) -> None:
    counters.raise_to(_counter_name(session), seq)


def _proposal_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in PROPOSAL_TEXT:
            kind, label = PROPOSAL_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "category":
            values[key] = choice(raw, rules.PROPOSAL_CATEGORIES, "提案类别", key, "其他")
        elif key == "proposer":
            values[key] = member_ref(raw, "提案人", "proposer")
        elif key == "received_date":
            values[key] = parse_date(raw, "提交日期", key)
        else:
            raise ValueError(f"unknown proposal field {key}")
    return values


def proposer_warnings(session: CongressSession, proposer: Member, on: dt.date | None = None) -> list[str]:
    """A warning when the proposer holds no seat of the session's term on `on` (the day the proposal
    was received; default the session's date): a delegate who has left is no longer one."""
    if is_delegate(proposer, session.term, on=on or session.date):
        return []
    return [f"{proposer.name}不是{term_label(session.term)}教代会代表（提案一般由代表提出，或由代表附议）"]


def create_proposal(session: CongressSession, data: dict) -> tuple[Proposal, list[str]]:
    """A new proposal (state 征集) with the session's next number. Returns it and warnings."""
    values = _proposal_values(data)
    if not values.get("title"):
        raise ValidationError("请填写案由", field="title")
    if "proposer" not in values:
        raise ValidationError("请选择提案人", field="proposer")
    values.setdefault("received_date", dt.date.today())
    with database_proxy.atomic():
        seq = _next_seq(session)
        number = rules.proposal_number(session.term.number, session.number, seq)
        proposal = audit.create(Proposal, session=session, seq=seq, number=number, state=rules.COLLECTED, **values)
    return proposal, proposer_warnings(session, values["proposer"], values["received_date"])


def update_proposal(proposal: Proposal, data: dict) -> tuple[dict, list[str]]:
    """Edit the text of a proposal (not its state: see `advance`)."""
    if proposal.state == rules.VOID:
        raise ValidationError("提案已作废，不能修改", field="state")
    values = _proposal_values(data)
    if "title" in values and not values["title"]:
        raise ValidationError("请填写案由", field="title")
    received = values.get("received_date")
    if received and proposal.handed_date and received > proposal.handed_date:
        raise ValidationError(f"提交日期 {received:%Y-%m-%d} 晚于交办日期 {proposal.handed_date:%Y-%m-%d}", field="received_date")
    changed = audit.update(proposal, **values)
    warnings = (proposer_warnings(proposal.session, proposal.proposer, proposal.received_date)
                if "proposer" in values else [])
    return changed, warnings


def _merge_target(proposal: Proposal, raw) -> Proposal:
    # A record passed in may be stale: read it again, so that the loop check sees stored links.
    target = (Proposal.get_or_none(Proposal.id == raw.id) if isinstance(raw, Proposal)
              else find_proposal(str(raw or "")))
    if target is None:
        raise ValidationError(f"找不到要并入的提案“{raw}”", field="merged_into")
    if target.id == proposal.id:
        raise ValidationError("提案不能并入它自己", field="merged_into")
    if target.session_id != proposal.session_id:
        raise ValidationError("只能并入同一次会议的提案", field="merged_into")
    seen = {proposal.id}
    cursor = target
    while cursor is not None:
        if cursor.id in seen:
            raise ValidationError(f"并案会形成循环（{proposal.number} ↔ {target.number}）", field="merged_into")
        seen.add(cursor.id)
        cursor = Proposal.get_or_none(Proposal.id == cursor.merged_into_id) if cursor.merged_into_id else None
    if target.state in (rules.REJECTED, rules.MERGED, rules.WITHDRAWN, rules.VOID):
        raise ValidationError(f"提案 {target.number} 已{target.state}，不能作为并案的主提案", field="merged_into")
    return target


def advance(proposal: Proposal, target: str, data: dict | None = None, *, today: dt.date | None = None) -> dict:
    """Move a proposal one step along the workflow, with what that step needs:

    - 立案: nothing; 不立案: `reason` (required), `as_suggestion`; 并案: `merged_into` (number or record);
    - 已交办: `department` (from the list), `handed_date`, `due_date` (default: + reply days);
    - 已答复: `reply_date` (not before the hand-over), `reply`;
    - 已反馈: `opinion` (满意 / 基本满意 / 不满意), `opinion_date`;
    - 办结: `closed_date`; 撤回 / 作废: `reason` (required).
    Jumps that skip a step are refused (`domain.congress.TRANSITIONS`). Audited with the step."""
    data = dict(data or {})
    today = today or dt.date.today()
    rules.check_transition(proposal.state, target)
    values: dict = {"state": target}
    reason = textclean.clean_field(data.get("reason", ""), "notes", "原因", field="reason")
    if target == rules.REJECTED:
        if not reason:
            raise ValidationError("不立案须写明理由", field="reason")
        values.update(reason=reason, as_suggestion=yes_no(data.get("as_suggestion")))
    elif target in (rules.WITHDRAWN, rules.VOID):
        if not reason:
            raise ValidationError(f"{target}须写明原因", field="reason")
        values["reason"] = reason
    elif target == rules.MERGED:
        values["merged_into"] = _merge_target(proposal, data.get("merged_into"))
    elif target == rules.HANDED:
        department = textclean.clean_field(data.get("department", proposal.department), "line", "承办部门", field="department")
        if not department:
            raise ValidationError("请选择承办部门", field="department")
        if department not in departments():
            raise ValidationError(f"未知的承办部门“{department}”（可在设置中维护承办部门）", field="department")
        handed = parse_date(data.get("handed_date"), "交办日期", "handed_date") or today
        due = parse_date(data.get("due_date"), "答复期限", "due_date") or handed + dt.timedelta(days=reply_days())
        if due < handed:
            raise ValidationError("答复期限早于交办日期", field="due_date")
        if proposal.received_date and handed < proposal.received_date:
            raise ValidationError("交办日期早于提交日期", field="handed_date")
        values.update(department=department, handed_date=handed, due_date=due)
        if proposal.state == rules.ANSWERED:  # 不满意: handed over again, the old reply stays in the audit log
            if proposal.opinion != "不满意":
                raise ValidationError("只有提案人不满意的提案才能再次交办", field="state")
            values.update(reply_date=None, reply="", opinion="", opinion_date=None)
    elif target == rules.REPLIED:
        day = parse_date(data.get("reply_date"), "答复日期", "reply_date") or today
        if proposal.handed_date and day < proposal.handed_date:
            raise ValidationError(
                f"答复日期 {day:%Y-%m-%d} 早于交办日期 {proposal.handed_date:%Y-%m-%d}", field="reply_date"
            )
        reply = textclean.clean_field(data.get("reply", ""), "long", "办理结果", field="reply")
        if not reply:
            raise ValidationError("请填写承办部门的答复（办理结果）", field="reply")
        values.update(reply_date=day, reply=reply)
    elif target == rules.ANSWERED:
        opinion = choice(data.get("opinion"), rules.OPINIONS, "提案人意见", "opinion", "")
        day = parse_date(data.get("opinion_date"), "反馈日期", "opinion_date") or today
        if proposal.reply_date and day < proposal.reply_date:
            raise ValidationError("反馈日期早于答复日期", field="opinion_date")
        values.update(opinion=opinion, opinion_date=day)
    elif target == rules.CLOSED:
        day = parse_date(data.get("closed_date"), "办结日期", "closed_date") or today
        if proposal.reply_date and day < proposal.reply_date:
            raise ValidationError("办结日期早于答复日期", field="closed_date")
        values["closed_date"] = day
    return audit.update(proposal, note=f"{proposal.state} → {target}", **values)


def proposals_of(session: CongressSession | None = None, year: int | None = None, states: tuple[str, ...] | None = None,
                 text: str = "") -> list[Proposal]:
    query = (
        Proposal.select(Proposal, Member, CongressSession, CongressTerm)
        .join(Member, on=(Proposal.proposer == Member.id))
        .switch(Proposal)
        .join(CongressSession)
        .join(CongressTerm)
    )
    if session is not None:
        query = query.where(Proposal.session == session)
    if year is not None:
        query = query.where(CongressSession.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if states:
        query = query.where(Proposal.state.in_(list(states)))
    text = (text or "").strip()
    if text:
        query = query.where(
            Proposal.number.contains(text) | Proposal.title.contains(text) | Member.name.contains(text)
            | Proposal.department.contains(text) | Proposal.seconders.contains(text)
        )
    return list(query.order_by(CongressSession.date, Proposal.seq))


def filing_text(proposal: Proposal) -> str:
    """立案情况 as the ledger prints it: 立案 / 不立案（转意见建议） / 并案（并入5-2-001） / 待审查 / 撤回 / 作废."""
    state = proposal.state
    if state == rules.COLLECTED:
        return "待审查"
    if state == rules.REJECTED:
        return "不立案（转意见建议）" if proposal.as_suggestion else "不立案"
    if state == rules.MERGED:
        target = Proposal.get_or_none(Proposal.id == proposal.merged_into_id) if proposal.merged_into_id else None
        return f"并案（并入{target.number}）" if target else "并案"
    if state in (rules.WITHDRAWN, rules.VOID):
        return state
    return "立案"


def is_overdue(proposal: Proposal, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return proposal.state in rules.OPEN_HANDLING and proposal.due_date is not None and proposal.due_date < today


def overdue_proposals(today: dt.date | None = None) -> list[Proposal]:
    """Handed over, past the reply deadline, no reply yet (首页 and the report)."""
    today = today or dt.date.today()
    return list(
        Proposal.select(Proposal, Member)
        .join(Member, on=(Proposal.proposer == Member.id))
        .where(Proposal.state.in_(list(rules.OPEN_HANDLING)) & (Proposal.due_date < today))
        .order_by(Proposal.due_date, Proposal.number)
    )


@dataclass
class ProposalReport:
    """提案办理情况报告 of a session: the counts and the 满意率."""

    session: CongressSession
    received: int
    registered: int
    merged: int
    rejected: int
    replied: int
    withdrawn: int
    with_opinion: int
    satisfied: int
    satisfaction: Decimal | None
    by_state: dict[str, int]
    overdue: list[Proposal] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"共收到{self.received}件，立案{self.registered}件，并案{self.merged}件，不立案{self.rejected}件；"
            f"已答复{self.replied}件，满意率{rules.percent_text(self.satisfaction)}"
        )


def proposal_report(session: CongressSession, today: dt.date | None = None) -> ProposalReport:
    """Counts over the session's proposals; voided ones are not counted as received (they were
    entered by mistake), withdrawn ones are."""
    rows = [p for p in proposals_of(session) if p.state != rules.VOID]
    by_state = {state: 0 for state in rules.STATES}
    for p in rows:
        by_state[p.state] += 1
    opinions = [p.opinion for p in rows if p.state in (rules.ANSWERED, rules.CLOSED) and p.opinion]
    satisfied = sum(1 for o in opinions if o != "不满意")
    return ProposalReport(
        session=session,
        received=len(rows),
        registered=sum(by_state[s] for s in rules.REGISTERED_STATES),
        merged=by_state[rules.MERGED],
        rejected=by_state[rules.REJECTED],
        replied=sum(by_state[s] for s in rules.REPLIED_STATES),
        withdrawn=by_state[rules.WITHDRAWN],
        with_opinion=len(opinions),
        satisfied=satisfied,
        satisfaction=rules.satisfaction(opinions),
        by_state=by_state,
        overdue=[p for p in rows if is_overdue(p, today)],
    )


# --- 民主评议 ----------------------------------------------------------------------------------------


def evaluations_of(session: CongressSession) -> list[Evaluation]:
    return list(Evaluation.select().where(Evaluation.session == session).order_by(Evaluation.id))


def subjects_of(evaluation: Evaluation) -> list[EvaluationSubject]:
    return list(EvaluationSubject.select().where(EvaluationSubject.evaluation == evaluation)
                .order_by(EvaluationSubject.sort_order, EvaluationSubject.id))


def ballots(subject: EvaluationSubject) -> rules.Ballots:
    return rules.Ballots(subject.excellent, subject.competent, subject.basic, subject.incompetent)


def _subject_values(raw: dict, order: int, present: int) -> dict:
    member = member_ref(raw["member"], "被评议人") if raw.get("member") not in (None, "") else None
    name = textclean.clean_field(raw.get("name") or (member.name if member else ""), "name", "被评议人姓名", field="name")
    if not name:
        raise ValidationError("请填写被评议人姓名", field="name")
    post = textclean.clean_field(raw.get("post") or (member.post if member else ""), "line", "职务", field="post")
    counts = {}
    for key, label in (("excellent", "优秀"), ("competent", "称职"), ("basic", "基本称职"), ("incompetent", "不称职")):
        counts[key] = textclean.clean_int(raw.get(key, 0) if raw.get(key) not in (None, "") else 0, f"“{name}”的{label}票", 0, MAX_VOTES, field=key) or 0
    rules.check_ballots(rules.Ballots(**counts), present, name)
    return {"member": member, "name": name, "post": post, "sort_order": order, **counts}


def save_evaluation(session: CongressSession, title: str, subjects: list[dict], evaluation: Evaluation | None = None) -> Evaluation:
    """Create or replace a 民主评议 with its people and ballots. More ballots for anyone than
    delegates present is refused."""
    title = textclean.clean_field(title, "long_line", "评议名称", field="title") or "民主评议"
    present = session_figures(session).present
    if not present:
        raise ValidationError("这次会议还没有出席代表，请先签到再录入评议票", field="ballots")
    rows = [_subject_values(raw, order, present) for order, raw in enumerate(subjects)]
    if not rows:
        raise ValidationError("请至少填写一位被评议人", field="name")
    with database_proxy.atomic():
        if evaluation is None:
            evaluation = audit.create(Evaluation, session=session, title=title)
        else:
            audit.update(evaluation, title=title)
            for old in subjects_of(evaluation):
                delete_audited(old, note="重新录入评议票")
        for row in rows:
            audit.create(EvaluationSubject, evaluation=evaluation, **row)
    return evaluation


def delete_evaluation(evaluation: Evaluation) -> None:
    with database_proxy.atomic():
        for subject in subjects_of(evaluation):
            delete_audited(subject, note="删除民主评议")
        delete_audited(evaluation, note="删除民主评议")


# --- the members' side ---------------------------------------------------------------------------------


def member_query_for_pick(text: str = ""):
    """Members who can be proposers or delegates: 在职 first (for pickers)."""
    query = Member.select().where(Member.status == "在职")
    text = (text or "").strip()
    if text:
        query = query.where(Member.name.contains(text) | Member.pinyin_key.contains(text.lower()) | Member.department.contains(text))
    return query.order_by(Member.pinyin_key)

