"""Generate a realistic school union into an empty database (演示数据).

`generate(members=150, seed=2026)` writes members with valid ID numbers, their close relatives,
hardship files with reviews and assistance, a year of visits with slip serials, two years of
activities with sign-ups, waiting lists and check-ins, and this year's and next year's plan.

Everything is decided by `random.Random(seed)` and `today`, so the same seed and day give the
same school. All rows go in by chunked bulk inserts inside ONE transaction: 50,000 members
take well under a minute, and a cancel (the progress callback returning False) leaves nothing behind.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import accumulate
from operator import itemgetter

from peewee import DateField, DateTimeField, ForeignKeyField, fn

from union_desk.db.models import (
    Activity,
    ActivityItem,
    Assistance,
    Counter,
    HardshipFile,
    HardshipReview,
    Member,
    MoneyField,
    PlanItem,
    Relative,
    Setting,
    SignUp,
    Team,
    Visit,
    VisitType,
    database_proxy,
)
from union_desk.demo import names as N
from union_desk.domain import festivals
from union_desk.domain.idcard import make_id
from union_desk.domain.pinyin import search_key
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services import audit, plan_template

CHUNK_ROWS = 2000  # rows per executemany call, between progress reports

NOT_EMPTY_MESSAGE = "数据文件里已经有会员，演示数据只能生成到空数据库中。"
CANCELLED_MESSAGE = "已取消"

SUMMARY_LABELS = ("会员", "直系亲属", "困难档案", "帮扶记录", "走访慰问", "活动", "报名", "计划事项")


def generate(members: int = 150, seed: int = 2026, progress=None, today: date | None = None) -> dict[str, int]:
    """Fill the open (empty) database with a demo school; return {Chinese label: count}.

    `progress(done, total, label)` is called now and then; returning False cancels the run
    (UnionDeskError('已取消')) and nothing is written.
    """
    if not isinstance(members, int) or members <= 0:
        raise ValidationError("会员人数必须是正整数。", field="members")
    today = today or date.today()
    with database_proxy.atomic():
        if Member.select().exists():
            raise ValidationError(NOT_EMPTY_MESSAGE)
        return _Generator(members, seed, today, progress).run()


# --- small helpers -------------------------------------------------------------------------------


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 Feb
        return d.replace(year=d.year + years, day=28)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """nth (1-based) `weekday` (Mon=0) of the month."""
    first = date(year, month, 1)
    shift = (weekday - first.weekday()) % 7
    return first + timedelta(days=shift + 7 * (nth - 1))


def _sql_value(value):
    """Dates and times as the text sqlite3's default adapters (and so peewee) would store."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _money(amount) -> Decimal:
    return Decimal(str(amount)).quantize(Decimal("0.01"))


class _Weighted:
    """Weighted choice with precomputed cumulative weights (fast for repeated draws)."""

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random):
        return self.items[bisect_left(self.cum, rng.random() * self.total)]


class _Cancelled(UnionDeskError):
    pass


class _M:
    """A member being generated (kept in memory to build the related rows)."""

    __slots__ = (
        "id", "name", "surname", "sex", "birth", "lunar", "status", "status_date", "department",
        "cluster", "group", "post", "title", "employment", "joined", "work_start", "roles",
        "teaching", "spouse", "children", "parents", "ethnicity", "hardship", "region", "education",
    )

    def __init__(self):
        self.roles: list[str] = []
        self.spouse = None
        self.children: list[dict] = []
        self.parents: list[dict] = []
        self.hardship = None

    def status_on(self, d: date) -> str | None:
        """'在职' / '退休' on day d, or None (not yet a member, or gone)."""
        if self.joined and self.joined > d:
            return None
        if self.status == "在职":
            return "在职"
        if self.status == "退休":
            return "退休" if self.status_date <= d else "在职"
        if self.status == "去世":
            return "退休" if self.status_date > d else None
        return "在职" if self.status_date > d else None


# --- the generator -------------------------------------------------------------------------------


class _Generator:
    def __init__(self, n: int, seed: int, today: date, progress):
        self.n = n
        self.rng = random.Random(seed)
        self.today = today
        self.year = today.year
        self.callback = progress
        self.done = 0
        self.total = 1000
        self.stage_start = 0
        self.stage_weight = 0
        self.stage_label = ""
        self.counts = dict.fromkeys(SUMMARY_LABELS, 0)
        school = self.rng.choice(N.SCHOOLS)
        self.school_name, self.city, self.home_region, self.city_regions = school
        self.window_start = min(date(self.year, 1, 1), today - timedelta(days=365))
        self._used_ids: set[str] = set()
        self._used_phones: set[str] = set()
        self._pinyin_cache: dict[str, str] = {}
        self.plan_ids: dict[tuple[int, str], dict] = {}

    # -- progress ---------------------------------------------------------------------------------

    def _stage(self, label: str, weight: int) -> None:
        self.stage_start += self.stage_weight
        self.stage_weight = weight
        self.stage_label = label
        self._report(0.0)

    def _report(self, fraction: float) -> None:
        self.done = min(self.total, self.stage_start + int(self.stage_weight * min(1.0, fraction)))
        if self.callback is not None and self.callback(self.done, self.total, self.stage_label) is False:
            raise _Cancelled(CANCELLED_MESSAGE)

    def _insert(self, model, rows: list[dict], report: tuple[float, float] | None = None) -> None:
        """Write `rows` (dicts keyed by field name, ids included) in chunks of CHUNK_ROWS.

        `Model.insert_many` spends most of its time building SQL text value by value (about two
        minutes for the 50,000-member school), so the INSERT statement is built once and the
        rows go through `executemany` on the same connection, inside the open transaction:
        money converted by MoneyField.db_value, dates as the ISO text peewee stores. Fields a
        row leaves out get the model's default (a callable default such as `now` is called
        once). `report` = (from, to): the share of the progress stage covered while writing.
        """
        if not rows:
            return
        meta = model._meta
        names = list(rows[0])
        fields = [meta.fields[name] for name in names]
        missing = [f for f in meta.sorted_fields if f.name not in rows[0] and f.name != "id"]
        defaults = []
        for f in missing:
            value = f.default() if callable(f.default) else f.default
            defaults.append(f.db_value(value))
        columns = ", ".join(f'"{f.column_name}"' for f in fields + missing)
        marks = ", ".join("?" * (len(fields) + len(missing)))
        sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
        # Only money, dates and foreign keys need converting; text and numbers go as they are.
        converters = []
        for index, f in enumerate(fields):
            if isinstance(f, MoneyField):
                converters.append((index, f.db_value))
            elif isinstance(f, (DateField, DateTimeField)):
                converters.append((index, _sql_value))
            elif isinstance(f, ForeignKeyField):
                converters.append((index, lambda v: v.id if hasattr(v, "id") else v))
        getter = itemgetter(*names)
        tail = [_sql_value(v) for v in defaults]
        cursor = database_proxy.cursor()
        for start in range(0, len(rows), CHUNK_ROWS):
            params = []
            for row in rows[start:start + CHUNK_ROWS]:
                values = list(getter(row)) if len(names) > 1 else [row[names[0]]]
                for index, convert in converters:
                    if values[index] is not None:
                        values[index] = convert(values[index])
                params.append(values + tail)
            cursor.executemany(sql, params)
            if report:
                low, high = report
                self._report(low + (high - low) * min(1.0, (start + CHUNK_ROWS) / len(rows)))

    @staticmethod
    def _next_id(model) -> int:
        return (model.select(fn.MAX(model.id)).scalar() or 0) + 1

    # -- run ----------------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        """Each area's demo step, in order (`union_desk.areas`: members first), then the audit row."""
        from union_desk import areas

        try:
            self._name_school()  # before the steps: what they print or record names the school
            for step in areas.demo_steps():
                self._stage(step.label, step.weight)
                areas.resolve(step.run)(self)
            self._stage("正在完成", 30)
            self._finish()
        except _Cancelled:
            raise UnionDeskError(CANCELLED_MESSAGE) from None
        return dict(self.counts)

    def make_member_step(self) -> None:
        """会员档案's demo step: the members, written, then their close relatives."""
        self._make_members()
        self._stage("正在写入会员", 150)
        self._insert(Member, self.member_rows, report=(0.0, 1.0))
        self._stage("正在生成直系亲属", 150)
        self._make_relatives()

    # -- members ------------------------------------------------------------------------------------

    def _name(self, sex: str, birth_year: int, surname: str | None = None) -> tuple[str, str]:
        rng = self.rng
        if surname is None:
            surname = self._surnames.pick(rng)
        r = rng.random()
        if birth_year < 1972 and r < 0.3:
            given = rng.choice(N.OLD_MALE_NAMES if sex == "男" else N.OLD_FEMALE_NAMES)
        else:
            chars = N.MALE_CHARS if sex == "男" else N.FEMALE_CHARS
            single = rng.random() < (0.3 if birth_year < 1980 else 0.12)
            if single or len(surname) > 1 and rng.random() < 0.5:
                given = rng.choice(chars)
            else:
                first = rng.choice(chars + N.NEUTRAL_CHARS)
                second = first if sex == "女" and rng.random() < 0.04 else rng.choice(chars)
                given = first + second
        return surname, surname + given

    def _id_number(self, region: str, birth: date, sex: str) -> str:
        rng = self.rng
        for attempt in range(200):
            if attempt == 100:
                region = rng.choice(N.FAR_REGIONS)
            number = make_id(region, birth, rng.randrange(1000), sex)
            if number not in self._used_ids:
                self._used_ids.add(number)
                return number
        raise RuntimeError("无法生成不重复的身份证号")  # practically unreachable

    def _phone(self) -> str:
        rng = self.rng
        while True:
            phone = rng.choice(N.MOBILE_PREFIXES) + f"{rng.randrange(10 ** 8):08d}"
            if phone not in self._used_phones:
                self._used_phones.add(phone)
                return phone

    def _region(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            return self.home_region
        if r < 0.75:
            return self.rng.choice(self.city_regions)
        return self.rng.choice(N.FAR_REGIONS)

    def _birth_for_age(self, age: int, on: date | None = None) -> date:
        on = on or self.today
        latest = _add_years(on, -age)
        earliest = _add_years(on, -(age + 1)) + timedelta(days=1)
        return earliest + timedelta(days=self.rng.randrange((latest - earliest).days + 1))

    def _search_key(self, name: str) -> str:
        key = self._pinyin_cache.get(name)
        if key is None:
            key = self._pinyin_cache[name] = search_key(name)
        return key

    def _status_plan(self) -> list[str]:
        n = self.n
        plan = []
        minor = n >= 40
        plan += ["退休"] * round(n * 0.08)
        plan += ["调出"] * (max(1, round(n * 0.015)) if minor else 0)
        plan += ["去世"] * (max(1, round(n * 0.006)) if minor else 0)
        plan += ["退会"] * (max(1, round(n * 0.005)) if minor else 0)
        plan += ["返聘"] * (max(1, round(n * 0.01)) if minor else 0)
        plan += ["在职"] * (n - len(plan))
        self.rng.shuffle(plan)
        return plan

    def _make_members(self) -> None:
        rng, today = self.rng, self.today
        self._surnames = _Weighted(N.SURNAMES)
        ethnicities = _Weighted(N.ETHNICITIES)
        politics = _Weighted(N.POLITICAL_STATUSES)
        departments = _Weighted([(d, w) for d, w, _, _ in N.DEPARTMENTS])
        dept_info = {d: (cluster, teaching) for d, _, cluster, teaching in N.DEPARTMENTS}
        teaching_posts = _Weighted(N.TEACHING_POSTS)
        office_posts = {d: _Weighted(p) for d, p in N.OFFICE_POSTS.items()}
        teacher_edu = _Weighted(N.TEACHER_EDUCATION)
        old_teacher_edu = _Weighted(N.OLD_TEACHER_EDUCATION)
        staff_edu = _Weighted(N.STAFF_EDUCATION)
        clusters = max(c for _, _, c, _ in N.DEPARTMENTS) + 1
        n_staff_guess = max(1, round(self.n * 0.9))
        self.group_split = max(1, round(n_staff_guess / (clusters * 25)))

        plan = self._status_plan()
        self.members: list[_M] = []
        self.member_rows: list[dict] = []
        used_names: set[str] = set()
        next_id = self._next_id(Member)
        cluster_counter = defaultdict(int)
        retirements_made = 0
        every = max(1, min(1000, self.n // 20))
        for index, kind in enumerate(plan):
            m = _M()
            m.id = next_id + index
            retired_like = kind in ("退休", "去世")
            m.sex = "女" if rng.random() < (0.55 if retired_like else 0.62) else "男"
            # age and status
            if kind == "在职" or kind in ("调出", "退会"):
                top = 55.99 if m.sex == "女" else 59.99
                if kind != "在职":
                    top = min(top, 50.99)
                age = int(rng.triangular(22, top, 38))
            elif kind == "返聘":
                age = rng.randint(60, 64)
            elif kind == "退休":
                age = int(rng.triangular(60, 80.99, 64))
            else:  # 去世
                age = int(rng.triangular(62, 88.99, 75))
            m.birth = self._birth_for_age(age)
            recent_retirement = None
            if kind == "退休" and self.n >= 40 and retirements_made < (2 if self.n >= 100 else 1):
                # someone retired this year (visited), and at a big enough school someone retiring
                # just now (the send-off visit still to do)
                recent_retirement = rng.randint(20, 200) if retirements_made == 0 else rng.randint(3, 20)
                retirements_made += 1
                m.birth = _add_years(today - timedelta(days=recent_retirement), -60)
            m.status = {"返聘": "在职"}.get(kind, kind)
            m.lunar = rng.random() < (0.09 if m.birth.year < 1970 else 0.035)
            region = self._region()
            m.surname, name = self._name(m.sex, m.birth.year)
            for _ in range(8):
                if name not in used_names or self.n > 3000:
                    break
                m.surname, name = self._name(m.sex, m.birth.year)
            used_names.add(name)
            m.name = name
            if m.surname == "朴":
                region = "222401"
            m.ethnicity = N.REGION_ETHNICITY.get(region) if rng.random() < 0.6 else None
            if m.surname == "朴":
                m.ethnicity = "朝鲜族"
            m.ethnicity = m.ethnicity or ethnicities.pick(rng)
            # department, post
            if retired_like:
                m.department = N.RETIRED_DEPARTMENT
                m.teaching = rng.random() < 0.85
                m.cluster = -1
                m.group = N.RETIRED_GROUP
            else:
                m.department = departments.pick(rng)
                m.cluster, m.teaching = dept_info[m.department]
                if kind == "返聘":
                    while not dept_info[m.department][1]:
                        m.department = departments.pick(rng)
                    m.cluster, m.teaching = dept_info[m.department]
                sub = cluster_counter[m.cluster] % self.group_split
                cluster_counter[m.cluster] += 1
                m.group = N.group_name(m.cluster * self.group_split + sub)
            if m.teaching and not retired_like:
                m.post = "教师" if kind == "返聘" else teaching_posts.pick(rng)
            elif retired_like:
                m.post = "教师" if m.teaching else rng.choice(["干事", "工勤", "会计"])
            else:
                m.post = office_posts[m.department].pick(rng)
            if m.post == "干事" and m.department in N.OFFICE_HEADS:
                m.teaching = rng.random() < 0.4
            # education and dates
            if m.teaching:
                edu = (old_teacher_edu if m.birth.year < 1972 else teacher_edu).pick(rng)
            elif m.post == "校医":
                edu = rng.choice(["大学专科", "大学本科"])
            elif m.post in ("会计", "出纳", "干事"):
                edu = rng.choice(["大学本科", "大学专科", "大学本科"])
            else:
                edu = staff_edu.pick(rng)
            if N.EDUCATION_START_AGE[edu] > age - 1 and edu in ("硕士研究生", "博士研究生"):
                edu = "大学本科"
            start_age = N.EDUCATION_START_AGE[edu] + (rng.random() < 0.3)
            ws = date(m.birth.year + start_age, rng.choice((7, 8, 8, 9)), rng.randint(1, 28))
            ws = max(ws, _add_years(m.birth, 18))
            latest_ws = today - timedelta(days=rng.randint(20, 200))
            m.work_start = min(ws, latest_ws)
            m.education = edu
            m.region = region
            m.employment = "在编"
            if kind == "返聘":
                m.employment = "返聘"
            elif not retired_like:
                r = rng.random()
                if m.department == "后勤":
                    m.employment = "在编" if r < 0.4 else ("合同" if r < 0.75 else "临时工")
                elif r < 0.08:
                    m.employment = "合同"
                elif r < 0.095:
                    m.employment = "临时工"
            delay = rng.randint(0, 120) if m.employment == "在编" else rng.randint(30, 700)
            m.joined = min(m.work_start + timedelta(days=delay), today - timedelta(days=7))
            # status date
            m.status_date = None
            if m.status == "退休":
                retire_age = 60
                if m.sex == "女" and rng.random() < 0.7 and recent_retirement is None:
                    retire_age = 55
                m.status_date = _add_years(m.birth, retire_age)
            elif m.status in ("调出", "退会"):
                earliest = m.joined + timedelta(days=365)
                span = (today - earliest).days
                back = rng.randint(20, min(1000, span)) if span > 20 else 1
                m.status_date = today - timedelta(days=back)
            elif m.status == "去世":
                m.status_date = today - timedelta(days=rng.randint(10, 900))
                if m.status_date <= _add_years(m.birth, 60):
                    m.status_date = _add_years(m.birth, 61)
            m.title = self._title(m, age)
            self.members.append(m)
            if index % every == every - 1:
                self._report(index / self.n)
        self._assign_roles()
        for m in self.members:
            self.member_rows.append(self._member_row(m, politics))
        self.counts["会员"] = len(self.members)
        self.by_id = {m.id: m for m in self.members}

    def _title(self, m: _M, age: int) -> str:
        rng = self.rng
        if m.post in ("门卫", "工勤"):
            return "未评"
        if not m.teaching:
            return "未评"
        if m.status in ("退休", "去世"):
            return rng.choices(["高级教师", "一级教师", "正高级教师"], [55, 42, 3])[0]
        years = self.year - m.work_start.year
        if years < 1:
            return "未评"
        if years < 3:
            return rng.choices(["三级教师", "二级教师", "未评"], [15, 50, 35])[0]
        if years < 8:
            return rng.choices(["二级教师", "一级教师"], [65, 35])[0]
        if years < 15:
            return rng.choices(["一级教师", "二级教师", "高级教师"], [70, 15, 15])[0]
        return rng.choices(["高级教师", "一级教师", "正高级教师"], [52, 45, 3])[0]

    def _assign_roles(self) -> None:
        rng = self.rng
        staff = [m for m in self.members if m.status == "在职" and m.employment != "返聘"]
        senior = [m for m in staff if 38 <= _age(m.birth, self.today) <= 55 and m.teaching]
        # heads of the offices: one 校长, two 副校长, a 主任 and 副主任 per office
        by_dept = defaultdict(list)
        for m in staff:
            if m.department in N.OFFICE_HEADS and m.employment == "在编":
                by_dept[m.department].append(m)
        for dept in sorted(by_dept):
            people = by_dept[dept]
            elders = [m for m in people if _age(m.birth, self.today) >= 36] or people
            posts = N.OFFICE_HEADS[dept]
            for post, m in zip(posts, rng.sample(elders, min(len(posts), len(elders)))):
                m.post = post
                m.teaching = True
                if post in ("校长", "副校长") and m.title not in ("高级教师", "正高级教师"):
                    m.title = "高级教师"
                elif m.title in ("未评", "三级教师", "二级教师"):
                    m.title = "一级教师"
        # 教研组长: one per teaching department and group
        leaders = {}
        for m in staff:
            if m.teaching and m.department not in ("行政办公室", "教务处", "德育处", "总务处", "后勤"):
                key = (m.department, m.group)
                if 32 <= _age(m.birth, self.today) <= 56 and (key not in leaders or rng.random() < 0.2):
                    leaders[key] = m
        for m in leaders.values():
            if m.post in ("教师", "班主任"):
                m.post = "教研组长"
        pool = senior or staff or self.members
        self.chair = rng.choice(pool)
        committee_size = min(len(staff), 5 if self.n < 100 else 7 if self.n < 400 else 11)
        committee = [self.chair] + rng.sample([m for m in staff if m is not self.chair] or [self.chair],
                                              max(0, min(committee_size - 1, len(staff) - 1)))
        for m in committee:
            if "工会委员" not in m.roles:
                m.roles.append("工会委员")
        self.committee = committee
        women = [m for m in staff if m.sex == "女"]
        for m in rng.sample(women, min(len(women), 1 if self.n < 100 else 3)):
            m.roles.append("女工委员")
        others = [m for m in staff if m not in committee]
        auditors = rng.sample(others, min(len(others), 2 if self.n < 300 else 3))
        for m in auditors:
            m.roles.append("经审委员")
        by_group = defaultdict(list)
        for m in self.members:
            if m.status in ("在职", "退休"):
                by_group[m.group].append(m)
        for group in sorted(by_group):
            m = rng.choice(by_group[group])
            m.roles.append("工会小组长")
        delegates = round(len(staff) * 0.06)
        for m in rng.sample(staff, min(len(staff), max(delegates, 3 if staff else 0))):
            m.roles.append("教代会代表")
        if "教代会代表" not in self.chair.roles:
            self.chair.roles.append("教代会代表")
        helpers = [m for m in committee if m is not self.chair] or committee
        self.handler = helpers[0]
        order = {role: i for i, role in enumerate(N.UNION_ROLES)}
        for m in self.members:
            m.roles = sorted(set(m.roles), key=order.get)

    def _member_row(self, m: _M, politics: _Weighted) -> dict:
        rng = self.rng
        age = _age(m.birth, self.today)
        political = politics.pick(rng)
        if political == "共青团员" and age > 28:
            political = "群众"
        if m is self.chair and political not in ("中共党员",):
            political = "中共党员"
        notes = ""
        if m is self.chair:
            notes = "工会主席"
        elif m.status == "退休" and m.status_date:
            notes = f"{m.status_date.year}年退休"
        elif m.status == "调出":
            notes = rng.choice(["调往区教育局", "调往兄弟学校", "调往外区任教", "调往教研室"])
        elif m.status == "退会":
            notes = rng.choice(["辞职离校", "合同期满离职", "本人申请退会"])
        elif m.status == "去世":
            notes = "病故"
        elif rng.random() < 0.05:
            notes = rng.choice(N.MEMBER_NOTES)
        phone = self._phone()
        return {
            "id": m.id,
            "name": m.name,
            "pinyin_key": self._search_key(m.name),
            "sex": m.sex,
            "ethnicity": m.ethnicity,
            "id_number": self._id_number(m.region, m.birth, m.sex),
            "birth_date": m.birth,
            "birthday_lunar": m.lunar,
            "phone": phone,
            "department": m.department,
            "union_group": m.group,
            "post": m.post,
            "title": m.title,
            "employment_type": m.employment,
            "status": m.status,
            "status_date": m.status_date,
            "joined_union_date": m.joined,
            "work_start_date": m.work_start,
            "political_status": political,
            "education": m.education,
            "union_roles": ",".join(m.roles),
            "notes": notes,
        }

    # -- relatives ----------------------------------------------------------------------------------

    def _relative_id(self, sex: str, birth: date) -> str:
        if self.rng.random() < 0.45:
            return self._id_number(self._region(), birth, sex)
        return ""

    def _make_relatives(self) -> None:
        rng, today = self.rng, self.today
        rows: list[dict] = []
        next_id = self._next_id(Relative)

        def add(m: _M, **row) -> dict:
            row["id"] = next_id + len(rows)
            row["member"] = m.id
            row.setdefault("phone", "")
            row.setdefault("notes", "")
            row.setdefault("death_date", None)
            rows.append(row)
            return row

        for index, m in enumerate(self.members):
            age = _age(m.birth, today)
            if m.status in ("调出", "退会", "去世") and rng.random() < 0.6:
                continue
            married_p = 0.05 if age < 25 else 0.4 if age < 30 else 0.75 if age < 35 else 0.88
            spouse = None
            if rng.random() < married_p:
                s_sex = "女" if m.sex == "男" else "男"
                gap = rng.randint(0, 4) * (1 if m.sex == "男" else -1) + rng.randint(-1, 1)
                s_age = max(22, age - gap)
                s_birth = self._birth_for_age(s_age)
                s_surname, s_name = self._name(s_sex, s_birth.year)
                if s_age >= 60:
                    work = "已退休"
                else:
                    work = rng.choice(N.SPOUSE_WORK)
                spouse = add(
                    m, name=s_name, relation="配偶", birth_date=s_birth,
                    id_number=self._relative_id(s_sex, s_birth),
                    phone=self._phone() if rng.random() < 0.7 else "",
                    work_or_school=work,
                    health=rng.choice(N.HEALTH_OK if s_age < 60 else N.HEALTH_OLD),
                )
                spouse["_sex"] = s_sex
                spouse["_surname"] = s_surname
                m.spouse = spouse
            # children
            if spouse is not None and age >= 25:
                k = rng.choices([0, 1, 2, 3], [12, 55, 30, 3] if m.birth.year >= 1980 else [8, 72, 18, 2])[0]
                father_surname = m.surname if m.sex == "男" else spouse["_surname"]
                for _ in range(k):
                    c_birth = _add_years(m.birth, rng.randint(24, 36)) + timedelta(days=rng.randint(0, 364))
                    if c_birth > today - timedelta(days=30):
                        continue
                    c_sex = rng.choice("男女")
                    surname = father_surname if rng.random() < 0.93 else m.surname
                    _, c_name = self._name(c_sex, c_birth.year, surname=surname)
                    child = add(
                        m, name=c_name, relation="儿子" if c_sex == "男" else "女儿", birth_date=c_birth,
                        id_number=self._relative_id(c_sex, c_birth) if _age(c_birth, today) >= 16 else "",
                        work_or_school=self._child_place(_age(c_birth, today)),
                        health="健康",
                    )
                    child["_sex"] = c_sex
                    m.children.append(child)
            # parents (kept on file for condolence visits)
            if age <= 58 and m.status == "在职" and rng.random() < 0.6:
                f_age = age + rng.randint(24, 34)
                m_age = f_age + rng.randint(-5, 2)
                for relation, p_age, p_sex in (("父亲", f_age, "男"), ("母亲", m_age, "女")):
                    if p_age > 92 or rng.random() < 0.07:
                        continue
                    p_birth = self._birth_for_age(p_age)
                    surname = m.surname if relation == "父亲" else None
                    _, p_name = self._name(p_sex, p_birth.year, surname=surname)
                    parent = add(
                        m, name=p_name, relation=relation, birth_date=p_birth,
                        id_number=self._relative_id(p_sex, p_birth),
                        phone=self._phone() if rng.random() < 0.3 else "",
                        work_or_school=(rng.choice(N.SPOUSE_WORK) if p_age < 55 else rng.choice(N.PARENT_WORK)
                                        if p_age < 70 else rng.choice(["已退休", "已退休", "务农"])),
                        health=rng.choice(N.HEALTH_OLD),
                    )
                    parent["_sex"] = p_sex
                    m.parents.append(parent)
            if index % 2000 == 1999:
                self._report(0.5 * index / self.n)
        # deaths of parents: a few within the last 60 days, some more within the year
        parents = [p for m in self.members for p in m.parents]
        parents.sort(key=lambda p: -_age(p["birth_date"], today))
        older = parents[: max(1, len(parents) // 3)]
        self.relative_deaths: list[dict] = []
        if parents:
            recent = max(2, round(self.n * 0.004))
            earlier = round(self.n * 0.008)
            chosen = rng.sample(older, min(len(older), recent + earlier))
            for i, p in enumerate(chosen):
                back = rng.randint(0, 59) if i < recent else rng.randint(60, 364)
                if i == 0:
                    back = rng.randint(1, 4)  # one very recent death, no condolence visit yet
                p["death_date"] = today - timedelta(days=back)
                p["health"] = "已故"
                p["notes"] = "已故"
                self.relative_deaths.append(p)
        self.relative_deaths.sort(key=lambda p: p["death_date"])
        clean = [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]
        self._insert(Relative, clean, report=(0.5, 1.0))
        self._report(1.0)
        self.counts["直系亲属"] = len(rows)

    def _child_place(self, age: int) -> str:
        rng = self.rng
        if age < 3:
            return "婴幼儿"
        if age < 6:
            return rng.choice(N.KINDERGARTENS)
        if age < 12:
            return rng.choice(N.PRIMARY_SCHOOLS)
        if age < 18:
            return rng.choice(N.MIDDLE_SCHOOLS)
        if age < 23:
            return rng.choice(N.UNIVERSITIES) + "在读"
        return rng.choice(N.CHILD_WORK)

    # -- hardship -----------------------------------------------------------------------------------

    _CAUSE_TEXT = {
        "大病/重病": "{who}患{ill}，长期治疗，医疗费用负担重",
        "因病致困": "{who}身体不好，常年服药，自付医疗费用较多",
        "残疾": "{who}肢体残疾，生活需人照料",
        "单亲": "单亲家庭，独自抚养子女",
        "子女就学": "子女在读，学费和生活费支出大",
        "家庭变故": "家庭发生变故，经济来源减少",
        "灾害": "住房遭受水灾受损，修缮费用较大",
        "配偶下岗/失业": "配偶失业在家，家庭收入锐减",
        "低收入": "家庭人均收入低于当地平均水平",
        "其他": "赡养多位老人，家庭负担较重",
    }

    def _make_hardship(self) -> None:
        rng, today = self.rng, self.today
        staff = [m for m in self.members if m.status == "在职"]
        retirees = [m for m in self.members if m.status == "退休"]
        moved = [m for m in self.members if m.status == "调出"]
        count = max(1, round(self.n * 0.04)) if self.n >= 10 else 0
        n_retired = min(len(retirees), round(count * 0.15))
        chosen = rng.sample(retirees, n_retired) + rng.sample(staff, min(len(staff), count - n_retired))
        if moved and count >= 5:
            chosen[-1] = rng.choice(moved)
        chosen.sort(key=lambda m: m.id)
        grades = _Weighted([("深度困难", 25), ("相对困难", 60), ("意外致困", 15)])
        found_hows = _Weighted([("摸底", 50), ("走访", 20), ("本人申请", 20), ("他人反映", 10)])
        funds = _Weighted([("工会经费", 50), ("上级工会", 20), ("互助金", 15), ("学校行政", 10), ("社会捐助", 5)])
        file_rows, review_rows, help_rows = [], [], []
        file_id = self._next_id(HardshipFile)
        review_id = self._next_id(HardshipReview)
        help_id = self._next_id(Assistance)
        chair, handler = self.chair.name, self.handler.name
        self.hardship_files: list[dict] = []
        # a few files from the latest survey have not been helped yet (从未帮扶)
        candidates = [m for m in chosen if m.status != "调出"]
        quota = max(1, round(len(chosen) * 0.15)) if len(chosen) >= 3 else 0
        never = {m.id for m in rng.sample(candidates, min(quota, len(candidates)))}
        # and about a fifth (at least one) have not been re-checked for over a year (一年未更新)
        open_old = [m for m in candidates if m.id not in never]
        overdue_ids = {m.id for m in rng.sample(open_old, min(len(open_old), max(1, round(len(chosen) * 0.2))))}
        for index, m in enumerate(chosen):
            grade = grades.pick(rng)
            in_school = any(6 <= _age(c["birth_date"], today) <= 22 for c in m.children)
            fits = {  # causes that need a family situation
                "单亲": m.spouse is None and bool(m.children),
                "配偶下岗/失业": m.spouse is not None,
                "子女就学": in_school,
            }
            if grade == "意外致困":
                mains = ["灾害", "家庭变故", "大病/重病"]
            elif grade == "深度困难":
                mains = ["大病/重病", "大病/重病", "残疾", "单亲", "因病致困"]
            else:
                mains = N.HARDSHIP_CAUSES
            main = rng.choice([c for c in mains if fits.get(c, True)])
            others = [c for c in N.HARDSHIP_CAUSES if c not in (main, "其他") and fits.get(c, True)]
            secondary = rng.sample(others, min(len(others), rng.choice([0, 1, 1, 2, 2, 3])))
            size = 1 + (m.spouse is not None) + len(m.children) + len([p for p in m.parents if rng.random() < 0.3])
            size = max(1, min(size, 7))
            per_head = rng.randint(60, 230) * 10 if grade != "深度困难" else rng.randint(50, 120) * 10
            income = _money(per_head * size)
            who = "本人"
            if main in ("大病/重病", "因病致困", "残疾"):
                who = rng.choice(["本人", "配偶" if m.spouse else "本人", "母亲" if m.parents else "本人", "子女" if m.children else "本人"])
            text = self._CAUSE_TEXT[main].format(who=who, ill=rng.choice(N.SERIOUS_ILLNESSES))
            extra = "；".join(self._CAUSE_TEXT[c].format(who="家人", ill=rng.choice(N.SERIOUS_ILLNESSES)) for c in secondary[:2])
            description = f"{text}{'；' + extra if extra else ''}。家庭{size}口人，月收入约{int(income)}元。"
            if m.id in never:
                found = today - timedelta(days=rng.randint(10, 75))
                found_how = "摸底"
            elif m.status == "调出":
                found = max(m.joined, m.status_date - timedelta(days=rng.randint(200, 900)))
                found_how = found_hows.pick(rng)
            else:
                found = today - timedelta(days=rng.randint(420 if m.id in overdue_ids else 120, 1800))
                found_how = found_hows.pick(rng)
            if found < m.joined:
                found = min(today - timedelta(days=10), m.joined + timedelta(days=200))
            status, status_date, reason = "在档", None, ""
            if m.status == "调出":
                status, reason = "已注销", "调出本单位，档案注销"
                status_date = m.status_date
                if found >= status_date:
                    found = status_date - timedelta(days=1)
            elif (today - found).days > 500 and m.id not in overdue_ids and rng.random() < 0.15:
                status, reason = "已脱困", rng.choice(["配偶重新就业，家庭收入改善，经复核脱困", "子女毕业参加工作，经复核脱困", "病情稳定，经复核脱困"])
                status_date = found + timedelta(days=rng.randint(380, (today - found).days - 1))
            elif (today - found).days < 200 and grade == "意外致困" and rng.random() < 0.5:
                status = "临时"
            # yearly reviews, in the November survey; some files overdue
            reviews = []
            y = found.year + (1 if found.month >= 11 else 0)
            while True:
                d = date(y, 11, rng.randint(5, 25))
                if d > today or (status_date and d > status_date):
                    break
                if d > found:
                    reviews.append(d)
                y += 1
            if m.id in overdue_ids:
                reviews = [d for d in reviews if (today - d).days > 400]
            last_review = reviews[-1] if reviews else None
            fid = file_id + len(file_rows)
            row = {
                "id": fid, "member": m.id, "grade": grade, "main_cause": main,
                "secondary_causes": ",".join(secondary), "household_size": size,
                "monthly_income": income, "housing": rng.choice(N.HOUSING),
                "description": description, "found_date": found, "found_how": found_how,
                "status": status, "status_date": status_date, "status_reason": reason,
                "last_review_date": last_review,
                "next_review_date": None if status in ("已脱困", "已注销") else _add_years(last_review or found, 1),
            }
            file_rows.append(row)
            info = {"id": fid, "member": m, "row": row, "helped": m.id not in never}
            self.hardship_files.append(info)
            m.hardship = info
            for d in reviews:
                review_rows.append({
                    "id": review_id + len(review_rows), "file": fid, "date": d, "reviewer": chair,
                    "note": rng.choice(["家庭情况无明显变化，继续保留档案", "病情仍需长期治疗，继续帮扶",
                                        "收入略有增加，仍属困难，继续建档", "已入户核实，材料齐全"]),
                })
            # assistance
            if info["helped"]:
                end = status_date or today
                for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                    if (end - found).days < 2:
                        break
                    d = found + timedelta(days=rng.randint(1, (end - found).days))
                    if main in ("大病/重病", "因病致困", "残疾"):
                        kind = rng.choice(["医疗救助", "医疗救助", "生活救助"])
                    elif main == "子女就学":
                        kind = rng.choice(["助学", "生活救助"])
                    elif main == "配偶下岗/失业":
                        kind = rng.choice(["就业帮扶", "生活救助"])
                    elif main == "家庭变故" and rng.random() < 0.2:
                        kind = "法律援助"
                    else:
                        kind = "生活救助"
                    cash = _money(rng.randint(5, 50) * 100) if kind != "法律援助" else _money(0)
                    goods, goods_value = "", _money(0)
                    if kind == "生活救助" and rng.random() < 0.4:
                        goods, goods_value = "大米、食用油", _money(rng.choice([150, 200, 300]))
                    notes = {"法律援助": "联系律师提供免费法律咨询", "就业帮扶": "协助配偶参加再就业培训"}.get(kind, "")
                    help_rows.append({
                        "id": help_id + len(help_rows), "file": fid, "date": d, "kind": kind,
                        "cash": cash, "goods": goods, "goods_value": goods_value,
                        "fund_source": funds.pick(rng) if kind != "助学" else "工会经费",
                        "handler": handler, "notes": notes, "voided": False, "void_reason": "",
                    })
        # one duplicated entry, voided
        if help_rows:
            dup = dict(rng.choice(help_rows))
            dup["id"] = help_id + len(help_rows)
            dup["voided"] = True
            dup["void_reason"] = "重复录入，作废"
            help_rows.append(dup)
        help_rows.sort(key=lambda r: r["id"])
        self._insert(HardshipFile, file_rows)
        self._insert(HardshipReview, review_rows)
        self._insert(Assistance, help_rows)
        self._report(1.0)
        self.counts["困难档案"] = len(file_rows)
        self.counts["帮扶记录"] = len(help_rows)

    # -- plan ---------------------------------------------------------------------------------------

    def _make_plan(self) -> None:
        """This year's and next year's plan from the template rules (as plan_template does),
        plus two items typed in by hand; past items of this year mostly done."""
        rng, today = self.rng, self.today
        existing = {
            (p.year, p.template_key)
            for p in PlanItem.select(PlanItem.year, PlanItem.template_key).where(PlanItem.template_key.is_null(False))
        }
        committee = [m.name for m in self.committee]
        by_category = {
            "慰问": self.chair.name, "会议": self.chair.name, "考核评议": self.chair.name,
            "上报检查": self.handler.name,
        }
        rules = plan_template.active_rules()
        next_id = self._next_id(PlanItem)
        self.plan_rows: list[dict] = []
        for year in (self.year, self.year + 1):
            for item in plan_template.expand_rules(rules, year):
                if (year, item["template_key"]) in existing:
                    continue
                row = item | {
                    "id": next_id + len(self.plan_rows),
                    "responsible": item["responsible"] or by_category.get(item["category"]) or rng.choice(committee),
                    "status": "未开始",
                }
                self.plan_rows.append(row)
                self.plan_ids[(year, row["template_key"])] = row
            for title, category, month in (("组织教职工参加区教育工会乒乓球联赛", "活动", 5),
                                           ("召开第二次教职工代表大会", "会议", 9)):
                self.plan_rows.append({
                    "id": next_id + len(self.plan_rows), "year": year, "title": title,
                    "category": category, "month": month, "date": None, "end_date": None,
                    "responsible": self.chair.name, "status": "未开始", "notes": "",
                    "template_key": None, "sort_order": 100 + month,
                })
        for row in self.plan_rows:
            if row["year"] != self.year:
                continue
            past = row["date"] < today if row["date"] else (row["month"] or 13) < today.month
            current = (row["date"] is None and row["month"] == today.month) or (
                row["date"] is not None and row["date"] >= today and row["date"].month == today.month
                and row["date"].year == today.year and (row["date"] - today).days <= 7
            )
            if past:
                r = rng.random()
                if r < 0.92:
                    row["status"], row["notes"] = "已完成", rng.choice(["已完成，资料已归档", "按计划完成", "已完成，照片及签到表存档", ""])
                elif r < 0.96:
                    row["status"], row["notes"] = "顺延", "因学校工作安排顺延至下月"
                else:
                    row["status"], row["notes"] = "已取消", "因故取消"
            elif current:
                row["status"] = "进行中"
        self._report(1.0)

    def _plan_link(self, key: str | None, d: date, ongoing: bool = False) -> int | None:
        """The id of this year's plan item `key` for something done on `d`, marking the item
        done (or, for `ongoing` items such as a month's birthdays, in progress until it ends)."""
        if not key or d.year != self.year:
            return None
        row = self.plan_ids.get((d.year, key))
        if row is None:
            return None
        if d <= self.today:
            over = not ongoing or (row["month"] or 12) < self.today.month
            if over and row["status"] != "已完成":
                row["status"], row["notes"] = "已完成", "已完成，资料已归档"
            elif not over:
                row["status"], row["notes"] = "进行中", ""
        return row["id"]

    # -- visits -------------------------------------------------------------------------------------

    def _make_visits(self) -> None:
        rng, today, start = self.rng, self.today, self.window_start
        types = {t.name: t for t in VisitType.select()}
        chair = self.chair.name
        committee = [m.name for m in self.committee if m is not self.chair] or [chair]
        headmaster = next((m.name for m in self.members if m.post == "校长"), None)
        district = self.school_name.split("市", 1)[-1].split("区", 1)[0] + "区"
        hospitals = [h.format(city=self.city, district=district) for h in N.HOSPITALS]
        visits: list[dict] = []

        def visitors(extra_leader: bool = False) -> str:
            names = [chair] + rng.sample(committee, min(len(committee), rng.choice([1, 1, 2])))
            if extra_leader and headmaster and headmaster not in names:
                names.insert(0, f"校长{headmaster}")
            return "、".join(dict.fromkeys(names))

        def add(kind: str, d: date, m: _M, reason: str, place: str, *, relative=None, plan=None,
                batch="", fund="工会经费", goods="", goods_value=0, follow_up="", leader=False, cash=None,
                plan_ongoing=False):
            vt = types.get(kind)
            if vt is None or d < start or d > today:
                return None
            amount = vt.standard_amount if cash is None else _money(cash)
            v = {
                "date": d, "member": m.id, "relative": relative["id"] if relative else None,
                "visit_type": vt.id, "reason": reason, "place": place, "visitors": visitors(leader),
                "cash": amount, "goods": goods, "goods_value": _money(goods_value),
                "fund_source": fund, "handler": self.handler.name, "follow_up": follow_up,
                "over_cap_reason": "", "batch": batch, "plan_item": self._plan_link(plan, d, plan_ongoing),
                "printed_at": None, "voided": False, "void_reason": "", "voided_at": None,
                "_order": len(visits), "_replaces": None,
            }
            if d < today and rng.random() < 0.92:
                v["printed_at"] = datetime.combine(d, time(16, rng.randint(0, 59)))
            visits.append(v)
            return v

        def active_on(m: _M, d: date) -> str | None:
            return m.status_on(d)

        years = sorted({start.year, today.year})
        files = [f for f in self.hardship_files if f["helped"]]
        for y in years:
            spring = festivals.festival_dates(y)["春节"]
            d = spring - timedelta(days=rng.randint(4, 9))
            for f in files:
                m, row = f["member"], f["row"]
                if row["found_date"] <= d and (row["status_date"] is None or row["status_date"] > d) and active_on(m, d):
                    add("春节送温暖", d, m, "春节前走访慰问困难教职工，送去慰问金和年货", "家中",
                        plan="spring-warmth", batch=f"{y}年春节送温暖", goods="大米、食用油",
                        goods_value=150, leader=True)
            # 三八: women in hardship files
            d8 = date(y, 3, rng.randint(5, 7))
            for f in files:
                m = f["member"]
                if m.sex == "女" and f["row"]["found_date"] <= d8 and active_on(m, d8) == "在职":
                    add("三八节慰问", d8, m, "三八妇女节慰问困难女教职工", "学校工会办公室",
                        plan="womens-day", batch=f"{y}年三八节慰问")
            # 金秋助学: hardship households with a child in university or entering it
            d_aug = date(y, 8, rng.randint(18, 28))
            for f in files:
                m = f["member"]
                kids = [c for c in m.children if 17 <= _age(c["birth_date"], d_aug) <= 22]
                if kids and f["row"]["found_date"] <= d_aug and active_on(m, d_aug):
                    kid = kids[0]
                    add("金秋助学", d_aug, m, f"资助子女{kid['name']}上大学", "学校工会办公室",
                        relative=kid, plan="golden-autumn", batch=f"{y}年金秋助学",
                        fund=rng.choice(["工会经费", "上级工会"]))
            # 教师节: the oldest retired teachers (75 and over, at least two)
            d9 = date(y, 9, rng.randint(7, 9))
            retired = sorted((m for m in self.members if m.status_on(d9) == "退休"), key=lambda m: (m.birth, m.id))
            oldest = {m.id for m in retired[:2]} | {m.id for m in retired if _age(m.birth, d9) >= 75}
            for m in retired:
                if m.id in oldest:
                    add("教师节慰问", d9, m, "教师节走访慰问高龄退休教师", "家中",
                        plan="teachers-day", batch=f"{y}年教师节慰问", goods="鲜花、水果", goods_value=100)
            # 重阳: retirees aged 70 and over
            d99 = festivals.lunar_to_solar(y, 9, 9)
            for m in self.members:
                if m.status_on(d99) == "退休" and _age(m.birth, d99) >= 70:
                    add("重阳敬老", d99, m, "重阳节慰问退休教职工", rng.choice(["家中", "学校会议室"]),
                        plan="double-ninth", batch=f"{y}年重阳敬老")
            # 帮困送温暖 in December, 慰问特困及重病 in January
            for f in files:
                m = f["member"]
                if f["row"]["grade"] == "深度困难" and rng.random() < 0.7:
                    dd = date(y, 12, rng.randint(10, 28))
                    if f["row"]["found_date"] <= dd and active_on(m, dd):
                        add("家庭困难", dd, m, "年末帮困送温暖", "家中", plan="dec-warmth", batch=f"{y}年帮困送温暖")
                if f["row"]["main_cause"] in ("大病/重病", "因病致困") and rng.random() < 0.6:
                    dj = date(y, 1, rng.randint(8, 25))
                    if f["row"]["found_date"] <= dj and active_on(m, dj):
                        add("大病救助", dj, m, "慰问重病教职工，发放大病救助金", rng.choice(hospitals + ["家中"]),
                            plan="jan-visit-ill", fund=rng.choice(["互助金", "上级工会", "工会经费"]))
            # birthdays of serving members
            for m in self.members:
                bd = festivals.birthday_in_year(m.birth, y, m.lunar)
                if start <= bd <= today and m.status_on(bd) == "在职":
                    add("生日", bd, m, "会员生日慰问" + ("（农历生日）" if m.lunar else ""), "学校",
                        batch=f"{bd.year}年{bd.month}月生日", plan=f"monthly-birthdays#{bd.month:02d}",
                        plan_ongoing=True)
            if y == years[-1]:
                self._report(0.4)
        days = (today - start).days
        active = [m for m in self.members if m.status in ("在职", "退休")]
        serving = [m for m in self.members if m.status == "在职"]
        # illness
        for m in rng.sample(active, min(len(active), round(len(active) * 0.03 * days / 365))):
            d = start + timedelta(days=rng.randint(0, days))
            if m.status_on(d):
                ill = rng.choice(N.ILLNESSES)
                goods = rng.choice(["", "水果、牛奶", "鲜花、水果"])
                add("生病住院", d, m, f"因{ill}住院治疗", rng.choice(hospitals),
                    follow_up=rng.choice(["已出院，恢复良好", "出院后居家休养", "仍在康复中，继续关注", ""]),
                    goods=goods, goods_value=100 if goods else 0)
        # weddings and births
        young = [m for m in serving if 24 <= _age(m.birth, today) <= 34]
        for m in rng.sample(young, min(len(young), round(len(young) * 0.03 * days / 365))):
            d = start + timedelta(days=rng.randint(0, days))
            if m.status_on(d):
                add("结婚", d, m, "新婚祝贺", rng.choice(["酒店", "学校工会办公室"]))
        parents = [m for m in serving if 26 <= _age(m.birth, today) <= 40]
        for m in rng.sample(parents, min(len(parents), round(len(parents) * 0.035 * days / 365))):
            d = start + timedelta(days=rng.randint(0, days))
            if m.status_on(d):
                add("生育", d, m, "喜得" + rng.choice(["千金", "贵子"]), rng.choice([f"{self.city}市妇幼保健院", "家中"]),
                    goods="营养品", goods_value=100)
        # talks
        for kind, reason, place in (("思想情绪波动", "工作压力大、情绪低落，谈心疏导", "学校工会办公室"),
                                    ("家庭纠纷", "家庭矛盾，协助调解", "家中")):
            for m in rng.sample(serving, min(len(serving), max(1, round(len(serving) * 0.01)))):
                d = start + timedelta(days=rng.randint(0, days))
                if m.status_on(d):
                    add(kind, d, m, reason, place, follow_up="持续关注")
        # retirement
        for m in self.members:
            if m.status == "退休" and start <= m.status_date <= today - timedelta(days=20):
                d = min(today, m.status_date + timedelta(days=rng.randint(0, 14)))
                add("退休", d, m, "光荣退休，工会座谈送别", "学校会议室", goods="纪念品", goods_value=200, leader=True)
        # deaths
        for m in self.members:
            if m.status == "去世" and start <= m.status_date <= today:
                d = min(today, m.status_date + timedelta(days=rng.randint(1, 3)))
                add("会员去世", d, m, "会员病故，代表学校工会吊唁", "殡仪馆", goods="花圈", goods_value=300, leader=True)
        for p in self.relative_deaths:
            m = self.by_id[p["member"]]
            if p is self.relative_deaths[-1] and (today - p["death_date"]).days <= 5:
                continue  # the newest one: condolence still to be paid
            d = min(today, p["death_date"] + timedelta(days=rng.randint(1, 4)))
            if m.status_on(d):
                add("直系亲属去世", d, m, f"{p['relation']}{p['name']}病故，代表工会吊唁", rng.choice(["家中", "殡仪馆"]),
                    relative=p, goods="花圈", goods_value=200)
        self._report(0.7)
        # a few slips voided: wrong amount then re-issued, or entered twice
        cash_visits = [v for v in visits if v["cash"] > 0 and v["printed_at"]]
        voids = rng.sample(cash_visits, min(len(cash_visits), max(1, round(len(cash_visits) * 0.01)))) if cash_visits else []
        for i, original in enumerate(voids):
            wrong = dict(original)
            wrong["_order"] = original["_order"] - 0.5
            wrong["voided"] = True
            wrong["voided_at"] = datetime.combine(original["date"], time(17, rng.randint(0, 59)))
            wrong["plan_item"] = None
            if i % 3 == 2:
                wrong["void_reason"] = "重复登记，作废"
            else:
                wrong["cash"] = original["cash"] * 10
                wrong["void_reason"] = f"金额填写错误（应为{original['cash']}元），作废重开"
                original["_replaces"] = wrong
            visits.append(wrong)
        # serials in date order per year; ids in the same order
        visits.sort(key=lambda v: (v["date"], v["_order"]))
        next_id = self._next_id(Visit)
        per_year: dict[int, int] = defaultdict(int)
        existing = {c.name: c.value for c in Counter.select().where(Counter.name.startswith("visit-serial-"))}
        for i, v in enumerate(visits):
            v["id"] = next_id + i
            y = v["date"].year
            if not per_year[y]:
                per_year[y] = existing.get(f"visit-serial-{y}", 0)
            per_year[y] += 1
            v["serial"] = f"WF{y}-{per_year[y]:04d}"
        for v in visits:
            replaced = v.pop("_replaces")
            v["replaces"] = replaced["id"] if replaced else None
        self.visit_counters = dict(per_year)
        rows = [{k: val for k, val in v.items() if not k.startswith("_")} | {} for v in visits]
        self.visit_rows = rows
        self.counts["走访慰问"] = len(rows)
        self._report(1.0)

    # -- activities ---------------------------------------------------------------------------------

    def _activity_specs(self, y: int) -> list[dict]:
        n = self.n
        jan = _nth_weekday(y, 1, 4, 1)
        if jan.day <= 3:
            jan += timedelta(days=7)
        womens = date(y, 3, 8) - timedelta(days=(date(y, 3, 8).weekday() - 5) % 7)
        cap = lambda frac, low: max(low, round(n * frac))  # noqa: E731
        sports = ("冠军", "亚军", "季军")
        contest = ("一等奖", "二等奖", "三等奖")
        return [
            dict(key="newyear-games", title=f"{y}年元旦教职工趣味运动会", category="文体", day=jan,
                 hours=(15, 30, 17, 30), place="学校田径场", organiser="校工会、体育组", awards=sports,
                 description="以组室为单位参加，重在参与，增强团队凝聚力。", per_head=30,
                 items=[dict(name="拔河", capacity=cap(0.27, 40), team="group", demand=(1.0, 1.5)),
                        dict(name="跳绳", capacity=cap(0.2, 30), demand=(0.7, 1.4)),
                        dict(name="袋鼠跳", capacity=cap(0.13, 20), demand=(0.8, 1.5))]),
            dict(key="womens-day", title=f"{y}年“三八”女教职工踏青活动", category="出游", day=womens,
                 hours=(8, 0, 16, 30), place=f"{self.city}郊野公园", organiser="校工会女工委员会",
                 description="庆祝三八国际妇女节，组织女教职工春日踏青，统一乘车前往。", per_head=120,
                 eligible_sex="女",
                 items=[dict(name="踏青", capacity=cap(0.3, 45), demand=(1.0, 1.4))]),
            dict(key="apr-sports", title=f"{y}年教职工羽毛球比赛", category="比赛", day=_nth_weekday(y, 4, 2, 2),
                 hours=(15, 40, 18, 0), place="学校体育馆", organiser="校工会、体育组", awards=sports,
                 description="分男子单打、女子单打、混合双打三个项目，每人限报两项。", per_head=20,
                 items=[dict(name="男子单打", capacity=cap(0.06, 16), sex="男", demand=(0.8, 1.6)),
                        dict(name="女子单打", capacity=cap(0.06, 16), sex="女", demand=(0.7, 1.5)),
                        dict(name="混合双打", capacity=cap(0.08, 16), demand=(0.6, 1.3))]),
            dict(key="apr-young-teachers", title=f"{y}年青年教师教学基本功大赛", category="比赛",
                 day=_nth_weekday(y, 4, 3, 3), hours=(14, 0, 17, 30), place="学校录播室",
                 organiser="校工会、教务处", max_age=35, awards=contest, per_head=10,
                 description="35周岁以下青年教师参加，评委由各教研组长担任。",
                 items=[dict(name="教学设计", capacity=None, rate=0.45, teaching=True),
                        dict(name="粉笔字", capacity=None, rate=0.5, teaching=True),
                        dict(name="课堂教学展示", capacity=cap(0.05, 10), demand=(0.9, 1.5), teaching=True)]),
            dict(key="apr-health-check", title=f"{y}年女教职工定期体检", category="体检",
                 day=_nth_weekday(y, 4, 1, 4), hours=(7, 30, 11, 30), place=f"{self.city}市第一人民医院体检中心",
                 organiser="校工会女工委员会", eligible_sex="女", per_head=400,
                 description="空腹前往，携带身份证。体检项目含妇科检查、乳腺彩超。",
                 items=[dict(name="常规体检及妇科检查", capacity=None, rate=0.85)]),
            dict(key="may-mental-health", title=f"{y}年教职工心理健康讲座", category="讲座",
                 day=_nth_weekday(y, 5, 2, 2), hours=(15, 40, 17, 10), place="学校报告厅",
                 organiser="校工会", per_head=5, description="邀请市心理健康教育中心专家主讲“教师压力管理”。",
                 items=[dict(name="讲座", capacity=cap(0.45, 60), demand=(0.6, 1.2))]),
            dict(key="double-ninth", title=f"{y}年重阳节退休教职工登高敬老活动", category="出游",
                 day=festivals.lunar_to_solar(y, 9, 9), hours=(9, 0, 15, 0), place="城郊登山步道及学校会议室",
                 organiser="校工会", eligible_statuses="退休", per_head=80,
                 description="上午登高，下午在学校会议室举行敬老茶话会。",
                 items=[dict(name="登高游园", capacity=None, rate=0.45),
                        dict(name="敬老茶话会", capacity=None, rate=0.6)]),
            dict(key="oct-choir", title=f"{y}年“十月歌会”合唱比赛", category="比赛", day=_nth_weekday(y, 10, 4, 3),
                 hours=(15, 0, 17, 30), place="学校报告厅", organiser="校工会", per_head=15,
                 awards=contest, description="以组室为单位组队参赛，每队演唱两首曲目。",
                 items=[dict(name="合唱", capacity=None, rate=0.65, team="department")]),
            dict(key="dec-new-year", title=f"{y}年迎新春教职工游园活动", category="文体",
                 day=_nth_weekday(y, 12, 3, 3), hours=(15, 40, 17, 30), place="学校体育馆及连廊",
                 organiser="校工会", per_head=30, description="设套圈、猜灯谜、投篮等游园项目，凭游园卡兑换奖品。",
                 items=[dict(name="套圈", capacity=None, rate=0.4), dict(name="猜灯谜", capacity=None, rate=0.45),
                        dict(name="定点投篮", capacity=None, rate=0.3)]),
            dict(key="nov-sports", title=f"{y}年教职工运动会", category="文体", day=_nth_weekday(y, 11, 4, 2),
                 hours=(13, 30, 17, 30), place="学校田径场", organiser="校工会、体育组", awards=sports,
                 per_head=25, description="设个人项目和组室接力赛。",
                 items=[dict(name="男子100米", capacity=cap(0.08, 24), sex="男", demand=(0.6, 1.3)),
                        dict(name="女子100米", capacity=cap(0.08, 24), sex="女", demand=(0.6, 1.3)),
                        dict(name="立定跳远", capacity=cap(0.1, 30), demand=(0.7, 1.3)),
                        dict(name="4×100米接力", capacity=cap(0.25, 40), team="department", demand=(0.8, 1.3))]),
        ]

    def _make_activities(self) -> None:
        rng, today = self.rng, self.today
        act_rows, item_rows, team_rows, signup_rows = [], [], [], []
        act_id, item_id = self._next_id(Activity), self._next_id(ActivityItem)
        team_id, signup_id = self._next_id(Team), self._next_id(SignUp)
        specs: list[tuple[int, dict]] = []
        for y in (self.year - 1, self.year):
            year_specs = self._activity_specs(y)
            drop = rng.choice(["may-mental-health", "nov-sports"])
            specs += [(y, s) for s in year_specs if s["key"] != drop]
        # one outing called off last year
        cancelled = dict(key=None, title=f"{self.year - 1}年秋季教职工登山活动", category="出游",
                         day=_nth_weekday(self.year - 1, 10, 5, 4), hours=(8, 0, 16, 0), place="城郊森林公园",
                         organiser="校工会", per_head=60, cancelled=True,
                         description="因台风预警取消，已通知全体报名教职工。",
                         items=[dict(name="登山", capacity=None, rate=0.3)])
        specs.append((self.year - 1, cancelled))
        # one activity open for sign-up right now
        soon = today + timedelta(days=12)
        specs.append((soon.year, dict(
            key=None, title=f"{soon.year}年教职工健步行活动", category="文体", day=soon, hours=(15, 40, 17, 30),
            place="城市绿道", organiser="校工会", per_head=20, description="沿城市绿道健步行5公里，完成者发放纪念品。",
            items=[dict(name="健步行（5公里）", capacity=max(40, round(self.n * 0.3)), demand=(1.6, 2.2))])))
        specs.sort(key=lambda ys: ys[1]["day"])
        total_specs = len(specs)
        for index, (y, spec) in enumerate(specs):
            day: date = spec["day"]
            h1, m1, h2, m2 = spec["hours"]
            start = datetime.combine(day, time(h1, m1))
            end = datetime.combine(day, time(h2, m2))
            deadline = datetime.combine(day - timedelta(days=3), time(17, 0))
            opens = day - timedelta(days=21)
            if spec.get("cancelled"):
                status = "已取消" if day - timedelta(days=2) <= today else "报名中"
            elif day < today:
                status = "已结束"
            elif day == today or today > deadline.date():
                status = "已截止"
            elif today >= opens:
                status = "报名中"
            else:
                status = "筹备"
            aid = act_id + len(act_rows)
            statuses = spec.get("eligible_statuses", "在职")
            expected = 0
            item_specs = []
            for order, item in enumerate(spec["items"]):
                iid = item_id + len(item_rows)
                item_rows.append({
                    "id": iid, "activity": aid, "name": item["name"], "capacity": item["capacity"],
                    "team_based": bool(item.get("team")), "sort_order": order,
                })
                item_specs.append((iid, item))
            # sign-ups
            participants = 0
            if status != "筹备":
                eligible = [
                    m for m in self.members
                    if m.status_on(day) in statuses.split(",")
                    and (not spec.get("eligible_sex") or m.sex == spec["eligible_sex"])
                    and (not spec.get("max_age") or _age(m.birth, day) <= spec["max_age"])
                ]
                close = min(deadline, datetime.combine(today, time(8, 0)))
                open_dt = datetime.combine(opens, time(8, 0))
                elapsed = 1.0 if close >= deadline else max(0.0, (close - open_dt) / (deadline - open_dt))
                for iid, item in item_specs:
                    pool = [m for m in eligible if (not item.get("sex") or m.sex == item["sex"])
                            and (not item.get("teaching") or m.teaching)]
                    rows, teams, checked = self._signups(
                        iid, item, pool, open_dt, close, elapsed, start, status, spec, signup_id + len(signup_rows),
                        team_id + len(team_rows))
                    signup_rows += rows
                    team_rows += teams
                    participants += checked
                    expected += sum(1 for r in rows if r["state"] == "已报名")
            per_head = spec["per_head"]
            head_count = expected or sum((i["capacity"] or 0) for i in spec["items"]) or round(self.n * 0.3)
            budget = _money(round(per_head * head_count * 1.1, -1) or per_head)
            actual = _money(round(per_head * participants * rng.uniform(0.85, 1.02), -1)) if status == "已结束" else _money(0)
            desc = spec["description"]
            act_rows.append({
                "id": aid, "title": spec["title"], "category": spec["category"], "start": start, "end": end,
                "place": spec["place"], "organiser": spec["organiser"], "description": desc,
                "signup_deadline": deadline, "eligible_sex": spec.get("eligible_sex", ""),
                "min_age": None, "max_age": spec.get("max_age"), "eligible_statuses": statuses,
                "status": status, "budget": budget, "actual_cost": actual,
                "plan_item": self._plan_link(spec["key"], day) if status != "已取消" else None,
            })
            if status != "已结束" and spec["key"] and day.year == self.year:
                plan = self.plan_ids.get((day.year, spec["key"]))
                if plan is not None and plan["status"] == "已完成" and day >= today:
                    plan["status"] = "进行中" if status in ("报名中", "已截止") else "未开始"
                    plan["notes"] = ""
            self._report(0.5 * (index + 1) / total_specs)
        # write: plan first (visits and activities point to it), then visits, activities
        self._insert(PlanItem, self.plan_rows)
        self._insert(Visit, self.visit_rows, report=(0.5, 0.6))
        self._insert(Activity, act_rows)
        self._insert(ActivityItem, item_rows)
        self._insert(Team, team_rows)
        self._insert(SignUp, signup_rows, report=(0.6, 1.0))
        self.counts["计划事项"] = len(self.plan_rows)
        self.counts["活动"] = len(act_rows)
        self.counts["报名"] = len(signup_rows)

    def _signups(self, iid, item, pool, open_dt, close, elapsed, start, status, spec, first_id, first_team_id):
        rng = self.rng
        capacity = item.get("capacity")
        if spec.get("cancelled"):
            k = round(len(pool) * item.get("rate", 0.3))
        elif capacity:
            low, high = item.get("demand", (0.8, 1.3))
            k = round(capacity * rng.uniform(low, high) * elapsed)
        else:
            k = round(len(pool) * item.get("rate", 0.5) * rng.uniform(0.85, 1.1) * elapsed)
            # a district-sized union gives each open item a quota rather than everyone
            k = min(k, max(300, round(self.n * 0.1)))
        k = max(0, min(len(pool), k))
        if not k:
            return [], [], 0
        chosen = rng.sample(pool, k)
        span = max(60, int((close - open_dt).total_seconds()))
        times = []
        for _ in range(k):  # in waking hours
            t = open_dt + timedelta(seconds=rng.randrange(span))
            if not 7 <= t.hour < 23:
                t = t.replace(hour=7 + t.hour % 8)
            times.append(min(t, close))
        times.sort()
        rows = []
        for queue, (m, t) in enumerate(zip(chosen, times), start=1):
            state = "已报名" if capacity is None or queue <= capacity else "候补"
            rows.append({
                "id": first_id + queue - 1, "item": iid, "member": m.id, "team": None, "state": state,
                "queue_no": queue, "signed_at": t.replace(microsecond=0), "cancelled_at": None,
                "checked_in": False, "checked_in_at": None, "walk_in": False, "override_reason": "",
                "rank": None, "award": "", "notes": "",
                "_m": m,
            })
        if spec.get("cancelled"):
            for r in rows:
                r["state"] = "已取消"
                r["cancelled_at"] = datetime.combine(start.date() - timedelta(days=2), time(10, 0))
        else:
            # some cancel; the first on the waiting list moves up
            waiting = [r for r in rows if r["state"] == "候补"]
            for r in [r for r in rows if r["state"] == "已报名" and rng.random() < 0.05]:
                gap = max(60, int((close - r["signed_at"]).total_seconds()))
                r["state"] = "已取消"
                r["cancelled_at"] = (r["signed_at"] + timedelta(seconds=rng.randrange(gap))).replace(microsecond=0)
                r["notes"] = rng.choice(["临时有课", "身体不适", "家中有事", ""])
                if waiting:
                    promoted = waiting.pop(0)
                    promoted["state"] = "已报名"
                    promoted["notes"] = "候补递补"
        teams = []
        if item.get("team"):
            by_key = defaultdict(list)
            for r in rows:
                if r["state"] == "已报名":
                    m = r["_m"]
                    by_key[m.group if item["team"] == "group" else m.department].append(r)
            for key in sorted(by_key):
                tid = first_team_id + len(teams)
                teams.append({"id": tid, "item": iid, "name": f"{key}队" if item["team"] == "group" else f"{key}代表队",
                              "rank": None, "award": ""})
                for r in by_key[key]:
                    r["team"] = tid
        checked = 0
        if status == "已结束":
            for r in rows:
                if r["state"] == "已报名" and rng.random() < 0.93:
                    r["checked_in"] = True
                    r["checked_in_at"] = start - timedelta(minutes=rng.randint(0, 25), seconds=rng.randint(0, 59))
                    checked += 1
            if capacity is None and not item.get("team"):
                signed = {r["member"] for r in rows}
                extra = [m for m in pool if m.id not in signed]
                for m in rng.sample(extra, min(len(extra), rng.randint(0, 3))):
                    rows.append({
                        "id": first_id + len(rows), "item": iid, "member": m.id, "team": None, "state": "已报名",
                        "queue_no": len(rows) + 1, "signed_at": start, "cancelled_at": None,
                        "checked_in": True, "checked_in_at": start + timedelta(minutes=rng.randint(0, 10)),
                        "walk_in": True, "override_reason": "", "rank": None, "award": "", "notes": "现场报名",
                        "_m": m,
                    })
                    checked += 1
            awards = spec.get("awards")
            if awards and teams:
                order = list(range(len(teams)))
                rng.shuffle(order)
                for place, ti in enumerate(order, start=1):
                    teams[ti]["rank"] = place
                    teams[ti]["award"] = awards[place - 1] if place <= len(awards) else "优秀奖"
            elif awards:
                present = [r for r in rows if r["checked_in"]]
                rng.shuffle(present)
                if awards[0] == "冠军":
                    for place, r in enumerate(present[:3], start=1):
                        r["rank"], r["award"] = place, awards[place - 1]
                else:
                    first, second, third = (max(1, round(len(present) * f)) for f in (0.1, 0.2, 0.3))
                    for i, r in enumerate(present[: first + second + third]):
                        level = 0 if i < first else 1 if i < first + second else 2
                        r["rank"], r["award"] = level + 1, awards[level]
        for r in rows:
            del r["_m"]
        return rows, teams, checked

    # -- settings, counters, audit ----------------------------------------------------------------

    def _name_school(self) -> None:
        self._settings({"school_name": self.school_name, "union_name": f"{self.school_name}工会委员会"})

    def _finish(self) -> None:
        self._settings({"chair": self.chair.name, "default_handler": self.handler.name})
        for year, last in sorted(self.visit_counters.items()):
            name = f"visit-serial-{year}"
            row = Counter.get_or_none(Counter.name == name)
            if row is None:
                Counter.create(name=name, value=last)
            elif row.value < last:
                Counter.update(value=last).where(Counter.name == name).execute()
        audit.record("create", "demo", None, after={"members": self.n}, note="生成演示数据")
        self._report(1.0)

    @staticmethod
    def _settings(values: dict[str, str]) -> None:
        """Fill the settings that are still empty (a school the user named keeps its name)."""
        for key, value in values.items():
            row = Setting.get_or_none(Setting.key == key)
            if row is None:
                Setting.create(key=key, value=value)
            elif not row.value.strip():
                Setting.update(value=value).where(Setting.key == key).execute()
