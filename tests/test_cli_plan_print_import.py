"""CLI: `print plan --year Y -o F.pdf` and `import plan FILE --year Y [--dry-run] [--json]`."""

from __future__ import annotations

import datetime as dt
import json
import re

from openpyxl import Workbook
from pypdf import PdfReader

YEAR = dt.date.today().year


def plan_list(path):
    wb = Workbook()
    ws = wb.active
    ws.append([f"{YEAR}年工会工作计划"])
    ws.append(["月份", "工作内容", "类别", "负责人", "备注"])
    ws.append(["3月", "女教职工健康讲座", "培训", "王芳", ""])
    ws.append(["", "教职工书画展", "活动", "", "在图书馆"])
    ws.append(["十四月", "看不懂", "", "", ""])
    ws.append(["5月", "劳动模范座谈会", "座谈", "", ""])
    ws.append(["合计", "", "", "", ""])
    ws.merge_cells("A3:A4")
    wb.save(path)
    return path


def test_print_plan(cli, demo_file, tmp_path):
    out = tmp_path / "plan.pdf"
    code, stdout, err = cli("--db", demo_file, "print", "plan", "--year", YEAR, "-o", out)
    assert code == 0, err
    assert "已生成" in stdout and str(out) in stdout
    reader = PdfReader(str(out))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert f"{YEAR}年工作计划" in text and "工作内容" in text and "完成情况" in text
    total = len(reader.pages)
    assert f"第1页共{total}页" in text
    code, stdout, err = cli("--db", demo_file, "print", "plan", "--year", YEAR, "--period", "spring", "-o", tmp_path / "s.pdf")
    assert code == 0 and f"{YEAR}年春季学期工作计划" in re.sub(r"\s+", "", PdfReader(str(tmp_path / "s.pdf")).pages[0].extract_text())


def test_print_plan_of_an_empty_year_is_refused(cli, demo_file, tmp_path):
    code, _, err = cli("--db", demo_file, "print", "plan", "--year", 2099, "-o", tmp_path / "x.pdf")
    assert code == 2 and "2099年还没有计划事项" in err
    assert not (tmp_path / "x.pdf").exists()


def test_import_plan_json_dry_run_then_twice(cli, demo_file, tmp_path):
    path = plan_list(tmp_path / "计划.xlsx")
    code, stdout, err = cli("--db", demo_file, "plan", "list", "--year", YEAR, "--json")
    before = len(json.loads(stdout))

    code, stdout, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR, "--dry-run", "--json")
    assert code == 2, err  # two rows have errors: the real import would refuse the file
    data = json.loads(stdout)
    assert data["added"] == 0 and data["dry_run"] is True and [r["row"] for r in data["rejected"]] == [5, 6]
    code, stdout, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR, "--json")
    assert code == 2 and json.loads(stdout)["imported"] is False
    code, stdout, _ = cli("--db", demo_file, "plan", "list", "--year", YEAR, "--json")
    assert len(json.loads(stdout)) == before

    code, stdout, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR, "--json", "--skip-bad-rows")
    assert code == 0, err
    data = json.loads(stdout)
    assert set(data) == {"added", "skipped", "errors", "rejected", "sheet", "header_row"}
    assert [r["row"] for r in data["rejected"]] == [5, 6]
    assert data["added"] == 2 and data["skipped"] == 0
    assert data["errors"] == [
        {"row": 5, "column": "月份", "message": data["errors"][0]["message"]},
        {"row": 6, "column": "类别", "message": data["errors"][1]["message"]},
    ]
    assert "十四月" in data["errors"][0]["message"] and "座谈" in data["errors"][1]["message"]
    code, stdout, _ = cli("--db", demo_file, "plan", "list", "--year", YEAR, "--json")
    items = json.loads(stdout)
    assert len(items) == before + 2
    added = {i["title"]: i for i in items if i["title"] in ("女教职工健康讲座", "教职工书画展")}
    assert {i["month"] for i in added.values()} == {3}

    code, stdout, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR, "--json", "--skip-bad-rows")
    data = json.loads(stdout)
    assert data["added"] == 0 and data["skipped"] == 2

    code, stdout, err = cli("--db", demo_file, "import", "plan", path, "--year", YEAR, "--skip-bad-rows")
    assert code == 0
    assert "已存在（跳过） 2 项" in stdout and "第 5 行 月份" in stdout


def test_import_plan_unreadable_file(cli, demo_file, tmp_path):
    code, _, err = cli("--db", demo_file, "import", "plan", tmp_path / "none.xlsx", "--year", YEAR)
    assert code == 2 and "文件不存在" in err
