"""Schema step 3 (会员档案, issue 15 Decision "Retirement track"): `member.retirement_track` is
added with the default "" (the track follows from sex and post) when a version-2 file is opened;
the backup is made first, and recorded statuses and dates are left as they are."""

from __future__ import annotations

import datetime as dt

from union_desk import areas
from union_desk.db import backup, database, migrations
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use

from schema_step_checks import open_with_step_failing_after, raw, user_version


def make_version_2(db_path):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="张退休", sex="女", birth_date=dt.date(1966, 3, 1), status="退休",
                  status_date=dt.date(2021, 3, 1))
    Member.create(name="李在职", sex="男", birth_date=dt.date(1970, 5, 1))
    db = database.current_database()
    db.execute_sql("ALTER TABLE member DROP COLUMN retirement_track")
    db.execute_sql("PRAGMA user_version = 2")
    close_database()


def columns(conn):
    return [row[1] for row in conn.execute("PRAGMA table_info(member)")]


def test_step_3_is_registered_by_the_members_area():
    assert areas.get("members").schema_steps[3] == "union_desk.db.member_steps:step_3"
    assert migrations.SCHEMA_VERSION >= 3
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_version_2_file_is_backed_up_and_upgraded(db_path):
    make_version_2(db_path)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        retired = Member.get(Member.name == "张退休")
        assert retired.retirement_track == ""
        assert (retired.status, retired.status_date) == ("退休", dt.date(2021, 3, 1))
        m = Member.get(Member.name == "李在职")
        m.retirement_track = "男60"
        m.save()
        assert Member.get_by_id(m.id).retirement_track == "男60"
        assert Member.create(name="新会员").retirement_track == ""
    finally:
        close_database()
    backups = backup.list_backups(db_path)
    assert [b.kind for b in backups] == ["pre-upgrade"]
    with raw(backups[0].path) as conn:
        assert user_version(conn) == 2
        assert "retirement_track" not in columns(conn)


def test_fresh_file_has_the_column_once(db_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    with raw(db_path) as conn:
        assert columns(conn).count("retirement_track") == 1
        assert user_version(conn) == migrations.SCHEMA_VERSION


def test_step_3_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    """A failure after step 3 has added the column leaves the version-2 table as it was."""
    make_version_2(db_path)
    from union_desk.db import member_steps

    open_with_step_failing_after(db_path, monkeypatch, 3, member_steps.step_3)
    with raw(db_path) as conn:
        assert user_version(conn) == 2
        assert "retirement_track" not in columns(conn)
