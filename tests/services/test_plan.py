"""The work plan: generating from the template, validation, terms, links, completion, calendar
events and the 首页 reminders."""

from __future__ import annotations

import datetime as dt
import logging

import holidays
import pytest

from union_desk.db.models import (
    Activity,
    AuditLog,
    HardshipFile,
    Member,
    PlanItem,
    PlanTemplateRule,
    Visit,
    VisitType,
)
from union_desk.errors import ValidationError
from union_desk.domain.festivals import nearest_working_day, statutory_calendar
from union_desk.services import plan, plan_calendar, plan_template, settings

D = dt.date

# An independent public calendar (万年历 / 中国天文年历), not computed with lunar_python.
PUBLISHED = {
    2026: {"春节": D(2026, 2, 17), "端午": D(2026, 6, 19), "中秋": D(2026, 9, 25), "重阳": D(2026, 10, 18)},
    2027: {"春节": D(2027, 2, 6), "端午": D(2027, 6, 9), "中秋": D(2027, 9, 15), "重阳": D(2027, 10, 8)},
    2030: {"春节": D(2030, 2, 3), "端午": D(2030, 6, 5), "中秋": D(2030, 9, 12), "重阳": D(2030, 10, 5)},
}


def by_key(year: int) -> dict[str, PlanItem]:
    return {i.template_key: i for i in PlanItem.select().where(PlanItem.year == year) if i.template_key}


def counts() -> tuple[int, int, int]:
    return PlanItem.select().count(), PlanTemplateRule.select().count(), AuditLog.select().count()


# --- generating from the template -------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_generated_festival_items_fall_on_the_published_dates(db, year):
    plan_template.create_rule({"title": "春节团拜", "category": "节日", "kind": "offset", "festival": "春节"})
    created, skipped = plan_template.generate_year(year)
    assert created > 0 and skipped == 0
    items = by_key(year)
    expected = PUBLISHED[year]
    spring = next(i for i in items.values() if i.title == "春节团拜")
    assert spring.date == expected["春节"]
    # visits land on the working day on or before their day (春节前一周送温暖; 端午 and 中秋 are
    # days off, so always the day before or earlier); the exact cases are in test_plan_rules_2025.py
    for key, day in (
        ("spring-warmth", expected["春节"] - dt.timedelta(days=7)),
        ("dragon-boat", expected["端午"]),
        ("mid-autumn", expected["中秋"]),
        ("double-ninth", expected["重阳"]),
    ):
        assert items[key].date == nearest_working_day(day, -1)
        assert day - dt.timedelta(days=10) < items[key].date <= day
    assert items["dragon-boat"].date < expected["端午"] and items["mid-autumn"].date < expected["中秋"]
    for item in items.values():
        assert item.year == year
        assert item.month == (item.date.month if item.date else item.month)
        assert item.date is None or item.date.year == year
        assert item.status == "未开始"


def test_teachers_day_ordinal_and_fixed_dates(db):
    plan_template.generate_year(2026)
    plan_template.generate_year(2030)
    items = by_key(2026)
    assert items["teachers-day"].title == "庆祝第42个教师节暨表彰大会"
    assert items["teachers-day"].date == D(2026, 9, 10)
    assert by_key(2030)["teachers-day"].title == "庆祝第46个教师节暨表彰大会"
    assert items["womens-day"].date == D(2026, 3, 8)
    assert items["may-day"].date == D(2026, 4, 29)  # 五一, two days before
    assert items["national-day"].date == D(2026, 9, 28)
    assert items["apr-sports"].date is None and items["apr-sports"].month == 4


def test_monthly_rules_give_one_item_per_month(db):
    plan_template.generate_year(2026)
    items = by_key(2026)
    reports = [items[f"monthly-report#{m:02d}"] for m in range(1, 13)]
    # on the 25th, or the working day before when the 25th is a weekend or a day off (国办发明电〔2025〕7号, the 2026 holidays)
    # 9-25 is 中秋 (a day off) that year
    moved = {1: D(2026, 1, 23), 4: D(2026, 4, 24), 7: D(2026, 7, 24), 9: D(2026, 9, 24), 10: D(2026, 10, 23)}
    assert [r.date for r in reports] == [moved.get(m, D(2026, m, 25)) for m in range(1, 13)]
    assert "原定1月25日（星期日）非工作日" in reports[0].notes and reports[1].notes == ""
    assert reports[2].title == "报送3月工会工作月报"
    birthdays = [items[f"monthly-birthdays#{m:02d}"] for m in range(1, 13)]
    assert all(b.date is None for b in birthdays)
    assert [b.month for b in birthdays] == list(range(1, 13))


def test_rule_kinds_at_the_edges_of_the_year(db):
    rules = [
        {"title": "腊八送粥", "kind": "lunar", "month": 12, "day": 8},  # lunar 12-8 of the previous lunar year
        {"title": "月末检查", "kind": "monthly", "day": 31},
        {"title": "闰日", "kind": "fixed", "month": 2, "day": 29},
        {"title": "元旦前准备", "kind": "offset", "festival": "元旦", "offset_days": -3},
    ]
    for rule in rules:
        plan_template.create_rule({"category": "其他", **rule})
    # school holidays out of the way of the month ends (寒暑假 are tested in test_school_holidays.py)
    settings.save({"school_holidays_2026": "2026-02-01~2026-02-20;2026-07-10~2026-07-20"})
    plan_template.generate_year(2026)
    titles = {}
    for item in PlanItem.select().where(PlanItem.year == 2026):
        titles.setdefault(item.title, []).append(item)
    assert titles["腊八送粥"][0].date == D(2026, 1, 26)  # 2026 腊八节 (published)
    ends = sorted(i.date for i in titles["月末检查"])
    assert ends[1] == D(2026, 2, 28) and ends[3] == D(2026, 4, 30) and ends[11] == D(2026, 12, 31)
    assert titles["闰日"][0].date == D(2026, 2, 28)
    # 元旦 − 3 days falls in the previous year; next year's 元旦 − 3 is the one in 2026
    assert titles["元旦前准备"][0].date == D(2026, 12, 29)
    plan_template.generate_year(2028)
    leap = PlanItem.get((PlanItem.year == 2028) & (PlanItem.title == "闰日"))
    assert leap.date == D(2028, 2, 29)


def test_title_tokens(db):
    plan_template.create_rule({"title": "{年}年{月}月安全检查", "kind": "monthly"})
    plan_template.create_rule({"title": "第{N}个教师节座谈会", "kind": "fixed", "month": 9, "day": 9})
    plan_template.generate_year(2027)
    titles = {i.title for i in PlanItem.select()}
    assert "2027年3月安全检查" in titles and "第43个教师节座谈会" in titles


def test_generating_again_creates_nothing_and_keeps_edits(db):
    created, skipped = plan_template.generate_year(2026)
    assert (created, skipped) == (len(plan_template.expand_rules(plan_template.active_rules(), 2026)), 0)
    items = by_key(2026)
    womens = items["womens-day"]
    plan.update_item(womens, {"title": "三八节登山活动", "date": D(2026, 3, 7), "status": "已完成"})
    plan.cancel_item(items["oct-choir"], "场地维修")
    total = PlanItem.select().count()

    assert plan_template.generate_year(2026) == (0, created)
    assert PlanItem.select().count() == total
    again = PlanItem.get_by_id(womens.id)
    assert (again.title, again.date, again.month, again.status) == ("三八节登山活动", D(2026, 3, 7), 3, "已完成")
    choir = PlanItem.get_by_id(items["oct-choir"].id)
    assert choir.status == "已取消" and "场地维修" in choir.notes
    keys = [i.template_key for i in PlanItem.select().where(PlanItem.year == 2026) if i.template_key]
    assert len(keys) == len(set(keys))

    # a new rule later: only its item is added
    plan_template.create_rule({"title": "教职工书法比赛", "category": "活动", "kind": "month", "month": 5})
    assert plan_template.generate_year(2026) == (1, created)
    # another year is independent
    assert plan_template.generate_year(2027)[0] == created + 1


def test_generated_items_and_rule_changes_are_audited(db):
    created, _ = plan_template.generate_year(2026)
    logs = AuditLog.select().where((AuditLog.table_name == "plan_item") & (AuditLog.action == "create"))
    assert logs.count() == created
    rule = PlanTemplateRule.get(PlanTemplateRule.key == "oct-charity")
    plan_template.update_rule(rule, {"month": 9})
    plan_template.set_rule_active(rule, False)
    history = [
        log.action
        for log in AuditLog.select().where(
            (AuditLog.table_name == "plan_template_rule") & (AuditLog.record_id == rule.id)
        )
    ]
    assert history == ["update", "update"]
    plan_template.delete_rule(rule)
    assert PlanTemplateRule.get_or_none(PlanTemplateRule.key == "oct-charity") is None
    assert AuditLog.select().where((AuditLog.table_name == "plan_template_rule") & (AuditLog.action == "delete")).count() == 1
    # the item made from it is still in the plan
    assert "oct-charity" in by_key(2026)
    # an inactive or deleted rule no longer generates
    assert "oct-charity" not in by_key(2030) and plan_template.generate_year(2030)[0] > 0
    assert "oct-charity" not in by_key(2030)


def test_describe_rules_in_words(db):
    words = {r.key: plan_template.describe_rule(r) for r in plan_template.list_rules()}
    assert words["womens-day"] == "每年3月8日"
    assert words["spring-warmth"] == "春节前一周"
    assert words["mid-autumn"] == "农历八月十五"
    assert words["double-ninth"] == "农历九月初九"
    assert words["apr-sports"] == "每年4月"
    assert words["monthly-report"] == "每月25日"
    assert words["may-day"] == "每年5月1日（前2天）"


# --- validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": "  ", "month": 3}, "请填写计划事项"),
        ({"title": "踏青", "category": "旅游", "month": 3}, "请选择类别"),
        ({"title": "踏青"}, "请填写月份或日期"),
        ({"title": "踏青", "month": 13}, "月份应在 1 到 12 之间"),
        ({"title": "踏青", "month": "三月份"}, "月份无法识别"),
        ({"title": "踏青", "date": "2027-03-01"}, "日期应在2026年内"),
        ({"title": "踏青", "date": "2026-03-10", "end_date": "2026-03-01"}, "结束日期不能早于开始日期"),
        ({"title": "踏青", "end_date": "2026-03-01"}, "请同时填写开始日期"),
        ({"title": "踏青", "date": "2026-03-10", "end_date": "2027-06-01"}, "不能超过一年"),
        ({"title": "踏青", "date": "2026-03-10", "month": 4}, "不一致"),
        ({"title": "踏青", "date": "2026-02-30"}, "日期"),
        ({"title": "踏青", "month": 3, "status": "完成"}, "请选择状态"),
        ({"title": "踏" * 129, "month": 3}, "计划事项最多 128 字，现在 129 字"),
    ],
)
def test_invalid_items_write_nothing(db, data, message):
    before = counts()
    with pytest.raises(ValidationError) as info:
        plan.create_item(2026, data)
    assert message in info.value.message
    assert counts() == before


def test_invalid_updates_and_rules_write_nothing(db):
    item = plan.create_item(2026, {"title": "羽毛球比赛", "category": "活动", "month": 4})
    before = counts()
    with pytest.raises(ValidationError):
        plan.update_item(item, {"date": D(2025, 4, 10)})
    with pytest.raises(ValidationError):
        plan.update_item(item, {"title": ""})
    assert counts() == before
    assert PlanItem.get_by_id(item.id).month == 4
    bad_rules = [
        {"title": "", "kind": "month", "month": 3},
        {"title": "x", "kind": "weekly"},
        {"title": "x", "kind": "fixed", "month": 2, "day": 30},
        {"title": "x", "kind": "lunar", "month": 8, "day": 31},
        {"title": "x", "kind": "offset", "festival": "圣诞节"},
        {"title": "x", "kind": "offset", "festival": "春节", "offset_days": -120},
        {"title": "第{届}次", "kind": "month", "month": 3},
        {"title": "x", "kind": "month", "month": 3, "category": "娱乐"},
    ]
    for rule in bad_rules:
        with pytest.raises(ValidationError):
            plan_template.create_rule(rule)
    assert counts() == before


def test_items_are_saved_and_audited(db):
    item = plan.create_item(
        2026,
        {"title": " 暑期师德培训 ", "category": "培训", "date": "2026.07.06", "end_date": "2026-07-08", "responsible": "张老师"},
    )
    assert (item.title, item.month, item.date, item.end_date) == ("暑期师德培训", 7, D(2026, 7, 6), D(2026, 7, 8))
    assert plan.when_text(item) == "07-06 至 07-08"
    changed = plan.update_item(item, {"date": D(2026, 8, 20), "end_date": None})
    assert changed["month"] == 8 and PlanItem.get_by_id(item.id).month == 8
    winter = plan.create_item(2026, {"title": "冬令营", "date": "2026-12-28", "end_date": "2027-01-03"})
    assert winter.end_date == D(2027, 1, 3)  # a range may run into the next year
    actions = [a.action for a in AuditLog.select().where(AuditLog.table_name == "plan_item")]
    assert actions == ["create", "update", "create"]


def test_list_items_json(db):
    dated = plan.create_item(2026, {"title": "三八节活动", "category": "节日", "date": "2026-03-08"})
    monthly = plan.create_item(2026, {"title": "春季踏青", "category": "活动", "month": 3})
    plan.create_item(2026, {"title": "元旦运动会", "category": "活动", "month": 1})
    rows = plan.list_items_json(2026)
    assert [r["title"] for r in rows] == ["元旦运动会", "三八节活动", "春季踏青"]
    assert rows[1] == {"id": dated.id, "date": "2026-03-08", "month": 3, "title": "三八节活动", "category": "节日", "status": "未开始"}
    assert rows[2]["date"] is None and rows[2]["id"] == monthly.id and rows[2]["month"] == 3


# --- terms ---------------------------------------------------------------------------------------------


def test_term_and_school_year_filters(db):
    for year, month in [(2025, 8), (2025, 9), (2025, 12), (2026, 1), (2026, 2), (2026, 7), (2026, 8), (2026, 9)]:
        plan.create_item(year, {"title": f"{year}-{month:02d}", "month": month})
    plan.create_item(2026, {"title": "2026-03-dated", "date": "2026-03-15"})

    def titles(period):
        return [i.title for i in plan.list_items(0, period=period)]

    assert titles(plan.autumn_term(2025)) == ["2025-09", "2025-12", "2026-01"]
    assert titles(plan.spring_term(2026)) == ["2026-02", "2026-03-dated", "2026-07"]
    assert titles(plan.school_year(2025)) == ["2025-09", "2025-12", "2026-01", "2026-02", "2026-03-dated", "2026-07", "2026-08"]
    assert titles(plan.year_period(2026)) == ["2026-01", "2026-02", "2026-03-dated", "2026-07", "2026-08", "2026-09"]
    assert plan.term_of(D(2026, 1, 10)) == plan.autumn_term(2025)
    assert plan.term_of(D(2026, 3, 1)) == plan.spring_term(2026)
    assert plan.term_of(D(2026, 8, 1)) is None
    assert plan.autumn_term(2025).last_day == D(2026, 1, 31)
    assert [p.kind for p in plan.periods(2026)] == ["year", "spring", "autumn", "school_year"]


# --- links and completion ----------------------------------------------------------------------------------


@pytest.fixture
def member(db):
    return Member.create(name="王芳", sex="女", birth_date=D(1980, 5, 1), department="语文组")


def make_visit(member, day, serial, voided=False):
    return Visit.create(
        serial=serial, date=day, member=member, visit_type=VisitType.select().first(), voided=voided
    )


def test_links_to_activities_and_visits(member):
    item = plan.create_item(2026, {"title": "三八节活动", "category": "节日", "date": "2026-03-08"})
    activity = Activity.create(title="三八踏青", start=dt.datetime(2026, 3, 7, 8, 0))
    other = Activity.create(title="羽毛球比赛", start=dt.datetime(2026, 4, 9, 15, 0))
    visit = make_visit(member, D(2026, 3, 6), "WF2026-0001")
    voided = make_visit(member, D(2026, 3, 6), "WF2026-0002", voided=True)

    activities, visits = plan.link_candidates(item)
    assert activities == [activity, other]  # nearest first
    assert visits == [visit]
    plan.link_activity(item, activity)
    plan.link_visit(item, visit)
    with pytest.raises(ValidationError):
        plan.link_visit(item, voided)
    assert plan.linked_records(item) == ([activity], [visit])
    assert plan.link_counts([item.id]) == {item.id: {"activity": 1, "visit": 1}}
    assert plan.links_text(plan.link_counts([item.id])[item.id]) == "活动 1 项、走访 1 人次"
    assert plan.link_candidates(item)[0] == [other]
    assert plan.link_candidates(item, "王芳")[1] == []  # already linked
    logs = AuditLog.select().where(AuditLog.table_name.in_(("activity", "visit")) & (AuditLog.action == "update"))
    assert logs.count() == 2
    plan.unlink_activity(Activity.get_by_id(activity.id))
    assert plan.linked_records(item) == ([], [visit])
    assert plan.completion(2026).linked_items == 1


def test_completion_rates(db):
    plan_items = {
        3: ["已完成", "已完成", "已取消"],
        4: ["已完成", "进行中", "顺延", "未开始"],
        5: ["已取消"],
        9: ["未开始"],
    }
    for month, statuses in plan_items.items():
        for n, status in enumerate(statuses):
            data = {"title": f"{month}-{n}", "status": status}
            data.update({"date": D(2026, month, n + 1)} if n % 2 else {"month": month})
            plan.create_item(2026, data)
    plan.create_item(2025, {"title": "去年", "month": 3, "status": "已完成"})
    result = plan.completion(2026)
    assert (result.months[3].total, result.months[3].done, result.months[3].cancelled) == (3, 2, 1)
    assert result.months[3].rate == 1.0
    assert result.months[4].rate == 0.25
    assert result.months[5].rate is None  # all cancelled: nothing planned
    assert result.months[9].rate == 0.0
    assert result.months[1].total == 0 and result.months[1].rate is None
    assert (result.year_rate.total, result.year_rate.done, result.year_rate.cancelled) == (9, 3, 2)
    assert result.year_rate.rate == pytest.approx(3 / 7)
    assert (result.postponed, result.in_progress) == (1, 1)
    assert plan.format_rate(result.year_rate.rate) == "42.9%"
    assert plan.format_rate(None) == "—"


# --- calendar events ------------------------------------------------------------------------------------------


def test_month_events_hold_items_activities_holidays_and_birthdays(member):
    plan.create_item(2026, {"title": "春节慰问", "category": "慰问", "date": "2026-02-10"})
    plan.create_item(2026, {"title": "寒假培训", "category": "培训", "date": "2026-01-30", "end_date": "2026-02-02"})
    plan.create_item(2026, {"title": "制定学期计划", "category": "会议", "month": 2})
    Activity.create(title="迎春联欢会", start=dt.datetime(2026, 2, 12, 15, 0), end=dt.datetime(2026, 2, 13, 17, 0))
    Member.create(name="李春", birth_date=D(1988, 2, 3), department="数学组")
    events = plan_calendar.month_events(2026, 2)
    assert sorted(events.days) == [D(2026, 2, d) for d in range(1, 29)]
    assert [i.title for i in events.days[D(2026, 2, 10)].items] == ["春节慰问"]
    assert [i.title for i in events.days[D(2026, 2, 2)].items] == ["寒假培训"]
    assert events.days[D(2026, 2, 3)].items == []
    assert [a.title for a in events.days[D(2026, 2, 13)].activities] == ["迎春联欢会"]
    assert [b.member.name for b in events.days[D(2026, 2, 3)].birthdays] == ["李春"]
    assert [i.title for i in events.undated_items] == ["制定学期计划"]
    # the official 2026 arrangement: 春节 2月15日至23日, make-up workdays 2月14日 and 28日
    assert all(events.days[D(2026, 2, d)].holiday == "春节" for d in range(15, 24))
    assert events.days[D(2026, 2, 14)].workday and events.days[D(2026, 2, 28)].workday
    assert events.days[D(2026, 2, 17)].festivals == ["春节"]
    assert not events.is_estimate
    grid = plan_calendar.month_events(2026, 2, whole_weeks=True)
    assert min(grid.days) == D(2026, 1, 26) and max(grid.days) == D(2026, 3, 1)
    assert [i.title for i in grid.days[D(2026, 1, 30)].items] == ["寒假培训"]
    day = plan_calendar.day_events(D(2026, 2, 10))
    assert [i.title for i in day.items] == ["春节慰问"]


def test_month_events_take_a_handful_of_queries(member):
    for n in range(60):
        plan.create_item(2026, {"title": f"事项{n}", "date": D(2026, 3, n % 31 + 1)})
    for n in range(40):
        Member.create(name=f"会员{n}", birth_date=D(1980 + n % 20, 3, n % 28 + 1), birthday_lunar=n % 5 == 0)
    plan_calendar.month_events(2026, 3, whole_weeks=True)  # warm the holiday cache

    class Count(logging.Handler):
        n = 0

        def emit(self, record):
            Count.n += 1

    logger = logging.getLogger("peewee")
    handler, level = Count(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        events = plan_calendar.month_events(2026, 3, whole_weeks=True)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert sum(len(d.items) for d in events.days.values()) == 60
    assert 1 <= Count.n <= 6, Count.n


def test_the_estimate_flag():
    # The State Council publishes each year's arrangement in the autumn before; `holidays`
    # 0.109 knows 2026 but not 2027, so 2027 and later are estimates.
    assert not statutory_calendar(2026).is_estimate
    assert statutory_calendar(2035).is_estimate
    if holidays.__version__ == "0.109":
        assert statutory_calendar(2027).is_estimate


def test_estimated_month_still_shows_statutory_days_off(db):
    events = plan_calendar.month_events(2035, 10)
    assert events.is_estimate
    assert events.days[D(2035, 10, 1)].holiday and events.days[D(2035, 10, 1)].is_estimate
    assert not any(d.workday for d in events.days.values())  # make-up days are unknown
    assert not plan_calendar.month_events(2026, 10).is_estimate


# --- reminders ---------------------------------------------------------------------------------------------


def test_29_february_birthdays_in_a_common_year(db, db_path):
    leap = Member.create(name="闰日生", birth_date=D(2000, 2, 29), department="英语组")
    Member.create(name="退休人员", birth_date=D(1960, 2, 29), status="退休")
    reminders = plan_calendar.reminders(D(2027, 2, 10))
    assert [(b.member.name, b.date) for b in reminders.birthdays] == [("闰日生", D(2027, 2, 28))]
    assert [b.member.name for b in plan_calendar.month_events(2027, 2).days[D(2027, 2, 28)].birthdays] == ["闰日生"]
    assert plan_calendar.reminders(D(2028, 2, 1)).birthdays[0].date == D(2028, 2, 29)
    assert plan_calendar.reminders(D(2027, 3, 1)).birthdays == []
    assert [(b.member.id, b.date) for b in plan_calendar.birthdays_in_month(2027, 2)] == [(leap.id, D(2027, 2, 28))]


def test_lunar_birthdays(db):
    # born on 中秋 1990 (lunar 8-15): 2026-09-25, 2027-09-15 — the published 中秋 dates
    Member.create(name="中秋生", birth_date=D(1990, 10, 3), birthday_lunar=True)
    Member.create(name="阳历生", birth_date=D(1990, 10, 3))
    sep = plan_calendar.reminders(D(2027, 9, 1)).birthdays
    assert [(b.member.name, b.date, b.lunar) for b in sep] == [("中秋生", D(2027, 9, 15), True)]
    assert plan_calendar.birthdays_in_month(2026, 9)[0].date == D(2026, 9, 25)
    october = plan_calendar.birthdays_in_month(2027, 10)
    assert [(b.member.name, b.date) for b in october] == [("阳历生", D(2027, 10, 3))]


def test_reminders_for_the_home_page(db):
    today = D(2026, 5, 12)
    make = plan.create_item
    make(2026, {"title": "本周心理讲座", "date": "2026-05-15"})
    make(2026, {"title": "下周之后", "date": "2026-05-25"})
    make(2026, {"title": "进行中的培训", "date": "2026-05-08", "end_date": "2026-05-14", "status": "进行中"})
    make(2026, {"title": "过期未做", "date": "2026-05-02"})
    make(2026, {"title": "四月未做", "month": 4})
    make(2026, {"title": "五月还来得及", "month": 5})
    make(2026, {"title": "已完成的", "date": "2026-05-02", "status": "已完成"})
    make(2026, {"title": "已取消的", "month": 3, "status": "已取消"})
    make(2025, {"title": "去年十二月未做", "month": 12})
    make(2024, {"title": "太久以前", "month": 12})
    member = Member.create(name="困难户", birth_date=D(1975, 1, 1))
    due_soon = HardshipFile.create(member=member, grade="相对困难", main_cause="低收入", next_review_date=D(2026, 6, 1))
    late = HardshipFile.create(member=member, grade="深度困难", main_cause="大病/重病", next_review_date=D(2026, 3, 1), status="临时")
    HardshipFile.create(member=member, grade="相对困难", main_cause="低收入", next_review_date=D(2026, 7, 1))
    HardshipFile.create(member=member, grade="相对困难", main_cause="低收入", next_review_date=D(2026, 4, 1), status="已脱困")
    Activity.create(title="羽毛球比赛", start=dt.datetime(2026, 5, 20, 15), signup_deadline=dt.datetime(2026, 5, 16, 17), status="报名中")
    Activity.create(title="已截止", start=dt.datetime(2026, 5, 20, 15), signup_deadline=dt.datetime(2026, 5, 16, 17), status="已截止")
    Activity.create(title="太远", start=dt.datetime(2026, 6, 20, 15), signup_deadline=dt.datetime(2026, 6, 1, 17), status="报名中")

    r = plan_calendar.reminders(today)
    assert [i.title for i in r.week_items] == ["进行中的培训", "本周心理讲座"]
    assert [i.title for i in r.overdue_items] == ["去年十二月未做", "四月未做", "过期未做"]
    assert r.hardship_due == [late, due_soon]
    assert [a.title for a in r.deadlines] == ["羽毛球比赛"]


def test_home_reminders(db, db_path):
    plan.create_item(dt.date.today().year, {"title": "明天的会", "date": dt.date.today() + dt.timedelta(days=1)})
    member = Member.create(name="复核对象", birth_date=D(1975, 1, 1))
    HardshipFile.create(member=member, grade="相对困难", main_cause="低收入", next_review_date=dt.date.today())
    data = plan_calendar.reminders()
    if (dt.date.today() + dt.timedelta(days=1)).year == dt.date.today().year:
        assert [i.title for i in data.week_items] == ["明天的会"]
    assert [f.member.name for f in data.hardship_due] == ["复核对象"]
