"""Retirement since 2025 in the member services (issue 15, DOMAIN.md §7.6): the track field, the
statistics' status on a day, 即将退休 and 应访未访.

Dates from the tables of 全国人民代表大会常务委员会《关于实施渐进式延迟法定退休年龄的决定》
(2024-09-13), 附件1–3: a man born 1965-01 retires at 60y1m (2025-02), born 1965-05 at 60y2m
(2025-07); a 女干部55 born 1970-01 at 55y1m (2025-02); a 女职工50 born 1975-03 at 50y2m (2025-05).
"""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import Member, Visit, VisitType
from union_desk.errors import ValidationError
from union_desk.services import member_stats, members, visits
from union_desk.services.plan import year_period


def add(name, **data) -> Member:
    return members.create_member({"name": name, **data})


def status_of(member: Member, day: dt.date) -> str:
    return Member.select(member_stats.status_on(day).alias("s")).where(Member.id == member.id).scalar()


def test_track_is_checked_and_defaults_to_automatic(db):
    m = add("张三", sex="男", birth_date="1965-01-10")
    assert m.retirement_track == ""
    assert members.retirement_date(m) == dt.date(2025, 2, 10)
    w = add("李梅", sex="女", birth_date="1975-03-05", post="工勤人员")
    assert members.retirement_date(w) == dt.date(2025, 5, 5)  # 女职工50 from the post
    members.update_member(w, {"retirement_track": "女干部55"})
    w = Member.get_by_id(w.id)
    assert w.retirement_track == "女干部55"
    assert members.retirement_date(w) == dt.date(2031, 7, 5)  # 附件2: born 1975-03 → 56y4m
    members.update_member(w, {"retirement_track": "自动（按性别和岗位）"})
    assert Member.get_by_id(w.id).retirement_track == ""
    with pytest.raises(ValidationError):
        members.update_member(w, {"retirement_track": "女65"})


def test_status_on_a_day_uses_the_statutory_date(db):
    """Transferred out later: on the day the member counts as 退休 only once past the statutory
    date. The old rule (男60) said 退休 from 2025-01-10 for a man born 1965-01-10; since 2025
    he reaches it on 2025-02-10."""
    man = add("王强", sex="男", birth_date="1965-01-10", status="调出", status_date="2026-06-30")
    assert status_of(man, dt.date(2025, 1, 31)) == "在职"  # the old rule said 退休 here
    assert status_of(man, dt.date(2025, 2, 9)) == "在职"
    assert status_of(man, dt.date(2025, 2, 10)) == "退休"
    worker = add("赵芬", sex="女", birth_date="1975-03-05", post="后勤工人", status="调出", status_date="2026-06-30")
    assert status_of(worker, dt.date(2025, 5, 4)) == "在职"
    assert status_of(worker, dt.date(2025, 5, 5)) == "退休"  # 女职工50: 50y2m; the old rule said 在职 (55)
    cadre = add("钱红", sex="女", birth_date="1970-01-20", status="调出", status_date="2026-06-30",
                retirement_track="女干部55")
    assert status_of(cadre, dt.date(2025, 2, 19)) == "在职"
    assert status_of(cadre, dt.date(2025, 2, 20)) == "退休"
    # a recorded retirement before 2025 keeps its date
    old = add("孙伟", sex="男", birth_date="1963-05-01", status="退休", status_date="2023-05-31")
    assert status_of(old, dt.date(2023, 5, 30)) == "在职"
    assert status_of(old, dt.date(2023, 5, 31)) == "退休"
    stats = member_stats.member_stats(year_period(2025), dt.date(2025, 2, 9))
    assert stats.by_status["退休"] == 1 and stats.by_status["在职"] == 3


def test_retiring_soon_lists_the_next_six_months(db):
    today = dt.date(2026, 12, 5)
    add("已过", sex="男", birth_date="1966-02-10")  # 附件1 1966-02: 60y4m → 2026-06-10, before today
    add("即将乙", sex="男", birth_date="1966-09-20")  # 1966-09: 60y6m → 2027-03-20
    add("即将丙", sex="女", birth_date="1971-10-05")  # 附件2 1971-10: 55y6m → 2027-04-05
    add("即将丁", sex="女", birth_date="1976-07-05", post="工勤")  # 附件3 1976-07: 50y10m → 2027-05-05
    add("即将戊", sex="男", birth_date="1966-12-05")  # 1966-12: 60y6m → 2027-06-05, the last day
    add("尚早", sex="男", birth_date="1967-01-10")  # 1967-01: 60y7m → 2027-08-10
    add("已退", sex="男", birth_date="1966-09-21", status="退休", status_date="2026-06-30")
    found = members.retiring_soon(today)
    assert [(m.name, when) for m, when in found] == [
        ("即将乙", dt.date(2027, 3, 20)), ("即将丙", dt.date(2027, 4, 5)), ("即将丁", dt.date(2027, 5, 5)),
        ("即将戊", dt.date(2027, 6, 5))]


def test_due_visits_list_retiring_beside_new_retirement(db):
    today = dt.date(2026, 12, 5)
    soon = add("即将乙", sex="男", birth_date="1966-09-20")
    new = add("新退休", sex="男", birth_date="1960-01-01", status="退休", status_date="2026-11-20")
    due = [d for d in visits.due_visits(today) if d.visit_type_name == "退休"]
    assert [(d.member.name, d.reason) for d in due] == [
        ("新退休", "2026-11-20"), ("即将乙", "2027-03-20 到龄")]
    dates = [d.extra["date"] for d in visits.due_visits(today)]
    assert dates == sorted(dates)
    send_off = VisitType.get(VisitType.name == "退休")
    visits.create_visit({"member": soon.id, "visit_type": send_off.id, "date": today})
    assert "即将乙" not in [d.member.name for d in visits.due_visits(today)]
    assert new.id and Visit.select().count() == 1


def test_roster_round_trip_column(db):
    from union_desk.ledgers.specs import MEMBER_COLUMNS

    column = next(c for c in MEMBER_COLUMNS if c.key == "retirement_track")
    assert column.header == "退休类别" and not column.in_default
