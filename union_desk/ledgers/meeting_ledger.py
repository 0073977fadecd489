"""会议记录台账, 来信来访登记台账 and 合理化建议台账 (issue 17): one row per meeting, per letter or
visit, per suggestion; each exported, imported back and in the inspection pack.

- A meeting is known by its date, kind and topics. Its decisions are one cell, one per line:
  '1. 筹备三八活动（责任人：王芳，期限：2027-03-01，已办）', read back on import; its absences
  ('缺席及原因', services.meetings.attendance_figures) are marked again among the people who should
  attend (the kind's roles, from the roster imported first).
- A letter is known by its number (XF2027-001), kept on import. The privacy option hides every
  name (（不公开）) and contact; 匿名 stays 匿名 with or without it. A row whose name was hidden
  cannot say who wrote: importing it as a new letter is refused (export with names for a move).
- A suggestion is known by its date, title and proposer; its 征集活动 is found by title (and
  created when missing), its proposer matched to a member when the name is one member's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from union_desk.db.meeting_models import Decision, Letter, Meeting, MeetingKind, Suggestion, SuggestionCampaign
from union_desk.domain import meetings as rules
from union_desk.domain import textclean
from union_desk.imports.common import NEW, UPDATE, ImportRow
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.common import link, members_by_id
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, seq_column, totals_block
from union_desk.services import meetings as meeting_service


def _attr(name: str):
    return lambda record, options: getattr(record, name)


def _clean(text) -> str:
    return textclean.clean_text(text or "")


# --- 议题 and 决定事项 cells ------------------------------------------------------------------------

_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.、．)）]\s*")


def topics_text(topics: str) -> str:
    """'议题一\\n议题二' → '1. 议题一\\n2. 议题二'."""
    lines = [t.strip() for t in (topics or "").splitlines() if t.strip()]
    return "\n".join(f"{n}. {t}" for n, t in enumerate(lines, start=1)) if len(lines) > 1 else "\n".join(lines)


def parse_topics(raw) -> str:
    """The 议题 cell back to one topic per line, the numbers taken off."""
    lines = [_NUMBERED.sub("", line).strip() for line in str(raw).splitlines()]
    return "\n".join(line for line in lines if line)


def decision_line(decision: Decision, number: int) -> str:
    """'1. 筹备三八活动（责任人：王芳，期限：2027-03-01，已办）' (a done one with 完成：日期)."""
    parts = []
    if decision.owner:
        parts.append(f"责任人：{decision.owner}")
    if decision.due_date:
        parts.append(f"期限：{decision.due_date.isoformat()}")
    parts.append(decision.state)
    if decision.state == "已办" and decision.done_date:
        parts.append(f"完成：{decision.done_date.isoformat()}")
    text = " ".join((decision.text or "").split())
    return f"{number}. {text}（{'，'.join(parts)}）"


def decisions_text(decisions) -> str:
    return "\n".join(decision_line(d, n) for n, d in enumerate(decisions, start=1))


_META = re.compile(r"^(.*?)[（(]([^（()）]*)[）)]\s*$", re.S)


def _decision_meta(inner: str) -> dict | None:
    """'责任人：王芳，期限：2027-03-01，已办' → the fields; None when it is not such a note."""
    found: dict = {}
    for part in re.split(r"[，,；;]", inner):
        part = part.strip()
        if not part:
            continue
        match = re.match(r"^([^:：]+)[:：](.*)$", part)
        key, value = (match.group(1).strip(), match.group(2).strip()) if match else (part, "")
        sep = match is not None
        if sep and key in ("责任人", "负责人", "承办人"):
            found["owner"] = value
        elif sep and key in ("期限", "完成期限", "截止", "截止日期"):
            day = textclean.parse_loose_date(value) if value else None
            if value and day is None:
                return None
            found["due_date"] = day
        elif sep and key in ("完成", "完成日期", "办结"):
            found["done_date"] = textclean.parse_loose_date(value) if value else None
        elif not sep and key in rules.DECISION_STATES:
            found["state"] = key
        else:
            return None
    return found


def parse_decisions(raw) -> list[dict]:
    """The 决定事项 cell back to decisions: each numbered line starts one (lines without a number
    continue it); a trailing '（责任人：…，期限：…，状态）' gives owner, deadline and state."""
    items: list[str] = []
    for line in str(raw).splitlines():
        if not line.strip():
            continue
        if _NUMBERED.match(line) or not items:
            items.append(_NUMBERED.sub("", line).strip())
        else:
            items[-1] += line.strip()
    decisions = []
    for item in items:
        data: dict = {"text": item, "owner": "", "due_date": None, "state": "未办", "done_date": None}
        match = _META.match(item)
        meta = _decision_meta(match.group(2)) if match else None
        if meta is not None:
            data.update(meta, text=match.group(1).strip())
        if not data["text"]:
            raise ValueError(f"决定事项“{item}”没有内容")
        decisions.append(data)
    return decisions


# --- 缺席及原因 -------------------------------------------------------------------------------------

_AWAY = re.compile(r"^(.+?)(?:[（(](.*)[）)])?$")


def parse_absent(raw) -> list[tuple[str, str, str]]:
    """'张三（请假：病假）、李四（缺席）' → [(name, state, reason)]: '（请假：…）', '（请假）' and '（缺席）' give the state;
    another reason is a leave (请假: 病假, 外出培训 …) unless it speaks of an absence (缺席, 旷会,
    未到, 无故)."""
    found = []
    for part in re.split(r"[、，,；;\n]+", str(raw)):
        part = part.strip()
        if not part or part in ("无", "—", "-"):
            continue
        match = _AWAY.match(part)
        name, reason = match.group(1).strip(), (match.group(2) or "").strip()
        stated = re.match(r"^(请假|缺席)[：:](.+)$", reason)
        if stated:  # '（请假：外出培训）' as the ledger writes it
            found.append((name, stated.group(1), stated.group(2).strip()))
        elif reason in ("请假", "缺席"):
            found.append((name, reason, ""))
        elif reason:
            found.append((name, "缺席" if re.search(r"缺|旷|未到|无故", reason) else "请假", reason))
        else:
            found.append((name, "缺席", ""))
    return found


# --- 会议记录台账 -----------------------------------------------------------------------------------


def _meetings_info(records, options) -> str:
    decisions = sum(len(r.decision_list) for r in records)
    done = sum(1 for r in records for d in r.decision_list if d.state == "已办")
    return f"共 {len(records)} 次会议；决定事项 {decisions} 条，已办 {done} 条；合计行的应到、实到为人次"


def _meetings_summary(records, options):
    order = tuple(k.name for k in meeting_service.kinds(active_only=False))
    return [totals_block("按会议类别汇总", "会议类别", records, lambda r: r.kind.name, (), count_header="次数", order=order)]


MEETINGS = LedgerSpec(
    kind="meetings",
    title="会议记录台账",
    columns=(
        seq_column(),
        LedgerColumn("date", "日期", _attr("date"), 11, kind="date", aliases=("会议日期", "召开日期"), field="date"),
        LedgerColumn("time", "时间", _attr("time"), 6, aliases=("会议时间", "开始时间"), field="time", in_default=False),
        LedgerColumn("kind", "会议类别", lambda r, o: r.kind.name, 10, aliases=("会议名称", "会议类型", "类别"), field="kind",
                     fold=True, max_width=14),
        LedgerColumn("place", "地点", _attr("place"), 10, aliases=("会议地点",), field="place", fold=True, max_width=16),
        LedgerColumn("chair", "主持人", _attr("chair"), 7, field="chair"),
        LedgerColumn("recorder", "记录人", _attr("recorder"), 7, aliases=("记录员",), field="recorder"),
        LedgerColumn("expected", "应到", lambda r, o: r.figures.expected, 5, kind="int", aliases=("应到人数",), total=True),
        LedgerColumn("present", "实到", lambda r, o: r.figures.present, 5, kind="int", aliases=("实到人数",), total=True),
        LedgerColumn("absent", "缺席及原因", lambda r, o: r.figures.absent_text, 12, aliases=("缺席人员", "请假及缺席"),
                     field="absent", wrap=True, max_width=20, parse=parse_absent),
        LedgerColumn("topics", "议题", lambda r, o: topics_text(r.topics), 18, aliases=("会议议题", "主要议题"), field="topics",
                     wrap=True, max_width=30, parse=parse_topics),
        LedgerColumn("minutes", "会议记录", _attr("minutes"), 30, aliases=("记录", "记录内容", "会议内容", "主要内容"), field="minutes",
                     wrap=True, max_width=40, in_default=False),
        LedgerColumn("decisions", "决定事项", lambda r, o: decisions_text(r.decision_list), 24, aliases=("会议决定", "决议事项"),
                     field="decisions", wrap=True, max_width=40, parse=parse_decisions),
        LedgerColumn("notes", "备注", _attr("notes"), 8, field="notes", wrap=True, max_width=20),
    ),
    freeze_columns=3,
    info=_meetings_info,
    unit="次",
    summary=_meetings_summary,
    repeat_columns=("seq", "kind"),
)


def meeting_records(period: LedgerPeriod) -> list[Meeting]:
    meetings = list(Meeting.select().where(Meeting.date.between(period.first, period.last)).order_by(Meeting.date, Meeting.id))
    link(meetings, "kind", {k.id: k for k in MeetingKind.select()})
    decisions: dict[int, list[Decision]] = defaultdict(list)
    for decision in Decision.select().where(Decision.meeting.in_([m.id for m in meetings])).order_by(Decision.sort_order, Decision.id):
        decisions[decision.meeting_id].append(decision)
    for meeting in meetings:
        meeting.decision_list = decisions.get(meeting.id, [])
        meeting.figures = meeting_service.attendance_figures(meeting)
    return meetings


MEETING_FIELDS = ("time", "place", "chair", "recorder", "minutes", "notes")


def _decision_key(data) -> str:
    return _clean(data["text"] if isinstance(data, dict) else data.text)


class MeetingImporter(RecordImporter):
    spec = MEETINGS
    noun = "会议"
    table = "meeting"
    needs_member = False
    required = (("date",), ("kind",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.kinds = {k.name: k.id for k in MeetingKind.select(MeetingKind.id, MeetingKind.name)}
        self.stored: dict[tuple, Meeting] = {}
        self.same_day: dict[tuple, list[Meeting]] = defaultdict(list)
        for meeting in Meeting.select().order_by(Meeting.id):
            self.stored.setdefault((meeting.date, meeting.kind_id, _clean(meeting.topics)), meeting)
            self.same_day[(meeting.date, meeting.kind_id)].append(meeting)

    def check(self, row: ImportRow) -> None:
        v = row.values
        day = v.get("date")
        if day is None:
            self.issue(row, "date", "请填写会议日期")
            return
        name = _clean(v.get("kind"))
        kind_id = self.kinds.get(name)
        if kind_id is None:
            self.issue(row, "kind", f"没有名为“{name}”的会议类别（可选：{'、'.join(self.kinds)}；可先在“会议类别”中添加）")
            return
        topics = v.get("topics", "")
        key = (day, kind_id, _clean(topics))
        if not self.once(row, key):
            return
        data = {k: v[k] for k in MEETING_FIELDS if k in v}
        decisions = v.get("decisions", [])
        row.context.update(kind=kind_id, decisions=decisions, absent=v.get("absent"))
        stored = self.stored.get(key)
        for decision in decisions:
            if decision["due_date"] and decision["due_date"] < day:
                self.issue(row, "decisions", f"决定事项“{decision['text']}”的完成期限早于会议日期")
                return
        if stored is None:
            row.action, row.write = NEW, dict(data, date=day, kind=kind_id, topics=topics)
            if self.same_day.get((day, kind_id)):  # a meeting is known by date, kind and topics
                self.issue(row, "topics", f"{day.isoformat()} 已有一次{name}，议题与表格中不同：将新增一次会议"
                                          "（如只是改了议题，请在会议页面修改后重新导出）", "warning")
            return
        row.record_id = stored.id
        self.diff(row, {k: getattr(stored, k) for k in data}, data)
        have = {_decision_key(d): d for d in meeting_service.decisions_of(stored)}
        changed = [d for d in decisions if _decision_key(d) not in have or _decision_differs(have[_decision_key(d)], d)]
        if changed:
            row.changes["decisions"] = (decisions_text(have.values()), "\n".join(_plain(d) for d in changed))
            row.action = UPDATE
        if "absent" in v:
            before = meeting_service.attendance_figures(stored).absent_text
            if _absent_key(parse_absent(before)) != _absent_key(v["absent"]):
                row.changes["absent"] = (before, "、".join(f"{n}（{r or s}）" for n, s, r in v["absent"]))
                row.action = UPDATE
        if row.action == UPDATE:
            row.context["update"] = True

    def write(self, row: ImportRow) -> int:
        context = row.context
        if row.action == NEW:
            data = dict(row.write, kind=MeetingKind.get_by_id(context["kind"]))
            meeting = meeting_service.save_meeting(data)
        else:
            meeting = Meeting.get_by_id(row.record_id)
            if row.write:
                meeting_service.save_meeting(dict(row.write), meeting)
        self._decisions(meeting, context["decisions"])
        if context.get("absent") is not None and (row.action == NEW or "absent" in row.changes):
            self._attendance(row, meeting, context["absent"])
        return meeting.id

    def _decisions(self, meeting: Meeting, decisions: list[dict]) -> None:
        have = {_decision_key(d): d for d in meeting_service.decisions_of(meeting)}
        for decision in decisions:
            data = {k: decision[k] for k in ("text", "owner", "due_date", "state")}
            if decision["state"] == "已办":
                data["done_date"] = decision["done_date"] or decision["due_date"] or meeting.date
            stored = have.get(_decision_key(decision))
            if stored is None:
                meeting_service.add_decision(meeting, data)
            elif _decision_differs(stored, decision):
                meeting_service.update_decision(stored, {k: data[k] for k in data if k != "text"})

    def _attendance(self, row: ImportRow, meeting: Meeting, absent: list[tuple[str, str, str]]) -> None:
        rows = meeting_service.attendance_of(meeting)
        by_name: dict[str, list[int]] = defaultdict(list)
        for a in rows:
            by_name[a.member.name].append(a.member_id)
        away = [a.member_id for a in rows if a.state != "出席"]
        if away:
            meeting_service.mark_attendance(meeting, away, "出席")
        for name, state, reason in absent:
            ids = by_name.get(name, [])
            if len(ids) != 1:
                why = "不在这次会议的应到名单（会议类别的工会职务）中" if not ids else f"应到名单中有 {len(ids)} 人叫这个名字"
                self.issue(row, "absent", f"“{name}”{why}，未标记{state}", "warning")
                continue
            meeting_service.mark_attendance(meeting, ids, state, reason)


def _plain(decision: dict) -> str:
    parts = [p for p in (decision["owner"] and f"责任人：{decision['owner']}",
                         decision["due_date"] and f"期限：{decision['due_date'].isoformat()}", decision["state"]) if p]
    return f"{decision['text']}（{'，'.join(parts)}）"


def _decision_differs(stored: Decision, wanted: dict) -> bool:
    if (stored.owner or "", stored.due_date, stored.state) != (wanted["owner"] or "", wanted["due_date"], wanted["state"]):
        return True
    return bool(wanted["state"] == "已办" and wanted["done_date"] and wanted["done_date"] != stored.done_date)


def _absent_key(items) -> list:
    return sorted((n, s, r) for n, s, r in items)


# --- 来信来访登记台账 -------------------------------------------------------------------------------


def hidden(record, options) -> bool:
    """Whether names are hidden in this export: the export's own choice (`options.hide_names`,
    when the options have it), else the setting 导出来信来访台账时隐去姓名."""
    chosen = getattr(options, "hide_names", None)
    if chosen is not None:
        return bool(chosen)
    default = getattr(record, "hide_default", None)
    return meeting_service.hide_names_by_default() if default is None else default


def _person(record, options) -> str:
    return meeting_service.letter_person(record, hidden(record, options))


def _contact(record, options) -> str:
    if record.person_kind == rules.ANONYMOUS or hidden(record, options):
        return ""
    return record.contact


def _person_kind(record, options) -> str:
    return record.person_kind


def _letters_info(records, options) -> str:
    closed = sum(1 for r in records if r.closed)
    counts = {c: n for c in rules.LETTER_CATEGORIES if (n := sum(1 for r in records if r.category == c))}
    parts = "，".join(f"{c} {n} 件" for c, n in counts.items())
    text = f"共 {len(records)} 件" + (f"（{parts}）" if parts else "") + f"；已办结 {closed} 件，未办结 {len(records) - closed} 件"
    if records and hidden(records[0], options):
        text += "（按隐私设置隐去反映人姓名和联系方式；匿名来信来访不记姓名）"
    return text


def _yes_no(value) -> bool:
    text = _clean(str(value))
    if text in ("是", "已办结", "办结", "√", "✓", "1", "Y", "y", "true", "True"):
        return True
    if text in ("否", "未办结", "未办", "在办", "×", "0", "N", "n", "false", "False", ""):
        return False
    raise ValueError(f"“{text}”应为“是”或“否”")


LETTERS = LedgerSpec(
    kind="letters",
    title="来信来访登记台账",
    columns=(
        seq_column(),
        LedgerColumn("serial", "编号", _attr("serial"), 11, aliases=("登记编号", "来信编号"), field="serial"),
        LedgerColumn("date", "日期", _attr("date"), 11, kind="date", aliases=("来信来访日期", "登记日期", "收到日期"), field="date"),
        LedgerColumn("channel", "渠道", _attr("channel"), 5, aliases=("来源渠道", "方式", "形式"), field="channel"),
        LedgerColumn("person", "反映人", _person, 8, aliases=("来信来访人", "姓名", "反映人姓名"), field="person", max_width=14),
        LedgerColumn("person_kind", "反映人类型", _person_kind, 6, aliases=("身份",), field="person_kind", in_default=False),
        LedgerColumn("contact", "联系方式", _contact, 12, kind="phone", aliases=("联系电话", "电话"), field="contact"),
        LedgerColumn("matter", "反映事项", _attr("matter"), 24, aliases=("反映问题", "主要内容", "内容"), field="matter", wrap=True,
                     max_width=36),
        LedgerColumn("category", "类别", _attr("category"), 8, aliases=("问题类别", "类型"), field="category"),
        LedgerColumn("referred_to", "转办部门", _attr("referred_to"), 10, aliases=("转办部门（责任人）", "承办部门", "责任人"),
                     field="referred_to", fold=True, max_width=16),
        LedgerColumn("due_date", "答复期限", _attr("due_date"), 11, kind="date", aliases=("期限",), field="due_date"),
        LedgerColumn("reply", "答复情况", _attr("reply"), 20, aliases=("答复内容", "处理情况", "办理情况"), field="reply", wrap=True,
                     max_width=32),
        LedgerColumn("reply_date", "答复日期", _attr("reply_date"), 11, kind="date", aliases=("办结日期",), field="reply_date"),
        LedgerColumn("closed", "是否办结", _attr("closed"), 5, kind="bool", aliases=("办结", "已办结"), field="closed", parse=_yes_no),
        LedgerColumn("notes", "备注", _attr("notes"), 8, field="notes", wrap=True, max_width=20),
    ),
    freeze_columns=3,
    info=_letters_info,
    unit="件",
    repeat_columns=("seq", "serial"),
)


def letter_records(period: LedgerPeriod) -> list[Letter]:
    letters = list(Letter.select().where(Letter.date.between(period.first, period.last)).order_by(Letter.date, Letter.serial))
    hide = meeting_service.hide_names_by_default()
    for letter in letters:
        letter.hide_default = hide
    return letters


LETTER_FIELDS = ("date", "channel", "contact", "matter", "category", "referred_to", "due_date", "reply", "reply_date", "closed", "notes")
HIDDEN_REFUSED = (f"反映人为“{rules.HIDDEN}”（导出时按隐私设置隐去了姓名），无法确定是谁反映的，未导入。"
                  "用于导入的台账请在设置中取消“导出来信来访台账时隐去姓名”后重新导出")


class LetterImporter(RecordImporter):
    spec = LETTERS
    noun = "来信来访记录"
    table = "letter"
    required = (("date",), ("matter",), ("person",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        columns = [Letter.id, Letter.serial, Letter.person_kind, Letter.member, Letter.person_name,
                   *(getattr(Letter, f) for f in LETTER_FIELDS)]
        self.by_serial: dict[str, dict] = {}
        self.by_key: dict[tuple, dict] = {}
        for letter in Letter.select(*columns).dicts().iterator():
            self.by_serial[letter["serial"]] = letter
            self.by_key.setdefault((letter["date"], _clean(letter["matter"])), letter)

    def check(self, row: ImportRow) -> None:
        v = row.values
        day, matter = v.get("date"), v.get("matter")
        if day is None or not matter:
            self.issue(row, "date" if day is None else "matter", "请填写日期和反映事项")
            return
        serial = _clean(v.get("serial"))
        if serial:
            if not re.fullmatch(r"XF(\d{4})-\d{3,5}", serial) or int(serial[2:6]) != day.year:
                self.issue(row, "serial", f"编号“{serial}”应为 XF{day.year}-001 的形式（年份与日期一致）")
                return
            if not self.once(row, serial, "来信来访记录（编号相同）"):
                return
        elif not self.once(row, (day, _clean(matter))):
            return
        stored = self.by_serial.get(serial) if serial else self.by_key.get((day, _clean(matter)))
        data = {k: v[k] for k in LETTER_FIELDS if k in v}
        person = _clean(v.get("person"))
        if person in (rules.HIDDEN, _clean(rules.HIDDEN)):
            if stored is None:
                self.issue(row, "person", HIDDEN_REFUSED)
                return
            data.pop("contact", None)  # hidden with the name: keep what is stored
        else:
            who = self._person(row, person, v.get("person_kind"))
            if who is None:
                return
            data.update(who)
        for name, choices in (("channel", rules.CHANNELS), ("category", rules.LETTER_CATEGORIES)):
            if name in data and data[name] not in choices:
                self.issue(row, name, f"{self.spec.field_label(name)}应为：{'、'.join(choices)}")
                return
        if data.get("person_kind") == rules.ANONYMOUS:
            data["contact"] = ""
        if data.get("closed") and not data.get("reply"):
            self.issue(row, "reply", "已办结的记录请填写答复情况")
            return
        row.context["serial"] = serial
        if stored is None:
            row.action, row.write = NEW, data
            return
        row.record_id = stored["id"]
        if stored["serial"] != serial and serial:
            self.issue(row, "serial", f"编号“{serial}”在系统中是另一条记录", "warning")
        self.diff(row, stored, data)

    def _person(self, row: ImportRow, person: str, kind) -> dict | None:
        kind = _clean(kind) or None
        if kind is not None and kind not in rules.PERSON_KINDS:
            self.issue(row, "person_kind", f"反映人类型应为：{'、'.join(rules.PERSON_KINDS)}")
            return None
        if person == rules.ANONYMOUS or kind == rules.ANONYMOUS or (not person and kind is None):
            return {"person_kind": rules.ANONYMOUS, "member": None, "person_name": ""}
        if kind == "非会员":
            return {"person_kind": "非会员", "member": None, "person_name": person}
        candidates = self.members.by_name.get(person.replace(" ", ""), [])
        if len(candidates) == 1:
            return {"person_kind": "会员", "member": candidates[0][0], "person_name": person}
        if kind == "会员":
            why = "找不到这名会员（请先导入会员花名册）" if not candidates else f"有 {len(candidates)} 名会员叫“{person}”，无法确定是哪一位"
            self.issue(row, "person", f"反映人“{person}”：{why}")
            return None
        if candidates:
            self.issue(row, "person", f"有 {len(candidates)} 名会员叫“{person}”，按非会员导入", "warning")
        return {"person_kind": "非会员", "member": None, "person_name": person}

    def write(self, row: ImportRow) -> int:
        data = dict(row.write)
        if row.action == NEW:
            return meeting_service.save_letter(data, serial=row.context["serial"] or None).id
        letter = Letter.get_by_id(row.record_id)
        meeting_service.save_letter(data, letter)
        return letter.id


# --- 合理化建议台账 ---------------------------------------------------------------------------------


def _suggestions_info(records, options) -> str:
    counts = {a: sum(1 for r in records if r.adoption == a) for a in rules.ADOPTIONS}
    parts = "，".join(f"{a} {n} 条" for a, n in counts.items() if n)
    return f"共 {len(records)} 条建议" + (f"（{parts}）" if parts else "")


SUGGESTIONS = LedgerSpec(
    kind="suggestions",
    title="合理化建议台账",
    columns=(
        seq_column(),
        LedgerColumn("date", "日期", _attr("date"), 11, kind="date", aliases=("提出日期", "提交日期"), field="date"),
        LedgerColumn("campaign", "征集活动", lambda r, o: r.campaign.title if r.campaign_id else "", 14, aliases=("征集名称", "活动"),
                     field="campaign", fold=True, max_width=20),
        LedgerColumn("campaign_start", "征集开始日期", lambda r, o: r.campaign.start_date if r.campaign_id else None, 11, kind="date",
                     field="campaign_start", in_default=False),
        LedgerColumn("campaign_end", "征集截止日期", lambda r, o: r.campaign.end_date if r.campaign_id else None, 11, kind="date",
                     field="campaign_end", in_default=False),
        LedgerColumn("proposer", "建议人", _attr("proposer"), 8, aliases=("提出人", "姓名", "建议人姓名"), field="proposer", fold=True,
                     max_width=16),
        LedgerColumn("department", "部门", lambda r, o: r.member.department if r.member_id else "", 10,
                     aliases=("科室", "组室", "所在部门"), field="department", in_default=False),
        LedgerColumn("title", "建议名称", _attr("title"), 16, aliases=("建议题目", "标题", "题目"), field="title", wrap=True, max_width=24),
        LedgerColumn("content", "建议内容", _attr("content"), 26, aliases=("主要内容", "内容"), field="content", wrap=True, max_width=40),
        LedgerColumn("category", "类别", _attr("category"), 8, aliases=("建议类别", "类型"), field="category"),
        LedgerColumn("adoption", "采纳情况", _attr("adoption"), 7, aliases=("是否采纳",), field="adoption"),
        LedgerColumn("result", "实施结果", _attr("result"), 18, aliases=("实施情况", "采纳及实施情况", "落实情况"), field="result",
                     wrap=True, max_width=30),
        LedgerColumn("notes", "备注", _attr("notes"), 8, field="notes", wrap=True, max_width=20),
    ),
    freeze_columns=3,
    info=_suggestions_info,
    unit="条",
    repeat_columns=("seq", "date"),
)


def suggestion_records(period: LedgerPeriod) -> list[Suggestion]:
    suggestions = list(Suggestion.select().where(Suggestion.date.between(period.first, period.last))
                       .order_by(Suggestion.date, Suggestion.id))
    link(suggestions, "campaign", {c.id: c for c in SuggestionCampaign.select()})
    link(suggestions, "member", members_by_id(s.member_id for s in suggestions if s.member_id))
    return suggestions


SUGGESTION_FIELDS = ("content", "category", "adoption", "result", "notes")


class SuggestionImporter(RecordImporter):
    spec = SUGGESTIONS
    noun = "建议"
    table = "suggestion"
    required = (("date",), ("title",), ("proposer",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.campaigns: dict[str, SuggestionCampaign] = {}
        for campaign in SuggestionCampaign.select().order_by(SuggestionCampaign.id):
            self.campaigns.setdefault(_clean(campaign.title), campaign)
        self.new_campaigns: dict[str, list[dt.date]] = defaultdict(list)
        self.made: dict[str, SuggestionCampaign] = {}
        self.stored: dict[tuple, Suggestion] = {}
        self.same_day: dict[tuple, list[Suggestion]] = defaultdict(list)
        for suggestion in Suggestion.select().order_by(Suggestion.id):
            self.stored.setdefault((suggestion.date, _clean(suggestion.title), _clean(suggestion.proposer)), suggestion)
            self.same_day[(suggestion.date, _clean(suggestion.proposer))].append(suggestion)

    def check(self, row: ImportRow) -> None:
        v = row.values
        day, title, proposer = v.get("date"), _clean(v.get("title")), _clean(v.get("proposer"))
        if day is None or not title or not proposer:
            self.issue(row, "date" if day is None else "title" if not title else "proposer", "请填写日期、建议人和建议名称")
            return
        key = (day, title, proposer)
        if not self.once(row, key):
            return
        data = {k: v[k] for k in SUGGESTION_FIELDS if k in v}
        data.update(title=v["title"], proposer=proposer, date=day)
        for name, choices in (("category", rules.SUGGESTION_CATEGORIES), ("adoption", rules.ADOPTIONS)):
            if name in data and data[name] not in choices:
                self.issue(row, name, f"{self.spec.field_label(name)}应为：{'、'.join(choices)}")
                return
        data["member"] = self._member(row, proposer, v.get("department"))
        campaign_title = _clean(v.get("campaign"))
        campaign = self.campaigns.get(campaign_title) if campaign_title else None
        if campaign_title and campaign is None:
            if campaign_title not in self.new_campaigns:
                self.issue(row, "campaign", f"没有名为“{campaign_title}”的征集活动，导入时将新增", "warning")
            self.new_campaigns[campaign_title] += [day, v.get("campaign_start"), v.get("campaign_end")]
            row.context["new_campaign"] = campaign_title
        elif campaign is not None and (day < campaign.start_date or (campaign.end_date and day > campaign.end_date)):
            self.issue(row, "campaign", f"日期 {day.isoformat()} 不在“{campaign.title}”的征集时间内")
            return
        data["campaign"] = campaign.id if campaign else None
        stored = self.stored.get(key)
        if stored is None:
            row.action, row.write = NEW, data
            if self.same_day.get((day, proposer)):  # a suggestion is known by date, title and proposer
                self.issue(row, "title", f"{proposer}在 {day.isoformat()} 已有一条建议，名称与表格中不同：将新增一条"
                                         "（如只是改了名称，请在建议页面修改后重新导出）", "warning")
            return
        row.record_id = stored.id
        current = {k: getattr(stored, k) for k in data}
        current.update(member=stored.member_id, campaign=stored.campaign_id)
        wanted = dict(data)
        if "new_campaign" in row.context:
            wanted.pop("campaign")
        if wanted.get("member") is None:
            wanted.pop("member")  # a name that is no (single) member's leaves the stored link alone
        self.diff(row, current, wanted)
        if "new_campaign" in row.context:
            row.changes["campaign"] = (current["campaign"], campaign_title)
            row.action = UPDATE

    def _member(self, row: ImportRow, proposer: str, department) -> int | None:
        candidates = self.members.by_name.get(proposer.replace(" ", ""), [])
        if len(candidates) > 1 and department:
            candidates = [c for c in candidates if c[2] == department] or candidates
        if len(candidates) == 1:
            return candidates[0][0]
        if len(candidates) > 1:
            self.issue(row, "proposer", f"有 {len(candidates)} 名会员叫“{proposer}”，只记建议人姓名、不关联会员", "warning")
        return None

    def _campaign(self, title: str) -> SuggestionCampaign:
        if title not in self.made:
            days = [d for d in self.new_campaigns[title] if d]
            existing = meeting_service.campaign_by_title(title)
            self.made[title] = existing or meeting_service.save_campaign({"title": title, "start_date": min(days), "end_date": max(days)})
        return self.made[title]

    def write(self, row: ImportRow) -> int:
        data = dict(row.write)
        if "new_campaign" in row.context:
            data["campaign"] = self._campaign(row.context["new_campaign"])
        if row.action == NEW:
            return meeting_service.save_suggestion(data).id
        suggestion = Suggestion.get_by_id(row.record_id)
        meeting_service.save_suggestion(data, suggestion)
        return suggestion.id


MEETINGS_LEDGER = Ledger("meetings", MEETINGS, meeting_records, MeetingImporter, order=90, help="会议记录")
LETTERS_LEDGER = Ledger("letters", LETTERS, letter_records, LetterImporter, order=92, help="来信来访")
SUGGESTIONS_LEDGER = Ledger("suggestions", SUGGESTIONS, suggestion_records, SuggestionImporter, order=94, help="合理化建议")
