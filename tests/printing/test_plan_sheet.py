"""工作计划表 (the plan as a PDF), read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from union_desk.db.models import Activity
from union_desk.errors import ValidationError
from union_desk.printing import plan_sheet
from union_desk.printing.plan_sheet import Row, paginate
from union_desk.services import plan, plan_template

D = dt.date


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def year_plan(school):
    """The 2026 plan from the template, a cancelled item, a done item with a linked activity, a
    crowded September (taller than a page) and an item across the new year."""
    plan_template.generate_year(2026)
    items = plan.list_items(2026)
    march = [i for i in items if plan.item_month(i) == 3]
    plan.cancel_item(march[-1], "与期中考试冲突")
    done = next(i for i in items if "三八" in i.title)
    plan.set_status(done, plan.DONE)
    activity = Activity.create(title="三八节插花活动", start=dt.datetime(2026, 3, 6, 14, 0), place="图书馆")
    plan.link_activity(done, activity)
    for n in range(30):
        plan.create_item(2026, {"title": f"秋季运动会第{n + 1:02d}项筹备工作", "month": 9, "category": "活动",
                                "responsible": "陈超华", "notes": "提前一周通知各组室" if n % 2 else ""})
    plan.create_item(2026, {"title": "寒假教职工走访", "date": D(2026, 12, 28), "end_date": D(2027, 1, 3),
                            "category": "慰问", "responsible": "余欣珊"})
    return {"cancelled": march[-1], "done": done}


def test_plan_pdf_title_months_items_pages(year_plan, tmp_path, pdf):
    out = tmp_path / "plan.pdf"
    result = plan_sheet.print_plan(2026, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= 3
    assert result.items == len(plan.list_items(2026))
    first = flat(pages[0])
    assert "杭州市文澜实验学校工会委员会2026年工作计划" in first
    assert "计划期间：2026年1月—12月" in first
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        text = flat(page)
        for head in plan_sheet.HEAD:  # the header row on every page
            assert head in text, (number, head)
    assert "2026年工作计划（续）" in flat(pages[1])  # running head on continuation pages
    everything = flat(pdf.text(out))
    for m in range(1, 13):
        assert f"{m}月" in everything
    assert "9月（续）" in everything  # September runs over a page break
    assert "三八" in everything and "已完成" in everything
    assert "已关联活动1项" in everything
    assert year_plan["cancelled"].title in everything and "已取消" in everything
    assert "取消原因：与期中考试冲突" in everything
    assert "12月28日至次年1月3日" in everything
    assert "3月8日（周日）" in everything  # 三八 2026 is a Sunday
    assert "秋季运动会第01项" in everything and "秋季运动会第30项" in everything
    assert everything.index("秋季运动会第01项") < everything.index("秋季运动会第30项")
    last = flat(pages[-1])
    assert "制表人：" in last and "审核人：" in last and "日期：" in last


def test_plan_pdf_fonts(year_plan, tmp_path, pdf, truetype_installed):
    out = tmp_path / "plan.pdf"
    plan_sheet.print_plan(2026, out)
    pdf.assert_embedded_truetype(out)


def test_plan_pdf_without_truetype_uses_the_cid_font(year_plan, tmp_path, pdf, no_cjk_font):
    out = tmp_path / "plan.pdf"
    plan_sheet.print_plan(2026, out)
    pdf.assert_cid_fallback(out)
    assert all("Helvetica" not in f["base_font"] for f in pdf.fonts(out))


def test_term_and_school_year(year_plan, tmp_path, pdf):
    plan.create_item(2027, {"title": "期末工会工作总结", "month": 1, "category": "会议"})
    out = tmp_path / "autumn.pdf"
    plan_sheet.print_plan(2026, out, period=plan.autumn_term(2026))
    text = flat(pdf.text(out))
    assert "2026年秋季学期工作计划" in text and "计划期间：2026年9月—2027年1月" in text
    assert "2027年1月" in text and "期末工会工作总结" in text
    assert "三八" not in text
    assert plan_sheet.title_of(2026, plan.school_year(2026)) == "2026—2027学年工作计划"


def test_empty_plan_is_refused(school, tmp_path):
    with pytest.raises(ValidationError, match="2030年还没有计划事项"):
        plan_sheet.print_plan(2030, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_single_page_plan(school, tmp_path, pdf):
    plan.create_item(2026, {"title": "工会委员会换届", "month": 5, "category": "会议"})
    plan.create_item(2026, {"title": "未定的事", "category": "其他", "month": 6})
    out = tmp_path / "small.pdf"
    assert plan_sheet.print_plan(2026, out).pages == 1
    text = pdf.text(out)
    assert "第 1 页 共 1 页" in text and "（续）" not in text


def rows(*groups: int, height: float = 10) -> list[Row]:
    return [Row(g, [], height) for g, n in enumerate(groups) for _ in range(n)]


def test_paginate_keeps_months_together_or_splits_with_two_rows_each_side():
    # a page holds 10 rows: 6 + 3 fit, the next month (5) would leave 1 row: it moves whole
    pages = paginate(rows(6, 3, 5), 100, 100)
    assert [len(p) for p in pages] == [9, 5]
    # a month of 25 rows runs over three pages
    pages = paginate(rows(2, 25), 100, 100)
    assert [len(p) for p in pages] == [10, 10, 7]
    # never one lonely row of a month on either side of a break
    pages = paginate(rows(8, 3), 100, 100)
    assert [len(p) for p in pages] == [8, 3]
    # the signature lines would be alone on a new page: two rows go along
    pages = paginate(rows(5, 5), 100, 100, footer=20)
    assert [len(p) for p in pages] == [8, 2]
    assert sorted(i for p in pages for i in p) == list(range(10))


def test_when_and_notes_texts(school):
    item = plan.create_item(2026, {"title": "a", "month": 4})
    assert plan_sheet.when_text(item) == ""
    item = plan.create_item(2026, {"title": "b", "date": D(2026, 9, 10)})
    assert plan_sheet.when_text(item) == "9月10日（周四）"
    item = plan.create_item(2026, {"title": "c", "date": D(2026, 3, 8), "end_date": D(2026, 3, 10), "notes": "一\n二"})
    assert plan_sheet.when_text(item) == "3月8日至3月10日"
    assert plan_sheet.notes_text(item, {"activity": 2, "visit": 3}) == "一\n二\n已关联活动 2 项、走访 3 人次"
    assert plan_sheet.notes_text(item, {}) == "一\n二"
