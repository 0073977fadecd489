"""活动台账 and 活动参与明细: one row per activity (items, participants, cost) and one per sign-up."""

from __future__ import annotations

from decimal import Decimal

import ledger_checks as lc
import pytest

from union_desk.db.models import Activity, ActivityItem, SignUp
from union_desk.ledgers.activity_ledger import items_text, parse_eligibility, parse_items
from union_desk.imports.common import ERROR
from union_desk.imports.records import import_ledger
from union_desk.services import activities as activity_service


def _activities():
    return list(Activity.select().where(Activity.start.between(lc.PERIOD.start, lc.PERIOD.end)).order_by(Activity.start, Activity.id))


def test_activity_ledger_rows_items_participants_and_cost(tmp_path, demo_db):
    _, ws = lc.export("activities", tmp_path)
    assert ws.title == "活动台账"
    lc.assert_printable(ws)
    cols = lc.header_map(ws)
    for header in ("活动名称", "开始时间", "地点", "活动项目", "参加人数", "参与率", "预算", "实际支出"):
        assert header in cols
    activities = _activities()
    total_row = lc.find_row(ws, "合计")
    assert total_row - 4 == len(activities) > 0
    assert lc.column_values(ws, "活动名称", last=total_row - 1) == [a.title for a in activities]
    start = ws.cell(4, cols["开始时间"])
    assert start.is_date and start.number_format == "yyyy-mm-dd hh:mm" and start.value == activities[0].start
    assert lc.column_values(ws, "活动项目", last=total_row - 1)[0] == items_text(activities[0].items.order_by(ActivityItem.sort_order))
    figures = activity_service.figures_of(activities, with_eligible=True)
    participants = [f.checked_in if f.activity.status == "已结束" else f.signed_up for f in figures]
    assert lc.column_values(ws, "参加人数", last=total_row - 1) == participants
    assert ws.cell(total_row, cols["参加人数"]).value == sum(participants)
    rate = ws.cell(4, cols["参与率"])
    assert rate.number_format == "0.0%" and rate.value == pytest.approx(figures[0].participation_rate)
    cost = sum((a.actual_cost for a in activities), Decimal("0"))
    assert Decimal(str(ws.cell(total_row, cols["实际支出"]).value)).quantize(Decimal("0.01")) == cost
    assert ws.cell(4, cols["实际支出"]).number_format == "#,##0.00"


def test_signup_ledger(tmp_path, demo_db):
    _, ws = lc.export("signups", tmp_path)
    assert ws.title == "活动参与明细"
    lc.assert_printable(ws)
    records = SignUp.select().join(ActivityItem).join(Activity).where(Activity.start.between(lc.PERIOD.start, lc.PERIOD.end))
    assert ws.max_row >= 3 + records.count()
    assert f"共 {records.count()} 人次报名" in ws["A2"].value
    cols = lc.header_map(ws)
    assert list(cols) == ["序号", "活动名称", "活动日期", "项目", "姓名", "部门", "报名状态", "队伍", "签到", "名次", "奖项", "备注"]
    states = lc.column_values(ws, "报名状态")
    assert set(s for s in states if s) <= {"已报名", "候补", "已取消"}
    checked = lc.column_values(ws, "签到")
    assert checked.count("是") == records.where(SignUp.checked_in == True).count()  # noqa: E712


def test_items_and_eligibility_cells_read_back():
    assert parse_items("拔河（限40人，团体）、跳绳（限30人）、健步行（5公里）、合唱（团体）") == [
        {"name": "拔河", "capacity": 40, "team_based": True},
        {"name": "跳绳", "capacity": 30, "team_based": False},
        {"name": "健步行(5公里)", "capacity": None, "team_based": False},
        {"name": "合唱", "capacity": None, "team_based": True},
    ]
    assert parse_eligibility("限女性；35 岁及以下；在职、退休会员") == {
        "eligible_sex": "女", "min_age": None, "max_age": 35, "eligible_statuses": "在职,退休"}
    assert parse_eligibility("30—40 岁") == {"eligible_sex": "", "min_age": 30, "max_age": 40, "eligible_statuses": ""}
    with pytest.raises(ValueError):
        parse_eligibility("身高一米八")


def test_round_trip_activities_and_signups(tmp_path, demo_db):
    before = (lc.activity_snapshot(), lc.signup_snapshot())
    assert before[0] and before[1]
    files = lc.export_all(tmp_path, ("members", "plan", "activities", "signups"))
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(files["members"])
    import_ledger("plan", files["plan"])
    first = import_ledger("activities", files["activities"])
    second = import_ledger("signups", files["signups"])
    assert (first.error_rows, second.error_rows) == (0, 0)
    assert (first.added, second.added) == (len(before[0]), len(before[1]))
    assert (lc.activity_snapshot(), lc.signup_snapshot()) == before
    for kind in ("activities", "signups"):
        again = import_ledger(kind, files[kind])
        assert (again.added, again.updated, again.error_rows) == (0, 0, 0), kind


def test_signups_of_an_unknown_activity_or_member(tmp_path, demo_db):
    rows = lc.edited_preview("signups", tmp_path, {(4, "活动名称"): "没有这个活动", (5, "姓名"): "查无此人"})
    assert rows[4].action == ERROR and "找不到活动“没有这个活动”" in rows[4].errors[0].message
    assert rows[5].action == ERROR and "找不到会员“查无此人”" in rows[5].errors[0].message
    assert all(r.action == "未变" for n, r in rows.items() if n != "preview" and n > 5)
