"""The member roster export (会员花名册): reopened with openpyxl and checked cell by cell."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
import pytest

from union_desk.db.models import Member
from union_desk.domain import idcard
from union_desk.errors import FileInUseError, UnionDeskError, ValidationError
from union_desk.ledgers import xlsx_export
from union_desk.ledgers.common import Cancelled
from union_desk.ledgers.specs import MEMBERS, ExportOptions, LedgerColumn, LedgerSpec, display_text, seq_column
from union_desk.ledgers.xlsx_export import write_ledger
from union_desk.services import members as member_service

TODAY = dt.date(2026, 3, 15)
OPTIONS = ExportOptions(school_name="红星中学", year=2026, prepared_by="张主席", reviewed_by="李校长", today=TODAY)


def export(tmp_path, records, options=OPTIONS, name="花名册.xlsx", spec=MEMBERS):
    path = write_ledger(spec, records, tmp_path / name, options=options)
    return path, openpyxl.load_workbook(path).active


def header_map(ws, row):
    return {ws.cell(row, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(row, c).value}


@pytest.fixture
def ugly_member(db):
    return member_service.create_member(
        {
            "name": "欧阳=娜",
            "id_number": idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女"),
            "phone": "13800138000",
            "department": "=SUM(A1:A9)",
            "post": "+教研组长",
            "title": "-一级教师",
            "notes": "@备注 说明",
            "joined_union_date": dt.date(2008, 9, 1),
            "union_roles": "工会委员,女工委员",
        }
    )


def test_layout_title_header_rows_and_print_setup(tmp_path, demo_db):
    records = list(member_service.search_query(""))
    path, ws = export(tmp_path, records)
    assert path.name == "花名册.xlsx"
    columns = MEMBERS.export_columns(OPTIONS)
    ncols = len(columns)

    # Title: school + ledger + year, merged across the whole table, bold.
    assert ws["A1"].value == "红星中学会员花名册（2026年度）"
    assert ws["A1"].font.b and ws["A1"].font.sz >= 14
    assert f"A1:{openpyxl.utils.get_column_letter(ncols)}1" in {str(r) for r in ws.merged_cells.ranges}
    # Info row: date and head count.
    assert "2026-03-15" in ws["A2"].value and f"共 {len(records)} 人" in ws["A2"].value

    # Header row 3: bold, bordered, repeated when printed, panes frozen under it.
    assert [ws.cell(3, c).value for c in range(1, ncols + 1)] == [c.header for c in columns]
    for c in range(1, ncols + 1):
        cell = ws.cell(3, c)
        assert cell.font.b
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    assert ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "C4"  # 序号 and 姓名 stay in view

    # Data: one row per member, bordered, numbered.
    assert ws.cell(4, 1).value == 1 and ws.cell(3 + len(records), 1).value == len(records)
    for r in (4, 3 + len(records)):
        for c in range(1, ncols + 1):
            assert ws.cell(r, c).border.top.style == "thin"

    # A4 landscape, one page wide, any number of pages tall, page numbers in the footer.
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.oddFooter.left.text is None and ws.oddFooter.right.text is None  # the names are signed once, below

    # 制表人 / 审核人 / 日期 under the table.
    sign_row = 3 + len(records) + 2
    texts = [ws.cell(sign_row, c).value for c in range(1, ncols + 1) if ws.cell(sign_row, c).value]
    assert texts[0] == "制表人：张主席" and texts[1] == "审核人：李校长" and texts[2].startswith("日期：2026年3月15日")
    assert ws.print_area == f"'{ws.title}'!$A$1:${openpyxl.utils.get_column_letter(ncols)}${sign_row}"
    assert ws.title == "会员花名册"


def test_ids_phones_as_text_dates_as_dates_masked_by_default(tmp_path, demo_db):
    records = list(member_service.search_query(""))
    _, ws = export(tmp_path, records)
    cols = header_map(ws, 3)
    first = records[0]
    id_cell = ws.cell(4, cols["身份证号"])
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert id_cell.value == idcard.mask_id(first.id_number) and "*" in id_cell.value
    phone = ws.cell(4, cols["联系电话"])
    assert phone.value == first.phone and phone.data_type == "s" and phone.number_format == "@"
    birth = ws.cell(4, cols["出生日期"])
    assert birth.is_date and birth.value.date() == first.birth_date and birth.number_format == "yyyy-mm-dd"
    joined = ws.cell(4, cols["入会时间"])
    assert joined.number_format == "yyyy-mm-dd"
    # Column widths are set from the content: IDs fit; a department too long for its column
    # (the roster must fit the page at 9 pt or more) wraps, in a row made tall enough.
    assert ws.column_dimensions["E"].width >= 19  # 18-character ID numbers
    dep_letter = openpyxl.utils.get_column_letter(cols["部门"])
    width = ws.column_dimensions[dep_letter].width
    assert width >= 3 * 1.8  # '语文组'
    for row, member in enumerate(records, start=4):
        if len(member.department) * 1.9 + 1 > width:
            assert ws.cell(row, cols["部门"]).alignment.wrap_text and ws.row_dimensions[row].height >= 27, member.department


def test_full_id_option_and_all_columns(tmp_path, demo_db):
    records = list(member_service.search_query(""))
    options = ExportOptions(full_id=True, all_columns=True, today=TODAY)
    _, ws = export(tmp_path, records, options)
    cols = header_map(ws, 3)
    assert set(cols) == {c.header for c in MEMBERS.columns}
    numbers = [ws.cell(r, cols["身份证号"]).value for r in range(4, 4 + len(records))]
    assert numbers == [m.id_number for m in records]
    assert all(len(n) == 18 and ws.cell(4, cols["身份证号"]).data_type == "s" for n in numbers)
    ages = [ws.cell(r, cols["年龄"]).value for r in range(4, 4 + len(records))]
    assert ages == [member_service.age_on(m.birth_date, TODAY) for m in records]
    # No school name, no period: just the ledger name.
    assert ws["A1"].value == "会员花名册"


def test_chosen_columns_in_order(tmp_path, db, ugly_member):
    options = ExportOptions(columns=("name", "union_roles", "phone"), today=TODAY)
    _, ws = export(tmp_path, [ugly_member], options)
    assert [ws.cell(3, c).value for c in range(1, 4)] == ["姓名", "工会职务", "联系电话"]
    assert ws.cell(4, 2).value == "工会委员、女工委员"
    assert ws.max_column == 3


def test_strings_that_look_like_formulas_stay_text(tmp_path, db, ugly_member):
    _, ws = export(tmp_path, [ugly_member], ExportOptions(all_columns=True, today=TODAY))
    cols = header_map(ws, 3)
    for header, text in (("部门", "=SUM(A1:A9)"), ("职务", "+教研组长"), ("职称", "-一级教师"), ("备注", "@备注 说明"), ("姓名", "欧阳=娜")):
        cell = ws.cell(4, cols[header])
        assert cell.value == text, header
        assert cell.data_type == "s", header
    assert ws.cell(4, cols["部门"]).quotePrefix
    # And in the raw XML: no <f> formula element anywhere.
    import zipfile

    with zipfile.ZipFile(tmp_path / "花名册.xlsx") as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_empty_roster_still_prints_header(tmp_path, db):
    _, ws = export(tmp_path, [], OPTIONS)
    assert ws["A1"].value == "红星中学会员花名册（2026年度）"
    assert "共 0 人" in ws["A2"].value
    assert ws.cell(3, 2).value == "姓名"
    assert ws.cell(4, 1).value is None
    assert ws.cell(5, 1).value.startswith("制表人")


# --- a ledger with money: totals and number formats (the hardship / visits ledgers later) ----------


@dataclass
class Gift:
    name: str
    date: dt.date
    cash: Decimal
    goods_value: Decimal
    count: int


GIFTS = LedgerSpec(
    kind="test-gifts",
    title="走访慰问台账",
    columns=(
        seq_column(),
        LedgerColumn("name", "姓名", lambda r, o: r.name, 8),
        LedgerColumn("date", "日期", lambda r, o: r.date, 11, kind="date"),
        LedgerColumn("cash", "慰问金", lambda r, o: r.cash, 10, kind="money"),
        LedgerColumn("goods_value", "物品价值", lambda r, o: r.goods_value, 10, kind="money"),
        LedgerColumn("count", "次数", lambda r, o: r.count, 6, kind="int", total=True),
    ),
    unit="条",
)


def test_money_columns_get_a_total_row(tmp_path):
    gifts = [
        Gift("王芳", dt.date(2026, 1, 20), Decimal("1005.50"), Decimal("0.10"), 1),
        Gift("李四", dt.date(2026, 2, 3), Decimal("500.00"), Decimal("0.20"), 2),
        Gift("-赵", dt.date(2026, 2, 4), Decimal("0.01"), Decimal("0"), 1),
    ]
    options = ExportOptions(school_name="红星中学", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 6, 30), today=TODAY)
    _, ws = export(tmp_path, gifts, options, name="慰问.xlsx", spec=GIFTS)
    assert ws["A1"].value == "红星中学走访慰问台账（2026-01-01 至 2026-06-30）"
    assert ws["A2"].value == "共 3 条"
    cash = ws.cell(4, 4)
    assert cash.value == pytest.approx(1005.5) and cash.number_format == "#,##0.00" and cash.data_type == "n"
    total_row = 7
    assert ws.cell(total_row, 1).value == "合计"
    assert ws.cell(total_row, 4).value == pytest.approx(1505.51)
    assert ws.cell(total_row, 4).number_format == "#,##0.00"
    assert ws.cell(total_row, 5).value == pytest.approx(0.30)
    assert ws.cell(total_row, 6).value == 4
    assert ws.cell(total_row, 2).value is None and ws.cell(total_row, 3).value is None
    assert ws.cell(total_row, 4).font.b and ws.cell(total_row, 2).border.left.style == "thin"
    assert ws.cell(6, 2).value == "-赵" and ws.cell(6, 2).data_type == "s"
    assert ws.cell(total_row + 2, 1).value == "制表人：" + "_" * 10


def test_display_text_matches_export_kinds():
    assert display_text(MEMBERS.column("birth_date"), dt.date(1985, 6, 3)) == "1985-06-03"
    assert display_text(GIFTS.column("cash"), Decimal("1005.5")) == "1,005.50"
    assert display_text(MEMBERS.column("birthday_lunar"), True) == "是"
    assert display_text(MEMBERS.column("name"), None) == ""


def test_spec_aliases_and_fields():
    assert {"姓名", "名字", "会员姓名"} <= set(MEMBERS.column("name").header_words)
    assert {"身份证号码", "证件号码", "公民身份号码"} <= set(MEMBERS.column("id_number").header_words)
    assert MEMBERS.column("seq").field is None and MEMBERS.column("age").field is None
    assert {c.field for c in MEMBERS.import_columns} == set(member_service.FIELD_LABELS)
    assert MEMBERS.column("id_number").number_format == "@" and MEMBERS.column("phone").number_format == "@"


# --- atomic writing, file in use, cancel -----------------------------------------------------------


def test_file_open_in_excel_gives_clear_message_and_keeps_old_file(tmp_path, db, ugly_member, monkeypatch):
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old contents")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr("union_desk.files.RETRY_DELAYS", (0, 0))
    with pytest.raises(FileInUseError) as info:
        write_ledger(MEMBERS, [ugly_member], target, options=OPTIONS)
    assert info.value.message == "文件“花名册.xlsx”正被其他程序（如 Excel、WPS）打开，请关闭该文件后重试。"
    assert target.read_bytes() == b"old contents"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".~*"))


def test_replaces_an_existing_file(tmp_path, db, ugly_member):
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old contents")
    write_ledger(MEMBERS, [ugly_member], target, options=OPTIONS)
    assert openpyxl.load_workbook(target).active.cell(4, 2).value == "欧阳=娜"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cancel_writes_nothing(tmp_path, demo_db):
    calls = []

    def progress(done, total, label):
        calls.append((done, total, label))
        return done < 20

    target = tmp_path / "花名册.xlsx"
    with pytest.raises(Cancelled) as info:
        write_ledger(MEMBERS, member_service.search_query(""), target, options=OPTIONS, progress=progress)
    assert isinstance(info.value, UnionDeskError) and info.value.message == "已取消"
    assert not target.exists() and not list(tmp_path.glob("*.tmp"))
    assert calls and calls[0][1] == Member.select().count()


def test_progress_reaches_the_end(tmp_path, demo_db):
    seen = []
    write_ledger(MEMBERS, member_service.search_query(""), tmp_path / "a.xlsx", options=OPTIONS, progress=lambda d, t, l: seen.append((d, t)) or True)
    total = Member.select().count()
    assert seen[-1] == (total, total)


def test_suffix_rules(tmp_path, db, ugly_member):
    path = write_ledger(MEMBERS, [ugly_member], tmp_path / "花名册", options=OPTIONS)
    assert path.suffix == ".xlsx" and path.exists()
    with pytest.raises(ValidationError):
        write_ledger(MEMBERS, [ugly_member], tmp_path / "花名册.xls", options=OPTIONS)
    with pytest.raises(ValidationError):
        write_ledger(MEMBERS, [ugly_member], tmp_path / "nowhere" / "a.xlsx", options=OPTIONS)


def test_several_ledgers_in_one_workbook(tmp_path, demo_db):
    """The inspection pack puts every ledger into one workbook: same writer, one sheet each."""
    wb = openpyxl.Workbook()
    members = list(member_service.search_query(""))
    xlsx_export.add_ledger_sheet(wb, MEMBERS, members, options=OPTIONS)
    xlsx_export.add_ledger_sheet(wb, MEMBERS, members[:3], options=ExportOptions(title="退休会员名册", today=TODAY))
    xlsx_export.add_ledger_sheet(wb, GIFTS, [], options=OPTIONS)
    target = xlsx_export.save_workbook_atomic(wb, tmp_path / "档案.xlsx")
    again = openpyxl.load_workbook(target)
    assert again.sheetnames == ["会员花名册", "会员花名册(2)", "走访慰问台账"]
    assert again["会员花名册(2)"]["A1"].value == "退休会员名册"
    assert again["走访慰问台账"].print_title_rows == "$3:$3"
