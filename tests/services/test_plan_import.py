"""Importing a plan from a simple Excel list of month + item (services.plan_import)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook

from union_desk.db.models import AuditLog, PlanItem
from union_desk.errors import ValidationError
from union_desk.imports.common import ERROR, NEW
from union_desk.imports import plan as plan_import
from union_desk.services import plan
from union_desk.imports.plan import EXISTS, parse_date, parse_month

D = dt.date


def write_xlsx(path, rows, merges=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "工作计划"
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


HEADER = ("序号", "月份", "工作内容", "类别", "负责人", "备注")


@pytest.fixture
def plan_list(tmp_path):
    """Two title rows above the header, a merged month cell, a blank row, bad rows, a 合计 row."""
    return write_xlsx(tmp_path / "2026年工会工作计划.xlsx", [
        ("杭州市文澜实验学校工会2026年工作计划",),  # 1 (merged title)
        ("填报日期：2026年1月5日",),  # 2
        HEADER,  # 3
        (1, "1月", "召开工会委员会议", "会议", "余欣珊", ""),  # 4
        (2, "", "春节送温暖", "慰问", "", "走访困难职工"),  # 5 (under the merged 1月)
        (3, "三月", "三八节女教职工活动", "节日", "王芳", ""),  # 6
        (4, 4, "", "活动", "", ""),  # 7 empty item
        (5, "13月", "看不懂的月份", "", "", ""),  # 8 unknown month
        (6, dt.datetime(2025, 5, 3), "去年的日期", "", "", ""),  # 9 outside the year
        (7, "5月上旬", "教职工趣味运动会", "活动类", "", ""),  # 10 (上旬 → notes, 活动类 → 活动)
        (8, "6月", "六一亲子活动", "庆祝", "", ""),  # 11 bad category
        (None, None, None, None, None, None),  # 12 blank
        (9, "十二月", "年终总结", "考核评议", "", ""),  # 13
        (10, "2026-09-10", "庆祝教师节", "节日", "", ""),  # 14 a date in the month column
        (11, "3月", "三八节女教职工活动", "节日", "", ""),  # 15 twice in the file
        ("合计", "", "", "", "", ""),  # 16
        ("制表人：张三", "", "审核人：李四", "", "", ""),  # 17
    ], merges=("A1:F1", "B4:B5"))


def by_row(preview):
    return {r.row: r for r in preview.rows}


def test_preview_reports_every_bad_row_and_writes_nothing(db, plan_list):
    preview = plan_import.preview_plan_import(plan_list, 2026)
    assert preview.header_row == 3 and preview.sheet == "工作计划"
    rows = by_row(preview)
    assert sorted(rows) == [4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15]  # 12 (blank), 16 (合计), 17 (签名) left out
    assert {r: rows[r].action for r in rows} == {
        4: NEW, 5: NEW, 6: NEW, 7: ERROR, 8: ERROR, 9: ERROR, 10: NEW, 11: ERROR, 13: NEW, 14: NEW, 15: EXISTS}
    errors = {(e.row, e.column): e.message for e in preview.errors}
    assert errors[(7, "工作内容")] == "工作内容为空"
    assert "1 到 12" in errors[(8, "月份")]
    assert "2026年" in errors[(9, "月份")]
    assert "庆祝" in errors[(11, "类别")] and "会议" in errors[(11, "类别")]
    assert len(errors) == 4
    assert not rows[5].issues  # under a merged month cell: no warning
    assert rows[5].write["month"] == 1
    assert rows[6].write["month"] == 3
    assert rows[10].write == {**rows[10].write, "month": 5, "category": "活动", "notes": "时间：5月上旬"}
    assert rows[13].write["month"] == 12
    assert rows[14].write["date"] == D(2026, 9, 10) and rows[14].write["month"] == 9
    assert "与第 6 行重复" in rows[15].issues[0].message
    assert preview.as_dict() == {"added": 6, "skipped": 1, "errors": [e.as_dict() for e in preview.errors]}
    json.dumps(preview.as_dict(), ensure_ascii=False)
    assert PlanItem.select().count() == 0


def test_apply_adds_once_audited_and_twice_adds_nothing(db, plan_list):
    report = plan_import.apply_plan_import(plan_import.preview_plan_import(plan_list, 2026))
    assert report.added == 6 and report.skipped == 1 and report.error_rows == 4
    items = plan.list_items(2026)
    assert [i.title for i in items] == ["召开工会委员会议", "春节送温暖", "三八节女教职工活动", "教职工趣味运动会",
                                        "庆祝教师节", "年终总结"]
    spring = next(i for i in items if i.title == "春节送温暖")
    assert (spring.month, spring.category, spring.notes, spring.status) == (1, "慰问", "走访困难职工", "未开始")
    assert {i.id for i in items} == set(report.item_ids)
    created = AuditLog.select().where((AuditLog.table_name == "plan_item") & (AuditLog.action == "create")).count()
    assert created == 6
    assert AuditLog.select().where((AuditLog.table_name == "plan_item") & (AuditLog.action == "import")).count() == 1
    with pytest.raises(ValidationError):
        plan_import.apply_plan_import(report.preview)  # a preview is applied once

    again = plan_import.preview_plan_import(plan_list, 2026)
    assert again.counts()[NEW] == 0 and again.counts()[EXISTS] == 7
    assert "2026年计划中已有 1 月的“召开工会委员会议”" in by_row(again)[4].issues[0].message
    report = plan_import.apply_plan_import(again)
    assert report.added == 0 and report.skipped == 7
    assert PlanItem.select().count() == 6


def test_items_added_since_the_preview_are_skipped(db, plan_list):
    preview = plan_import.preview_plan_import(plan_list, 2026)
    plan.create_item(2026, {"title": "年终总结", "month": 12, "category": "会议"})
    report = plan_import.apply_plan_import(preview)
    assert report.added == 5 and report.skipped == 2
    assert PlanItem.select().where(PlanItem.title == "年终总结").count() == 1


def test_same_title_in_another_month_or_year_is_new(db, tmp_path):
    plan.create_item(2026, {"title": "工会委员会例会", "month": 3, "category": "会议"})
    plan.create_item(2025, {"title": "工会委员会例会", "month": 4, "category": "会议"})
    path = write_xlsx(tmp_path / "p.xlsx", [("月份", "工作内容"), (3, "工会委员会例会"), (4, "工会委员会例会")])
    preview = plan_import.preview_plan_import(path, 2026)
    assert [r.action for r in preview.rows] == [EXISTS, NEW]


def test_date_column_ranges_and_dates_outside_the_year(db, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [
        ("日期", "事项", "类别"),
        (dt.datetime(2026, 3, 8), "三八节", "节日"),
        ("4月20日至4月22日", "春季运动会", "活动"),
        ("12月28日至1月3日", "寒假走访", "慰问"),
        ("2027-02-01", "明年的事", ""),
        ("9月", "教师节表彰", ""),
        ("某天", "说不清", ""),
    ])
    preview = plan_import.preview_plan_import(path, 2026)
    rows = by_row(preview)
    assert rows[2].write["date"] == D(2026, 3, 8)
    assert (rows[3].write["date"], rows[3].write["end_date"]) == (D(2026, 4, 20), D(2026, 4, 22))
    assert (rows[4].write["date"], rows[4].write["end_date"]) == (D(2026, 12, 28), D(2027, 1, 3))
    assert rows[5].action == ERROR and rows[5].errors[0].column == "日期" and "2026年内" in rows[5].errors[0].message
    assert rows[6].write["month"] == 9 and rows[6].write["date"] is None and rows[6].write["category"] == "其他"
    assert rows[7].action == ERROR and "看不懂" in rows[7].errors[0].message


def test_month_and_date_columns_must_agree(db, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [
        ("月份", "日期", "工作内容"),
        ("3月", "3月8日", "三八节"),
        ("3月", "4月1日", "对不上"),
        ("", "5月4日", "青年节"),
    ])
    rows = by_row(plan_import.preview_plan_import(path, 2026))
    assert rows[2].write["date"] == D(2026, 3, 8)
    assert rows[3].action == ERROR and "不一致" in rows[3].errors[0].message
    assert rows[4].write["date"] == D(2026, 5, 4)  # a date needs no month above it


def test_a_month_written_once_per_group_without_merging_warns(db, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [("月份", "工作内容"), ("", "没有月份"), ("3月", "甲"), ("", "乙")])
    rows = by_row(plan_import.preview_plan_import(path, 2026))
    assert rows[2].action == ERROR and "没有月份" in rows[2].errors[0].message
    assert rows[4].action == NEW and rows[4].write["month"] == 3
    assert rows[4].warnings and "按上面的 3 月" in rows[4].warnings[0].message


def test_csv_and_missing_columns(db, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("月份,工作内容,负责人\n3,三八节,王芳\n", encoding="gbk")
    preview = plan_import.preview_plan_import(path, 2026)
    assert preview.rows[0].write["responsible"] == "王芳"
    no_month = write_xlsx(tmp_path / "x.xlsx", [("工作内容", "负责人"), ("三八节", "王芳")])
    with pytest.raises(ValidationError, match="月份"):
        plan_import.preview_plan_import(no_month, 2026)
    nothing = write_xlsx(tmp_path / "y.xlsx", [("姓名", "部门"), ("王芳", "语文组")])
    with pytest.raises(ValidationError, match="表头"):
        plan_import.preview_plan_import(nothing, 2026)


@pytest.mark.parametrize("raw, month", [
    (3, 3), (3.0, 3), ("3", 3), ("3月", 3), ("03月", 3), ("3月份", 3), ("三月", 3), ("十月", 10), ("十二月", 12),
    ("十一月份", 11), ("2026年3月", 3), ("2026-3", 3), ("2026.03", 3), (D(2026, 3, 1), 3), (" 3 月 ", 3),
])
def test_parse_month(raw, month):
    assert parse_month(raw, 2026).month == month


@pytest.mark.parametrize("raw", [0, 13, 3.5, "13月", "三", "第三周", "2025年3月", D(2025, 3, 1), "上旬"])
def test_parse_month_refuses(raw):
    with pytest.raises(ValueError):
        parse_month(raw, 2026)


def test_parse_month_keeps_the_part_and_dates():
    assert parse_month("3月下旬", 2026).part == "3月下旬"
    assert parse_month(D(2026, 3, 8), 2026).date == D(2026, 3, 8)
    assert parse_month("3月8日", 2026).date == D(2026, 3, 8)
    assert parse_date("03-08", 2026).date == D(2026, 3, 8)
    assert parse_date("未定", 2026) == plan_import.Timing()
