"""Schema step 8 (会籍与会费, issue 20): the membership tables are created when a version-7 file is
opened, and every member's history is written from the archive (入会 on the join date, the event
today's status stands for on its date, marked 补记); the backup is made first; a failing step leaves
the file at version 7."""

from __future__ import annotations

import datetime as dt

from union_desk import areas
from union_desk.db import membership_models, migrations
from union_desk.db.database import close_database
from union_desk.db.membership_models import MembershipEvent
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use

from schema_step_checks import (
    assert_backed_up_before_upgrade,
    assert_step_left_file_unchanged,
    make_previous_version,
    raw,
    user_version,
)

TABLES = ("non_member_staff", "membership_event", "wage_base", "dues_exemption", "dues_payment", "past_dues_rule")
PEOPLE = [
    {"name": "在职甲", "joined_union_date": dt.date(2005, 9, 1)},
    {"name": "退休乙", "joined_union_date": dt.date(1990, 9, 1), "status": "退休", "status_date": dt.date(2025, 3, 31)},
    {"name": "调出丙", "joined_union_date": dt.date(2012, 9, 1), "status": "调出", "status_date": dt.date(2024, 8, 20)},
    {"name": "去世丁", "status": "去世", "status_date": None},
    {"name": "无日期戊"},
]


def make_version_7(db_path):
    make_previous_version(db_path, 7, TABLES, PEOPLE)


def _history() -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for event in MembershipEvent.select().join(Member).order_by(MembershipEvent.id):
        found.setdefault(event.member.name, []).append((event.kind, event.date, event.reason, event.backfilled))
    return found


def test_step_8_is_registered_by_the_membership_area():
    assert areas.get("membership").schema_steps[8] == "union_desk.db.membership_models:step_8"
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_version_7_file_gets_each_members_history(db_path):
    make_version_7(db_path)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        history = _history()
        assert history["在职甲"] == [("入会", dt.date(2005, 9, 1), "", True)]
        assert history["退休乙"] == [("入会", dt.date(1990, 9, 1), "", True), ("保留会籍", dt.date(2025, 3, 31), "退休", True)]
        assert history["调出丙"] == [("入会", dt.date(2012, 9, 1), "", True), ("转出", dt.date(2024, 8, 20), "", True)]
        assert history["去世丁"] == [("去世", dt.date.today(), "", True)]
        assert "按升级当天记" in MembershipEvent.get(MembershipEvent.kind == "去世").note
        assert "无日期戊" not in history
        # the statuses the archive had are the statuses the events give
        assert {m.name: m.status for m in Member.select()} == {
            "在职甲": "在职", "退休乙": "退休", "调出丙": "调出", "去世丁": "去世", "无日期戊": "在职"}
    finally:
        close_database()
    assert_backed_up_before_upgrade(db_path, 7, TABLES)


def test_opening_twice_writes_the_history_once(db_path):
    make_version_7(db_path)
    open_for_use(db_path, auto_backup=False)
    close_database()
    open_for_use(db_path, auto_backup=False)
    close_database()
    with raw(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM membership_event").fetchone()[0] == 6
        assert user_version(conn) == migrations.SCHEMA_VERSION


def test_step_8_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    make_version_7(db_path)
    assert_step_left_file_unchanged(db_path, monkeypatch, 8, membership_models.step_8, TABLES)
