"""会籍与会费 (issue 20): staff who are not members, membership events (the history the member's
status follows), wage bases, dues payments and dues exemptions.

Created by schema step 8 (`step_8` below, registered in union_desk/areas/membership.py). Money is
integer fen (MoneyField), as everywhere. Non-member staff are a table of their own, so every query
on `member` stays a query on union members."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, SqliteDatabase, TextField

from union_desk.db.models import Member, MoneyField, TimestampedModel


class NonMemberStaff(TimestampedModel):
    """A member of staff who is not (yet) in the union: counted for 入会率. When they join, a member
    is made from the record and `member` points at it (the record stays, status 已入会)."""

    name = CharField(max_length=64, index=True)
    pinyin_key = CharField(max_length=128, default="")
    sex = CharField(max_length=2, default="")
    id_number = CharField(max_length=18, null=True, unique=True)
    birth_date = DateField(null=True)
    phone = CharField(max_length=32, default="")
    department = CharField(max_length=64, default="", index=True)
    post = CharField(max_length=64, default="")
    employment_type = CharField(max_length=16, default="在编")
    start_date = DateField(null=True)  # 入职日期 (counted from this day)
    status = CharField(max_length=8, default="在职", index=True)  # 在职 / 离职 / 退休 / 已入会
    status_date = DateField(null=True)
    member = ForeignKeyField(Member, null=True, backref="staff_record", on_delete="SET NULL")
    notes = TextField(default="")


class MembershipEvent(TimestampedModel):
    """One step of a member's membership: 入会 转入 转出 保留会籍 恢复 退会 除名 去世. The member's
    status follows the latest event that is not voided (by date, then entry order)."""

    member = ForeignKeyField(Member, backref="membership_events", on_delete="CASCADE")
    kind = CharField(max_length=8, index=True)
    date = DateField(index=True)
    handler = CharField(max_length=40, default="")
    note = TextField(default="")
    application_date = DateField(null=True)  # 入会: 申请日期
    approval_date = DateField(null=True)  # 入会: 批准日期
    card_number = CharField(max_length=32, default="")  # 会员证号
    other_union = CharField(max_length=64, default="")  # 转入: from which union; 转出: to which union
    letter_number = CharField(max_length=32, default="")  # 介绍信编号: received (转入) or issued (转出)
    reason = CharField(max_length=32, default="")  # 保留会籍: 退休 / 失业 …; 退会 / 除名: why
    backfilled = BooleanField(default=False)  # 补记 by the upgrade from the archive's dates
    voided = BooleanField(default=False)
    void_reason = TextField(default="")


class WageBase(TimestampedModel):
    """A member's monthly wage base for dues (缴费基数) from `effective` on."""

    member = ForeignKeyField(Member, backref="wage_bases", on_delete="CASCADE")
    effective = DateField(index=True)
    amount = MoneyField()
    source = CharField(max_length=16, default="录入")  # 录入 / 导入 / 工资表
    note = TextField(default="")

    class Meta:
        indexes = ((("member", "effective"), True),)


class DuesExemption(TimestampedModel):
    """A member owes no dues from `start` to `end` (inclusive; open-ended when None), e.g. 长期病休.
    保留会籍 needs no record: it exempts by itself."""

    member = ForeignKeyField(Member, backref="dues_exemptions", on_delete="CASCADE")
    start = DateField()
    end = DateField(null=True)
    reason = CharField(max_length=32)


class DuesPayment(TimestampedModel):
    """Dues paid by one member for one period ('2027-03', '2027-Q1', '2027-H1'). Never deleted: a
    wrong payment is voided (the funds book posts the reversal)."""

    member = ForeignKeyField(Member, backref="dues_payments", on_delete="RESTRICT")
    period = CharField(max_length=8, index=True)
    amount = MoneyField()
    date = DateField(index=True)
    method = CharField(max_length=8, default="工资代扣")  # 工资代扣 / 现金 / 转账
    collector = CharField(max_length=40, default="")
    receipt = CharField(max_length=16, null=True, unique=True)  # HF2027-001 for a cash payment's receipt
    batch = CharField(max_length=32, default="")  # one payroll list's import: its payments post as one entry
    voided = BooleanField(default=False)
    void_reason = TextField(default="")
    note = TextField(default="")


class PastDuesRule(TimestampedModel):
    """The dues rule (rate, rounding, the part under ten yuan) that held for the periods beginning on or
    before `until`: kept when the settings change, so the periods already collected keep what they
    owed (a new rate applies from the current period on)."""

    until = DateField(unique=True)
    rate = CharField(max_length=16)  # per cent, as the setting
    rounding = CharField(max_length=8)
    floor_ten = BooleanField(default=True)


MEMBERSHIP_MODELS = [NonMemberStaff, MembershipEvent, WageBase, DuesExemption, DuesPayment, PastDuesRule]


def step_8(db: SqliteDatabase) -> None:
    """Create the membership tables, then write each member's history from the archive: an 入会
    event on the join date and an event for today's status on its date (marked 补记). Plain SQL, so
    later model changes cannot break it."""
    import datetime as dt

    from union_desk.services import membership_backfill

    db.create_tables(MEMBERSHIP_MODELS)
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    membership_backfill.backfill(db, stamp, dt.date.today())
