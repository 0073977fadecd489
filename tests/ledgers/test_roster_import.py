"""The member roster import: ugly hand-made files in, members and an honest report out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from union_desk.db.models import AuditLog, Member
from union_desk.domain import idcard, textclean
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.imports import roster as roster_import
from union_desk.ledgers.common import Cancelled
from union_desk.imports.roster import (
    AMBIGUOUS_NAME,
    ERROR,
    NEW,
    SAME,
    UPDATE,
    apply_roster,
    preview_roster,
    write_report_xlsx,
)
from union_desk.ledgers.specs import MEMBERS, ExportOptions
from union_desk.ledgers.xlsx_export import write_ledger
from union_desk.services import members as member_service

FIXTURES = Path(__file__).parent.parent / "fixtures"

ID_WANG = idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女")
ID_LI = idcard.make_id("320102", dt.date(1979, 3, 21), 457, "男")
ID_ZHAO = idcard.make_id("110105", dt.date(1992, 11, 8), 88, "女")
ID_QIAN = idcard.make_id("510107", dt.date(1968, 1, 30), 311, "男")
ID_SUN = idcard.make_id("330106", dt.date(1990, 5, 12), 35, "男")
ID_ZHOU = idcard.make_id("350102", dt.date(1975, 12, 1), 640, "女")


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def make_xlsx(path: Path, header: list, rows: list[list], *, title: str | None = "红星中学教职工花名册", info: bool = True) -> Path:
    """A roster as people make them: title merged over the table, an info line, a blank row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    width = len(header)
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        if info:
            ws.append(["填报单位：红星中学工会", None, None, "填报日期：2026年3月"])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows():
        for cell in line:
            if cell.data_type == "f":  # typed text such as '=班主任', not a formula
                cell.data_type = "s"
    wb.save(path)
    return path


def rows_by_number(preview):
    return {r.row: r for r in preview.rows}


def member(**values):
    return member_service.create_member(values, confirm_duplicate=True)


# --- the ugly workbook ---------------------------------------------------------------------------

UGLY_HEADER = ["序号", "＊姓　名：", "性别", "公民身份号码", "出生年月", "联系方式", "所在部门", "入会日期", "备注"]


@pytest.fixture
def ugly_file(tmp_path):
    rows = [
        [1, "王  芳 ", "女", f" {ID_WANG}\u3000", "1985.06", "138 0013 8000", "语文组", "2008.9", ""],  # row 5
        [2, "李建国", "M", 4.40106198506031e17, "1979年3月", 13912345678, "数学组", "", ""],  # row 6: ID mangled
        [3, "张伟", "男", "", "1990年5月12日", fullwidth("13712345678"), "英语组", 39326, "=班主任"],  # row 7
        [4, "赵敏", "F", fullwidth(ID_ZHAO), dt.datetime(1992, 11, 8), "020-87654321", "音体美组", "2015-09-01", ""],  # 8
        [],  # row 9: empty
        [5, "钱多多\u3000", "男", ID_QIAN, 24867, "", "后勤", "", "退休返聘"],  # row 10: serial birth date
        [6, "孙悟空", "男", "", "1990.13", "12345", "后勤", "", ""],  # row 11: bad date, bad phone
        [None, None, None, None, None, None, None, None, None],  # row 12: only Nones
        ["合计", "", "", "", "", "", "", "", "6人"],  # row 13
    ]
    return make_xlsx(tmp_path / "花名册（2026）.xlsx", UGLY_HEADER, rows)


def test_header_found_below_title_rows_and_mapped_from_other_words(db, ugly_file):
    preview = preview_roster(ugly_file)
    assert preview.header_row == 4
    assert preview.sheet == "花名册"
    assert preview.mapping == {
        1: "name",
        2: "sex",
        3: "id_number",
        4: "birth_date",
        5: "phone",
        6: "department",
        7: "joined_union_date",
        8: "notes",
    }
    assert preview.unmapped == [0]  # 序号 is not imported
    assert [r.row for r in preview.rows] == [5, 6, 7, 8, 10, 11]
    assert [(s.row, s.reason) for s in preview.skipped] == [(13, "合计行")]


def test_ugly_values_are_cleaned_like_the_member_form(db, ugly_file):
    rows = rows_by_number(preview_roster(ugly_file, today=dt.date(2026, 3, 1)))
    wang = rows[5]
    assert wang.action == NEW and not wang.issues
    assert wang.values["name"] == "王芳"  # padding spaces between characters removed
    assert wang.values["id_number"] == ID_WANG
    assert wang.values["birth_date"] == dt.date(1985, 6, 3)  # '1985.06' completed from the ID
    assert wang.values["phone"] == "13800138000"
    assert wang.values["joined_union_date"] == dt.date(2008, 9, 1)
    assert "notes" not in wang.values  # blank cells are not values

    zhang = rows[7]
    assert zhang.action == NEW
    assert zhang.values["birth_date"] == dt.date(1990, 5, 12)
    assert zhang.values["phone"] == "13712345678"  # full-width digits
    assert zhang.values["joined_union_date"] == dt.date(2007, 9, 1)  # Excel serial 39326
    assert zhang.values["notes"] == "=班主任"

    zhao = rows[8]
    assert zhao.values["id_number"] == ID_ZHAO and zhao.values["sex"] == "女"
    assert zhao.values["birth_date"] == dt.date(1992, 11, 8)

    qian = rows[10]
    assert qian.values["name"] == "钱多多" and qian.values["birth_date"] == dt.date(1968, 1, 30)


def test_every_error_has_its_row_column_and_message(db, ugly_file):
    preview = preview_roster(ugly_file)
    errors = {(i.row, i.column): i.message for i in preview.errors}
    assert set(errors) == {(6, "公民身份号码"), (11, "出生年月"), (11, "联系方式")}
    assert "设为文本格式" in errors[(6, "公民身份号码")] and "4.40106E+17" in errors[(6, "公民身份号码")]
    assert "1990.13" in errors[(11, "出生年月")]
    assert "12345" in errors[(11, "联系方式")]
    assert preview.counts() == {NEW: 4, UPDATE: 0, SAME: 0, ERROR: 2}
    assert rows_by_number(preview)[6].action == ERROR
    assert json.dumps(preview.as_dict(), ensure_ascii=False)  # JSON-ready


def test_apply_writes_valid_rows_with_audit_note_and_skips_errors(db, ugly_file):
    before = AuditLog.select().count()
    report = apply_roster(preview_roster(ugly_file))
    assert (report.added, report.updated, report.unchanged, report.error_rows) == (4, 0, 0, 2)
    assert sorted(m.name for m in Member.select()) == sorted(["王芳", "张伟", "赵敏", "钱多多"])
    wang = Member.get(Member.name == "王芳")
    assert wang.id_number == ID_WANG and wang.sex == "女" and wang.pinyin_key
    assert wang.status == "在职" and wang.ethnicity == "汉族"  # model defaults for absent columns
    logs = AuditLog.select().where(AuditLog.id > 0).order_by(AuditLog.id)[before:]
    creates = [log for log in logs if log.action == "create" and log.table_name == "member"]
    assert len(creates) == 4
    assert {log.note for log in creates} == {"花名册导入：花名册（2026）.xlsx"}
    assert sorted(report.member_ids) == sorted(m.id for m in Member.select())


def test_importing_the_same_file_twice_changes_nothing(db, ugly_file):
    apply_roster(preview_roster(ugly_file))
    audit_count = AuditLog.select().count()
    second = preview_roster(ugly_file)
    assert {r.row: r.action for r in second.rows} == {5: SAME, 6: ERROR, 7: SAME, 8: SAME, 10: SAME, 11: ERROR}
    report = apply_roster(second)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)
    assert AuditLog.select().count() == audit_count


def test_a_preview_is_applied_once(db, ugly_file):
    preview = preview_roster(ugly_file)
    apply_roster(preview)
    with pytest.raises(ValidationError):
        apply_roster(preview)


# --- matching and updating -----------------------------------------------------------------------


def test_blank_cells_never_overwrite_and_missing_columns_are_untouched(db, tmp_path):
    wang = member(name="王芳", id_number=ID_WANG, phone="13800138000", department="语文组", notes="老会员", title="一级教师")
    path = make_xlsx(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "电话", "部门", "职称"],
        [["王芳", ID_WANG, "", "数学组", "  "]],
    )
    preview = preview_roster(path)
    row = preview.rows[0]
    assert row.action == UPDATE and row.member_id == wang.id
    assert row.changes == {"department": ("语文组", "数学组")}
    assert "部门：语文组 → 数学组" in row.change_text()
    apply_roster(preview)
    wang = Member.get_by_id(wang.id)
    assert wang.department == "数学组"
    assert wang.phone == "13800138000" and wang.title == "一级教师"  # blank cells
    assert wang.notes == "老会员"  # no such column in the file
    log = AuditLog.select().where((AuditLog.table_name == "member") & (AuditLog.action == "update")).get()
    assert json.loads(log.before) == {"department": "语文组"} and log.note == "花名册导入：r.xlsx"


def test_match_by_name_and_birth_when_the_file_has_no_id(db, tmp_path):
    wang = member(name="王芳", birth_date=dt.date(1985, 6, 3), department="语文组")
    other = member(name="王芳", birth_date=dt.date(1990, 1, 1), department="英语组")
    path = make_xlsx(
        tmp_path / "r.xlsx",
        ["名字", "出生日期", "手机"],
        [["王芳", "1985年6月3日", "13800138000"], ["王芳", "", "13900000000"], ["王芳", "1999-09-09", "13700000000"]],
    )
    rows = rows_by_number(preview_roster(path))
    assert rows[5].action == UPDATE and rows[5].member_id == wang.id
    assert rows[5].changes == {"phone": ("", "13800138000")}
    assert rows[6].action == ERROR
    assert rows[6].errors[0].message == AMBIGUOUS_NAME and rows[6].errors[0].column == "名字"
    assert rows[7].action == NEW  # same name, another birth date: another person
    assert rows[7].issues == []
    assert other.id not in {r.member_id for r in rows.values()}


def test_unique_name_without_birth_or_id_updates_that_member(db, tmp_path):
    li = member(name="李建国", department="数学组")
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "科室"], [["李建国", "理化组"]], title=None)
    row = preview_roster(path).rows[0]
    assert row.action == UPDATE and row.member_id == li.id and row.changes == {"department": ("数学组", "理化组")}


def test_a_member_stored_without_id_gets_it_from_the_file(db, tmp_path):
    stored = member(name="赵敏", birth_date=dt.date(1992, 11, 8), sex="女")
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号码"], [["赵敏", ID_ZHAO]])
    preview = preview_roster(path)
    row = preview.rows[0]
    assert row.action == UPDATE and row.member_id == stored.id
    assert row.changes == {"id_number": (None, ID_ZHAO)}
    apply_roster(preview)
    assert Member.get_by_id(stored.id).id_number == ID_ZHAO
    assert Member.select().count() == 1


def test_id_number_wins_over_a_different_name(db, tmp_path):
    stored = member(name="王方", id_number=ID_WANG)
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号"], [["王芳", ID_WANG]])
    row = preview_roster(path).rows[0]
    assert row.action == UPDATE and row.member_id == stored.id
    assert row.changes == {"name": ("王方", "王芳")}
    assert any(i.level == "warning" and "王方" in i.message for i in row.issues)


def test_the_same_id_twice_in_the_file_is_an_error_on_the_second_row(db, tmp_path):
    path = make_xlsx(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号"],
        [["王芳", ID_WANG], ["李建国", ID_LI], ["王芳芳", ID_WANG.lower()]],
    )
    rows = rows_by_number(preview_roster(path))
    assert rows[5].action == NEW and rows[6].action == NEW
    assert rows[7].action == ERROR
    assert rows[7].errors[0].column == "身份证号" and "第 5 行" in rows[7].errors[0].message


def test_the_same_person_twice_without_id_is_an_error(db, tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "出生日期"], [["张伟", "1990-05-12"], ["张伟", "1990.5.12"], ["张伟", "1991-01-01"]])
    rows = rows_by_number(preview_roster(path))
    assert rows[5].action == NEW
    assert rows[6].action == ERROR and "第 5 行" in rows[6].errors[0].message
    assert rows[7].action == NEW


def test_an_existing_member_twice_in_the_file_is_an_error(db, tmp_path):
    member(name="孙悟空", id_number=ID_SUN)
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号", "电话"], [["孙悟空", ID_SUN, "13800000001"], ["孙悟空", "", "13800000002"]])
    rows = rows_by_number(preview_roster(path))
    assert rows[5].action == UPDATE
    assert rows[6].action == ERROR and "同一位会员" in rows[6].errors[0].message


def test_new_person_with_same_name_and_birth_gets_a_warning(db, tmp_path):
    member(name="张伟", id_number=ID_SUN, department="后勤")
    other_id = idcard.make_id("110101", dt.date(1990, 5, 12), 77, "男")
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号"], [["张伟", other_id]])
    preview = preview_roster(path)
    row = preview.rows[0]
    assert row.action == NEW
    assert [i.level for i in row.issues] == ["warning"] and "同名且出生日期相同" in row.issues[0].message
    report = apply_roster(preview)
    assert report.added == 1 and Member.select().where(Member.name == "张伟").count() == 2


def test_new_member_needs_a_name(db, tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号", "部门"], [["", ID_ZHOU, "语文组"]])
    row = preview_roster(path).rows[0]
    assert row.action == ERROR and row.errors[0].column == "姓名"


def test_status_and_roles_validated_by_the_member_rules(db, tmp_path):
    path = make_xlsx(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "状态", "工会职务", "用工性质"],
        [
            ["周敏", ID_ZHOU, "退休", "工会委员、女工委员", "在编"],
            ["孙悟空", ID_SUN, "开除", "齐天大圣", "外包"],
        ],
    )
    rows = rows_by_number(preview_roster(path))
    assert rows[5].action == NEW and rows[5].values["union_roles"] == "工会委员,女工委员"
    assert any(i.level == "warning" and "变动日期" in i.message for i in rows[5].issues)
    assert {i.column for i in rows[6].errors} == {"状态", "工会职务", "用工性质"}


def test_month_only_birth_does_not_replace_a_full_date(db, tmp_path):
    stored = member(name="钱多多", birth_date=dt.date(1968, 1, 30))
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "出生年月"], [["钱多多", "1968.01"]])
    row = preview_roster(path).rows[0]
    assert row.member_id == stored.id and row.action == SAME


# --- one transaction, cancel, stale previews -----------------------------------------------------


def test_a_failure_half_way_leaves_nothing(db, ugly_file, monkeypatch):
    preview = preview_roster(ugly_file)
    audit_count = AuditLog.select().count()
    real = AuditLog.insert_many

    def flaky(rows):  # the members of the first batch are inserted, then their audit rows fail
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(AuditLog, "insert_many", flaky)
    with pytest.raises(RuntimeError):
        apply_roster(preview)
    assert Member.select().count() == 0
    assert AuditLog.select().count() == audit_count
    assert not preview.applied and all(r.member_id is None for r in preview.rows)
    monkeypatch.setattr(AuditLog, "insert_many", real)
    assert apply_roster(preview).added == 4


def test_cancel_writes_nothing(db, ugly_file):
    preview = preview_roster(ugly_file)
    seen = []

    def progress(done, total, label):
        seen.append((done, total, label))
        return done < 2

    with pytest.raises(Cancelled) as info:
        apply_roster(preview, progress=progress)
    assert isinstance(info.value, UnionDeskError) and info.value.message == "已取消"
    assert Member.select().count() == 0 and AuditLog.select().where(AuditLog.table_name == "member").count() == 0


def test_cancel_during_preview(db, ugly_file):
    with pytest.raises(Cancelled):
        preview_roster(ugly_file, progress=lambda d, t, l: False)


def test_a_row_that_became_invalid_after_the_preview_is_reported(db, tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "身份证号"], [["王芳", ID_WANG], ["李建国", ID_LI]])
    preview = preview_roster(path)
    member(name="王芳", id_number=ID_WANG)  # someone typed her in meanwhile
    report = apply_roster(preview)
    assert (report.added, report.error_rows) == (1, 1)
    bad = rows_by_number(preview)[5]
    assert bad.action == ERROR and "已属于会员" in bad.errors[0].message and bad.errors[0].column == "身份证号"


# --- reading files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["roster_wps.xls", "roster_wps.ods"])
def test_wps_xls_and_ods_fixtures(db, name):
    path = FIXTURES / name
    assert path.stat().st_size < 50_000
    preview = preview_roster(path)
    assert preview.header_row == 4 and preview.mapping[1] == "name" and preview.mapping[3] == "id_number"
    rows = rows_by_number(preview)
    assert {n: r.action for n, r in rows.items()} == {5: NEW, 6: ERROR, 7: NEW, 9: NEW, 10: NEW, 11: ERROR}
    assert rows[5].values["name"] == "王芳" and rows[5].values["phone"] == "13800138000"
    assert "设为文本格式" in rows[6].errors[0].message and rows[6].errors[0].column == "身份证号码"
    assert rows[7].values["birth_date"] == dt.date(1990, 5, 12) and rows[7].values["phone"] == "13712345678"
    assert rows[9].values["name"] == "赵敏" and rows[9].values["id_number"] == ID_ZHAO
    assert rows[10].warnings[0].column == "性别"
    assert rows[11].errors[0].column == "性别"
    assert [(s.row, s.reason) for s in preview.skipped] == [(12, "合计行")]
    report = apply_roster(preview)
    assert report.added == 4


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_in_chinese_encodings(db, tmp_path, encoding):
    text = (
        "教职工名单,,,\n"
        "姓名,身份证号码,手机号码,教研组\n"
        f"王芳,{ID_WANG},13800138000,语文组\n"
        "李建国 ,4.40106E+17,13912345678,数学组\n"
        ",,,\n"
        "合计,2人,,\n"
    )
    path = tmp_path / f"名单-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    preview = preview_roster(path)
    assert preview.header_row == 2 and preview.sheet == ""
    rows = rows_by_number(preview)
    assert rows[3].action == NEW and rows[3].values["department"] == "语文组"
    assert rows[4].action == ERROR and "4.40106E+17" in rows[4].errors[0].message
    assert [s.row for s in preview.skipped] == [6]
    table = xlsx_import.read_table(path)
    assert table.encoding == ("utf-8" if encoding.startswith("utf") else "gb18030")


def test_best_sheet_is_chosen_and_sheet_can_be_named(db, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "请在第二个工作表填写"
    ws = wb.create_sheet("在职")
    ws.append(["姓名", "身份证号", "部门"])
    ws.append(["王芳", ID_WANG, "语文组"])
    ws = wb.create_sheet("退休")
    ws.append(["姓名", "身份证号"])
    ws.append(["李建国", ID_LI])
    path = tmp_path / "多表.xlsx"
    wb.save(path)
    assert preview_roster(path).sheet == "在职"
    preview = preview_roster(path, sheet="退休")
    assert preview.sheet_names == ["说明", "在职", "退休"]
    assert preview.rows[0].values["name"] == "李建国"
    with pytest.raises(ValidationError) as info:
        preview_roster(path, sheet="不存在")
    assert "不存在" in info.value.message


def test_mapping_and_header_row_can_be_chosen_by_the_user(db, tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", ["甲", "乙", "丙"], [["王芳", ID_WANG, "语文组"]], title=None)
    with pytest.raises(ValidationError):
        preview_roster(path)  # no header words at all
    preview = preview_roster(path, mapping={0: "name", 1: "id_number", 2: "department"}, header_row=1)
    assert preview.rows[0].values["department"] == "语文组" and preview.rows[0].action == NEW
    assert preview.rows[0].issues == []
    with pytest.raises(ValidationError):
        preview_roster(path, mapping={0: "name", 1: "name"}, header_row=1)
    with pytest.raises(ValidationError):
        preview_roster(path, mapping={2: "department"}, header_row=1)  # neither name nor ID


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("坏的.xlsx", b"this is not a zip", "无法读取"),
        ("名单.docx", b"whatever", "不支持的文件类型"),
        ("~$花名册.xlsx", b"lock", "临时文件"),
    ],
)
def test_unreadable_files_say_why(db, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        preview_roster(path)
    assert words in info.value.message


def test_missing_file(db, tmp_path):
    with pytest.raises(ValidationError) as info:
        preview_roster(tmp_path / "nope.xlsx")
    assert "不存在" in info.value.message


def test_header_words_match_exactly_then_by_containing():
    cells = ["序号", "姓  名", "身份证号码（18位）", "出生年月日", "手机号", "工会职务", "行政职务", "参加工作时间", "备 注："]
    by_col, score = xlsx_import.match_headers(cells, MEMBERS)
    assert by_col == {
        0: "seq",
        1: "name",
        2: "id_number",
        3: "birth_date",
        4: "phone",
        5: "union_roles",
        6: "post",
        7: "work_start_date",
        8: "notes",
    }
    assert score == 9


# --- round trips -------------------------------------------------------------------------------------


def _member_values(m: Member) -> dict:
    fields = [c.field for c in MEMBERS.import_columns]
    return {f: getattr(m, f) for f in fields}


def test_full_export_round_trip_reproduces_the_members(demo_db, tmp_path, db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    originals = {m.id_number: _member_values(m) for m in Member.select()}
    path = write_ledger(MEMBERS, Member.select(), tmp_path / "全部.xlsx", options=ExportOptions(full_id=True, all_columns=True))
    # The same file into the same database: nothing to do.
    assert set(preview_roster(path).counts().items()) >= {(NEW, 0), (UPDATE, 0), (ERROR, 0)}
    close_database()

    open_for_use(tmp_path / "fresh" / "new.sqlite", auto_backup=False)
    try:
        preview = preview_roster(path)
        assert preview.counts()[ERROR] == 0, [i.text() for i in preview.errors]
        report = apply_roster(preview)
        assert report.added == len(originals)
        copies = {m.id_number: _member_values(m) for m in Member.select()}
        assert copies == originals
        assert preview_roster(path).counts()[SAME] == len(originals)
    finally:
        close_database()
        open_for_use(db_path, auto_backup=False)


def test_default_export_with_masked_ids_reimports_as_unchanged(demo_db, tmp_path):
    path = write_ledger(MEMBERS, Member.select(), tmp_path / "打码.xlsx", options=ExportOptions())
    preview = preview_roster(path)
    counts = preview.counts()
    assert counts[NEW] == 0 and counts[UPDATE] == 0 and counts[ERROR] == 0
    assert counts[SAME] == Member.select().count()
    assert len(preview.file_issues) == 1 and "打码" in preview.file_issues[0].message
    assert [s.reason for s in preview.skipped] == ["签名行"]


# --- the report file -------------------------------------------------------------------------------


def test_report_marks_bad_rows_cells_and_warnings(db, ugly_file, tmp_path):
    member(name="钱多多", id_number=ID_QIAN, department="后勤", notes="")
    preview = preview_roster(ugly_file)
    report = apply_roster(preview)
    path = write_report_xlsx(report, tmp_path / "报告.xlsx")
    ws = openpyxl.load_workbook(path).active
    headers = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    assert headers == ["原行号", *(textclean.clean_text(h) for h in UGLY_HEADER), "结果", "问题"]
    assert ws.print_title_rows == "$2:$2" and ws.freeze_panes == "B3"
    by_row = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)}
    result_col, problem_col = len(headers) - 1, len(headers)
    assert {n: ws.cell(r, result_col).value for n, r in by_row.items()} == {
        5: NEW, 6: ERROR, 7: NEW, 8: NEW, 10: UPDATE, 11: ERROR, 13: "跳过"
    }
    # The bad ID cell of row 6: red, with the message as a comment; the whole row light red.
    r6 = by_row[6]
    id_cell = ws.cell(r6, 1 + 4)
    assert id_cell.fill.fgColor.rgb.endswith("F4A6A3")
    assert "设为文本格式" in id_cell.comment.text
    assert ws.cell(r6, 2).fill.fgColor.rgb.endswith("FDE2E1")
    assert "公民身份号码：" in ws.cell(r6, problem_col).value
    # Row 11 has two bad cells, each with its own comment.
    r11 = by_row[11]
    assert ws.cell(r11, 1 + 5).comment and ws.cell(r11, 1 + 6).comment
    # An update says what changes.
    assert "备注：（空） → 退休返聘" in ws.cell(by_row[10], problem_col).value
    # Good rows are not red; the original text is kept as text.
    assert ws.cell(by_row[5], 2).fill.fgColor.rgb in ("00000000", None)
    assert ws.cell(by_row[7], 1 + 9).value == "=班主任" and ws.cell(by_row[7], 1 + 9).data_type == "s"
    assert "导入结果" in ws["A1"].value and "新增 3" in ws["A1"].value


def test_report_warning_cells_are_yellow(db, tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", ["姓名", "性别", "身份证号"], [["钱多多", "女", ID_QIAN]])
    preview = preview_roster(path)
    out = write_report_xlsx(preview, tmp_path / "预览.xlsx")
    ws = openpyxl.load_workbook(out).active
    sex = ws.cell(3, 3)
    assert sex.fill.fgColor.rgb.endswith("FFF2B3") and "身份证" in sex.comment.text
    assert ws.cell(3, 5).value == NEW and ws.cell(3, 5).fill.fgColor.rgb.endswith("FFF2B3")
    assert "尚未导入" in ws["A1"].value


def test_ledgers_have_no_qt():
    folder = Path(roster_import.__file__).parent
    for path in folder.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide6" not in source and "from Qt" not in source, path.name
