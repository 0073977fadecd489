"""Issue 14, "Paper": the 签到表's 经办人/日期 line stays with the end of the table, "第 10 名" on one
line, the statistics PDF prints money as on screen (34,900.00), 人民币 directly before the
capitals."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from union_desk.db.models import Member, SignUp
from union_desk.domain import money
from union_desk.domain.pinyin import search_key
from union_desk.printing import activity_sheets as sheets
from union_desk.printing import stats_report
from union_desk.services import activities as act
from union_desk.services import stats, visits

START = dt.datetime(2026, 12, 20, 15, 30)
DEPARTMENTS = ("语文组", "数学组", "英语组")


@pytest.fixture
def crowd(db):
    """90 members and a helper making an activity with the first n of them signed up."""
    people = [
        Member.create(name=f"测老师{i:02d}", sex="女", birth_date=dt.date(1980, 3, 1),
                      department=DEPARTMENTS[i % 3], pinyin_key=search_key(f"测老师{i:02d}"))
        for i in range(90)
    ]

    def activity(n: int, items=({"name": "跑步"},)):
        a = act.save_activity({"title": f"健步走{n}", "start": START, "place": "操场", "status": "报名中"},
                              items=[dict(i) for i in items])
        item = a.items.get()
        for person in people[:n]:
            act.sign_up(item, person, at=START - dt.timedelta(days=5), after_deadline_ok=True)
        return a, item

    return activity


def numbered_rows(page: str) -> list[int]:
    """The 序号 of the table rows on a page (a number alone on its line)."""
    return [int(n) for n in re.findall(r"(?m)^\s*(\d{1,3})\s*$", page)]


@pytest.mark.parametrize("people", [20, 40, 41, 42, 43, 65, 66])
def test_signin_footer_never_sits_alone_on_a_page(crowd, people, tmp_path, pdf):
    """41 and 42 people (and 65, 66) once left 经办人/日期 alone on the last page."""
    activity, _item = crowd(people)
    out = tmp_path / "signin.pdf"
    sheets.print_signin(activity.id, out)
    pages = pdf.pages(out)
    last_row = people + sheets.SIGNIN_BLANK_ROWS
    with_footer = [i for i, page in enumerate(pages) if "经办人" in page]
    assert with_footer == [len(pages) - 1]
    last = pages[-1]
    assert len(numbered_rows(last)) >= sheets.END_KEEPS_ROWS  # the end of the table comes along
    assert last_row in numbered_rows(last) and "注：未报名而到场" in last
    assert last.index("注：未报名而到场") < last.index("经办人")
    for page in pages[:-1]:  # nothing of the end before the last page
        assert "注：未报名而到场" not in page


def test_signup_list_ends_with_its_table(crowd, tmp_path, pdf):
    activity, _item = crowd(41)
    out = tmp_path / "signup.pdf"
    sheets.print_signup_list(activity.id, out)
    pages = pdf.pages(out)
    assert "经办人" in pages[-1] and numbered_rows(pages[-1])
    assert sum("经办人" in page for page in pages) == 1


def test_award_rank_never_wraps(crowd, tmp_path, pdf):
    activity, item = crowd(14)
    for rank, signup in enumerate(act.signups_of(item), start=1):
        SignUp.update(rank=rank, award="一等奖" if rank == 1 else "优秀奖").where(SignUp.id == signup.id).execute()
    out = tmp_path / "awards.pdf"
    sheets.print_awards(activity.id, out)
    text = pdf.text(out)
    for rank in (1, 9, 10, 14):
        assert re.search(rf"第 ?{rank} ?名", text), rank  # on one line: no line break inside
    assert "经办人" in pdf.pages(out)[-1]


# --- 年度统计 PDF -----------------------------------------------------------------------------------


def test_stats_tables_print_money_with_separators_and_two_decimals():
    for compact in (False, True):
        assert stats_report._pdf_cell(Decimal("34900"), "money", compact) == "34,900.00"
        assert stats_report._pdf_cell(Decimal("1234.5"), "money", compact) == "1,234.50"
    assert stats_report._pdf_cell(Decimal("0"), "money", True) == ""  # a wide month table leaves 0 blank
    assert stats_report._pdf_cell(7, "int", True) == "7"


def test_stats_report_month_tables_show_money_as_on_screen(demo_db, tmp_path, pdf):
    year = dt.date.today().year
    out = tmp_path / "stats.pdf"
    stats_report.print_stats_report(year, out)
    pages = pdf.pages(out)
    _count, amount = visits.year_totals(year)
    table_pages = [p for p in pages if "慰问金金额" in p]
    assert table_pages
    text = "\n".join(table_pages)
    assert stats.format_cell(amount, "money") in text  # the 合计 of the month table: 31,400.00
    # no money without its separators and decimals (years, percentages and prose "元" aside)
    bare = re.findall(r"(?<![\d,.])\d{4,}(?![\d,.%年元])", text)
    assert not [n for n in bare if n != str(year)], bare


# --- 人民币 ---------------------------------------------------------------------------------------


def test_rmb_capital_has_no_gap():
    assert money.rmb_capital("1005.5") == "人民币壹仟零伍元伍角"
    assert money.rmb_capital(100) == "人民币壹佰元整"
    assert " " not in money.rmb_capital("14500") and "\u3000" not in money.rmb_capital("14500")


def test_printed_slip_has_no_gap_after_rmb(school, tmp_path, pdf):
    from union_desk.db.models import VisitType
    from union_desk.printing import slips

    v = visits.create_visit({"member": school.wang.id, "visit_type": VisitType.get(VisitType.name == "生病住院").id,
                             "date": dt.date(2026, 3, 2), "cash": "1005.5", "over_cap_reason": "住院手术",
                             "handler": "陈超华"})
    out = tmp_path / "slip.pdf"
    slips.print_visit_slip(v.id, out)
    assert "人民币壹仟零伍元伍角" in pdf.text(out)
