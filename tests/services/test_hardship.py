"""Hardship files: one open file per member, reviews, leaving, assistance, standing queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from union_desk.db.models import Assistance, HardshipFile, Member
from union_desk.errors import ValidationError
from union_desk.services import hardship


@pytest.fixture
def member(db):
    return Member.create(name="陈静", sex="女", birth_date=dt.date(1982, 7, 1))


def test_open_review_close(member):
    f = hardship.open_file(member, {"grade": "相对困难", "main_cause": "因病致困", "secondary_causes": "子女就学、低收入",
                                    "household_size": "4", "monthly_income": "2,800", "found_date": "2025-11-02", "found_how": "摸底"})
    assert f.secondary_causes == "子女就学,低收入" and f.monthly_income == Decimal("2800.00")
    assert f.next_review_date == dt.date(2026, 11, 2)
    with pytest.raises(ValidationError) as info:
        hardship.open_file(member, {"grade": "相对困难", "main_cause": "因病致困"})
    assert "已有在档" in info.value.message
    review = hardship.review_file(f, "2026-11-01", "家庭情况无变化")
    assert review.note == "家庭情况无变化"
    f = HardshipFile.get_by_id(f.id)
    assert f.last_review_date == dt.date(2026, 11, 1) and f.next_review_date == dt.date(2027, 11, 1)
    with pytest.raises(ValidationError):
        hardship.close_file(f, "已脱困", "2026-11-20", "")
    hardship.close_file(f, "已脱困", "2026-11-20", "子女已工作")
    assert HardshipFile.get_by_id(f.id).status == "已脱困"
    # Once closed, a new file may be opened again later.
    hardship.open_file(member, {"grade": "意外致困", "main_cause": "灾害"})


@pytest.mark.parametrize(
    "data, words",
    [
        ({"grade": "很困难", "main_cause": "因病致困"}, "困难类别"),
        ({"grade": "相对困难", "main_cause": "因病致困", "secondary_causes": "残疾,单亲,灾害,低收入"}, "最多三项"),
        ({"grade": "相对困难", "main_cause": "因病致困", "household_size": "0"}, "家庭人口"),
        ({"grade": "相对困难", "main_cause": "因病致困", "monthly_income": "abc"}, "月收入"),
    ],
)
def test_bad_file_data_writes_nothing(member, data, words):
    with pytest.raises(ValidationError) as info:
        hardship.open_file(member, data)
    assert words in info.value.message
    assert HardshipFile.select().count() == 0


def test_assistance_and_figures(member):
    other = Member.create(name="周涛", sex="男")
    f1 = hardship.open_file(member, {"grade": "深度困难", "main_cause": "大病/重病", "found_date": "2026-02-01"})
    f2 = hardship.open_file(other, {"grade": "相对困难", "main_cause": "低收入", "found_date": "2024-05-01"})
    hardship.add_assistance(f1, {"date": "2026-03-01", "kind": "医疗救助", "cash": "2000"})
    voided = hardship.add_assistance(f2, {"date": "2026-03-01", "kind": "生活救助", "cash": "500"})
    hardship.void_assistance(voided, "重复登记")
    with pytest.raises(ValidationError, match="已经作废"):  # a second void keeps the first reason
        hardship.void_assistance(voided, "另一个原因")
    assert voided.void_reason == "重复登记"
    with pytest.raises(ValidationError):
        hardship.add_assistance(f1, {"date": "2026-03-01", "kind": "生活救助"})
    fig = hardship.figures(2026)
    assert (fig.open_files, fig.opened_this_year, fig.helped_this_year) == (2, 1, 1)
    assert fig.help_rate == 0.5 and fig.assistance_amount == Decimal("2000.00")
    never = hardship.list_files(filters=hardship.FileFilter(never_helped=True))
    assert [f.id for f in never] == [f2.id]
    stale = list(hardship.files_query(hardship.FileFilter(not_reviewed_for_a_year=True), today=dt.date(2026, 11, 23)))
    assert [f.id for f in stale] == [f2.id]
    assert Assistance.select().count() == 2


def test_assistance_of_member_lists_every_file(member):
    first = hardship.open_file(member, {"grade": "相对困难", "main_cause": "低收入", "found_date": "2024-01-10"})
    hardship.add_assistance(first, {"date": "2024-02-01", "kind": "生活救助", "cash": 300})
    hardship.close_file(first, "已脱困", "2024-06-01", "收入提高")
    second = hardship.open_file(member, {"grade": "意外致困", "main_cause": "灾害"})
    hardship.add_assistance(second, {"kind": "其他", "goods": "米面油"})
    other = Member.create(name="路人甲", birth_date=dt.date(1990, 1, 1))
    hardship.add_assistance(hardship.open_file(other, {"grade": "相对困难", "main_cause": "残疾"}), {"kind": "助学", "cash": 1})
    found = hardship.assistance_of_member(member)
    assert [a.file_id for a in found] == [second.id, first.id]
    assert found[1].cash == Decimal("300.00")
