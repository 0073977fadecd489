"""会费收缴台账 and 会籍变动台账 (issue 20): cells, header styles and number formats of the export,
the totals block (应缴合计, 实缴合计, 收缴率 = 实缴 ÷ 应缴), voided events struck through; the way
back into an EMPTY database (roster first, then these two ledgers) reproducing wage bases,
payments (batches: one funds entry each), exemptions and membership events; twice changes
nothing; bad rows reported with their row numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from ledger_checks import data_rows, export_for, header_map, switch_to_empty
from union_desk import areas
from union_desk.db.fund_models import FundLink
from union_desk.db.membership_models import DuesExemption, DuesPayment, MembershipEvent, WageBase
from union_desk.db.models import Member
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.records import apply_ledger, import_ledger, preview_ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import dues, members, membership

YEAR = 2026
PERIOD = LedgerPeriod.year(YEAR)
D = Decimal
LEDGERS = ("union_desk.ledgers.membership_ledger:DUES_LEDGER", "union_desk.ledgers.membership_ledger:MEMBERSHIP_LEDGER")
DUES_HEADERS = ["序号", "期间", "姓名", "部门", "缴费基数", "基数起算日期", "应缴", "实缴", "缴费日期", "缴费方式",
                "收款人", "免缴原因", "备注"]
EVENT_HEADERS = ["序号", "日期", "姓名", "部门", "变动类型", "原因", "申请日期", "批准日期", "会员证号", "对方工会",
                 "介绍信编号", "经办人", "备注"]


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """The area's registration lists these ledgers (union_desk/areas/membership.py); while it is
    being assembled it may not yet: then they are added for the test."""
    area = areas.get("membership")
    if not area.ledgers:
        monkeypatch.setitem(areas._load(), "membership", dataclasses.replace(area, ledgers=LEDGERS))


def make_book() -> dict:
    """Four members: 张三 (ID) pays by a payroll batch in Jan–Feb and cash in March; 李四 (no ID) is
    exempt April–June (长期病休) and transfers out in October; 王五 keeps membership on retiring
    in July; 赵六 has a wrong 退会 voided and no base (未设缴费基数)."""
    zhang = members.create_member({"name": "张三", "sex": "男", "id_number": "110101198001010010", "department": "语文组",
                                   "joined_union_date": "2010-09-01"})
    li = members.create_member({"name": "李四", "sex": "女", "department": "数学组", "joined_union_date": "2012-09-01"})
    wang = members.create_member({"name": "王五", "sex": "男", "department": "数学组", "joined_union_date": "1995-09-01",
                                  "birth_date": "1966-07-01"})
    zhao = members.create_member({"name": "赵六", "sex": "女", "department": "英语组", "joined_union_date": "2020-09-01"})
    dues.set_base(zhang, "5234.5", "2026-01-01")
    dues.set_base(zhang, "6000", "2026-03-01")
    dues.set_base(li, "8000", "2025-07-01")
    dues.set_base(wang, "9000", "2026-01-01")
    for month in ("2026-01", "2026-02"):
        values, _ = dues.check_payment(zhang, {"period": month, "amount": "26.15", "date": f"{month}-25"})
        values2, _ = dues.check_payment(li, {"period": month, "amount": "40.00", "date": f"{month}-25"})
        dues.record_payments([values, values2], f"{month}·批次")
    dues.record_payment(zhang, {"period": "2026-03", "amount": "30.00", "date": "2026-03-20", "method": "现金",
                                "collector": "钱七", "note": "补交"})
    dues.add_exemption(li, "2026-04-01", "2026-06-30", "长期病休")
    membership.add_event(li, {"kind": "转出", "date": "2026-10-01", "other_union": "实验中学工会", "handler": "钱七",
                              "note": "调动"})
    membership.add_event(wang, {"kind": "保留会籍", "date": "2026-07-01", "reason": "退休", "handler": "钱七"})
    wrong = membership.add_event(zhao, {"kind": "退会", "date": "2026-05-01", "note": "误录"})
    membership.void_event(wrong, "录错人")
    return {"zhang": zhang, "li": li, "wang": wang, "zhao": zhao, "wrong": wrong}


def _export(kind: str, folder, **more):
    return export_for(kind, PERIOD, folder, today=dt.date(2026, 12, 1), **more)


def _dir(parent, name: str):
    folder = parent / name
    folder.mkdir()
    return folder


def _who(member_id: int) -> str:
    m = Member.get_by_id(member_id)
    return m.id_number or f"{m.name}/{m.department}"


def snapshot() -> dict:
    return {
        "bases": sorted((_who(b.member_id), b.effective, b.amount) for b in WageBase.select()),
        "payments": sorted((_who(p.member_id), p.period, p.amount, p.date, p.method, p.collector, p.batch, p.note, p.voided)
                           for p in DuesPayment.select()),
        "exemptions": sorted((_who(e.member_id), e.start, e.end, e.reason) for e in DuesExemption.select()),
        "events": sorted((_who(e.member_id), e.date, e.kind, e.reason, e.application_date, e.approval_date, e.card_number,
                          e.other_union, e.letter_number, e.handler, e.note, e.voided, e.void_reason)
                         for e in MembershipEvent.select().where(MembershipEvent.date.between(PERIOD.first, PERIOD.last))),
        "statuses": sorted((_who(m.id), m.status, m.status_date) for m in Member.select()),
        "dues_entries": sorted({link.entry_id for link in FundLink.select().where(FundLink.source_kind == "dues")}).__len__(),
        "dues_posted": sum((link.amount for link in FundLink.select().where(FundLink.source_kind == "dues")), D("0")),
    }


def test_dues_ledger_cells_styles_totals_and_rate(db, tmp_path):
    make_book()
    path, ws, count = _export("dues", tmp_path)
    assert ws.cell(1, 1).value == "会费收缴台账（2026年度）"
    assert list(header_map(ws))[:len(DUES_HEADERS)] == DUES_HEADERS
    assert {"身份证号", "批次"} <= set(header_map(ws))  # in the sheet, outside the print area
    assert ws.print_area.split("!")[-1].split(":")[-1].startswith("$M")
    assert int(ws.page_setup.fitToWidth) == 1 and ws.sheet_properties.pageSetUpPr.fitToPage is True
    for col in range(1, len(DUES_HEADERS) + 1):
        cell = ws.cell(3, col)
        assert cell.font.b and cell.border.bottom.style == "thin"
    rows = data_rows(ws)
    assert len(rows) == count
    h = header_map(ws)
    # 张三 January: base 5,234.50 → 5,230 counted × 0.5% = 26.15, paid by the batch
    jan = next(r for r in rows if r["期间"] == "2026年1月" and r["姓名"] == "张三")
    assert jan["身份证号"] == "110101198001010010" or "*" in jan["身份证号"]
    assert D(str(jan["缴费基数"])) == D("5234.50") and D(str(jan["应缴"])) == D("26.15") and D(str(jan["实缴"])) == D("26.15")
    assert jan["基数起算日期"].date() == dt.date(2026, 1, 1) and jan["缴费日期"].date() == dt.date(2026, 1, 25)
    assert jan["缴费方式"] == "工资代扣"
    r = jan["_row"]
    assert ws.cell(r, h["缴费基数"]).number_format == "#,##0.00" and ws.cell(r, h["应缴"]).number_format == "#,##0.00"
    assert ws.cell(r, h["基数起算日期"]).number_format == "yyyy-mm-dd"
    assert ws.cell(r, h["身份证号"]).number_format == "@"
    march = next(r for r in rows if r["期间"] == "2026年3月" and r["姓名"] == "张三")
    assert D(str(march["缴费基数"])) == D("6000") and D(str(march["应缴"])) == D("30.00")
    assert (march["缴费方式"], march["收款人"], march["备注"]) == ("现金", "钱七", "补交")
    # exemptions: 李四 April (owes nothing, the reason shown); 王五 after retiring (保留会籍)
    april = next(r for r in rows if r["期间"] == "2026年4月" and r["姓名"] == "李四")
    assert april["免缴原因"] == "长期病休" and D(str(april["应缴"])) == 0
    august = next(r for r in rows if r["期间"] == "2026年8月" and r["姓名"] == "王五")
    assert august["免缴原因"].startswith("保留会籍")
    assert not any(r["姓名"] == "李四" and r["期间"] == "2026年11月" for r in rows)  # transferred out
    no_base = next(r for r in rows if r["姓名"] == "赵六")
    assert no_base["缴费基数"] is None and no_base["备注"] == "未设缴费基数"
    # the total row and the totals block: 收缴率 = paid ÷ owed
    records = dues.dues_rows("2026-01", dt.date(2026, 12, 1))
    months = [dues.dues_rows(f"2026-{m:02d}", dt.date(2026, 12, 1)) for m in range(1, 13)]
    # a month not yet over with nothing collected is left out (it would only pull the 收缴率 down)
    months = [found for m, found in enumerate(months, start=1)
              if dues.parse_period(f"2026-{m:02d}").last < dt.date.today() or any(x.payments for x in found)]
    owed = sum((x.owed for found in months for x in found), D("0"))
    paid = D("26.15") * 2 + D("40") * 2 + D("30")
    assert records  # members owing in January
    total_row = rows[-1]["_row"] + 1
    assert ws.cell(total_row, 1).value == "合计"
    assert D(str(ws.cell(total_row, h["应缴"]).value)).quantize(D("0.01")) == owed
    assert D(str(ws.cell(total_row, h["实缴"]).value)).quantize(D("0.01")) == paid
    assert ws.cell(total_row, h["缴费基数"]).value is None
    # one summary table (one heading): a row per period, then 合计 with the overall 收缴率
    block = next(r for r in range(total_row, ws.max_row + 1) if ws.cell(r, 1).value == "收缴合计")
    heads = {ws.cell(block + 1, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(block + 1, c).value}
    assert {"期间", "人次", "应缴", "实缴", "收缴率", "未缴足人次", "免缴人次"} <= set(heads)
    labels = {ws.cell(r, 1).value: r for r in range(block + 2, ws.max_row + 1) if ws.cell(r, 1).value}
    assert "2026年1月" in labels and "2026年11月" in labels
    last = labels["合计"]
    assert D(str(ws.cell(last, heads["应缴"]).value)).quantize(D("0.01")) == owed
    assert D(str(ws.cell(last, heads["实缴"]).value)).quantize(D("0.01")) == paid
    rate = ws.cell(last, heads["收缴率"])
    assert rate.number_format == "0.0%"
    assert rate.value == pytest.approx(float((paid * 100 / owed).quantize(D("0.1"))) / 100)
    assert f"收缴率 {(paid * 100 / owed).quantize(D('0.1'))}%" in ws.cell(2, 1).value
    jan = labels["2026年1月"]
    assert ws.cell(jan, heads["人次"]).value == len(records)
    assert D(str(ws.cell(jan, heads["实缴"]).value)) == D("66.15")
    assert not any(ws.cell(r, 1).value == "按期间汇总" for r in range(block, ws.max_row + 1))


def test_membership_ledger_cells_voided_struck_and_summary(db, tmp_path):
    book = make_book()
    path, ws, count = _export("membership", tmp_path, all_columns=True, full_id=True)
    assert ws.cell(1, 1).value == "会籍变动台账（2026年度）"
    assert list(header_map(ws))[:len(EVENT_HEADERS)] == EVENT_HEADERS
    rows = data_rows(ws)
    assert count == len(rows) == 3
    assert [r["变动类型"] for r in rows] == ["退会", "保留会籍", "转出"]  # by date
    out = rows[2]
    assert (out["姓名"], out["对方工会"], out["经办人"], out["备注"]) == ("李四", "实验中学工会", "钱七", "调动")
    assert out["介绍信编号"].startswith("JS2026-")
    assert out["日期"].date() == dt.date(2026, 10, 1) and ws.cell(out["_row"], header_map(ws)["日期"]).number_format == "yyyy-mm-dd"
    voided = rows[0]
    assert voided["状态"] == "作废：录错人"
    assert ws.cell(voided["_row"], header_map(ws)["变动类型"]).font.strike
    assert not ws.cell(out["_row"], header_map(ws)["变动类型"]).font.strike
    assert "共 2 条会籍变动" in ws.cell(2, 1).value and "作废 1 条" in ws.cell(2, 1).value
    block = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "按变动类型汇总")
    count_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(block + 1, c).value == "人次")
    kinds = {ws.cell(r, 1).value: ws.cell(r, count_col).value for r in range(block + 2, ws.max_row + 1) if ws.cell(r, 1).value}
    assert kinds.get("保留会籍") == 1 and kinds.get("转出") == 1 and "退会" not in kinds
    assert book["wrong"].voided


def test_round_trip_into_an_empty_database(db, tmp_path):
    make_book()
    before = snapshot()
    assert before["dues_entries"] == 3  # two batches and the cash payment
    from ledger_checks import export_all

    paths = export_all(tmp_path, kinds=("members", "dues", "membership"))
    _, first_export, _ = _export("dues", _dir(tmp_path, "a"), all_columns=True, full_id=True)
    first_rows = [{k: v for k, v in r.items() if k != "_row"} for r in data_rows(first_export)]
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    from union_desk.imports.roster import import_roster

    assert import_roster(paths["members"]).added == 4
    dues_report = import_ledger("dues", paths["dues"])
    assert dues_report.error_rows == 0, [i.text() for i in dues_report.errors]
    events_report = import_ledger("membership", paths["membership"])
    assert events_report.error_rows == 0, [i.text() for i in events_report.errors]
    after = snapshot()
    for key in before:
        assert after[key] == before[key], key
    # the same ledger comes out of the new database
    _, again, _ = _export("dues", _dir(tmp_path, "b"), all_columns=True, full_id=True)
    assert [{k: v for k, v in r.items() if k != "_row"} for r in data_rows(again)] == first_rows
    # twice changes nothing
    second = import_ledger("dues", paths["dues"])
    assert (second.added, second.updated, second.error_rows) == (0, 0, 0) and second.unchanged > 0
    second = import_ledger("membership", paths["membership"])
    assert (second.added, second.updated, second.error_rows) == (0, 0, 0) and second.unchanged == 3
    assert snapshot() == before


def test_payroll_batch_and_roster_events_matched_not_doubled(db, tmp_path):
    """The roster import made the 转出 and 保留会籍 events from the members' statuses: the ledger
    rows update them (对方工会, 介绍信编号, 经办人), they are not added a second time."""
    make_book()
    paths = {k: _export(k, tmp_path, all_columns=True, full_id=True)[0] for k in ("dues", "membership")}
    from ledger_checks import export_all

    roster = export_all(_dir(tmp_path, "r"), kinds=("members",))["members"]
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    from union_desk.imports.roster import import_roster

    import_roster(roster)
    preview = preview_ledger("membership", paths["membership"])
    actions = {r.values["kind"]: r.action for r in preview.rows}
    assert actions == {"退会": NEW, "保留会籍": UPDATE, "转出": UPDATE}
    out = next(r for r in preview.rows if r.values["kind"] == "转出")
    assert out.changes["other_union"][1] == "实验中学工会"
    apply_ledger(preview)
    assert MembershipEvent.select().where(MembershipEvent.kind == "转出").count() == 1
    li = Member.get(Member.name == "李四")
    assert li.status == "调出"
    zhao = Member.get(Member.name == "赵六")
    assert zhao.status == "在职"  # the 退会 came back voided


def test_bad_rows_reported_with_row_numbers(db, tmp_path):
    make_book()
    path, ws, _ = _export("dues", tmp_path, all_columns=True, full_id=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    h = header_map(ws)
    ws.cell(4, h["姓名"]).value = "不存在的人"
    ws.cell(4, h["身份证号"]).value = None
    ws.cell(5, h["期间"]).value = "2026-13"
    ws.cell(6, h["缴费基数"]).value = "-100"
    ws.cell(7, h["缴费基数"]).value = 2_000_000
    wb.save(path)
    preview = preview_ledger("dues", path)
    rows = {r.row: r for r in preview.rows}
    assert rows[4].action == ERROR and "找不到会员“不存在的人”" in rows[4].errors[0].message
    assert rows[5].action == ERROR and "期间" in rows[5].errors[0].column
    assert rows[6].action == ERROR and rows[6].errors[0].column == "缴费基数"
    assert rows[7].action == ERROR and "不合常理" in rows[7].errors[0].message
    assert all(r.action == SAME for n, r in rows.items() if n > 7)

    path, _, _ = _export("membership", _dir(tmp_path, "m"), all_columns=True, full_id=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    h = header_map(ws)
    ws.cell(4, h["变动类型"]).value = "跳槽"
    ws.cell(5, h["姓名"]).value = "钱八"
    ws.cell(6, h["对方工会"]).value = None
    wb.save(path)
    preview = preview_ledger("membership", path)
    rows = {r.row: r for r in preview.rows}
    assert rows[4].action == ERROR and "变动类型应为" in rows[4].errors[0].message
    assert rows[5].action == ERROR and "钱八" in rows[5].errors[0].message
    assert rows[6].action == ERROR and "对方工会" in rows[6].errors[0].message


def test_paid_differently_is_a_warning_and_left_alone(db, tmp_path):
    book = make_book()
    path, _, _ = _export("dues", tmp_path, all_columns=True, full_id=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    h = header_map(ws)
    row = next(r["_row"] for r in data_rows(ws) if r["姓名"] == "张三" and r["期间"] == "2026年3月")
    ws.cell(row, h["实缴"]).value = 99
    wb.save(path)
    report = import_ledger("dues", path)
    assert report.added == 0 and report.error_rows == 0
    assert any("已缴 30.00 元" in w.message and w.row == row for w in report.warnings)
    assert DuesPayment.select().where(DuesPayment.member == book["zhang"]).count() == 3



def test_a_member_who_came_by_transfer_keeps_one_event(db, tmp_path):
    """The roster import makes an 入会 on the join date of every new member: for a member who came
    by 转入 the ledger's row corrects that event (kind, union, letter) instead of adding a second."""
    sun = members.create_member({"name": "孙九", "sex": "男", "department": "体育组"})
    membership.add_event(sun, {"kind": "转入", "date": "2026-03-01", "other_union": "第一中学工会", "letter_number": "一中2026-3"})
    assert Member.get_by_id(sun.id).joined_union_date == dt.date(2026, 3, 1)
    before = snapshot()["events"]
    from ledger_checks import export_all

    paths = export_all(tmp_path, kinds=("members", "membership"))
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    from union_desk.imports.roster import import_roster

    import_roster(paths["members"])
    assert [e.kind for e in MembershipEvent.select()] == ["入会"]  # made by the roster import
    preview = preview_ledger("membership", paths["membership"])
    assert [(r.action, r.changes.get("kind")) for r in preview.rows] == [(UPDATE, ("入会", "转入"))]
    apply_ledger(preview)
    assert snapshot()["events"] == before
    assert MembershipEvent.select().count() == 1


def make_odd_payments() -> dict:
    """What a row per member and month could not hold: 甲 pays the first half year at once (2026-H1
    while collecting monthly) and has next year's raise already (a base from 2027-01-01); 乙 pays
    March in two parts (10 cash, then 20 by transfer); 丙's April payment is voided; 丁 is exempt
    from April on with no end (长期病休)."""
    made = {name: members.create_member({"name": name, "sex": "女", "department": "语文组", "joined_union_date": "2010-09-01"})
            for name in ("甲", "乙", "丙", "丁")}
    for m in made.values():
        dues.set_base(m, "6000", "2026-01-01")
    dues.set_base(made["甲"], "6500", "2027-01-01")
    dues.record_payment(made["甲"], {"period": "2026-H1", "amount": "180", "date": "2026-01-10", "method": "转账",
                                     "collector": "钱七", "note": "半年一次交清"})
    dues.record_payment(made["乙"], {"period": "2026-03", "amount": "10", "date": "2026-03-10", "method": "现金",
                                     "collector": "钱七"})
    dues.record_payment(made["乙"], {"period": "2026-03", "amount": "20", "date": "2026-03-20", "method": "转账",
                                     "note": "补足"}, force=True)
    wrong = dues.record_payment(made["丙"], {"period": "2026-04", "amount": "30", "date": "2026-04-10", "method": "转账"})
    dues.void_payment(wrong, "录错")
    dues.record_payment(made["丙"], {"period": "2026-05", "amount": "20", "date": "2026-05-10"})  # 少缴 10.00 元
    dues.add_exemption(made["丁"], "2026-04-01", None, "长期病休")
    dues.add_exemption(made["甲"], "2027-07-01", "2027-12-31", "产假")  # known already, in no 2026 period
    return made


def dues_snapshot() -> dict:
    return {
        "payments": sorted((_who(p.member_id), p.period, p.amount, p.date, p.method, p.collector, p.note, p.receipt, p.batch)
                           for p in DuesPayment.select().where(~DuesPayment.voided)),
        "exemptions": sorted((_who(e.member_id), e.start, e.end, e.reason) for e in DuesExemption.select()),
        "bases": sorted((_who(b.member_id), b.effective, b.amount) for b in WageBase.select()),
        "dues_entries": len({link.entry_id for link in FundLink.select().where(FundLink.source_kind == "dues")}),
        "dues_posted": sum((link.amount for link in FundLink.select().where(FundLink.source_kind == "dues")), D("0")),
    }


def test_dues_ledger_lists_each_payment_and_what_a_move_needs(db, tmp_path):
    make_odd_payments()
    path, ws, count = _export("dues", tmp_path, all_columns=True, full_id=True)
    rows = data_rows(ws)
    assert count == len(rows)
    h = header_map(ws)
    assert {"收据号", "免缴起始", "免缴截止", "其他基数"} <= set(h)
    assert ws.print_area.split("!")[-1].split(":")[-1].startswith("$M")  # the new columns stay off paper
    # 甲's half year: a line of its own after 甲's January, 应缴 blank; the months say 已随2026-H1缴纳
    jia = [r for r in rows if r["姓名"] == "甲"]
    assert [r["期间"] for r in jia[:2]] == ["2026年1月", "2026年上半年"]
    half = jia[1]
    assert half["应缴"] is None and D(str(half["实缴"])) == D("180") and half["缴费日期"].date() == dt.date(2026, 1, 10)
    assert (half["缴费方式"], half["收款人"], half["备注"]) == ("转账", "钱七", "半年一次交清")
    assert jia[0]["备注"] == "已随2026-H1缴纳" and not jia[0]["实缴"]
    assert sum(1 for r in rows if r["期间"] == "2026年上半年") == 1
    # 乙's March: two lines, the second without 应缴
    march = [r for r in rows if r["姓名"] == "乙" and r["期间"] == "2026年3月"]
    assert [(D(str(r["应缴"])) if r["应缴"] is not None else None, D(str(r["实缴"])), r["缴费方式"]) for r in march] == [
        (D("30"), D("10"), "现金"), (None, D("20"), "转账")]
    assert march[0]["收据号"] == "HF2026-001" and march[1]["备注"] == "补足"
    # 丙's voided payment: not listed, and the line under the title says so; May paid in part
    assert [r["期间"] for r in rows if r["姓名"] == "丙" and r["实缴"]] == ["2026年5月"]
    assert next(r for r in rows if r["姓名"] == "丙" and r["期间"] == "2026年5月")["备注"] == "少缴 10.00 元"
    assert "作废的缴费 1 笔未列入" in ws.cell(2, 1).value
    # 丁: exempt from April, no end
    ding = next(r for r in rows if r["姓名"] == "丁" and r["期间"] == "2026年4月")
    assert ding["免缴原因"] == "长期病休" and ding["免缴起始"].date() == dt.date(2026, 4, 1) and ding["免缴截止"] == "长期"
    # 甲's raise from January 2027: on 甲's last line
    assert [r["其他基数"] for r in jia if r["其他基数"]] == ["2027-01-01 6,500.00"]
    assert jia[-1]["其他基数"] == "2027-01-01 6,500.00"
    assert [r["其他免缴"] for r in rows if r["其他免缴"]] == ["2027-07-01至2027-12-31：产假"]
    assert jia[-1]["其他免缴"] == "2027-07-01至2027-12-31：产假"
    # totals: every payment once; 应缴 only on the members' lines; 人次 counts those
    total_row = rows[-1]["_row"] + 1
    assert D(str(ws.cell(total_row, h["实缴"]).value)).quantize(D("0.01")) == D("230.00")
    owed = sum((D(str(r["应缴"])) for r in rows if r["应缴"] is not None), D("0"))
    assert D(str(ws.cell(total_row, h["应缴"]).value)).quantize(D("0.01")) == owed
    people = sum(1 for r in rows if r["应缴"] is not None)
    assert f"{people} 人次" in ws.cell(2, 1).value and "实缴 230.00 元" in ws.cell(2, 1).value
    block = next(r for r in range(total_row, ws.max_row + 1) if ws.cell(r, 1).value == "收缴合计")
    labels = [ws.cell(r, 1).value for r in range(block + 2, ws.max_row + 1)]
    assert labels.index("2026年上半年") < labels.index("2026年1月")


def test_dues_round_trip_keeps_each_payment_exemption_and_base(db, tmp_path):
    make_odd_payments()
    before = dues_snapshot()
    # three payments, and the voided one's posting and its reversal in the funds book
    assert len(before["payments"]) == 4 and before["dues_entries"] == 6
    from ledger_checks import export_all
    from union_desk.imports.roster import import_roster

    paths = export_all(tmp_path, kinds=("members", "dues", "membership"))
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    import_roster(paths["members"])
    report = import_ledger("dues", paths["dues"])
    assert report.error_rows == 0 and not report.warnings, [i.text() for i in report.errors + report.warnings]
    after = dues_snapshot()
    for key in before:
        if key != "dues_entries":
            assert after[key] == before[key], key
    assert after["dues_entries"] == 4  # one funds entry per payment; the voided one is not moved
    before = after
    # the exemption is still open: 丁 owes nothing next year either; 甲 owes on the 2027 base
    ding, jia = Member.get(Member.name == "丁"), Member.get(Member.name == "甲")
    assert dues.owed_for(ding, "2027-03").exempt_reason == "长期病休"
    assert dues.owed_for(jia, "2027-01").base == D("6500") and dues.owed_for(jia, "2027-08").exempt_reason == "产假"
    # twice changes nothing
    second = import_ledger("dues", paths["dues"])
    assert (second.added, second.updated, second.error_rows) == (0, 0, 0) and second.unchanged > 0
    assert dues_snapshot() == before
    # a cash payment made after the move does not take a receipt number the ledger brought
    later = dues.record_payment(jia, {"period": "2026-07", "amount": "30", "date": "2026-07-10", "method": "现金"})
    assert later.receipt == "HF2026-002"


def test_dues_one_payment_for_a_shorter_period_keeps_its_period(db, tmp_path):
    """Collecting by quarter, a payment for one month (2026-02) comes back for that month, not the quarter."""
    from union_desk.services import settings

    settings.save({"dues_period": "quarter"})
    made = make_odd_payments()
    dues.record_payment(made["丙"], {"period": "2026-02", "amount": "30", "date": "2026-02-10", "method": "转账"})
    before = dues_snapshot()
    path, ws, _ = _export("dues", tmp_path, all_columns=True, full_id=True)
    rows = data_rows(ws)
    bing = [(r["期间"], r["应缴"] is None, r["实缴"]) for r in rows if r["姓名"] == "丙"][:2]
    assert bing[0][0] == "2026年第1季度" and bing[1][:2] == ("2026年2月", True)
    from ledger_checks import export_all
    from union_desk.imports.roster import import_roster

    roster = export_all(_dir(tmp_path, "r"), kinds=("members",))["members"]
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    settings.save({"dues_period": "quarter"})
    import_roster(roster)
    report = import_ledger("dues", path)
    assert report.error_rows == 0, [i.text() for i in report.errors]
    after = dues_snapshot()
    assert after["payments"] == before["payments"] and after["exemptions"] == before["exemptions"]
    assert after["bases"] == before["bases"] and after["dues_entries"] == 5  # the voided payment is not moved
    second = import_ledger("dues", path)
    assert (second.added, second.updated) == (0, 0) and dues_snapshot() == after


def test_a_line_twice_in_a_file_without_owed_is_an_error(db, tmp_path):
    """Further payments are told by a blank 应缴; a file without the 应缴 column (made by hand) has
    only members' lines: the same member and period twice is an error, not a second payment."""
    make_book()
    path, _, _ = _export("dues", tmp_path, all_columns=True, full_id=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    h = header_map(ws)
    ws.cell(3, h["应缴"]).value = "（空）"
    for col in range(1, ws.max_column + 1):
        ws.cell(5, col).value = ws.cell(4, col).value
    wb.save(path)
    preview = preview_ledger("dues", path)
    rows = {r.row: r for r in preview.rows}
    assert rows[5].action == ERROR and "与第 4 行" in rows[5].errors[0].message
