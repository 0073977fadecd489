"""Files people actually have: Excel's "Unicode 文本" (UTF-16, tabs), UTF-16 / GBK CSV, and WPS .et.

Every file is built in tmp_path byte for byte as Excel or WPS writes it (BOM, CRLF, quoting), then
imported through the command line (`cli` runs `union-desk …` in-process).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from union_desk.domain import idcard
from union_desk.imports import reader as xlsx_import

FIXTURES = Path(__file__).parent.parent / "fixtures"
YEAR = dt.date.today().year

ID_WANG = idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女")
ID_OUYANG = idcard.make_id("110105", dt.date(1979, 3, 21), 457, "男")
ID_X = next(i for i in (idcard.make_id("320102", dt.date(1990, 5, 12), n, "女") for n in range(0, 999, 2)) if i.endswith("X"))

HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "部门", "入会时间", "备注"]
ROWS = [
    ["1", "王芳", "女", ID_WANG, "1985/6/3", "13800138000", "语文组", "2008/9/1", "班主任，教研组长"],
    ["2", "欧阳建国", "男", ID_OUYANG, "1979-03-21", "13912345678", "数学组", "2001-09-01", '说"不"的人'],
    ["3", "𠀋丽娟", "女", ID_X, "1990/5/12", "", "后勤", "", "多行\r\n备注"],
]


def excel_text(rows: list[list], delimiter: str) -> str:
    """Rows as Excel writes them: CRLF line ends, cells with the delimiter, quotes or line breaks quoted."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def roster_rows() -> list[list]:
    return [["红星中学教职工花名册", "", "", "", "", "", "", "", ""], HEADER, *ROWS]


# (file name, bytes, encoding reported) as each program saves the same roster
SAVED_AS = {
    "unicode_text": ("花名册.txt", codecs.BOM_UTF16_LE + excel_text(roster_rows(), "\t").encode("utf-16-le"), "utf-16"),
    "utf16le_csv": ("花名册.csv", codecs.BOM_UTF16_LE + excel_text(roster_rows(), ",").encode("utf-16-le"), "utf-16"),
    "utf16be_csv": ("花名册.csv", codecs.BOM_UTF16_BE + excel_text(roster_rows(), ",").encode("utf-16-be"), "utf-16"),
    "utf16_no_bom_tabs": ("花名册.txt", excel_text(roster_rows(), "\t").encode("utf-16-le"), "utf-16"),
    "gbk_csv": ("花名册.csv", excel_text(roster_rows(), ",").replace("𠀋", "赵").encode("gbk"), "gb18030"),
    "gb18030_csv": ("花名册.csv", excel_text(roster_rows(), ",").encode("gb18030"), "gb18030"),
    "gbk_tabs_txt": ("花名册.txt", excel_text(roster_rows(), "\t").replace("𠀋", "赵").encode("gbk"), "gb18030"),  # 文本文件(制表符分隔)
    "utf8_bom_tabs": ("花名册.txt", codecs.BOM_UTF8 + excel_text(roster_rows(), "\t").encode("utf-8"), "utf-8"),
    "utf8_csv": ("花名册.csv", excel_text(roster_rows(), ",").encode("utf-8"), "utf-8"),
}


def members_in(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT name, sex, id_number, birth_date, phone, department, joined_union_date, notes FROM member")
        return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("kind", SAVED_AS)
def test_roster_in_every_text_form_imports(cli, tmp_path, kind):
    name, data, encoding = SAVED_AS[kind]
    path = tmp_path / name
    path.write_bytes(data)
    db = tmp_path / "data" / "union_desk.sqlite"
    code, out, err = cli("--db", db, "import", "members", path, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["added"], result["errors"], result["header_row"]) == (3, [], 2)
    members = members_in(db)
    third = "赵丽娟" if kind.startswith("gbk") else "𠀋丽娟"
    assert sorted(members) == sorted(["王芳", "欧阳建国", third])
    assert members["王芳"] == ("女", ID_WANG, "1985-06-03", "13800138000", "语文组", "2008-09-01", "班主任，教研组长")
    assert members["欧阳建国"][1:3] == (ID_OUYANG, "1979-03-21") and members["欧阳建国"][-1] == '说"不"的人'
    assert members[third][1] == ID_X and members[third][2] == "1990-05-12"
    assert members[third][-1].replace("\r\n", "\n") == "多行\n备注"
    table = xlsx_import.read_table(path)
    assert table.encoding == encoding and table.rows[1] == HEADER


def test_decode_and_delimiter_rules():
    assert xlsx_import.decode_text(codecs.BOM_UTF16_BE + "姓名".encode("utf-16-be")) == ("姓名", "utf-16")
    assert xlsx_import.decode_text("姓名\t1".encode("utf-16-be")) == ("姓名\t1", "utf-16")
    assert xlsx_import.decode_text("姓名".encode("gbk")) == ("姓名", "gb18030")
    assert xlsx_import.decode_text("姓名".encode("utf-8")) == ("姓名", "utf-8")
    assert xlsx_import.decode_text(b"\x80\xff\x80") is None
    assert xlsx_import.sniff_delimiter("标题\r\n姓名\t备注\r\n王芳\t甲,乙,丙\r\n") == "\t"
    assert xlsx_import.sniff_delimiter("姓名,备注\n王芳,甲\t乙\n") == ","
    assert xlsx_import.sniff_delimiter("姓名;部门\n王芳;语文组\n") == ";"
    assert xlsx_import.sniff_delimiter("姓名\n王芳\n") == ","


def test_a_workbook_renamed_to_txt_is_refused(cli, tmp_path):
    path = tmp_path / "花名册.txt"
    shutil.copyfile(FIXTURES / "roster_wps.xls", path)
    code, _, err = cli("--db", tmp_path / "d.sqlite", "import", "members", path)
    assert code == 2 and "不是文本格式" in err


def export_as_unicode_text(cli, db: Path, kind: str, folder: Path) -> tuple[Path, Path]:
    """(the exported .xlsx, the same saved as "Unicode 文本") of ledger `kind`."""
    xlsx = folder / f"{kind}.xlsx"
    code, _, err = cli("--db", db, "export", "ledger", kind, "--year", YEAR, "-o", xlsx, "--full-id", "--all-columns")
    assert code == 0, err
    return xlsx, as_unicode_text(xlsx, folder / f"{kind}.txt")


def as_unicode_text(xlsx: Path, target: Path) -> Path:
    """Save the active sheet the way Excel's 另存为 → "Unicode 文本" does: dates as shown (2026/3/5),
    whole numbers without decimals, UTF-16 LE with a BOM, tabs, CRLF."""
    ws = openpyxl.load_workbook(xlsx).active
    rows = []
    for line in ws.iter_rows(values_only=True):
        cells = []
        for value in line:
            if isinstance(value, dt.datetime):
                value = f"{value.year}/{value.month}/{value.day}" + (f" {value:%H:%M}" if value.time() != dt.time() else "")
            elif isinstance(value, dt.date):
                value = f"{value.year}/{value.month}/{value.day}"
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            cells.append("" if value is None else str(value))
        rows.append(cells)
    target.write_bytes(codecs.BOM_UTF16_LE + excel_text(rows, "\t").encode("utf-16-le"))
    return target


@pytest.mark.parametrize("kind", ["members", "visits", "activities"])
def test_exported_ledger_round_trips_through_unicode_text(cli, demo_file, tmp_path, kind):
    new = tmp_path / "new" / "union_desk.sqlite"
    if kind != "members":  # records need their members first
        _, members = export_as_unicode_text(cli, demo_file, "members", tmp_path)
        assert json.loads(cli("--db", new, "import", "ledger", "members", members, "--json")[1])["errors"] == []
    xlsx, text = export_as_unicode_text(cli, demo_file, kind, tmp_path)
    code, out, err = cli("--db", new, "import", "ledger", kind, text, "--json")
    data = json.loads(out)
    assert code == 0 and data["errors"] == [] and data["added"] > 0, err
    again = json.loads(cli("--db", new, "import", "ledger", kind, text, "--json")[1])
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, data["added"])
    # and it matches the workbook itself: importing the .xlsx changes nothing
    same = json.loads(cli("--db", new, "import", "ledger", kind, xlsx, "--json")[1])
    assert (same["added"], same["updated"]) == (0, 0)


def test_plan_list_as_unicode_text(cli, demo_file, tmp_path):
    rows = [["月份", "工作内容"], ["3月", "三八妇女节教职工趣味活动"], ["九月", "教师节慰问退休教师"]]
    path = tmp_path / "计划.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + excel_text(rows, "\t").encode("utf-16-le"))
    code, out, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR + 5, "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 2
    code, out, _ = cli("--db", demo_file, "plan", "list", "--year", YEAR + 5, "--json")
    titles = json.dumps(json.loads(out), ensure_ascii=False)
    assert "三八妇女节教职工趣味活动" in titles and "教师节慰问退休教师" in titles


# --- WPS .et ---------------------------------------------------------------------------------------


def test_wps_et_is_read_like_xls(cli, tmp_path):
    """An .et is an OLE2/BIFF8 file like .xls: python-calamine reads it (the .xls fixture renamed)."""
    path = tmp_path / "花名册.et"
    shutil.copyfile(FIXTURES / "roster_wps.xls", path)
    assert xlsx_import.sheet_names(path) == ["花名册"]
    db = tmp_path / "data" / "union_desk.sqlite"
    code, out, err = cli("--db", db, "import", "members", path, "--json", "--skip-bad-rows")
    assert code == 0, err
    assert json.loads(out)["added"] == 4
    assert {"王芳", "张伟", "赵敏", "钱多多"} <= set(members_in(db))


def test_unreadable_et_asks_to_save_as_xlsx_in_wps(cli, tmp_path):
    path = tmp_path / "花名册.et"
    path.write_bytes(b"\x00WPS garbage" * 200)
    code, out, err = cli("--db", tmp_path / "d.sqlite", "import", "members", path)
    assert code == 2 and out == ""
    assert "请在 WPS 中另存为 .xlsx 后再导入" in err and ".ods" not in err
    code, _, err = cli("--db", tmp_path / "d.sqlite", "import", "ledger", "visits", path)
    assert code == 2 and "请在 WPS 中另存为 .xlsx 后再导入" in err


def test_unsupported_suffix_names_the_kinds_read(cli, tmp_path):
    path = tmp_path / "花名册.numbers"
    path.write_bytes(b"x")
    code, _, err = cli("--db", tmp_path / "d.sqlite", "import", "members", path)
    assert code == 2 and ".et" in err and ".txt" in err
