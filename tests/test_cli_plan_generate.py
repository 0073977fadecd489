"""CLI: `plan generate --year Y` says which rules give no item in the year (issue 15: 腊八, lunar
腊月初八, fell on 2022-12-30 and 2024-01-18 — 中国天文年历 — so 2023 has none)."""

from __future__ import annotations


def test_generate_names_the_rules_without_a_date(cli, db_path):
    from union_desk.db.database import close_database
    from union_desk.services import plan_template
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    plan_template.create_rule({"title": "腊八送粥", "category": "慰问", "kind": "lunar", "month": 12, "day": 8})
    close_database()

    code, stdout, err = cli("--db", db_path, "plan", "generate", "--year", 2023)
    assert code == 0, err
    lines = stdout.splitlines()
    assert lines[0].startswith("2023年工作计划：新增 ")
    assert lines[1:] == [
        "  提示：腊八送粥：农历腊月初八在2023年没有对应的日期（前后为 2022-12-30、2024-01-18），本年未生成此项"
    ]
    code, stdout, err = cli("--db", db_path, "plan", "generate", "--year", 2024)
    assert code == 0, err
    assert "提示" not in stdout  # 腊八 2024-01-18
