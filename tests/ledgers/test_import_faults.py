"""Imports when something is wrong with the file or the run (issue 11): ID numbers masked in the
report, hidden sheets, an unusable report path, cells that would overflow, a stray cell far away,
bad rows refusing the CLI import, and a process killed just before the import commits."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import ledger_checks as lc
from union_desk.domain.idcard import make_id, mask_id
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import ERROR, write_report_xlsx
from union_desk.imports.records import apply_ledger, parse_count
from union_desk.imports.roster import preview_roster

ID_WANG = make_id("330106", dt.date(1985, 3, 1), 123, "女")
ID_LI = make_id("440106", dt.date(1979, 7, 9), 456, "男")
ROOT = Path(__file__).resolve().parents[2]


def roster_file(path: Path, rows=None, *, hidden_first: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "身份证号码", "部门", "备注"])
    for row in rows or [["王芳", ID_WANG, "语文组", f"原号 {ID_WANG}"], ["李强", ID_LI, "数学组", ""]]:
        ws.append(row)
    if hidden_first:
        old = wb.create_sheet("旧名单", 0)  # first, and matching better: more roster columns
        old.append(["姓名", "身份证号码", "部门", "联系电话", "性别", "出生日期"])
        old.append(["旧人甲", "", "后勤", "", "男", ""])
        old.sheet_state = "hidden"
        wb.active = 1
    wb.save(path)
    return path


def run_cli(db: Path, *args, env: dict | None = None, limit_memory: bool = False) -> subprocess.CompletedProcess:
    """`python -m union_desk --db DB ARGS…` in a child process (a crash fails the test, not pytest)."""
    def limit():  # a child that tries to allocate 512 GB fails fast instead of swapping the machine
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    return subprocess.run(
        [sys.executable, "-m", "union_desk", "--db", str(db), *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, **(env or {})}, preexec_fn=limit if limit_memory else None,
    )


def counts(db: Path, *tables: str) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def empty_file(db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    return db_path


# --- item 7: the report masks ID numbers -----------------------------------------------------------


def _report_texts(path: Path) -> str:
    ws = openpyxl.load_workbook(path).active
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_cli_report_masks_id_numbers_unless_full_id(empty_file, tmp_path):
    roster = roster_file(tmp_path / "花名册.xlsx")
    masked, full = tmp_path / "报告.xlsx", tmp_path / "完整.xlsx"
    assert run_cli(empty_file, "import", "members", roster, "--dry-run", "--report", masked).returncode == 0
    text = _report_texts(masked)
    assert ID_WANG not in text and ID_LI not in text  # neither in the ID column nor in the 备注 text
    assert mask_id(ID_WANG) in text and f"原号 {mask_id(ID_WANG)}" in text and mask_id(ID_LI) in text
    assert run_cli(empty_file, "import", "members", roster, "--dry-run", "--report", full, "--full-id").returncode == 0
    assert ID_WANG in _report_texts(full) and ID_LI in _report_texts(full)


def test_report_masks_ids_typed_as_numbers_and_in_messages(db, tmp_path):
    old_id = "440106790709456"  # a 15-digit ID typed as a number
    roster = roster_file(tmp_path / "r.xlsx", [["王芳", float(old_id), "语文组", ""]])
    preview = preview_roster(roster)
    out = write_report_xlsx(preview, tmp_path / "报告.xlsx")
    text = _report_texts(out)
    assert old_id not in text and mask_id(old_id) in text


# --- item 9: hidden sheets ----------------------------------------------------------------------------


def test_hidden_sheet_is_not_read_unless_named(empty_file, tmp_path):
    roster = roster_file(tmp_path / "花名册.xlsx", hidden_first=True)
    assert [(i.name, i.hidden) for i in xlsx_import.sheet_infos(roster)] == [("旧名单", True), ("花名册", False)]
    assert xlsx_import.read_table(roster).sheet == "花名册"  # "the first sheet" is the first visible one
    done = run_cli(empty_file, "import", "members", roster, "--json")
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["sheet"] == "花名册" and data["added"] == 2
    assert any("隐藏工作表“旧名单”未读取" in w["message"] for w in data["warnings"])
    assert counts(empty_file, "member")["member"] == 2
    done = run_cli(empty_file, "import", "members", roster, "--sheet", "旧名单")
    assert done.returncode == 0 and "工作表“旧名单”" in done.stdout and "隐藏" in done.stdout
    assert counts(empty_file, "member")["member"] == 3


def test_choosing_a_sheet_loads_only_that_sheet(tmp_path, monkeypatch):
    roster = roster_file(tmp_path / "花名册.xlsx", hidden_first=True)
    from python_calamine import CalamineWorkbook

    loaded = []
    real = CalamineWorkbook.get_sheet_by_name
    monkeypatch.setattr(CalamineWorkbook, "get_sheet_by_name", lambda self, name: loaded.append(name) or real(self, name))
    xlsx_import.read_table(roster, "花名册")
    assert loaded == ["花名册"]
    loaded.clear()
    xlsx_import.read_tables(roster)  # choosing automatically reads the visible sheets only
    assert loaded == ["花名册"]


# --- item 10: the report path is checked before anything is written ---------------------------------


@pytest.mark.parametrize("where", ["missing folder", "a folder", "name too long"])
def test_unusable_report_path_changes_nothing(empty_file, tmp_path, where):
    roster = roster_file(tmp_path / "花名册.xlsx")
    target = {
        "missing folder": tmp_path / "没有这个文件夹" / "报告.xlsx",
        "a folder": tmp_path / "已有文件夹.xlsx",
        "name too long": tmp_path / ("很长" * 60 + ".xlsx"),
    }[where]
    (tmp_path / "已有文件夹.xlsx").mkdir()
    before = counts(empty_file, "member", "audit_log")
    done = run_cli(empty_file, "import", "members", roster, "--report", target)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()
    assert counts(empty_file, "member", "audit_log") == before


# --- item 13: cells that would overflow, a blank 慰问类别 -------------------------------------------

BIG = "1" * 30
CELL_CASES = [
    ("hardship", "家庭月收入", 1e20, "金额太大"),
    ("hardship", "家庭人口", BIG, "太大"),
    ("assistance", "救助金", 1e20, "金额太大"),
    ("assistance", "物品价值", BIG, "金额太大"),
    ("visits", "慰问类别", "", "请填写慰问类别"),
    ("visits", "慰问金", 1e20, "金额太大"),
    ("activities", "预算", 1e20, "金额太大"),
    ("activities", "实际支出", BIG, "金额太大"),
    ("activities", "参加条件", f"20-{BIG}岁", "太大"),
    ("signups", "名次", 1e20, "太大"),
    ("signups", "报名序号", BIG, "太大"),
    ("signups", "队伍名次", 1e20, "太大"),
    ("plan", "年度", 1e20, "太大"),
    ("plan", "年度", 99999, "计划年度应在"),
]


@pytest.fixture
def ugly(demo_db):
    return lc.add_ugly_records()


@pytest.mark.parametrize(("kind", "header", "bad", "says"), CELL_CASES, ids=[f"{c[0]}-{c[1]}-{type(c[2]).__name__}" for c in CELL_CASES])
def test_bad_cell_is_a_row_error_naming_row_and_column(tmp_path, ugly, kind, header, bad, says):
    rows = lc.edited_preview(kind, tmp_path, {(4, header): bad}, all_columns=True, full_id=True)
    row = rows[4]
    assert row.action == ERROR
    assert [(e.row, e.column) for e in row.errors] == [(4, header)] and says in row.errors[0].message
    assert row.errors[0].text().startswith(f"第 4 行 {header}：")
    report = apply_ledger(rows["preview"])  # the other rows still import; no OverflowError from SQLite
    assert report.error_rows >= 1


@pytest.mark.parametrize(("header", "bad"), [("出生日期", 1e20), ("身份证号", BIG), ("联系电话", 1e20)])
def test_member_cells_too_large_are_row_errors(tmp_path, ugly, header, bad):
    path, ws = lc.export("members", tmp_path, all_columns=True, full_id=True)
    workbook = openpyxl.load_workbook(path)
    workbook.active.cell(4, lc.header_map(ws)[header]).value = bad
    workbook.save(path)
    row = {r.row: r for r in preview_roster(path).rows}[4]
    assert row.action == ERROR and [e.column for e in row.errors] == [header]


def test_counts_and_plan_list_cells_too_large(db, tmp_path):
    with pytest.raises(ValueError, match="太大"):
        parse_count(1e20)
    assert parse_count(12.0) == 12
    from union_desk.imports.plan import preview_plan_import

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["月份", "工作内容"])
    ws.append([1e20, "教代会"])
    ws.append([BIG, "运动会"])
    ws.append(["99999-03-08", "讲座"])
    wb.save(tmp_path / "计划.xlsx")
    preview = preview_plan_import(tmp_path / "计划.xlsx", 2026)
    assert [(r.row, r.action, r.errors[0].column) for r in preview.rows] == [(2, ERROR, "月份"), (3, ERROR, "月份"), (4, ERROR, "月份")]


# --- item 14: a stray cell far away ----------------------------------------------------------------


def far_roster(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "部门"])
    ws.append(["王芳", "语文组"])
    ws["XFD1048576"] = "x"
    wb.save(path)
    return path


def test_used_range_is_read_from_the_xml(tmp_path):
    path = far_roster(tmp_path / "far.xlsx")
    assert path.stat().st_size < 20_000
    assert xlsx_import.used_range(path, "花名册") == (1_048_576, 16_384)
    assert xlsx_import.used_range(roster_file(tmp_path / "r.xlsx"), "花名册") == (3, 4)


def test_a_stray_far_cell_is_ignored_in_a_child_process(empty_file, tmp_path):
    path = far_roster(tmp_path / "far.xlsx")
    done = run_cli(empty_file, "import", "members", path, "--json", limit_memory=True)
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(done.stdout)
    assert data["added"] == 1 and data["sheet"] == "花名册"
    assert any("XFD1048576" in w["message"] and "已忽略" in w["message"] for w in data["warnings"])
    assert counts(empty_file, "member")["member"] == 1


def test_a_stray_far_cell_below_the_table_keeps_rows_cheap(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "部门"])
    ws.append(["王芳", "语文组"])
    ws["Z1048576"] = "x"  # within the columns, a million rows down: streamed, empty rows shared
    wb.save(tmp_path / "down.xlsx")
    table = xlsx_import.read_table(tmp_path / "down.xlsx")
    assert len(table.rows) == 1_048_576 and table.rows[1][:2] == ["王芳", "语文组"]
    assert table.rows[-1][25] == "x" and table.rows[5] is table.rows[6]


# --- kill point: a process killed before the commit leaves the database as it was ------------------

KILL = {"UNION_DESK_KILL_AT": "import.before_commit"}


def _assert_killed_and_unchanged(done, db: Path, before: dict) -> None:
    assert done.returncode == 97, done.stderr[-2000:]
    assert counts(db, *before) == before
    assert integrity(db) == "ok"


def test_killed_roster_import_leaves_the_database_unchanged(demo_file, tmp_path):
    roster = roster_file(tmp_path / "花名册.xlsx")
    before = counts(demo_file, "member", "audit_log")
    _assert_killed_and_unchanged(run_cli(demo_file, "import", "members", roster, env=KILL), demo_file, before)
    assert run_cli(demo_file, "import", "members", roster).returncode == 0  # without the kill it does import
    assert counts(demo_file, "member")["member"] == before["member"] + 2


def test_killed_ledger_import_leaves_the_database_unchanged(demo_file, tmp_path):
    from union_desk.db.database import close_database
    from union_desk.db.models import Member
    from union_desk.services.maintenance import open_for_use

    open_for_use(demo_file, auto_backup=False)
    person = Member.select().order_by(Member.id).first()
    close_database()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "姓名", "部门", "慰问类别", "慰问金", "事由"])
    ws.append([dt.date.today(), person.name, person.department, "生病住院", 300, "住院"])
    wb.save(tmp_path / "visits.xlsx")
    before = counts(demo_file, "visit", "audit_log")
    done = run_cli(demo_file, "import", "ledger", "visits", tmp_path / "visits.xlsx", env=KILL)
    _assert_killed_and_unchanged(done, demo_file, before)


def test_killed_plan_import_leaves_the_database_unchanged(demo_file, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["月份", "工作内容"])
    ws.append(["3月", "一项从未有过的新工作"])
    wb.save(tmp_path / "计划.xlsx")
    before = counts(demo_file, "plan_item", "audit_log")
    done = run_cli(demo_file, "import", "plan", tmp_path / "计划.xlsx", "--year", 2026, env=KILL)
    _assert_killed_and_unchanged(done, demo_file, before)


def test_killed_signup_import_leaves_the_database_unchanged(demo_file, tmp_path):
    from union_desk.db.database import close_database
    from union_desk.db.models import Member
    from union_desk.services import activities
    from union_desk.services.maintenance import open_for_use

    open_for_use(demo_file, auto_backup=False)
    start = dt.datetime.now() + dt.timedelta(days=30)
    activity = activities.save_activity({"title": "杀进程测试", "start": start, "status": "报名中"}, items=[{"name": "拔河"}])
    people = [m for m in Member.select().where(Member.status == "在职").order_by(Member.id)
              if Member.select().where(Member.name == m.name).count() == 1][:2]
    close_database()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "部门"])
    for m in people:
        ws.append([m.name, m.department])
    wb.save(tmp_path / "报名.xlsx")
    before = counts(demo_file, "sign_up", "audit_log")
    code = (
        "import sys; from pathlib import Path; from union_desk.services.maintenance import open_for_use;"
        "from union_desk.db.models import Activity; from union_desk.imports.signups import import_signups;"
        f"open_for_use(Path({str(demo_file)!r}), auto_backup=False);"
        f"r = import_signups(Activity.get_by_id({activity.id}), {str(tmp_path / '报名.xlsx')!r}, after_deadline_ok=True);"
        "print(len(r.signed))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **KILL})
    _assert_killed_and_unchanged(done, demo_file, before)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.stdout.strip() == "2", done.stderr[-2000:]  # the same run without the kill signs both up
