"""年度统计报告 (PDF): read back with pypdf — the paragraph, the figures, the page numbers, the fonts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from union_desk.db.models import Member, Visit, VisitType
from union_desk.errors import ValidationError
from union_desk.printing import stats_report
from union_desk.services import plan, settings, stats

TODAY = dt.date.today()


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def demo_report(demo_db, tmp_path):
    settings.save({"school_name": "文澜实验学校", "union_name": "文澜实验学校工会委员会", "chair": "余欣珊"})
    figures = stats.year_stats(TODAY.year)
    out = tmp_path / "统计报告.pdf"
    printed = stats_report.print_stats_report(TODAY.year, out)
    return figures, printed, out


def test_report_holds_the_paragraph_and_the_figures(demo_report, pdf):
    figures, printed, out = demo_report
    pages = pdf.pages(out)
    assert printed.path == out and printed.pages == len(pages) >= 3
    text = pdf.flat(out)
    assert flat(stats.key_paragraph(figures)) in text
    assert f"{TODAY.year}年工会工作统计报告" in text
    assert "文澜实验学校工会委员会" in text
    for heading in ("一、会员情况", "二、会籍与会费", "三、走访慰问", "四、困难职工帮扶", "五、活动开展", "六、工作计划完成情况"):
        assert heading in text
    for i, page in enumerate(pages, start=1):
        assert f"第 {i} 页 共 {len(pages)} 页" in page
    # figures of the tables: each visit type with its total, each activity, the plan total
    for t in figures.visits.by_type:
        assert t.name in text
    for row in figures.activities.rows:
        assert row.title in text
    m = figures.members
    assert f"在职{m.by_status['在职']}{m.by_status['在职'] / sum(m.by_status.values()) * 100:.1f}%" in text
    assert f"合计{figures.plan.total.total}{figures.plan.total.done}{figures.plan.total.cancelled}" in text
    assert "制表人：余欣珊" in text


def test_report_fonts_are_never_helvetica(demo_report, pdf, truetype_installed):
    _figures, _printed, out = demo_report
    used = pdf.fonts(out)
    assert used
    assert not any("Helvetica" in f["base_font"] for f in used), used
    pdf.assert_embedded_truetype(out)


def test_report_falls_back_to_the_cid_font(db, tmp_path, pdf, no_cjk_font):
    out = tmp_path / "cid.pdf"
    stats_report.print_stats_report(2026, out)
    pdf.assert_cid_fallback(out)


def test_an_empty_year_prints_and_says_so(db, tmp_path, pdf):
    out = tmp_path / "empty.pdf"
    printed = stats_report.print_stats_report(2026, out)
    text = pdf.flat(out)
    assert printed.pages >= 1
    assert "本期无数据" in text
    assert "2026年，工会共有会员0人" in text


def test_school_year_title_and_months(db, tmp_path, pdf):
    member = Member.create(name="王芳", sex="女", birth_date=dt.date(1980, 5, 1), department="语文组")
    kind = VisitType.get(VisitType.name == "春节送温暖")
    Visit.create(serial="T1", date=dt.date(2026, 2, 3), member=member, visit_type=kind, cash=500)
    Visit.create(serial="T2", date=dt.date(2026, 9, 3), member=member, visit_type=kind, cash=700)  # next 学年
    out = tmp_path / "sy.pdf"
    stats_report.print_stats_report(plan.school_year(2025), out)
    text = pdf.flat(out)
    assert "2025—2026学年工会工作统计报告" in text
    assert "统计期间：2025年9月1日至2026年8月31日" in text
    assert "发放慰问金500元" in text
    assert "700" not in text


def test_many_departments_are_charted_as_the_largest(db, tmp_path, pdf):
    for i in range(40):
        Member.create(name=f"会员{i}", sex="女", birth_date=dt.date(1980, 1, 1), department=f"第{i % 20:02d}组")
    out = tmp_path / "depts.pdf"
    stats_report.print_stats_report(2026, out)
    text = pdf.flat(out)
    assert "第19组" in text  # every department in the table
    assert "其他部门" in text  # the chart sums the rest


def test_refuses_a_non_pdf_name(db, tmp_path):
    with pytest.raises(ValidationError):
        stats_report.print_stats_report(2026, tmp_path / "report.docx")
    assert not (tmp_path / "report.docx").exists()
