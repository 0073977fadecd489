"""Schema step 6 (评优表彰, issue 18): the honours tables are created and the award types
seeded when a version-5 file is opened; the backup is made first; a failing step leaves the
file at version 5."""

from __future__ import annotations

from union_desk import areas
from union_desk.db import honour_models, migrations
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

TABLES = ("award_type", "award_round", "nomination", "honour")


def make_version_5(db_path):
    make_previous_version(db_path, 5, TABLES, [{"name": "张委员", "sex": "女", "union_roles": "工会委员"}])


def test_step_6_is_registered_by_the_honours_area():
    assert areas.get("honours").schema_steps[6] == "union_desk.db.honour_models:step_6"
    assert sorted(migrations.STEPS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_version_5_file_is_backed_up_and_upgraded(db_path):
    make_version_5(db_path)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
        awards = [(a.name, a.level, a.target, a.eligible_sex, a.eligible_statuses, a.eligible_roles, a.default_quota,
                   a.awarding_body) for a in honour_models.AwardType.select().order_by(honour_models.AwardType.sort_order)]
        assert awards == [tuple(seed) for seed in honour_models.SEED_AWARDS]
        assert Member.get(Member.name == "张委员").union_roles == "工会委员"
    finally:
        close_database()
    assert_backed_up_before_upgrade(db_path, 5, TABLES)


def test_fresh_file_has_the_award_types_once(db_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    open_for_use(db_path, auto_backup=False)
    close_database()
    with raw(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM award_type").fetchone()[0] == len(honour_models.SEED_AWARDS)
        assert user_version(conn) == migrations.SCHEMA_VERSION


def test_step_6_runs_in_the_upgrade_transaction(db_path, monkeypatch):
    make_version_5(db_path)
    assert_step_left_file_unchanged(db_path, monkeypatch, 6, honour_models.step_6, TABLES)
