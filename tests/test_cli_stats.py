"""CLI: `stats --year Y [--period P] [--json]` and `export stats --year Y -o FILE.pdf|.xlsx`."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

import openpyxl
import pytest

from union_desk.cli import main

YEAR = dt.date.today().year


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(db_path):
    from union_desk.db.database import close_database
    from union_desk.demo.generator import generate
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    generate(members=40, seed=11)
    close_database()
    return db_path


def raw(db_path, query, *params):
    con = sqlite3.connect(db_path)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def test_stats_json_figures_match_the_database(capsys, demo_file):
    code, out, err = run(capsys, "--db", demo_file, "stats", "--year", YEAR, "--json")
    assert code == 0, err
    data = json.loads(out)
    first, last = f"{YEAR}-01-01", f"{YEAR}-12-31"
    (count, cash), = raw(demo_file, "SELECT COUNT(*), COALESCE(SUM(cash), 0) FROM visit WHERE voided = 0 AND date BETWEEN ? AND ?", first, last)
    assert data["visits"]["count"] == count
    assert round(data["visits"]["amount"] * 100) == cash
    per_month = dict(raw(demo_file, "SELECT CAST(strftime('%m', date) AS INTEGER), COUNT(*) FROM visit "
                                    "WHERE voided = 0 AND date BETWEEN ? AND ? GROUP BY 1", first, last))
    assert {m["month"]: m["count"] for m in data["visits"]["by_month"] if m["count"]} == per_month
    statuses = dict(raw(demo_file, "SELECT status, COUNT(*) FROM member GROUP BY status"))
    # the snapshot is today (the year is running): the plain status column
    assert {k: v for k, v in data["members"]["by_status"].items() if v} == statuses
    assert data["members"]["total"] == statuses.get("在职", 0) + statuses.get("退休", 0)
    plan_rows = raw(demo_file, "SELECT status, COUNT(*) FROM plan_item WHERE year = ? GROUP BY status", YEAR)
    plan_counts = dict(plan_rows)
    assert data["plan"]["total"]["total"] == sum(plan_counts.values())
    assert data["plan"]["total"]["done"] == plan_counts.get("已完成", 0)
    held = raw(demo_file, "SELECT COUNT(*) FROM activity WHERE status != '已取消' AND start BETWEEN ? AND ?",
               f"{YEAR}-01-01 00:00:00", f"{YEAR}-12-31 23:59:59")[0][0]
    assert data["activities"]["held"] == held == len(data["activities"]["rows"])
    assert data["period"]["kind"] == "year" and data["period"]["label"] == f"{YEAR}年"
    assert data["paragraph"].startswith(f"{YEAR}年，")


def test_stats_text_shows_the_paragraph_and_tables(capsys, demo_file):
    code, out, _err = run(capsys, "--db", demo_file, "stats", "--year", YEAR)
    assert code == 0
    _c, js, _e = run(capsys, "--db", demo_file, "stats", "--year", YEAR, "--json")
    paragraph = json.loads(js)["paragraph"]
    assert paragraph in out
    for title in ("【会员状态】", "【走访慰问人次（按月、按类别）】", "【活动报名、签到与参与率】", "【工作计划完成情况（按月）】"):
        assert title in out


def test_stats_for_a_school_year(capsys, demo_file):
    code, out, err = run(capsys, "--db", demo_file, "stats", "--year", YEAR - 1, "--period", "school_year", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["period"]["first_day"] == f"{YEAR - 1}-09-01" and data["period"]["last_day"] == f"{YEAR}-08-31"
    (count,), = raw(demo_file, "SELECT COUNT(*) FROM visit WHERE voided = 0 AND date BETWEEN ? AND ?",
                    f"{YEAR - 1}-09-01", f"{YEAR}-08-31")
    assert data["visits"]["count"] == count
    assert [m["month"] for m in data["visits"]["by_month"]] == [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]


def test_export_stats_pdf_and_xlsx(capsys, demo_file, tmp_path):
    from pypdf import PdfReader

    code, out, err = run(capsys, "--db", demo_file, "export", "stats", "--year", YEAR, "-o", tmp_path / "统计")
    assert code == 0, err
    pdf = tmp_path / "统计.pdf"
    assert pdf.is_file() and "已生成" in out
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
    _c, js, _e = run(capsys, "--db", demo_file, "stats", "--year", YEAR, "--json")
    data = json.loads(js)
    assert f"共有会员{data['members']['total']}人" in text
    assert f"{YEAR}年工会工作统计报告" in text

    code, out, err = run(capsys, "--db", demo_file, "export", "stats", "--year", YEAR, "-o", tmp_path / "统计.xlsx")
    assert code == 0, err
    ws = openpyxl.load_workbook(tmp_path / "统计.xlsx").active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert data["paragraph"] in values
    assert "会员状态" in values


def test_export_stats_refuses_other_suffixes_and_missing_files(capsys, demo_file, tmp_path):
    code, _out, err = run(capsys, "--db", demo_file, "export", "stats", "--year", YEAR, "-o", tmp_path / "统计.docx")
    assert code != 0 and "只能导出为 .pdf 或 .xlsx" in err
    assert not (tmp_path / "统计.docx").exists()
    code, _out, err = run(capsys, "--db", tmp_path / "nothing.sqlite", "stats", "--year", YEAR)
    assert code != 0 and "数据文件不存在" in err


def test_stats_argument_errors(capsys, demo_file):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(demo_file), "stats", "--year", "明年"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        main(["--db", str(demo_file), "stats", "--year", str(YEAR), "--period", "week"])
    _out, err = capsys.readouterr()
    assert "参数错误" in err
