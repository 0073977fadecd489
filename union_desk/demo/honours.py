"""评优表彰's demo step (issue 18): three rounds over two years — last year's 三八红旗手 (decided) and
优秀工会积极分子 (one sent upward to the 区 and awarded there), this year's 三八红旗手 (decided when
March is past, else collecting nominations) — plus the honours of finished activities' results
and one honour entered by hand. Written through `services.honours`."""

from __future__ import annotations

import datetime as dt

from union_desk.db.models import Activity, Member
from union_desk.services import honours

DEEDS = (
    "爱岗敬业，担任班主任十余年，所带班级多次获评校级先进班集体。积极参加工会活动，热心帮助青年教师成长。",
    "教学成绩突出，主持区级课题一项，指导学生参加竞赛多次获奖。关心集体，乐于奉献。",
    "工作认真负责，积极参与学校管理和教代会提案工作，在教职工中威信较高。",
    "热心工会工作，组织小组活动有声有色，经常走访慰问困难教职工。",
)


def _women_in_service(gen) -> list[Member]:
    return list(Member.select().where((Member.status == "在职") & (Member.sex == "女")).order_by(Member.id))


def _round(gen, name: str, year: int, nominees: list[Member], winners: int, decide: bool) -> int:
    rng = gen.rng
    award = honours.award_by_name(name)
    award_round = honours.save_round({
        "award_type": award, "year": year, "nomination_deadline": dt.date(year, 2, 25),
        "notice_start": dt.date(year, 3, 1), "notice_end": dt.date(year, 3, 5), "contact": "工会办公室",
    })
    votes = sorted((rng.randrange(15, 45) for _ in nominees), reverse=True)
    for index, (member, count) in enumerate(zip(nominees, votes, strict=False)):
        nomination, _ = honours.nominate(award_round, {"member": member, "deeds": DEEDS[index % len(DEEDS)]})
        if decide:
            honours.update_nomination(nomination, {"votes": count, "result": "当选" if index < winners else "未当选"})
    if decide:
        honours.decide_round(award_round, dt.date(year, 3, 8))
    return len(nominees)


def make_honours(gen) -> None:
    rng, today = gen.rng, gen.today
    women = _women_in_service(gen)
    staff = list(Member.select().where(Member.status == "在职").order_by(Member.id))
    nominations = 0
    if len(women) >= 4:
        last = rng.sample(women, 4)
        nominations += _round(gen, "三八红旗手", today.year - 1, last, 2, True)
        this = rng.sample(women, 4)
        nominations += _round(gen, "三八红旗手", today.year, this, 2, today >= dt.date(today.year, 3, 9))
    if staff:
        active = honours.save_round({"award_type": honours.award_by_name("优秀工会积极分子"), "year": today.year - 1,
                                     "nomination_deadline": dt.date(today.year - 1, 11, 10), "contact": "工会办公室"})
        picked = rng.sample(staff, min(3, len(staff)))
        for index, member in enumerate(picked):
            nomination, _ = honours.nominate(active, {"member": member, "deeds": DEEDS[(index + 2) % len(DEEDS)]})
            if index == 0:
                honours.update_nomination(nomination, {"votes": 38, "result": "上报", "sent_level": "区"})
                honours.update_nomination(nomination, {"upward_outcome": "获评"})
            else:
                honours.update_nomination(nomination, {"votes": 20 - index, "result": "未当选"})
            nominations += 1
        honours.decide_round(active, dt.date(today.year - 1, 12, 20))
        honours.add_honour({"title": "市优秀教师", "level": "市", "year": today.year - 1, "awarding_body": "市教育局",
                            "member": rng.choice(staff), "date": dt.date(today.year - 1, 9, 10)})
    for activity in Activity.select().where((Activity.status == "已结束") & (Activity.start < dt.datetime.combine(today, dt.time.min))):
        honours.honours_from_activity(activity)
    gen.counts["评选推荐"] = nominations
    gen.counts["荣誉记录"] = len(honours.list_honours())
