"""CLI of the 工会经费 area (issue 19): `funds report` (JSON and table), `export ledger funds|funds-summary`,
`import ledger funds`, `print voucher|funds-audit|funds-summary`, and bad input (Chinese messages,
the documented exit codes: 2 bad input, 3 not found)."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest

from union_desk.db.database import close_database
from union_desk.services.maintenance import open_for_use


@pytest.fixture
def book(db_path):
    """A closed database file with a small funds book of 2026: an opening balance, a visit posted
    (300.50), a manual income (5,000.01) and a spending over its budget (150.00 of 100.00)."""
    from union_desk.db.models import VisitType
    from union_desk.services import funds, members, visits

    open_for_use(db_path, auto_backup=False)
    member = members.create_member({"name": "张三", "sex": "男"})
    vt = VisitType.select().order_by(VisitType.id).first()
    funds.set_opening(2026, "1000.00")
    visits.create_visit({"member": member, "visit_type": vt, "cash": "300.50", "date": "2026-02-10"})
    income, _ = funds.add_entry({"date": "2026-03-01", "summary": "拨缴经费", "category": "0.2", "amount": "5000.01"})
    funds.set_budget(2026, funds.category_by_code("3.2"), "100")
    spending, _ = funds.add_entry({"date": "2026-04-01", "summary": "会务", "category": "3.2", "amount": "150",
                                   "over_budget_reason": "临时会议"})
    ids = {"income": income.id, "spending": spending.id}
    close_database()
    return db_path, ids


def test_funds_report_json(cli, book):
    db_path, _ = book
    code, out, _ = cli("--db", db_path, "funds", "report", "--year", 2026, "--json")
    assert code == 0
    data = json.loads(out)
    assert {"opening", "income", "spending", "closing", "categories", "posted_from"} <= set(data)
    assert data["opening"] == 1000.0 and data["income"] == 5000.01
    assert data["spending"] == 450.5 and data["closing"] == pytest.approx(5549.51)
    assert Decimal(str(data["closing"])) == Decimal("5549.51")
    assert data["posted_from"] == {"visits": 300.5, "assistance": 0.0, "activities": 0.0, "dues": 0.0}
    by_code = {c["code"]: c for c in data["categories"]}
    for c in data["categories"]:
        assert {"code", "name", "budget", "income", "spending"} <= set(c)
    assert by_code["3.2"] == {**by_code["3.2"], "name": "会议费", "budget": 100.0, "income": 0.0, "spending": 150.0}
    assert by_code["0.2"]["income"] == 5000.01 and by_code["1.4"]["spending"] == 300.5
    # a term: only its months
    code, out, _ = cli("--db", db_path, "funds", "report", "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    term = json.loads(out)
    assert code == 0 and term["opening"] == 699.5 and term["income"] == 5000.01 and term["spending"] == 0.0
    code, out, _ = cli("--db", db_path, "funds", "report", "--school-year", 2025, "--json")
    assert code == 0 and json.loads(out)["from"] == "2025-09-01"


def test_funds_report_table(cli, book):
    db_path, _ = book
    code, out, _ = cli("--db", db_path, "funds", "report", "--year", 2026)
    assert code == 0
    assert "期初结余" in out and "1,000.00" in out and "5,000.01" in out and "5,549.51" in out
    assert "3.2 会议费" in out and "150.0%" in out and "超出预算" in out


def test_bad_flags_exit_2_in_chinese(cli, book, capsys):
    db_path, _ = book
    with pytest.raises(SystemExit) as info:
        cli("--db", db_path, "funds", "report")
    assert info.value.code == 2
    assert "参数错误" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli("--db", db_path, "funds", "report", "--year", 2026, "--school-year", 2026)
    assert info.value.code == 2
    code, _, err = cli("--db", db_path, "funds", "report", "--from", "2026-03-01")
    assert code == 2 and "--to" in err and "错误" in err
    code, _, err = cli("--db", db_path, "funds", "report", "--from", "2026-05-01", "--to", "2026-03-01")
    assert code == 2 and "早于" in err
    with pytest.raises(SystemExit) as info:
        cli("--db", db_path, "funds", "report", "--from", "下周")
    assert info.value.code == 2


def test_export_and_import_ledger(cli, book, tmp_path):
    db_path, _ = book
    out = tmp_path / "明细账.xlsx"
    code, stdout, _ = cli("--db", db_path, "export", "ledger", "funds", "--year", 2026, "-o", out, "--all-columns")
    assert code == 0 and "经费收支明细账" in stdout and out.exists()
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(4, 3).value == "上年结余"
    code, stdout, _ = cli("--db", db_path, "export", "ledger", "funds-summary", "--year", 2026, "-o", tmp_path / "汇总.xlsx")
    assert code == 0 and "收支汇总表" in stdout
    code, stdout, _ = cli("--db", db_path, "import", "ledger", "funds", out, "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["added"] == 0 and data["updated"] == 0 and data["unchanged"] == 4
    # a row with an error: nothing imported, exit 2, the row number in the JSON
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    ws.cell(6, 2).value = "JZ2025-0001"  # a number of another year than its date
    wb.save(out)
    code, stdout, _ = cli("--db", db_path, "import", "ledger", "funds", out, "--json")
    data = json.loads(stdout)
    assert code == 2 and data["imported"] is False
    assert [r["row"] for r in data["rejected"]] == [6]
    with pytest.raises(SystemExit) as info:  # the 收支汇总表 is export only
        cli("--db", db_path, "import", "ledger", "funds-summary", out)
    assert info.value.code == 2


def test_print_voucher_audit_and_summary(cli, book, tmp_path):
    db_path, ids = book
    pdf = tmp_path / "凭单.pdf"
    code, out, _ = cli("--db", db_path, "print", "voucher", ids["spending"], "-o", pdf)
    assert code == 0 and pdf.read_bytes()[:4] == b"%PDF" and "已生成" in out
    code, _, err = cli("--db", db_path, "print", "voucher", 99999, "-o", tmp_path / "x.pdf")
    assert code == 3 and "错误" in err and not (tmp_path / "x.pdf").exists()
    by_serial = tmp_path / "凭单2.pdf"
    code, _, _ = cli("--db", db_path, "print", "voucher", "jz2026-0003", "-o", by_serial)
    assert code == 0 and by_serial.read_bytes()[:4] == b"%PDF"
    code, _, err = cli("--db", db_path, "print", "voucher", "JZ2026-0999", "-o", tmp_path / "y.pdf")
    assert code == 3 and "JZ2026-0999" in err
    audit = tmp_path / "审查.pdf"
    code, _, _ = cli("--db", db_path, "print", "funds-audit", "--year", 2026, "-o", audit)
    assert code == 0 and audit.read_bytes()[:4] == b"%PDF"
    summary = tmp_path / "汇总.pdf"
    code, _, _ = cli("--db", db_path, "print", "funds-summary", "--school-year", 2025, "-o", summary)
    assert code == 0 and summary.read_bytes()[:4] == b"%PDF"
    with pytest.raises(SystemExit) as info:
        cli("--db", db_path, "print", "voucher", "abc", "-o", pdf)
    assert info.value.code == 2
