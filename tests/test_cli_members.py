"""CLI: `import members`, `members search`, `export members`."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from union_desk.cli import main
from union_desk.db.instance_lock import InstanceLock
from union_desk.domain import idcard

ID_WANG = idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女")
ID_LI = idcard.make_id("320102", dt.date(1979, 3, 21), 457, "男")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fresh_db(db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    return db_path


@pytest.fixture
def demo_file(db_path):
    from union_desk.db.database import close_database

    from union_desk.demo.generator import generate
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    generate(members=40, seed=11)
    close_database()
    return db_path


@pytest.fixture
def roster(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["红星中学花名册"])
    ws.merge_cells("A1:D1")
    ws.append(["姓名", "身份证号码", "联系电话", "部门"])
    ws.append(["王芳", ID_WANG, "13800138000", "语文组"])
    ws.append(["李建国", float(ID_LI), "13912345678", "数学组"])  # mangled into a number
    ws.append(["张伟", "", "12345", "英语组"])  # bad phone
    ws.append(["赵敏", "", "", "音体美组"])
    ws.append(["合计", "4人", "", ""])
    path = tmp_path / "花名册.xlsx"
    wb.save(path)
    return path


def member_names(db_path):
    from union_desk.db.database import close_database
    from union_desk.db.models import Member
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    try:
        return sorted(m.name for m in Member.select())
    finally:
        close_database()


def test_import_with_a_bad_row_imports_nothing_and_exits_2(capsys, fresh_db, roster):
    """Decision "CLI import with bad rows": any error row → nothing imported, the rows listed, exit 2."""
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--json")
    assert code == 2
    data = json.loads(out)
    assert data["imported"] is False and (data["added"], data["updated"]) == (0, 0)
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(4, "身份证号码"), (5, "联系电话")]
    assert [r["row"] for r in data["rejected"]] == [4, 5]
    assert member_names(fresh_db) == []
    code, out, err = run(capsys, "--db", fresh_db, "import", "members", roster)
    assert code == 2 and "没有导入任何数据：有 2 行有错误" in out and "--skip-bad-rows" in out
    assert "  错误 第 4 行 身份证号码：" in out
    assert member_names(fresh_db) == []


def test_import_json_skip_bad_rows_reports_counts_and_every_rejected_row(capsys, fresh_db, roster):
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--json", "--skip-bad-rows")
    assert code == 0
    data = json.loads(out)
    assert (data["added"], data["updated"], data["unchanged"]) == (2, 0, 0)
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(4, "身份证号码"), (5, "联系电话")]
    assert "文本格式" in data["errors"][0]["message"]
    assert [(r["row"], [e["column"] for e in r["errors"]]) for r in data["rejected"]] == [(4, ["身份证号码"]), (5, ["联系电话"])]
    assert data["warnings"] == [] and data["sheet"] == "Sheet" and data["header_row"] == 2
    assert "skipped" not in data  # 'skipped' means 合计/签名 rows, not rejected ones
    assert member_names(fresh_db) == ["王芳", "赵敏"]
    # Again: all unchanged.
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--json", "--skip-bad-rows")
    data = json.loads(out)
    assert (data["added"], data["updated"], data["unchanged"]) == (0, 0, 2) and len(data["errors"]) == 2


def test_import_dry_run_writes_nothing(capsys, fresh_db, roster, tmp_path):
    report = tmp_path / "报告.xlsx"
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--dry-run", "--report", report)
    assert code == 2  # the real import would refuse the file
    assert "将新增 2 人" in out and "没有写入" in out and "导入时将不写入任何数据" in out
    assert "第 4 行 身份证号码：" in out and "第 5 行 联系电话：" in out
    assert member_names(fresh_db) == []
    assert openpyxl.load_workbook(report).active.cell(2, 1).value == "原行号"
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--dry-run", "--skip-bad-rows")
    assert code == 0 and member_names(fresh_db) == []


def test_import_text_summary(capsys, fresh_db, roster):
    code, out, _ = run(capsys, "--db", fresh_db, "import", "members", roster, "--skip-bad-rows")
    assert code == 0
    assert "新增 2 人" in out and "有错误跳过 2 行" in out
    assert "  错误 第 4 行 身份证号码：" in out


def test_import_unreadable_file_fails(capsys, fresh_db, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"nope")
    code, out, err = run(capsys, "--db", fresh_db, "import", "members", bad, "--json")
    assert code == 2 and "无法读取" in err and out == ""
    code, _, err = run(capsys, "--db", fresh_db, "import", "members", tmp_path / "missing.xlsx")
    assert code == 2 and "不存在" in err


def test_import_needs_the_instance_lock(capsys, fresh_db, roster):
    with InstanceLock(fresh_db):
        code, _, err = run(capsys, "--db", fresh_db, "import", "members", roster)
    assert code == 6 and "已在另一个" in err
    assert member_names(fresh_db) == []


def test_import_with_sheet_name(capsys, fresh_db, roster):
    code, _, err = run(capsys, "--db", fresh_db, "import", "members", roster, "--sheet", "没有这个表")
    assert code == 2 and "没有这个表" in err


def test_search_json_uses_the_search_box_matching(capsys, demo_file):
    from union_desk.db.database import close_database
    from union_desk.db.models import Member
    from union_desk.services.maintenance import open_for_use

    open_for_use(demo_file, auto_backup=False)
    someone = Member.select().order_by(Member.id).first()
    close_database()

    code, out, _ = run(capsys, "--db", demo_file, "members", "search", someone.name, "--json")
    assert code == 0
    found = json.loads(out)
    assert someone.id in [m["id"] for m in found]
    assert set(found[0]) == {"id", "name", "sex", "department", "status"}
    # Pinyin initials and an ID fragment find the same person.
    code, out, _ = run(capsys, "--db", demo_file, "members", "search", someone.id_number[-6:], "--json")
    assert someone.id in [m["id"] for m in json.loads(out)]
    code, out, _ = run(capsys, "--db", demo_file, "members", "search", "没有这个人", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", demo_file, "members", "search", someone.name)
    assert someone.name in out and "共" in out


def test_search_missing_database(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "none.sqlite", "members", "search", "王")
    assert code == 2 and "不存在" in err


def test_export_masked_and_full(capsys, demo_file, tmp_path):
    target = tmp_path / "花名册.xlsx"
    code, out, _ = run(capsys, "--db", demo_file, "export", "members", "-o", target)
    assert code == 0 and "已导出 40 名会员" in out
    ws = openpyxl.load_workbook(target).active
    assert ws.cell(3, 5).value == "身份证号" and "*" in ws.cell(4, 5).value
    code, _, _ = run(capsys, "--db", demo_file, "export", "members", "-o", target, "--full-id", "--all-columns")
    ws = openpyxl.load_workbook(target).active
    assert ws.cell(4, 5).value.isalnum() and len(ws.cell(4, 5).value) == 18
    assert ws.cell(4, 5).number_format == "@"


def test_export_status_filter(capsys, demo_file, tmp_path):
    target = tmp_path / "在职.xlsx"
    code, out, _ = run(capsys, "--db", demo_file, "export", "members", "-o", target, "--status", "在职")
    assert code == 0
    ws = openpyxl.load_workbook(target).active
    statuses = {ws.cell(r, 11).value for r in range(4, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)}
    assert ws.cell(3, 11).value == "状态" and statuses == {"在职"}


def test_export_file_in_use(capsys, demo_file, tmp_path, monkeypatch):
    import os

    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"old")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(target):  # Excel holds the target; other renames (backups) still work
            raise PermissionError(13, "denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = run(capsys, "--db", demo_file, "export", "members", "-o", target)
    assert code == 8 and "正被其他程序（如 Excel、WPS）打开" in err
    assert target.read_bytes() == b"old"


def test_export_then_import_round_trip(capsys, demo_file, tmp_path):
    target = tmp_path / "全部.xlsx"
    run(capsys, "--db", demo_file, "export", "members", "-o", target, "--full-id", "--all-columns")
    other = tmp_path / "other" / "db.sqlite"
    code, out, _ = run(capsys, "--db", other, "import", "members", target, "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == 40 and data["errors"] == []
    assert member_names(other) == member_names(demo_file)
