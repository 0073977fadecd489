"""评优表彰 services (issue 18): eligibility, quotas, the repeat-winner warning, deciding a round,
honours from activity results without duplicates, honours by hand (group honours listing members)."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.honour_models import AwardType, Honour, Nomination
from union_desk.domain import honours as rules
from union_desk.errors import ValidationError
from union_desk.services import activities, audit, honours, members, settings


@pytest.fixture
def school(db):
    settings.save({"school_name": "育才中学"})
    people = {
        "li": members.create_member({"name": "李芳", "sex": "女", "department": "语文组", "union_group": "语文小组",
                                     "birth_date": "1985-03-02"}),
        "wang": members.create_member({"name": "王强", "sex": "男", "department": "数学组", "union_group": "数学小组",
                                       "union_roles": "工会小组长", "birth_date": "1970-01-01"}),
        "zhao": members.create_member({"name": "赵敏", "sex": "女", "department": "英语组", "birth_date": "1960-05-05"}),
        "qian": members.create_member({"name": "钱红", "sex": "女", "department": "英语组", "birth_date": "1995-05-05"}),
    }
    members.change_status(people["zhao"], "退休", dt.date(2020, 6, 1))
    return people


def round_of(name: str, year: int = 2027, **extra):
    return honours.save_round({"award_type": honours.award_by_name(name), "year": year, "nomination_deadline": f"{year}-03-01",
                               "notice_start": f"{year}-03-02", "notice_end": f"{year}-03-06", **extra})


def test_award_types_are_seeded(db):
    names = [a.name for a in honours.award_types()]
    assert names[:3] == ["三八红旗手", "巾帼标兵", "优秀教职工"]
    leader = honours.award_by_name("优秀工会小组长")
    assert (leader.level, leader.target, leader.eligible_roles, leader.awarding_body) == ("区", "个人", "工会小组长", "区教育工会")
    assert honours.award_eligibility_text(honours.award_by_name("三八红旗手")) == "女性；在职"


def test_an_ineligible_person_is_refused_with_the_reason(school):
    red = round_of("三八红旗手")
    with pytest.raises(ValidationError, match="王强不符合“三八红旗手”的条件：限女性"):
        honours.nominate(red, {"member": school["wang"]})
    with pytest.raises(ValidationError, match="限在职会员（现为退休）"):
        honours.nominate(red, {"member": school["zhao"]})
    leader = round_of("优秀工会小组长")
    with pytest.raises(ValidationError, match="须担任工会小组长"):
        honours.nominate(leader, {"member": school["li"]})
    assert honours.nominate(leader, {"member": school["wang"]})[0].nominated_by == "数学小组"
    young = honours.save_award_type({"name": "青年岗位能手", "max_age": 35})
    young_round = honours.save_round({"award_type": young, "year": 2027, "nomination_deadline": "2027-05-01"})
    with pytest.raises(ValidationError, match="限35岁及以下（现42岁）"):
        honours.nominate(young_round, {"member": school["li"]})
    assert honours.nominate(young_round, {"member": school["qian"]})[0].member_id == school["qian"].id
    assert Nomination.select().count() == 2


def test_a_nominee_only_once_and_group_awards_need_a_group(school):
    red = round_of("三八红旗手")
    honours.nominate(red, {"member": school["li"]})
    with pytest.raises(ValidationError, match="已经在这次评选的推荐名单中"):
        honours.nominate(red, {"member": school["li"]})
    home = round_of("先进教工小家")
    with pytest.raises(ValidationError, match="请填写被推荐的工会小组"):
        honours.nominate(home, {"member": school["li"]})
    nomination, _ = honours.nominate(home, {"group_name": "语文小组", "deeds": "小家建设有特色"})
    assert nomination.member_id is None and honours.nominee_name(nomination) == "语文小组"


def test_past_the_quota_warns(school):
    red = round_of("三八红旗手", quota=1)
    first, _ = honours.nominate(red, {"member": school["li"]})
    second, _ = honours.nominate(red, {"member": school["qian"]})
    assert honours.update_nomination(first, {"result": "当选", "votes": 40})[1] == []
    assert honours.update_nomination(second, {"result": "当选", "votes": 35})[1] == ["当选2人，超过名额1人"]
    assert Nomination.get_by_id(second.id).result == "当选"  # a warning, the result is kept


def test_last_years_winner_warns_unless_switched_off(school):
    last = round_of("三八红旗手", 2026)
    nomination, _ = honours.nominate(last, {"member": school["li"]})
    honours.update_nomination(nomination, {"result": "当选"})
    honours.decide_round(last, "2026-03-08")
    this = round_of("三八红旗手", 2027)
    assert honours.nominate(this, {"member": school["li"]})[1] == ["李芳去年已获评“三八红旗手”"]
    quiet = round_of("三八红旗手", 2027, warn_repeat=False, title="2027年三八红旗手（补评）")
    assert honours.nominate(quiet, {"member": school["li"]})[1] == []
    other = round_of("巾帼标兵", 2027)
    assert honours.nominate(other, {"member": school["li"]})[1] == []


def test_deciding_writes_the_register_once_and_follows_changes(school):
    red = round_of("三八红旗手")
    won, _ = honours.nominate(red, {"member": school["li"], "votes": 40})
    lost, _ = honours.nominate(red, {"member": school["qian"], "votes": 10})
    honours.update_nomination(won, {"result": "当选"})
    honours.update_nomination(lost, {"result": "未当选"})
    assert honours.decide_warnings(red, dt.date(2027, 3, 5)) == ["公示期到2027-03-06，还没有结束"]
    made = honours.decide_round(red, "2027-03-08")
    assert [(h.title, h.level, h.member.name, h.date, h.source) for h in made] == [
        ("三八红旗手", "校", "李芳", dt.date(2027, 3, 8), "评选")]
    assert honours.holder_name(made[0]) == "李芳" and made[0].awarding_body == "育才中学工会"
    assert honours.decide_round(red, "2027-03-08") == [] and Honour.select().count() == 1
    honours.update_nomination(Nomination.get_by_id(won.id), {"result": "未当选"})
    assert Honour.select().count() == 0  # the register follows the corrected result
    honours.update_nomination(Nomination.get_by_id(lost.id), {"result": "当选"})
    assert [h.member.name for h in Honour.select()] == ["钱红"]


def test_sent_upward_keeps_its_level_and_outcome(school):
    active = round_of("优秀工会积极分子")
    nomination, _ = honours.nominate(active, {"member": school["li"]})
    with pytest.raises(ValidationError, match="请选择上报级别"):
        honours.update_nomination(nomination, {"result": "上报"})
    honours.update_nomination(nomination, {"result": "上报", "sent_level": "市"})
    honours.decide_round(active, "2027-04-01")
    assert Honour.select().count() == 0  # the outcome upward is not known yet
    honours.update_nomination(Nomination.get_by_id(nomination.id), {"upward_outcome": "获评"})
    honour = Honour.get()
    assert (honour.level, honour.title, honour.member_id) == ("市", "优秀工会积极分子", school["li"].id)
    stored = Nomination.get_by_id(nomination.id)
    assert (stored.sent_level, stored.upward_outcome) == ("市", "获评")
    honours.update_nomination(stored, {"result": "未当选"})
    stored = Nomination.get_by_id(nomination.id)
    assert (stored.sent_level, stored.upward_outcome) == ("", "") and Honour.select().count() == 0


def test_activity_results_become_honours_once(school):
    activity = activities.save_activity({"title": "教工羽毛球赛", "start": "2027-05-01 14:00"},
                                        items=[{"name": "女子单打"}, {"name": "混合团体", "team_based": True}])
    single, team_item = list(activity.items.order_by(activities.ActivityItem.sort_order))
    first = activities.sign_up(single, school["li"])
    second = activities.sign_up(single, school["qian"])
    fourth = activities.sign_up(single, school["wang"])
    activities.set_result(first, rank=1)
    activities.set_result(second, award="道德风尚奖")
    activities.set_result(fourth, rank=4)  # not an honour
    for member in (school["li"], school["wang"]):
        activities.sign_up(team_item, member)
    team = activities.add_team(team_item, "一队", [school["li"].id, school["wang"].id])
    activities.set_result(team, rank=2)
    assert honours.activity_results_count(activity) == 4
    done = honours.honours_from_activity(activity)
    titles = sorted((h.member.name, h.title) for h in done.created)
    assert titles == [("李芳", "教工羽毛球赛 女子单打 第一名"), ("李芳", "教工羽毛球赛 混合团体（一队） 第二名"),
                      ("王强", "教工羽毛球赛 混合团体（一队） 第二名"), ("钱红", "教工羽毛球赛 女子单打 道德风尚奖")]
    assert {h.source for h in done.created} == {"活动"} and {h.year for h in done.created} == {2027}
    again = honours.honours_from_activity(activity)
    assert again.created == [] and again.existing == 4 and Honour.select().count() == 4


def test_honours_by_hand_and_group_honours_listing_members(school):
    own = honours.add_honour({"title": "市优秀教师", "level": "市", "year": 2025, "awarding_body": "市教育局", "member": school["li"]})
    assert own.source == "录入"
    group = honours.add_honour({"title": "先进教工小家", "level": "区", "year": 2026, "group_name": "语文小组"},
                               listed_members=[school["li"].id, school["qian"].id])
    children = list(Honour.select().where(Honour.parent == group))
    assert sorted(c.member.name for c in children) == ["李芳", "钱红"] and {c.title for c in children} == {"先进教工小家"}
    assert [h.title for h in honours.list_honours(member=school["li"])] == ["先进教工小家", "市优秀教师"]
    honours.update_honour(group, {"level": "市"})
    assert {h.level for h in Honour.select().where(Honour.parent == group)} == {"市"}
    honours.delete_honour(Honour.get_by_id(group.id))
    assert Honour.select().count() == 1
    with pytest.raises(ValidationError, match="请填写荣誉名称"):
        honours.add_honour({"title": "", "year": 2026, "member": school["li"]})
    with pytest.raises(ValidationError, match="只属于一位会员或一个工会小组"):
        honours.add_honour({"title": "x", "year": 2026, "member": school["li"], "group_name": "语文小组"})
    with pytest.raises(ValidationError, match="级别"):
        honours.add_honour({"title": "x", "year": 2026, "member": school["li"], "level": "县"})


def test_counts_by_level_count_group_honours_once(school):
    honours.add_honour({"title": "A", "level": "校", "date": "2026-05-01", "member": school["li"]})
    honours.add_honour({"title": "B", "level": "区", "year": 2026, "group_name": "语文小组"},
                       listed_members=[school["li"], school["qian"]])
    honours.add_honour({"title": "C", "level": "市", "date": "2025-05-01", "member": school["li"]})
    counts = honours.counts_by_level(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert counts == {"校": 1, "区": 1, "市": 0, "省": 0, "全国": 0}


def test_award_types_are_checked(db):
    with pytest.raises(ValidationError, match="已经存在"):
        honours.save_award_type({"name": "三八红旗手"})
    with pytest.raises(ValidationError, match="未知的工会职务"):
        honours.save_award_type({"name": "新奖", "eligible_roles": "班主任"})
    with pytest.raises(ValidationError, match="最小年龄大于最大年龄"):
        honours.save_award_type({"name": "新奖", "min_age": 50, "max_age": 40})
    with pytest.raises(ValidationError, match="公示结束日期早于开始日期"):
        honours.save_round({"award_type": honours.award_by_name("三八红旗手"), "year": 2027, "notice_start": "2027-03-05",
                            "notice_end": "2027-03-01"})
    assert AwardType.select().count() == len(honours.award_types())


def test_every_change_is_audited(school):
    red = round_of("三八红旗手")
    nomination, _ = honours.nominate(red, {"member": school["li"]})
    honours.update_nomination(nomination, {"result": "当选", "votes": 30})
    history = audit.history("nomination", nomination.id)
    assert [h.action for h in history] == ["create", "update"] and "当选" in history[-1].after


def test_the_certificate_template_is_a_checked_setting(db):
    template = honours.certificate_template()
    assert (template.width_mm, template.height_mm) == (297, 210) and template.fields[0].text == "荣誉证书"
    template.offset_x_mm, template.width_mm, template.height_mm = 3.5, 260, 185
    template.fields = [rules.CertificateField("{姓名}同志荣获{奖项}", 130, 90, 24)]
    honours.save_certificate_template(template)
    stored = honours.certificate_template()
    assert (stored.offset_x_mm, stored.width_mm, stored.fields[0].text) == (3.5, 260, "{姓名}同志荣获{奖项}")
    for bad, message in ((rules.CertificateField("{职称}", 10, 10), "未知的填充项"),
                         (rules.CertificateField("x", 10, 10, 6), "字号应在"),
                         (rules.CertificateField("x", 400, 10), "超出了纸张")):
        stored.fields = [bad]
        with pytest.raises(ValidationError, match=message):
            honours.save_certificate_template(stored)
    with pytest.raises(ValidationError, match="证书模板"):
        settings.save({"certificate_template": "{not json"})
    assert rules.fill("{姓名}荣获{奖项}", {"姓名": "李芳", "奖项": "三八红旗手"}) == "李芳荣获三八红旗手"
