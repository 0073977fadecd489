"""工会经费 (issue 19): categories (科目), the funds book's entries and their links to the records
they were posted from, opening balances, budgets, closed periods and cap groups.

Created by schema step 7 (`step_7` below, registered in union_desk/areas/funds.py). Money is
integer fen (MoneyField), as everywhere."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, SqliteDatabase, TextField

from union_desk.db.models import BaseModel, MoneyField, TimestampedModel, VisitType


class FundCategory(TimestampedModel):
    """A 科目: 0.1 会费收入 … 6.0 其他支出. Income codes start with 0. Retired, never deleted once used."""

    code = CharField(max_length=8, unique=True)
    name = CharField(max_length=32)
    kind = CharField(max_length=2, default="支出")  # 收入 / 支出
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class FundEntry(TimestampedModel):
    """One line of the funds book. There is no delete: a correction is a reversing entry (a negative
    amount in the same category) that points back at the original (`reverses`)."""

    serial = CharField(max_length=16, unique=True)  # JZ2027-0001, per year, never reused
    date = DateField(index=True)
    summary = CharField(max_length=128)
    category = ForeignKeyField(FundCategory, backref="entries", on_delete="RESTRICT")
    amount = MoneyField()  # yuan; the category says income or spending; negative = a reversal
    handler = CharField(max_length=40, default="")
    attachments = IntegerField(default=0)  # 附件张数
    reverses = ForeignKeyField("self", null=True, backref="reversals", on_delete="RESTRICT")
    backfilled = BooleanField(default=False)  # 补记: posted by the upgrade for records made before the funds book
    over_budget_reason = TextField(default="")
    notes = TextField(default="")


class FundLink(BaseModel):
    """Which record an entry was posted from, and how much of the entry is that record's (a 送温暖
    batch posts one entry linked to all its visits)."""

    entry = ForeignKeyField(FundEntry, backref="links", on_delete="CASCADE")
    source_kind = CharField(max_length=16, index=True)  # visit / assistance / activity / dues
    source_id = IntegerField(index=True)
    amount = MoneyField()

    class Meta:
        indexes = ((("source_kind", "source_id"), False),)


class FundYear(BaseModel):
    """The opening balance (上年结余) of a calendar year."""

    year = IntegerField(unique=True)
    opening = MoneyField(default=0)


class Budget(BaseModel):
    year = IntegerField()
    category = ForeignKeyField(FundCategory, backref="budgets", on_delete="RESTRICT")
    amount = MoneyField(default=0)

    class Meta:
        indexes = ((("year", "category"), True),)


class FundClosing(TimestampedModel):
    """A closed term or year (结账): entries dated in it are refused until it is reopened (audited)."""

    label = CharField(max_length=32)  # 2027年春季学期 / 2027年
    start_date = DateField()
    end_date = DateField()
    closed = BooleanField(default=True)


class CapGroup(TimestampedModel):
    """A cap across visit types per member per year (e.g. 节日慰问 ≤ 1,500 元, goods included)."""

    year = IntegerField(index=True)
    name = CharField(max_length=32)
    cap = MoneyField()
    goods_count = BooleanField(default=True)

    class Meta:
        indexes = ((("year", "name"), True),)


class CapGroupType(BaseModel):
    group = ForeignKeyField(CapGroup, backref="types", on_delete="CASCADE")
    visit_type = ForeignKeyField(VisitType, backref="cap_groups", on_delete="CASCADE")

    class Meta:
        indexes = ((("group", "visit_type"), True),)


FUND_MODELS = [FundCategory, FundEntry, FundLink, FundYear, Budget, FundClosing, CapGroup, CapGroupType]

# DOMAIN.md §7.2: a school union's own bookkeeping
SEED_CATEGORIES = (
    ("0.1", "会费收入"), ("0.2", "拨缴经费收入"), ("0.3", "上级工会补助收入"), ("0.4", "行政补助收入"),
    ("0.5", "事业收入"), ("0.6", "投资收益"), ("0.7", "其他收入"),
    ("1.1", "职工教育支出"), ("1.2", "文体活动支出"), ("1.3", "宣传活动支出"), ("1.4", "职工集体福利支出"),
    ("1.5", "其他活动支出"),
    ("2.1", "劳动关系协调费"), ("2.2", "劳动保护费"), ("2.3", "法律援助费"), ("2.4", "困难职工帮扶费"),
    ("2.5", "送温暖费"), ("2.6", "其他维权支出"),
    ("3.1", "培训费"), ("3.2", "会议费"), ("3.3", "专项业务费"), ("3.4", "其他业务支出"),
    ("4.0", "资本性支出"), ("5.0", "事业支出"), ("6.0", "其他支出"),
)


def step_7(db: SqliteDatabase) -> None:
    """Create the funds tables, seed the categories, give activities a fund source (default
    工会经费), then post what was paid before the funds book existed (补记): see
    `services.fund_backfill`, which writes plain SQL so that later model changes cannot break it."""
    import datetime as dt

    db.create_tables(FUND_MODELS)
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    db.cursor().executemany(
        "INSERT OR IGNORE INTO fund_category (code, name, kind, active, sort_order, created_at, updated_at) "
        "VALUES (?, ?, ?, 1, ?, ?, ?)",
        [(code, name, "收入" if code.startswith("0.") else "支出", order, stamp, stamp)
         for order, (code, name) in enumerate(SEED_CATEGORIES)],
    )
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(activity)").fetchall()}
    if "fund_source" not in columns:
        db.execute_sql("ALTER TABLE activity ADD COLUMN fund_source VARCHAR(16) NOT NULL DEFAULT '工会经费'")
    from union_desk.services import fund_backfill

    fund_backfill.backfill(db, stamp)
