"""The area registry (issue 13): an extra area plugs into the CLI, `check`, the demo, the schema
steps and the settings through its registration alone."""

from __future__ import annotations

import pytest

import fake_area
from union_desk import areas
from union_desk.cli import build_parser, main


@pytest.fixture
def fake():
    fake_area.calls.clear()
    areas.register(fake_area.AREA)
    yield fake_area.AREA
    areas.unregister("fake")


def test_the_installed_areas_and_their_parts():
    keys = [a.key for a in areas.all_areas()]
    assert keys == ["home", "members", "hardship", "activities", "plan", "books", "congress", "meetings", "honours",
                    "funds", "membership"]
    assert [e.key for e in areas.nav_entries()] == ["home", "plan", "members", "membership", "hardship", "activities", "congress",
                                                    "meetings", "honours", "funds", "ledgers", "stats"]
    assert [link.kind for link in areas.plan_links()] == ["activity", "visit", "congress_session", "meeting", "decision"]
    assert [l.kind for l in areas.ledgers()][:7] == ["members", "hardship", "assistance", "visits", "activities", "signups", "plan"]
    assert [l.kind for l in areas.ledgers()][7:] == ["delegates", "proposals", "meetings", "letters", "suggestions",
                                                     "nominations", "honours", "membership", "dues", "funds", "funds-summary"]
    assert [h.__name__ for h in areas.hooks("money")] == ["posted"]  # the funds book posts what others pay
    assert [h.__name__ for h in areas.hooks("member_status")] == ["status_moved"]  # the archive's status → an event
    for area in areas.all_areas():  # every reference resolves
        for ref in (*area.ledgers, *area.stats, *area.models, *area.cli, *(e.page for e in area.nav),
                    *(t.panel for t in area.member_tabs), *(s.run for s in area.demo)):
            assert areas.resolve(ref) is not None, ref
        if area.home:
            assert callable(areas.resolve(area.home))


def test_an_area_cannot_be_registered_twice(fake):
    with pytest.raises(ValueError):
        areas.register(fake_area.AREA)


def test_cli_commands_and_check_counts_of_an_extra_area(fake, capsys, db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    args = build_parser().parse_args(["fake-hello"])
    assert args.func(args, None) == 0 and "你好" in capsys.readouterr().out
    open_for_use(db_path, auto_backup=False)
    close_database()
    assert main(["--db", str(db_path), "check"]) == 0
    assert "测试记录：" in capsys.readouterr().out


def test_the_demo_runs_the_extra_area_step(fake, db):
    from union_desk.demo.generator import generate

    summary = generate(members=5, seed=1)
    assert "demo" in fake_area.calls and summary["测试记录"] == 3


def test_area_settings_are_saved_and_unknown_ones_refused(fake, db):
    from union_desk.errors import ValidationError
    from union_desk.services import settings

    assert settings.get("fake_setting") == ""
    settings.save({"fake_setting": "甲"})
    assert settings.get("fake_setting") == "甲" and settings.get_all()["fake_setting"] == "甲"
    areas.unregister("fake")
    with pytest.raises(ValidationError):
        settings.save({"fake_setting": "乙"})
    areas.register(fake_area.AREA)


def test_schema_steps_come_from_the_areas_in_order(monkeypatch):
    from dataclasses import replace

    from union_desk.db import migrations

    n = max(migrations._all_steps())  # the real steps: 1, and 2 of 会员档案 (issue 15) onwards
    assert sorted(migrations._all_steps()) == list(range(1, n + 1)) and n >= 2
    areas.register(replace(fake_area.AREA, schema_steps={n + 1: "fake_area:demo_step"}))
    try:
        assert sorted(migrations._all_steps()) == list(range(1, n + 2))
    finally:
        areas.unregister("fake")
    areas.register(replace(fake_area.AREA, schema_steps={2: "fake_area:demo_step"}))
    try:
        with pytest.raises(RuntimeError, match="claimed twice"):
            migrations._all_steps()
    finally:
        areas.unregister("fake")
    areas.register(replace(fake_area.AREA, schema_steps={n + 2: "fake_area:demo_step"}))
    try:
        with pytest.raises(RuntimeError, match="without gaps"):
            migrations._all_steps()
    finally:
        areas.unregister("fake")
