"""The peewee models for the whole application.

All models bind to `database_proxy`; `db.database.open_database` initialises it. Field values that
people see (status, sex, kinds) are stored as the Chinese words users know, because that is what
ledgers print and inspectors read. Money is stored as integer fen (分) to stay exact.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()

CENT = Decimal("0.01")


class MoneyField(IntegerField):
    """Yuan as a Decimal in Python, integer fen in SQLite."""

    field_type = "INTEGER"

    def db_value(self, value):
        if value is None:
            return None
        amount = Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
        return int(amount * 100)

    def python_value(self, value):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class TimestampedModel(BaseModel):
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


# --- settings, audit, counters ------------------------------------------------------------------


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=64)
    value = TextField(default="")


class AuditLog(BaseModel):
    """One row per change: who, when, which record, the values before and after (JSON)."""

    at = DateTimeField(default=now, index=True)
    actor = CharField(max_length=64)
    action = CharField(max_length=16)  # create / update / delete / void / restore ...
    table_name = CharField(max_length=64)
    record_id = IntegerField(null=True)
    before = TextField(null=True)
    after = TextField(null=True)
    note = TextField(default="")

    class Meta:
        indexes = ((("table_name", "record_id"), False),)


class Counter(BaseModel):
    """Serial numbers that are never reused (e.g. visit slips WF2026-0001)."""

    name = CharField(primary_key=True, max_length=64)
    value = IntegerField(default=0)


# --- members ------------------------------------------------------------------------------------


class Member(TimestampedModel):
    name = CharField(max_length=64, index=True)
    pinyin_key = TextField(default="", index=True)
    sex = CharField(max_length=2, default="")  # 男 / 女
    ethnicity = CharField(max_length=16, default="汉族")
    id_number = CharField(max_length=18, null=True, unique=True)
    birth_date = DateField(null=True, index=True)
    birthday_lunar = BooleanField(default=False)
    phone = CharField(max_length=32, default="")
    department = CharField(max_length=64, default="", index=True)  # 部门 / 组室 / 教研组
    union_group = CharField(max_length=64, default="")  # 工会小组
    post = CharField(max_length=64, default="")  # 职务
    title = CharField(max_length=64, default="")  # 职称
    employment_type = CharField(max_length=16, default="在编")  # 在编 合同 临时工 返聘
    status = CharField(max_length=8, default="在职", index=True)  # 在职 退休 调出 去世 退会
    status_date = DateField(null=True)
    joined_union_date = DateField(null=True)
    work_start_date = DateField(null=True)
    political_status = CharField(max_length=16, default="")
    education = CharField(max_length=16, default="")
    union_roles = CharField(max_length=128, default="")  # comma-separated: 工会委员,女工委员 ...
    notes = TextField(default="")
    # 男60 / 女干部55 / 女职工50; "" = from sex and post (domain.retirement.default_track)
    retirement_track = CharField(max_length=8, default="")


class Relative(TimestampedModel):
    """A close relative (直系亲属) of a member."""

    member = ForeignKeyField(Member, backref="relatives", on_delete="CASCADE")
    name = CharField(max_length=64)
    relation = CharField(max_length=16)  # 配偶 父亲 母亲 子女 ...
    birth_date = DateField(null=True)
    id_number = CharField(max_length=18, default="")
    phone = CharField(max_length=32, default="")
    work_or_school = CharField(max_length=128, default="")
    health = CharField(max_length=64, default="")
    death_date = DateField(null=True)
    notes = TextField(default="")


# --- hardship -----------------------------------------------------------------------------------


class HardshipFile(TimestampedModel):
    """One hardship file per member household (困难职工档案)."""

    member = ForeignKeyField(Member, backref="hardship_files")
    grade = CharField(max_length=16)  # 深度困难 相对困难 意外致困
    main_cause = CharField(max_length=32)
    secondary_causes = CharField(max_length=128, default="")  # comma-separated, up to three
    household_size = IntegerField(default=1)
    monthly_income = MoneyField(default=0)
    housing = CharField(max_length=64, default="")
    description = TextField(default="")
    found_date = DateField(default=dt.date.today)
    found_how = CharField(max_length=16, default="摸底")  # 摸底 走访 本人申请 他人反映
    status = CharField(max_length=8, default="在档", index=True)  # 在档 临时 已脱困 已注销
    status_date = DateField(null=True)
    status_reason = TextField(default="")
    last_review_date = DateField(null=True)
    next_review_date = DateField(null=True)


class HardshipReview(BaseModel):
    """A yearly re-check (复核) of a hardship file."""

    file = ForeignKeyField(HardshipFile, backref="reviews", on_delete="CASCADE")
    date = DateField()
    note = TextField(default="")
    reviewer = CharField(max_length=64, default="")


class Assistance(TimestampedModel):
    """An assistance record (帮扶) under a hardship file."""

    file = ForeignKeyField(HardshipFile, backref="assistance")
    date = DateField(index=True)
    kind = CharField(max_length=16)  # 生活救助 医疗救助 助学 法律援助 就业帮扶 其他
    cash = MoneyField(default=0)
    goods = CharField(max_length=128, default="")
    goods_value = MoneyField(default=0)
    fund_source = CharField(max_length=16, default="工会经费")
    handler = CharField(max_length=64, default="")
    notes = TextField(default="")
    voided = BooleanField(default=False)
    void_reason = TextField(default="")


# --- visits -------------------------------------------------------------------------------------


class VisitType(TimestampedModel):
    """A user-editable visit kind with its standard amount and caps (慰问类别与标准)."""

    name = CharField(max_length=32, unique=True)
    group = CharField(max_length=16, default="")  # 五必访 节日 生日 助学 救助 吊唁 其他
    standard_amount = MoneyField(default=0)
    cap_per_visit = MoneyField(null=True)
    cap_per_member_year = MoneyField(null=True)
    needs_relative = BooleanField(default=False)  # condolence on a relative's death
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class PlanItem(TimestampedModel):
    """An item of the year's work plan (工作计划)."""

    year = IntegerField(index=True)
    title = CharField(max_length=128)
    category = CharField(max_length=16, default="其他")
    month = IntegerField(null=True)
    date = DateField(null=True)
    end_date = DateField(null=True)
    responsible = CharField(max_length=64, default="")
    status = CharField(max_length=8, default="未开始")  # 未开始 进行中 已完成 已取消 顺延
    notes = TextField(default="")
    template_key = CharField(max_length=64, null=True)  # set when generated; prevents duplicates
    sort_order = IntegerField(default=0)

    class Meta:
        indexes = ((("year", "template_key"), True),)


class PlanTemplateRule(TimestampedModel):
    """A rule of the school's own plan template, turned into dated items for any year."""

    key = CharField(max_length=64, unique=True)
    title = CharField(max_length=128)  # may contain {ordinal} for 第N个教师节
    category = CharField(max_length=16, default="其他")
    kind = CharField(max_length=8)  # fixed / lunar / offset / month
    month = IntegerField(null=True)
    day = IntegerField(null=True)
    festival = CharField(max_length=16, default="")
    offset_days = IntegerField(default=0)
    responsible = CharField(max_length=64, default="")
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class Visit(TimestampedModel):
    """A visit or condolence (走访慰问). Printed visits are never edited in cash: voided and re-issued."""

    serial = CharField(max_length=16, unique=True)  # WF2026-0001
    date = DateField(index=True)
    member = ForeignKeyField(Member, backref="visits")
    relative = ForeignKeyField(Relative, null=True, backref="visits")
    visit_type = ForeignKeyField(VisitType, backref="visits")
    reason = TextField(default="")
    place = CharField(max_length=64, default="")
    visitors = CharField(max_length=128, default="")
    cash = MoneyField(default=0)
    goods = CharField(max_length=128, default="")
    goods_value = MoneyField(default=0)
    fund_source = CharField(max_length=16, default="工会经费")
    handler = CharField(max_length=64, default="")
    follow_up = TextField(default="")
    over_cap_reason = TextField(default="")
    batch = CharField(max_length=32, default="")
    plan_item = ForeignKeyField(PlanItem, null=True, backref="visits", on_delete="SET NULL")
    printed_at = DateTimeField(null=True)
    voided = BooleanField(default=False, index=True)
    void_reason = TextField(default="")
    voided_at = DateTimeField(null=True)
    replaces = ForeignKeyField("self", null=True, backref="replaced_by")


# --- activities ---------------------------------------------------------------------------------


class Activity(TimestampedModel):
    title = CharField(max_length=128)
    category = CharField(max_length=8, default="文体")  # 文体 比赛 出游 体检 讲座 培训 其他
    start = DateTimeField(index=True)
    end = DateTimeField(null=True)
    place = CharField(max_length=128, default="")
    organiser = CharField(max_length=64, default="")
    description = TextField(default="")
    signup_deadline = DateTimeField(null=True)
    eligible_sex = CharField(max_length=2, default="")  # '' = anyone
    min_age = IntegerField(null=True)
    max_age = IntegerField(null=True)
    eligible_statuses = CharField(max_length=64, default="在职")  # comma-separated member statuses
    status = CharField(max_length=8, default="筹备")  # 筹备 报名中 已截止 已结束 已取消
    budget = MoneyField(default=0)
    actual_cost = MoneyField(default=0)
    fund_source = CharField(max_length=16, default="工会经费")  # schema step 7 (the funds book posts 工会经费 costs)
    plan_item = ForeignKeyField(PlanItem, null=True, backref="activities", on_delete="SET NULL")


class ActivityItem(TimestampedModel):
    activity = ForeignKeyField(Activity, backref="items", on_delete="CASCADE")
    name = CharField(max_length=64)
    capacity = IntegerField(null=True)  # None = unlimited
    team_based = BooleanField(default=False)
    sort_order = IntegerField(default=0)


class Team(TimestampedModel):
    item = ForeignKeyField(ActivityItem, backref="teams", on_delete="CASCADE")
    name = CharField(max_length=64)
    rank = IntegerField(null=True)
    award = CharField(max_length=64, default="")


class SignUp(TimestampedModel):
    """One sign-up per member per item; `state` is 已报名 / 候补 / 已取消."""

    item = ForeignKeyField(ActivityItem, backref="signups", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="signups")
    team = ForeignKeyField(Team, null=True, backref="members", on_delete="SET NULL")
    state = CharField(max_length=8, default="已报名", index=True)
    queue_no = IntegerField(default=0)  # order of sign-up within the item; waiting list order
    signed_at = DateTimeField(default=now)
    cancelled_at = DateTimeField(null=True)
    checked_in = BooleanField(default=False)
    checked_in_at = DateTimeField(null=True)
    walk_in = BooleanField(default=False)
    override_reason = TextField(default="")
    rank = IntegerField(null=True)
    award = CharField(max_length=64, default="")
    notes = TextField(default="")

    class Meta:
        indexes = ((("item", "member"), True),)


ALL_MODELS = [
    Setting,
    AuditLog,
    Counter,
    Member,
    Relative,
    HardshipFile,
    HardshipReview,
    Assistance,
    VisitType,
    PlanItem,
    PlanTemplateRule,
    Visit,
    Activity,
    ActivityItem,
    Team,
    SignUp,
]
