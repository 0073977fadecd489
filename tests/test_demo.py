"""The demo school generator: valid IDs, plausible figures, consistent sign-ups and serials."""

from __future__ import annotations

import re
from collections import Counter as Tally
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from union_desk.db.database import close_database
from union_desk.db.models import (
    Activity,
    ActivityItem,
    Assistance,
    AuditLog,
    Counter,
    HardshipFile,
    Member,
    PlanItem,
    Relative,
    Setting,
    SignUp,
    Visit,
    VisitType,
)
from union_desk.demo.generator import NOT_EMPTY_MESSAGE, generate
from union_desk.domain.idcard import parse_id
from union_desk.domain.pinyin import search_key
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services.maintenance import open_for_use

TODAY = date(2025, 11, 20)
MEMBERS = 300
UNION_ROLES = {"工会委员", "女工委员", "经审委员", "工会小组长", "教代会代表"}
SERIAL = re.compile(r"^WF(\d{4})-(\d{4,})$")


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@pytest.fixture
def demo_path(tmp_path, monkeypatch):
    monkeypatch.setenv("UNION_DESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "d.sqlite"
    open_for_use(path, auto_backup=False)
    yield path
    close_database()


@pytest.fixture
def school(demo_path):
    """A generated school of MEMBERS members as of TODAY; returns the summary."""
    return generate(members=MEMBERS, seed=2026, today=TODAY)


def test_summary_counts_match_the_database(school):
    assert list(school)[:8] == ["会员", "直系亲属", "困难档案", "帮扶记录", "走访慰问", "活动", "报名", "计划事项"]
    from union_desk.db.congress_models import Delegate, Proposal
    from union_desk.db.meeting_models import Decision, Letter, Meeting, Suggestion

    assert school["教代会提案"] == Proposal.select().count() >= 15
    assert school["教代会代表"] == Delegate.select().where(Delegate.left_date.is_null()).count() > 0
    assert school["会议记录"] == Meeting.select().count() >= 8
    assert school["决定事项"] == Decision.select().count() > 0
    assert school["来信来访"] == Letter.select().count() >= 12
    assert school["合理化建议"] == Suggestion.select().count() >= 8
    assert school["会员"] == Member.select().count() == MEMBERS
    assert school["直系亲属"] == Relative.select().count() > MEMBERS
    assert school["困难档案"] == HardshipFile.select().count() > 0
    assert school["帮扶记录"] == Assistance.select().count() > 0
    assert school["走访慰问"] == Visit.select().count() > 0
    assert school["活动"] == Activity.select().count() >= 14
    assert school["报名"] == SignUp.select().count() > 0
    assert school["计划事项"] == PlanItem.select().count() > 0


def test_membership_and_dues_look_like_a_school(school):
    from union_desk.db.membership_models import DuesPayment, MembershipEvent, NonMemberStaff
    from union_desk.services import dues, membership

    assert school["非会员教职工"] == NonMemberStaff.select().count() - 1 >= 3  # one joined this year
    assert school["会籍变动"] == MembershipEvent.select().count() > MEMBERS * 0.9
    assert school["会费缴纳"] == DuesPayment.select().count() > MEMBERS * 6
    rate = membership.membership_rate(TODAY).total.rate
    assert 85 <= rate < 100  # not everybody is in the union
    kinds = Tally(e.kind for e in MembershipEvent.select())
    assert kinds["转出"] >= 1 and kinds["转入"] == 1 and kinds["保留会籍"] >= 3  # retirees keep membership
    joined = MembershipEvent.get((MembershipEvent.kind == "入会") & (MembershipEvent.date > TODAY.replace(day=1, month=1)))
    assert joined.card_number and joined.application_date < joined.approval_date  # one of the staff joined this year
    assert {m.name: m.status for m in Member.select()} == {
        m.name: membership.status_on(m, TODAY) or m.status for m in Member.select()}  # the status follows the events
    flagged = dues.flagged(TODAY)
    assert len(flagged) == 1 and flagged[0].arrears_months >= 6
    owing = [r for r in dues.dues_rows(dues.parse_period(f"{TODAY.year}-{TODAY.month:02d}"), TODAY) if r.arrears_months]
    assert 3 <= len(owing) <= 6  # a few arrears
    assert DuesPayment.select().where(DuesPayment.method == "现金").count() == 1


def test_every_id_number_is_valid_and_agrees_with_birth_date_and_sex(school):
    numbers = set()
    for m in Member.select():
        info = parse_id(m.id_number)
        assert info.number == m.id_number
        assert info.birth_date == m.birth_date, m.name
        assert info.sex == m.sex, m.name
        numbers.add(m.id_number)
    for r in Relative.select().where(Relative.id_number != ""):
        info = parse_id(r.id_number)
        assert info.birth_date == r.birth_date
        numbers.add(r.id_number)
    assert len(numbers) == MEMBERS + Relative.select().where(Relative.id_number != "").count()


def test_members_look_like_a_school(school):
    members = list(Member.select())
    by_status = Tally(m.status for m in members)
    assert set(by_status) <= {"在职", "退休", "调出", "去世", "退会"}
    assert 0.03 <= by_status["退休"] / MEMBERS <= 0.15
    assert by_status["调出"] and by_status["去世"] and by_status["退会"]
    women = sum(m.sex == "女" for m in members) / MEMBERS
    assert 0.45 <= women <= 0.75
    assert 0.0 < sum(m.birthday_lunar for m in members) / MEMBERS <= 0.15
    employment = Tally(m.employment_type for m in members)
    assert set(employment) <= {"在编", "合同", "临时工", "返聘"}
    assert employment["在编"] / MEMBERS > 0.7
    phones = [m.phone for m in members]
    assert len(set(phones)) == MEMBERS
    assert all(re.fullmatch(r"1[358]\d{9}", p) for p in phones)
    roles = [m for m in members if m.union_roles]
    assert 0.05 <= len(roles) / MEMBERS <= 0.25
    for m in members:
        age = _age(m.birth_date, TODAY)
        if m.status == "在职":
            assert 22 <= age <= (64 if m.employment_type == "返聘" else 60), (m.name, age)
        elif m.status == "退休":
            assert 60 <= age <= 80
            assert m.status_date is not None and m.status_date <= TODAY
            assert m.department == "退休教师"
        else:
            assert m.status_date is not None and m.status_date <= TODAY
        assert m.birth_date + timedelta(days=365 * 17) < m.work_start_date <= TODAY
        assert m.work_start_date <= m.joined_union_date <= TODAY
        assert set(filter(None, m.union_roles.split(","))) <= UNION_ROLES
        assert m.pinyin_key == search_key(m.name)
        assert m.union_group
    assert any(m.union_group == "第一工会小组" for m in members)
    assert Member.select().where(Member.post == "校长").count() == 1


def test_settings_relatives_and_hardship(school):
    settings = {s.key: s.value for s in Setting.select()}
    assert settings["school_name"].endswith("学校")
    assert settings["union_name"] == settings["school_name"] + "工会委员会"
    chair = Member.get(Member.name == settings["chair"])
    assert "工会委员" in chair.union_roles
    assert settings["default_handler"] and settings["default_handler"] != settings["chair"]
    assert AuditLog.select().where((AuditLog.table_name == "demo") & (AuditLog.note == "生成演示数据")).count() == 1

    relations = Tally(r.relation for r in Relative.select())
    assert {"配偶", "父亲", "母亲", "儿子", "女儿"} <= set(relations)
    dead = list(Relative.select().where(Relative.death_date.is_null(False)))
    assert any(0 <= (TODAY - r.death_date).days <= 60 for r in dead)
    for r in dead:
        assert r.death_date <= TODAY
        assert r.relation in ("父亲", "母亲")

    files = list(HardshipFile.select())
    assert 0.02 <= len(files) / MEMBERS <= 0.08
    assert {f.status for f in files} <= {"在档", "临时", "已脱困", "已注销"}
    assert sum(f.status == "在档" for f in files) > len(files) / 2
    for f in files:
        assert f.grade in ("深度困难", "相对困难", "意外致困")
        assert f.main_cause not in f.secondary_causes.split(",")
        assert len([c for c in f.secondary_causes.split(",") if c]) <= 3
        assert f.household_size >= 1 and f.monthly_income > 0
        assert f.found_date <= TODAY
    helped = {a.file_id for a in Assistance.select()}
    assert any(f.id not in helped for f in files), "some files never helped"
    year_ago = TODAY - timedelta(days=365)
    assert any(
        f.status in ("在档", "临时") and (f.last_review_date or f.found_date) <= year_ago for f in files
    ), "some files not reviewed for a year"
    for a in Assistance.select():
        assert a.date <= TODAY
        assert a.kind in ("生活救助", "医疗救助", "助学", "法律援助", "就业帮扶", "其他")


def test_sign_ups_respect_capacity_and_waiting_lists(school):
    items = list(ActivityItem.select(ActivityItem, Activity).join(Activity))
    waiting_seen = False
    for item in items:
        signups = list(SignUp.select().where(SignUp.item == item).order_by(SignUp.queue_no))
        states = Tally(s.state for s in signups)
        assert set(states) <= {"已报名", "候补", "已取消"}
        if item.capacity is not None:
            assert states["已报名"] <= item.capacity, item.name
            if states["候补"]:
                waiting_seen = True
                # nobody waits while a place is free
                assert states["已报名"] == item.capacity, item.name
        queue = [s.queue_no for s in signups]
        assert queue == sorted(set(queue)), "queue numbers unique and increasing"
        times = [s.signed_at for s in signups]
        assert times == sorted(times), "queue follows the order of signing up"
        assert len({s.member_id for s in signups}) == len(signups)
        activity = item.activity
        for s in signups:
            if s.checked_in:
                assert activity.status == "已结束" and s.state == "已报名"
            if s.state == "已取消":
                assert s.cancelled_at is not None
            if s.rank is not None:
                assert s.checked_in and s.award
            if activity.eligible_sex:
                assert s.member.sex == activity.eligible_sex
            if activity.max_age:
                assert _age(s.member.birth_date, activity.start.date()) <= activity.max_age
            if not s.walk_in:
                assert s.signed_at <= activity.signup_deadline
    assert waiting_seen


def test_activity_statuses_follow_the_dates(school):
    statuses = Tally()
    for a in Activity.select():
        statuses[a.status] += 1
        day = a.start.date()
        if a.status == "已结束":
            assert day < TODAY
            assert a.actual_cost > 0
        elif a.status in ("报名中", "筹备"):
            assert day > TODAY
        elif a.status == "已截止":
            assert day >= TODAY
        if a.plan_item_id:
            assert a.plan_item.year == day.year == TODAY.year
    assert statuses["已结束"] >= 12
    assert statuses["已取消"] == 1
    assert statuses["报名中"] >= 1
    years = Tally(a.start.year for a in Activity.select())
    assert years[TODAY.year - 1] >= 7 and years[TODAY.year] >= 7
    women_only = Activity.get(Activity.title.contains("三八"))
    assert women_only.eligible_sex == "女"
    young = Activity.get(Activity.title.contains("青年教师"))
    assert young.max_age == 35
    retirees = Activity.get(Activity.title.contains("重阳"))
    assert retirees.eligible_statuses == "退休"


def test_visit_serials_unique_and_counter_ahead(school):
    visits = list(Visit.select(Visit, VisitType).join(VisitType).order_by(Visit.id))
    serials = [v.serial for v in visits]
    assert len(set(serials)) == len(serials)
    last = defaultdict(int)
    for v in visits:
        match = SERIAL.match(v.serial)
        assert match, v.serial
        year, n = int(match[1]), int(match[2])
        assert year == v.date.year
        last[year] = max(last[year], n)
        assert TODAY - timedelta(days=366) <= v.date <= TODAY
    for year, n in last.items():
        assert Counter.get_by_id(f"visit-serial-{year}").value >= n
    kinds = Tally(v.visit_type.name for v in visits)
    for name in ("春节送温暖", "生日", "直系亲属去世", "生病住院", "重阳敬老"):
        assert kinds[name] > 0, name
    voided = [v for v in visits if v.voided]
    assert voided and all(v.void_reason and v.voided_at for v in voided)
    reissued = [v for v in visits if v.replaces_id]
    assert reissued
    for v in reissued:
        assert v.replaces.voided and v.replaces.member_id == v.member_id
        assert v.serial > v.replaces.serial
    for v in visits:
        if v.visit_type.name == "直系亲属去世":
            assert v.relative is not None and v.relative.death_date <= v.date
        if not v.voided:
            assert v.cash == v.visit_type.standard_amount, (v.serial, v.visit_type.name)
    linked = [v for v in visits if v.plan_item_id]
    assert linked and all(v.plan_item.year == v.date.year for v in linked)


def test_plan_items_for_this_year_and_next(school):
    items = list(PlanItem.select())
    years = Tally(p.year for p in items)
    assert set(years) == {TODAY.year, TODAY.year + 1}
    keys = [(p.year, p.template_key) for p in items if p.template_key]
    assert len(keys) == len(set(keys))
    teachers_day = PlanItem.get((PlanItem.year == TODAY.year) & (PlanItem.template_key == "teachers-day"))
    assert f"第{TODAY.year - 1984}个教师节" in teachers_day.title
    assert teachers_day.date == date(TODAY.year, 9, 10)
    spring = PlanItem.get((PlanItem.year == TODAY.year) & (PlanItem.template_key == "spring-warmth"))
    assert spring.date == date(2025, 1, 29) - timedelta(days=7)  # 春节 2025 = 1月29日
    past = [p for p in items if p.year == TODAY.year and p.date and p.date < TODAY]
    assert sum(p.status == "已完成" for p in past) / len(past) > 0.75
    assert all(p.status == "未开始" for p in items if p.year == TODAY.year + 1)
    linked = PlanItem.select().join(Visit, on=(Visit.plan_item == PlanItem.id)).distinct().count()
    assert linked > 0


def test_same_seed_gives_the_same_school(tmp_path, monkeypatch):
    monkeypatch.setenv("UNION_DESK_DATA_DIR", str(tmp_path / "data"))

    def run(name: str, seed: int):
        open_for_use(tmp_path / name, auto_backup=False)
        try:
            summary = generate(members=60, seed=seed, today=TODAY)
            people = [(m.name, m.id_number, m.phone) for m in Member.select().order_by(Member.id)]
            serials = [(v.serial, v.member_id) for v in Visit.select().order_by(Visit.id)]
        finally:
            close_database()
        return summary, people, serials

    first = run("a.sqlite", 7)
    assert run("b.sqlite", 7) == first
    assert run("c.sqlite", 8)[1] != first[1]


def test_refuses_a_database_with_members(demo_path):
    Member.create(name="张三", sex="男")
    with pytest.raises(ValidationError) as caught:
        generate(members=10, today=TODAY)
    assert caught.value.message == NOT_EMPTY_MESSAGE
    assert Member.select().count() == 1


def test_refuses_to_generate_twice(school):
    with pytest.raises(ValidationError):
        generate(members=5, today=TODAY)
    assert Member.select().count() == MEMBERS


@pytest.mark.parametrize("stop_at", ["正在生成会员", "正在写入会员", "正在生成活动报名", "正在完成"])
def test_cancel_leaves_nothing_written(demo_path, stop_at):
    calls = []

    def progress(done, total, label):
        calls.append((done, total, label))
        return not (label == stop_at and sum(c[2] == label for c in calls) == 2)

    with pytest.raises(UnionDeskError) as caught:
        generate(members=200, today=TODAY, progress=progress)
    assert caught.value.message == "已取消"
    assert calls and calls[-1][2] == stop_at
    assert all(0 <= done <= total for done, total, _ in calls)
    for model in (Member, Relative, HardshipFile, Visit, Activity, SignUp, PlanItem, Counter, AuditLog):
        assert model.select().count() == 0, model.__name__
    assert not Setting.select().where(Setting.key == "school_name").exists()
    # and the database is still usable
    summary = generate(members=20, today=TODAY)
    assert summary["会员"] == 20


def test_progress_reaches_the_end(demo_path):
    calls = []
    generate(members=40, today=TODAY, progress=lambda d, t, label: calls.append((d, t, label)) or True)
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]


def test_cli_demo_and_check(tmp_path, monkeypatch, capsys):
    from union_desk.cli import main

    monkeypatch.setenv("UNION_DESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "cli.sqlite"
    assert main(["--db", str(path), "demo", "--members", "30"]) == 0
    out = capsys.readouterr().out
    assert "演示数据已生成" in out
    assert "会员：30" in out
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "完整性：正常" in out
    assert "会员：30" in out
    assert re.search(r"走访慰问：[1-9]\d*", out)
    # a second demo into the same file is refused with a message and exit code 2
    assert main(["--db", str(path), "demo", "--members", "5"]) == 2
    assert NOT_EMPTY_MESSAGE in capsys.readouterr().err


def test_default_today_is_today(demo_path):
    generate(members=25)
    newest = Visit.select().order_by(Visit.date.desc()).first()
    assert newest is None or newest.date <= date.today()
    assert PlanItem.select().where(PlanItem.year == date.today().year).exists()
    assert all(m.joined_union_date <= date.today() for m in Member.select())
    assert all(s.signed_at <= datetime.now() + timedelta(days=1) for s in SignUp.select())
