"""CLI of 会籍与会费 (issue 20): `dues list` (JSON, --unpaid, the table with totals and 收缴率),
`import dues` (a payroll deduction list: warnings, --force, --dry-run, twice changes nothing, exit
codes), `export ledger dues|membership`, the print targets, and bad input (Chinese messages, exit
2 for bad input, 3 for no such record; never a traceback)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import openpyxl
import pytest

from cli_checks import read_db
from union_desk import areas
from union_desk.db.database import close_database
from union_desk.services.maintenance import open_for_use

PERIOD = "2026-11"


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """The area's registration names these commands and ledgers; while it is being assembled it
    may not yet: then they are added for the test."""
    area = areas.get("membership")
    more = {}
    if "union_desk.commands.membership:register" not in area.cli:
        more["cli"] = (*area.cli, "union_desk.commands.membership:register")
    if not area.ledgers:
        more["ledgers"] = ("union_desk.ledgers.membership_ledger:DUES_LEDGER",
                           "union_desk.ledgers.membership_ledger:MEMBERSHIP_LEDGER")
    if more:
        monkeypatch.setitem(areas._load(), "membership", dataclasses.replace(area, **more))


@pytest.fixture
def school(db_path):
    """A closed database: 张三 (ID, base 5,234.50, paid November by 工资代扣), 李四 (base 6,000,
    unpaid), 王五 (retired: exempt), 赵六 (transferred out in October), 钱七 (paid November in cash)."""
    from union_desk.services import dues, members, membership

    open_for_use(db_path, auto_backup=False)
    zhang = members.create_member({"name": "张三", "sex": "男", "id_number": "110101198001010010", "department": "语文组",
                                   "joined_union_date": "2010-09-01"})
    li = members.create_member({"name": "李四", "sex": "女", "department": "数学组", "joined_union_date": "2011-09-01"})
    wang = members.create_member({"name": "王五", "sex": "男", "department": "数学组", "joined_union_date": "1995-09-01"})
    zhao = members.create_member({"name": "赵六", "sex": "女", "department": "英语组", "joined_union_date": "2015-09-01"})
    qian = members.create_member({"name": "钱七", "sex": "男", "department": "体育组", "joined_union_date": "2016-09-01"})
    for member, base in ((zhang, "5234.5"), (li, "6000"), (wang, "9000"), (qian, "4000")):
        dues.set_base(member, base, "2026-01-01")
    membership.add_event(wang, {"kind": "保留会籍", "date": "2026-07-01", "reason": "退休"})
    membership.add_event(zhao, {"kind": "转出", "date": "2026-10-01", "other_union": "实验中学工会"})
    dues.record_payment(zhang, {"period": PERIOD, "amount": "26.15", "date": "2026-11-25"})
    cash = dues.record_payment(qian, {"period": PERIOD, "amount": "20", "date": "2026-11-05", "method": "现金", "collector": "孙八"})
    ids = {"zhang": zhang.id, "li": li.id, "wang": wang.id, "zhao": zhao.id, "qian": qian.id, "cash": cash.id}
    close_database()
    return db_path, ids


def refused_flag(cli, capsys, *args) -> str:
    """A flag argparse refuses: exit 2 (SystemExit), the Chinese message on stderr."""
    with pytest.raises(SystemExit) as info:
        cli(*args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def write_list(path, rows, headers=("序号", "姓名", "身份证号", "部门", "缴费基数", "代扣会费")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(headers))
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    wb.save(path)
    return path


def test_dues_list_json_and_unpaid(cli, school):
    db_path, ids = school
    code, out, err = cli("--db", db_path, "dues", "list", "--period", PERIOD, "--json")
    assert code == 0, err
    data = json.loads(out)
    by_name = {d["member"]: d for d in data}
    assert set(by_name) == {"张三", "李四", "王五", "钱七"}  # 赵六 transferred out
    for d in data:
        assert set(d) == {"member", "member_id", "department", "base", "owed", "paid", "exempt_reason", "arrears_months"}
    assert by_name["张三"] == {"member": "张三", "member_id": ids["zhang"], "department": "语文组", "base": 5234.5,
                              "owed": 26.15, "paid": 26.15, "exempt_reason": "", "arrears_months": by_name["张三"]["arrears_months"]}
    assert by_name["李四"]["owed"] == 30.0 and by_name["李四"]["paid"] == 0.0
    assert by_name["王五"]["owed"] == 0.0 and by_name["王五"]["exempt_reason"].startswith("保留会籍")
    assert isinstance(by_name["李四"]["arrears_months"], int)
    code, out, _ = cli("--db", db_path, "dues", "list", "--period", "2026年11月", "--unpaid", "--json")
    assert code == 0 and [d["member"] for d in json.loads(out)] == ["李四"]


def test_dues_list_table_with_totals_and_rate(cli, school):
    db_path, _ = school
    code, out, _ = cli("--db", db_path, "dues", "list", "--period", PERIOD)
    assert code == 0
    assert "2026年11月" in out and "张三" in out and "李四" in out
    owed = Decimal("26.15") + Decimal("30") + Decimal("20")
    paid = Decimal("26.15") + Decimal("20")
    rate = (paid * 100 / owed).quantize(Decimal("0.1"))
    assert f"应缴 {owed:,.2f} 元" in out and f"实缴 {paid:,.2f} 元" in out and f"收缴率 {rate}%" in out
    assert "免缴：保留会籍" in out


def test_import_dues_warnings_force_and_twice(cli, school, tmp_path):
    db_path, ids = school
    path = write_list(tmp_path / "代扣.xlsx", [
        ("张三", "110101198001010010", "", "5234.5", "26.15"),  # the same payment already there: 未变
        ("李四", "", "数学组", "6500", "32.5"),                # new base and payment
        ("王五", "", "", "", "45"),                            # retired: asks first
    ])
    code, out, err = cli("--db", db_path, "import", "dues", path, "--period", PERIOD, "--dry-run", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["dry_run"] and data["added"] == 1 and data["unchanged"] == 2 and data["not_applied"] == [4]
    assert any("免缴" in w["message"] and w["row"] == 4 for w in data["warnings"])
    assert read_db(db_path, lambda: _payments(ids["li"])) == []
    code, out, _ = cli("--db", db_path, "import", "dues", path, "--period", PERIOD)
    assert code == 0
    assert "提醒 第 4 行" in out and "--force" in out
    assert read_db(db_path, lambda: _payments(ids["li"])) == [("2026-11", Decimal("32.50"), "工资代扣")]
    assert read_db(db_path, lambda: _payments(ids["wang"])) == []
    assert read_db(db_path, lambda: _base(ids["li"])) == (Decimal("6500.00"), "工资表")
    # twice: nothing changes
    code, out, _ = cli("--db", db_path, "import", "dues", path, "--period", PERIOD, "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == 0 and data["updated"] == 0 and data["not_applied"] == [4]
    assert read_db(db_path, lambda: len(_payments(ids["li"]))) == 1
    # --force: the retired member's row too
    code, out, _ = cli("--db", db_path, "import", "dues", path, "--period", PERIOD, "--force", "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == 1 and data["force"] is True
    assert read_db(db_path, lambda: _payments(ids["wang"])) == [("2026-11", Decimal("45.00"), "工资代扣")]


def _payments(member_id):
    from union_desk.db.membership_models import DuesPayment

    return [(p.period, p.amount, p.method) for p in DuesPayment.select().where(DuesPayment.member == member_id)]


def _base(member_id):
    import datetime as dt

    from union_desk.services import dues

    base = dues.base_on(member_id, dt.date(2026, 11, 1))
    return base.amount, base.source


def test_import_dues_bad_rows_and_bad_flags(cli, school, tmp_path, capsys):
    db_path, ids = school
    path = write_list(tmp_path / "代扣.xlsx", [("不存在", "", "", "5000", "25"), ("李四", "", "", "2000000", "")])
    code, out, err = cli("--db", db_path, "import", "dues", path, "--period", PERIOD, "--json")
    assert code == 2
    data = json.loads(out)
    assert data["imported"] is False and {r["row"] for r in data["rejected"]} == {2, 3}
    code, out, _ = cli("--db", db_path, "import", "dues", path, "--period", PERIOD)
    assert code == 2 and "错误 第 2 行" in out and "没有导入任何数据" in out
    # --skip-bad-rows: the good rows only (none here), exit 0
    code, out, _ = cli("--db", db_path, "import", "dues", path, "--period", PERIOD, "--skip-bad-rows", "--json")
    assert code == 0
    # a bad period, a missing file: exit 2, a Chinese message, no traceback
    err = refused_flag(cli, capsys, "--db", db_path, "import", "dues", path, "--period", "2026-13")
    assert "期间“2026-13”的月份不对" in err
    code, out, err = cli("--db", db_path, "import", "dues", tmp_path / "nothing.xlsx", "--period", PERIOD)
    assert code == 2 and "文件不存在" in err and "Traceback" not in err
    assert "期间“明年”看不懂" in refused_flag(cli, capsys, "--db", db_path, "dues", "list", "--period", "明年")


def test_export_dues_and_membership_ledgers(cli, school, tmp_path):
    db_path, _ = school
    out_path = tmp_path / "dues.xlsx"
    code, out, err = cli("--db", db_path, "export", "ledger", "dues", "--from", "2026-11-01", "--to", "2026-11-30", "-o", out_path)
    assert code == 0, err
    ws = openpyxl.load_workbook(out_path).active
    assert ws.cell(1, 1).value.startswith("会费收缴台账")
    assert "已导出会费收缴台账" in out and "4 人次" in out
    code, out, err = cli("--db", db_path, "export", "ledger", "membership", "--year", 2026, "-o", tmp_path / "m.xlsx")
    assert code == 0 and "2 条" in out
    # read back by `import ledger`: everything is already there
    full = tmp_path / "full.xlsx"
    cli("--db", db_path, "export", "ledger", "dues", "--year", 2026, "--all-columns", "--full-id", "-o", full)
    for kind, path in (("dues", full), ("membership", tmp_path / "m.xlsx")):
        code, out, err = cli("--db", db_path, "import", "ledger", kind, path, "--json")
        data = json.loads(out)
        assert code == 0 and data["added"] == 0 and data["updated"] == 0 and data["unchanged"] > 0, (kind, err)


def test_print_targets(cli, school, tmp_path):
    db_path, ids = school
    for target, arg in (("transfer-letter", ids["zhao"]), ("join-form", ids["zhang"]), ("member-register", ids["zhang"]),
                        ("dues-receipt", ids["cash"])):
        pdf = tmp_path / f"{target}.pdf"
        code, out, err = cli("--db", db_path, "print", target, arg, "-o", pdf)
        assert code == 0, (target, err)
        assert pdf.read_bytes().startswith(b"%PDF") and "已生成" in out
    pdf = tmp_path / "sheet.pdf"
    code, out, err = cli("--db", db_path, "print", "dues-sheet", "--period", PERIOD, "-o", pdf)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")


def test_print_bad_input_exit_codes(cli, school, tmp_path, capsys):
    db_path, ids = school
    code, _, err = cli("--db", db_path, "print", "transfer-letter", 9999, "-o", tmp_path / "x.pdf")
    assert code == 3 and "找不到" in err and "Traceback" not in err
    code, _, err = cli("--db", db_path, "print", "transfer-letter", ids["zhang"], "-o", tmp_path / "x.pdf")
    assert code == 2 and "没有转出记录" in err  # a member who never transferred out
    code, _, err = cli("--db", db_path, "print", "dues-receipt", 9999, "-o", tmp_path / "x.pdf")
    assert code == 3 and "找不到" in err
    assert "不是整数" in refused_flag(cli, capsys, "--db", db_path, "print", "join-form", "abc", "-o", tmp_path / "x.pdf")
    assert "期间" in refused_flag(cli, capsys, "--db", db_path, "print", "dues-sheet", "--period", "2026-Q5", "-o",
                                tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
