"""Schema step 4 (教代会, issue 16 Decision "Delegate records are the source of truth"): the congress
tables are created when a version-3 file is opened; today's holders of the role 教代会代表 (在职)
become delegates of a term 1 running since this school year's 1 September; a file without holders
gets the tables and no term. The backup is made first, and the step runs in its transaction."""

from __future__ import annotations

import datetime as dt

from union_desk import areas
from union_desk.db import congress_models, migrations
from union_desk.db.congress_models import CONGRESS_MODELS, CongressTerm, Delegate
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.services import congress
from union_desk.services.maintenance import open_for_use

from schema_step_checks import (
    assert_backed_up_before_upgrade,
    assert_step_left_file_unchanged,
    make_previous_version,
    raw,
    tables,
    user_version,
)

TABLES = {m._meta.table_name for m in CONGRESS_MODELS}


def make_version_3(db_path, people=()):
    """A file as version 3 left it: members (with their roles), no congress tables."""
    make_previous_version(db_path, 3, [m._meta.table_name for m in CONGRESS_MODELS], people, lenient=True)


HOLDERS = (
    {"name": "王芳", "sex": "女", "post": "教师", "department": "语文组", "union_group": "语文工会小组",
     "union_roles": "工会委员,教代会代表"},
    {"name": "李主任", "sex": "男", "post": "教务处主任", "department": "教务处", "union_roles": "教代会代表"},
    {"name": "赵敏", "sex": "女", "post": "教师", "department": "数学组", "union_roles": "工会小组长"},
    {"name": "钱退休", "sex": "男", "post": "教师", "status": "退休", "union_roles": "教代会代表"},
    {"name": "孙无", "sex": "男", "post": "教师"},
)


def school_year_start(today=None):
    today = today or dt.date.today()
    return dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def test_step_4_is_registered_by_the_congress_area():
    assert areas.get("congress").schema_steps[4] == "union_desk.db.congress_models:step_4"
    assert migrations.SCHEMA_VERSION >= 4
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_role_holders_become_delegates_of_term_1(db_path):
    make_version_3(db_path, HOLDERS)
    with raw(db_path) as conn:
        assert user_version(conn) == 3 and not TABLES & tables(conn)
    open_for_use(db_path, auto_backup=False)
    try:
        term = CongressTerm.get()
        assert (term.number, term.start_date, term.end_date) == (1, school_year_start(), None)
        assert "请核对届次与起止日期" in term.notes
        seats = {d.member.name: d for d in Delegate.select()}
        assert sorted(seats) == ["李主任", "王芳"]
        wang, li = seats["王芳"], seats["李主任"]
        assert (wang.category, wang.group_name, wang.how) == ("教师", "语文工会小组", "选举")
        assert (li.category, li.group_name) == ("干部", "教务处")  # no 工会小组: the department
        assert wang.elected_date == school_year_start() and wang.left_date is None
        assert congress.current_term().id == term.id
        # The derived role agrees with the seats: nothing to change after the step.
        assert congress.sync_roles() == [Member.get(Member.name == "钱退休")]
        assert Member.get(Member.name == "王芳").union_roles == "工会委员,教代会代表"
        assert Member.get(Member.name == "赵敏").union_roles == "工会小组长"
        assert not Delegate.select().join(Member).where(Member.name.in_(["赵敏", "孙无", "钱退休"])).exists()
    finally:
        close_database()


def test_a_role_among_others_is_found_exactly(db_path):
    """'教代会代表' must be a role of its own in the comma list, with spaces tolerated."""
    make_version_3(db_path, (
        {"name": "甲", "union_roles": "工会委员, 教代会代表 "},
        {"name": "乙", "union_roles": "女工委员"},
    ))
    open_for_use(db_path, auto_backup=False)
    try:
        assert [d.member.name for d in Delegate.select()] == ["甲"]
        congress.sync_roles()
        assert Member.get(Member.name == "甲").union_roles in ("工会委员, 教代会代表 ", "工会委员,教代会代表")
        assert Member.get(Member.name == "乙").union_roles == "女工委员"
    finally:
        close_database()


def test_version_3_file_is_backed_up_first(db_path):
    make_version_3(db_path, HOLDERS)
    open_for_use(db_path, auto_backup=False)
    close_database()
    assert_backed_up_before_upgrade(db_path, 3, TABLES)


def test_members_without_the_role_get_no_term(db_path):
    make_version_3(db_path, ({"name": "赵敏", "union_roles": "工会小组长"}, {"name": "孙无"}))
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        assert CongressTerm.select().count() == 0 and Delegate.select().count() == 0
    finally:
        close_database()
    with raw(db_path) as conn:
        assert TABLES <= tables(conn)


def test_an_empty_file_gets_the_tables_and_no_term(db_path):
    make_version_3(db_path)
    open_for_use(db_path, auto_backup=False)
    try:
        assert CongressTerm.select().count() == 0
        # the tables work
        term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
        assert congress.list_terms() == [term]
    finally:
        close_database()


def test_a_fresh_file_has_the_tables_at_the_latest_version(db_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    with raw(db_path) as conn:
        assert TABLES <= tables(conn)
        assert user_version(conn) == migrations.SCHEMA_VERSION
        assert conn.execute("SELECT COUNT(*) FROM congress_term").fetchone()[0] == 0


def test_step_4_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    """A failure after step 4 has made the term and delegates leaves the version-3 file as it was."""
    make_version_3(db_path, HOLDERS)
    assert_step_left_file_unchanged(db_path, monkeypatch, 4, congress_models.step_4, TABLES)
    with raw(db_path) as conn:
        roles = dict(conn.execute("SELECT name, union_roles FROM member"))
        assert roles["王芳"] == "工会委员,教代会代表"
    monkeypatch.undo()
    open_for_use(db_path, auto_backup=False)  # the next try succeeds
    try:
        assert Delegate.select().count() == 2
    finally:
        close_database()
