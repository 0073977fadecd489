"""Activities: capacity, waiting-list order, promotion, eligibility, deadline, teams, check-in."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import AuditLog, Member, SignUp
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import activities as act
from union_desk.services.activities import NeedsConfirmation

START = dt.datetime(2026, 12, 20, 9, 0)


@pytest.fixture
def people(db):
    names = [("王芳", "女", 1990), ("李强", "男", 1975), ("张敏", "女", 1985), ("单田", "男", 1995), ("曾雪", "女", 1998)]
    return [Member.create(name=n, sex=s, birth_date=dt.date(y, 6, 1), pinyin_key=_key(n)) for n, s, y in names]


def _key(name):
    from union_desk.domain.pinyin import search_key

    return search_key(name)


@pytest.fixture
def tug(people):
    activity = act.save_activity(
        {"title": "趣味运动会", "start": START, "signup_deadline": START - dt.timedelta(days=3), "status": "报名中"},
        items=[{"name": "拔河", "capacity": 2}, {"name": "跳绳", "capacity": None}],
    )
    return activity, activity.items.order_by("sort_order")[0]


def test_capacity_then_waiting_list_in_order(people, tug):
    _, item = tug
    at = START - dt.timedelta(days=10)
    s = [act.sign_up(item, m, at=at) for m in people[:4]]
    assert [x.state for x in s] == ["已报名", "已报名", "候补", "候补"]
    assert [act.waiting_position(x) for x in s[2:]] == [1, 2]


def test_cancel_promotes_the_first_in_line(people, tug):
    _, item = tug
    at = START - dt.timedelta(days=10)
    s = [act.sign_up(item, m, at=at) for m in people[:4]]
    promoted = act.cancel(s[0])
    assert promoted.id == s[2].id
    assert SignUp.get_by_id(s[2].id).state == "已报名"
    assert act.waiting_position(SignUp.get_by_id(s[3].id)) == 1
    # Cancelling a waiting sign-up promotes nobody.
    assert act.cancel(SignUp.get_by_id(s[3].id)) is None
    assert AuditLog.select().where(AuditLog.note == "候补递补").count() == 1


def test_raising_capacity_promotes_as_many_as_fit(people, tug):
    _, item = tug
    at = START - dt.timedelta(days=10)
    s = [act.sign_up(item, m, at=at) for m in people]
    promoted = act.set_capacity(item, 4)
    assert [p.id for p in promoted] == [s[2].id, s[3].id]
    assert SignUp.get_by_id(s[4].id).state == "候补"
    with pytest.raises(ValidationError):
        act.set_capacity(item, 1)
    assert act.set_capacity(item, "") == [SignUp.get_by_id(s[4].id)]  # unlimited


def test_one_sign_up_per_member_per_item_and_re_sign_after_cancel(people, tug):
    _, item = tug
    at = START - dt.timedelta(days=10)
    first = act.sign_up(item, people[0], at=at)
    with pytest.raises(ValidationError) as info:
        act.sign_up(item, people[0], at=at)
    assert "已报名" in info.value.message
    act.cancel(first)
    again = act.sign_up(item, people[0], at=at)
    assert again.id == first.id and again.state == "已报名"
    assert SignUp.select().count() == 1


def test_deadline_asks_for_confirmation(people, tug):
    _, item = tug
    late = START - dt.timedelta(days=1)
    with pytest.raises(NeedsConfirmation) as info:
        act.sign_up(item, people[0], at=late)
    assert info.value.kind == "deadline" and "截止" in info.value.message
    assert SignUp.select().count() == 0
    assert act.sign_up(item, people[0], at=late, after_deadline_ok=True).state == "已报名"


def test_eligibility_needs_an_override_reason(people):
    young = act.save_activity(
        {"title": "青年教师基本功大赛", "start": START, "max_age": "35", "eligible_sex": ""},
        items=[{"name": "说课"}],
    )
    item = young.items[0]
    with pytest.raises(NeedsConfirmation) as info:
        act.sign_up(item, people[1])  # born 1975: 51
    assert info.value.kind == "eligibility" and "35 岁及以下" in info.value.message
    signup = act.sign_up(item, people[1], override_reason="评委示范")
    assert signup.override_reason == "评委示范"
    women = act.save_activity({"title": "三八踏青", "start": START, "eligible_sex": "女"}, items=[{"name": "踏青"}])
    with pytest.raises(NeedsConfirmation):
        act.sign_up(women.items[0], people[1])
    result = act.bulk_sign_up(women.items[0], people)
    assert {s.member.name for s in result.signed} == {"王芳", "张敏", "曾雪"}
    assert len(result.skipped) == 2


def test_team_entries(people):
    a = act.save_activity({"title": "拔河比赛", "start": START}, items=[{"name": "拔河", "team_based": True, "capacity": 10}])
    item = a.items[0]
    team = act.add_team(item, "语文组队", [people[0].id, people[1].id])
    assert {s.member.name for s in team.members} == {"王芳", "李强"}
    with pytest.raises(ValidationError):
        act.add_team(item, "数学组队", [people[0].id, people[2].id])
    # The failed team left nothing behind.
    assert [t.name for t in item.teams] == ["语文组队"]
    assert SignUp.select().where(SignUp.member == people[2]).count() == 0
    act.set_result(team, 1, "一等奖")
    assert team.rank == 1
    # An unknown member id is a clear "not found", and the team is not half made.
    with pytest.raises(NotFoundError):
        act.add_team(item, "物理组队", [people[3].id, 99999, 10**30])
    assert [t.name for t in item.teams] == ["语文组队"]


def test_check_in_by_name_and_pinyin_initials(people, tug):
    activity, item = tug
    at = START - dt.timedelta(days=10)
    act.set_capacity(item, 10)
    for m in people:
        act.sign_up(item, m, at=at)
    found = act.check_in_by_text(activity, "wf")
    assert [s.member.name for s in found] == ["王芳"] and found[0].checked_in
    # 单 read as shan also works.
    assert [s.member.name for s in act.check_in_by_text(activity, "shantian")] == ["单田"]
    assert act.check_in_by_text(activity, "王芳") == []  # already checked in
    walk = act.walk_in(activity.items.order_by("sort_order")[1], people[0])
    assert walk.walk_in and walk.checked_in
    row = act.activity_figures(activity)
    assert (row.signed_up, row.waiting, row.checked_in) == (5, 0, 2)


def test_bad_activity_data_writes_nothing(db):
    from union_desk.db.models import Activity

    for data in (
        {"title": "", "start": START},
        {"title": "秋游", "start": "明天"},
        {"title": "秋游", "start": START, "end": START - dt.timedelta(hours=1)},
        {"title": "秋游", "start": START, "budget": "-5"},
        {"title": "秋游", "start": START, "min_age": "40", "max_age": "35"},
    ):
        with pytest.raises(ValidationError):
            act.save_activity(data, items=[{"name": "a"}])
    with pytest.raises(ValidationError):
        act.save_activity({"title": "秋游", "start": START}, items=[{"name": "a", "capacity": "0"}])
    assert Activity.select().count() == 0


def test_list_json(people, tug):
    activity, item = tug
    act.sign_up(item, people[0], at=START - dt.timedelta(days=10))
    rows = act.list_json(2026)
    assert rows == [
        {"id": activity.id, "title": "趣味运动会", "start": "2026-12-20 09:00", "status": "报名中", "signed_up": 1, "waiting": 0, "checked_in": 0}
    ]


def test_eligible_count_matches_the_rule_member_by_member(people):
    from union_desk.services.members import age_on

    Member.create(name="老赵", sex="男", birth_date=dt.date(1955, 1, 1), status="退休", pinyin_key=_key("老赵"))
    Member.create(name="无生日", sex="女", pinyin_key=_key("无生日"))
    # born the day after / on the day 35 years before the start
    Member.create(name="刚满", sex="女", birth_date=dt.date(1991, 12, 20), pinyin_key=_key("刚满"))
    Member.create(name="差一天", sex="女", birth_date=dt.date(1991, 12, 21), pinyin_key=_key("差一天"))
    cases = [
        {"title": "全体", "start": START},
        {"title": "女职工", "start": START, "eligible_sex": "女"},
        {"title": "青年", "start": START, "max_age": "35"},
        {"title": "中年", "start": START, "min_age": "35", "max_age": "50"},
        {"title": "退休", "start": START, "eligible_statuses": "退休"},
        {"title": "不限状态", "start": START, "eligible_statuses": ""},
    ]
    for data in cases:
        activity = act.save_activity(data)
        day = activity.start.date()
        allowed = [s for s in activity.eligible_statuses.split(",") if s] or ["在职", "退休"]
        expected = [
            m.name
            for m in Member.select()
            if m.status in allowed  # nobody here has a dated status change or a join date
            and (not activity.eligible_sex or m.sex == activity.eligible_sex)
            and (activity.min_age is None or (m.birth_date and age_on(m.birth_date, day) >= activity.min_age))
            and (activity.max_age is None or (m.birth_date and age_on(m.birth_date, day) <= activity.max_age))
        ]
        assert act.eligible_count(activity) == len(expected), data["title"]
    rows = {r.activity.title: r for r in act.list_activities(2026, with_eligible=True)}
    assert rows["青年"].eligible == act.eligible_count(rows["青年"].activity)
    assert rows["退休"].eligible == 1 and rows["退休"].participation_rate == 0


def test_items_added_to_an_existing_activity_go_last(people, tug):
    activity, _ = tug
    act.save_activity({"place": "操场"}, activity, items=[{"name": "袋鼠跳", "capacity": "20"}])
    names = [i.name for i in activity.items.order_by(act.ActivityItem.sort_order)]
    assert names == ["拔河", "跳绳", "袋鼠跳"]
    assert activity.place == "操场"


def test_attendees_one_entry_per_person_with_a_place(people, tug):
    activity, item = tug
    rope = activity.items.order_by(act.ActivityItem.sort_order)[1]
    at = START - dt.timedelta(days=10)
    for m in people[:3]:
        act.sign_up(item, m, at=at)  # capacity 2: the third waits
    act.sign_up(rope, people[0], at=at)
    act.sign_up(rope, people[3], at=at)
    act.check_in_by_text(activity, "单田")
    found = {a.member.name: a for a in act.attendees(activity)}
    assert set(found) == {"王芳", "李强", "单田"}  # 张敏 waits: not an attendee
    assert found["王芳"].items == ["拔河", "跳绳"]
    assert found["单田"].checked_in and found["单田"].checked_in_at is not None
    assert not found["王芳"].checked_in


def test_eligibility_text():
    class A:
        eligible_sex, min_age, max_age, eligible_statuses = "女", None, 35, "在职"

    assert act.eligibility_text(A) == "限女性；35 岁及以下；在职会员"
    A.eligible_sex, A.min_age, A.eligible_statuses = "", 50, ""
    assert act.eligibility_text(A) == "50—35 岁"
    A.max_age = None
    assert act.eligibility_text(A) == "50 岁以上"
