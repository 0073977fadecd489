"""活动台账 (one row per activity: date, place, items, participants, cost) and 活动参与明细 (one row
per sign-up: who took part in which item, check-in, result).

An activity is known by its name and the day it starts; a sign-up by its activity, item and
member. The items of an activity are one cell, '拔河（限40人，团体）、跳绳（限30人）、袋鼠跳',
and its eligibility one cell, '限女性；35 岁及以下；在职会员' — both read back on import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from peewee import JOIN

from union_desk.db.models import Activity, ActivityItem, Member, PlanItem, SignUp, Team
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.ledgers.common import ledger_fields, link, members_by_id
from union_desk.imports.common import NEW, UPDATE, ImportRow
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.imports.records import RecordImporter, parse_count
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, member_columns, seq_column
from union_desk.services import activities as activity_service
from union_desk.services.members import MEMBER_STATUSES


def _attr(name: str):
    return lambda record, options: getattr(record, name)


# --- the items and eligibility cells ---------------------------------------------------------------

_ITEM_LIMITS = re.compile(r"^(?P<name>.+?)[（(](?:限\s*(?P<cap>\d+)\s*人)?[，,、]?\s*(?P<team>团体)?[）)]$")


def items_text(items) -> str:
    parts = []
    for item in items:
        limits = [f"限{item.capacity}人"] if item.capacity else []
        if item.team_based:
            limits.append("团体")
        parts.append(f"{item.name}（{'，'.join(limits)}）" if limits else item.name)
    return "、".join(parts)


def parse_items(raw) -> list[dict]:
    """'拔河（限40人，团体）、跳绳（限30人）、健步行（5公里）' → [{'name', 'capacity', 'team_based'}]."""
    items = []
    for part in re.split(r"[、;；\n]+", str(raw)):
        part = part.strip()
        if not part:
            continue
        match = _ITEM_LIMITS.match(part)
        if match and (match.group("cap") or match.group("team")):
            items.append({"name": textclean.clean_text(match.group("name")), "capacity": parse_count(match.group("cap")) if match.group("cap") else None,
                          "team_based": bool(match.group("team"))})
        else:
            items.append({"name": textclean.clean_text(part), "capacity": None, "team_based": False})
    return items


def parse_eligibility(raw) -> dict:
    """'限女性；35 岁及以下；在职会员' (activities.eligibility_text) → the eligibility fields;
    '不限' or blank → anyone (the statuses stay as the activity form sets them)."""
    text = str(raw).strip()
    values = {"eligible_sex": "", "min_age": None, "max_age": None, "eligible_statuses": ""}
    if text in ("", "不限", "无"):
        return values
    for part in re.split(r"[；;，,]+", text):
        part = part.strip().replace(" ", "")
        if not part:
            continue
        if match := re.fullmatch(r"限([男女])性?", part):
            values["eligible_sex"] = match.group(1)
        elif match := re.fullmatch(r"(\d+)[—\-~至到](\d+)岁", part):
            values["min_age"], values["max_age"] = parse_count(match.group(1)), parse_count(match.group(2))
        elif match := re.fullmatch(r"(\d+)岁(?:以上|及以上)", part):
            values["min_age"] = parse_count(match.group(1))
        elif match := re.fullmatch(r"(\d+)岁(?:及以下|以下)", part):
            values["max_age"] = parse_count(match.group(1))
        elif part.endswith("会员") and all(s in MEMBER_STATUSES for s in part[:-2].split("、")):
            values["eligible_statuses"] = ",".join(part[:-2].split("、"))
        else:
            raise ValueError(f"看不懂参加条件“{part}”（可写：限女性；35 岁及以下；30 岁以上；在职、退休会员）")
    return values


# --- 活动台账 -------------------------------------------------------------------------------------------


def _participants(record) -> int:
    row = record.figures
    return row.checked_in if record.status == "已结束" else row.signed_up


ACTIVITIES = LedgerSpec(
    kind="activities",
    title="活动台账",
    columns=(
        seq_column(),
        LedgerColumn("title", "活动名称", _attr("title"), 20, aliases=("活动", "名称", "活动内容"), field="title", wrap=True, max_width=30),
        LedgerColumn("category", "类别", _attr("category"), 6, aliases=("活动类别", "类型"), field="category"),
        LedgerColumn("start", "开始时间", _attr("start"), 16, kind="datetime", aliases=("活动时间", "时间", "日期", "活动日期"), field="start"),
        LedgerColumn("end", "结束时间", _attr("end"), 16, kind="datetime", field="end", in_default=False),
        LedgerColumn("place", "地点", _attr("place"), 12, aliases=("活动地点",), field="place", wrap=True, max_width=20),
        LedgerColumn("organiser", "组织者", _attr("organiser"), 8, aliases=("组织单位", "负责人", "主办"), field="organiser", fold=True,
                     max_width=16),
        LedgerColumn("items", "活动项目", lambda r, o: items_text(r.item_list), 16, aliases=("项目", "比赛项目"), field="items",
                     wrap=True, max_width=26, parse=parse_items),
        LedgerColumn("eligibility", "参加条件", lambda r, o: activity_service.eligibility_text(r) or "不限", 12,
                     aliases=("参加对象", "报名条件"), field="eligibility", wrap=True, max_width=18, parse=parse_eligibility,
                     printed=False),
        LedgerColumn("signed_up", "报名人数", lambda r, o: r.figures.signed_up, 6, kind="int", total=True),
        LedgerColumn("participants", "参加人数", lambda r, o: _participants(r), 6, kind="int", total=True),
        LedgerColumn("rate", "参与率", lambda r, o: r.figures.participation_rate, 7, kind="percent"),
        LedgerColumn("budget", "预算", _attr("budget"), 10, kind="money", aliases=("预算金额", "经费预算"), field="budget"),
        LedgerColumn("actual_cost", "实际支出", _attr("actual_cost"), 10, kind="money", aliases=("支出", "费用", "实际费用", "经费"),
                     field="actual_cost"),
        LedgerColumn("status", "状态", _attr("status"), 6, aliases=("活动状态",), field="status"),
        LedgerColumn("signup_deadline", "报名截止", _attr("signup_deadline"), 16, kind="datetime", aliases=("截止时间",),
                     field="signup_deadline", in_default=False),
        LedgerColumn("description", "活动说明", _attr("description"), 20, aliases=("说明", "活动简介"), field="description", wrap=True,
                     in_default=False),
        LedgerColumn("plan_item", "关联计划", lambda r, o: r.plan_title, 14, aliases=("计划事项",), field="plan_item", in_default=False),
    ),
    info=lambda records, options: (
        f"共 {len(records)} 项活动"
        + (f"（其中已取消 {n} 项）" if (n := sum(1 for r in records if r.status == "已取消")) else "")
        + "；参加人数：已结束的活动为签到人数，其余为报名人数；参与率 = 参加人数 ÷ 符合条件的会员人数"
    ),
    unit="项",
)


def activity_records(period: LedgerPeriod) -> list[Activity]:
    activities = list(Activity.select().where(Activity.start.between(period.start, period.end)).order_by(Activity.start, Activity.id))
    ids = [a.id for a in activities]
    items: dict[int, list[ActivityItem]] = defaultdict(list)
    for item in ActivityItem.select().where(ActivityItem.activity.in_(ids)).order_by(ActivityItem.sort_order, ActivityItem.id):
        items[item.activity_id].append(item)
    plan_ids = [a.plan_item_id for a in activities if a.plan_item_id]
    titles = dict(PlanItem.select(PlanItem.id, PlanItem.title).where(PlanItem.id.in_(plan_ids)).tuples()) if plan_ids else {}
    for activity, figures in zip(activities, activity_service.figures_of(activities, with_eligible=True)):
        activity.figures = figures
        activity.item_list = items.get(activity.id, [])
        activity.plan_title = titles.get(activity.plan_item_id, "")
    return activities


class ActivityImporter(RecordImporter):
    spec = ACTIVITIES
    noun = "活动"
    table = "activity"
    needs_member = False
    required = (("title",), ("start",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.stored: dict[tuple[str, dt.date], Activity] = {}
        for activity in Activity.select().order_by(Activity.id):
            self.stored.setdefault((textclean.clean_text(activity.title), activity.start.date()), activity)
        self.items: dict[int, dict[str, ActivityItem]] = defaultdict(dict)
        for item in ActivityItem.select():
            self.items[item.activity_id][textclean.clean_text(item.name)] = item
        self.plans: dict[tuple[int, str], int] = {}
        for pid, year, title in PlanItem.select(PlanItem.id, PlanItem.year, PlanItem.title).order_by(PlanItem.id).tuples():
            self.plans.setdefault((year, textclean.clean_text(title)), pid)

    def check(self, row: ImportRow) -> None:
        v = row.values
        title, start = textclean.clean_text(v.get("title")), v.get("start")
        if not title or start is None:
            self.issue(row, "title" if not title else "start", "请填写活动名称和开始时间")
            return
        if not self.once(row, (title, start.date())):
            return
        data = {k: v[k] for k in activity_service.ACTIVITY_FIELDS if k in v}
        data.update(v.get("eligibility", {}))
        if "plan_item" in v:
            data["plan_item"] = self.plans.get((start.year, textclean.clean_text(v["plan_item"])))
            if data["plan_item"] is None:
                self.issue(row, "plan_item", f"{start.year}年工作计划中没有“{v['plan_item']}”，未关联（可先导入工作计划）", "warning")
        stored = self.stored.get((title, start.date()))
        try:
            data = activity_service.check_activity(data, stored)  # cleaned as the service keeps them
        except ValidationError as exc:
            self.issue(row, exc.field, exc.message)
            return
        if "plan_item" in data:
            data["plan_item"] = data["plan_item"].id if data["plan_item"] else None
        items = v.get("items", [])
        names = [i["name"] for i in items]
        if len(set(names)) != len(names):
            self.issue(row, "items", "活动项目有重名")
            return
        if stored is None:
            row.action, row.write, row.context["items"] = NEW, data, items
            return
        row.record_id = stored.id
        current = {k: stored.plan_item_id if k == "plan_item" else getattr(stored, k) for k in data}
        self.diff(row, current, data)
        have = self.items.get(stored.id, {})
        new_items = [i for i in items if i["name"] not in have]
        resized = [i for i in items if i["name"] in have and i["capacity"] != have[i["name"]].capacity]
        if new_items or resized:
            row.context.update(items=new_items, resized=resized)
            row.changes["items"] = (items_text(have.values()), items_text(_Item(**i) for i in items))
            row.action = UPDATE

    def write(self, row: ImportRow) -> int:
        data = dict(row.write)
        if row.action == NEW:
            return activity_service.save_activity(data, items=row.context["items"]).id
        activity = Activity.get_by_id(row.record_id)
        if data:
            activity_service.save_activity(data, activity)
        have = {i.name: i for i in activity.items}
        for order, item in enumerate(row.context.get("items", ()), start=len(have)):
            activity_service.add_item(activity, item["name"], item["capacity"], item["team_based"], order)
        for item in row.context.get("resized", ()):
            activity_service.set_capacity(have[item["name"]], item["capacity"])
        return activity.id


class _Item:
    def __init__(self, name, capacity, team_based):
        self.name, self.capacity, self.team_based = name, capacity, team_based


# --- 活动参与明细 ---------------------------------------------------------------------------------------


def _activity_of(record):
    return record.item.activity


SIGNUPS = LedgerSpec(
    kind="signups",
    title="活动参与明细",
    columns=(
        seq_column(),
        LedgerColumn("activity", "活动名称", lambda r, o: _activity_of(r).title, 20, aliases=("活动",), field="activity", wrap=True,
                     max_width=30),
        LedgerColumn("activity_date", "活动日期", lambda r, o: _activity_of(r).start.date(), 11, kind="date", aliases=("日期",),
                     field="activity_date"),
        LedgerColumn("item", "项目", lambda r, o: r.item.name, 12, aliases=("报名项目", "参加项目", "比赛项目"), field="item", max_width=20),
        *member_columns(lambda r: r.member, with_id=False),
        LedgerColumn("signed_at", "报名时间", _attr("signed_at"), 16, kind="datetime", field="signed_at", in_default=False),
        LedgerColumn("state", "报名状态", _attr("state"), 8, aliases=("状态",), field="state"),
        LedgerColumn("queue_no", "报名序号", _attr("queue_no"), 6, kind="int", aliases=("候补序号",), field="queue_no", in_default=False),
        LedgerColumn("team", "队伍", lambda r, o: r.team.name if r.team_id else "", 12, aliases=("队名", "代表队"), field="team",
                     max_width=20),
        LedgerColumn("checked_in", "签到", _attr("checked_in"), 5, kind="bool", aliases=("是否签到", "签到情况"), field="checked_in"),
        LedgerColumn("checked_in_at", "签到时间", _attr("checked_in_at"), 16, kind="datetime", field="checked_in_at", in_default=False),
        LedgerColumn("walk_in", "现场报名", _attr("walk_in"), 6, kind="bool", field="walk_in", in_default=False),
        LedgerColumn("rank", "名次", _attr("rank"), 5, kind="int", field="rank"),
        LedgerColumn("award", "奖项", _attr("award"), 8, aliases=("获奖", "获奖情况"), field="award"),
        LedgerColumn("team_rank", "队伍名次", lambda r, o: r.team.rank if r.team_id else None, 6, kind="int", field="team_rank",
                     in_default=False),
        LedgerColumn("team_award", "队伍奖项", lambda r, o: r.team.award if r.team_id else "", 8, field="team_award", in_default=False),
        LedgerColumn("override_reason", "特批原因", _attr("override_reason"), 12, field="override_reason", in_default=False),
        LedgerColumn("notes", "备注", _attr("notes"), 12, field="notes", wrap=True, max_width=20),
    ),
    info=lambda records, options: (
        f"共 {len(records)} 人次报名：" + "，".join(
            f"{state} {n} 人次" for state in (activity_service.SIGNED, activity_service.WAITING, activity_service.CANCELLED)
            if (n := sum(1 for r in records if r.state == state))
        ) + f"；签到 {sum(1 for r in records if r.checked_in)} 人次"
    ),
    unit="人次",
)

_STATE_ORDER = {activity_service.SIGNED: 0, activity_service.WAITING: 1, activity_service.CANCELLED: 2}


def signup_records(period: LedgerPeriod) -> list[SignUp]:
    activities = {a.id: a for a in Activity.select().where(Activity.start.between(period.start, period.end))}
    items = {i.id: i for i in ActivityItem.select().where(ActivityItem.activity.in_(list(activities)))} if activities else {}
    link(items.values(), "activity", activities)
    records = []
    ids = list(items)
    for start in range(0, len(ids), 500):
        records.extend(SignUp.select(*ledger_fields(SignUp, "cancelled_at")).where(SignUp.item.in_(ids[start : start + 500])))
    link(records, "item", items)
    link(records, "member", members_by_id(s.member_id for s in records))
    team_ids = {s.team_id for s in records if s.team_id}
    link(records, "team", {t.id: t for t in Team.select().where(Team.id.in_(list(team_ids)))} if team_ids else {})
    # by activity and item; within an item those with a place, the waiting list, the cancelled
    records.sort(key=lambda s: (s.item.activity.start, s.item.activity_id, s.item.sort_order, s.item_id,
                                _STATE_ORDER.get(s.state, 3), s.queue_no, s.id))
    return records


SIGNUP_FIELDS = ("state", "queue_no", "signed_at", "team", "checked_in", "checked_in_at", "walk_in", "rank", "award",
                 "team_rank", "team_award", "override_reason", "notes")


class SignUpImporter(RecordImporter):
    spec = SIGNUPS
    noun = "报名"
    table = "sign_up"
    required = (("name", "id_number"), ("activity",), ("item",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.activities: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
        for aid, title, start in Activity.select(Activity.id, Activity.title, Activity.start).order_by(Activity.id).tuples():
            self.activities[(textclean.clean_text(title), start.date())].append(aid)
        self.titles: dict[str, list[int]] = defaultdict(list)
        for (title, _day), ids in self.activities.items():
            self.titles[title].extend(ids)
        self.items = {(i.activity_id, textclean.clean_text(i.name)): i.id for i in ActivityItem.select(ActivityItem.id, ActivityItem.activity, ActivityItem.name)}
        self.signups = {
            (s.item_id, s.member_id): s
            for s in SignUp.select(SignUp, Team).join(Team, JOIN.LEFT_OUTER).order_by(SignUp.id)
        }

    def check(self, row: ImportRow) -> None:
        v = row.values
        title, day = textclean.clean_text(v.get("activity")), v.get("activity_date")
        ids = self.activities.get((title, day), []) if day else self.titles.get(title, [])
        if len(ids) != 1:
            when = f"（{day:%Y-%m-%d}）" if day else ""
            message = (f"找不到活动“{title}”{when}（请先导入活动台账）" if not ids
                       else f"有 {len(ids)} 个活动叫“{title}”，请填写活动日期")
            self.issue(row, "activity", message)
            return
        item_id = self.items.get((ids[0], textclean.clean_text(v.get("item"))))
        if item_id is None:
            self.issue(row, "item", f"活动“{title}”中没有项目“{v.get('item')}”")
            return
        member_id = self.member(row)
        if member_id is None:
            return
        if not self.once(row, (item_id, member_id), "报名（同一人同一项目）"):
            return
        data = {k: v[k] for k in SIGNUP_FIELDS if k in v}
        if data.get("state") and data["state"] not in _STATE_ORDER:
            self.issue(row, "state", f"报名状态应为“{'”“'.join(_STATE_ORDER)}”之一")
            return
        row.context.update(item=item_id, member=member_id)
        stored = self.signups.get((item_id, member_id))
        if stored is None:
            row.action, row.write = NEW, data
            return
        row.record_id = stored.id
        current = {k: getattr(stored, k) for k in data if k not in ("team", "team_rank", "team_award")}
        team = stored.team if stored.team_id else None
        current.update(team=team.name if team else "", team_rank=team.rank if team else None, team_award=team.award if team else "")
        self.diff(row, current, data)

    def write(self, row: ImportRow) -> int:
        item = ActivityItem.get_by_id(row.context["item"])
        member = Member.get_by_id(row.context["member"])
        signup = SignUp.get_by_id(row.record_id) if row.action == UPDATE else None
        data = dict(row.write)
        if signup is not None and ("team_rank" in data or "team_award" in data) and "team" not in data:
            data["team"] = signup.team.name if signup.team_id else ""
        return activity_service.restore_signup(item, member, data, signup, note=self.note).id


ACTIVITIES_LEDGER = Ledger("activities", ACTIVITIES, activity_records, ActivityImporter, order=50, help="活动")
SIGNUPS_LEDGER = Ledger("signups", SIGNUPS, signup_records, SignUpImporter, order=60, help="活动参与明细")
