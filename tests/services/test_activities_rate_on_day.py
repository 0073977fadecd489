"""参与率 counts the members eligible on the activity's day, not today (issue 15).

Independent source: the rule as issue 15 states it ("参与率 counts the members eligible on the
activity's date (their status then), not today") and DOMAIN.md §4/§5 (参与率; member statuses
在职/退休/调出/去世/退会 and the date joined the union). The expected figures below were worked
out by hand, member by member, from that rule — not by running the code.
"""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import Activity, ActivityItem, Member, SignUp
from union_desk.services import activities as act
from union_desk.services import stats

DAY = dt.datetime(2025, 5, 10, 9, 0)


def member(name, sex="女", birth=dt.date(1980, 1, 1), **kw) -> Member:
    return Member.create(name=name, sex=sex, birth_date=birth, **kw)


@pytest.fixture
def roster(db):
    return {
        # still 在职: eligible
        "A": member("甲", joined_union_date=dt.date(2010, 9, 1)),
        # retired after the activity (54 then): 在职 on the day, eligible
        "B": member("乙", birth=dt.date(1970, 8, 1), status="退休", status_date=dt.date(2025, 9, 1)),
        # transferred out after the activity: 在职 on the day, eligible
        "C": member("丙", status="调出", status_date=dt.date(2025, 12, 1)),
        # joined the union after the activity: not eligible
        "D": member("丁", joined_union_date=dt.date(2025, 6, 1)),
        # transferred out before the activity: not eligible
        "E": member("戊", status="调出", status_date=dt.date(2025, 1, 15)),
        # died before the activity: not eligible
        "F": member("己", status="去世", status_date=dt.date(2024, 12, 1)),
        # retired long before: 退休 on the day
        "G": member("庚", sex="男", birth=dt.date(1960, 3, 1), status="退休", status_date=dt.date(2020, 3, 1)),
        # retires after the activity (67 but the retirement itself is dated later): 在职 on the day
        "H": member("辛", sex="男", birth=dt.date(1958, 1, 1), status="退休", status_date=dt.date(2026, 1, 1)),
    }


def activity(title, statuses="") -> tuple[Activity, ActivityItem]:
    a = Activity.create(title=title, start=DAY, status="已结束", eligible_statuses=statuses)
    return a, ActivityItem.create(activity=a, name="项目")


def check_in(item, *people):
    for p in people:
        SignUp.create(item=item, member=p, state="已报名", checked_in=True)


def test_everyone_then(roster):
    a, item = activity("春季趣味运动会")
    check_in(item, roster["A"], roster["B"], roster["C"])
    # On 2025-05-10 the members were A B C (在职), G (退休), H (在职): 5; D E F were not.
    assert act.eligible_count(a) == 5
    row = act.activity_figures(a)
    assert (row.checked_in, row.eligible, row.participation_rate) == (3, 5, pytest.approx(0.6))


def test_staff_only_then(roster):
    a, item = activity("青年教师基本功大赛", "在职")
    check_in(item, roster["A"], roster["B"], roster["C"])
    # 在职 on the day: A B C H. Counted by today's status it would be A and D: 3 of 2 = 150 %.
    assert act.eligible_count(a) == 4
    assert act.activity_figures(a).participation_rate == pytest.approx(0.75)


def test_retirees_only_then(roster):
    a, _item = activity("重阳敬老活动", "退休")
    assert act.eligible_count(a) == 1  # G only; B and H retired after the day


def test_year_statistics_use_the_day_too(roster):
    a, item = activity("春季趣味运动会")
    check_in(item, roster["A"], roster["B"], roster["C"])
    rows = stats.year_stats(2025, today=dt.date(2026, 12, 1)).activities.rows
    assert [(r.title, r.eligible, r.rate) for r in rows] == [("春季趣味运动会", 5, pytest.approx(0.6))]
    listed = {r.activity.title: r for r in act.list_activities(2025, with_eligible=True)}
    assert listed["春季趣味运动会"].eligible == 5
