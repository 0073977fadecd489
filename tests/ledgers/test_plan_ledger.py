"""工作计划及完成情况: status, completion, linked records; 学年 and date-range periods; the way back."""

from __future__ import annotations

import datetime as dt

import ledger_checks as lc
import pytest

from union_desk.db.models import PlanItem
from union_desk.errors import ValidationError
from union_desk.ledgers.catalog import LEDGERS
from union_desk.imports.common import ERROR
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.plan_ledger import parse_when
from union_desk.imports.records import import_ledger
from union_desk.services import plan


def test_plan_ledger_status_links_and_completion(tmp_path, demo_db):
    _, ws = lc.export("plan", tmp_path)
    assert ws.title == "工作计划及完成情况"
    lc.assert_printable(ws)
    items = lc.plan_records()
    total_row = lc.find_row(ws, "合计")
    assert total_row - 4 == len(items) > 0
    assert lc.column_values(ws, "工作内容", last=total_row - 1) == [i.title for i in items]
    assert lc.column_values(ws, "时间", last=total_row - 1) == [plan.when_text(i) for i in items]
    assert lc.column_values(ws, "完成情况", last=total_row - 1) == [i.status for i in items]
    counts = plan.link_counts([i.id for i in items])
    visits = lc.column_values(ws, "关联走访人次", last=total_row - 1)
    assert visits == [counts.get(i.id, {}).get("visit", 0) for i in items]
    cols = lc.header_map(ws)
    assert ws.cell(total_row, cols["关联走访人次"]).value == sum(visits)
    linked = next(i for i in items if i.linked_activities)
    row = 4 + items.index(linked)
    assert ws.cell(row, cols["关联活动"]).value == "、".join(linked.linked_activities)
    rate = plan.Rate()
    for item in items:
        rate.add(item.status)
    assert f"完成率 {plan.format_rate(rate.rate)}" in ws["A2"].value
    summary = lc.find_row(ws, "完成情况汇总")
    count_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(summary + 1, c).value == "项数")
    shown = {ws.cell(r, 1).value: ws.cell(r, count_col).value for r in range(summary + 2, summary + 2 + len(plan.STATUSES))}
    assert shown == {s: sum(1 for i in items if i.status == s) for s in plan.STATUSES}


def test_periods_school_year_and_range(demo_db):
    school = LedgerPeriod.school_year(lc.PERIOD.first.year - 1)
    assert school.label == f"{school.first.year}—{school.last.year}学年" and (school.first.month, school.last.month) == (9, 8)
    items = LEDGERS["plan"].records(school)
    assert items and all(school.first <= (i.date or dt.date(i.year, i.month, 1)) <= school.last for i in items if i.month)
    spring = LedgerPeriod.between(dt.date(lc.PERIOD.first.year, 3, 1), dt.date(lc.PERIOD.first.year, 3, 31))
    assert spring.label.endswith("至 " + f"{lc.PERIOD.first.year}-03-31")
    assert all(plan.item_month(i) == 3 for i in LEDGERS["plan"].records(spring))
    with pytest.raises(ValidationError):
        LedgerPeriod.between(dt.date(2026, 3, 1), dt.date(2026, 2, 1))


def test_when_cells():
    assert parse_when("3月") == {"month": 3}
    assert parse_when("03-08") == {"date": (None, 3, 8)}
    assert parse_when("12-28 至 2027-01-03") == {"date": (None, 12, 28), "end": (2027, 1, 3)}
    assert parse_when("未定") == {}
    assert parse_when(dt.datetime(2026, 5, 4)) == {"date": (2026, 5, 4)}
    with pytest.raises(ValueError):
        parse_when("下学期")


def test_round_trip_keeps_template_keys(tmp_path, demo_db):
    before = lc.plan_snapshot()
    files = lc.export_all(tmp_path, ("members", "plan"))
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(files["members"])
    report = import_ledger("plan", files["plan"])
    assert report.error_rows == 0 and report.added == len(before)
    assert lc.plan_snapshot() == before
    again = import_ledger("plan", files["plan"])
    assert (again.added, again.updated) == (0, 0)
    created, skipped = plan.generate_year(lc.PERIOD.first.year)
    assert created == 0 and skipped == sum(1 for v in before.values() if v[-1]) > 0  # nothing made twice
    assert PlanItem.select().where(PlanItem.year == lc.PERIOD.first.year).count() == len(before)


def test_changed_status_is_an_update_and_a_bad_time_an_error(tmp_path, demo_db):
    rows = lc.edited_preview("plan", tmp_path, {(4, "完成情况"): "已取消", (5, "时间"): "下学期"})
    assert rows[4].action == "更新" and "status" in rows[4].changes
    assert rows[5].action == ERROR and rows[5].errors[0].column == "时间"
    assert "下学期" in rows[5].errors[0].message
