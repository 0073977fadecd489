"""CLI of 会议与登记 (issue 17): `meetings list [--year] [--json]` with the meeting-count warning,
`print minutes ID… -o F.pdf`, and the three ledgers through `export ledger` / `import ledger`."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from union_desk.cli import main



@pytest.fixture
def db_file(tmp_path):
    """A database with two committee meetings in the first quarter of 2026 only (so the second
    and third quarters are short), a letter and a suggestion."""
    from union_desk.db import database
    from union_desk.services import members, settings
    from union_desk.services import meetings as s
    from union_desk.services.maintenance import open_for_use

    path = tmp_path / "union_desk.sqlite"
    open_for_use(path, auto_backup=False)
    settings.save({"school_name": "红星中学"})
    people = [members.create_member({"name": n, "sex": "男", "department": "数学组", "union_roles": "工会委员"})
              for n in ("王芳", "李强", "张伟")]
    committee = s.kind_by_name("工会委员会")
    first = s.save_meeting({"kind": committee, "date": "2026-01-12", "time": "16:00", "place": "会议室", "chair": "王芳",
                            "recorder": "李强", "topics": "寒假慰问安排\n春节送温暖"})
    s.mark_attendance(first, [people[2].id], "请假", "事假")
    s.add_decision(first, {"text": "春节走访困难职工", "owner": "王芳", "due_date": "2026-02-10"})
    s.save_meeting({"kind": committee, "date": "2026-03-20", "place": "会议室", "topics": "三八节总结"})
    s.save_letter({"date": "2026-04-01", "channel": "信箱", "person_kind": "匿名", "matter": "食堂"})
    s.save_suggestion({"date": "2026-05-01", "member": people[1], "title": "节约用电"})
    ids = [first.id]
    database.close_database()
    return path, ids


def test_meetings_list_json_and_the_count_warning(cli, db_file):
    path, _ = db_file
    code, out, err = cli("--db", path, "meetings", "list", "--year", 2026, "--json")
    assert code == 0
    rows = json.loads(out)  # stdout is pure JSON: the warnings go to stderr
    assert [r["date"] for r in rows] == ["2026-03-20", "2026-01-12"]
    first = rows[1]
    assert (first["kind"], first["expected"], first["present"], first["decisions"], first["decisions_open"]) == ("工会委员会", 3, 2, 1, 1)
    assert first["topics"] == ["寒假慰问安排", "春节送温暖"]
    assert "提醒：工会委员会应每季度至少召开1次：2026年第二季度、2026年第三季度" in err
    code, out, _ = cli("--db", path, "meetings", "list", "--year", 2025, "--json")
    assert code == 0 and json.loads(out) == []


def test_meetings_list_as_a_table(cli, db_file):
    path, ids = db_file
    code, out, err = cli("--db", path, "meetings", "list", "--year", 2026)
    assert code == 0
    assert "共 2 次会议" in out
    line = next(line for line in out.splitlines() if line.strip().startswith(str(ids[0])))
    assert "2026-01-12 16:00" in line and "工会委员会" in line and "应到  3 实到  2" in line and "寒假慰问安排；春节送温暖" in line
    assert "提醒：" in err


def test_print_minutes(cli, db_file, tmp_path):
    path, ids = db_file
    target = tmp_path / "会议记录.pdf"
    code, out, _ = cli("--db", path, "print", "minutes", ids[0], "-o", target)
    assert code == 0 and "已生成" in out and "1 页" in out
    text = "".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert "红星中学工会会议记录" in text and "春节走访困难职工" in text and "缺席及原因张伟（请假：事假）" in text


def test_print_minutes_of_an_unknown_meeting_exits_3(cli, db_file, tmp_path):
    path, ids = db_file
    code, _, err = cli("--db", path, "print", "minutes", ids[0], 9999, "-o", tmp_path / "x.pdf")
    assert code == 3 and "找不到编号为 9999 的会议" in err
    assert not (tmp_path / "x.pdf").exists()


def test_bad_arguments_are_chinese_and_exit_2(capsys, db_file, tmp_path):
    path, _ = db_file
    with pytest.raises(SystemExit) as info:
        main(["--db", str(path), "print", "minutes", "abc", "-o", str(tmp_path / "x.pdf")])
    assert info.value.code == 2 and "参数错误" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(path), "meetings", "list", "--year", "二〇二六"])
    assert info.value.code == 2 and "不是年份" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(path), "print", "minutes", "1"])  # no -o
    assert info.value.code == 2 and "缺少必需的参数" in capsys.readouterr().err


@pytest.mark.parametrize("kind, title", [("meetings", "会议记录台账"), ("letters", "来信来访登记台账"), ("suggestions", "合理化建议台账")])
def test_the_ledgers_through_the_generic_commands(cli, db_file, tmp_path, kind, title):
    path, _ = db_file
    target = tmp_path / f"{kind}.xlsx"
    code, out, _ = cli("--db", path, "export", "ledger", kind, "--year", 2026, "-o", target)
    assert code == 0 and f"已导出{title}（2026年度）" in out and target.exists()
    code, out, _ = cli("--db", path, "import", "ledger", kind, target, "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["updated"], report["errors"]) == (0, 0, []) and report["unchanged"] >= 1
