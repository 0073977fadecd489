"""CLI: plan, activity and print commands on a demo database."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from union_desk.cli import main


@pytest.fixture
def demo_file(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--members", "40", "--seed", "3"]) == 0
    capsys.readouterr()
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_generate_is_idempotent_and_listed(capsys, demo_file):
    code, out, _ = run(capsys, "--db", demo_file, "plan", "generate", "--year", 2030)
    assert code == 0 and "新增" in out
    created = int(out.split("新增 ")[1].split(" ")[0])
    assert created > 30
    code, out, _ = run(capsys, "--db", demo_file, "plan", "generate", "--year", 2030)
    assert "新增 0 项" in out and f"跳过 {created} 项" in out
    code, out, _ = run(capsys, "--db", demo_file, "plan", "list", "--year", 2030, "--json")
    items = json.loads(out)
    assert len(items) == created
    assert set(items[0]) == {"id", "date", "month", "title", "category", "status"}
    spring = [i for i in items if "春节" in i["title"]]
    assert spring and spring[0]["date"] < "2030-02-03"  # before 春节 2030-02-03
    assert any(i["date"] is None and i["month"] for i in items)
    assert any("第46个教师节" in i["title"] for i in items)


def test_plan_bad_year(capsys, demo_file):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_file), "plan", "list", "--year", "二〇三〇"])
    assert info.value.code == 2
    assert "不是年份" in capsys.readouterr().err


def test_activity_list_json(capsys, demo_file):
    from union_desk.db.database import close_database
    from union_desk.db.models import Activity
    from union_desk.services.maintenance import open_for_use

    code, out, _ = run(capsys, "--db", demo_file, "activity", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert set(rows[0]) == {"id", "title", "start", "status", "signed_up", "waiting", "checked_in"}
    open_for_use(demo_file, auto_backup=False)
    try:
        assert len(rows) == Activity.select().count()
    finally:
        close_database()


def test_print_visit_and_signoff(capsys, demo_file, tmp_path):
    from union_desk.db.database import close_database
    from union_desk.db.models import Visit
    from union_desk.services.maintenance import open_for_use

    open_for_use(demo_file, auto_backup=False)
    visit = Visit.select().where(Visit.voided == False).order_by(Visit.date.desc()).first()  # noqa: E712
    serial, year = visit.serial, visit.date.year
    close_database()
    out_pdf = tmp_path / "slip.pdf"
    code, out, _ = run(capsys, "--db", demo_file, "print", "visit", visit.id, "-o", out_pdf)
    assert code == 0 and out_pdf.exists()
    assert serial in PdfReader(out_pdf).pages[0].extract_text()
    code, out, _ = run(capsys, "--db", demo_file, "print", "visit", visit.id, "-o", out_pdf)
    assert "补打" in out
    sheet = tmp_path / "signoff.pdf"
    code, out, _ = run(capsys, "--db", demo_file, "print", "signoff", "--year", year, "-o", sheet)
    assert code == 0 and "签收" in PdfReader(sheet).pages[0].extract_text()


def test_print_unknown_visit(capsys, demo_file, tmp_path):
    code, _, err = run(capsys, "--db", demo_file, "print", "visit", 999999, "-o", tmp_path / "x.pdf")
    assert code == 3 and "找不到" in err
    assert not (tmp_path / "x.pdf").exists()


def test_print_signin_sheet(capsys, demo_file, tmp_path):
    code, out, _ = run(capsys, "--db", demo_file, "activity", "list", "--json")
    busiest = max(json.loads(out), key=lambda r: r["signed_up"])
    sheet = tmp_path / "signin.pdf"
    code, out, _ = run(capsys, "--db", demo_file, "print", "signin", busiest["id"], "-o", sheet)
    assert code == 0 and "已生成" in out
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert "签到" in text and busiest["title"][:6] in text
