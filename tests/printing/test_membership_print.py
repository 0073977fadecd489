"""Printouts of 会籍与会费 (issue 20): 入会申请书, 工会会员登记表, 介绍信, 会费收缴登记表, 会费收据."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass

import pytest

from union_desk.domain.idcard import make_id
from union_desk.errors import NotFoundError, ValidationError

UNION = "杭州市文澜实验学校工会委员会"


def pdf_text(path) -> str:
    """The PDF's text as pdftotext reads it, all whitespace removed (layout splits lines)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out)


def pdf_pages(path) -> list[str]:
    from pypdf import PdfReader

    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(path)).pages]


def font_sizes(path) -> set[float]:
    """The printed size (pt) of every piece of text in the PDF (as test_funds_print.font_sizes)."""
    from pypdf import PdfReader

    found: set[float] = set()
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            c_, d_ = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.add(round(size * (c_ * c_ + d_ * d_) ** 0.5, 2))

        page.extract_text(visitor_text=visit)
    assert found, "no text found"
    return found


def assert_readable(path) -> None:
    assert min(font_sizes(path)) >= 9


@dataclass
class Archive:
    wang: object  # 王芳: 入会 2003 with card 33010620030012, 转出 2026-11-20, cash dues Jan–Oct 2026
    staff: object  # 赵小明, a contract teacher not in the union
    payment: object  # 王芳's cash payment for 2026-10 (31.15)
    transfer: object  # the 转出 event


@pytest.fixture
def archive(db):
    from union_desk.db.models import Member
    from union_desk.services import dues, members, membership, settings

    settings.save({"school_name": "杭州市文澜实验学校", "union_name": UNION, "chair": "余欣珊"})
    wang = members.create_member({
        "name": "王芳", "sex": "女", "birth_date": "1980-05-01", "department": "语文组", "ethnicity": "回族",
        "id_number": make_id("330106", dt.date(1980, 5, 1), 123, "女"), "work_start_date": "2003-08-01",
        "political_status": "中共党员", "education": "本科", "post": "教研组长", "title": "高级教师",
        "phone": "13805710001", "union_group": "语文组"})
    membership.add_event(wang, {"kind": "入会", "date": "2003-09-10", "application_date": "2003-09-01",
                                "approval_date": "2003-09-10", "card_number": "33010620030012", "handler": "陈超华"})
    dues.set_base(wang, "6234.56", "2026-01-01")  # 6,230 counted × 0.5% = 31.15 a month
    payment = None
    for month in range(1, 11):
        payment = dues.record_payment(wang, {"period": f"2026-{month:02d}", "amount": "31.15",
                                             "date": f"2026-{month:02d}-10", "method": "现金", "collector": "陈超华"})
    transfer = membership.add_event(wang, {"kind": "转出", "date": "2026-11-20", "handler": "陈超华",
                                           "other_union": "杭州市西湖区文新小学工会委员会"})
    staff = membership.save_staff({"name": "赵小明", "sex": "男", "department": "数学组", "employment_type": "合同",
                                   "start_date": "2025-08-20", "phone": "13900000000", "post": "教师"})
    return Archive(Member.get_by_id(wang.id), staff, payment, transfer)


# --- 入会申请书 ---------------------------------------------------------------------------------------


def test_join_form_of_a_member(archive, tmp_path):
    from union_desk.printing.membership import JOIN_SENTENCE, print_join_form

    out = print_join_form(str(archive.wang.id), tmp_path / "join.pdf")
    assert out.pages == 1 and out.path.exists()
    text = pdf_text(out.path)
    assert "入会申请书" in text and UNION in text
    for value in ("王芳", "1980年5月", "回族", "中共党员", "本科", archive.wang.id_number, "13805710001", "语文组",
                  "教研组长", "高级教师", "2003年8月", "照片"):
        assert value in text, value
    assert JOIN_SENTENCE in text
    assert "本人自愿加入中华全国总工会" in text and "遵守工会章程" in text and "按期缴纳会费" in text
    assert "申请人签名：" in text and "日期：2003年9月1日" in text  # the application date from the 入会 event
    assert "工会小组意见" in text and "工会小组长签名：" in text
    assert "基层工会" in text and "审批意见" in text
    assert "批准日期：2003年9月10日" in text and "会员证号：33010620030012" in text
    assert "（盖章）" in text
    assert_readable(out.path)


def test_join_form_of_staff_not_in_the_union(archive, tmp_path):
    from union_desk.printing.membership import print_join_form
    from union_desk.services import membership

    out = print_join_form(None, tmp_path / "staff.pdf", staff_id=str(archive.staff.id))
    assert out.pages == 1
    text = pdf_text(out.path)
    for value in ("赵小明", "男", "数学组", "合同", "教师", "13900000000", "入职时间", "2025年8月"):
        assert value in text, value
    assert "批准日期：会员证号：" in text  # blank, to fill in by hand
    assert "王芳" not in text
    assert_readable(out.path)
    # once joined, the staff record prints its member (the archive's details)
    joined = membership.join_from_staff(archive.staff, {"date": "2026-12-01", "application_date": "2026-11-20",
                                                        "card_number": "33010620260001"})
    text = pdf_text(print_join_form(None, tmp_path / "joined.pdf", staff_id=archive.staff.id).path)
    assert joined.name in text and "会员证号：33010620260001" in text


def test_join_form_refusals(archive, tmp_path):
    from union_desk.printing.membership import print_join_form

    with pytest.raises(NotFoundError, match="找不到"):
        print_join_form("99999", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError, match="找不到"):
        print_join_form("abc", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError, match="找不到"):
        print_join_form(None, tmp_path / "x.pdf", staff_id=99999)
    with pytest.raises(ValidationError, match="请指定"):
        print_join_form(None, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# --- 工会会员登记表 -----------------------------------------------------------------------------------


def test_member_register(archive, tmp_path):
    from union_desk.printing.membership import print_member_register

    out = print_member_register(archive.wang.id, tmp_path / "reg.pdf")
    assert out.pages == 1
    text = pdf_text(out.path)
    assert "工会会员登记表" in text and UNION in text
    assert archive.wang.id_number in text  # in full: the union's own register
    for value in ("王芳", "女", "回族", "1980年5月1日", "中共党员", "本科", "语文组", "教研组长", "高级教师", "在编",
                  "13805710001", "2003年8月1日", "2003年9月10日", "33010620030012", "调出（2026年11月20日）"):
        assert value in text, value
    assert "会籍变动记录" in text
    assert "2003-09-10入会" in text and "会员证号33010620030012" in text
    assert f"2026-11-20转出杭州市西湖区文新小学工会委员会{archive.transfer.letter_number}" in text
    assert "填表人：" in text and "审核人：" in text and f"{UNION}（盖章）" in text
    assert_readable(out.path)


def test_long_history_stays_on_one_page(archive, tmp_path):
    from union_desk.printing.membership import print_member_register
    from union_desk.services import members, membership

    li = members.create_member({"name": "李强", "sex": "男", "birth_date": "1975-03-02", "department": "数学组",
                                "joined_union_date": "2000-09-01"})
    day = dt.date(2001, 1, 1)
    for n in range(30):
        kind = "保留会籍" if n % 2 == 0 else "恢复"
        membership.add_event(li, {"kind": kind, "date": day + dt.timedelta(days=60 * n), "reason": "待岗" if kind == "保留会籍" else ""})
    out = print_member_register(li.id, tmp_path / "long.pdf")
    assert out.pages == 1
    text = pdf_text(out.path)
    events = membership.events_of(li, include_voided=False)
    assert len(events) == 31
    left_out = int(re.search(r"另有(\d+)条较早的记录，见会籍变动台账", text).group(1))
    assert 10 <= left_out < 31
    shown = events[left_out:]
    assert f"{shown[0].date:%Y-%m-%d}{shown[0].kind}" in text and f"{shown[-1].date:%Y-%m-%d}{shown[-1].kind}" in text
    assert f"{events[left_out - 1].date:%Y-%m-%d}" not in text  # the earlier ones are left out
    assert_readable(out.path)


def test_member_register_refusals(db, tmp_path):
    from union_desk.printing.membership import print_member_register

    with pytest.raises(NotFoundError):
        print_member_register(12345, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        print_member_register("一", tmp_path / "x.pdf")


# --- 介绍信 -----------------------------------------------------------------------------------------


def test_transfer_letter(archive, tmp_path):
    from pypdf import PdfReader

    from union_desk.printing.membership import print_transfer_letter

    number = archive.transfer.letter_number
    assert re.fullmatch(r"JS2026-\d{3}", number)
    out = print_transfer_letter(str(archive.wang.id), tmp_path / "letter.pdf")
    assert out.pages == 1
    box = PdfReader(str(out.path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    text = pdf_text(out.path)
    assert "工会会员组织关系介绍信（存根）" in text and "沿此虚线裁开" in text
    assert text.count(number) == 3  # the 存根, the letter, and across the cut (骑缝编号)
    assert f"第{number}号" in text
    # the 存根 (before the cut) and the letter (after it) both carry the facts
    stub, letter = text.split("沿此虚线裁开")
    for part in (stub, letter):
        for value in ("王芳", "女", "46", archive.wang.id_number, "33010620030012", "2003年9月10日",
                      "杭州市西湖区文新小学工会委员会", "2026年10月", "2026年11月20日", f"{UNION}（盖章）"):
            assert value in part, value
    assert "会费已缴至2026年10月" in letter and "请予接转" in letter
    assert "经办人：陈超华" in stub
    assert_readable(out.path)


def test_transfer_letter_refusals(archive, tmp_path):
    from union_desk.printing.membership import print_transfer_letter
    from union_desk.services import members

    li = members.create_member({"name": "李强", "sex": "男", "birth_date": "1975-03-02", "joined_union_date": "2000-09-01"})
    with pytest.raises(ValidationError, match="李强没有转出记录"):
        print_transfer_letter(li.id, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        print_transfer_letter("404", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_letter_of_a_member_with_no_dues_leaves_blanks(archive, tmp_path):
    from union_desk.printing.membership import print_transfer_letter
    from union_desk.services import members, membership

    li = members.create_member({"name": "李强", "sex": "男", "birth_date": "1975-03-02", "joined_union_date": "2000-09-01"})
    event = membership.add_event(li, {"kind": "转出", "date": "2026-12-01", "other_union": "上城区教育工会"})
    text = pdf_text(print_transfer_letter(li.id, tmp_path / "li.pdf").path)
    assert event.letter_number != archive.transfer.letter_number
    assert text.count(event.letter_number) == 3
    assert "李强" in text and "51岁" in text and "会费已缴至。" in text  # nothing paid: a blank to write in


# --- 会费收缴登记表 -----------------------------------------------------------------------------------


@pytest.fixture
def sixty(archive):
    """62 more members in four departments: most with a base, some exempt, some without a base, a
    third paid for 2026-03 by payroll deduction."""
    from union_desk.services import dues, members

    departments = ["语文组", "数学组", "英语组", "行政办公室"]
    made = []
    for i in range(62):
        born = dt.date(1966 + i % 30, 1 + i % 12, 1 + i % 27)
        sex = "男" if i % 2 else "女"
        member = members.create_member({
            "name": f"教师{i + 1:02d}", "sex": sex, "birth_date": born.isoformat(), "department": departments[i % 4],
            "id_number": make_id("330102", born, 300 + i, sex), "joined_union_date": "2010-09-01"})
        if i % 10 != 9:
            dues.set_base(member, str(4000 + 50 * i), "2026-01-01")
        if i % 10 == 4:
            dues.add_exemption(member, "2026-01-01", None, "长期病休")
        if i % 3 == 0 and i % 10 not in (4, 9):
            row = dues.owed_for(member, "2026-03")
            dues.record_payment(member, {"period": "2026-03", "amount": str(row.owed), "date": "2026-03-15",
                                         "method": "工资代扣", "collector": "陈超华"})
        made.append(member)
    return made


def test_dues_sheet_of_sixty_members(sixty, tmp_path):
    from union_desk.printing.funds import capitals_text, money_text
    from union_desk.printing.membership import print_dues_sheet
    from union_desk.services import dues

    rows = dues.dues_rows("2026-03")
    assert len(rows) == 63  # 62 + 王芳
    total = dues.totals(rows)
    out = print_dues_sheet("2026-03", tmp_path / "sheet.pdf")
    assert out.pages >= 2 and out.items == 63
    pages = pdf_pages(out.path)
    assert len(pages) == out.pages
    for page in pages:  # the header row repeats on every page
        assert "序号姓名部门缴费基数应缴实缴签名备注" in page
    assert "2026年3月会费收缴登记表（续）" in pages[1]
    text = pdf_text(out.path)
    assert "2026年3月会费收缴登记表" in text and UNION in text
    assert "收缴期间：2026年3月1日至2026年3月31日" in text
    for member in sixty:
        assert member.name in text
    first = rows[0]
    assert f"1{first.member.name}{first.member.department}" in text
    # 王芳: base 6,234.56, owes 31.15, paid 31.15
    assert "王芳语文组6,234.5631.1531.15" in text
    assert "免缴：长期病休" in text and "未设缴费基数" in text
    assert f"合计63人{money_text(total.owed)}{money_text(total.paid)}" in text
    assert f"实缴金额（大写）：{capitals_text(total.paid)}" in text
    assert total.rate is not None and f"收缴率（实缴÷应缴）：{total.rate}%" in text
    assert f"免缴{total.exempt}人" in text and f"未缴足{total.unpaid}人" in text
    assert "收款人：" in text and "审核人：" in text and "日期：" in text
    # the end (totals note, signatures) is on the last page, after the last row
    assert "收款人：" in pages[-1] and "收款人：" not in pages[0]
    assert_readable(out.path)


def test_dues_sheet_figures(archive, tmp_path):
    """Only 王芳 (paid 31.15 of 31.15): the total in capitals is 人民币叁拾壹元壹角伍分, 100%."""
    from union_desk.printing.membership import print_dues_sheet

    out = print_dues_sheet("2026年3月", tmp_path / "one.pdf")
    assert out.pages == 1
    text = pdf_text(out.path)
    assert "合计1人31.1531.15" in text
    assert "实缴金额（大写）：人民币叁拾壹元壹角伍分" in text
    assert "收缴率（实缴÷应缴）：100.0%" in text
    assert "应缴＝缴费基数（不足十元部分不计）×0.5%×1个月，精确到分" in text


def test_dues_sheet_of_a_quarter_and_refusals(archive, tmp_path):
    from union_desk.printing.membership import print_dues_sheet

    text = pdf_text(print_dues_sheet("2026-Q1", tmp_path / "q.pdf").path)
    assert "2026年第1季度会费收缴登记表" in text and "×3个月" in text
    assert "王芳语文组6,234.5693.45" in text  # 6,230 × 0.5% × 3; the monthly payments do not pay a quarter
    with pytest.raises(ValidationError, match="期间"):
        print_dues_sheet("2026-13", tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        print_dues_sheet("2026-03", tmp_path / "x.txt")


def test_empty_dues_sheet(db, tmp_path):
    from union_desk.printing.membership import print_dues_sheet

    text = pdf_text(print_dues_sheet("2027-H1", tmp_path / "e.pdf").path)
    assert "本期没有应缴会费的会员" in text and "人民币零元整" in text and "收缴率（实缴÷应缴）：—" in text


# --- 会费收据 ------------------------------------------------------------------------------------------


def test_dues_receipt_two_copies(archive, tmp_path):
    from union_desk.printing.membership import print_dues_receipt

    receipt = archive.payment.receipt
    assert receipt == "HF2026-010"
    out = print_dues_receipt(str(archive.payment.id), tmp_path / "r.pdf")
    assert out.pages == 1
    text = pdf_text(out.path)
    assert text.count(f"No.{receipt}") == 3  # each copy, and across the cut
    stub, slip = text.split("沿此虚线裁开")
    for part in (stub, slip):
        for value in ("会费收据", UNION, "王芳", "语文组", "2026年10月会费", "现金", "￥31.15", "人民币叁拾壹元壹角伍分",
                      "缴费日期：2026年10月10日", "收款人：陈超华", f"收款单位：{UNION}（盖章）"):
            assert value in part, value
    assert "第一联存根" in stub and "缴费人签字：" in stub
    assert "第二联收据" in slip and "交缴费人" in slip and "缴费人签字" not in slip
    assert_readable(out.path)


def test_dues_receipt_refusals(archive, tmp_path):
    from union_desk.printing.membership import print_dues_receipt
    from union_desk.services import dues

    payroll = dues.record_payment(archive.wang, {"period": "2026-11", "amount": "31.15", "date": "2026-11-10",
                                                 "method": "工资代扣"})
    assert payroll.receipt is None
    with pytest.raises(ValidationError, match="只有现金缴费才打印收据"):
        print_dues_receipt(payroll.id, tmp_path / "x.pdf")
    dues.void_payment(archive.payment, "重复登记")
    with pytest.raises(ValidationError, match="已作废"):
        print_dues_receipt(archive.payment.id, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        print_dues_receipt("99999", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        print_dues_receipt("HF2026-001", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
