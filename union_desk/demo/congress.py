"""教代会与提案's demo step (issue 16): a running term, its delegates, two sessions and about twenty
proposals in every state of the workflow, with one 民主评议.

Everything is written through `services.congress`, so the audit trail, the numbering and the role
教代会代表 are as the app makes them. Dates follow the generator's `today`:

- the term (第五届) started in the September two school years before this one; its first session
  predates the app (a note on the term says so);
- session A (第二次) is held in March of the last school year; session B (第三次) is in March of this
  school year. When that March is still to come, B is upcoming and collects proposals (征集, 立案)
  while A's proposals are being handled (交办, 答复, 反馈 — one handed over again and overdue). From
  March on, B lies in the past (at least 45 days, moved back into January if need be): B's proposals
  are the ones being handled and A's are done.

The delegates are exactly the members the generator gave the role 教代会代表 (so the role and the
roster agree), plus one member who resigned the seat and was replaced by one of them in a by-election.
"""

from __future__ import annotations

import datetime as dt

from union_desk.db.congress_models import CongressTerm, Delegate
from union_desk.db.models import Member, PlanItem
from union_desk.domain import congress as rules
from union_desk.services import audit, congress

ROLE = "教代会代表"
TERM_NUMBER = 5
LEADER_WORDS = ("校长", "主任", "书记")
PLACES = ("学校报告厅", "行政楼三楼会议室", "学术报告厅")

# (案由, 类别, 承办部门, 理由及建议, 办理结果)
PROPOSALS = [
    ("关于改善教工食堂午餐质量的建议", "后勤保障", "总务处",
     "教工食堂菜品单一，近期多次出现饭菜偏凉的情况。建议增加菜品种类，配备保温设备，并定期征求教职工意见。",
     "已更换配餐供应商，增设保温售饭台，每月召开一次伙食委员会会议听取意见。"),
    ("关于优化教师绩效考核办法的建议", "队伍建设", "校长室",
     "现行考核指标偏重考试成绩，建议将教研、班主任工作和课后服务纳入考核并提高权重。",
     "已修订《教职工绩效考核办法》，增加教研与课后服务指标，提交本次教代会审议。"),
    ("关于增设教职工健身活动场地的建议", "福利待遇", "工会",
     "教职工课余缺少锻炼场所，建议利用体育馆空闲时段向教职工开放，并添置部分健身器材。",
     "体育馆每周二、四下午向教职工开放，工会购置跑步机、乒乓球台各两台。"),
    ("关于减少非教学事务性工作的建议", "学校管理", "党政办公室",
     "各类报表、检查材料占用教师大量时间，建议统筹各部门的材料收集，避免重复填报。",
     "已建立材料统筹报送制度，各部门收集材料须经办公室统一发布，重复报表已清理。"),
    ("关于完善青年教师培养机制的建议", "队伍建设", "教科室",
     "青年教师比例逐年提高，建议完善师徒结对制度，增加校外培训机会。",
     "已制定青年教师三年成长计划，师徒结对覆盖全部新教师，每学期安排两次校外研修。"),
    ("关于改善教学楼卫生间设施的建议", "后勤保障", "总务处",
     "教学楼部分卫生间设施老化，冬季无热水，建议分批改造。",
     "已列入暑期维修计划，本学期先行维修漏水龙头并加装电热水器。"),
    ("关于规范课后服务课时补贴发放的建议", "福利待遇", "财务室",
     "课后服务补贴发放时间不固定，标准不够透明，建议按月发放并公示标准。",
     "课后服务补贴自下月起按月随工资发放，发放标准已在校务公开栏公示。"),
    ("关于增加班主任津贴的建议", "福利待遇", "校长室",
     "班主任工作量大、责任重，现行津贴标准多年未调整，建议适当提高。",
     "学校将在绩效工资分配方案修订时统筹考虑，班主任津贴拟提高百分之二十。"),
    ("关于加强校园交通安全管理的建议", "学校管理", "德育处",
     "上下学时段校门口车辆拥堵，存在安全隐患，建议与交警部门协调设置临时停车区。",
     "已与交警中队协调，在校门东侧设置临时停车区，高峰时段安排教师值守。"),
    ("关于推进集体备课常态化的建议", "教育教学", "教务处",
     "集体备课时间常被其他活动挤占，建议固定每周集体备课时间，纳入课表。",
     "已将每周三下午第二节定为各教研组集体备课时间并排入课表。"),
    ("关于更新多媒体教学设备的建议", "教育教学", "总务处",
     "部分教室投影仪亮度不足、电脑运行缓慢，影响课堂教学，建议分批更换为交互式一体机。",
     "已申报区装备更新项目，首批二十台交互式一体机将于下学期到位。"),
    ("关于为教职工提供午休场所的建议", "后勤保障", "总务处",
     "教职工中午缺少休息场所，建议将闲置教室改造为午休室。",
     "已将实验楼二楼两间闲置教室改造为教职工休息室，配备折叠床。"),
    ("关于教职工子女入园入学协调的建议", "福利待遇", "工会",
     "青年教师子女入园难，建议学校与周边幼儿园协调。",
     "工会已与街道中心幼儿园建立联系，本学年协调入园五人。"),
    ("关于完善教师外出培训报销流程的建议", "学校管理", "财务室",
     "外出培训报销手续繁琐、周期长，建议简化流程。",
     "报销流程已精简为两级审批，材料齐全的十个工作日内办结。"),
    ("关于设立教职工心理健康辅导的建议", "福利待遇", "工会",
     "教师工作压力大，建议定期开展心理健康讲座和个别辅导。",
     "已聘请心理咨询师每月来校一次，开展讲座与个别辅导。"),
    ("关于提高教职工体检标准的建议", "福利待遇", "工会",
     "现行体检项目较少，建议增加女教职工专项检查和肿瘤筛查。", ""),
    ("关于校园绿化改造的建议", "后勤保障", "总务处",
     "校园部分绿地裸露，建议结合植树节开展绿化改造。", ""),
    ("关于图书馆延长开放时间的建议", "教育教学", "教务处",
     "图书馆放学后即关闭，建议延长开放至下午六点，方便师生借阅。", ""),
    ("关于加强学科教研组建设的建议", "教育教学", "教科室",
     "部分教研组活动形式单一，建议设立教研专项经费，开展跨校交流。", ""),
    ("关于调整作息时间的建议", "学校管理", "党政办公室",
     "冬季早上到校时间偏早，建议冬季作息推迟二十分钟。", ""),
    ("关于增设停车位的建议", "后勤保障", "总务处",
     "教职工车辆增加，校内停车位不足，建议挖潜增设停车位。", ""),
    ("关于开展教职工文体活动的建议", "福利待遇", "工会",
     "建议每学期组织一次全校性的教职工文体活动，丰富业余生活。", ""),
    ("关于完善校务公开制度的建议", "学校管理", "党政办公室",
     "建议按学期公开学校经费收支和重大事项，接受教职工监督。", ""),
    ("关于改善办公室通风条件的建议", "后勤保障", "总务处",
     "部分办公室通风差，夏季闷热，建议加装排风扇。", ""),
]

REJECT_REASON = "所提事项属于教职工个人事务，不属于提案范围"
SUGGESTION_REASON = "属于日常管理工作，不作为提案立案，转有关部门作为意见建议研究办理"
WITHDRAW_REASON = "所提问题已在交办前解决，提案人申请撤回"
VOID_REASON = "与已录入的提案重复录入"


def _school_year_start(day: dt.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def _weekday(day: dt.date) -> dt.date:
    """The day moved to a Friday or earlier weekday (congresses meet on working days)."""
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


class _Congress:
    def __init__(self, generator):
        self.g = generator
        self.rng = generator.rng
        self.today = generator.today
        self.texts = list(PROPOSALS)
        self.rng.shuffle(self.texts)
        self.text_index = 0
        self.proposals = 0
        self.seated: dict[int, list] = {}  # session id → its delegates (proposers and seconders)

    # -- helpers ------------------------------------------------------------------------------------

    def clamp(self, day: dt.date) -> dt.date:
        return min(day, self.today)

    def days(self, day: dt.date, n: int) -> dt.date:
        return self.clamp(day + dt.timedelta(days=n))

    def category(self, m) -> str:
        post = (m.post or "").replace("班主任", "")
        if any(word in post for word in LEADER_WORDS):
            return "干部"
        if not m.teaching:
            return "职工"
        return "教师"

    # -- the term and its delegates -------------------------------------------------------------------

    def make_term(self) -> None:
        sy = _school_year_start(self.today)
        self.sy = sy
        start = dt.date(sy - 2, 9, 1)
        # not `save_term`: it syncs the role at once, taking it from every holder until seated
        self.term = audit.create(CongressTerm, number=TERM_NUMBER, start_date=start, end_date=None,
                                 notes=f"本届第一次会议于{sy - 1}年3月召开，早于本系统启用，未录入。")
        staff = [m for m in self.g.members if m.status == "在职"]
        holders = [m for m in staff if ROLE in m.roles]
        self.holders = holders
        # one seat left and filled again by a by-election: the leaver is a member without the role,
        # the replacement one of the role holders (elected late)
        others = [m for m in staff if ROLE not in m.roles and m.employment != "返聘"]
        leaver = self.rng.choice(others) if others and len(holders) >= 3 else None
        substitute = self.rng.choice([m for m in holders if m is not self.g.chair]) if leaver else None
        # one batch (audited like `add_delegate`), then the role synced once: seating them one by
        # one re-syncs the role each time (40 s at a school of 10,000)
        seated = [m for m in holders + ([leaver] if leaver else []) if m is not substitute]
        rows = [{
            "term": self.term.id, "member": m.id, "group_name": m.group or m.department or "",
            "category": self.category(m), "elected_date": self.clamp(m.joined if m.joined and m.joined > start else start),
            "how": "选举",
        } for m in seated]
        ids = audit.create_many(Delegate, rows, note="演示数据：本届代表")
        self.delegates = {m.id: Delegate.get_by_id(i) for m, i in zip(seated, ids)}
        congress.sync_roles()
        self.leaver, self.substitute = leaver, substitute

    def by_election(self, after: dt.date) -> None:
        """The leaver resigns after session A; the substitute is elected a month later."""
        if self.leaver is None:
            return
        left = self.days(after, 75)
        seat = self.delegates[self.leaver.id]
        congress.leave_delegate(seat, left, "长期病休，本人申请辞去代表职务")
        m = self.substitute
        self.delegates[m.id] = congress.add_delegate(self.term, m.id, {
            "group_name": m.group or m.department or "",
            "category": self.category(m),
            "elected_date": self.days(left, 28),
            "notes": f"补选，接替{self.leaver.name}",
        }, replaces=seat)

    # -- sessions -----------------------------------------------------------------------------------

    def plan_item(self, day: dt.date, title: str) -> PlanItem | None:
        """The plan's 召开教职工代表大会 item of the session's year, moved to the session's day."""
        from union_desk.services import plan

        item = (
            PlanItem.select()
            .where((PlanItem.year == day.year) & PlanItem.title.contains("教职工代表大会"))
            .order_by(PlanItem.id)
            .first()
        )
        if item is None:
            return None
        plan.update_item(item, {"date": day, "title": f"召开{title}", "status": "未开始",
                                "notes": ""},
                         note="演示数据：与教代会会议对应")
        return item

    def session(self, number: int, day: dt.date, held: bool):
        title = rules.session_title(self.term.number, number)
        item = self.plan_item(day, title)
        session = congress.save_session({
            "term": self.term, "number": number, "date": day, "place": self.rng.choice(PLACES),
            "notes": "" if held else "提案征集中",
            **({"plan_item": item.id} if item is not None else {}),
        })
        if held:
            self.sign_in(session)
        return session

    def sign_in(self, session) -> None:
        rows = congress.attendance_of(session)
        ids = [a.delegate_id for a in rows]
        self.rng.shuffle(ids)
        n = len(ids)
        away = max(1, round(n * 0.08)) if n >= 4 else 0  # the quorum (two thirds) is always met
        on_leave = max(1, away * 2 // 3) if away else 0
        leave, absent = ids[:on_leave], ids[on_leave:away]
        present = ids[away:]
        at = dt.datetime.combine(session.date, dt.time(13, 50))
        if present:
            congress.mark_attendance(session, present, "出席", at=at)
        if leave:
            congress.mark_attendance(session, leave, "请假", reason="外出参加培训")
        if absent:
            congress.mark_attendance(session, absent, "缺席")

    def agenda(self, session, held: bool, year: int) -> None:
        present = congress.session_figures(session).present if held else 0

        def votes(against: int, abstain: int) -> dict:
            if not held:
                return {}
            against = min(against, max(0, present - 1))
            abstain = min(abstain, max(0, present - 1 - against))
            return {"votes_for": present - against - abstain, "votes_against": against, "votes_abstain": abstain}

        items = [
            {"kind": "听取报告", "title": "听取审议学校工作报告", "content": "校长作学校工作报告"},
            {"kind": "听取报告", "title": "听取审议学校财务工作报告"},
            {"kind": "听取报告", "title": "听取审议工会工作报告及经费审查报告"},
            {"kind": "表决", "title": f"表决《学校{year}年度绩效工资分配方案》", **votes(1 if present > 6 else 0, 1 if present > 4 else 0)},
            {"kind": "决议", "title": "关于学校工作报告的决议", **votes(0, 1 if present > 3 else 0)},
        ]
        for data in items:
            congress.add_agenda_item(session, data)

    def evaluation(self, session) -> None:
        present = congress.session_figures(session).present
        leaders = [m for m in self.g.members if m.status == "在职" and m.post in ("校长", "副校长", "主任", "副主任")]
        order = {"校长": 0, "副校长": 1, "主任": 2, "副主任": 3}
        leaders.sort(key=lambda m: (order[m.post], m.department != "行政办公室", m.id))
        leaders = leaders[:6]
        if not leaders or not present:
            return
        subjects = []
        for m in leaders:
            valid = present - (1 if present > 5 and self.rng.random() < 0.5 else 0)
            excellent = round(valid * self.rng.uniform(0.55, 0.85))
            competent = round((valid - excellent) * self.rng.uniform(0.6, 1.0))
            basic = valid - excellent - competent
            incompetent = 1 if basic > 1 and self.rng.random() < 0.3 else 0
            subjects.append({"member": m.id, "name": m.name, "post": m.post if m.department == "行政办公室" else f"{m.department}{m.post}",
                             "excellent": excellent, "competent": competent, "basic": basic - incompetent,
                             "incompetent": incompetent})
        congress.save_evaluation(session, f"{session.date.year}年度学校领导班子成员民主评议", subjects)

    # -- proposals ----------------------------------------------------------------------------------

    def new(self, session, received: dt.date, proposer=None):
        title, category, _department, content, _reply = self.texts[self.text_index % len(self.texts)]
        self.text_index += 1
        seated = self.seated.get(session.id)
        if seated is None:
            seated = self.seated[session.id] = congress.delegates_of(self.term, on=session.date) or congress.delegates_of(self.term)
        if proposer is None:
            proposer = self.rng.choice(seated).member if seated else Member.select().order_by(Member.id).first()
        seconders = [d.member.name for d in seated if d.member_id != proposer.id]
        self.rng.shuffle(seconders)
        received = max(self.term.start_date, self.clamp(received))
        proposal, _ = congress.create_proposal(session, {
            "title": title, "category": category, "proposer": proposer, "content": content,
            "seconders": "、".join(seconders[:2]), "received_date": received,
        })
        self.proposals += 1
        return proposal, self.texts[(self.text_index - 1) % len(self.texts)]

    def step(self, proposal, state: str, **data) -> None:
        for key, value in list(data.items()):
            if isinstance(value, dt.date) and key != "due_date":
                data[key] = self.clamp(value)
        congress.advance(proposal, state, data, today=self.today)

    def handle(self, proposal, text, handed: dt.date, due: dt.date | None = None, replied: dt.date | None = None,
               opinion: str = "", answered: dt.date | None = None, closed: dt.date | None = None) -> None:
        _title, _category, department, _content, reply = text
        self.step(proposal, "立案")
        self.step(proposal, "已交办", department=department, handed_date=handed,
                  **({"due_date": due} if due else {}))
        if replied is None:
            return
        self.step(proposal, "已答复", reply_date=replied, reply=reply or "已按建议落实。")
        if not opinion:
            return
        self.step(proposal, "已反馈", opinion=opinion, opinion_date=answered or self.days(replied, 5))
        if closed is not None:
            self.step(proposal, "办结", closed_date=closed)

    def handling(self, session) -> None:
        """The proposals of the session being handled: every state of the handling workflow."""
        day = session.date
        handed = self.days(day, 7)

        def received():
            return day - dt.timedelta(days=self.rng.randint(8, 25))

        first, text = self.new(session, received())
        self.handle(first, text, handed, replied=self.days(handed, 18), opinion="满意", closed=self.days(handed, 30))
        p, text = self.new(session, received())
        self.handle(p, text, handed, replied=self.days(handed, 25), opinion="基本满意", closed=self.days(handed, 33))
        p, text = self.new(session, received())
        self.handle(p, text, handed, replied=self.days(handed, 12), opinion="满意", closed=self.days(handed, 20))
        for opinion in ("满意", "基本满意", "不满意"):
            p, text = self.new(session, received())
            self.handle(p, text, handed, replied=self.days(handed, self.rng.randint(15, 28)), opinion=opinion)
        p, text = self.new(session, received())
        self.handle(p, text, handed, replied=self.days(handed, 27))
        # overdue: handed over again after the proposer was not satisfied (or simply never answered)
        p, text = self.new(session, received())
        if (self.today - day).days >= 80:
            self.handle(p, text, handed, replied=self.days(handed, 20), opinion="不满意", answered=self.days(handed, 24))
            again = max(self.days(handed, 28), self.today - dt.timedelta(days=42))
            self.step(p, "已交办", department=text[2], handed_date=again, due_date=again + dt.timedelta(days=30))
        else:
            self.handle(p, text, handed)
        # handed over lately, not yet due
        p, text = self.new(session, received())
        late = max(self.days(day, 14), self.today - dt.timedelta(days=10))
        self.handle(p, text, late, due=late + dt.timedelta(days=30))
        p, _ = self.new(session, received())
        self.step(p, "不立案", reason=REJECT_REASON)
        p, _ = self.new(session, received())
        self.step(p, "不立案", reason=SUGGESTION_REASON, as_suggestion=True)
        p, _ = self.new(session, received())
        self.step(p, "并案", merged_into=first.number)
        p, text = self.new(session, received())
        self.step(p, "立案")
        self.step(p, "撤回", reason=WITHDRAW_REASON)

    def collecting(self, session) -> None:
        """The proposals received for the coming (or latest) session: collected, reviewed, one voided."""
        upcoming = session.date > self.today

        def received():
            back = self.rng.randint(1, 20)
            return (min(session.date, self.today) if upcoming else self.today) - dt.timedelta(days=back)

        for _ in range(3):
            self.new(session, received())
        main, _ = self.new(session, received())
        self.step(main, "立案")
        p, _ = self.new(session, received())
        self.step(p, "立案")
        p, _ = self.new(session, received())
        self.step(p, "并案", merged_into=main.number)
        p, _ = self.new(session, received())
        self.step(p, "作废", reason=VOID_REASON)

    def finished(self, session) -> None:
        """The proposals of an older session: all dealt with."""
        handed = self.days(session.date, 10)
        for opinion in ("满意", "满意", "基本满意"):
            p, text = self.new(session, session.date - dt.timedelta(days=self.rng.randint(8, 25)))
            self.handle(p, text, handed, replied=self.days(handed, self.rng.randint(10, 28)), opinion=opinion,
                        closed=self.days(handed, 40))
        p, _ = self.new(session, session.date - dt.timedelta(days=12))
        self.step(p, "不立案", reason=REJECT_REASON)

    # -- run ----------------------------------------------------------------------------------------

    def run(self) -> None:
        self.make_term()
        self.g._report(0.2)
        sy = self.sy
        a_day = _weekday(dt.date(sy, 3, 13))
        b_day = _weekday(dt.date(sy + 1, 3, 12))
        upcoming = self.today < dt.date(sy + 1, 3, 1)
        if not upcoming:
            b_day = _weekday(min(b_day, self.today - dt.timedelta(days=45)))
        a = self.session(2, a_day, held=True)
        self.agenda(a, True, a_day.year)
        self.evaluation(a)
        self.g._report(0.4)
        if upcoming:
            self.handling(a)
        else:
            self.finished(a)
        self.by_election(a_day)
        b = self.session(3, b_day, held=not upcoming)
        self.agenda(b, not upcoming, b_day.year)
        self.g._report(0.7)
        if not upcoming:
            self.handling(b)
        self.collecting(b)
        congress.sync_roles()
        self.g._report(1.0)


def make_congress(generator) -> None:
    """The demo step of 教代会与提案 (`DemoStep(70, …)` in union_desk/areas/congress.py)."""
    if not any(m.status == "在职" and ROLE in m.roles for m in generator.members):
        return  # a school too small to have delegates
    if CongressTerm.select().exists():
        return
    maker = _Congress(generator)
    maker.run()
    generator.counts["教代会代表"] = len(congress.delegates_of(maker.term))
    generator.counts["教代会提案"] = maker.proposals
