"""CLI of the 评优表彰 area (issue 18): `honours list`, `export ledger honours|nominations`,
`import ledger honours|nominations`, the `print` targets (certificates, notice, nomination-form,
honour-roll), and bad input (Chinese messages, the documented exit codes: 2 bad input, 3 not found)."""

from __future__ import annotations

import json

import openpyxl
import pytest


from cli_checks import read_db

FIELDS = {"id", "year", "title", "level", "awarding_body", "member_id", "holder", "group", "date", "source"}


_read = read_db


@pytest.fixture
def facts(demo_file):
    def read():
        from union_desk.db.honour_models import AwardRound, Honour, Nomination

        decided = AwardRound.select().where(AwardRound.decision_date.is_null(False)).order_by(AwardRound.id).first()
        honours = list(Honour.select())
        member = next(h.member for h in honours if h.member_id)
        return {
            "honours": {h.id: (h.year, h.title, h.level, h.source, h.member_id) for h in honours},
            "year": decided.year,
            "round": decided.id,
            "round_title": decided.title,
            "round_honours": Honour.select().join(Nomination).where(Nomination.award_round == decided).count(),
            "nomination": Nomination.select().where(Nomination.award_round == decided).first().id,
            "other_nomination": Nomination.select().where(Nomination.award_round != decided).first().id,
            "nominations": Nomination.select().join(AwardRound).where(AwardRound.year == decided.year).count(),
            "member": member.id,
            "member_honours": sum(1 for h in honours if h.member_id == member.id),
        }

    return _read(demo_file, read)


def test_honours_list_json_and_table(cli, demo_file, facts):
    code, out, _ = cli("--db", demo_file, "honours", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["id"] for r in rows} == set(facts["honours"])
    for r in rows:
        assert FIELDS <= set(r)
        assert (r["year"], r["title"], r["level"], r["source"], r["member_id"]) == facts["honours"][r["id"]]
        assert r["holder"] and r["awarding_body"]
    code, out, _ = cli("--db", demo_file, "honours", "list", "--year", facts["year"], "--json")
    rows = json.loads(out)
    assert code == 0 and rows and {r["year"] for r in rows} == {facts["year"]}
    code, out, _ = cli("--db", demo_file, "honours", "list", "--member", facts["member"], "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == facts["member_honours"] and {r["member_id"] for r in rows} == {facts["member"]}
    code, out, _ = cli("--db", demo_file, "honours", "list", "--year", facts["year"])
    assert code == 0 and f"{facts['year']}年度共" in out and "条荣誉记录" in out and "人次" in out
    assert "级  " in out


def test_bad_flags_are_refused_in_chinese(cli, demo_file, tmp_path):
    for args in (("honours", "list", "--year", "明年"), ("honours", "list", "--member", "0"),
                 ("print", "notice", "-o", tmp_path / "n.pdf"),  # --round is required
                 ("print", "certificates", "-o", tmp_path / "c.pdf"),  # --round or --honour
                 ("print", "certificates", "--round", "1", "--honour", "2", "-o", tmp_path / "c.pdf"),
                 ("print", "honour-roll", "--round", "x", "-o", tmp_path / "r.pdf")):
        with pytest.raises(SystemExit) as info:
            cli("--db", demo_file, *args)
        assert info.value.code == 2, args
    code, _, err = cli("--db", demo_file, "honours", "list", "--member", "99999")
    assert code == 3 and "找不到编号为 99999 的会员" in err
    for target in ("notice", "honour-roll", "certificates", "nomination-form"):
        code, _, err = cli("--db", demo_file, "print", target, "--round", "99999", "-o", tmp_path / "x.pdf")
        assert code == 3 and "找不到编号为 99999 的评选" in err, target
    assert not (tmp_path / "x.pdf").exists()
    code, _, err = cli("--db", demo_file, "print", "certificates", "--honour", "99999", "-o", tmp_path / "x.pdf")
    assert code == 3 and "找不到编号为 99999 的荣誉记录" in err


def test_export_and_import_the_ledgers(cli, demo_file, facts, tmp_path):
    target = tmp_path / "推荐.xlsx"
    code, out, _ = cli("--db", demo_file, "export", "ledger", "nominations", "--year", facts["year"], "-o", target)
    assert code == 0 and "已导出评优推荐汇总表" in out and f"{facts['nominations']} 人" in out
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value.endswith(f"（{facts['year']}年度）") and ws.cell(3, 2).value == "姓名"
    code, out, _ = cli("--db", demo_file, "import", "ledger", "nominations", target, "--json")
    data = json.loads(out)
    assert code == 0 and (data["added"], data["updated"], data["errors"]) == (0, 0, [])
    assert data["unchanged"] == facts["nominations"]
    register = tmp_path / "表彰.xlsx"
    code, out, _ = cli("--db", demo_file, "export", "ledger", "honours", "--year", facts["year"], "-o", register)
    assert code == 0 and "已导出表彰台账" in out
    code, out, _ = cli("--db", demo_file, "import", "ledger", "honours", register, "--json")
    data = json.loads(out)
    assert code == 0 and (data["added"], data["updated"], data["errors"]) == (0, 0, []) and data["unchanged"] >= 1
    # a holder who is not a member: nothing imported, exit 2, the row named
    workbook = openpyxl.load_workbook(register)
    ws = workbook.active
    cols = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
    ws.cell(4, cols["获得者"]).value = "无名氏"
    ws.cell(4, cols["类别"]).value = "个人"
    workbook.save(register)
    code, out, _ = cli("--db", demo_file, "import", "ledger", "honours", register, "--json")
    data = json.loads(out)
    assert code == 2 and data["imported"] is False and [r["row"] for r in data["rejected"]] == [4]
    assert "无名氏" in json.dumps(data["errors"], ensure_ascii=False)
    code, out, _ = cli("--db", demo_file, "import", "ledger", "honours", register)
    assert code == 2 and "第 4 行" in out and "没有导入任何数据" in out


def test_print_targets(cli, demo_file, facts, tmp_path):
    runs = [
        ("certificates", "--round", facts["round"]),
        ("certificates", "--honour", next(iter(facts["honours"])), "--honour", next(iter(facts["honours"]))),
        ("notice", "--round", facts["round"]),
        ("nomination-form", "--round", facts["round"]),
        ("nomination-form", "--round", facts["round"], "--nomination", facts["nomination"]),
        ("honour-roll", "--round", facts["round"]),
    ]
    for n, (target, *more) in enumerate(runs):
        path = tmp_path / f"{target}{n}.pdf"
        code, out, err = cli("--db", demo_file, "print", target, *more, "-o", path)
        assert code == 0, (target, err)
        assert "已生成" in out and path.read_bytes().startswith(b"%PDF"), target
    # a nomination of another round is refused
    code, _, err = cli("--db", demo_file, "print", "nomination-form", "--round", facts["round"], "--nomination",
                       facts["other_nomination"], "-o", tmp_path / "x.pdf")
    assert code == 2 and f"不属于“{facts['round_title']}”" in err
