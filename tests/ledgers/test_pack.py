"""迎检台账: cover, contents with links, every ledger in order, statistics; print set-up of each sheet."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from unittest import mock

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.models import Member, Visit
from union_desk.domain import idcard
from union_desk.errors import FileInUseError
from union_desk.ledgers.common import Cancelled
from union_desk.ledgers.pack import write_pack
from union_desk.services import settings

SHEETS = ["封面", "目录", "会员花名册", "困难职工档案台账", "帮扶救助台账", "走访慰问台账", "活动台账", "活动参与明细",
          "工作计划及完成情况", "教代会代表名册", "教代会提案台账", "会议记录台账", "来信来访登记台账", "合理化建议台账",
          "评优推荐汇总表", "表彰台账", "会籍变动台账", "会费收缴台账", "经费收支明细账", "收支汇总表", "年度统计"]


@pytest.fixture
def pack(tmp_path, demo_db):
    records = lc.add_ugly_records()
    result = write_pack(lc.PERIOD, tmp_path / "迎检台账.xlsx", options=lc.options(reviewed_by="李校长"), today=lc.TODAY)
    return result, openpyxl.load_workbook(result.path), records


def test_sheets_in_order_with_cover_and_links(pack):
    result, wb, _ = pack
    assert wb.sheetnames == SHEETS
    assert [name for name, _, _ in result.sheets] == SHEETS[2:]
    cover = wb["封面"]
    texts = [c.value for row in cover.iter_rows() for c in row if isinstance(c.value, str)]
    school = settings.get("school_name")
    assert school in texts and "工会工作迎检台账" in texts and f"（{lc.PERIOD.label}）" in texts
    assert "制 表 人：" in texts and settings.get("chair") in texts and "李校长" in texts
    assert f"{lc.TODAY.year}年{lc.TODAY.month}月{lc.TODAY.day}日" in texts
    assert int(cover.page_setup.fitToHeight) == 1 and cover.page_setup.orientation == "landscape"

    contents = wb["目录"]
    assert contents.print_title_rows == "$3:$3"
    links = {}
    for row in range(4, 4 + len(SHEETS) - 2):
        cell = contents.cell(row, 2)
        assert cell.hyperlink is not None, row
        links[cell.value] = cell.hyperlink.location
        assert cell.font.u == "single"
    assert links == {name: f"'{name}'!A1" for name in SHEETS[2:]}
    counts = {contents.cell(r, 2).value: contents.cell(r, 4).value for r in range(4, 4 + len(SHEETS) - 2)}
    assert counts["走访慰问台账"] == Visit.select().where(Visit.date.between(lc.PERIOD.first, lc.PERIOD.last)).count()


def test_every_sheet_prints_on_a4_landscape_one_page_wide(pack):
    _, wb, _ = pack
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title
        assert int(ws.page_setup.fitToWidth) == 1, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
        assert "&P" in ws.oddFooter.center.text and "&A" in ws.oddFooter.center.text, ws.title
        if ws.title != "封面":
            assert int(ws.page_setup.fitToHeight) == 0, ws.title
            assert ws.print_title_rows, ws.title
    for name in SHEETS[2:-1]:
        ws = wb[name]
        assert ws.print_title_rows == "$3:$3", name
        assert ws["A1"].value.endswith(f"（{lc.PERIOD.label}）") and ws["A1"].font.b, name
        # the funds book is numbered by its vouchers (日期, 凭证号 …), the other ledgers by 序号
        first = {"经费收支明细账": "日期", "收支汇总表": "编号"}.get(name, "序号")
        assert ws.cell(3, 1).value == first, name


def test_roster_sheet_ids_phones_and_formula_like_notes(pack):
    _, wb, records = pack
    ws = wb["会员花名册"]
    cols = lc.header_map(ws)
    first = records["members"][0]
    names = [ws.cell(r, cols["姓名"]).value for r in range(4, ws.max_row + 1)]
    row = 4 + names.index(first.name)
    id_cell, phone, note = ws.cell(row, cols["身份证号"]), ws.cell(row, cols["联系电话"]), ws.cell(row, cols["备注"])
    assert id_cell.value == idcard.mask_id(first.id_number) and id_cell.data_type == "s" and id_cell.number_format == "@"
    assert phone.value == "13800138000" and phone.data_type == "s" and phone.number_format == "@"
    assert note.value == "=SUM(A1)" and note.data_type == "s" and note.quotePrefix
    shown = sum(1 for n in names if n and n not in ("合计",) and not str(n).startswith("制表人"))
    assert shown <= Member.select().count()


def test_statistics_sheet_matches_the_database(pack):
    _, wb, _ = pack
    ws = wb["年度统计"]
    assert ws.print_title_rows == "$1:$1"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for caption in ("会员状态", "会员性别", "会员年龄段", "困难职工帮扶（按帮扶类别）", "活动报名、签到与参与率", "工作计划完成情况（按月）"):
        assert caption in texts
    visits = Visit.select().where(Visit.date.between(lc.PERIOD.first, lc.PERIOD.last) & (Visit.voided == False))  # noqa: E712
    cash = sum((v.cash for v in visits), Decimal("0"))
    paragraph = next(t for t in texts if "走访慰问会员" in t)
    assert f"{visits.count()}人次" in paragraph
    amount = f"{cash:.0f}元" if cash == cash.to_integral() else f"{cash:.2f}元"
    assert amount in paragraph


def test_progress_reaches_the_end_and_cancel_writes_nothing(tmp_path, demo_db):
    seen = []
    write_pack(lc.PERIOD, tmp_path / "a.xlsx", options=lc.options(), progress=lambda d, t, l: seen.append((d, t, l)) or True)
    assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "正在保存文件"
    assert any(label.startswith("正在写入") for _, _, label in seen)

    def stop(done, total, label):
        return not label.startswith("正在写入走访")

    with pytest.raises(Cancelled):
        write_pack(lc.PERIOD, tmp_path / "b.xlsx", options=lc.options(), progress=stop)
    assert not (tmp_path / "b.xlsx").exists() and not list(tmp_path.glob(".~*"))


def test_file_in_use_keeps_the_old_pack(tmp_path, demo_db, monkeypatch):
    """Excel holding the file open makes Windows refuse the rename: a clear message, the old file whole."""
    (tmp_path / "迎检台账.xlsx").write_bytes(b"old")
    monkeypatch.setattr(os, "replace", mock.Mock(side_effect=PermissionError(13, "denied")))
    monkeypatch.setattr("union_desk.files.RETRY_DELAYS", (0, 0))
    with pytest.raises(FileInUseError, match="正被其他程序"):
        write_pack(lc.PERIOD, tmp_path / "迎检台账.xlsx", options=lc.options())
    assert (tmp_path / "迎检台账.xlsx").read_bytes() == b"old" and not list(tmp_path.glob(".~*"))


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="LibreOffice not installed")
def test_libreoffice_prints_every_sheet(pack, tmp_path):
    """LibreOffice opens the pack and prints it: every sheet's name in a page footer, page numbers."""
    result, _, _ = pack
    out = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(out), str(result.path)], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(out / "迎检台账.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    for name in SHEETS:
        assert any(re.search(rf"{name}\s+第 \d+ 页 共 {len(pages) - 1} 页", page) for page in pages), name
    assert "第 1 页" in pages[0]
