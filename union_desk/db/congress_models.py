"""教代会与提案 (issue 16): terms, sessions, delegates, attendance, agenda, proposals, 民主评议.

Created by schema step 4 (`step_4` below, registered in union_desk/areas/congress.py). Words people
see (kinds, states, grades) are stored as the Chinese words, as everywhere else.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    SqliteDatabase,
    TextField,
)

from union_desk.db.models import BaseModel, Member, PlanItem, TimestampedModel


class CongressTerm(TimestampedModel):
    """A 届: 第五届 runs 3–5 years. `end_date` None = still running."""

    number = IntegerField(unique=True)
    start_date = DateField()
    end_date = DateField(null=True)
    notes = TextField(default="")


class CongressSession(TimestampedModel):
    """A 次 of a 届: 第五届第二次教职工代表大会. `held` is set when the meeting has taken place
    (attendance recorded); a linked plan item is completed then."""

    term = ForeignKeyField(CongressTerm, backref="sessions", on_delete="RESTRICT")
    number = IntegerField()
    title = CharField(max_length=128, default="")
    date = DateField(index=True)
    place = CharField(max_length=64, default="")
    kind = CharField(max_length=4, default="正式")  # 正式 / 临时
    held = BooleanField(default=False)
    plan_item = ForeignKeyField(PlanItem, null=True, backref="congress_sessions", on_delete="SET NULL")
    notes = TextField(default="")

    class Meta:
        indexes = ((("term", "number"), True),)


class Delegate(TimestampedModel):
    """A member's seat in a term. A by-election (补选) may replace a delegate who left."""

    term = ForeignKeyField(CongressTerm, backref="delegates", on_delete="RESTRICT")
    member = ForeignKeyField(Member, backref="delegate_seats", on_delete="RESTRICT")
    group_name = CharField(max_length=64, default="")  # 代表团 / 代表组
    category = CharField(max_length=4, default="教师")  # 教师 干部 职工 其他
    elected_date = DateField(null=True)
    how = CharField(max_length=4, default="选举")  # 选举 / 补选
    left_date = DateField(null=True)
    left_reason = CharField(max_length=64, default="")
    replaces = ForeignKeyField("self", null=True, backref="replaced_by", on_delete="SET NULL")
    notes = TextField(default="")

    class Meta:
        indexes = ((("term", "member"), True),)


class SessionAttendance(BaseModel):
    """Who should attend a session (应到) and whether they came: 出席 / 请假 / 缺席."""

    session = ForeignKeyField(CongressSession, backref="attendance", on_delete="CASCADE")
    delegate = ForeignKeyField(Delegate, backref="attendance", on_delete="CASCADE")
    state = CharField(max_length=4, default="缺席")
    signed_at = DateTimeField(null=True)
    reason = CharField(max_length=64, default="")

    class Meta:
        indexes = ((("session", "delegate"), True),)


class AgendaItem(TimestampedModel):
    """One item of a session: a report heard (听取报告), a plan voted (表决) or a resolution (决议).
    Votes are None for items not voted on."""

    session = ForeignKeyField(CongressSession, backref="agenda", on_delete="CASCADE")
    sort_order = IntegerField(default=0)
    kind = CharField(max_length=8, default="听取报告")
    title = CharField(max_length=128)
    content = TextField(default="")
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    votes_abstain = IntegerField(null=True)


class Proposal(TimestampedModel):
    """A 提案, numbered per session (5-2-001); the number is never reused, even after a void."""

    session = ForeignKeyField(CongressSession, backref="proposals", on_delete="RESTRICT")
    seq = IntegerField()
    number = CharField(max_length=16, unique=True)
    title = CharField(max_length=128)  # 案由
    category = CharField(max_length=16, default="其他")
    proposer = ForeignKeyField(Member, backref="proposals", on_delete="RESTRICT")
    seconders = CharField(max_length=128, default="")  # 附议人, names separated by 、
    content = TextField(default="")  # 理由与办法
    received_date = DateField(null=True)
    state = CharField(max_length=8, default="征集", index=True)
    reason = TextField(default="")  # 不立案 / 撤回 / 作废 reason
    as_suggestion = BooleanField(default=False)  # 不立案, kept as 意见建议
    merged_into = ForeignKeyField("self", null=True, backref="merged", on_delete="SET NULL")
    department = CharField(max_length=64, default="")  # 承办部门
    handed_date = DateField(null=True)  # 交办日期
    due_date = DateField(null=True, index=True)  # 答复期限
    reply_date = DateField(null=True)
    reply = TextField(default="")  # 办理结果
    opinion = CharField(max_length=8, default="")  # 满意 基本满意 不满意
    opinion_date = DateField(null=True)
    closed_date = DateField(null=True)
    notes = TextField(default="")

    class Meta:
        indexes = ((("session", "seq"), True),)


class Evaluation(TimestampedModel):
    """民主评议 at a session: the people and posts, and the ballots by grade."""

    session = ForeignKeyField(CongressSession, backref="evaluations", on_delete="CASCADE")
    title = CharField(max_length=128, default="民主评议")
    notes = TextField(default="")


class EvaluationSubject(BaseModel):
    evaluation = ForeignKeyField(Evaluation, backref="subjects", on_delete="CASCADE")
    sort_order = IntegerField(default=0)
    member = ForeignKeyField(Member, null=True, backref="evaluations", on_delete="SET NULL")
    name = CharField(max_length=40)
    post = CharField(max_length=64, default="")
    excellent = IntegerField(default=0)  # 优秀
    competent = IntegerField(default=0)  # 称职
    basic = IntegerField(default=0)  # 基本称职
    incompetent = IntegerField(default=0)  # 不称职


CONGRESS_MODELS = [
    CongressTerm,
    CongressSession,
    Delegate,
    SessionAttendance,
    AgendaItem,
    Proposal,
    Evaluation,
    EvaluationSubject,
]

_ROLE = "教代会代表"
_LEADER_POSTS = ("校长", "书记", "主任", "主席", "园长", "处长", "科长")


def step_4(db: SqliteDatabase) -> None:
    """Create the congress tables; today's holders of the role 教代会代表 become delegates of a
    current term (issue 16 decision: delegate records are the source of truth, the role is derived).

    The term is 第1届 from the start of the current school year (1 September); the chair can renumber
    it and set its dates while it has no sessions. Plain SQL for the members, so that later changes to
    the Member model do not break the step; `migrations.upgrade` runs it in one transaction."""
    import datetime as dt

    db.create_tables(CONGRESS_MODELS)
    rows = db.execute_sql(
        "SELECT id, post, union_group, department, union_roles FROM member WHERE status = '在职'"
    ).fetchall()
    holders = [r for r in rows if _ROLE in [x.strip() for x in (r[4] or "").split(",")]]
    if not holders:
        return
    today = dt.date.today()
    start = dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    cursor = db.execute_sql(
        "INSERT INTO congress_term (number, start_date, end_date, notes, created_at, updated_at) "
        "VALUES (1, ?, NULL, ?, ?, ?)",
        (start.isoformat(), "由原有“教代会代表”职务生成，请核对届次与起止日期", stamp, stamp),
    )
    term_id = cursor.lastrowid
    db.cursor().executemany(
        "INSERT INTO delegate (term_id, member_id, group_name, category, elected_date, how, left_date, "
        "left_reason, replaces_id, notes, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, '选举', NULL, '', NULL, '', ?, ?)",
        [
            (
                term_id,
                member_id,
                union_group or department or "",
                "干部" if any(word in (post or "").replace("班主任", "") for word in _LEADER_POSTS) else "教师",
                start.isoformat(),
                stamp,
                stamp,
            )
            for member_id, post, union_group, department, _ in holders
        ],
    )
