"""CLI: `export ledger KIND`, `export pack`, `import ledger KIND` (台账)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from union_desk.cli import main

YEAR = dt.date.today().year
KINDS = ("members", "hardship", "assistance", "visits", "activities", "signups", "plan", "delegates", "proposals",
         "meetings", "letters", "suggestions", "nominations", "honours", "membership", "dues", "funds", "funds-summary")


def test_export_every_ledger(cli, demo_file, tmp_path):
    for kind in KINDS:
        target = tmp_path / f"{kind}.xlsx"
        code, out, _ = cli("--db", demo_file, "export", "ledger", kind, "--year", YEAR, "-o", target)
        assert code == 0, kind
        assert "已导出" in out and f"{YEAR}年度" in out and str(target) in out
        ws = openpyxl.load_workbook(target).active
        assert ws["A1"].value.endswith(f"（{YEAR}年度）") and ws.page_setup.orientation == "landscape"


def test_full_id_and_periods(cli, capsys, demo_file, tmp_path):
    code, _, _ = cli("--db", demo_file, "export", "ledger", "members", "--year", YEAR, "-o", tmp_path / "m.xlsx", "--full-id")
    assert code == 0
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    ids = [ws.cell(r, 5).value for r in range(4, 10)]
    assert ws.cell(3, 5).value == "身份证号" and all(len(i) == 18 and "*" not in i for i in ids)
    code, out, _ = cli("--db", demo_file, "export", "ledger", "plan", "--school-year", YEAR - 1, "-o", tmp_path / "p.xlsx")
    assert code == 0 and f"{YEAR - 1}—{YEAR}学年" in out
    code, out, _ = cli("--db", demo_file, "export", "ledger", "visits", "--from", f"{YEAR}-03-01", "--to", f"{YEAR}-03-31",
                       "-o", tmp_path / "v.xlsx")
    assert code == 0 and f"{YEAR}-03-01 至 {YEAR}-03-31" in out
    code, _, err = cli("--db", demo_file, "export", "ledger", "visits", "--from", f"{YEAR}-03-01", "-o", tmp_path / "x.xlsx")
    assert code == 2 and "--to" in err and not (tmp_path / "x.xlsx").exists()
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_file), "export", "ledger", "nonsense", "--year", str(YEAR), "-o", str(tmp_path / "y.xlsx")])
    assert info.value.code == 2
    assert "nonsense" in capsys.readouterr().err


def test_export_pack(cli, demo_file, tmp_path):
    target = tmp_path / "迎检台账.xlsx"
    code, out, _ = cli("--db", demo_file, "export", "pack", "--year", YEAR, "-o", target, "--reviewed-by", "李校长")
    assert code == 0 and "已导出迎检台账" in out and "走访慰问台账" in out
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:3] == ["封面", "目录", "会员花名册"] and wb.sheetnames[-1] == "年度统计"
    assert any(c.value == "李校长" for row in wb["封面"].iter_rows() for c in row)


def test_import_round_trip_and_json(cli, demo_file, tmp_path):
    files = {}
    for kind in KINDS:
        files[kind] = tmp_path / f"{kind}.xlsx"
        assert cli("--db", demo_file, "export", "ledger", kind, "--year", YEAR, "-o", files[kind], "--full-id", "--all-columns")[0] == 0
    new = tmp_path / "new" / "union_desk.sqlite"
    added = {}
    for kind in ("members", "plan", "hardship", "assistance", "visits", "activities", "signups"):
        code, out, _ = cli("--db", new, "import", "ledger", kind, files[kind], "--json")
        data = json.loads(out)
        assert code == 0 and set(data) == {"added", "updated", "unchanged", "errors", "warnings", "sheet", "header_row"}, kind
        assert data["errors"] == [], kind
        added[kind] = data["added"]
    assert all(n for kind, n in added.items() if kind != "assistance")  # the small demo school helped nobody this year
    for kind in added:  # the newer areas' ledgers have round trips of their own (tests/ledgers)
        data = json.loads(cli("--db", new, "import", "ledger", kind, files[kind], "--json")[1])
        assert (data["added"], data["updated"]) == (0, 0), kind
        assert data["unchanged"] == added[kind], kind


def _visits_with_a_stranger(cli, demo_file, tmp_path):
    path = tmp_path / "visits.xlsx"
    cli("--db", demo_file, "export", "ledger", "visits", "--year", YEAR, "-o", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["D4"] = "查无此人"
    wb.save(path)
    return path


def visit_count(db_path) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT count(*) FROM visit").fetchone()[0]


def test_a_bad_row_refuses_the_whole_import(cli, demo_file, tmp_path):
    path = _visits_with_a_stranger(cli, demo_file, tmp_path)
    new = tmp_path / "new" / "union_desk.sqlite"  # its rows would all be new: a refusal shows in the count
    members = tmp_path / "members.xlsx"
    cli("--db", demo_file, "export", "members", "-o", members, "--full-id", "--all-columns")
    assert cli("--db", new, "import", "members", members)[0] == 0
    code, out, _ = cli("--db", new, "import", "ledger", "visits", path, "--dry-run")
    assert code == 2
    assert "有错误 1 行" in out and "错误 第 4 行 姓名：找不到会员“查无此人”" in out and "没有写入" in out
    code, out, _ = cli("--db", new, "import", "ledger", "visits", path, "--json")
    data = json.loads(out)
    assert code == 2 and data["imported"] is False and data["added"] == 0
    assert data["errors"][0]["row"] == 4 and data["errors"][0]["column"] == "姓名"
    assert [r["row"] for r in data["rejected"]] == [4]
    assert visit_count(new) == 0


def test_skip_bad_rows_imports_the_rest(cli, demo_file, tmp_path):
    path = _visits_with_a_stranger(cli, demo_file, tmp_path)
    code, out, _ = cli("--db", demo_file, "import", "ledger", "visits", path, "--dry-run", "--skip-bad-rows")
    assert code == 0 and "有错误跳过 1 行" in out
    code, out, _ = cli("--db", demo_file, "import", "ledger", "visits", path, "--json", "--skip-bad-rows")
    data = json.loads(out)
    assert code == 0 and data["errors"][0]["row"] == 4 and data["errors"][0]["column"] == "姓名"
    assert data["rejected"] == [{"row": 4, "errors": [{"column": "姓名", "message": data["errors"][0]["message"]}]}]


def test_unreadable_files_are_errors(cli, demo_file, tmp_path):
    code, _, err = cli("--db", demo_file, "import", "ledger", "visits", tmp_path / "missing.xlsx")
    assert code == 2 and "文件不存在" in err
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    code, _, err = cli("--db", demo_file, "import", "ledger", "plan", tmp_path / "bad.xlsx")
    assert code == 2 and "无法读取" in err
    other = openpyxl.Workbook()
    other.active.append(["完全", "无关", "的表格"])
    other.save(tmp_path / "other.xlsx")
    code, _, err = cli("--db", demo_file, "import", "ledger", "activities", tmp_path / "other.xlsx")
    assert code == 2 and "找不到表头" in err and "活动台账" in err


def test_the_kinds_come_from_the_registry_when_needed(capsys):
    """`export ledger` and `import ledger` list every registered ledger (each with its `help`), yet
    building the parser, which every start does (the GUI's too), reads no ledger module."""
    import subprocess
    import sys

    from union_desk.cli import build_parser
    from union_desk.ledgers.catalog import kinds

    assert kinds() == KINDS
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "ledger", "-h"])
    help_text = "".join(capsys.readouterr().out.split())  # argparse wraps the line anywhere
    assert "members会员花名册、hardship困难职工档案、assistance帮扶救助、visits走访慰问" in help_text
    for verb in ("export", "import"):
        with pytest.raises(SystemExit):
            build_parser().parse_args([verb, "ledger", "nonsense", "x.xlsx"])
        err = capsys.readouterr().err
        offered = KINDS if verb == "export" else tuple(k for k in KINDS if k != "funds-summary")  # export only
        assert all(repr(kind) in err for kind in offered) and (verb == "export" or "'funds-summary'" not in err), err
    check = (
        "import sys; from union_desk.cli import build_parser; build_parser(); "
        "assert not [m for m in sys.modules if m.endswith('_ledger') or m == 'union_desk.ledgers.catalog'], "
        "sorted(m for m in sys.modules if m.startswith('union_desk.ledgers'))"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
