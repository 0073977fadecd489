"""年度统计: every figure checked against counts made here, independently, from the database
(raw SQL or plain loops over the models — never through services.stats), on the demo data and
on hand-made edge cases (voided visits, cancelled sign-ups, 学年 boundaries, the member snapshot).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from union_desk.db.models import (
    Activity,
    ActivityItem,
    Assistance,
    HardshipFile,
    Member,
    PlanItem,
    SignUp,
    Visit,
    VisitType,
    database_proxy,
)
from union_desk.domain.retirement import member_retirement_date
from union_desk.services import member_stats, plan, stats
from union_desk.services.members import age_on

TODAY = dt.date.today()
BANDS = member_stats.AGE_BANDS


# --- independent counting -------------------------------------------------------------------------


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def status_on(m: Member, as_of: dt.date) -> str:
    """The rule of the module docstring, written out as plain Python."""
    if m.status != "在职" and m.status_date and m.status_date > as_of:
        if m.status == "退休":
            return "在职"
        # issue 15: the statutory date (gradual ages since 2025), not the old fixed 女55/男60
        retires = member_retirement_date(m.birth_date, m.sex, m.post, m.retirement_track)
        if retires and retires <= as_of:
            return "退休"
        return "在职"
    return m.status


def band_of(m: Member, as_of: dt.date) -> str:
    age = age_on(m.birth_date, as_of)
    if age is None:
        return member_stats.UNKNOWN_AGE
    if age <= 30:
        return BANDS[0]
    if age <= 40:
        return BANDS[1]
    if age <= 50:
        return BANDS[2]
    if age <= 59:
        return BANDS[3]
    return BANDS[4]


def member_counts(as_of: dt.date):
    by_status, by_sex, by_age, by_dept = Counter(), Counter(), Counter(), Counter()
    for m in Member.select():
        if m.joined_union_date and m.joined_union_date > as_of:
            continue
        s = status_on(m, as_of)
        by_status[s] += 1
        if s in ("在职", "退休"):
            by_sex[m.sex if m.sex in ("男", "女") else "未填"] += 1
            by_age[band_of(m, as_of)] += 1
            by_dept[m.department.strip() or "未填部门"] += 1
    return by_status, by_sex, by_age, by_dept


def sql(query: str, *params):
    return database_proxy.execute_sql(query, params).fetchall()


def fen(value) -> Decimal:
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))


def nonzero(d: dict) -> dict:
    return {k: v for k, v in d.items() if v}


# --- the demo school ------------------------------------------------------------------------------


@pytest.fixture
def demo_stats(demo_db):
    return stats.year_stats(TODAY.year, today=TODAY)


def test_demo_members_by_status_sex_age_department(demo_stats):
    m = demo_stats.members
    assert m.as_of == TODAY
    by_status, by_sex, by_age, by_dept = member_counts(TODAY)
    assert nonzero(m.by_status) == dict(by_status)
    assert set(m.by_status) >= {"在职", "退休", "调出", "去世", "退会"}
    assert m.total == by_status["在职"] + by_status["退休"]
    assert nonzero(m.by_sex) == dict(by_sex)
    assert nonzero(m.by_age) == dict(by_age)
    assert dict(m.by_department) == dict(by_dept)
    assert [n for _d, n in m.by_department] == sorted((n for _d, n in m.by_department), reverse=True)
    assert sum(m.by_sex.values()) == sum(m.by_age.values()) == m.total == sum(by_dept.values())
    # today the snapshot is the plain status column
    (plain,) = sql("SELECT COUNT(*) FROM member WHERE status IN ('在职', '退休')")
    assert m.total == plain[0]


def test_demo_member_flows(demo_stats):
    year = TODAY.year
    flows = dict(sql(
        "SELECT status, COUNT(*) FROM member WHERE status IN ('退休','调出','去世','退会') "
        "AND status_date BETWEEN ? AND ? GROUP BY status", f"{year}-01-01", f"{year}-12-31"))
    assert nonzero(demo_stats.members.changes) == flows
    (joined,) = sql("SELECT COUNT(*) FROM member WHERE joined_union_date BETWEEN ? AND ?", f"{year}-01-01", f"{year}-12-31")
    assert demo_stats.members.joined == joined[0]


def test_demo_visits_per_month_and_type(demo_stats):
    year = TODAY.year
    rows = sql(
        "SELECT CAST(strftime('%m', v.date) AS INTEGER), t.name, COUNT(*), SUM(v.cash), SUM(v.goods_value) "
        "FROM visit v JOIN visit_type t ON t.id = v.visit_type_id "
        "WHERE v.voided = 0 AND v.date BETWEEN ? AND ? GROUP BY 1, 2", f"{year}-01-01", f"{year}-12-31")
    assert rows, "the demo data has visits this year"
    v = demo_stats.visits
    expected_counts = {(m, t): n for m, t, n, _c, _g in rows}
    expected_amounts = {(m, t): fen(c) for m, t, _n, c, _g in rows}
    got_counts = {(mo.month, t): n for mo in v.months for t, n in mo.counts.items() if n}
    got_amounts = {(mo.month, t): a for mo in v.months for t, a in mo.amounts.items() if mo.counts[t]}
    assert got_counts == expected_counts
    assert got_amounts == expected_amounts
    assert [mo.month for mo in v.months] == list(range(1, 13))
    assert v.count == sum(n for *_x, n, _c, _g in rows)
    assert v.amount == sum((fen(c) for *_x, c, _g in rows), Decimal("0.00"))
    assert v.goods_value == sum((fen(g) for *_x, g in rows), Decimal("0.00"))
    by_type = defaultdict(int)
    for _m, t, n, _c, _g in rows:
        by_type[t] += n
    assert {t.name: t.count for t in v.by_type} == dict(by_type)
    (people,) = sql("SELECT COUNT(DISTINCT member_id) FROM visit WHERE voided = 0 AND date BETWEEN ? AND ?",
                    f"{year}-01-01", f"{year}-12-31")
    assert v.people == people[0]
    (voided,) = sql("SELECT COUNT(*) FROM visit WHERE voided = 1 AND date BETWEEN ? AND ?", f"{year}-01-01", f"{year}-12-31")
    assert v.voided == voided[0]
    # the types are in the configured order
    order = [t.name for t in VisitType.select().order_by(VisitType.sort_order, VisitType.id)]
    assert v.types == [t for t in order if t in by_type]


def test_demo_assistance_by_kind(demo_db):
    # the demo has assistance in earlier years: take the year with the most records
    years = Counter(a.date.year for a in Assistance.select() if not a.voided)
    assert years
    year = years.most_common(1)[0][0]
    s = stats.year_stats(year, today=TODAY).assistance
    expected = defaultdict(lambda: [0, Decimal("0.00"), Decimal("0.00"), set()])
    for a in Assistance.select():
        if a.voided or a.date.year != year:
            continue
        e = expected[a.kind]
        e[0] += 1
        e[1] += a.cash
        e[2] += a.goods_value
        e[3].add(a.file_id)
    got = {k.kind: [k.count, k.cash, k.goods_value, k.households] for k in s.by_kind if k.count}
    assert got == {k: [n, c, g, len(f)] for k, (n, c, g, f) in expected.items()}
    assert s.count == sum(e[0] for e in expected.values())
    assert s.amount == sum((e[1] + e[2] for e in expected.values()), Decimal("0.00"))
    assert s.households == len(set().union(*(e[3] for e in expected.values())))


def eligible(activity: Activity) -> int:
    """参与率's basis: members on the activity's day (joined by then, status then) that the
    activity allows — 在职 or 退休 when it names no status (issue 15)."""
    statuses = [s for s in activity.eligible_statuses.split(",") if s] or ["在职", "退休"]
    day = activity.start.date()
    n = 0
    for m in Member.select():
        if m.joined_union_date and m.joined_union_date > day:
            continue
        if status_on(m, day) not in statuses:
            continue
        if activity.eligible_sex and m.sex != activity.eligible_sex:
            continue
        age = age_on(m.birth_date, day)
        if activity.min_age is not None and (age is None or age < activity.min_age):
            continue
        if activity.max_age is not None and (age is None or age > activity.max_age):
            continue
        n += 1
    return n


def test_demo_activities(demo_stats):
    year = TODAY.year
    act = demo_stats.activities
    held = [a for a in Activity.select().order_by(Activity.start, Activity.id) if a.start.year == year and a.status != "已取消"]
    assert [r.id for r in act.rows] == [a.id for a in held]
    assert act.cancelled == sum(1 for a in Activity.select() if a.start.year == year and a.status == "已取消")
    everyone = set()
    for row, a in zip(act.rows, held):
        signed, waiting, checked = set(), set(), set()
        for s in SignUp.select().join(ActivityItem).where(ActivityItem.activity == a):
            if s.state == "已报名":
                signed.add(s.member_id)
                if s.checked_in:
                    checked.add(s.member_id)
            elif s.state == "候补":
                waiting.add(s.member_id)
        everyone |= checked
        assert (row.signed_up, row.waiting, row.checked_in) == (len(signed), len(waiting), len(checked)), a.title
        assert row.eligible == eligible(a), a.title
        basis = len(checked) if a.status == "已结束" else len(signed)
        assert row.rate == (basis / row.eligible if row.eligible else None)
    assert act.signed_up == sum(r.signed_up for r in act.rows)
    assert act.checked_in == sum(r.checked_in for r in act.rows)
    assert act.participants == len(everyone)


def test_demo_plan_completion(demo_stats):
    year = TODAY.year
    months = defaultdict(Counter)
    for item in PlanItem.select().where(PlanItem.year == year):
        month = item.date.month if item.date else item.month
        months[month][item.status] += 1
    for mo in demo_stats.plan.months:
        c = months.get(mo.month, Counter())
        assert (mo.rate.total, mo.rate.done, mo.rate.cancelled) == (sum(c.values()), c["已完成"], c["已取消"]), mo.month
    total = sum((c for c in months.values()), Counter())
    p = demo_stats.plan.total
    assert (p.total, p.done, p.cancelled) == (sum(total.values()), total["已完成"], total["已取消"])
    assert p.rate == total["已完成"] / (sum(total.values()) - total["已取消"])


def test_demo_paragraph_quotes_the_figures(demo_stats):
    text = stats.key_paragraph(demo_stats)
    m, v, act, p = demo_stats.members, demo_stats.visits, demo_stats.activities, demo_stats.plan
    assert text.startswith(f"{TODAY.year}年，")
    assert text.endswith("。")
    assert f"共有会员{m.total}人" in text
    assert f"在职{m.by_status['在职']}人、退休{m.by_status['退休']}人" in text
    assert f"{v.count}人次" in text
    assert f"发放慰问金{stats.yuan_text(v.amount)}" in text
    assert f"开展活动{act.held}项" in text
    assert f"工作计划共{p.total.total}项，已完成{p.total.done}项" in text
    assert "None" not in text and "—" not in text


def test_as_json_is_plain_json_with_the_same_figures(demo_stats):
    data = json.loads(json.dumps(stats.as_json(demo_stats), ensure_ascii=False))
    assert data["members"]["total"] == demo_stats.members.total
    assert data["members"]["by_status"] == demo_stats.members.by_status
    assert data["visits"]["count"] == demo_stats.visits.count
    assert Decimal(str(data["visits"]["amount"])) == demo_stats.visits.amount
    assert sum(mo["count"] for mo in data["visits"]["by_month"]) == demo_stats.visits.count
    assert data["activities"]["held"] == demo_stats.activities.held
    assert data["plan"]["total"]["done"] == demo_stats.plan.total.done
    assert data["paragraph"] == stats.key_paragraph(demo_stats)
    assert data["period"] == {"label": f"{TODAY.year}年", "kind": "year", "first_day": f"{TODAY.year}-01-01",
                              "last_day": f"{TODAY.year}-12-31", "as_of": TODAY.isoformat()}


def test_tables_repeat_the_figures(demo_stats):
    tables = {t.key: t for t in stats.tables(demo_stats)}
    assert tables["members_status"].total[1] == sum(demo_stats.members.by_status.values())
    count_table = tables["visits_count"]
    assert count_table.total[-1] == demo_stats.visits.count
    for row in count_table.rows:
        assert sum(row[1:-1]) == row[-1]
    assert tables["visits_amount"].total[-1] == demo_stats.visits.amount
    assert [r[0] for r in tables["plan"].rows][:12] == [f"{m}月" for m in range(1, 13)]
    for t in tables.values():
        assert len(t.headers) == len(t.kinds)
        for row in t.rows + ([t.total] if t.total else []):
            assert len(row) == len(t.headers), t.key


# --- hand-made edge cases -------------------------------------------------------------------------


def member(name, sex="女", birth=dt.date(1980, 5, 1), **kw) -> Member:
    return Member.create(name=name, sex=sex, birth_date=birth, department=kw.pop("department", "语文组"), **kw)


_serial = iter(range(1, 10_000))


def visit(m: Member, day, type_name="生病住院", cash=100, goods_value=0, voided=False) -> Visit:
    return Visit.create(serial=f"T{next(_serial):05d}", date=day, member=m, visit_type=VisitType.get(VisitType.name == type_name),
                        cash=cash, goods_value=goods_value, voided=voided)


def test_voided_visits_are_left_out_and_year_edges_hold(db):
    a = member("王芳")
    visit(a, dt.date(2026, 1, 1), cash=300)
    visit(a, dt.date(2026, 12, 31), "春节送温暖", cash=500, goods_value=Decimal("120.50"))
    visit(a, dt.date(2026, 6, 1), cash=999, voided=True)
    visit(a, dt.date(2025, 12, 31), cash=700)
    visit(a, dt.date(2027, 1, 1), cash=800)
    v = stats.year_stats(2026, today=dt.date(2027, 3, 1)).visits
    assert v.count == 2 and v.amount == Decimal("800.00") and v.goods_value == Decimal("120.50")
    assert v.voided == 1 and v.people == 1
    assert v.months[0].counts == {"生病住院": 1, "春节送温暖": 0}
    assert v.months[11].amounts == {"生病住院": Decimal("0.00"), "春节送温暖": Decimal("500.00")}
    assert [t.name for t in v.by_type] == ["生病住院", "春节送温暖"]


def make_activity(title, start, status="已结束", **kw) -> tuple[Activity, ActivityItem]:
    activity = Activity.create(title=title, start=start, status=status, **kw)
    return activity, ActivityItem.create(activity=activity, name="项目一")


def test_sign_up_states_count_once_per_member(db):
    people = [member(f"老师{i}", sex="女" if i % 2 else "男", birth=dt.date(1985, 1, 1)) for i in range(8)]
    games, tug = make_activity("趣味运动会", dt.datetime(2026, 5, 1, 9))
    rope = ActivityItem.create(activity=games, name="跳绳")
    for i, p in enumerate(people[:5]):
        SignUp.create(item=tug, member=p, state="已报名", checked_in=i < 3)
    SignUp.create(item=rope, member=people[0], state="已报名", checked_in=True)  # two items, one person
    SignUp.create(item=tug, member=people[5], state="候补")
    SignUp.create(item=tug, member=people[6], state="已取消", cancelled_at=dt.datetime(2026, 4, 20))
    _talk, talk_item = make_activity("讲座", dt.datetime(2026, 6, 1, 15), status="报名中")
    SignUp.create(item=talk_item, member=people[7], state="已报名")
    SignUp.create(item=talk_item, member=people[6], state="已取消")
    make_activity("取消的出游", dt.datetime(2026, 7, 1, 8), status="已取消")
    act = stats.year_stats(2026, today=dt.date(2026, 12, 31)).activities
    assert [r.title for r in act.rows] == ["趣味运动会", "讲座"]
    games_row, talk_row = act.rows
    assert (games_row.signed_up, games_row.waiting, games_row.checked_in) == (5, 1, 3)
    assert (talk_row.signed_up, talk_row.waiting, talk_row.checked_in) == (1, 0, 0)
    assert games_row.eligible == talk_row.eligible == 8  # every member is 在职 by default
    assert games_row.rate == 3 / 8  # ended: checked in
    assert talk_row.rate == 1 / 8  # not yet held: signed up
    assert act.cancelled == 1 and act.held == 2
    assert (act.signed_up, act.checked_in, act.participants) == (6, 3, 3)
    assert act.average_rate == pytest.approx((3 / 8 + 1 / 8) / 2)


def test_school_year_boundaries(db):
    a = member("王芳")
    for day in (dt.date(2025, 8, 31), dt.date(2025, 9, 1), dt.date(2026, 8, 31), dt.date(2026, 9, 1)):
        visit(a, day, cash=100)
    make_activity("八月底", dt.datetime(2025, 8, 31, 20))
    make_activity("开学", dt.datetime(2025, 9, 1, 8))
    make_activity("暑期读书", dt.datetime(2026, 8, 31, 20))
    make_activity("新学年", dt.datetime(2026, 9, 1, 8))
    for year, month, status in ((2025, 8, "已完成"), (2025, 9, "已完成"), (2025, 12, "已取消"), (2026, 1, "未开始"),
                                (2026, 8, "已完成"), (2026, 9, "已完成")):
        PlanItem.create(year=year, month=month, title=f"{year}-{month}", status=status)
    PlanItem.create(year=2026, date=dt.date(2026, 3, 8), title="三八", status="已完成")
    PlanItem.create(year=2026, title="全年未定", status="已完成")  # no month: not in a 学年
    s = stats.year_stats(plan.school_year(2025), today=dt.date(2027, 1, 1))
    assert s.label == "2025—2026学年"
    assert (s.period.first_day, s.period.last_day, s.as_of) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31), dt.date(2026, 8, 31))
    assert s.visits.count == 2
    assert [(mo.year, mo.month) for mo in s.visits.months][0] == (2025, 9)
    assert [mo.label for mo in s.visits.months] == [f"{m}月" for m in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)]
    assert s.visits.months[0].count == 1 and s.visits.months[-1].count == 1
    assert [r.title for r in s.activities.rows] == ["开学", "暑期读书"]
    p = s.plan
    assert (p.total.total, p.total.done, p.total.cancelled) == (5, 3, 1)
    assert p.months[0].rate.done == 1 and p.months[3].rate.cancelled == 1 and p.months[6].rate.done == 1
    assert p.undated.total == 0
    whole = stats.year_stats(2026, today=dt.date(2027, 1, 1)).plan
    assert whole.undated.total == 1 and whole.total.total == 5  # 1, 3月, 8, 9, undated
    assert "本学年" in stats.key_paragraph(s)


def test_terms(db):
    a = member("王芳")
    visit(a, dt.date(2026, 1, 31))
    visit(a, dt.date(2026, 2, 1))
    visit(a, dt.date(2026, 7, 31))
    visit(a, dt.date(2026, 9, 1))
    visit(a, dt.date(2027, 1, 31))
    spring = stats.year_stats(stats.make_period(2026, "spring"), today=dt.date(2027, 6, 1))
    autumn = stats.year_stats(stats.make_period(2026, "autumn"), today=dt.date(2027, 6, 1))
    assert spring.visits.count == 2 and autumn.visits.count == 2
    assert spring.label == "2026年春季学期" and autumn.label == "2026年秋季学期"
    assert "本学期" in stats.key_paragraph(spring)


def test_member_snapshot_on_the_reference_day(db):
    as_of = dt.date(2025, 12, 31)
    member("在职甲")
    member("后来退休", birth=dt.date(1966, 3, 1), status="退休", status_date=dt.date(2026, 3, 1))
    member("早已退休", birth=dt.date(1950, 3, 1), status="退休", status_date=dt.date(2010, 3, 1))
    member("后来去世的退休者", sex="男", birth=dt.date(1940, 1, 1), status="去世", status_date=dt.date(2026, 2, 1))
    member("后来调出", sex="男", birth=dt.date(1990, 1, 1), status="调出", status_date=dt.date(2026, 2, 1))
    member("早已调出", status="调出", status_date=dt.date(2024, 2, 1))
    member("后来入会", joined_union_date=dt.date(2026, 1, 5))
    member("当年入会", joined_union_date=dt.date(2025, 9, 1), department="")
    member("没有生日", birth=None, sex="")
    s = stats.year_stats(2025, today=dt.date(2026, 11, 1)).members
    assert s.as_of == as_of
    # 在职: 甲, 后来退休, 后来调出, 当年入会, 没有生日; 退休: 早已退休, the one who died later at 86
    assert s.by_status == {"在职": 5, "退休": 2, "保留会籍": 0, "调出": 1, "去世": 0, "退会": 0}
    assert s.total == 7
    assert s.by_sex == {"男": 2, "女": 4, "未填": 1}
    assert s.by_age[member_stats.UNKNOWN_AGE] == 1
    assert dict(s.by_department)["未填部门"] == 1
    assert s.joined == 1
    assert s.changes == {"退休": 0, "调出": 0, "去世": 0, "退会": 0}
    by_status, *_ = member_counts(as_of)
    assert nonzero(s.by_status) == dict(by_status)
    later = stats.year_stats(2026, today=dt.date(2026, 11, 1)).members
    assert later.changes == {"退休": 1, "调出": 1, "去世": 1, "退会": 0}
    assert later.joined == 1


def test_age_bands_turn_on_the_birthday(db):
    as_of = dt.date(2026, 12, 31)
    member("刚满30", birth=dt.date(1996, 12, 31))  # 30 on the day
    member("差一天31", birth=dt.date(1995, 12, 31) + dt.timedelta(days=1))  # still 30
    member("刚满31", birth=dt.date(1995, 12, 31))
    member("刚满41", birth=dt.date(1985, 12, 31))
    member("59岁", birth=dt.date(1966, 12, 31) + dt.timedelta(days=1))  # 60 the next day
    member("刚满60", birth=dt.date(1966, 12, 31))  # 60 on the day: 60岁及以上
    member("刚满61", birth=dt.date(1965, 12, 31), status="退休")
    member("闰日", birth=dt.date(1996, 2, 29))  # 30
    s = stats.year_stats(2026, today=dt.date(2027, 2, 1)).members
    assert s.as_of == as_of
    assert BANDS == ("30岁及以下", "31—40岁", "41—50岁", "51—59岁", "60岁及以上")
    assert s.by_age == {BANDS[0]: 3, BANDS[1]: 1, BANDS[2]: 1, BANDS[3]: 1, BANDS[4]: 2}
    expected = Counter(band_of(m, as_of) for m in Member.select())
    assert nonzero(s.by_age) == dict(expected)


def test_assistance_voided_left_out_and_open_files_on_the_day(db):
    a, b, c = member("甲"), member("乙"), member("丙")
    fa = HardshipFile.create(member=a, grade="相对困难", main_cause="因病致困", found_date=dt.date(2024, 3, 1))
    fb = HardshipFile.create(member=b, grade="深度困难", main_cause="残疾", found_date=dt.date(2026, 4, 1))
    HardshipFile.create(member=c, grade="相对困难", main_cause="低收入", found_date=dt.date(2023, 1, 1), status="已脱困",
                        status_date=dt.date(2025, 6, 1))
    Assistance.create(file=fa, date=dt.date(2026, 2, 1), kind="医疗救助", cash=2000, goods_value=Decimal("300.50"))
    Assistance.create(file=fa, date=dt.date(2026, 8, 1), kind="医疗救助", cash=1000)
    Assistance.create(file=fb, date=dt.date(2026, 9, 1), kind="助学", cash=1500)
    Assistance.create(file=fb, date=dt.date(2026, 10, 1), kind="生活救助", cash=9999, voided=True)
    Assistance.create(file=fa, date=dt.date(2025, 12, 31), kind="生活救助", cash=500)
    s = stats.year_stats(2026, today=dt.date(2027, 1, 10)).assistance
    kinds = {k.kind: (k.count, k.cash, k.goods_value, k.households) for k in s.by_kind}
    assert kinds["医疗救助"] == (2, Decimal("3000.00"), Decimal("300.50"), 1)
    assert kinds["助学"] == (1, Decimal("1500.00"), Decimal("0.00"), 1)
    assert kinds["生活救助"] == (0, Decimal("0.00"), Decimal("0.00"), 0)
    assert [k.kind for k in s.by_kind][:6] == ["生活救助", "医疗救助", "助学", "法律援助", "就业帮扶", "其他"]
    assert (s.count, s.amount, s.households) == (3, Decimal("4800.50"), 2)
    assert (s.open_files, s.helped_open, s.opened) == (2, 2, 1)
    assert s.help_rate == 1.0
    earlier = stats.year_stats(2025, today=dt.date(2027, 1, 10)).assistance
    assert earlier.open_files == 1  # 甲 (乙 not yet found, 丙 out of hardship since 2025-06)
    assert earlier.count == 1 and earlier.amount == Decimal("500.00")
    text = stats.key_paragraph(stats.year_stats(2026, today=dt.date(2027, 1, 10)))
    assert "帮扶困难职工2户、3次，发放帮扶资金4800.50元" in text


def test_an_empty_database(db):
    s = stats.year_stats(2026, today=dt.date(2026, 6, 1))
    assert s.members.total == 0 and s.visits.count == 0 and s.activities.held == 0
    assert s.activities.average_rate is None and s.plan.total.rate is None
    text = stats.key_paragraph(s)
    assert text.startswith("2026年，工会共有会员0人（截至6月1日）")
    assert "未登记走访慰问" in text
    json.dumps(stats.as_json(s))
    for t in stats.tables(s):
        for row in t.rows + ([t.total] if t.total else []):
            for value, kind in zip(row, t.kinds):
                stats.format_cell(value, kind)


def test_a_future_period_takes_its_first_day(db):
    s = stats.year_stats(2030, today=dt.date(2026, 6, 1))
    assert s.as_of == dt.date(2030, 1, 1)


def test_make_period_refuses_nonsense(db):
    from union_desk.errors import ValidationError

    with pytest.raises(ValidationError):
        stats.make_period(2026, "week")
    with pytest.raises(ValidationError):
        stats.make_period("二〇二六")
    with pytest.raises(ValidationError):
        stats.make_period(1800)


def test_school_name_in_the_paragraph(db):
    from union_desk.services import settings

    settings.save({"school_name": "文澜实验学校"})
    text = stats.key_paragraph(stats.year_stats(2026, today=dt.date(2026, 12, 31)))
    assert text.startswith("2026年，文澜实验学校工会共有会员0人，")


@pytest.mark.perf
def test_fifty_thousand_members_take_well_under_a_second(db):
    import time

    rows = [
        {"name": f"会员{i}", "sex": "女" if i % 3 else "男", "birth_date": dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
         "department": f"第{i % 120}组", "status": ("在职", "在职", "在职", "退休", "调出")[i % 5]}
        for i in range(50_000)
    ]
    with database_proxy.atomic():
        for start in range(0, len(rows), 2000):
            Member.insert_many(rows[start:start + 2000]).execute()
    began = time.perf_counter()
    s = stats.year_stats(2026, today=dt.date(2026, 6, 1))
    elapsed = time.perf_counter() - began
    assert s.members.total == 40_000
    assert elapsed < 1.0, elapsed
