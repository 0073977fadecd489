"""教代会提案台账 (one row per proposal), 教代会代表名册 (one row per seat) and the 民主评议汇总表
workbook (issue 16).

A ledger covers a period (`LedgerPeriod`: the proposals of the sessions held in it, the seats
held during it) or one session (`session_period(id)`: its proposals; the seats of its term on
its day). The 15 columns of the proposals ledger are printed; a few more (会议日期, 提交日期,
反馈日期, 办结日期, 理由, 理由及建议, 提案人部门) follow them in the sheet, outside the print
area, so that the export reads back whole.

Import: a proposal is known by its number (5-2-001: 届-次-序号). A new one is created through
`services.congress.create_proposal` under its own number (the session's counter is moved up to
it first, so the number is claimed and never given again) and brought to its state by replaying
the workflow (`domain.congress.path_to` through `services.congress.advance`) with the row's
dates: the audit trail is the workflow's own. Rows merged into another (并入5-2-001) are written
after the others. A number already there with the same content is 未变; different text (案由,
附议人 …) is updated; a state further along the workflow is replayed from the stored state; a
state behind it, or a different handling record for the same state, is reported and left as it
is (the handling is recorded in the app, not overwritten from a sheet). Terms and sessions
missing from the database are created only when the import goes into an empty congress (no
session and no proposal yet: a move to a new computer); otherwise such a row is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter as Tally
from pathlib import Path

from union_desk.db.congress_models import CongressSession, CongressTerm, Delegate, Proposal
from union_desk.db.models import Counter, Member, database_proxy
from union_desk.domain import congress as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, UPDATE, ImportRow
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import MEMBERS, Block, LedgerColumn, LedgerSpec, block_column, seq_column
from union_desk.services import congress as congress_service


def _attr(name: str):
    return lambda record, options: getattr(record, name)


# --- a session as a ledger period ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SessionPeriod(LedgerPeriod):
    """One session as the period of a ledger: `records(period)` of the congress ledgers take its
    proposals (and the seats of its term on its day); any other ledger sees its day."""

    session_id: int = 0
    title: str = ""

    @property
    def label(self) -> str:
        return self.title

    @property
    def file_label(self) -> str:
        return self.title


def session_period(session_id) -> SessionPeriod:
    """The period of one session (`--session ID`); NotFoundError when there is none."""
    session = congress_service.get_session(session_id)
    return SessionPeriod(session.date, session.date, "session", session_id=session.id, title=session.title)


def _session_of(period: LedgerPeriod) -> CongressSession | None:
    session_id = getattr(period, "session_id", 0)
    return congress_service.get_session(session_id) if session_id else None


# --- cells ----------------------------------------------------------------------------------------------

_FILING = re.compile(r"^(?P<kind>待审查|立案|不立案|并案|撤回|作废)\s*(?:[（(](?P<more>[^）)]*)[）)])?$")


def parse_filing(raw) -> dict:
    """立案情况 as `services.congress.filing_text` writes it: '立案', '不立案（转意见建议）',
    '并案（并入5-2-001）', '待审查', '撤回', '作废' → {'kind', 'as_suggestion', 'merged_into'}."""
    text = textclean.clean_text(raw).replace(" ", "")
    match = _FILING.match(text)
    if not match:
        raise ValueError(f"看不懂立案情况“{text}”（可写：立案；不立案；不立案（转意见建议）；并案（并入5-2-001）；待审查）")
    kind, more = match.group("kind"), match.group("more") or ""
    value = {"kind": kind, "as_suggestion": False, "merged_into": ""}
    if kind == "不立案" and more:
        if "意见建议" not in more:
            raise ValueError(f"看不懂立案情况“{text}”（不立案时括号内只能写“转意见建议”）")
        value["as_suggestion"] = True
    elif kind == "并案" and more:
        number = more.removeprefix("并入").strip()
        if rules.parse_proposal_number(number) is None:
            raise ValueError(f"“{more}”中的提案编号应写成 届-次-序号，如 5-2-001")
        value["merged_into"] = _canonical(number)
    elif more:
        raise ValueError(f"看不懂立案情况“{text}”")
    return value


def _canonical(number: str) -> str:
    parts = rules.parse_proposal_number(number)
    return rules.proposal_number(*parts) if parts else textclean.clean_text(number)


def parse_term(raw) -> int:
    """届次: '第五届', '第5届', '5' → 5."""
    text = textclean.clean_text(raw).replace(" ", "")
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        text = str(int(raw))
    match = re.fullmatch(r"第?([0-9]{1,2}|[一二三四五六七八九十]{1,3})届?", text)
    if match:
        digits = match.group(1)
        if digits.isdigit():
            number = int(digits)
        else:
            number = next((n for n in range(1, 100) if rules.chinese_number(n) == digits), 0)
        if 1 <= number <= congress_service.MAX_TERM_NUMBER:
            return number
    raise ValueError(f"看不懂届次“{text}”（可写：第五届 或 5）")


class _StopAtSummary:
    """The table ends where the ledger's own summary table starts (its title in the first
    column): the ledgers have no 合计 row to end at."""

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


# --- 教代会提案台账 ---------------------------------------------------------------------------------------


def _filing(record, options) -> str:
    merged = getattr(record, "merged_number", "")
    if record.state == rules.MERGED and merged:
        return f"并案（并入{merged}）"
    return congress_service.filing_text(record)


PROPOSALS = LedgerSpec(
    kind="proposals",
    title="教代会提案台账",
    columns=(
        seq_column(),
        LedgerColumn("number", "提案编号", _attr("number"), 9, aliases=("提案号", "案号"), field="number"),
        LedgerColumn("title", "案由", _attr("title"), 12, aliases=("提案名称", "提案题目", "题目", "标题"), field="title", wrap=True,
                     max_width=30),
        LedgerColumn("proposer", "提案人", lambda r, o: r.proposer.name, 7, aliases=("提案人姓名",), field="proposer"),
        LedgerColumn("seconders", "附议人", _attr("seconders"), 8, aliases=("附议", "联名人"), field="seconders", wrap=True, max_width=18),
        LedgerColumn("category", "类别", _attr("category"), 8, aliases=("提案类别", "类型"), field="category", fold=True, max_width=12),
        LedgerColumn("filing", "立案情况", _filing, 8, aliases=("立案", "审查情况", "审查结果"), field="filing", parse=parse_filing,
                     fold=True, max_width=18),
        LedgerColumn("department", "承办部门", _attr("department"), 9, aliases=("承办单位", "办理部门", "责任部门"), field="department",
                     fold=True, max_width=14),
        LedgerColumn("handed_date", "交办日期", _attr("handed_date"), 11, kind="date", aliases=("交办时间",), field="handed_date"),
        LedgerColumn("due_date", "答复期限", _attr("due_date"), 11, kind="date", aliases=("办理期限", "答复时限"), field="due_date"),
        LedgerColumn("reply_date", "答复日期", _attr("reply_date"), 11, kind="date", aliases=("答复时间",), field="reply_date"),
        LedgerColumn("reply", "办理结果", _attr("reply"), 12, aliases=("答复意见", "办理情况", "答复内容"), field="reply", wrap=True,
                     max_width=30),
        LedgerColumn("opinion", "提案人意见", _attr("opinion"), 7, aliases=("提案人反馈", "反馈意见", "满意度"), field="opinion"),
        LedgerColumn("state", "状态", _attr("state"), 6, aliases=("提案状态", "办理状态"), field="state"),
        LedgerColumn("notes", "备注", _attr("notes"), 6, field="notes", wrap=True, max_width=20),
        # in the sheet, outside the print area: what the round trip needs besides the printed columns
        LedgerColumn("session_date", "会议日期", lambda r, o: r.session.date, 11, kind="date", aliases=("大会日期",),
                     field="session_date", printed=False),
        LedgerColumn("received_date", "提交日期", _attr("received_date"), 11, kind="date", aliases=("提出日期", "收到日期"),
                     field="received_date", printed=False),
        LedgerColumn("opinion_date", "反馈日期", _attr("opinion_date"), 11, kind="date", field="opinion_date", printed=False),
        LedgerColumn("closed_date", "办结日期", _attr("closed_date"), 11, kind="date", field="closed_date", printed=False),
        LedgerColumn("reason", "理由", _attr("reason"), 14, aliases=("不立案理由", "撤回原因", "作废原因"), field="reason", wrap=True,
                     max_width=24, printed=False),
        LedgerColumn("content", "理由及建议", _attr("content"), 20, aliases=("提案内容", "理由及办法", "具体建议"), field="content",
                     wrap=True, max_width=40, printed=False),
        LedgerColumn("proposer_department", "提案人部门", lambda r, o: r.proposer.department, 10, aliases=("部门",),
                     field="proposer_department", printed=False),
    ),
    freeze_columns=3,
    info=lambda records, options: _proposals_info(records),
    unit="件",
    muted=lambda record: record.state == rules.VOID,
    summary=lambda records, options: _proposals_summary(records),
    repeat_columns=("seq", "number"),
)


def _proposals_info(records: list) -> str:
    counted = [p for p in records if p.state != rules.VOID]
    states = Tally(p.state for p in counted)
    opinions = [p.opinion for p in counted if p.state in (rules.ANSWERED, rules.CLOSED) and p.opinion]
    voided = len(records) - len(counted)
    return (
        f"共收到{len(counted)}件，立案{sum(states[s] for s in rules.REGISTERED_STATES)}件，并案{states[rules.MERGED]}件，"
        f"不立案{states[rules.REJECTED]}件；已答复{sum(states[s] for s in rules.REPLIED_STATES)}件，"
        f"满意率{rules.percent_text(rules.satisfaction(opinions))}"
        + (f"（另有作废{voided}件，不计入）" if voided else "")
    )


def _proposals_summary(records: list) -> list[Block]:
    if not records:
        return []
    states = Tally(p.state for p in records)
    columns = (block_column("状态"), block_column("件数", "int", total=True))
    return [Block("按状态统计", columns, [(s, states[s]) for s in rules.STATES if states[s]])]


def proposal_records(period: LedgerPeriod) -> list[Proposal]:
    """The proposals of one session (a `SessionPeriod`) or of the sessions held in the period, by
    session date and number."""
    session = _session_of(period)
    if session is not None:
        records = congress_service.proposals_of(session=session)
    else:
        records = [p for p in congress_service.proposals_of() if period.contains(p.session.date)]
    merged_ids = {p.merged_into_id for p in records if p.merged_into_id}
    numbers = dict(Proposal.select(Proposal.id, Proposal.number).where(Proposal.id.in_(list(merged_ids))).tuples()) if merged_ids else {}
    for p in records:
        p.merged_number = numbers.get(p.merged_into_id, "")
    return records


_TEXT_FIELDS = ("title", "category", "seconders", "content", "notes", "received_date")
# what each step of the workflow needs from the row (`advance` data)
_HANDLING_FIELDS = ("department", "handed_date", "due_date", "reply_date", "reply", "opinion", "opinion_date", "closed_date",
                    "reason", "as_suggestion", "merged_into")


class ProposalImporter(_StopAtSummary, RecordImporter):
    summary_titles = ("按状态统计",)
    spec = PROPOSALS
    noun = "提案"
    table = "proposal"
    needs_member = True
    required = (("number",), ("title",), ("proposer",), ("state",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        # an empty congress (a move to a new computer): missing terms and sessions are created
        self.empty = not CongressSession.select().exists() and not Proposal.select().exists()
        self.terms = {t.number: t for t in CongressTerm.select()}
        self.sessions = {(s.term.number, s.number): s for s in CongressSession.select(CongressSession, CongressTerm).join(CongressTerm)}
        self.stored = {p.number: p for p in Proposal.select()}
        self.stored_numbers = {p.id: p.number for p in self.stored.values()}
        self.departments = congress_service.departments()
        self.new_sessions: dict[tuple[int, int], dt.date] = {}  # sessions to create: their date
        self.in_file: dict[str, ImportRow] = {}

    # --- check ---

    def check(self, row: ImportRow) -> None:
        v = row.values
        parts = rules.parse_proposal_number(str(v.get("number", "")))
        if parts is None:
            self.issue(row, "number", f"提案编号“{v.get('number', '')}”应写成 届-次-序号，如 5-2-001")
            return
        number = rules.proposal_number(*parts)
        if not self.once(row, number):
            return
        if not textclean.clean_text(v.get("title")):
            self.issue(row, "title", "请填写案由")
            return
        proposer = self._proposer(row)
        state = textclean.clean_text(v.get("state"))
        ok = proposer is not None
        if state not in rules.STATES:
            self.issue(row, "state", f"未知的提案状态“{state}”（可选：{'、'.join(rules.STATES)}）")
            ok = False
        department = textclean.clean_text(v.get("department"))
        if department and department not in self.departments:
            self.issue(row, "department", f"未知的承办部门“{department}”（可选：{'、'.join(self.departments)}；可在设置中维护承办部门）")
            ok = False
        opinion = textclean.clean_text(v.get("opinion"))
        if opinion and opinion not in rules.OPINIONS:
            self.issue(row, "opinion", f"提案人意见应为：{'、'.join(rules.OPINIONS)}")
            ok = False
        category = textclean.clean_text(v.get("category"))
        if category and category not in rules.PROPOSAL_CATEGORIES:
            self.issue(row, "category", f"提案类别应为：{'、'.join(rules.PROPOSAL_CATEGORIES)}")
            ok = False
        if not ok:
            return
        handling = self._handling(v, department, opinion)
        if handling["merged_into"] == number:
            self.issue(row, "filing", "提案不能并入它自己")
            return
        if handling["merged_into"] and handling["merged_into"].split("-")[:2] != number.split("-")[:2]:
            self.issue(row, "filing", f"只能并入同一次会议的提案（{number} 不能并入 {handling['merged_into']}）")
            return
        text = {k: v[k] for k in _TEXT_FIELDS if k in v}
        if category:
            text["category"] = category
        text["proposer"] = proposer
        stored = self.stored.get(number)
        row.context.update(number=number, parts=parts, state=state, handling=handling)
        if stored is None:
            if not self._session_ready(row, parts):
                return
            steps = self._steps(rules.COLLECTED, state, handling)
            if steps is None or not self._steps_ok(row, steps, handling):
                return
            row.action, row.write = NEW, text
            row.context["steps"] = steps
            self.in_file[number] = row
            return
        row.record_id = stored.id
        self.in_file[number] = row
        current = {k: getattr(stored, k) for k in _TEXT_FIELDS if k in text}
        current["proposer"] = stored.proposer_id
        self.diff(row, current, text)
        if "proposer" in row.changes:
            old, new = row.changes["proposer"]
            row.changes["proposer"] = (_member_name(old), _member_name(new))
        steps: list[str] = []
        if state != stored.state:
            path = rules.path_to(stored.state, state)
            if path and rules.HANDED in path and stored.state in (rules.HANDED, rules.REPLIED, rules.ANSWERED):
                # through 已交办 again is a new hand-over (提案人不满意) only when the row shows a later one;
                # else the file is older than the database and would wipe a reply
                handed = handling.get("handed_date")
                if not (handed and stored.handed_date and handed > stored.handed_date):
                    path = None
            if path is None:
                self.issue(row, "state", f"系统中提案 {number} 已是“{stored.state}”，表格中为“{state}”：状态不能倒退，未修改状态"
                                         "（办理进度请在教代会页面登记）", "warning")
            else:
                steps = self._steps(stored.state, state, handling) or []
                if steps and not self._steps_ok(row, steps, handling):
                    return
        else:
            differs = self._handling_differs(stored, handling)
            if differs:
                self.issue(row, None, f"办理记录与系统中不同（{'；'.join(differs)}），未修改（办理进度请在教代会页面登记）", "warning")
        if steps:
            row.context["steps"] = steps
            row.changes["state"] = (stored.state, state)
            row.action = UPDATE

    def _proposer(self, row: ImportRow) -> int | None:
        v = row.values
        member_id, problem, _blame = self.members.find({"name": v.get("proposer", ""), "department": v.get("proposer_department", "")})
        if problem:
            self.issue(row, "proposer", f"提案人不是会员：{problem}" if "找不到" in problem else problem)
        return member_id

    @staticmethod
    def _handling(v: dict, department: str, opinion: str) -> dict:
        filing = v.get("filing") or {}
        reply_date = v.get("reply_date")
        opinion_date = v.get("opinion_date") or (reply_date if opinion else None)
        return {
            "department": department,
            "handed_date": v.get("handed_date"),
            "due_date": v.get("due_date"),
            "reply_date": reply_date,
            "reply": v.get("reply", ""),
            "opinion": opinion,
            "opinion_date": opinion_date,
            "closed_date": v.get("closed_date") or opinion_date or reply_date,
            "reason": v.get("reason", ""),
            "as_suggestion": bool(filing.get("as_suggestion")),
            "merged_into": filing.get("merged_into", ""),
            "filing": filing.get("kind", ""),
        }

    @staticmethod
    def _reached(handling: dict) -> str:
        """The furthest state the row's handling record shows (for a proposal withdrawn or voided
        on the way)."""
        if handling["opinion"]:
            return rules.ANSWERED
        if handling["reply_date"] or handling["reply"]:
            return rules.REPLIED
        if handling["handed_date"] or handling["department"]:
            return rules.HANDED
        return {"立案": rules.REGISTERED, "不立案": rules.REJECTED, "并案": rules.MERGED}.get(handling["filing"], rules.COLLECTED)

    def _steps(self, current: str, target: str, handling: dict) -> list[str] | None:
        if target in (rules.WITHDRAWN, rules.VOID):
            reached = self._reached(handling)
            before = rules.path_to(current, reached)
            last = rules.path_to(reached, target)
            if before is not None and last is not None:
                return before + last
        return rules.path_to(current, target)

    def _steps_ok(self, row: ImportRow, steps: list[str], h: dict) -> bool:
        """Whether the row holds what each step needs; the missing ones reported."""
        needs = {
            rules.REJECTED: ("reason", "不立案须写明理由（“理由”列）"),
            rules.WITHDRAWN: ("reason", "撤回须写明原因（“理由”列）"),
            rules.VOID: ("reason", "作废须写明原因（“理由”列）"),
            rules.MERGED: ("merged_into", "并案须在立案情况中写明并入哪一件，如“并案（并入5-2-001）”"),
            rules.HANDED: ("department", "请填写承办部门"),
            rules.REPLIED: ("reply", "请填写办理结果（承办部门的答复）"),
            rules.ANSWERED: ("opinion", "请填写提案人意见"),
        }
        dates = {rules.HANDED: ("handed_date", "请填写交办日期"), rules.REPLIED: ("reply_date", "请填写答复日期")}
        ok = True
        for step in steps:
            for key, message in (needs.get(step, (None, "")), dates.get(step, (None, ""))):
                if key and not h.get(key):
                    self.issue(row, "filing" if key == "merged_into" else key, f"状态为“{row.context['state']}”：{message}")
                    ok = False
        if h["handed_date"] and h["reply_date"] and h["reply_date"] < h["handed_date"]:
            self.issue(row, "reply_date", f"答复日期 {h['reply_date']:%Y-%m-%d} 早于交办日期 {h['handed_date']:%Y-%m-%d}")
            ok = False
        return ok

    def _session_ready(self, row: ImportRow, parts: tuple[int, int, int]) -> bool:
        term_number, session_number, _seq = parts
        key = (term_number, session_number)
        if key in self.sessions:
            return True
        title = rules.session_title(term_number, session_number)
        if not self.empty:
            self.issue(row, "number", f"找不到{title}（提案编号 {rules.proposal_number(*parts)}）：请先在教代会页面建立这次会议"
                                      "（只有导入到还没有任何会议和提案的数据库时才会自动建立届次和会议）")
            return False
        day = row.values.get("session_date") or self.new_sessions.get(key) or row.values.get("received_date")
        if day is None:
            self.issue(row, "session_date", f"数据库中还没有{title}：请填写会议日期，以便建立这次会议")
            return False
        self.new_sessions[key] = min(day, self.new_sessions.get(key, day))
        return True

    def _handling_differs(self, stored: Proposal, h: dict) -> list[str]:
        differs = []
        for key in ("department", "handed_date", "due_date", "reply_date", "reply", "opinion"):
            new, old = h.get(key), getattr(stored, key)
            if new not in (None, "") and new != old:
                differs.append(f"{self.spec.field_label(key)}：{_shown(old)} → {_shown(new)}")
        merged = self.stored_numbers.get(stored.merged_into_id, "")
        if h["merged_into"] and h["merged_into"] != merged:
            differs.append(f"并入：{merged or '（空）'} → {h['merged_into']}")
        return differs

    def checked(self) -> None:
        """A merged row's target must be a proposal already stored or a good row of the file."""
        for row in self.preview.rows:
            steps = row.context.get("steps") or ()
            if rules.MERGED not in steps or row.errors:
                continue
            target = row.context["handling"]["merged_into"]
            other = self.in_file.get(target)
            if target not in self.stored and (other is None or other.errors):
                self.issue(row, "filing", f"找不到要并入的提案 {target}（不在系统中，也不在表格的正确行中）")
                continue
            final = other.context.get("state") if other is not None else self.stored[target].state
            if final in (rules.REJECTED, rules.MERGED, rules.WITHDRAWN, rules.VOID):
                self.issue(row, "filing", f"提案 {target} 是“{final}”，不能作为并案的主提案")

    # --- apply ---

    def write_rows(self, todo: list, ticker):
        """Each row in number order (a session's numbers can only be given upwards), stopping
        before 并案; then the merges (and what follows them), each in a savepoint of its own,
        once every proposal they may point at exists."""
        written = super().write_rows(todo, ticker)
        for index, row in enumerate(todo):
            later = row.context.get("later")
            if not later or index not in written.done:
                continue
            try:
                with database_proxy.atomic():
                    self._replay(Proposal.get_by_id(written.done[index]), later, row.context["handling"])
            except ValidationError as exc:
                written.failed[index] = self.refused(row, exc)
        return written

    def _session(self, parts) -> CongressSession:
        key = parts[:2]
        session = self.sessions.get(key)
        if session is not None:
            return session
        term_number, session_number = key
        term = self.terms.get(term_number)
        day = self.new_sessions[key]
        if term is None:
            first = min(d for (t, _n), d in self.new_sessions.items() if t == term_number)
            term = congress_service.save_term({"number": term_number, "start_date": first,
                                               "notes": "由提案台账导入时建立，请核对届次的起止日期"})
            self.terms[term_number] = term
        elif day < term.start_date:
            raise ValidationError(f"会议日期 {day:%Y-%m-%d} 早于{congress_service.term_label(term)}的开始日期", field="session_date")
        session = congress_service.save_session({"term": term, "number": session_number, "date": day}, with_report_item=False)
        self.sessions[key] = session
        return session

    def write(self, row: ImportRow) -> int:
        parts = row.context["parts"]
        number = row.context["number"]
        data = dict(row.write)
        if row.action == NEW:
            session = self._session(parts)
            self._claim(session, parts[2], number)
            data.setdefault("received_date", session.date)
            proposal, _warnings = congress_service.create_proposal(session, data)
            if proposal.number != number:
                raise ValidationError(f"提案编号 {number} 无法使用（得到 {proposal.number}）", field="number")
        else:
            proposal = Proposal.get_by_id(row.record_id)
            text = {k: data[k] for k in data if k in _TEXT_FIELDS or k == "proposer"}
            if text:
                congress_service.update_proposal(proposal, text)
        steps = list(row.context.get("steps", ()))
        cut = steps.index(rules.MERGED) if rules.MERGED in steps else len(steps)
        self._replay(proposal, steps[:cut], row.context["handling"])
        row.context["later"] = steps[cut:]
        return proposal.id

    @staticmethod
    def _claim(session: CongressSession, seq: int, number: str) -> None:
        """Move the session's counter to just below `seq`, so `create_proposal` gives this number
        (and never gives it again); a number given before is refused."""
        counter = Counter.get_or_none(Counter.name == congress_service._counter_name(session))
        highest = Proposal.select(Proposal.seq).where(Proposal.session == session).order_by(Proposal.seq.desc()).scalar() or 0
        used = max(counter.value if counter else 0, highest)
        if seq <= used:
            raise ValidationError(f"提案编号 {number} 已经用过（编号作废后也不再使用），不能再建一件同号的提案", field="number")
        congress_service._claim_seq(session, seq - 1)

    @staticmethod
    def _replay(proposal: Proposal, steps, h: dict) -> None:
        for step in steps:
            data: dict = {}
            if step in (rules.REJECTED, rules.WITHDRAWN, rules.VOID):
                data = {"reason": h["reason"], "as_suggestion": h["as_suggestion"]}
            elif step == rules.MERGED:
                data = {"merged_into": h["merged_into"]}
            elif step == rules.HANDED:
                data = {"department": h["department"], "handed_date": h["handed_date"], "due_date": h["due_date"]}
            elif step == rules.REPLIED:
                data = {"reply_date": h["reply_date"], "reply": h["reply"]}
            elif step == rules.ANSWERED:
                data = {"opinion": h["opinion"], "opinion_date": h["opinion_date"]}
            elif step == rules.CLOSED:
                data = {"closed_date": h["closed_date"]}
            congress_service.advance(proposal, step, data)


def _member_name(member_id) -> str:
    member = Member.get_or_none(Member.id == member_id) if member_id else None
    return member.name if member else ""


def _shown(value) -> str:
    if value in (None, ""):
        return "（空）"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


# --- 教代会代表名册 ----------------------------------------------------------------------------------------


def _term_text(record, options) -> str:
    return congress_service.term_label(record.term)


DELEGATES = LedgerSpec(
    kind="delegates",
    title="教代会代表名册",
    columns=(
        seq_column(),
        LedgerColumn("term", "届次", _term_text, 6, aliases=("届别", "届"), field="term", parse=parse_term),
        LedgerColumn("group_name", "代表团（组）", _attr("group_name"), 10, aliases=("代表团", "代表组", "代表团(组)", "所在代表团"),
                     field="group_name", fold=True, max_width=16),
        LedgerColumn("name", "姓名", lambda r, o: r.member.name, 8, aliases=MEMBERS.column("name").aliases, field="name"),
        LedgerColumn("sex", "性别", lambda r, o: r.member.sex, 5),
        LedgerColumn("department", "部门", lambda r, o: r.member.department, 10, aliases=MEMBERS.column("department").aliases,
                     field="department", fold=True, max_width=16),
        LedgerColumn("category", "类别", _attr("category"), 6, aliases=("代表类别", "代表类型"), field="category"),
        LedgerColumn("elected_date", "当选日期", _attr("elected_date"), 11, kind="date", aliases=("当选时间", "选举日期"),
                     field="elected_date"),
        LedgerColumn("how", "产生方式", _attr("how"), 8, aliases=("当选方式",), field="how"),
        LedgerColumn("left_date", "离任日期", _attr("left_date"), 11, kind="date", aliases=("离任时间",), field="left_date"),
        LedgerColumn("left_reason", "离任原因", _attr("left_reason"), 10, field="left_reason", fold=True, max_width=18),
        LedgerColumn("notes", "备注", _attr("notes"), 10, field="notes", wrap=True, max_width=20),
        LedgerColumn("term_start", "本届开始日期", lambda r, o: r.term.start_date, 11, kind="date", field="term_start", printed=False),
        LedgerColumn("term_end", "本届结束日期", lambda r, o: r.term.end_date, 11, kind="date", field="term_end", printed=False),
    ),
    freeze_columns=4,
    info=lambda records, options: _delegates_info(records),
    unit="人",
    muted=lambda record: record.left_date is not None,
    summary=lambda records, options: _delegates_summary(records),
    orientation="landscape",
)


def _seated(records: list) -> list:
    return [d for d in records if d.left_date is None]


def _delegates_info(records: list) -> str:
    seated = _seated(records)
    left = len(records) - len(seated)
    terms = sorted({d.term.number for d in records})
    label = "、".join(f"第{rules.chinese_number(n)}届" for n in terms)
    return f"{label + '    ' if label else ''}在任代表 {len(seated)} 人" + (f"（另有已离任 {left} 人，划线表示，不计入统计）" if left else "")


def _delegates_summary(records: list) -> list[Block]:
    """Counts and shares of the seated delegates by category, and the women among them."""
    seated = _seated(records)
    if not seated:
        return []
    total = len(seated)
    by_category = Tally(d.category for d in seated)
    women = sum(1 for d in seated if d.member.sex == "女")

    def share(n: int) -> float | None:
        value = rules.percent(n, total)
        return float(value) / 100 if value is not None else None

    rows = [(category, by_category.get(category, 0), share(by_category.get(category, 0))) for category in rules.DELEGATE_CATEGORIES]
    rows.extend((c, n, share(n)) for c, n in by_category.items() if c not in rules.DELEGATE_CATEGORIES)
    rows.append(("合计", total, share(total)))
    rows.append(("其中：女代表", women, share(women)))
    columns = (block_column("类别"), block_column("人数", "int"), block_column("占比", "percent"))
    blocks = [Block("在任代表构成（按类别）", columns, rows, total_label=None)]
    return blocks


def delegate_records(period: LedgerPeriod) -> list[Delegate]:
    """For a session: the seats of its term held on its day. For a period: the seats held at
    some time in it (elected before its end, not left before its start), by term and group."""
    query = Delegate.select(Delegate, Member, CongressTerm).join(Member).switch(Delegate).join(CongressTerm)
    session = _session_of(period)
    if session is not None:
        query = query.where((Delegate.term == session.term_id) & congress_service._seated_on(session.date))
    else:
        query = query.where(
            (CongressTerm.start_date <= period.last) & (CongressTerm.end_date.is_null() | (CongressTerm.end_date >= period.first))
            & (Delegate.elected_date.is_null() | (Delegate.elected_date <= period.last))
            & (Delegate.left_date.is_null() | (Delegate.left_date >= period.first))
        )
    return list(query.order_by(CongressTerm.number, Delegate.group_name, Member.pinyin_key, Delegate.id))


_DELEGATE_FIELDS = ("group_name", "category", "elected_date", "how", "left_date", "left_reason", "notes")


class DelegateImporter(_StopAtSummary, RecordImporter):
    summary_titles = ("在任代表构成（按类别）",)
    spec = DELEGATES
    noun = "代表"
    table = "delegate"
    required = (("term",), ("name",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.empty = not CongressSession.select().exists() and not Proposal.select().exists()
        self.terms = {t.number: t for t in CongressTerm.select()}
        self.seats = {(d.term_id, d.member_id): d for d in Delegate.select()}
        self.new_terms: dict[int, tuple[dt.date, dt.date | None]] = {}

    def check(self, row: ImportRow) -> None:
        v = row.values
        term_number = v.get("term")
        if term_number is None:
            self.issue(row, "term", "请填写届次")
            return
        member_id = self.member(row)
        if member_id is None:
            return
        if not self.once(row, (term_number, member_id), "代表（同一人同一届）"):
            return
        data = {k: v[k] for k in _DELEGATE_FIELDS if k in v}
        for key, choices, label in (("category", rules.DELEGATE_CATEGORIES, "代表类别"), ("how", rules.DELEGATE_HOW, "产生方式")):
            if key in data and data[key] not in choices:
                self.issue(row, key, f"{label}应为：{'、'.join(choices)}")
                return
        row.context.update(term=term_number, member=member_id)
        term = self.terms.get(term_number)
        if term is None:
            label = f"第{rules.chinese_number(term_number)}届"
            if not self.empty:
                self.issue(row, "term", f"找不到{label}：请先在教代会页面建立这一届（只有导入到还没有任何会议和提案的数据库时才会自动建立届次）")
                return
            start = v.get("term_start") or v.get("elected_date")
            if start is None:
                self.issue(row, "term_start", f"数据库中还没有{label}：请填写本届开始日期或当选日期，以便建立这一届")
                return
            first, end = self.new_terms.get(term_number, (start, v.get("term_end")))
            self.new_terms[term_number] = (min(first, start), end or v.get("term_end"))
            row.action, row.write = NEW, data
            return
        stored = self.seats.get((term.id, member_id))
        if stored is None:
            row.action, row.write = NEW, data
            return
        row.record_id = stored.id
        self.diff(row, {k: getattr(stored, k) for k in data}, data)

    def _term(self, number: int) -> CongressTerm:
        term = self.terms.get(number)
        if term is None:
            start, end = self.new_terms[number]
            term = congress_service.save_term({"number": number, "start_date": start, "end_date": end,
                                               "notes": "由代表名册导入时建立，请核对届次的起止日期"})
            self.terms[number] = term
        return term

    def write(self, row: ImportRow) -> int:
        if row.action == NEW:
            term = self._term(row.context["term"])
            return congress_service.add_delegate(term, row.context["member"], dict(row.write)).id
        delegate = Delegate.get_by_id(row.record_id)
        congress_service.update_delegate(delegate, dict(row.write))
        return delegate.id


PROPOSALS_LEDGER = Ledger("proposals", PROPOSALS, proposal_records, ProposalImporter, order=80, help="教代会提案台账",
                          session_period=session_period)
DELEGATES_LEDGER = Ledger("delegates", DELEGATES, delegate_records, DelegateImporter, order=78, help="教代会代表名册",
                          session_period=session_period)


# --- 民主评议汇总表 (xlsx) ----------------------------------------------------------------------------------

EVALUATION_HEADERS = ("姓名", "职务", "优秀", "称职", "基本称职", "不称职", "有效票", "优秀率", "满意率")


def write_evaluation_xlsx(evaluation_id, path, *, today: dt.date | None = None) -> Path:
    """民主评议汇总表 of one evaluation as a workbook (the columns of the PDF), styled like the
    ledgers: title, the session and the delegates present, the table, how the rates are counted,
    the signature line; A4 portrait, one page wide. Returns the file written (atomically)."""
    from union_desk.ledgers import xlsx_export as xe
    from union_desk.services import settings

    evaluation = congress_service.get_evaluation(evaluation_id)
    session = evaluation.session
    subjects = congress_service.subjects_of(evaluation)
    figures = congress_service.session_figures(session)
    xe.check_target(path)
    workbook = xe.new_workbook()
    ws = xe.new_sheet(workbook, "民主评议汇总表")
    sheet = xe.SheetBuilder(ws)
    columns = tuple(block_column(h, kind) for h, kind in zip(
        EVALUATION_HEADERS, ("text", "text", "int", "int", "int", "int", "int", "percent", "percent")))
    ncols = len(columns)
    school = settings.get("school_name") or ""
    title = f"{school}{evaluation.title or '民主评议'}汇总表"
    xe.title_row(sheet, 1, title, ncols)
    info = f"{session.title}    {session.date.year}年{session.date.month}月{session.date.day}日    出席代表 {figures.present} 人"
    sheet.put_merged(2, 1, ncols, info, sheet.style(xe.INFO_FONT, xe.LEFT_WRAP, border=None))
    sheet.heights[2] = 20
    header_row = 3
    xe.header_cells(sheet, header_row, EVALUATION_HEADERS)
    styles = [sheet.style(xe.BODY_FONT, xe._alignment(c), number_format=c.number_format) for c in columns]
    row = header_row
    for subject in subjects:
        row += 1
        ballots = congress_service.ballots(subject)
        values = (subject.name, subject.post, ballots.excellent, ballots.competent, ballots.basic, ballots.incompetent,
                  ballots.valid, _fraction(ballots.excellent_rate), _fraction(ballots.satisfied_rate))
        for col, (column, value) in enumerate(zip(columns, values), start=1):
            sheet.put(row, col, xe.cell_value(column, value), styles[col - 1])
    last_data = row
    row += 1
    note = "优秀率 = 优秀票 ÷ 有效票；满意率 =（优秀票 + 称职票）÷ 有效票；有效票不超过出席代表人数。"
    sheet.put_merged(row, 1, ncols, note, sheet.style(xe.INFO_FONT, xe.LEFT_WRAP, border=None))
    sheet.heights[row] = 20
    row += 2
    xe.signature_line(sheet, row, ncols, settings.get("chair") or "", "", today or dt.date.today())
    widths = (10, 14, 7, 7, 9, 7, 8, 9, 9)
    for col, (column, width) in enumerate(zip(columns, widths), start=1):
        longest = max([xe.body_width(str(sheet.cells[(r, col)].value or "")) for r in range(header_row + 1, last_data + 1)], default=0)
        sheet.widths[col] = round(max(width, xe.header_width(column.header), min(longest + 2, 30)), 1)
    lines = xe.paper_lines(title, sum(sheet.widths.values()), xe.TITLE_FONT.sz)
    sheet.heights[1] = 32 if lines <= 1 else 22 * lines + 6
    for r in range(header_row + 1, last_data + 1):
        sheet.heights[r] = 20
    ws.freeze_panes = f"A{header_row + 1}"
    xe.page_setup(ws, title_rows=f"{header_row}:{header_row}", last_row=row, last_col=ncols, orientation="portrait")
    sheet.finish()
    return xe.save_workbook_atomic(workbook, path)


def _fraction(value) -> float | None:
    """A percentage (Decimal 66.7) as the fraction a '0.0%' cell holds."""
    return None if value is None else float(value) / 100


__all__ = [
    "DELEGATES",
    "DELEGATES_LEDGER",
    "DelegateImporter",
    "PROPOSALS",
    "PROPOSALS_LEDGER",
    "ProposalImporter",
    "SessionPeriod",
    "delegate_records",
    "parse_filing",
    "proposal_records",
    "session_period",
    "write_evaluation_xlsx",
]
