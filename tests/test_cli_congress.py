"""CLI of the 教代会 area (issue 16): `congress list`, `export ledger proposals|delegates`,
`import ledger proposals|delegates`, the `print` targets, and bad input (Chinese messages, the
documented exit codes: 2 bad input, 3 not found)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from union_desk.db.congress_models import CongressSession, Delegate, Evaluation, Proposal

from cli_checks import read_db

FIELDS = {"id", "term", "number", "title", "date", "expected", "present", "quorum_ok"}


_read = read_db


@pytest.fixture
def facts(demo_file):
    def read():
        sessions = list(CongressSession.select().order_by(CongressSession.date))
        first = sessions[0]
        return {
            "sessions": {s.id: (s.term.number, s.number, s.title, s.date.isoformat()) for s in sessions},
            "session": first.id,
            "year": first.date.year,
            "in_year": Proposal.select().join(CongressSession).where(CongressSession.date.year == first.date.year).count(),
            "proposal": Proposal.select().where(Proposal.state == "已反馈").first().id,
            "evaluation": Evaluation.select().first().id,
            "delegates": Delegate.select().count(),
        }

    return _read(demo_file, read)


def test_congress_list_json_and_table(cli, demo_file, facts):
    code, out, _ = cli("--db", demo_file, "congress", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["id"] for r in rows} == set(facts["sessions"])
    for r in rows:
        assert FIELDS <= set(r)
        assert (r["term"], r["number"], r["title"], r["date"]) == facts["sessions"][r["id"]]
        assert isinstance(r["quorum_ok"], bool) and r["present"] <= r["expected"]
    code, out, _ = cli("--db", demo_file, "congress", "list", "--year", facts["year"])
    assert code == 0 and f"{facts['year']}年共" in out and "应到" in out and "出席" in out
    assert all(title in out for _t, _n, title, day in facts["sessions"].values() if day.startswith(str(facts["year"])))


def test_bad_flags_are_refused_in_chinese(cli, demo_file, tmp_path):
    with pytest.raises(SystemExit) as info:
        cli("--db", demo_file, "congress", "list", "--year", "明年")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli("--db", demo_file, "print", "proposal", "0", "-o", tmp_path / "p.pdf")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli("--db", demo_file, "print", "proposals-report", "-o", tmp_path / "r.pdf")  # --session is required
    assert info.value.code == 2
    code, _, err = cli("--db", demo_file, "print", "proposal", "99999", "-o", tmp_path / "p.pdf")
    assert code == 3 and "找不到" in err and not (tmp_path / "p.pdf").exists()
    code, _, err = cli("--db", demo_file, "print", "evaluation", "99999", "-o", tmp_path / "e.xlsx")
    assert code == 3 and "找不到" in err


def test_export_and_import_the_ledgers(cli, demo_file, facts, tmp_path):
    target = tmp_path / "提案.xlsx"
    code, out, _ = cli("--db", demo_file, "export", "ledger", "proposals", "--year", facts["year"], "-o", target)
    assert code == 0 and "已导出教代会提案台账" in out and f"{facts['in_year']} 件" in out
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value.endswith(f"（{facts['year']}年度）") and ws.cell(3, 2).value == "提案编号"
    code, out, _ = cli("--db", demo_file, "import", "ledger", "proposals", target, "--json")
    data = json.loads(out)
    assert code == 0 and (data["added"], data["updated"], data["errors"]) == (0, 0, [])
    assert data["unchanged"] == facts["in_year"]
    roster = tmp_path / "代表.xlsx"
    code, out, _ = cli("--db", demo_file, "export", "ledger", "delegates", "--year", facts["year"], "-o", roster)
    assert code == 0 and "已导出教代会代表名册" in out
    code, out, _ = cli("--db", demo_file, "import", "ledger", "delegates", roster, "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == 0 and data["errors"] == [] and data["unchanged"] >= 1
    # a proposer who is not a member: nothing imported, exit 2, the row named
    workbook = openpyxl.load_workbook(target)
    ws = workbook.active
    ws.cell(4, 4).value = "无名氏"
    ws.cell(4, 3).value = "改过的案由"
    ws.cell(5, 3).value = "另一处改动"
    workbook.save(target)
    code, out, _ = cli("--db", demo_file, "import", "ledger", "proposals", target, "--json")
    data = json.loads(out)
    assert code == 2 and data["imported"] is False and data["updated"] == 0
    assert [r["row"] for r in data["rejected"]] == [4] and "无名氏" in json.dumps(data["errors"], ensure_ascii=False)
    code, out, _ = cli("--db", demo_file, "import", "ledger", "proposals", target)
    assert code == 2 and "第 4 行" in out and "没有导入任何数据" in out
    assert _read(demo_file, lambda: Proposal.select().where(Proposal.title == "另一处改动").count()) == 0


def test_print_targets(cli, demo_file, facts, tmp_path):
    runs = [
        ("proposal", str(facts["proposal"])),
        ("proposal-reply", str(facts["proposal"])),
        ("proposals-report", "--session", str(facts["session"])),
        ("evaluation", str(facts["evaluation"])),
        ("congress-signin", "--session", str(facts["session"])),
    ]
    for target, *more in runs:
        path = tmp_path / f"{target}.pdf"
        code, out, err = cli("--db", demo_file, "print", target, *more, "-o", path)
        assert code == 0, (target, err)
        assert "已生成" in out and path.read_bytes().startswith(b"%PDF"), target
    path = tmp_path / "评议.xlsx"
    code, out, _ = cli("--db", demo_file, "print", "evaluation", str(facts["evaluation"]), "-o", path)
    assert code == 0 and "已导出民主评议汇总表" in out
    assert openpyxl.load_workbook(path).active.cell(3, 9).value == "满意率"
