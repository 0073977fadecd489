"""教代会代表 (issue 16): seats per term, by-elections replacing a delegate who left, the checks on
who can be seated, the share warnings with their settings, and the derived member role 教代会代表
(the delegate records are the source of truth; editing a member keeps the derived role)."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.congress_models import Delegate, SessionAttendance
from union_desk.db.models import AuditLog, Member
from union_desk.errors import ValidationError
from union_desk.services import audit, members, settings
from union_desk.services import congress as c

ROLE = "教代会代表"


@pytest.fixture
def term(db):
    return c.save_term({"number": 5, "start_date": "2024-09-01"})


def person(name, sex="女", **data):
    return members.create_member({"name": name, "sex": sex, "department": "语文组", **data})


def roles(member):
    return [r for r in Member.get_by_id(member.id).union_roles.split(",") if r]


# --- seating -------------------------------------------------------------------------------------


def test_add_a_delegate(term):
    m = person("王芳")
    d = c.add_delegate(term, m, {"group_name": "语文组", "category": "干部", "elected_date": "2024-09-10"})
    d = Delegate.get_by_id(d.id)
    assert (d.term_id, d.member_id, d.group_name, d.category, d.how) == (term.id, m.id, "语文组", "干部", "选举")
    assert d.elected_date == dt.date(2024, 9, 10) and d.left_date is None
    assert c.is_delegate(m, term) and [s.id for s in c.member_seats(m)] == [d.id]
    assert audit.history("delegate", d.id)[0].action == "create"


def test_defaults_are_teacher_and_election(term):
    d = c.add_delegate(term, person("王芳"))
    assert (d.category, d.how) == ("教师", "选举")


def test_duplicates_are_refused(term):
    m = person("王芳")
    c.add_delegate(term, m)
    with pytest.raises(ValidationError, match="王芳已经是第五届代表"):
        c.add_delegate(term, m.id, {"category": "职工"})
    assert Delegate.select().count() == 1
    older = c.save_term({"number": 4, "start_date": "2019-09-01", "end_date": "2024-08-31"})
    c.add_delegate(older, m, {"elected_date": "2019-09-01"})  # another term is fine
    assert [c.term_label(s.term) for s in c.member_seats(m)] == ["第五届", "第四届"]


@pytest.mark.parametrize("status", ["退休", "调出", "去世", "退会"])
def test_only_staff_in_post_can_be_seated(term, status):
    m = Member.create(name="张退", sex="男", status=status)
    with pytest.raises(ValidationError) as info:
        c.add_delegate(term, m)
    assert info.value.message == f"张退的状态是“{status}”，只有在职会员才能当选代表"
    assert Delegate.select().count() == 0


def test_bad_seat_values_are_refused(term):
    m = person("王芳")
    with pytest.raises(ValidationError, match="找不到会员"):
        c.add_delegate(term, 9999)
    with pytest.raises(ValidationError, match="代表类别应为"):
        c.add_delegate(term, m, {"category": "学生"})
    with pytest.raises(ValidationError, match="产生方式应为"):
        c.add_delegate(term, m, {"how": "指定"})
    with pytest.raises(ValidationError, match="当选日期不在第五届的起止日期内"):
        c.add_delegate(term, m, {"elected_date": "2024-08-01"})
    with pytest.raises(ValidationError, match="离任日期早于当选日期"):
        c.add_delegate(term, m, {"elected_date": "2025-01-01", "left_date": "2024-12-01"})
    assert Delegate.select().count() == 0


def test_by_election_replaces_a_delegate_who_left(term):
    old = c.add_delegate(term, person("王芳"), {"elected_date": "2024-09-01"})
    newcomer = person("李强", "男")
    with pytest.raises(ValidationError, match="王芳还在任，请先登记其离任"):
        c.add_delegate(term, newcomer, replaces=old)
    c.leave_delegate(old, "2025-01-15", "调出")
    old = Delegate.get_by_id(old.id)
    assert (old.left_date, old.left_reason) == (dt.date(2025, 1, 15), "调出")
    d = c.add_delegate(term, newcomer, {"elected_date": "2025-03-01"}, replaces=old)
    d = Delegate.get_by_id(d.id)
    assert (d.how, d.replaces_id) == ("补选", old.id)
    assert [x.id for x in old.replaced_by] == [d.id]
    assert [x.member.name for x in c.delegates_of(term)] == ["李强"]
    assert sorted(x.member.name for x in c.delegates_of(term, include_left=True)) == ["李强", "王芳"]
    assert [x.member.name for x in c.delegates_of(term, on=dt.date(2024, 12, 1))] == ["王芳"]
    assert [x.member.name for x in c.delegates_of(term, on=dt.date(2025, 2, 1))] == []
    assert [x.member.name for x in c.delegates_of(term, on=dt.date(2025, 3, 1))] == ["李强"]
    assert not c.is_delegate(newcomer, term, on=dt.date(2025, 2, 1))
    assert c.is_delegate(newcomer, term, on=dt.date(2025, 3, 1))


def test_a_by_election_cannot_seat_before_the_seat_was_left(term):
    old = c.add_delegate(term, person("王芳"), {"elected_date": "2024-09-01"})
    c.leave_delegate(old, "2025-01-15", "调出")
    old = Delegate.get_by_id(old.id)
    with pytest.raises(ValidationError) as info:
        c.add_delegate(term, person("李强", "男"), {"elected_date": "2025-01-01"}, replaces=old)
    assert info.value.message == "补选日期 2025-01-01 早于被替补代表王芳的离任日期 2025-01-15"
    assert c.add_delegate(term, Member.get(Member.name == "李强"), {"elected_date": "2025-01-15"}, replaces=old).how == "补选"


def test_a_by_election_stays_in_its_term(term):
    older = c.save_term({"number": 4, "start_date": "2019-09-01", "end_date": "2024-08-31"})
    old = c.add_delegate(older, person("王芳"), {"elected_date": "2019-09-01"})
    c.leave_delegate(old, "2020-01-15", "调出")
    with pytest.raises(ValidationError, match="补选只能替补同一届的代表"):
        c.add_delegate(term, person("李强", "男"), replaces=Delegate.get_by_id(old.id))


def test_leaving_needs_a_date_not_before_the_election(term):
    d = c.add_delegate(term, person("王芳"), {"elected_date": "2024-10-01"})
    with pytest.raises(ValidationError, match="请填写离任日期"):
        c.leave_delegate(d, "", "调出")
    with pytest.raises(ValidationError, match="离任日期早于当选日期"):
        c.leave_delegate(d, "2024-09-15", "调出")
    assert Delegate.get_by_id(d.id).left_date is None


def test_update_keeps_the_election_inside_the_term(term):
    d = c.add_delegate(term, person("王芳"), {"elected_date": "2024-10-01"})
    with pytest.raises(ValidationError, match="当选日期不在第五届的起止日期内"):
        c.update_delegate(d, {"elected_date": "2023-01-01"})
    changed = c.update_delegate(d, {"group_name": "数学组", "category": "职工"})
    assert set(changed) == {"group_name", "category"}


def test_remove_a_seat_entered_by_mistake(term):
    m = person("王芳")
    d = c.add_delegate(term, m)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    c.remove_delegate(d)
    assert Delegate.select().count() == 0
    assert SessionAttendance.select().where(SessionAttendance.session == s).count() == 0
    assert AuditLog.select().where((AuditLog.table_name == "delegate") & (AuditLog.action == "delete")).count() == 1
    assert roles(m) == []


def test_a_delegate_with_attendance_cannot_be_removed(term):
    d = c.add_delegate(term, person("王芳"))
    s = c.save_session({"term": term, "date": "2025-03-01"})
    c.mark_attendance(s, [d.id], "出席")
    with pytest.raises(ValidationError, match="已有出席记录，不能删除"):
        c.remove_delegate(d)
    assert Delegate.select().count() == 1


# --- the derived role ---------------------------------------------------------------------------------


def test_the_role_follows_the_seats(term):
    m = person("王芳", union_roles="工会委员")
    assert roles(m) == ["工会委员"]
    d = c.add_delegate(term, m)
    assert roles(m) == ["工会委员", ROLE]
    c.leave_delegate(d, dt.date.today() + dt.timedelta(days=10), "调出")
    assert ROLE in roles(m)  # still seated today
    c.update_delegate(Delegate.get_by_id(d.id), {"left_date": dt.date.today()})
    assert roles(m) == ["工会委员"]
    history = audit.history("member", m.id)
    assert [h.note for h in history if h.note == "教代会代表职务随代表名册更新"] == ["教代会代表职务随代表名册更新"] * 2


def test_sync_roles_gives_and_takes_the_role(term):
    seated = person("王芳")
    c.add_delegate(term, seated)
    stale = person("李强", "男", union_roles=f"工会小组长,{ROLE}")  # typed in, never seated
    Member.update(union_roles="").where(Member.id == seated.id).execute()  # lost somehow
    assert roles(stale) == ["工会小组长", ROLE]
    changed = c.sync_roles()
    assert sorted(m.name for m in changed) == ["李强", "王芳"]
    assert roles(seated) == [ROLE] and roles(stale) == ["工会小组长"]
    assert c.sync_roles() == []


def test_the_role_goes_with_the_term(term):
    m = person("王芳")
    c.add_delegate(term, m)
    assert roles(m) == [ROLE]
    c.save_term({"end_date": dt.date.today() - dt.timedelta(days=1)}, term)
    assert roles(m) == []
    nxt = c.save_term({"number": 6, "start_date": dt.date.today()})
    c.add_delegate(nxt, m)
    assert roles(m) == [ROLE]


def test_sync_roles_on_a_given_day(term):
    m = person("王芳")
    c.add_delegate(term, m, {"elected_date": "2025-03-01"})
    c.sync_roles(dt.date(2025, 1, 1))
    assert roles(m) == []
    c.sync_roles(dt.date(2025, 3, 1))
    assert roles(m) == [ROLE]


def test_update_member_keeps_the_derived_role(term):
    m = person("王芳", union_roles="工会委员")
    c.add_delegate(term, m)
    members.update_member(Member.get_by_id(m.id), {"union_roles": "女工委员"})
    assert sorted(roles(m)) == sorted(["女工委员", ROLE])
    other = person("李强", "男")
    members.update_member(Member.get_by_id(other.id), {"union_roles": f"工会委员,{ROLE}"})
    assert roles(other) == ["工会委员"]  # a role that is not held cannot be typed in


# --- figures and share warnings ---------------------------------------------------------------------


def staff(term, teachers=0, leaders=0, workers=0, others=0, women=0):
    i = 0
    for category, count in (("教师", teachers), ("干部", leaders), ("职工", workers), ("其他", others)):
        for _ in range(count):
            sex = "女" if i < women else "男"
            m = Member.create(name=f"代表{i:02d}", sex=sex)
            c.add_delegate(term, m, {"category": category, "group_name": "一组" if i % 2 else ""})
            i += 1


def test_figures_count_by_category_group_and_sex(term):
    staff(term, teachers=6, leaders=2, workers=1, others=1, women=5)
    figures = c.delegate_figures(term)
    assert figures.total == 10 and figures.women == 5
    assert figures.by_category == {"教师": 6, "干部": 2, "职工": 1, "其他": 1}
    assert figures.by_group == {"未分组": 5, "一组": 5}
    assert str(figures.share("教师")) == "60.0" and str(figures.share("干部")) == "20.0"
    assert figures.warnings == []


def test_share_warnings_at_their_thresholds(term):
    staff(term, teachers=5, leaders=3, workers=2, women=2)
    Member.create(name="女教工甲", sex="女")
    Member.create(name="女教工乙", sex="女")
    # staff 12, women 4 of 12 = 33.3%; delegates women 2 of 10 = 20% (gap 13.3 > 10)
    figures = c.delegate_figures(term)
    assert figures.warnings == [
        "一线教师代表占50%，低于60%",
        "干部代表占30%，高于20%",
        "女代表占20%，比女教职工所占比例（33.3%）低13.3%",
    ]
    settings.save({"congress_teacher_min": "50", "congress_leader_max": "30", "congress_women_gap": "14"})
    assert c.delegate_figures(term).warnings == []
    settings.save({"congress_teacher_min": "51"})
    assert c.delegate_figures(term).warnings == ["一线教师代表占50%，低于51%"]


def test_no_delegates_no_warnings(term):
    figures = c.delegate_figures(term)
    assert (figures.total, figures.warnings, figures.share("教师")) == (0, [], None)


def test_an_announced_leave_keeps_the_seat_until_its_day(term):
    d = c.add_delegate(term, person("王芳"))
    c.leave_delegate(d, dt.date.today() + dt.timedelta(days=10), "退休")
    assert [x.id for x in c.delegates_of(term)] == [d.id]
    assert c.delegate_figures(term).total == 1
    c.update_delegate(Delegate.get_by_id(d.id), {"left_date": dt.date.today()})
    assert c.delegates_of(term) == [] and c.delegate_figures(term).total == 0


def test_figures_on_a_day_leave_out_those_not_seated(term):
    staff(term, teachers=3)
    d = c.delegates_of(term)[0]
    c.leave_delegate(d, "2025-01-01", "退休")
    assert c.delegate_figures(term, on=dt.date(2024, 12, 31)).total == 3
    assert c.delegate_figures(term, on=dt.date(2025, 1, 1)).total == 2
    assert c.delegate_figures(term).total == 2
