"""Activities and sign-ups (活动报名): items with capacity, waiting lists, eligibility, check-in.

Sign-up states: 已报名 (has a place), 候补 (waiting, in `queue_no` order), 已取消. One sign-up per
member per item (a cancelled one is re-activated, keeping the row). When a place frees up — a
cancellation or a larger capacity — the first in line is promoted, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, fn

from union_desk.db.models import (
    Activity,
    ActivityItem,
    Member,
    PlanItem,
    SignUp,
    Team,
    database_proxy,
    now,
)
from union_desk import money_moves
from union_desk.domain import money, textclean
from union_desk.domain.pinyin import matches as pinyin_matches
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit
from union_desk.services.members import MEMBER_STATUSES, MemberFilter, age_on, get_member, search_query

CATEGORIES = ("文体", "比赛", "出游", "体检", "讲座", "培训", "其他")
STATUSES = ("筹备", "报名中", "已截止", "已结束", "已取消")
SIGNED, WAITING, CANCELLED = "已报名", "候补", "已取消"
ACTIVITY_FIELDS = (
    "title",
    "category",
    "start",
    "end",
    "place",
    "organiser",
    "description",
    "signup_deadline",
    "eligible_sex",
    "min_age",
    "max_age",
    "eligible_statuses",
    "status",
    "budget",
    "actual_cost",
    "fund_source",
    "plan_item",
)


# Free-text fields: (kind in textclean.TEXT_LIMITS, label).
ACTIVITY_TEXT = {
    "title": ("long_line", "活动名称"),
    "category": ("word", "类别"),
    "place": ("long_line", "地点"),
    "organiser": ("line", "组织者"),
    "description": ("long", "活动介绍"),
    "eligible_sex": ("word", "性别限制"),
    "status": ("word", "状态"),
}
SIGNUP_TEXT = {
    "award": ("line", "奖项"),
    "team_award": ("line", "队伍奖项"),
    "override_reason": ("notes", "破例报名原因"),
    "notes": ("notes", "备注"),
}
MAX_CAPACITY = 100_000  # places in one item
MAX_RANK = 100_000  # 名次, sign-up order


class NeedsConfirmation(ValidationError):
    """The sign-up breaks a soft rule (deadline, eligibility); retry with the given override."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind  # 'deadline' or 'eligibility'


# --- activities ---------------------------------------------------------------------------------


def _parse_datetime(raw, label: str, key: str) -> dt.datetime | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, dt.datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, dt.date):
        return dt.datetime.combine(raw, dt.time(0, 0))
    text = textclean.clean_text(raw)
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    try:
        day = textclean.parse_loose_date(text)
    except ValueError as exc:
        raise ValidationError(f"{label}：{exc}", field=key) from exc
    return dt.datetime.combine(day, dt.time(0, 0)) if day else None


def check_activity(data: dict, activity: Activity | None = None) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key not in ACTIVITY_FIELDS:
            raise ValueError(f"unknown activity field {key}")
        if key in ("start", "end", "signup_deadline"):
            label = {"start": "开始时间", "end": "结束时间", "signup_deadline": "报名截止"}[key]
            values[key] = _parse_datetime(raw, label, key)
        elif key in ("budget", "actual_cost"):
            try:
                values[key] = money.parse_amount(raw if raw not in (None, "") else 0)
            except ValueError as exc:
                raise ValidationError(f"{'预算' if key == 'budget' else '实际支出'}：{exc}", field=key) from exc
        elif key in ("min_age", "max_age"):
            values[key] = textclean.clean_int(raw, "年龄限制", 16, 100, field=key)
        elif key == "eligible_statuses":
            items = raw if isinstance(raw, (list, tuple)) else textclean.clean_text(raw).replace("、", ",").split(",")
            items = [s.strip() for s in items if s and s.strip()]
            bad = [s for s in items if s not in MEMBER_STATUSES]
            if bad:
                raise ValidationError(f"未知的会员状态：{'、'.join(bad)}", field=key)
            values[key] = ",".join(items)
        elif key == "fund_source":
            from union_desk.services.visits import FUND_SOURCES

            values[key] = textclean.clean_text(raw) or "工会经费"
            if values[key] not in FUND_SOURCES:
                raise ValidationError(f"“{values[key]}”不是有效的经费来源（可选：{'、'.join(FUND_SOURCES)}）", field=key)
        elif key == "plan_item":
            number = textclean.clean_int(getattr(raw, "id", raw), "计划事项编号", 1, textclean.MAX_DB_INT, field=key)
            values[key] = PlanItem.get_or_none(PlanItem.id == number) if number else None
        else:
            kind, label = ACTIVITY_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
    merged = {k: getattr(activity, k) for k in ACTIVITY_FIELDS} if activity else {}
    merged.update(values)
    if not merged.get("title"):
        raise ValidationError("请填写活动名称", field="title")
    if merged.get("start") is None:
        raise ValidationError("请填写开始时间", field="start")
    if merged.get("category", "文体") not in CATEGORIES:
        raise ValidationError(f"类别应为：{'、'.join(CATEGORIES)}", field="category")
    if merged.get("status", "筹备") not in STATUSES:
        raise ValidationError(f"状态应为：{'、'.join(STATUSES)}", field="status")
    if merged.get("eligible_sex") not in (None, "", "男", "女"):
        raise ValidationError("性别限制应为“男”“女”或不限", field="eligible_sex")
    if merged.get("end") and merged["end"] < merged["start"]:
        raise ValidationError("结束时间早于开始时间", field="end")
    if merged.get("signup_deadline") and merged["signup_deadline"] > (merged.get("end") or merged["start"]):
        raise ValidationError("报名截止时间晚于活动时间", field="signup_deadline")
    lo, hi = merged.get("min_age"), merged.get("max_age")
    if lo is not None and hi is not None and lo > hi:
        raise ValidationError("最小年龄大于最大年龄", field="min_age")
    return values


def save_activity(data: dict, activity: Activity | None = None, items: list[dict] | None = None) -> Activity:
    """Create or edit an activity (and, for a new one, its items) in one transaction."""
    values = check_activity(data, activity)
    with database_proxy.atomic():
        if activity is None:
            activity = audit.create(Activity, **values)
            first = 0
        else:
            audit.update(activity, **values)
            # new items of an existing activity go after the ones it has
            first = (ActivityItem.select(fn.MAX(ActivityItem.sort_order)).where(ActivityItem.activity == activity).scalar() or 0) + 1
        for order, item in enumerate(items or [], start=first):
            add_item(activity, item.get("name"), item.get("capacity"), item.get("team_based", False), order)
        money_moves.moved("activity", [activity])  # the actual cost, once it has ended
    return activity


def get_activity(activity_id: int) -> Activity:
    activity = Activity.get_or_none(Activity.id == activity_id) if textclean.fits_db_int(activity_id) else None
    if activity is None:
        raise NotFoundError(f"找不到编号为 {activity_id} 的活动")
    return activity


def _capacity(raw) -> int | None:
    try:
        return textclean.clean_int(raw, "名额", 1, MAX_CAPACITY, field="capacity")
    except ValidationError as exc:
        raise ValidationError(f"{exc.message}（不限名额请留空）", field="capacity") from None


def _rank(raw, label: str, field: str) -> int | None:
    return textclean.clean_int(raw, label, 1, MAX_RANK, field=field)


def add_item(activity: Activity, name, capacity=None, team_based: bool = False, sort_order: int = 0) -> ActivityItem:
    name = textclean.clean_field(name, "line", "项目名称", field="name")
    sort_order = textclean.clean_int(sort_order, "排序", 0, MAX_RANK, field="sort_order") or 0
    if not name:
        raise ValidationError("请填写项目名称", field="name")
    if ActivityItem.select().where((ActivityItem.activity == activity) & (ActivityItem.name == name)).exists():
        raise ValidationError(f"项目“{name}”已存在", field="name")
    return audit.create(
        ActivityItem, activity=activity, name=name, capacity=_capacity(capacity), team_based=bool(team_based), sort_order=sort_order
    )


def set_capacity(item: ActivityItem, capacity) -> list[SignUp]:
    """Change an item's capacity; a larger one promotes waiting sign-ups. Returns those promoted."""
    value = _capacity(capacity)
    with database_proxy.atomic():
        taken = _count(item, SIGNED)
        if value is not None and value < taken:
            raise ValidationError(f"已有 {taken} 人报名，名额不能少于 {taken}", field="capacity")
        audit.update(item, capacity=value)
        return _promote(item)


# --- sign-ups -----------------------------------------------------------------------------------


def _count(item: ActivityItem, state: str) -> int:
    return SignUp.select().where((SignUp.item == item) & (SignUp.state == state)).count()


def eligibility_problems(activity: Activity, member: Member, today: dt.date | None = None) -> list[str]:
    today = today or activity.start.date()
    problems = []
    if activity.eligible_sex and member.sex != activity.eligible_sex:
        problems.append(f"本活动限{activity.eligible_sex}性参加")
    age = age_on(member.birth_date, today)
    if activity.min_age is not None and (age is None or age < activity.min_age):
        problems.append(f"本活动限 {activity.min_age} 岁以上（{member.name} {age if age is not None else '年龄不详'}）")
    if activity.max_age is not None and (age is None or age > activity.max_age):
        problems.append(f"本活动限 {activity.max_age} 岁及以下（{member.name} {age if age is not None else '年龄不详'}）")
    allowed = [s for s in (activity.eligible_statuses or "").split(",") if s]
    if allowed and member.status not in allowed:
        problems.append(f"本活动限{'、'.join(allowed)}会员参加（{member.name} 为{member.status}）")
    return problems


def eligibility_text(activity: Activity) -> str:
    """'限女性；35 岁及以下；在职会员', or '' when anyone may sign up (for screens and sheets)."""
    parts = []
    if activity.eligible_sex:
        parts.append(f"限{activity.eligible_sex}性")
    if activity.min_age is not None and activity.max_age is not None:
        parts.append(f"{activity.min_age}—{activity.max_age} 岁")
    elif activity.min_age is not None:
        parts.append(f"{activity.min_age} 岁以上")
    elif activity.max_age is not None:
        parts.append(f"{activity.max_age} 岁及以下")
    statuses = [s for s in (activity.eligible_statuses or "").split(",") if s]
    if statuses:
        parts.append(f"{'、'.join(statuses)}会员")
    return "；".join(parts)


def sign_up(
    item: ActivityItem,
    member: Member,
    *,
    override_reason: str = "",
    after_deadline_ok: bool = False,
    walk_in: bool = False,
    at: dt.datetime | None = None,
    team: Team | None = None,
) -> SignUp:
    """Sign a member up for an item: a place if there is one, else the waiting list."""
    activity = item.activity
    at = at or now()
    if activity.status in ("已取消", "已结束") and not walk_in:
        raise ValidationError(f"活动已{activity.status[1:]}，不能报名")
    if activity.signup_deadline and at > activity.signup_deadline and not (after_deadline_ok or walk_in):
        raise NeedsConfirmation(f"报名已于 {activity.signup_deadline:%Y-%m-%d %H:%M} 截止，仍要报名吗？", "deadline")
    override_reason = textclean.clean_field(override_reason, *SIGNUP_TEXT["override_reason"], field="override_reason")
    problems = eligibility_problems(activity, member)
    if problems and not override_reason:
        raise NeedsConfirmation("；".join(problems) + "。如确需报名，请填写原因。", "eligibility")
    with database_proxy.atomic():
        existing = SignUp.get_or_none((SignUp.item == item) & (SignUp.member == member))
        if existing and existing.state != CANCELLED:
            where = "候补第 %d 位" % waiting_position(existing) if existing.state == WAITING else "已报名"
            raise ValidationError(f"{member.name} 已报名“{item.name}”（{where}）")
        full = item.capacity is not None and _count(item, SIGNED) >= item.capacity
        state = SIGNED if (not full or walk_in) else WAITING
        queue_no = (SignUp.select(fn.MAX(SignUp.queue_no)).where(SignUp.item == item).scalar() or 0) + 1
        values = dict(
            state=state,
            queue_no=queue_no,
            signed_at=at,
            cancelled_at=None,
            override_reason=override_reason,
            walk_in=walk_in,
            team=team,
        )
        if existing:
            audit.update(existing, note="重新报名", **values)
            return existing
        return audit.create(SignUp, item=item, member=member, **values)


def restore_signup(item: ActivityItem, member: Member, data: dict, signup: SignUp | None = None, note: str = "") -> SignUp:
    """A sign-up as a ledger records it (台账导入): state, place in the queue, team (by name, made
    when missing), check-in and result are restored as they were — without the capacity,
    deadline and eligibility rules of `sign_up`, which applied when it happened. `signup` given:
    that sign-up is brought to these values. `data` keys: state, queue_no, signed_at, team (a
    name), checked_in, checked_in_at, walk_in, override_reason, rank, award, notes,
    team_rank, team_award."""
    values: dict = {}
    state = textclean.clean_text(data.get("state")) or (signup.state if signup else SIGNED)
    if state not in (SIGNED, WAITING, CANCELLED):
        raise ValidationError(f"报名状态应为“{SIGNED}”“{WAITING}”或“{CANCELLED}”，而不是“{state}”", field="state")
    values["state"] = state
    for key, label in (("queue_no", "报名序号"), ("rank", "名次"), ("team_rank", "队伍名次")):
        number = _rank(data.get(key), label, key)
        if number is not None:
            values[key] = number
    for key, label in (("signed_at", "报名时间"), ("checked_in_at", "签到时间")):
        if key in data:
            values[key] = _parse_datetime(data[key], label, key)
    for key in ("checked_in", "walk_in"):
        if key in data:
            values[key] = bool(data[key])
    for key, (kind, label) in SIGNUP_TEXT.items():
        if key in data:
            values[key] = textclean.clean_field(data[key], kind, label, field=key)
    if values.get("checked_in") and state != SIGNED:
        raise ValidationError(f"报名状态为“{state}”的人不能已签到", field="checked_in")
    team_name = textclean.clean_field(data.get("team"), "line", "队名", field="team")
    team_result = {k[5:]: values.pop(k) for k in ("team_rank", "team_award") if k in values}
    with database_proxy.atomic():
        if "team" in data:
            values["team"] = None
            if team_name:
                team = Team.get_or_none((Team.item == item) & (Team.name == team_name))
                if team is None:
                    if not item.team_based:
                        raise ValidationError(f"项目“{item.name}”不是团体项目，不能有队伍", field="team")
                    team = audit.create(Team, note=note, item=item, name=team_name)
                if team_result:
                    audit.update(team, note=note, **team_result)
                values["team"] = team
        if values.get("checked_in") and not values.get("checked_in_at") and not (signup and signup.checked_in_at):
            values["checked_in_at"] = item.activity.start
        if signup is None:
            values.setdefault("queue_no", (SignUp.select(fn.MAX(SignUp.queue_no)).where(SignUp.item == item).scalar() or 0) + 1)
            values.setdefault("signed_at", now())
            if state == CANCELLED:
                values.setdefault("cancelled_at", values["signed_at"])
            return audit.create(SignUp, note=note, item=item, member=member, **values)
        if state == CANCELLED and signup.state != CANCELLED:
            values.setdefault("cancelled_at", now())
        audit.update(signup, note=note, **values)
        return signup


def cancel(signup: SignUp, note: str = "") -> SignUp | None:
    """Cancel a sign-up; if it held a place, the first on the waiting list gets it (returned)."""
    if signup.state == CANCELLED:
        raise ValidationError("该报名已经取消")
    with database_proxy.atomic():
        held_place = signup.state == SIGNED
        audit.update(signup, note=note, state=CANCELLED, cancelled_at=now(), checked_in=False, checked_in_at=None)
        if held_place:
            promoted = _promote(signup.item)
            return promoted[0] if promoted else None
    return None


def _promote(item: ActivityItem) -> list[SignUp]:
    item = ActivityItem.get_by_id(item.id)
    promoted = []
    while item.capacity is None or _count(item, SIGNED) < item.capacity:
        first = (
            SignUp.select()
            .where((SignUp.item == item) & (SignUp.state == WAITING))
            .order_by(SignUp.queue_no, SignUp.id)
            .first()
        )
        if first is None:
            break
        audit.update(first, note="候补递补", state=SIGNED)
        promoted.append(first)
    return promoted


def waiting_position(signup: SignUp) -> int | None:
    if signup.state != WAITING:
        return None
    ahead = SignUp.select().where(
        (SignUp.item == signup.item) & (SignUp.state == WAITING) & (SignUp.queue_no < signup.queue_no)
    )
    return ahead.count() + 1


def signups_of(item: ActivityItem, include_cancelled: bool = False) -> list[SignUp]:
    query = SignUp.select(SignUp, Member).join(Member).where(SignUp.item == item)
    if not include_cancelled:
        query = query.where(SignUp.state != CANCELLED)
    order = {SIGNED: 0, WAITING: 1, CANCELLED: 2}
    return sorted(query, key=lambda s: (order[s.state], s.queue_no, s.id))


# --- check-in and results -----------------------------------------------------------------------


def check_in(signup: SignUp, at: dt.datetime | None = None) -> SignUp:
    if signup.state != SIGNED:
        raise ValidationError(f"{signup.member.name} 的报名状态是“{signup.state}”，不能签到")
    if signup.checked_in:
        return signup
    audit.update(signup, checked_in=True, checked_in_at=at or now())
    return signup


def check_in_by_text(activity: Activity, text: str) -> list[SignUp]:
    """Fast check-in: name or pinyin initials → the matching signed-up people not yet checked in.

    Exactly one match is checked in at once; several matches are returned for the user to pick.
    """
    text = textclean.clean_text(text).lower()
    if not text:
        return []
    query = (
        SignUp.select(SignUp, Member)
        .join(Member)
        .switch(SignUp)
        .join(ActivityItem)
        .where((ActivityItem.activity == activity) & (SignUp.state == SIGNED) & (SignUp.checked_in == False))  # noqa: E712
    )
    found = [s for s in query if s.member.name == text or pinyin_matches(s.member.name, text)]
    exact = [s for s in found if s.member.name == text]
    found = exact or found
    if len({s.member_id for s in found}) == 1:
        for signup in found:
            check_in(signup)
    return found


def walk_in(item: ActivityItem, member: Member) -> SignUp:
    """Someone who did not sign up turns up on the day: signed up and checked in at once."""
    with database_proxy.atomic():
        signup = sign_up(item, member, walk_in=True, override_reason="现场报名", after_deadline_ok=True)
        return check_in(signup)


def set_result(target: SignUp | Team, rank=None, award: str = "") -> None:
    rank = _rank(rank, "名次", "rank")
    award = textclean.clean_field(award, *SIGNUP_TEXT["award"], field="award")
    audit.update(target, rank=rank, award=award)


def add_team(item: ActivityItem, name: str, member_ids: list[int]) -> Team:
    """A team entry (组室组队): the team and its members' sign-ups, in one transaction."""
    name = textclean.clean_field(name, "line", "队名", field="name")
    if not item.team_based:
        raise ValidationError(f"项目“{item.name}”不是团体项目")
    if not name:
        raise ValidationError("请填写队名", field="name")
    if Team.select().where((Team.item == item) & (Team.name == name)).exists():
        raise ValidationError(f"已有名为“{name}”的队伍", field="name")
    with database_proxy.atomic():
        team = audit.create(Team, item=item, name=name)
        for member_id in member_ids:
            member = get_member(member_id)
            existing = SignUp.get_or_none((SignUp.item == item) & (SignUp.member == member))
            if existing and existing.state != CANCELLED:
                if existing.team_id and existing.team_id != team.id:
                    raise ValidationError(f"{member.name} 已在队伍“{existing.team.name}”中")
                audit.update(existing, team=team)
            else:
                sign_up(item, member, team=team, override_reason="组队报名", after_deadline_ok=True)
        return team


@dataclass
class Attendee:
    """One person with a place (已报名) in one or more items of an activity."""

    member: Member
    signups: list[SignUp]

    @property
    def items(self) -> list[str]:
        return [s.item.name for s in self.signups]

    @property
    def teams(self) -> list[str]:
        return [s.team.name for s in self.signups if s.team_id]

    @property
    def checked_in(self) -> bool:
        return any(s.checked_in for s in self.signups)

    @property
    def checked_in_at(self) -> dt.datetime | None:
        times = [s.checked_in_at for s in self.signups if s.checked_in and s.checked_in_at]
        return min(times) if times else None


def attendees(activity: Activity) -> list[Attendee]:
    """Everyone with a place in any item, one entry per person, in order of first sign-up
    (the check-in list and the 签到表)."""
    query = (
        SignUp.select(SignUp, Member, ActivityItem, Team)
        .join(Member)
        .switch(SignUp)
        .join(ActivityItem)
        .switch(SignUp)
        .join(Team, JOIN.LEFT_OUTER)
        .where((ActivityItem.activity == activity) & (SignUp.state == SIGNED))
        .order_by(ActivityItem.sort_order, ActivityItem.id, SignUp.queue_no)
    )
    by_member: dict[int, Attendee] = {}
    for signup in query:
        by_member.setdefault(signup.member_id, Attendee(signup.member, [])).signups.append(signup)
    return list(by_member.values())


# --- figures ------------------------------------------------------------------------------------


@dataclass
class ActivityRow:
    activity: Activity
    signed_up: int
    waiting: int
    checked_in: int
    eligible: int = 0

    @property
    def participation_rate(self) -> float | None:
        """参与率: people checked in (or signed up, before the day) / eligible members."""
        basis = self.checked_in if self.activity.status == "已结束" else self.signed_up
        return basis / self.eligible if self.eligible else None


def eligible_filter(activity: Activity) -> MemberFilter:
    """The activity's eligibility as a member filter (ages counted on the day it starts)."""
    return MemberFilter(
        statuses=tuple(s for s in (activity.eligible_statuses or "").split(",") if s),
        sex=activity.eligible_sex or "",
        min_age=activity.min_age,
        max_age=activity.max_age,
    )


def eligible_count(activity: Activity) -> int:
    """Members who may take part (the basis of 参与率); counted in SQL, so 50,000 stay fast.

    Everything is taken on the activity's day: the member had joined the union by then, and
    their status then (`member_stats.status_on`: a later retirement or transfer is not yet in
    effect) is one the activity allows — 在职 or 退休 when it names none. Age is the age then.
    """
    from union_desk.services import member_stats  # imported when used: it loads the statistics

    day = activity.start.date()
    rule = eligible_filter(activity)
    statuses = rule.statuses or member_stats.MEMBER_NOW
    rule.statuses = ()
    query = search_query("", rule, today=day)
    return query.where(member_stats.joined_by(day) & member_stats.status_on(day).in_(statuses)).count()


def _counts(activity_ids: list[int]) -> dict[int, dict]:
    """Distinct members per activity: by sign-up state, and checked in."""
    counts: dict[int, dict] = {}
    if not activity_ids:
        return counts
    rows = (
        SignUp.select(ActivityItem.activity, SignUp.state, fn.COUNT(fn.DISTINCT(SignUp.member)))
        .join(ActivityItem, JOIN.INNER)
        .where(ActivityItem.activity.in_(activity_ids))
        .group_by(ActivityItem.activity, SignUp.state)
        .tuples()
    )
    for activity_id, state, n in rows:
        counts.setdefault(activity_id, {})[state] = n
    checked = (
        SignUp.select(ActivityItem.activity, fn.COUNT(fn.DISTINCT(SignUp.member)))
        .join(ActivityItem)
        .where(ActivityItem.activity.in_(activity_ids) & (SignUp.checked_in == True))  # noqa: E712
        .group_by(ActivityItem.activity)
        .tuples()
    )
    for activity_id, n in checked:
        counts.setdefault(activity_id, {})["checked"] = n
    return counts


def _row(activity: Activity, counts: dict) -> ActivityRow:
    c = counts.get(activity.id, {})
    return ActivityRow(activity, c.get(SIGNED, 0), c.get(WAITING, 0), c.get("checked", 0))


def list_activities(year: int | None = None, text: str = "", with_eligible: bool = False) -> list[ActivityRow]:
    """The activities of `year` (newest first) with their counts; `with_eligible` also counts the
    eligible members of each, which `participation_rate` needs."""
    query = Activity.select()
    if year:
        query = query.where(Activity.start.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59, 59)))
    text = (text or "").strip()
    if text:
        query = query.where(Activity.title.contains(text) | Activity.place.contains(text))
    return figures_of(list(query.order_by(Activity.start.desc())), with_eligible)


def figures_of(activities: list[Activity], with_eligible: bool = False) -> list[ActivityRow]:
    """The counts of the given activities (in their order), in two queries for all of them."""
    counts = _counts([a.id for a in activities])
    rows = [_row(a, counts) for a in activities]
    if with_eligible:
        for row in rows:
            row.eligible = eligible_count(row.activity)
    return rows


def activity_figures(activity: Activity) -> ActivityRow:
    row = _row(activity, _counts([activity.id]))
    row.eligible = eligible_count(activity)
    return row


def list_json(year: int | None = None) -> list[dict]:
    """The CLI's `activity list --json` rows."""
    return [
        {
            "id": r.activity.id,
            "title": r.activity.title,
            "start": r.activity.start.strftime("%Y-%m-%d %H:%M"),
            "status": r.activity.status,
            "signed_up": r.signed_up,
            "waiting": r.waiting,
            "checked_in": r.checked_in,
        }
        for r in list_activities(year)
    ]


def member_activities(member: Member, year: int) -> list[SignUp]:
    return list(
        SignUp.select(SignUp, ActivityItem, Activity)
        .join(ActivityItem)
        .join(Activity)
        .where(
            (SignUp.member == member)
            & (SignUp.state != CANCELLED)
            & Activity.start.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59, 59))
        )
        .order_by(Activity.start)
    )


@dataclass
class BulkResult:
    signed: list[SignUp] = field(default_factory=list)
    waiting: list[SignUp] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def bulk_sign_up(item: ActivityItem, members: list[Member]) -> BulkResult:
    """Sign up many members (e.g. all women staff for 三八) in one transaction.

    Members already signed up or not eligible are skipped and listed, never forced in.
    """
    result = BulkResult()
    with database_proxy.atomic():
        for member in members:
            try:
                signup = sign_up(item, member, after_deadline_ok=True)
            except ValidationError as exc:
                result.skipped.append(f"{member.name}：{exc.message}")
                continue
            (result.signed if signup.state == SIGNED else result.waiting).append(signup)
    return result
