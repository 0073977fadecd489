"""评优表彰 (issue 18): award types, award rounds, nominations and the honours register.

Created by schema step 6 (`step_6` below, registered in union_desk/areas/honours.py)."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, SqliteDatabase, TextField

from union_desk.db.models import Member, SignUp, Team, TimestampedModel


class AwardType(TimestampedModel):
    """An award (三八红旗手, 优秀工会小组长 …): its level, whom it goes to and who may be nominated.

    Eligibility: `eligible_sex` ('' = anyone), `eligible_statuses` (comma-separated member statuses,
    '' = any), `eligible_roles` (comma-separated union roles, any one of them; '' = no role needed),
    `min_age` / `max_age` (on the round's nomination deadline)."""

    name = CharField(max_length=32, unique=True)
    level = CharField(max_length=4, default="校")  # 校 区 市 省 全国
    target = CharField(max_length=4, default="个人")  # 个人 工会小组 家庭
    eligible_sex = CharField(max_length=2, default="")
    eligible_statuses = CharField(max_length=64, default="在职")
    eligible_roles = CharField(max_length=128, default="")
    min_age = IntegerField(null=True)
    max_age = IntegerField(null=True)
    default_quota = IntegerField(null=True)
    awarding_body = CharField(max_length=64, default="")  # '' = the school's union
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)
    notes = TextField(default="")


class AwardRound(TimestampedModel):
    """A round of an award in a year: quota, the nomination deadline, the 公示 and the decision."""

    award_type = ForeignKeyField(AwardType, backref="rounds", on_delete="RESTRICT")
    year = IntegerField(index=True)
    title = CharField(max_length=128, default="")
    quota = IntegerField(null=True)
    nomination_deadline = DateField(null=True)
    notice_start = DateField(null=True)  # 公示
    notice_end = DateField(null=True)
    decision_date = DateField(null=True)  # set when the round is decided (表彰); honours are made then
    warn_repeat = BooleanField(default=True)  # warn about last year's winner of the same award
    contact = CharField(max_length=64, default="")  # 公示 contact: 工会办公室 电话…
    notes = TextField(default="")


class Nomination(TimestampedModel):
    """A nominee of a round: a member (个人 / 家庭 awards) or a union group (工会小组 awards)."""

    award_round = ForeignKeyField(AwardRound, backref="nominations", on_delete="CASCADE")
    member = ForeignKeyField(Member, null=True, backref="nominations", on_delete="RESTRICT")
    group_name = CharField(max_length=64, default="")  # the nominated union group (工会小组 awards)
    nominated_by = CharField(max_length=64, default="")  # 推荐单位: the group or department
    deeds = TextField(default="")  # 先进事迹
    votes = IntegerField(null=True)
    result = CharField(max_length=4, default="")  # '' (待定) 当选 未当选 上报
    sent_level = CharField(max_length=4, default="")  # 上报: the level it was sent to (区 市 省 全国)
    upward_outcome = CharField(max_length=4, default="")  # 上报: '' (待定) 获评 未获评
    notes = TextField(default="")


class Honour(TimestampedModel):
    """One entry of the honours register: a member's or a union group's honour.

    `source`: 评选 (from a decided round: `nomination`), 活动 (an activity result: `signup` or
    `team` + member), 录入 (entered by hand). A group honour may list members: each gets a personal
    entry whose `parent` is the group honour."""

    year = IntegerField(index=True)
    title = CharField(max_length=128)  # 三八红旗手 / 羽毛球 女子单打 第一名
    level = CharField(max_length=4, default="校")
    awarding_body = CharField(max_length=64, default="")
    member = ForeignKeyField(Member, null=True, backref="honours", on_delete="RESTRICT")
    group_name = CharField(max_length=64, default="")  # a union group's honour
    date = DateField(null=True)
    source = CharField(max_length=4, default="录入")  # 评选 活动 录入
    nomination = ForeignKeyField(Nomination, null=True, backref="honours", on_delete="SET NULL")
    signup = ForeignKeyField(SignUp, null=True, backref="honours", on_delete="SET NULL")
    team = ForeignKeyField(Team, null=True, backref="honours", on_delete="SET NULL")
    parent = ForeignKeyField("self", null=True, backref="members_listed", on_delete="CASCADE")
    notes = TextField(default="")


HONOUR_MODELS = [AwardType, AwardRound, Nomination, Honour]

# name, level, target, sex, statuses, roles, default quota, awarding body
SEED_AWARDS = (
    ("三八红旗手", "校", "个人", "女", "在职", "", 3, ""),
    ("巾帼标兵", "校", "个人", "女", "在职", "", 2, ""),
    ("优秀教职工", "校", "个人", "", "在职", "", 10, ""),
    ("优秀工会积极分子", "区", "个人", "", "在职", "", 2, "区教育工会"),
    ("优秀工会小组长", "区", "个人", "", "在职", "工会小组长", 1, "区教育工会"),
    ("先进教工小家", "区", "工会小组", "", "", "", 1, "区教育工会"),
    ("最美家庭", "校", "家庭", "", "在职,退休", "", 3, ""),
)


def step_6(db: SqliteDatabase) -> None:
    """Create the honours tables and seed the award types."""
    import datetime as dt

    db.create_tables(HONOUR_MODELS)
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    db.cursor().executemany(
        "INSERT OR IGNORE INTO award_type (name, level, target, eligible_sex, eligible_statuses, eligible_roles, "
        "min_age, max_age, default_quota, awarding_body, active, sort_order, notes, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 1, ?, '', ?, ?)",
        [(*seed, order, stamp, stamp) for order, seed in enumerate(SEED_AWARDS)],
    )
