"""The member services behind the 会员档案 tab: the search condition (which columns each kind of
text searches), save_member (member and relatives in one transaction) and the history of a
member including relatives that were removed."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import AuditLog, Member, Relative
from union_desk.domain import idcard
from union_desk.errors import ValidationError
from union_desk.services import members


def add(name: str, **data) -> Member:
    return members.create_member({"name": name, **data})


@pytest.fixture
def school(db):
    born = dt.date(1980, 3, 4)
    return {
        "单田芳": add("单田芳", id_number=idcard.make_id("330106", born, 11, "男"), phone="13912345678"),
        "阿依古丽·买买提": add("阿依古丽·买买提", phone="020-87654321"),
        "王芳": add("王芳", id_number=idcard.make_id("110105", dt.date(1990, 1, 2), 20, "女")),
        "Anna": add("Anna"),
        "百分_号": add("百分_号"),
    }


def names(text: str) -> list[str]:
    return sorted(m.name for m in members.search_query(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("stf", ["单田芳"]),
        ("dantianfang", ["单田芳"]),
        ("SHAN", ["单田芳"]),
        ("田芳", ["单田芳"]),
        ("阿依古丽买买提", ["阿依古丽·买买提"]),  # the dot may be left out
        ("古丽·买", ["阿依古丽·买买提"]),
        ("12345678", ["单田芳"]),
        ("020-8765", ["阿依古丽·买买提"]),
        ("anna", ["Anna"]),
        ("_", ["百分_号"]),  # a LIKE wildcard typed in the box is a plain character
        ("%", []),
    ],
)
def test_search_matches_by_kind_of_text(school, text, expected):
    assert names(text) == expected


def test_search_by_id_fragment_with_x(db):
    number = next(
        idcard.make_id("330106", dt.date(1985, 6, 3), seq, "男")
        for seq in range(1, 999, 2)
        if idcard.make_id("330106", dt.date(1985, 6, 3), seq, "男").endswith("X")
    )
    add("解缙", id_number=number)
    assert names(number[-5:].lower()) == ["解缙"]
    assert names(number[-5:]) == ["解缙"]


def test_save_member_writes_member_and_relatives_together(db):
    member = members.save_member(
        None,
        {"name": "周敏", "birth_date": "1986-04-12"},
        [{"name": "周父", "relation": "父亲", "birth_date": "1956-03-01"}],
    )
    assert [r.name for r in member.relatives] == ["周父"]
    relative = member.relatives.get()
    updated = members.save_member(
        member, {"phone": "13900001111"}, [{"id": relative.id, "name": "周父", "relation": "父亲", "health": "住院"}]
    )
    assert updated.phone == "13900001111"
    assert Relative.get_by_id(relative.id).health == "住院"


def test_save_member_writes_nothing_when_a_relative_is_refused(db):
    with pytest.raises(ValidationError):
        members.save_member(None, {"name": "周敏"}, [{"name": "周父", "relation": "叔叔"}])
    assert Member.select().count() == 0 and AuditLog.select().count() == 0


def test_save_member_rolls_back_and_leaves_the_callers_object_alone(db, monkeypatch):
    member = add("周敏", phone="13900001111")

    def refuse(*_a, **_k):
        raise ValidationError("亲属 周父 已有走访慰问记录，不能删除。", field="relatives")

    monkeypatch.setattr(members, "save_relatives", refuse)
    with pytest.raises(ValidationError):
        members.save_member(member, {"phone": "13900002222"}, [])
    assert member.phone == "13900001111"
    assert members.get_member(member.id).phone == "13900001111"
    monkeypatch.undo()
    assert members.save_member(member, {"phone": "13900002222"}, []).phone == "13900002222"


def test_history_keeps_removed_relatives_and_not_other_members(db):
    first = add("周敏")
    other = add("李强")
    members.save_relatives(first, [{"name": "周母", "relation": "母亲"}])
    members.save_relatives(other, [{"name": "李父", "relation": "父亲"}])
    members.save_relatives(first, [])
    entries = members.history(first)
    relative_actions = [e.action for e in entries if e.table_name == "relative"]
    assert relative_actions == ["create", "delete"]
    assert all(e.table_name == "member" or "李父" not in (e.after or "") for e in entries)
