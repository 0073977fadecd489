"""会议与登记 (issue 17): meetings with attendance, minutes and decisions; the 来信来访 register;
合理化建议 and their campaigns (金点子征集).

Created by schema step 5 (`step_5` below, registered in union_desk/areas/meetings.py)."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    SqliteDatabase,
    TextField,
)

from union_desk.db.models import BaseModel, Member, PlanItem, TimestampedModel


class MeetingKind(TimestampedModel):
    """工会委员会, 工会小组长会 … (editable). `roles` says who should attend: members holding one of
    these union roles ('' = every 在职 member). `min_count` meetings per `min_period` (季度 / 月 /
    年; 0 = no minimum) feed the meeting-count warning."""

    name = CharField(max_length=32, unique=True)
    roles = CharField(max_length=128, default="")
    min_count = IntegerField(default=0)
    min_period = CharField(max_length=4, default="季度")  # 月 季度 年
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class Meeting(TimestampedModel):
    kind = ForeignKeyField(MeetingKind, backref="meetings", on_delete="RESTRICT")
    date = DateField(index=True)
    time = CharField(max_length=16, default="")  # 15:30
    place = CharField(max_length=64, default="")
    chair = CharField(max_length=40, default="")  # 主持人
    recorder = CharField(max_length=40, default="")  # 记录人
    topics = TextField(default="")  # 议题, one per line
    minutes = TextField(default="")  # 记录
    plan_item = ForeignKeyField(PlanItem, null=True, backref="meetings", on_delete="SET NULL")
    notes = TextField(default="")


class MeetingAttendance(BaseModel):
    """Who should attend (from the kind's roles) and whether they came: 出席 / 请假 / 缺席."""

    meeting = ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="meeting_attendance", on_delete="RESTRICT")
    state = CharField(max_length=4, default="出席")
    reason = CharField(max_length=64, default="")

    class Meta:
        indexes = ((("meeting", "member"), True),)


class Decision(TimestampedModel):
    """A 决定事项 of a meeting: who does what by when. A decision can create or link a plan item."""

    meeting = ForeignKeyField(Meeting, backref="decisions", on_delete="CASCADE")
    sort_order = IntegerField(default=0)
    text = TextField()
    owner = CharField(max_length=40, default="")  # 责任人
    due_date = DateField(null=True, index=True)
    state = CharField(max_length=4, default="未办", index=True)  # 未办 在办 已办
    done_date = DateField(null=True)
    plan_item = ForeignKeyField(PlanItem, null=True, backref="decisions", on_delete="SET NULL")
    notes = TextField(default="")


class Letter(TimestampedModel):
    """来信来访: a letter, a visit, a note in the 工会信箱, a call or an online message.

    `person_kind` 会员 (then `member`), 非会员 (then `person_name`) or 匿名 (no name anywhere)."""

    serial = CharField(max_length=16, unique=True)  # XF2027-001
    date = DateField(index=True)
    channel = CharField(max_length=4, default="来信")  # 来信 来访 信箱 电话 网络
    person_kind = CharField(max_length=4, default="会员")
    member = ForeignKeyField(Member, null=True, backref="letters", on_delete="RESTRICT")
    person_name = CharField(max_length=40, default="")
    contact = CharField(max_length=32, default="")
    matter = TextField()  # 反映事项
    category = CharField(max_length=8, default="其他")
    referred_to = CharField(max_length=64, default="")  # 转办部门 / 责任人
    due_date = DateField(null=True, index=True)  # 答复期限
    reply = TextField(default="")
    reply_date = DateField(null=True)
    closed = BooleanField(default=False, index=True)
    notes = TextField(default="")


class SuggestionCampaign(TimestampedModel):
    """A dated collection of suggestions, e.g. 2027年“金点子”征集."""

    title = CharField(max_length=128)
    start_date = DateField()
    end_date = DateField(null=True)
    notes = TextField(default="")


class Suggestion(TimestampedModel):
    """合理化建议: who suggested what, adopted or not, and what came of it."""

    campaign = ForeignKeyField(SuggestionCampaign, null=True, backref="suggestions", on_delete="SET NULL")
    date = DateField(index=True)
    member = ForeignKeyField(Member, null=True, backref="suggestions", on_delete="RESTRICT")
    proposer = CharField(max_length=40, default="")  # a name when not a member (or several)
    title = CharField(max_length=128)
    content = TextField(default="")
    category = CharField(max_length=8, default="其他")
    adoption = CharField(max_length=4, default="待定")  # 待定 采纳 部分采纳 未采纳
    result = TextField(default="")
    notes = TextField(default="")


MEETING_MODELS = [MeetingKind, Meeting, MeetingAttendance, Decision, Letter, SuggestionCampaign, Suggestion]

# name, roles, min count, period (the committee at least once a quarter, the members' congress once a year)
SEED_KINDS = (
    ("工会委员会", "工会委员", 1, "季度"),
    ("工会小组长会", "工会小组长", 0, "季度"),
    ("经审委员会", "经审委员", 1, "年"),
    ("女职工委员会", "女工委员", 0, "年"),
    ("全体会员大会", "", 0, "年"),
)


def step_5(db: SqliteDatabase) -> None:
    """Create the meeting and register tables and seed the meeting kinds."""
    import datetime as dt

    db.create_tables(MEETING_MODELS)
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    db.cursor().executemany(
        "INSERT OR IGNORE INTO meeting_kind (name, roles, min_count, min_period, sort_order, active, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        [(name, roles, count, period, order, stamp, stamp) for order, (name, roles, count, period) in enumerate(SEED_KINDS)],
    )
