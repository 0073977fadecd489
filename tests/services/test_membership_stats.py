"""年度统计 · 会籍与会费 (issue 20): 入会率 now and at the year's end, the year's moves, the dues
collected, and `membership_rate` at the top of the JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from union_desk.services import dues, members, membership, membership_stats, stats
from union_desk.services.plan import year_period


def _school():
    people = [members.create_member({"name": f"会员{n}", "department": "语文组" if n < 6 else "后勤",
                                     "joined_union_date": "2005-09-01"}) for n in range(9)]
    members.create_member({"name": "退休者", "joined_union_date": "1990-09-01", "status": "退休", "status_date": "2020-07-31"})
    members.create_member({"name": "新会员", "department": "后勤", "joined_union_date": "2026-10-08"})
    membership.add_event(people[8], {"kind": "转出", "date": "2026-11-02", "other_union": "乙校工会"})
    membership.save_staff({"name": "非会员", "department": "后勤", "employment_type": "临时工"})
    for person in people[:2]:
        dues.set_base(person, "6000", "2026-01-01")
    for month in range(1, 12):
        dues.record_payment(people[0], {"period": f"2026-{month:02d}", "amount": "30", "date": f"2026-{month:02d}-20"})
    return people


def test_the_section_figures(db):
    _school()
    data = membership_stats.membership_stats(year_period(2026), dt.date(2026, 12, 5))
    assert (data.now.total.members, data.now.total.staff, data.now.total.rate) == (9, 1, D("90.0"))
    assert (data.moves.joined, data.moves.transferred_out, data.moves.left) == (1, 1, 0)
    # two members owe 30 a month for Jan–Dec (December has begun); one paid Jan–Nov
    assert (data.owed, data.paid, data.collection_rate) == (D("720.00"), D("330.00"), D("45.8"))
    assert data.flagged == 1  # the second has paid nothing for eleven months
    tables = {t.key: t for t in membership_stats.tables(data, None)}
    assert tables["membership_rate"].rows[0][1:] == [9, 1, 0.9]
    assert [r[:3] for r in tables["membership_departments"].rows] == [["后勤", 3, 1], ["语文组", 6, 0]]
    assert tables["membership_moves"].rows[0] == ["新入会", 1]
    assert membership_stats.paragraph(data, None) == "在职会员9人，入会率90.0%，新入会1人、转入0人，会费收缴率45.8%"


def test_stats_json_has_membership_rate_at_the_top(db):
    _school()
    data = stats.as_json(stats.year_stats(year_period(2026), today=dt.date(2026, 12, 5)))
    assert data["membership_rate"] == 90.0
    assert data["membership"]["by_employment"] == [{"label": "临时工", "members": 0, "staff": 1, "rate": 0.0},
                                                   {"label": "在编", "members": 9, "staff": 0, "rate": 100.0}]
    assert data["membership"]["dues"]["arrears_six_months"] == 1


def test_an_empty_school_has_no_rate(db):
    data = stats.as_json(stats.year_stats(year_period(2026), today=dt.date(2026, 12, 5)))
    assert data["membership_rate"] is None and data["membership"]["rate"] is None
