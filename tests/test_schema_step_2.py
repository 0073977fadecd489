"""Schema step 2 (会员档案, issue 15 Decision "Pinyin"): every member's pinyin search key is rebuilt
with the new rules when a version-1 file is opened; the backup before the upgrade is made first.

Cases: 吕 lǚ typed lyu (GB/T 16159-2012; the 2012 passport romanisation LYU); 宁 as a given name
is níng, its rare reading zhù (pypinyin's heteronym data) no longer indexed.
"""

from __future__ import annotations


from union_desk import areas
from union_desk.db import backup, database, migrations
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.domain.pinyin import search_key
from union_desk.services import members
from union_desk.services.maintenance import open_for_use

from schema_step_checks import open_with_step_failing_after, raw, user_version

# keys as version 1 stored them: every reading of every character, ü only as v
OLD_KEYS = {
    "吕布": "吕布 lvbu lb",
    "黄宁胜": "黄宁胜 huangningsheng huangzhusheng hns hzs",
    "单田芳": "单田芳 dantianfang chantianfang shantianfang dtf ctf stf",
}


def make_version_1(db_path):
    open_for_use(db_path, auto_backup=False)
    for name, key in OLD_KEYS.items():
        Member.create(name=name, pinyin_key=key)
    database.current_database().execute_sql("PRAGMA user_version = 1")
    close_database()


def test_step_2_is_registered_by_the_members_area():
    assert areas.get("members").schema_steps[2] == "union_desk.db.member_steps:step_2"
    assert migrations.SCHEMA_VERSION >= 2
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_version_1_file_is_backed_up_upgraded_and_searchable(db_path):
    make_version_1(db_path)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        for m in Member.select():
            assert m.pinyin_key == search_key(m.name)
        assert [m.name for m in members.search("lyu")] == ["吕布"]
        assert [m.name for m in members.search("lu")] == ["吕布"]
        assert "黄宁胜" not in [m.name for m in members.search("zh")]
        assert [m.name for m in members.search("shan")] == ["单田芳"]
    finally:
        close_database()
    backups = backup.list_backups(db_path)
    assert [b.kind for b in backups] == ["pre-upgrade"]
    with raw(backups[0].path) as conn:
        assert user_version(conn) == 1
        assert dict(conn.execute("SELECT name, pinyin_key FROM member")) == OLD_KEYS


def test_file_already_at_version_2_is_left_alone(db_path):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="吕布", pinyin_key="吕布 custom")
    close_database()
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        assert Member.get(Member.name == "吕布").pinyin_key == "吕布 custom"
    finally:
        close_database()
    assert backup.list_backups(db_path) == []


def test_step_2_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    """A failure after step 2 has rewritten the keys leaves the version-1 keys in place."""
    make_version_1(db_path)
    from union_desk.db import member_steps

    open_with_step_failing_after(db_path, monkeypatch, 2, member_steps.step_2)
    with raw(db_path) as conn:
        assert user_version(conn) == 1
        assert dict(conn.execute("SELECT name, pinyin_key FROM member")) == OLD_KEYS
