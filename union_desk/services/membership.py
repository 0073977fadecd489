"""会籍 (issue 20): staff who are not members, membership events and the status that follows them,
joining from the staff list, and 入会率 on any day.

The events are the history: a member's `status` / `status_date` follow the latest event that is not
voided (by date, then entry order), and `joined_union_date` the first 入会 / 转入. A status set in
the member archive (the form, 变动状态, a roster import) becomes an event through the hook
"member_status" (`status_moved`), so the two never disagree."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
from union_desk.db.models import Member, database_proxy
from union_desk.domain import idcard, pinyin, textclean
from union_desk.domain import membership as rules
from union_desk.errors import ValidationError
from union_desk.services import audit, counters
from union_desk.services.record_fields import choice, get_record, member_ref, parse_date

STAFF_STATUSES = ("在职", "离职", "退休", "已入会")
EMPLOYMENT_TYPES = ("在编", "合同", "临时工", "返聘")


def get_staff(staff_id) -> NonMemberStaff:
    return get_record(NonMemberStaff, staff_id, "非会员教职工")


def get_event(event_id) -> MembershipEvent:
    return get_record(MembershipEvent, event_id, "会籍变动记录")


# --- non-member staff ----------------------------------------------------------------------------------


def check_staff(data: dict, staff: NonMemberStaff | None = None) -> dict:
    name = textclean.clean_field(data.get("name"), "name", "姓名", field="name")
    if not name:
        raise ValidationError("请填写姓名", field="name")
    raw_number = data.get("id_number")
    number = None
    if raw_number not in (None, ""):
        try:
            number = idcard.parse_id(raw_number).number
        except idcard.IdCardError as exc:
            raise ValidationError(f"身份证号：{getattr(exc, 'message', exc)}", field="id_number") from None
    if number:
        if Member.select().where(Member.id_number == number).exists():
            raise ValidationError(f"身份证号 {idcard.mask_id(number)} 已是会员，不必登记为非会员", field="id_number")
        clash = NonMemberStaff.select().where(NonMemberStaff.id_number == number)
        if staff is not None:
            clash = clash.where(NonMemberStaff.id != staff.id)
        if clash.exists():
            raise ValidationError(f"身份证号 {idcard.mask_id(number)} 已在非会员名单中", field="id_number")
    sex = textclean.parse_sex(data.get("sex")) if data.get("sex") else ""
    return {
        "name": name, "pinyin_key": pinyin.search_key(name), "sex": sex or "", "id_number": number,
        "birth_date": parse_date(data.get("birth_date"), "出生日期", "birth_date"),
        "phone": textclean.clean_field(data.get("phone") or "", "word", "电话", field="phone"),
        "department": textclean.clean_field(data.get("department") or "", "line", "部门", field="department"),
        "post": textclean.clean_field(data.get("post") or "", "line", "职务", field="post"),
        "employment_type": choice(data.get("employment_type"), EMPLOYMENT_TYPES, "用工形式", "employment_type", "在编"),
        "start_date": parse_date(data.get("start_date"), "入职日期", "start_date"),
        "notes": textclean.clean_field(data.get("notes") or "", "notes", "备注", field="notes"),
    }


def save_staff(data: dict, staff: NonMemberStaff | None = None) -> NonMemberStaff:
    values = check_staff(data, staff)
    if staff is None:
        return audit.create(NonMemberStaff, **values)
    if staff.status == "已入会":
        raise ValidationError(f"{staff.name}已入会，请在会员档案中修改", field="name")
    audit.update(staff, **values)
    return staff


def staff_leaves(staff: NonMemberStaff, status: str, day, note: str = "") -> NonMemberStaff:
    """A non-member leaves the school (离职) or retires (退休); 在职 puts them back."""
    status = choice(status, ("在职", "离职", "退休"), "状态", "status", "离职")
    when = parse_date(day, "变动日期", "status_date", required=status != "在职")
    if staff.status == "已入会":
        raise ValidationError(f"{staff.name}已入会，状态请在会员档案中修改", field="status")
    audit.update(staff, note=textclean.clean_field(note, "notes", "说明"), status=status,
                 status_date=None if status == "在职" else when)
    return staff


def list_staff(include_gone: bool = False) -> list[NonMemberStaff]:
    query = NonMemberStaff.select().order_by(NonMemberStaff.department, NonMemberStaff.pinyin_key)
    if not include_gone:
        query = query.where(NonMemberStaff.status == "在职")
    return list(query)


def join_from_staff(staff: NonMemberStaff, data: dict) -> Member:
    """A non-member joins: a member is made from the record, the 入会 event carries the application,
    approval and card number, and the staff record is kept (已入会, pointing at the member)."""
    from union_desk.services import members

    if staff.status != "在职":
        raise ValidationError(f"{staff.name}的状态是“{staff.status}”，只有在职教职工可以入会", field="status")
    details = _event_values({**data, "kind": "入会"})
    with database_proxy.atomic():
        member = members.create_member({
            "name": staff.name, "sex": staff.sex, "id_number": staff.id_number, "birth_date": staff.birth_date,
            "phone": staff.phone, "department": staff.department, "post": staff.post,
            "employment_type": staff.employment_type, "joined_union_date": details["date"],
            "work_start_date": staff.start_date, "status": "在职",
        }, confirm_duplicate=True, note=f"由非会员教职工入会（{staff.name}）")
        event = _latest_of(member, "入会")
        changes = {k: v for k, v in details.items() if k not in ("kind", "date", "reason")}
        if event is None:
            event = audit.create(MembershipEvent, values={"member": member, **details})
        else:
            audit.update(event, values={**changes, "backfilled": False, "note": changes["note"] or event.note})
        audit.update(staff, status="已入会", status_date=details["date"], member=member)
    return member


# --- events ------------------------------------------------------------------------------------


_TEXTS = {"handler": ("name", "经办人"), "note": ("notes", "备注"), "card_number": ("short", "会员证号"),
          "other_union": ("line", "对方工会"), "letter_number": ("short", "介绍信编号"), "reason": ("short", "原因")}


# the other union of a transfer the archive or an old ledger does not name (no brackets: stored text is
# NFKC, full-width brackets would turn half-width)
UNKNOWN_UNION = "档案未载"


def _event_values(data: dict, lenient: bool = False) -> dict:
    kind = choice(data.get("kind"), rules.EVENT_KINDS, "变动类型", "kind", "")
    values = {"kind": kind, "date": parse_date(data.get("date"), "变动日期", "date", required=True)}
    for key, (text_kind, label) in _TEXTS.items():
        values[key] = textclean.clean_field(data.get(key) or "", text_kind, label, field=key)
    values["application_date"] = parse_date(data.get("application_date"), "申请日期", "application_date")
    values["approval_date"] = parse_date(data.get("approval_date"), "批准日期", "approval_date")
    if values["application_date"] and values["approval_date"] and values["approval_date"] < values["application_date"]:
        raise ValidationError("批准日期早于申请日期", field="approval_date")
    if kind == "保留会籍":
        values["reason"] = choice(values["reason"], rules.KEEP_REASONS, "保留会籍原因", "reason", "退休")
    if kind in ("转入", "转出") and not values["other_union"] and lenient:
        values["other_union"] = UNKNOWN_UNION
    if kind in ("转入", "转出") and not values["other_union"]:
        raise ValidationError("请填写" + ("转出单位工会" if kind == "转入" else "转入单位工会"), field="other_union")
    return values


def events_of(member: Member, include_voided: bool = True) -> list[MembershipEvent]:
    query = MembershipEvent.select().where(MembershipEvent.member == member)
    if not include_voided:
        query = query.where(~MembershipEvent.voided)
    return list(query.order_by(MembershipEvent.date, MembershipEvent.id))


def _latest_of(member: Member, kind: str) -> MembershipEvent | None:
    return (MembershipEvent.select().where((MembershipEvent.member == member) & (MembershipEvent.kind == kind)
                                           & ~MembershipEvent.voided)
            .order_by(MembershipEvent.date.desc(), MembershipEvent.id.desc()).first())


def _first_of(member: Member, kind: str) -> MembershipEvent | None:
    return (MembershipEvent.select().where((MembershipEvent.member == member) & (MembershipEvent.kind == kind)
                                           & ~MembershipEvent.voided)
            .order_by(MembershipEvent.date, MembershipEvent.id).first())


def status_on(member: Member, day: dt.date, exclude_id: int | None = None) -> str | None:
    """The status the events give on `day` (None: no event on or before it)."""
    query = MembershipEvent.select().where((MembershipEvent.member == member) & ~MembershipEvent.voided
                                           & (MembershipEvent.date <= day))
    if exclude_id:
        query = query.where(MembershipEvent.id != exclude_id)
    last = query.order_by(MembershipEvent.date.desc(), MembershipEvent.id.desc()).first()
    return rules.status_after(last.kind, last.reason) if last else None


def member_status_on(member: Member, day: dt.date) -> str | None:
    """`status_on`, and for a member without any event the archive's status (as `statuses_on`
    reads it for everyone at once): None when not a member on `day`."""
    found = status_on(member, day)
    live = MembershipEvent.select().where((MembershipEvent.member == member) & ~MembershipEvent.voided)
    if found is not None or live.where(MembershipEvent.kind.in_(rules.JOINING)).exists():
        return found  # with a joining on record: not yet a member before it
    if member.joined_union_date and member.joined_union_date > day:
        return None
    if live.exists():  # events (a status change) but no joining on record: a member before the first event
        return "在职"
    return member.status if member.status_date is None or member.status_date <= day else "在职"


def _next_letter(year: int) -> str:
    name = f"transfer-letter-{year}"
    return rules.serial("JS", year, counters.next_value(name))


def follow_events(member: Member, note: str = "") -> dict:
    """Set the member's status, its date and the join date from the events (audited when they change)."""
    events = events_of(member, include_voided=False)
    if not events:  # every event voided: a member with no history is a member in service
        return audit.update(member, note=note or "会籍变动", status="在职", status_date=None)
    last = max(events, key=lambda e: (e.date, e.id))
    joins = [e.date for e in events if e.kind in rules.JOINING]
    status = rules.status_after(last.kind, last.reason)
    changes = {"status": status, "status_date": None if status == "在职" and last.kind in rules.JOINING else last.date}
    if joins and member.joined_union_date is None:
        changes["joined_union_date"] = min(joins)
    elif joins and _latest_of(member, "入会") is not None:
        changes["joined_union_date"] = min(e.date for e in events if e.kind == "入会")
    return audit.update(member, note=note or "会籍变动", **changes)


def _check_order(member: Member, values: dict) -> None:
    """An event is entered once it happened, fits the member's state on its day and does not make the
    next event on record impossible (a 除名 put before a 退会)."""
    day, kind = values["date"], values["kind"]
    if day > dt.date.today():
        raise ValidationError("变动日期晚于今天：会籍变动请在发生后登记", field="date")
    problem = rules.allowed_after(status_on(member, day), kind)
    if problem:
        raise ValidationError(f"{member.name}：{problem}", field="kind")
    later = (MembershipEvent.select().where((MembershipEvent.member == member) & ~MembershipEvent.voided
                                           & (MembershipEvent.date > day))
             .order_by(MembershipEvent.date, MembershipEvent.id).first())
    if later is not None:
        problem = rules.allowed_after(rules.status_after(kind, values.get("reason", "")), later.kind)
        if problem:
            raise ValidationError(f"{member.name}在{later.date:%Y-%m-%d}还有一次{later.kind}，这次{kind}不能登记在它之前"
                                  f"（{problem}）", field="date")


def add_event(member, data: dict, *, check_order: bool = True) -> MembershipEvent:
    """Record one membership event; the member's status follows. An event that cannot follow the
    member's state on that day (转出 twice, 恢复 of a member in service) is refused."""
    member = member_ref(member)
    values = _event_values(data, lenient=not check_order)
    if check_order:
        _check_order(member, values)
    with database_proxy.atomic():
        if values["kind"] == "转出" and not values["letter_number"]:
            values["letter_number"] = _next_letter(values["date"].year)
        event = audit.create(MembershipEvent, values={"member": member, **values})
        follow_events(member)
    return event


def update_event(event: MembershipEvent, data: dict) -> MembershipEvent:
    values = _event_values({**{f: getattr(event, f) for f in ("kind", "date", *_TEXTS, "application_date", "approval_date")}, **data})
    with database_proxy.atomic():
        audit.update(event, values=values)
        follow_events(event.member)
    return event


def void_event(event: MembershipEvent, reason: str) -> MembershipEvent:
    """Void a wrong event (kept, crossed out); the status follows the events left."""
    reason = textclean.clean_field(reason, "notes", "作废原因", field="reason")
    if not reason:
        raise ValidationError("请填写作废原因", field="reason")
    if event.voided:
        raise ValidationError("这条会籍变动已作废", field="reason")
    with database_proxy.atomic():
        audit.update(event, action="void", voided=True, void_reason=reason)
        follow_events(event.member)
    return event


def status_moved(changes: list[tuple]) -> None:
    """Hook "member_status": the archive changed members' statuses, their dates or join dates directly
    (the form, 变动状态, a roster import). Each change becomes the event it stands for, so the history
    holds it. `changes`: (member as saved now, status before or None for a new member, join date
    before, status date before). A status the history would not give (dated before the latest event)
    is refused, which undoes the save."""
    for member, before, joined_before, *rest in changes:
        date_before = rest[0] if rest else None
        if before is None:
            _new_member_history(member)
            continue
        if member.joined_union_date != joined_before and member.joined_union_date:
            join = _first_of(member, "入会")  # the archive's join date is the first joining
            if join is None:
                audit.create(MembershipEvent, values={"member": member, "kind": "入会", "date": member.joined_union_date,
                                                     "note": "档案修改入会日期"})
            elif join.date != member.joined_union_date:
                audit.update(join, values={"date": member.joined_union_date,
                                           "note": (join.note + "；档案修改入会日期").lstrip("；")[:500]})
        wanted = (member.status, member.status_date)
        if member.status != before:
            kind, reason = rules.event_for_status(member.status)
            if kind == "恢复" and before == "调出":
                kind = "转入"
            audit.create(MembershipEvent, values={
                "member": member, "kind": kind, "reason": reason, "date": member.status_date or dt.date.today(),
                "note": "在会员档案中修改", "other_union": UNKNOWN_UNION if kind in ("转入", "转出") else ""})
        elif member.status_date != date_before and member.status_date and member.status != "在职":
            last = (MembershipEvent.select().where((MembershipEvent.member == member) & ~MembershipEvent.voided)
                    .order_by(MembershipEvent.date.desc(), MembershipEvent.id.desc()).first())
            if last is not None and rules.status_after(last.kind, last.reason) == member.status:
                audit.update(last, values={"date": member.status_date,
                                           "note": (last.note + "；档案修改变动日期").lstrip("；")[:500]})
        follow_events(member)
        if member.status != wanted[0] or (wanted[0] != "在职" and member.status_date != wanted[1]):
            last = max(events_of(member, include_voided=False), key=lambda e: (e.date, e.id))
            raise ValidationError(
                f"{member.name}：变动日期早于最近一次会籍变动（{last.date:%Y-%m-%d} {last.kind}），状态不能这样修改；"
                "请在“会籍与会费”中登记会籍变动", field="status_date")


def _new_member_history(member: Member) -> None:
    """A new member: 入会 on the join date and, when not 在职, the event today's status stands for
    (dated no earlier than the join date, so the history gives the archive's status); leaves the
    staff list when on it as a non-member."""
    if member.id_number:
        for staff in NonMemberStaff.select().where((NonMemberStaff.id_number == member.id_number)
                                                   & (NonMemberStaff.status == "在职")):
            audit.update(staff, note="建立会员档案", status="已入会",
                         status_date=member.joined_union_date or dt.date.today(), member=member)
    if _latest_of(member, "入会") is None and member.joined_union_date:
        audit.create(MembershipEvent, values={"member": member, "kind": "入会", "date": member.joined_union_date,
                                             "note": "新建会员档案"})
    if member.status != "在职":
        kind, reason = rules.event_for_status(member.status)
        day = member.status_date or dt.date.today()
        if member.joined_union_date and day < member.joined_union_date:
            day = member.joined_union_date
        audit.create(MembershipEvent, values={"member": member, "kind": kind, "reason": reason, "note": "新建会员档案时登记",
                                             "date": day})


# --- 入会率 ---------------------------------------------------------------------------------------


@dataclass
class RateRow:
    label: str
    members: int
    staff: int

    @property
    def rate(self) -> Decimal | None:
        return rules.membership_rate(self.members, self.staff)


@dataclass
class MembershipRate:
    day: dt.date
    total: RateRow
    by_department: list[RateRow]
    by_employment: list[RateRow]


class StatusBook:
    """Every member's status on any day, from one read of the events and the archive (a list over
    many periods asks for many days). A member without an event on or before the day is read from
    the archive (a member whose join date is after it is left out); with a joining on record and none
    by the day: not yet a member; with only status changes on record: a member before the first."""

    def __init__(self):
        self.timeline: dict[int, list[tuple[dt.date, int, str]]] = {}
        self.with_joining: set[int] = set()
        for member_id, day, event_id, kind, reason in (
                MembershipEvent.select(MembershipEvent.member, MembershipEvent.date, MembershipEvent.id,
                                       MembershipEvent.kind, MembershipEvent.reason)
                .where(~MembershipEvent.voided).order_by(MembershipEvent.date, MembershipEvent.id).tuples()):
            self.timeline.setdefault(member_id, []).append((day, event_id, rules.status_after(kind, reason)))
            if kind in rules.JOINING:
                self.with_joining.add(member_id)
        self.archive = list(Member.select(Member.id, Member.status, Member.status_date, Member.joined_union_date).tuples())
        self.cache: dict[dt.date, dict[int, str]] = {}

    def on(self, day: dt.date) -> dict[int, str]:
        if day not in self.cache:
            self.cache[day] = self._on(day)
        return self.cache[day]

    def _on(self, day: dt.date) -> dict[int, str]:
        status: dict[int, str] = {}
        for member_id, current, since, joined in self.archive:
            steps = self.timeline.get(member_id)
            if steps:
                at = bisect.bisect_right(steps, (day, float("inf"), ""))
                if at:
                    status[member_id] = steps[at - 1][2]
                elif member_id not in self.with_joining and not (joined and joined > day):
                    status[member_id] = "在职"
                continue
            if joined and joined > day:
                continue
            status[member_id] = current if since is None or since <= day else "在职"
        return status


def statuses_on(day: dt.date) -> dict[int, str]:
    """Every member's status on `day` (see StatusBook)."""
    return StatusBook().on(day)


def membership_rate(day: dt.date | None = None) -> MembershipRate:
    """入会率 on `day` (decision): in-service members ÷ (in-service members + in-service non-member
    staff), in total, by department and by employment type (today's department and type)."""
    day = day or dt.date.today()
    status = statuses_on(day)
    in_service = {mid for mid, s in status.items() if s == "在职"}
    groups: dict[str, dict[str, list[int]]] = {"department": {}, "employment": {}}

    def count(kind: str, key: str, slot: int) -> None:
        groups[kind].setdefault(key or "未填", [0, 0])[slot] += 1

    members = 0
    for mid, department, employment in Member.select(Member.id, Member.department, Member.employment_type).tuples():
        if mid in in_service:
            members += 1
            count("department", department, 0)
            count("employment", employment, 0)
    staff = 0
    for person in NonMemberStaff.select():
        started = person.start_date is None or person.start_date <= day
        stayed = person.status == "在职" or (person.status_date is not None and person.status_date > day)
        if started and stayed:  # 已入会 on status_date: counted as staff before it, as a member after
            staff += 1
            count("department", person.department, 1)
            count("employment", person.employment_type, 1)

    def rows(kind: str) -> list[RateRow]:
        return [RateRow(key, m, s) for key, (m, s) in sorted(groups[kind].items())]

    return MembershipRate(day, RateRow("合计", members, staff), rows("department"), rows("employment"))


@dataclass
class YearMoves:
    joined: int
    transferred_in: int
    transferred_out: int
    left: int  # 退会 除名 去世
    kept: int  # 保留会籍


def moves_between(first: dt.date, last: dt.date) -> YearMoves:
    counts = dict(MembershipEvent.select(MembershipEvent.kind, fn.COUNT(MembershipEvent.id))
                  .where(~MembershipEvent.voided & MembershipEvent.date.between(first, last)
                         & ~(MembershipEvent.backfilled & MembershipEvent.note.contains("按升级当天记")))
                  .group_by(MembershipEvent.kind).tuples())
    return YearMoves(counts.get("入会", 0), counts.get("转入", 0), counts.get("转出", 0),
                     sum(counts.get(k, 0) for k in ("退会", "除名", "去世")), counts.get("保留会籍", 0))


def events_between(first: dt.date | None = None, last: dt.date | None = None) -> list[MembershipEvent]:
    query = MembershipEvent.select(MembershipEvent, Member).join(Member)
    if first:
        query = query.where(MembershipEvent.date >= first)
    if last:
        query = query.where(MembershipEvent.date <= last)
    return list(query.order_by(MembershipEvent.date, MembershipEvent.id))


def transfer_letter_event(member) -> MembershipEvent:
    """The member's latest 转出 (the one a 介绍信 is printed for). A 转出 without a letter number (补记
    by the upgrade, or set in the archive) is numbered now, so no letter leaves unnumbered."""
    member = member_ref(member)
    event = _latest_of(member, "转出")
    if event is None:
        raise ValidationError(f"{member.name}没有转出记录，请先登记转出（会籍变动）", field="member")
    if not event.letter_number:
        with database_proxy.atomic():
            audit.update(event, note="打印介绍信时编号", values={"letter_number": _next_letter(event.date.year)})
    return event
