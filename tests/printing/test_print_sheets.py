"""慰问金发放签收表 and 困难职工档案表, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from union_desk.db.models import HardshipFile, HardshipReview, Member, Relative, Visit, VisitType
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import sheets
from union_desk.services import hardship, visits

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


@pytest.fixture
def thirty(school):
    """30 members given 春节送温暖 in one batch (500 each)."""
    ids = [school.wang.id, school.li.id]
    for i, surname in enumerate(SURNAMES[: 28]):
        ids.append(Member.create(name=f"{surname}老师{i:02d}", department=("语文组", "数学组", "英语组")[i % 3]).id)
    created = visits.batch_visits(ids, vtype("春节送温暖").id, 500, dt.date(2026, 1, 20), reason="春节前走访慰问")
    return created


def test_signoff_two_pages_header_repeated_numbers_and_total(thirty, tmp_path, pdf):
    voided = thirty[5]
    visits.void_visit(voided, "重复登记")
    out = tmp_path / "signoff.pdf"
    result = sheets.print_signoff(thirty, out, title_suffix="（2026年 春节送温暖）")
    assert result.items == 29
    pages = pdf.pages(out)
    assert result.pages == len(pages) == 2
    flat = [re.sub(r"\s+", "", p) for p in pages]
    assert "第 1 页 共 2 页" in pages[0] and "第 2 页 共 2 页" in pages[1]
    for page in flat:  # the header row is on every page
        for head in ("序号", "姓名", "部门", "事由", "慰问类别", "金额（元）", "签名"):
            assert head in page, head
    assert "慰问金发放签收表" in flat[0] and "杭州市文澜实验学校工会委员会" in flat[0]
    assert "（2026年春节送温暖）" in flat[0]
    everything = "".join(flat)
    assert voided.member.name not in everything  # voided visits are left out
    assert "29人次" in everything
    assert "14,500.00" in everything  # 29 × 500
    assert "人民币壹万肆仟伍佰元整" in everything
    assert "经办人：" in flat[-1] and "工会主席：" in flat[-1] and "日期：" in flat[-1]


def test_signoff_fonts(thirty, tmp_path, pdf, truetype_installed):
    out = tmp_path / "signoff.pdf"
    sheets.print_signoff(thirty, out)
    pdf.assert_embedded_truetype(out)


def test_signoff_fonts_without_truetype(thirty, tmp_path, pdf, no_cjk_font):
    out = tmp_path / "signoff.pdf"
    sheets.print_signoff(thirty[:3], out)
    pdf.assert_cid_fallback(out)


def test_signoff_for_year_and_type(thirty, school, tmp_path, pdf):
    visits.create_visit({"member": school.wang.id, "visit_type": vtype("生日").id, "date": dt.date(2026, 5, 1)})
    visits.create_visit({"member": school.li.id, "visit_type": vtype("生日").id, "date": dt.date(2025, 5, 1)})
    out = tmp_path / "birthday.pdf"
    result = sheets.print_signoff_for_year(2026, "生日", path=out)
    assert result.items == 1
    text = re.sub(r"\s+", "", pdf.text(out))
    assert "（2026年度生日）" in text and "王芳" in text and "李强" not in text
    assert "人民币贰佰元整" in text

    result = sheets.print_signoff_for_year(2026, path=tmp_path / "all.pdf")
    assert result.items == 31

    with pytest.raises(NotFoundError):
        sheets.print_signoff_for_year(2026, "没有这个类别", path=tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        sheets.print_signoff_for_year(2019, path=tmp_path / "x.pdf")


def test_signoff_refuses_an_empty_list(school, tmp_path):
    with pytest.raises(ValidationError):
        sheets.print_signoff([], tmp_path / "x.pdf")


def test_hardship_file_sheet(school, tmp_path, pdf):
    Relative.create(member=school.wang, name="张伟", relation="配偶", health="尿毒症", work_or_school="待业")
    Relative.create(member=school.wang, name="张小雨", relation="子女", birth_date=dt.date(2015, 6, 1), work_or_school="文澜小学")
    file = hardship.open_file(school.wang, {
        "grade": "深度困难", "main_cause": "大病/重病", "secondary_causes": "子女就学,配偶下岗/失业",
        "household_size": 3, "monthly_income": "2400", "housing": "租房",
        "description": "配偶患尿毒症长期透析，医疗费用负担重。", "found_date": dt.date(2025, 9, 1), "found_how": "走访",
    })
    hardship.add_assistance(file, {"date": dt.date(2025, 12, 1), "kind": "医疗救助", "cash": "3000", "handler": "陈超华"})
    hardship.add_assistance(file, {"date": dt.date(2026, 1, 15), "kind": "生活救助", "cash": "1005.5",
                                   "goods": "米、油", "goods_value": "200"})
    wrong = hardship.add_assistance(file, {"date": dt.date(2026, 1, 16), "kind": "生活救助", "cash": "9999"})
    hardship.void_assistance(wrong, "重复录入")
    # (written directly: hardship.review_file passes `note` to audit.create, which takes it as the audit note)
    HardshipReview.create(file=file, date=dt.date(2026, 9, 1), note="仍属困难，继续帮扶", reviewer="余欣珊")

    out = tmp_path / "file.pdf"
    result = sheets.print_hardship_files([file.id], out)
    assert result.pages == 1
    text = re.sub(r"\s+", "", pdf.text(out))
    for expected in (
        "困难职工档案表", "王芳", "语文组", "深度困难", "大病/重病", "子女就学、配偶下岗/失业", "3人", "￥2,400.00",
        "￥800.00", "租房", "配偶患尿毒症长期透析", "走访", "张伟", "配偶", "尿毒症", "张小雨", "文澜小学",
        "2026-09-01", "仍属困难，继续帮扶", "医疗救助", "3,000.00", "1,005.50", "米、油", "生活救助（已作废）",
        "2次", "4,005.50", "4,205.50", "人民币（大写）肆仟贰佰零伍元伍角", "填表人：", "工会主席：", "第1页共1页",
    ):
        assert expected in text, expected
    assert school.wang.id_number not in text
    assert not [f for f in pdf.fonts(out) if "Helvetica" in f["base_font"]]


def test_hardship_files_one_after_another(demo_db, tmp_path, pdf, truetype_installed):
    ids = [f.id for f in HardshipFile.select()]
    assert ids
    out = tmp_path / "files.pdf"
    result = sheets.print_hardship_files(ids, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= len(ids)
    assert sum("困难职工档案表" in p for p in pages) >= len(ids)
    for f in HardshipFile.select():
        assert f.member.name in "".join(pages)
        total = sum((a.cash + a.goods_value for a in f.assistance if not a.voided), Decimal("0.00"))
        assert f"{total:,.2f}" in "".join(pages)
    pdf.assert_embedded_truetype(out)


def test_hardship_unknown_file(school, tmp_path):
    with pytest.raises(NotFoundError):
        sheets.print_hardship_files([12345], tmp_path / "x.pdf")


def test_demo_school_signoff(demo_db, tmp_path, pdf):
    year = max(v.date.year for v in Visit.select())
    result = sheets.print_signoff_for_year(year, path=tmp_path / "year.pdf")
    pages = pdf.pages(tmp_path / "year.pdf")
    assert len(pages) == result.pages
    assert f"第 {result.pages} 页 共 {result.pages} 页" in pages[-1]
    if result.pages > 1:
        assert "序号" in pages[1] and "签名" in pages[1]
