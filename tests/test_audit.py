"""The audit log is written in the same transaction as the change."""

from __future__ import annotations

import json

import pytest

from union_desk.db.models import AuditLog, Member, Setting, database_proxy
from union_desk.errors import ValidationError
from union_desk.services import audit, settings


def test_create_and_update_are_logged_with_before_and_after(db):
    Setting.create(key="chair", value="王主席")
    member = audit.create(Member, name="李雷", phone="13800138000")
    changed = audit.update(member, phone="13900139000", name="李雷")
    assert changed == {"phone": "13900139000"}
    log = audit.history("member", member.id)
    assert [e.action for e in log] == ["create", "update"]
    assert log[0].actor == "王主席"
    assert json.loads(log[1].before) == {"phone": "13800138000"}
    assert json.loads(log[1].after) == {"phone": "13900139000"}


def test_update_without_change_writes_nothing(db):
    member = audit.create(Member, name="韩梅梅")
    assert audit.update(member, name="韩梅梅") == {}
    assert len(audit.history("member", member.id)) == 1


def test_failed_transaction_leaves_neither_change_nor_log(db):
    member = audit.create(Member, name="王五")
    with pytest.raises(RuntimeError):
        with database_proxy.atomic():
            audit.update(member, name="王六")
            raise RuntimeError("crash in the middle")
    assert Member.get_by_id(member.id).name == "王五"
    assert AuditLog.select().where(AuditLog.action == "update").count() == 0


def test_settings_validate_all_before_writing(db):
    with pytest.raises(ValidationError):
        settings.save({"school_name": "育才学校", "language": "fr"})
    assert settings.get("school_name") == ""
    settings.save({"school_name": "育才学校", "chair": "王主席"})
    assert settings.get_all()["school_name"] == "育才学校"
    entries = AuditLog.select().where(AuditLog.table_name == "setting").count()
    assert entries == 2
    settings.save({"window_geometry": "abc"})
    assert AuditLog.select().where(AuditLog.table_name == "setting").count() == 2


def test_create_many_writes_the_same_audit_rows_as_create(db):
    Setting.create(key="chair", value="王主席")
    single = audit.create(Member, note="逐条", name="甲", phone="13800138000")
    ids = audit.create_many(Member, [{"name": "乙", "phone": "13900139000"}, {"name": "丙"}], note="批量")
    assert [Member.get_by_id(i).name for i in ids] == ["乙", "丙"]
    one = audit.history("member", single.id)[0]
    many = audit.history("member", ids[0])[0]
    assert (many.action, many.actor, many.note) == ("create", "王主席", "批量")
    assert set(json.loads(many.after)) == set(json.loads(one.after))
    assert json.loads(many.after)["phone"] == "13900139000"


def test_members_bulk_refuses_duplicate_ids_within_and_outside_the_batch(db):
    from union_desk.domain.idcard import make_id
    from union_desk.services import members
    import datetime as dt

    known = make_id("440106", dt.date(1980, 1, 2), 11, "男")
    fresh = make_id("440106", dt.date(1985, 3, 4), 12, "女")
    members.create_member({"name": "老会员", "id_number": known})
    made, errors = members.create_members(
        [
            {"name": "重复甲", "id_number": known},
            {"name": "新人", "id_number": fresh},
            {"name": "新人二", "id_number": fresh},
            {"name": "", "phone": "123"},
        ]
    )
    assert list(made) == [1]
    assert "老会员" in errors[0].message and "第 2 条" in errors[2].message
    assert errors[3].field == "name" or "姓名" in errors[3].message
    new = Member.get_by_id(made[1])
    assert new.sex == "女" and new.birth_date == dt.date(1985, 3, 4) and new.pinyin_key


def test_create_many_stores_values_exactly_like_create(db):
    import datetime as dt
    from decimal import Decimal

    from union_desk.db.models import Visit, VisitType

    kinds = dict(name="测试", birth_date=dt.date(1985, 6, 3), birthday_lunar=True, joined_union_date=dt.date(2010, 9, 1))
    one = audit.create(Member, **kinds)
    (many_id,) = audit.create_many(Member, [kinds])
    columns = "name, birth_date, birthday_lunar, joined_union_date, sex, status, employment_type, pinyin_key, id_number"
    rows = db.execute_sql(f"SELECT {columns} FROM member WHERE id IN (?, ?) ORDER BY id", (one.id, many_id)).fetchall()
    assert rows[0] == rows[1]
    vt = VisitType.get(VisitType.name == "生病住院")
    data = dict(serial="X1", date=dt.date(2026, 3, 1), member=one, visit_type=vt, cash=Decimal("1005.5"))
    (visit_id,) = audit.create_many(Visit, [data])
    stored = Visit.get_by_id(visit_id)
    assert stored.cash == Decimal("1005.50") and stored.member_id == one.id and stored.date == dt.date(2026, 3, 1)
    raw = db.execute_sql("SELECT cash, date FROM visit WHERE id=?", (visit_id,)).fetchone()
    assert raw == (100550, "2026-03-01")
