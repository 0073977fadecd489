"""Schema step 5 (会议与登记, issue 17): the meeting and register tables are created and the meeting
kinds seeded when a version-4 file is opened; the backup is made first; a failing step leaves the
file at version 4."""

from __future__ import annotations

from union_desk import areas
from union_desk.db import meeting_models, migrations
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use

from schema_step_checks import (
    assert_backed_up_before_upgrade,
    assert_step_left_file_unchanged,
    make_previous_version,
    raw,
    user_version,
)

TABLES = ("meeting_kind", "meeting", "meeting_attendance", "decision", "letter", "suggestion_campaign", "suggestion")


def make_version_4(db_path):
    make_previous_version(db_path, 4, TABLES, [{"name": "张委员", "sex": "女", "union_roles": "工会委员"}])


def test_step_5_is_registered_by_the_meetings_area():
    assert areas.get("meetings").schema_steps[5] == "union_desk.db.meeting_models:step_5"
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_version_4_file_is_backed_up_and_upgraded(db_path):
    make_version_4(db_path)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        kinds = [(k.name, k.roles, k.min_count, k.min_period) for k in meeting_models.MeetingKind.select().order_by(meeting_models.MeetingKind.sort_order)]
        assert kinds == [tuple(seed) for seed in meeting_models.SEED_KINDS]
        assert Member.get(Member.name == "张委员").union_roles == "工会委员"
    finally:
        close_database()
    assert_backed_up_before_upgrade(db_path, 4, TABLES)


def test_fresh_file_has_the_kinds_once(db_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    open_for_use(db_path, auto_backup=False)
    close_database()
    with raw(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM meeting_kind").fetchone()[0] == len(meeting_models.SEED_KINDS)
        assert user_version(conn) == migrations.SCHEMA_VERSION


def test_step_5_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    make_version_4(db_path)
    assert_step_left_file_unchanged(db_path, monkeypatch, 5, meeting_models.step_5, TABLES)
