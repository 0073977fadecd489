"""会议与登记's demo step (issue 17): a year of committee meetings with one quarter missed (so the
meeting-count warning shows), decisions in every state (one due this week, one overdue), about 15
letters and visits and 10 合理化建议 of a 金点子 campaign. Written through `services.meetings`, so the
numbering and the audit trail are the app's own."""

from __future__ import annotations

import datetime as dt

from union_desk.db.models import Member
from union_desk.services import meetings

TOPICS = (
    ("研究本月工会工作安排", "通报上月工作完成情况，讨论本月重点工作。", "做好本月困难职工走访慰问，名单报工会办公室"),
    ("讨论教职工节日慰问方案", "对照慰问标准，讨论慰问品种类和发放方式。", "按方案采购慰问品并组织发放"),
    ("筹备教职工文体活动", "讨论比赛项目、时间安排和奖项设置。", "发布活动通知，组织各工会小组报名"),
    ("审议工会经费使用情况", "经审委员通报经费收支，委员逐项审议。", "整理支出凭证，月底前完成账目核对"),
    ("研究教代会提案办理情况", "逐件听取提案承办部门的答复，督促未答复的提案。", "督促逾期提案的承办部门书面答复"),
    ("讨论“教工小家”建设", "听取各小组小家建设进展，研究添置设施。", "拟定小家设施添置清单报学校审批"),
)
LETTERS = (
    ("信箱", "匿名", "食堂午餐菜品偏少，希望增加素菜品种。", "福利保障", "总务处"),
    ("来访", "会员", "反映职称评审材料报送时间太紧。", "工资待遇", "校长室"),
    ("电话", "会员", "咨询生育津贴的申领手续。", "求助", "工会"),
    ("来信", "非会员", "临聘人员询问能否参加工会组织的体检。", "福利保障", "工会"),
    ("网络", "会员", "建议延长图书室开放时间。", "意见建议", "教务处"),
    ("信箱", "匿名", "反映体育馆淋浴间热水不稳定。", "工作环境", "总务处"),
    ("来访", "会员", "家中老人生病住院，申请困难补助。", "求助", "工会"),
    ("来信", "会员", "对课后服务补贴发放时间有疑问。", "工资待遇", "财务室"),
    ("电话", "非会员", "退休教师家属询问慰问金发放情况。", "其他", "工会"),
    ("网络", "会员", "建议在教学楼增设饮水机。", "工作环境", "总务处"),
    ("信箱", "匿名", "希望组织一次心理健康讲座。", "意见建议", "工会"),
    ("来访", "会员", "反映办公室空调故障影响办公。", "工作环境", "总务处"),
    ("来信", "会员", "咨询工会会员互助保障的理赔流程。", "求助", "工会"),
    ("网络", "会员", "建议错峰安排教职工体检时间。", "意见建议", "工会"),
    ("信箱", "匿名", "反映个别部门加班安排不合理。", "劳动关系", "党政办公室"),
)
SUGGESTIONS = (
    ("推行无纸化会议减少打印", "学校管理", "采纳", "行政会议材料改为电子版，每学期节约纸张约两万张。"),
    ("教室照明改用节能灯具", "节能降耗", "采纳", "已列入暑期改造计划。"),
    ("设立教职工子女假期托管班", "职工生活", "部分采纳", "暑假试点一周托管，视情况推广。"),
    ("建立校本资源共享平台", "教育教学", "采纳", "教务处已在校园网开设资源共享栏目。"),
    ("午休时间开放琴房给教职工", "职工生活", "未采纳", "琴房午间需安排学生社团训练，暂不开放。"),
    ("改进校门口接送秩序", "学校管理", "采纳", "实行分年级错时放学，门口划定等候区。"),
    ("食堂推行按需取餐减少浪费", "后勤保障", "部分采纳", "周三试行自助取餐。"),
    ("作业批改引入分层评价", "教育教学", "待定", ""),
    ("为各办公室配备急救包", "后勤保障", "采纳", "工会为每个办公室配备急救包。"),
    ("组建青年教师读书会", "教育教学", "待定", ""),
)


def _month_days(start: dt.date, end: dt.date):
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        yield day
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _missed_quarter(today: dt.date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that ended before today: the committee did not meet then."""
    quarter = (today.month - 1) // 3  # the running quarter, 0-based
    return (today.year, quarter) if quarter > 0 else (today.year - 1, 4)


def _staff(gen, role: str = "") -> list[Member]:
    query = Member.select().where(Member.status == "在职")
    if role:
        query = query.where(Member.union_roles.contains(role))
    return list(query.order_by(Member.id))


def make_meetings(gen) -> None:
    rng, today = gen.rng, gen.today
    committee = meetings.kind_by_name("工会委员会")
    leaders = meetings.kind_by_name("工会小组长会")
    auditors = meetings.kind_by_name("经审委员会")
    chair = gen.chair.name
    recorder = gen.handler.name
    missed_year, missed_quarter = _missed_quarter(today)
    start = today - dt.timedelta(days=365)
    made = decisions = 0
    dated = []
    for first in _month_days(start, today):
        if first.year == missed_year and (first.month - 1) // 3 + 1 == missed_quarter:
            continue
        if first.month in (2, 8):  # the holidays
            continue
        day = first + dt.timedelta(days=rng.randrange(3, 20))
        if not start <= day <= today:
            continue
        dated.append(day)
    for index, day in enumerate(dated):
        topic, minutes_text, decision_text = TOPICS[index % len(TOPICS)]
        meeting = meetings.save_meeting({
            "kind": committee, "date": day, "time": "15:40", "place": "工会办公室", "chair": chair, "recorder": recorder,
            "topics": f"{topic}\n其他事项", "minutes": f"{chair}主持会议。{minutes_text}与会委员逐项发表意见，会议形成决定如下。",
        })
        present = [a.member_id for a in meetings.attendance_of(meeting)]
        if len(present) > 3 and rng.random() < 0.6:
            meetings.mark_attendance(meeting, [rng.choice(present)], "请假", rng.choice(("外出培训", "病假", "事假")))
        last = index == len(dated) - 1
        due = today + dt.timedelta(days=1) if last else (
            today - dt.timedelta(days=3) if index == len(dated) - 2 else day + dt.timedelta(days=20))
        state = "未办" if last else ("在办" if index == len(dated) - 2 else "已办")
        meetings.add_decision(meeting, {"text": decision_text, "owner": recorder, "due_date": max(due, day),
                                        "state": state, "done_date": min(today, day + dt.timedelta(days=15)) if state == "已办" else None})
        decisions += 1
        made += 1
    for kind, count in ((leaders, 2), (auditors, 1)):
        if kind is None:
            continue
        for n in range(count):
            day = today - dt.timedelta(days=60 + 120 * n + rng.randrange(0, 20))
            meetings.save_meeting({"kind": kind, "date": day, "time": "16:00", "place": "会议室", "chair": chair,
                                   "recorder": recorder, "topics": "听取各小组工作汇报\n布置下阶段工作",
                                   "minutes": "各小组长汇报本组工作，主席布置下阶段任务。"})
            made += 1
    staff = _staff(gen)
    for index, (channel, kind, matter, category, referred) in enumerate(LETTERS):
        day = today - dt.timedelta(days=330 - index * 21) if index < len(LETTERS) - 1 else today - dt.timedelta(days=5)
        member = rng.choice(staff) if kind == "会员" and staff else None
        data = {"date": day, "channel": channel, "person_kind": kind if member or kind != "会员" else "非会员",
                "member": member, "person_name": "" if member else ("" if kind == "匿名" else rng.choice(("周女士", "陈先生", "刘老师"))),
                "matter": matter, "category": category, "referred_to": referred}
        letter = meetings.save_letter(data)
        if index < len(LETTERS) - 3:  # the last three are still open: two of them past the deadline
            meetings.reply_letter(letter, "已转承办部门办理，并当面答复反映人。", day + dt.timedelta(days=rng.randrange(3, 12)))
    campaign_year = today.year if today.month >= 5 else today.year - 1
    campaign = meetings.save_campaign({"title": f"{campaign_year}年“金点子”合理化建议征集",
                                       "start_date": dt.date(campaign_year, 3, 1), "end_date": dt.date(campaign_year, 4, 30)})
    for index, (title, category, adoption, result) in enumerate(SUGGESTIONS):
        member = rng.choice(staff) if staff else None
        meetings.save_suggestion({"campaign": campaign, "date": dt.date(campaign_year, 3, 3) + dt.timedelta(days=index * 5),
                                  "member": member, "proposer": "" if member else "后勤组", "title": title,
                                  "category": category, "adoption": adoption, "result": result})
    gen.counts["会议记录"] = made
    gen.counts["决定事项"] = decisions
    gen.counts["来信来访"] = len(LETTERS)
    gen.counts["合理化建议"] = len(SUGGESTIONS)
