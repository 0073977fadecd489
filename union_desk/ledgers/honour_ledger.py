"""评优推荐汇总表 (one row per nomination) and 表彰台账 (one row per honour) — issue 18.

评优推荐汇总表: the nominations of the rounds held in the period (the round's year within it),
round by round. The issue's columns come first and are printed (序号 … 结果), then 上报级别,
上级评选结果, 年度 and 备注; what the round trip needs besides (身份证号, 先进事迹 and the round:
评选名称, 名额, the dates, 公示联系人) follows in the sheet, outside the print area. A group
nomination (a 工会小组 award) has the group in 姓名. Import: the round is found by award + year
(and 评选名称 when the award has several rounds that year); a missing round is created when the
award exists (an unknown award is an error of its row); the member by 姓名 (told apart by 部门
and 身份证号, `imports.records.MemberIndex`); an ineligible member is an error of its row with
the service's reason. A nomination is known by its round and its member or group: importing a
file twice adds nothing. The rounds with a 表彰日期 are decided (`services.honours.decide_round`)
after the rows are written, so the 评选 honours of the register come back with their source.
The round's own details of a round already in the database are not changed by an import
(a difference is reported as a warning).

表彰台账: every honour dated in the period (undated: of a year in it) — the honours counted
by the statistics. A group honour's listed members follow its row, each on a row of its own
with 类别 “集体荣誉成员” (and the group in 所属集体, outside the print area). Import: an honour is
known by year, title, holder (and the group it is listed on). A 录入 row not in the database is
added through `services.honours.add_honour` (a group honour with the member rows under it as its
listed members); a 评选 or 活动 row is matched to the record already there; a missing 活动 honour
is made from the activity's result when the sign-up is in the database
(`honours_from_activity`, the honours it makes that no row asks for are taken back); any other
missing 评选 / 活动 row is added as 录入 with a note saying so. Honours from 评选 or 活动 are only
changed where they come from: a difference is reported, not written. 获表彰N人次 by level is the
summary table under the ledger (listed members are not counted again, as in the statistics).

A move to a new computer imports the roster first, then 活动台账 and 活动参与明细, then these two
(the inspection pack's order: 评优推荐汇总表 before 表彰台账). The 授予单位 of honours from rounds
and activities is the union's name setting when they are made (`services.honours.school_union`):
set up the school's name in the new database before importing, or those rows are reported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from collections import defaultdict

from union_desk.db.honour_models import AwardRound, AwardType, Honour, Nomination
from union_desk.db.models import Activity, ActivityItem, Member, SignUp, Team
from union_desk.domain import honours as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, SAME, UPDATE, ImportRow
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.common import link
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import MEMBERS, Block, LedgerColumn, LedgerSpec, _id_value, block_column, seq_column
from union_desk.services import honours as honour_service


def _attr(name: str):
    return lambda record, options: getattr(record, name)


def _clean(text) -> str:
    return textclean.clean_text(text or "")


class _StopAtSummary:
    """The table ends where the ledger's own summary table starts (its title in a cell): these
    ledgers have no 合计 row to end at."""

    summary_titles: tuple[str, ...] = ()

    def rows(self, table, header, ticker):
        end = None
        for index in range(header.row_index + 1, len(table.rows)):
            if any(isinstance(c, str) and c.strip() in self.summary_titles for c in table.rows[index]):
                end = self.preview.header_row + (index - header.row_index)
                break
        for excel_row, cells in super().rows(table, header, ticker):
            if end is not None and excel_row >= end:
                break
            yield excel_row, cells


# --- cells ----------------------------------------------------------------------------------------------


def parse_level(raw) -> str:
    """级别: '校', '校级', '区级' … '全国级' → the level."""
    text = _clean(raw).replace(" ", "")
    level = text[:-1] if text.endswith("级") and text[:-1] in rules.LEVELS else text
    if level not in rules.LEVELS:
        raise ValueError(f"级别应为：{'、'.join(rules.LEVELS)}")
    return level


def parse_upward_level(raw) -> str:
    level = parse_level(raw)
    if level not in rules.UPWARD_LEVELS:
        raise ValueError(f"上报级别应为：{'、'.join(rules.UPWARD_LEVELS)}")
    return level


PENDING = "待定"


def parse_result(raw) -> str:
    """结果: 当选 / 未当选 / 上报, '待定' (or blank) = not decided yet."""
    text = _clean(raw).replace(" ", "")
    if text in ("", PENDING):
        return ""
    if text not in rules.RESULTS:
        raise ValueError(f"结果应为：{'、'.join(r for r in rules.RESULTS if r)}或{PENDING}")
    return text


def parse_outcome(raw) -> str:
    text = _clean(raw).replace(" ", "")
    if text in ("", PENDING):
        return ""
    if text not in rules.UPWARD_OUTCOMES:
        raise ValueError(f"上级评选结果应为：{'、'.join(r for r in rules.UPWARD_OUTCOMES if r)}或{PENDING}")
    return text


def birth_month(day: dt.date | None) -> str:
    """出生年月 as the forms write it: '1985.03'."""
    return f"{day.year}.{day.month:02d}" if day else ""


def post_and_title(member: Member) -> str:
    """职务/职称: '教研组长/高级教师' (either may be missing)."""
    return "/".join(p for p in (member.post, member.title) if p)


# --- 评优推荐汇总表 ---------------------------------------------------------------------------------------


def _nominee(record):
    return record.member if record.member_id else None


def _member_value(get):
    def value(record, options):
        member = _nominee(record)
        return get(member, options) if member is not None else None

    return value


def _result_text(record, options) -> str:
    return record.result or PENDING


def _outcome_text(record, options) -> str:
    if record.result != "上报":
        return ""
    return record.upward_outcome or PENDING


def _round(name: str):
    return lambda record, options: getattr(record.award_round, name)


NOMINATIONS = LedgerSpec(
    kind="nominations",
    title="评优推荐汇总表",
    columns=(
        seq_column(),
        LedgerColumn("name", "姓名", lambda r, o: r.member.name if r.member_id else r.group_name, 8,
                     aliases=(*MEMBERS.column("name").aliases, "被推荐人", "推荐对象", "候选人"), field="name"),
        LedgerColumn("sex", "性别", _member_value(lambda m, o: m.sex), 5),
        LedgerColumn("birth_month", "出生年月", _member_value(lambda m, o: birth_month(m.birth_date)), 8),
        LedgerColumn("department", "部门", _member_value(lambda m, o: m.department), 10, aliases=MEMBERS.column("department").aliases,
                     field="department", fold=True, max_width=16),
        LedgerColumn("post_title", "职务/职称", _member_value(lambda m, o: post_and_title(m)), 10, aliases=("职务职称", "职务／职称"),
                     fold=True, max_width=18),
        LedgerColumn("nominated_by", "推荐单位", _attr("nominated_by"), 10, aliases=("推荐部门", "推荐小组", "推荐组室"),
                     field="nominated_by", fold=True, max_width=16),
        LedgerColumn("award", "奖项", lambda r, o: r.award_round.award_type.name, 10, aliases=("奖项名称", "荣誉称号", "评选项目"),
                     field="award", fold=True, max_width=16),
        LedgerColumn("level", "级别", lambda r, o: r.award_round.award_type.level, 5, aliases=("奖项级别",)),
        LedgerColumn("votes", "票数", _attr("votes"), 5, kind="int", aliases=("得票", "得票数"), field="votes", total=False),
        LedgerColumn("result", "结果", _result_text, 6, aliases=("评选结果",), field="result", parse=parse_result),
        LedgerColumn("sent_level", "上报级别", lambda r, o: r.sent_level, 6, aliases=("上报至",), field="sent_level",
                     parse=parse_upward_level),
        LedgerColumn("upward_outcome", "上级评选结果", _outcome_text, 8, aliases=("上报结果",), field="upward_outcome",
                     parse=parse_outcome),
        LedgerColumn("year", "年度", _round("year"), 6, kind="int", aliases=("评选年度", "年份"), field="year", total=False),
        LedgerColumn("notes", "备注", _attr("notes"), 8, field="notes", wrap=True, max_width=20),
        # in the sheet, outside the print area: what the round trip needs besides the printed columns
        LedgerColumn("id_number", "身份证号", _member_value(lambda m, o: _id_value(m, o)), 20, kind="id",
                     aliases=MEMBERS.column("id_number").aliases, field="id_number", printed=False),
        LedgerColumn("deeds", "先进事迹", _attr("deeds"), 40, aliases=("主要事迹", "事迹", "先进事迹简介"), field="deeds", wrap=True,
                     max_width=80, printed=False),
        LedgerColumn("round_title", "评选名称", _round("title"), 16, aliases=("评选",), field="round_title", printed=False),
        LedgerColumn("quota", "评选名额", _round("quota"), 5, kind="int", aliases=("名额", "推荐名额"), field="quota", total=False,
                     printed=False),
        LedgerColumn("nomination_deadline", "推荐截止日期", _round("nomination_deadline"), 11, kind="date", field="nomination_deadline",
                     printed=False),
        LedgerColumn("notice_start", "公示开始日期", _round("notice_start"), 11, kind="date", field="notice_start", printed=False),
        LedgerColumn("notice_end", "公示结束日期", _round("notice_end"), 11, kind="date", field="notice_end", printed=False),
        LedgerColumn("decision_date", "表彰日期", _round("decision_date"), 11, kind="date", aliases=("决定日期",), field="decision_date",
                     printed=False),
        LedgerColumn("contact", "公示联系人", _round("contact"), 12, aliases=("联系人及电话", "联系人"), field="contact", printed=False),
    ),
    freeze_columns=2,
    info=lambda records, options: _nominations_info(records),
    unit="人",
    summary=lambda records, options: _nominations_summary(records),
)

NOMINATIONS_SUMMARY = "按评选汇总"


def _nominations_info(records: list) -> str:
    rounds = {r.award_round_id for r in records}
    results = Tally(r.result for r in records)
    upward = [r for r in records if r.result == "上报"]
    text = f"共 {len(rounds)} 项评选，推荐 {len(records)} 人（组）：当选 {results['当选']}，未当选 {results['未当选']}"
    if upward:
        text += f"，上报 {len(upward)}（获评 {sum(1 for r in upward if r.upward_outcome == '获评')}）"
    if results[""]:
        text += f"，待定 {results['']}"
    return text


def _nominations_summary(records: list) -> list[Block]:
    if not records:
        return []
    rounds: dict[int, list] = {}
    for record in records:
        rounds.setdefault(record.award_round_id, []).append(record)
    rows = []
    for items in rounds.values():
        award_round = items[0].award_round
        rows.append((_round_label(award_round), len(items), _results_text(items)))
    # three columns: the first spans 序号 … 部门, wide enough for the round's title
    columns = (block_column("评选"), block_column("推荐", "int", total=True), block_column("结果", total=False))
    return [Block(NOMINATIONS_SUMMARY, columns, rows)]


def _round_label(award_round: AwardRound) -> str:
    """'2027年校级三八红旗手（名额3）'."""
    return award_round.title + (f"（名额{award_round.quota}）" if award_round.quota else "")


def _results_text(items: list) -> str:
    """'当选2，未当选3，上报1（获评1），待定1' (the results there are)."""
    results = Tally(r.result for r in items)
    parts = [f"{word}{results[word]}" for word in ("当选", "未当选") if results[word]]
    if results["上报"]:
        awarded = sum(1 for r in items if r.result == "上报" and r.upward_outcome == "获评")
        parts.append(f"上报{results['上报']}" + (f"（获评{awarded}）" if awarded else ""))
    if results[""]:
        parts.append(f"{PENDING}{results['']}")
    return "，".join(parts)


def nomination_records(period: LedgerPeriod) -> list[Nomination]:
    """The nominations of the rounds of the period's years, round by round (year, the award's
    order), within a round by votes."""
    rounds = {
        r.id: r for r in AwardRound.select(AwardRound, AwardType).join(AwardType).where(AwardRound.year.between(period.first.year, period.last.year))
    }
    if not rounds:
        return []
    records = list(Nomination.select().where(Nomination.award_round.in_(list(rounds))))
    link(records, "award_round", rounds)
    ids = sorted({n.member_id for n in records if n.member_id})
    people = {}
    for start in range(0, len(ids), 500):
        people.update((m.id, m) for m in Member.select().where(Member.id.in_(ids[start : start + 500])))
    link(records, "member", people)
    records.sort(key=lambda n: (n.award_round.year, n.award_round.award_type.sort_order, n.award_round_id,
                                -(n.votes if n.votes is not None else -1), n.id))
    return records


_NOMINATION_FIELDS = ("nominated_by", "deeds", "votes", "result", "sent_level", "upward_outcome", "notes")
_ROUND_FIELDS = ("round_title", "quota", "nomination_deadline", "notice_start", "notice_end", "decision_date", "contact")


class NominationImporter(_StopAtSummary, RecordImporter):
    summary_titles = (NOMINATIONS_SUMMARY,)
    spec = NOMINATIONS
    noun = "推荐"
    table = "nomination"
    required = (("name", "id_number"), ("award",), ("year",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.awards = {a.name: a for a in AwardType.select()}
        self.rounds: dict[tuple[int, int], list[AwardRound]] = defaultdict(list)
        for award_round in AwardRound.select().order_by(AwardRound.id):
            self.rounds[(award_round.award_type_id, award_round.year)].append(award_round)
        self.stored = {(n.award_round_id, n.member_id or n.group_name): n for n in Nomination.select()}
        self.new_rounds: dict[tuple, dict] = {}  # rounds to create: their details (from their first row)
        self.made: dict[tuple, AwardRound] = {}
        self.to_decide: set[int] = set()  # decided rounds with rows written: their honours follow
        self.seen_rounds: set[int] = set()  # rounds whose details were compared
        self.results: dict[int, list[tuple[ImportRow, str, int | None]]] = defaultdict(list)  # for the quota

    def _find_round(self, award: AwardType, year: int, title: str) -> AwardRound | None:
        found = self.rounds.get((award.id, year), [])
        if title:
            named = [r for r in found if _clean(r.title) == title]
            if named or len(found) > 1:
                return named[0] if named else None
        return found[0] if found else None

    def check(self, row: ImportRow) -> None:
        v = row.values
        name = _clean(v.get("award"))
        award = self.awards.get(name)
        if award is None:
            known = "、".join(self.awards)
            self.issue(row, "award", f"未知的奖项“{name}”（可选：{known}；可先在“奖项设置”中添加）")
            return
        year = v.get("year")
        if year is None:
            self.issue(row, "year", "请填写年度")
            return
        member = None
        group = ""
        if award.target == "工会小组":
            group = _clean(v.get("name"))
            if not group:
                self.issue(row, "name", f"“{award.name}”授予工会小组，请在姓名一栏填写被推荐的工会小组")
                return
        else:
            member_id = self.member(row)
            if member_id is None:
                return
            member = Member.get_by_id(member_id)
        title = _clean(v.get("round_title"))
        key = (award.id, year, title)
        award_round = self._find_round(award, year, title)
        if not self.once(row, (award_round.id if award_round else key, member.id if member else group), "推荐（同一评选同一人）"):
            return
        data = {k: v[k] for k in _NOMINATION_FIELDS if k in v}
        result = data.get("result", "")
        if result == "上报" and not data.get("sent_level"):
            self.issue(row, "sent_level", "上报的推荐请填写上报级别")
            return
        if result != "上报" and (data.get("sent_level") or data.get("upward_outcome")):
            self.issue(row, "sent_level", "只有结果为上报的推荐才有上报级别和上级评选结果")
            return
        details = {k: v[k] for k in _ROUND_FIELDS if k in v}
        if award_round is None:
            if key not in self.new_rounds:
                self.new_rounds[key] = details
                shown = title or honour_service.round_title(award, year)
                self.issue(row, "award", f"数据库中没有评选“{shown}”，导入时将新建", "warning")
            row.context["new_round"] = key
            day = self.new_rounds[key].get("nomination_deadline") or dt.date(year, 12, 31)
        else:
            self._compare_round(row, award_round, details)
            day = award_round.nomination_deadline or dt.date(year, 12, 31)
            row.context["round"] = award_round.id
        stored = self.stored.get((award_round.id, member.id if member else group)) if award_round else None
        if award_round is not None:
            self.results[award_round.id].append((row, data.get("result", stored.result if stored else ""),
                                                 stored.id if stored else None))
        row.context.update(member=member.id if member else None, group=group, award=award.id)
        if stored is None:
            if member is not None:
                problems = honour_service.eligibility_problems(award, member, day)
                if problems:  # the words of `services.honours.nominate`
                    self.issue(row, "name", f"{member.name}不符合“{award.name}”的条件：{'；'.join(problems)}")
                    return
            row.action, row.write = NEW, data
            return
        row.record_id = stored.id
        current = {k: getattr(stored, k) for k in data}
        if data.get("result", stored.result) != "上报":  # the service clears them; nothing to compare
            data.pop("sent_level", None)
            data.pop("upward_outcome", None)
            current.pop("sent_level", None)
            current.pop("upward_outcome", None)
        self.diff(row, current, data)

    def checked(self) -> None:
        """Past a round's quota after the import: the warning the 评选 page gives too."""
        for round_id, rows in self.results.items():
            award_round = AwardRound.get_by_id(round_id)
            in_file = {stored_id for _, _, stored_id in rows if stored_id}
            elected = Nomination.select().where((Nomination.award_round == award_round) & (Nomination.result == "当选")
                                                & Nomination.id.not_in(list(in_file) or [0])).count()
            chosen = [row for row, result, _ in rows if result == "当选" and not row.errors]
            warning = rules.quota_warning(elected + len(chosen), award_round.quota)
            if warning and chosen:
                self.issue(chosen[-1], "result", f"{award_round.title}：{warning}", "warning")

    def _compare_round(self, row: ImportRow, award_round: AwardRound, details: dict) -> None:
        """The round's own details are the database's: a difference is only reported (once per round)."""
        if award_round.id in self.seen_rounds:
            return
        self.seen_rounds.add(award_round.id)
        differ = []
        for key, value in details.items():
            stored = _clean(award_round.title) if key == "round_title" else getattr(award_round, key)
            if value not in (None, "") and value != stored:
                differ.append(self.spec.field_label(key))
        if differ:
            self.issue(row, None, f"评选“{award_round.title}”的{'、'.join(differ)}与数据库中不同，导入不修改评选本身", "warning")

    def _new_round(self, key: tuple) -> AwardRound:
        award_round = self.made.get(key)
        if award_round is None:
            award_id, year, title = key
            details = dict(self.new_rounds[key])
            data = {"award_type": AwardType.get_by_id(award_id), "year": year}
            if details.get("round_title"):
                data["title"] = details.pop("round_title")
            details.pop("round_title", None)
            data.update({k: value for k, value in details.items() if value not in (None, "")})
            award_round = self.made[key] = honour_service.save_round(data)
        return award_round

    def write(self, row: ImportRow) -> int:
        context = row.context
        data = dict(row.write)
        if row.action == NEW:
            key = context.get("new_round")
            made_here = key is not None and key not in self.made
            award_round = self._new_round(key) if key is not None else AwardRound.get_by_id(context["round"])
            data["member"] = context["member"]
            if context["group"]:
                data["group_name"] = context["group"]
            try:
                nomination, _warnings = honour_service.nominate(award_round, data)
            except ValidationError:
                if made_here:  # the row's savepoint takes the new round back: the next row makes it
                    self.made.pop(key, None)
                raise
        else:
            nomination = Nomination.get_by_id(row.record_id)
            award_round = nomination.award_round
            honour_service.update_nomination(nomination, data)
        if award_round.decision_date:
            self.to_decide.add(award_round.id)
        return nomination.id

    def finish(self, rows: list) -> None:
        """Decided rounds (created with their 表彰日期, or given new nominations): the register follows."""
        for award_round_id in sorted(self.to_decide):
            award_round = AwardRound.get_by_id(award_round_id)
            honour_service.decide_round(award_round, award_round.decision_date)


# --- 表彰台账 ------------------------------------------------------------------------------------------------

PERSON, GROUP, LISTED = "个人", "工会小组", "集体荣誉成员"
_CATEGORY_WORDS = {
    "个人": PERSON, "家庭": PERSON, "": PERSON,
    "工会小组": GROUP, "集体": GROUP, "小组": GROUP, "集体荣誉": GROUP,
    "集体荣誉成员": LISTED, "集体成员": LISTED, "成员": LISTED,
}


def parse_category(raw) -> str:
    """类别 back to what the row is: 个人 (also 家庭), 工会小组 (a group's honour), 集体荣誉成员."""
    text = _clean(raw).replace(" ", "")
    if text not in _CATEGORY_WORDS:
        raise ValueError(f"类别应为：个人、家庭、工会小组或{LISTED}")
    return _CATEGORY_WORDS[text]


def parse_source(raw) -> str:
    text = _clean(raw).replace(" ", "")
    if text not in rules.SOURCES:
        raise ValueError(f"来源应为：{'、'.join(rules.SOURCES)}")
    return text


def _holder(record, options) -> str:
    return record.member.name if record.member_id else record.group_name


def _category(record, options) -> str:
    if record.parent_id:
        return LISTED
    if not record.member_id:
        return GROUP
    return "家庭" if getattr(record, "target", "") == "家庭" else PERSON


def imported_note(source: str) -> str:
    """The note of a 评选 / 活动 honour whose record was not found on import (kept as 录入)."""
    return f"（原为{source}产生，导入时未找到来源记录，按录入保存）"


HONOURS_SUMMARY = "获表彰人次（按级别）"

HONOURS = LedgerSpec(
    kind="honours",
    title="表彰台账",
    columns=(
        seq_column(),
        LedgerColumn("year", "年度", _attr("year"), 6, kind="int", aliases=("年份", "表彰年度"), field="year", total=False),
        LedgerColumn("title", "荣誉名称", _attr("title"), 16, aliases=("荣誉称号", "荣誉", "奖项", "奖项名称"), field="title", wrap=True,
                     max_width=30),
        LedgerColumn("level", "级别", _attr("level"), 5, aliases=("荣誉级别",), field="level", parse=parse_level),
        LedgerColumn("awarding_body", "授予单位", _attr("awarding_body"), 12, aliases=("颁发单位", "表彰单位", "授予机关"),
                     field="awarding_body", fold=True, max_width=20),
        LedgerColumn("name", "获得者", _holder, 8, aliases=(*MEMBERS.column("name").aliases, "姓名", "获奖者", "获得者姓名"), field="name",
                     fold=True, max_width=16),
        LedgerColumn("department", "部门", lambda r, o: r.member.department if r.member_id else "", 10,
                     aliases=MEMBERS.column("department").aliases, field="department", fold=True, max_width=16),
        LedgerColumn("category", "类别", _category, 7, aliases=("获得者类别", "荣誉类别"), field="category", parse=parse_category),
        LedgerColumn("source", "来源", _attr("source"), 5, aliases=("荣誉来源",), field="source", parse=parse_source),
        LedgerColumn("date", "获得日期", _attr("date"), 11, kind="date", aliases=("授予日期", "表彰日期", "获奖日期", "日期"), field="date"),
        LedgerColumn("notes", "备注", _attr("notes"), 10, field="notes", wrap=True, max_width=24),
        # in the sheet, outside the print area: what the round trip needs besides the printed columns
        LedgerColumn("id_number", "身份证号", lambda r, o: _id_value(r.member, o) if r.member_id else "", 20, kind="id",
                     aliases=MEMBERS.column("id_number").aliases, field="id_number", printed=False),
        LedgerColumn("group_of", "所属集体", lambda r, o: r.parent.group_name if r.parent_id else "", 10, aliases=("所在集体",),
                     field="group_of", printed=False),
    ),
    freeze_columns=3,
    info=lambda records, options: _honours_info(records),
    unit="条",
    summary=lambda records, options: _honours_summary(records),
    repeat_columns=("seq", "year", "title"),
)


def _counted(records: list) -> list:
    """人次: the honours themselves (a group's honour once), not the members listed on a group's."""
    return [r for r in records if not r.parent_id]


def _honours_info(records: list) -> str:
    counted = _counted(records)
    levels = Tally(r.level for r in counted)
    parts = "、".join(f"{level}级 {levels[level]}" for level in rules.LEVELS if levels[level])
    text = f"共 {len(records)} 条荣誉记录；获表彰 {len(counted)} 人次" + (f"（{parts}）" if parts else "")
    groups = sum(1 for r in counted if not r.member_id)
    listed = len(records) - len(counted)
    if groups:
        text += f"；其中集体荣誉 {groups} 项" + (f"，列出集体成员 {listed} 人（不另计人次）" if listed else "")
    return text


def _honours_summary(records: list) -> list[Block]:
    if not records:
        return []
    counted = _counted(records)
    levels = Tally(r.level for r in counted)
    sources = {level: Tally(r.source for r in counted if r.level == level) for level in rules.LEVELS}
    columns = (block_column("级别"), block_column("人次", "int", total=True),
               *(block_column(f"其中{source}", "int", total=True) for source in rules.SOURCES))
    rows = [(f"{level}级", levels[level], *(sources[level][s] for s in rules.SOURCES)) for level in rules.LEVELS]
    return [Block(HONOURS_SUMMARY, columns, rows)]


def honour_records(period: LedgerPeriod) -> list[Honour]:
    """The honours dated in the period (undated: of a year in it), as the statistics count them,
    by year and date; the members listed on a group honour right after it."""
    query = Honour.select().where(
        Honour.date.between(period.first, period.last)
        | (Honour.date.is_null() & Honour.year.between(period.first.year, period.last.year))
    )
    found = list(query)
    ids = sorted({h.member_id for h in found if h.member_id})
    people = {}
    for start in range(0, len(ids), 500):
        people.update((m.id, m) for m in Member.select(Member.id, Member.name, Member.department, Member.id_number, Member.pinyin_key)
                      .where(Member.id.in_(ids[start : start + 500])))
    link(found, "member", people)
    by_id = {h.id: h for h in found}
    parents = {h.parent_id for h in found if h.parent_id and h.parent_id not in by_id}
    extra = {h.id: h for h in Honour.select().where(Honour.id.in_(list(parents)))} if parents else {}
    link(found, "parent", {**by_id, **extra})
    nomination_ids = [h.nomination_id for h in found if h.nomination_id]
    targets = dict(
        Nomination.select(Nomination.id, AwardType.target).join(AwardRound).join(AwardType)
        .where(Nomination.id.in_(nomination_ids)).tuples()
    ) if nomination_ids else {}
    for honour in found:
        honour.target = targets.get(honour.nomination_id, "")
    top = sorted((h for h in found if not h.parent_id or h.parent_id not in by_id),
                 key=lambda h: (h.year, h.date or dt.date(h.year, 12, 31), h.id))
    children: dict[int, list] = defaultdict(list)
    for honour in found:
        if honour.parent_id and honour.parent_id in by_id:
            children[honour.parent_id].append(honour)
    records = []
    for honour in top:
        records.append(honour)
        records.extend(sorted(children.get(honour.id, ()), key=lambda h: (h.member.pinyin_key or "", h.id)))
    return records


_HONOUR_FIELDS = ("level", "awarding_body", "date", "notes")


class HonourImporter(_StopAtSummary, RecordImporter):
    summary_titles = (HONOURS_SUMMARY,)
    spec = HONOURS
    noun = "荣誉记录"
    table = "honour"
    required = (("title",), ("name", "id_number"), ("year", "date"))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.stored: dict[tuple, Honour] = {}
        parents = {h.id: h.group_name for h in Honour.select(Honour.id, Honour.group_name).where(Honour.group_name != "")}
        for honour in Honour.select().order_by(Honour.id):
            self.stored.setdefault(self._key(honour.year, honour.title, honour.member_id, honour.group_name,
                                             parents.get(honour.parent_id, "") if honour.parent_id else ""), honour)
        self.groups: dict[tuple, ImportRow] = {}  # new group honours of the file: (year, title, group) -> row
        self.last_group: tuple | None = None  # the group honour row above (for its listed members)
        self.made: dict[tuple, int] = {}  # group honours written: key -> id
        self.results: dict | None = None  # activity results, read when a 活动 row needs them
        self.from_activity: dict[int, set[int]] = {}  # activity -> honours `honours_from_activity` made
        self.claimed: set[int] = set()

    @staticmethod
    def _key(year, title, member_id, group, parent_group) -> tuple:
        return (year, _clean(title), ("m", member_id) if member_id else ("g", _clean(group)), _clean(parent_group))

    def _activity_results(self) -> dict:
        """(year, title, member) -> (activity, 'signup' or 'team', id) of every activity result that
        becomes an honour (`services.honours.honours_from_activity`)."""
        if self.results is None:
            self.results = {}
            activities = {a.id: a for a in Activity.select()}
            items = {i.id: i for i in ActivityItem.select()}
            for signup in SignUp.select().where((SignUp.state == "已报名") & SignUp.team.is_null()):
                item = items[signup.item_id]
                if rules.counts_as_honour(signup.award, signup.rank):
                    activity = activities[item.activity_id]
                    title = rules.activity_honour_title(activity.title, item.name, signup.award, signup.rank)
                    self.results.setdefault((activity.start.year, _clean(title), signup.member_id), (activity.id, "signup", signup.id))
            for team in Team.select():
                if not rules.counts_as_honour(team.award, team.rank):
                    continue
                item = items[team.item_id]
                activity = activities[item.activity_id]
                title = rules.activity_honour_title(activity.title, f"{item.name}（{team.name}）", team.award, team.rank)
                for signup in SignUp.select().where((SignUp.team == team) & (SignUp.state == "已报名")):
                    self.results.setdefault((activity.start.year, _clean(title), signup.member_id), (activity.id, "team", team.id))
        return self.results

    def check(self, row: ImportRow) -> None:
        v = row.values
        title = _clean(v.get("title"))
        day = v.get("date")
        year = v.get("year") or (day.year if day else None)
        if not title or year is None:
            self.issue(row, "title" if not title else "year", "请填写荣誉名称和年度")
            return
        category = v.get("category", PERSON)
        source = v.get("source", "录入")
        member_id, group, parent_group = None, "", ""
        if category == GROUP:
            group = _clean(v.get("name"))
            if not group:
                self.issue(row, "name", "集体荣誉请在获得者一栏填写工会小组")
                return
        else:
            member_id = self.member(row)
            if member_id is None:
                return
        if category == LISTED:
            parent_group = _clean(v.get("group_of"))
            above = self.last_group
            if not parent_group and above and above[:2] == (year, title):
                parent_group = above[2]
            if not parent_group:
                self.issue(row, "category", "集体荣誉成员的行应紧跟在集体荣誉之后，或填写“所属集体”")
                return
        if category == GROUP:
            self.last_group = (year, title, group)
        elif category == PERSON:
            self.last_group = None
        key = self._key(year, title, member_id, group, parent_group)
        if not self.once(row, key, "荣誉记录（同一年度、同一荣誉、同一获得者）"):
            return
        data = {k: v[k] for k in _HONOUR_FIELDS if k in v}  # a blank cell leaves the stored value
        stored = self.stored.get(key)
        row.context.update(key=key, member=member_id, group=group, category=category)
        if stored is not None:
            row.record_id = stored.id
            if stored.source == "录入":
                if source != "录入" and imported_note(source) not in data.get("notes", ""):
                    data["notes"] = data.get("notes", "") + imported_note(source)
                self.diff(row, {k: getattr(stored, k) for k in data}, data)
                return
            self.diff(row, {k: getattr(stored, k) for k in data}, data)
            if row.changes:
                changed = "、".join(self.spec.field_label(k) for k in row.changes)
                self.issue(row, next(iter(row.changes)), f"这条荣誉来自{stored.source}，{changed}不同，导入不修改（请在"
                           f"{'评选' if stored.source == '评选' else '活动'}中修改）", "warning")
            row.action, row.write, row.changes = SAME, {}, {}
            return
        data.update(year=year, title=v["title"])
        if category == LISTED:
            parent = (year, title, parent_group)
            group_row = self.groups.get(parent)
            if group_row is None:
                in_db = self.stored.get(self._key(year, title, None, parent_group, ""))
                message = (f"集体荣誉“{title}”（{parent_group}）已在数据库中，导入不能给它增加成员，请在荣誉页面添加"
                           if in_db is not None else f"找不到集体荣誉“{title}”（{parent_group}），请把它的行放在成员之前")
                self.issue(row, "group_of" if v.get("group_of") else "category", message)
                return
            group_row.context["listed"].append(member_id)
            row.context["parent"] = group_row.context["key"]
            row.action, row.write = NEW, data
            return
        if source == "活动":
            found = self._activity_results().get((year, title, member_id)) if member_id else None
            if found is not None:
                row.context["activity"] = found
                row.action, row.write = NEW, data
                return
        if source != "录入":
            data["notes"] = data.get("notes", "") + imported_note(source)
            where = "可先导入评优推荐汇总表" if source == "评选" else "可先导入活动台账和活动参与明细"
            self.issue(row, "source", f"数据库中没有这条{source}荣誉的来源记录（{where}），将按录入保存并在备注中注明", "warning")
        if category == GROUP:
            row.context["listed"] = []
            self.groups[(year, title, group)] = row
        row.action, row.write = NEW, data

    def write(self, row: ImportRow) -> int:
        context = row.context
        data = dict(row.write)
        if row.action == UPDATE:
            honour = Honour.get_by_id(row.record_id)
            honour_service.update_honour(honour, data)
            return honour.id
        if "parent" in context:
            parent_id = self.made.get(context["parent"])
            child = Honour.get_or_none((Honour.parent == parent_id) & (Honour.member == context["member"])) if parent_id else None
            if child is None:
                raise ValidationError("所属的集体荣誉没有导入", field="category")
            return child.id
        if "activity" in context:
            return self._from_activity(row)
        if context["group"]:
            data["group_name"] = context["group"]
        else:
            data["member"] = context["member"]
        honour = honour_service.add_honour(data, listed_members=context.get("listed") or None)
        if context["group"]:
            self.made[context["key"]] = honour.id
        return honour.id

    def _from_activity(self, row: ImportRow) -> int:
        """The honour of an activity result, made by `honours_from_activity` (once per activity);
        what the row says differently (授予单位 is the union's name setting …) is reported."""
        context = row.context
        activity_id, kind, ref = context["activity"]
        if activity_id not in self.from_activity:
            made = honour_service.honours_from_activity(Activity.get_by_id(activity_id))
            self.from_activity[activity_id] = {h.id for h in made.created}
        if kind == "signup":
            honour = Honour.get_or_none(Honour.signup == ref)
        else:
            honour = Honour.get_or_none((Honour.team == ref) & (Honour.member == context["member"]))
        if honour is None:
            self.from_activity.pop(activity_id, None)  # the row's savepoint takes them back
            raise ValidationError("没能从活动成绩生成这条荣誉", field="source")
        self.claimed.add(honour.id)
        differ = [k for k, value in row.write.items() if k in _HONOUR_FIELDS and value not in (None, "") and value != getattr(honour, k)]
        if differ:
            labels = "、".join(f"{self.spec.field_label(k)}“{getattr(honour, k) or '（空）'}”" for k in differ)
            self.issue(row, differ[0], f"按活动成绩生成的荣誉记录为{labels}，与表中不同（活动产生的荣誉请在活动中修改）", "warning")
        return honour.id

    def finish(self, rows: list) -> None:
        """The honours `honours_from_activity` made that no row of the file asked for are taken back."""
        for made in self.from_activity.values():
            for honour_id in sorted(made - self.claimed):
                honour = Honour.get_or_none(Honour.id == honour_id)
                if honour is not None:
                    honour_service.delete_honour(honour)


NOMINATIONS_LEDGER = Ledger("nominations", NOMINATIONS, nomination_records, NominationImporter, order=96, help="评优推荐汇总表")
HONOURS_LEDGER = Ledger("honours", HONOURS, honour_records, HonourImporter, order=98, help="表彰台账")

__all__ = [
    "HONOURS",
    "HONOURS_LEDGER",
    "HonourImporter",
    "NOMINATIONS",
    "NOMINATIONS_LEDGER",
    "NominationImporter",
    "honour_records",
    "nomination_records",
    "parse_category",
    "parse_level",
    "parse_result",
]
