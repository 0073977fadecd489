"""经费收支明细账 (kind "funds") and 收支汇总表 (kind "funds-summary") of the funds book (issue 19).

明细账: one row per entry of the period by date and voucher number, after a first row 上年结余
(期初余额 when the period does not start on 1 January) carrying the balance brought forward; 收入
and 支出 by the entry's category (a reversal is a negative amount in the column of its category)
and the running balance 余额 (`services.funds.ledger_rows`). The printed columns are the nine of the
issue; 附件张数, 冲销凭证号, 超预算原因, 补记, 来源编号 and 备注 follow them in the sheet, outside the
print area, so that the export reads back whole. Money is Decimal yuan (integer fen in SQLite) and
goes into the cells as the other ledgers put it (`xlsx_export.cell_value`: '#,##0.00').

来源编号 says which records an entry was posted from in words that survive a move to an empty
database (ids do not): the visits' slip numbers ('WF2026-0012', a 送温暖 batch lists them all,
joined by '、'), '帮扶:张三 2026-03-01 医疗救助', '活动:2026-05-20 教工羽毛球赛'.

Import (`FundImporter`): an entry is known by its 凭证号; the same entry again is 未变 (importing
twice adds nothing). An entry posted from a source record is never posted again: the source's
own posting (made when the visits, assistance or activities ledger was imported, or by the app)
is matched — to the fen and the category, and the stored entry takes the file's voucher number
when that number is free; a source whose posting differs (a 送温暖 batch posted visit by visit,
a later edit) is matched as already posted, with a warning. A chain of an entry and its
reversals that nets to nothing (a visit voided since) is reproduced as it was, linked to its
source. A missing source record is an error of its row. Manual entries are made through
`services.funds.add_entry(data, serial=…)` under their own numbers (the over-budget reason
carried; a date in a closed period is refused by row); reversals after their originals, through
`services.funds.reverse_entry`, then given the file's number and date. The 上年结余 row sets the
year's opening balance (`services.funds.set_opening`).

收支汇总表 (export only, and in the inspection pack): by category, 科目, 预算, 收入, 支出, 执行率 for
the period (`services.funds.report`), with the opening, income, spending and closing lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from union_desk.domain import funds as funds_rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE, ImportRow
from union_desk.imports.pipeline import NotWritten, Written
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import Block, LedgerColumn, LedgerSpec, block_column

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
OPENING_WORDS = ("上年结余", "期初余额", "上期结余", "承前页")
SOURCE_LABELS = {"visit": "走访慰问", "assistance": "帮扶", "activity": "活动", "dues": "会费"}
_VISIT_SERIAL = re.compile(r"WF\d{4}-\d{3,6}")
_JOIN = "、"


# --- the rows of the 明细账 -------------------------------------------------------------------------------


@dataclass
class FundLine:
    """One row of the 明细账: an entry with its running balance, or (entry None) the opening row."""

    date: dt.date
    serial: str
    summary: str
    category: str
    income: Decimal | None
    spending: Decimal | None
    balance: Decimal
    handler: str = ""
    source: str = ""  # 来源: '走访慰问 WF2026-0012', '补记' …
    attachments: int | None = None
    reverses: str = ""  # the voucher number of the original a reversal points back to
    over_budget_reason: str = ""
    backfilled: bool = False
    source_ref: str = ""  # 来源编号
    notes: str = ""
    entry_id: int | None = None

    @property
    def is_opening(self) -> bool:
        return self.entry_id is None


def opening_label(first: dt.date) -> str:
    return "上年结余" if (first.month, first.day) == (1, 1) else "期初余额"


def _sources(entry_ids_in: tuple[dt.date, dt.date]) -> tuple[dict[int, list[tuple[str, int]]], dict, dict, dict, dict]:
    """The links of the period's entries and what names their records: ({entry id: [(kind, id)]},
    {visit id: serial}, {assistance id: '张三 2026-03-01 医疗救助'}, {activity id: (start, title)},
    {dues payment id: (batch, '张三 2027-03 2027-03-20')})."""
    from union_desk.db.fund_models import FundEntry, FundLink
    from union_desk.db.models import Activity, Assistance, HardshipFile, Member, Visit

    first, last = entry_ids_in
    links: dict[int, list[tuple[str, int]]] = {}
    wanted: dict[str, set[int]] = {}
    for entry_id, kind, source_id in (
        FundLink.select(FundLink.entry, FundLink.source_kind, FundLink.source_id).join(FundEntry)
        .where(FundEntry.date.between(first, last)).order_by(FundLink.id).tuples().iterator()
    ):
        links.setdefault(entry_id, []).append((kind, source_id))
        wanted.setdefault(kind, set()).add(source_id)

    def chunks(ids):
        ids = sorted(ids)
        for i in range(0, len(ids), 500):
            yield ids[i:i + 500]

    visits, helps, activities = {}, {}, {}
    for part in chunks(wanted.get("visit", ())):
        visits.update(Visit.select(Visit.id, Visit.serial).where(Visit.id.in_(part)).tuples())
    for part in chunks(wanted.get("assistance", ())):
        for aid, day, kind, name in (
            Assistance.select(Assistance.id, Assistance.date, Assistance.kind, Member.name).join(HardshipFile).join(Member)
            .where(Assistance.id.in_(part)).tuples()
        ):
            helps[aid] = f"{name} {day.isoformat()} {kind}"
    for part in chunks(wanted.get("activity", ())):
        for aid, start, title in Activity.select(Activity.id, Activity.start, Activity.title).where(Activity.id.in_(part)).tuples():
            activities[aid] = (start, title)
    dues = {}
    if wanted.get("dues"):
        from union_desk.db.membership_models import DuesPayment

        for part in chunks(wanted["dues"]):
            for pid, batch, period, day, name in (
                DuesPayment.select(DuesPayment.id, DuesPayment.batch, DuesPayment.period, DuesPayment.date, Member.name)
                .join(Member).where(DuesPayment.id.in_(part)).tuples()
            ):
                dues[pid] = (batch, f"{name} {period} {day.isoformat()}")
    return links, visits, helps, activities, dues


def _source_text(refs: list[tuple[str, int]], backfilled: bool, visits: dict, activities: dict) -> str:
    """As `services.funds.source_text` says it: '走访慰问 WF2027-0012', '走访慰问 12人次', '活动：…', '补记'."""
    if not refs:
        return "补记" if backfilled else ""
    kind = refs[0][0]
    label = SOURCE_LABELS.get(kind, kind)
    if kind == "visit":
        serials = [visits[i] for _, i in refs if i in visits]
        text = f"{label} {serials[0]}" if len(serials) == 1 else f"{label} {len(serials)}人次"
    elif kind == "activity":
        found = activities.get(refs[0][1])
        text = f"{label}：{found[1]}" if found else label
    elif kind == "dues" and len(refs) > 1:
        text = f"{label} {len(refs)}人"
    else:
        text = label
    return text + ("（补记）" if backfilled else "")


def _source_ref(refs: list[tuple[str, int]], visits: dict, helps: dict, activities: dict, dues: dict) -> str:
    batches = {dues[i][0] for k, i in refs if k == "dues" and i in dues}
    if len(refs) > 1 and all(k == "dues" and i in dues for k, i in refs) and len(batches) == 1 and "" not in batches:
        return f"会费:批次 {batches.pop()}"  # a payroll list's payments: one entry, named by its batch
    parts = []
    for kind, source_id in refs:
        if kind == "visit" and source_id in visits:
            parts.append(visits[source_id])
        elif kind == "assistance" and source_id in helps:
            parts.append(f"帮扶:{helps[source_id]}")
        elif kind == "activity" and source_id in activities:
            start, title = activities[source_id]
            parts.append(f"活动:{start.date().isoformat()} {title}")
        elif kind == "dues" and source_id in dues:
            parts.append(f"会费:{dues[source_id][1]}")
        else:
            parts.append(f"{SOURCE_LABELS.get(kind, kind)}:{source_id}")
    return _JOIN.join(dict.fromkeys(parts))


def funds_records(period: LedgerPeriod) -> list[FundLine]:
    """The opening row, then every entry of the period with its running balance: the rows of
    `services.funds.ledger_rows` (the same order, opening and balances: `balance_before` and
    `domain.funds.running_balance`), read as plain tuples — a year of 10,000 entries is read in a
    fraction of the time model instances take (tests/perf/bench_funds.py)."""
    from union_desk.db.fund_models import FundCategory, FundEntry
    from union_desk.domain import funds as rules
    from union_desk.services import funds

    opening = funds.balance_before(period.first)
    rows = list(
        FundEntry.select(FundEntry.id, FundEntry.serial, FundEntry.date, FundEntry.summary, FundCategory.code, FundCategory.name,
                         FundEntry.amount, FundEntry.handler, FundEntry.attachments, FundEntry.reverses, FundEntry.backfilled,
                         FundEntry.over_budget_reason, FundEntry.notes)
        .join(FundCategory).where(FundEntry.date.between(period.first, period.last))
        .order_by(FundEntry.date, FundEntry.serial).tuples()
    )
    balances = rules.running_balance(opening, [(r[4], r[6]) for r in rows])
    links, visits, helps, activities, dues = _sources((period.first, period.last))
    serials = {r[0]: r[1] for r in rows}
    missing = {r[9] for r in rows if r[9] and r[9] not in serials}
    if missing:
        serials.update(FundEntry.select(FundEntry.id, FundEntry.serial).where(FundEntry.id.in_(sorted(missing))).tuples())
    lines = [FundLine(period.first, "", opening_label(period.first), "", None, None, opening)]
    income_codes = {}
    for (eid, serial, day, summary, code, name, amount, handler, attachments, reverses, backfilled, reason, notes), balance \
            in zip(rows, balances, strict=True):
        income = income_codes.get(code)
        if income is None:
            income = income_codes[code] = rules.is_income(code)
        refs = links.get(eid, [])
        lines.append(FundLine(
            day, serial, summary, f"{code} {name}", amount if income else None, None if income else amount, balance,
            handler, _source_text(refs, backfilled, visits, activities), attachments or None,
            serials.get(reverses, "") if reverses else "", reason, bool(backfilled),
            _source_ref(refs, visits, helps, activities, dues) if refs else "", notes, eid,
        ))
    return lines


# --- cells ------------------------------------------------------------------------------------------------


def parse_signed_amount(raw) -> Decimal:
    """A 收入 / 支出 cell: exact to the fen (a number or text like '1,234.50'); negative = a reversal."""
    if isinstance(raw, bool):
        raise ValueError(f"“{raw}”不是金额")
    if isinstance(raw, float):
        text = repr(raw)
    else:
        text = str(raw).strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", "").replace("￥", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"“{raw}”不是金额") from None
    if not value.is_finite():
        raise ValueError(f"“{raw}”不是金额")
    if abs(value) > funds_rules.MAX_AMOUNT:  # before quantize: 1e30 cannot be quantized to the fen
        raise ValueError(f"金额“{raw}”太大")
    if value != value.quantize(CENT):
        raise ValueError(f"金额“{raw}”超过两位小数（经费账精确到分）")
    return value.quantize(CENT)


def parse_flag(raw) -> bool:
    text = textclean.clean_text(raw)
    if text in ("是", "√", "✓", "1", "补记", "Y", "y", "True", "true"):
        return True
    if text in ("否", "", "0", "N", "n", "False", "false", "×"):
        return False
    raise ValueError(f"“{text}”应为“是”或“否”")


def parse_source_ref(raw) -> list[tuple[str, str]]:
    """'WF2026-0012、WF2026-0013' / '帮扶:张三 2026-03-01 医疗救助' / '活动:2026-05-20 教工羽毛球赛' /
    '会费:张三 2027-03 2027-03-20' / '会费:批次 2027-03·20270325…' → [(kind, key)]."""
    text = str(raw).strip()
    out = []
    for part in re.split(r"[、,，;；\n]+", text):
        part = part.strip()
        if not part:
            continue
        match = re.match(r"^([^:：]+)[:：](.*)$", part)
        head, rest = (match.group(1).strip(), match.group(2).strip()) if match else ("", part)
        if not match and _VISIT_SERIAL.fullmatch(part):
            out.append(("visit", part))
        elif head in ("走访", "走访慰问", "visit") and _VISIT_SERIAL.fullmatch(rest):
            out.append(("visit", rest))
        elif head in ("帮扶", "assistance"):
            out.append(("assistance", rest.strip()))
        elif head in ("活动", "activity"):
            out.append(("activity", rest.strip()))
        elif head in ("会费", "dues"):
            out.append(("dues", rest.strip()))
        else:
            raise ValueError(f"看不懂来源编号“{part}”（可写：WF2026-0012；帮扶:张三 2026-03-01 医疗救助；活动:2026-05-20 活动名称）")
    return out


def _parse_text(raw) -> str:
    return str(raw).strip()


# --- 经费收支明细账 ---------------------------------------------------------------------------------------


def _funds_info(records: list[FundLine], options) -> str:
    opening = records[0].balance if records and records[0].is_opening else ZERO
    entries = [r for r in records if not r.is_opening]
    income = sum((r.income or ZERO for r in entries), ZERO)
    spending = sum((r.spending or ZERO for r in entries), ZERO)
    closing = entries[-1].balance if entries else opening
    label = records[0].summary if records else "期初余额"
    return (f"{label} {opening:,.2f} 元；本期收入 {income:,.2f} 元，支出 {spending:,.2f} 元；期末余额 {closing:,.2f} 元"
            f"    共 {len(entries)} 笔凭证")


def _funds_summary(records: list[FundLine], options) -> list[Block]:
    by_category: dict[str, list[Decimal]] = {}
    for r in records:
        if r.is_opening:
            continue
        total = by_category.setdefault(r.category, [ZERO, ZERO])
        total[0] += r.income or ZERO
        total[1] += r.spending or ZERO
    if not by_category:
        return []
    order = sorted(by_category, key=lambda text: [int(p) if p.isdigit() else p for p in text.split(" ", 1)[0].split(".")])
    columns = (block_column("科目"), block_column("收入", "money"), block_column("支出", "money"))
    rows = []
    for c in order:
        income = c[:1] == "0"  # income categories are 0.x (domain.funds.is_income)
        rows.append((c, by_category[c][0] if income else None, None if income else by_category[c][1]))
    return [Block("按科目汇总", columns, rows)]


FUNDS = LedgerSpec(
    kind="funds",
    title="经费收支明细账",
    columns=(
        LedgerColumn("date", "日期", lambda r, o: r.date, 11, kind="date", aliases=("记账日期", "凭证日期"), field="date"),
        LedgerColumn("serial", "凭证号", lambda r, o: r.serial, 12, aliases=("凭证编号", "凭证号码", "记账凭证号"), field="serial"),
        LedgerColumn("summary", "摘要", lambda r, o: r.summary, 16, aliases=("事由", "内容"), field="summary", wrap=True, max_width=32),
        LedgerColumn("category", "科目", lambda r, o: r.category, 12, aliases=("会计科目", "收支科目", "经费科目"), field="category",
                     fold=True, max_width=20),
        LedgerColumn("income", "收入", lambda r, o: r.income, 11, kind="money", aliases=("收入金额", "借方"), field="income",
                     parse=parse_signed_amount),
        LedgerColumn("spending", "支出", lambda r, o: r.spending, 11, kind="money", aliases=("支出金额", "贷方"), field="spending",
                     parse=parse_signed_amount),
        LedgerColumn("balance", "余额", lambda r, o: r.balance, 12, kind="money", aliases=("结余",), field="balance", total=False,
                     parse=parse_signed_amount),
        LedgerColumn("handler", "经办人", lambda r, o: r.handler, 8, aliases=("经手人",), field="handler"),
        LedgerColumn("source", "来源", lambda r, o: r.source, 12, aliases=("来源记录",), field="source", fold=True, max_width=20),
        # in the sheet, outside the print area: what the round trip needs besides the printed columns
        LedgerColumn("attachments", "附件张数", lambda r, o: r.attachments, 6, kind="int", aliases=("附件", "单据张数"),
                     field="attachments", printed=False),
        LedgerColumn("reverses", "冲销凭证号", lambda r, o: r.reverses, 12, aliases=("被冲销凭证号", "原凭证号"), field="reverses",
                     printed=False),
        LedgerColumn("over_budget_reason", "超预算原因", lambda r, o: r.over_budget_reason, 14, field="over_budget_reason",
                     wrap=True, max_width=30, printed=False),
        LedgerColumn("backfilled", "补记", lambda r, o: r.backfilled if not r.is_opening else None, 5, kind="bool",
                     field="backfilled", parse=parse_flag, printed=False),
        LedgerColumn("source_ref", "来源编号", lambda r, o: r.source_ref, 14, aliases=("来源单号",), field="source_ref",
                     parse=parse_source_ref, wrap=True, max_width=40, printed=False),
        LedgerColumn("notes", "备注", lambda r, o: r.notes, 10, field="notes", wrap=True, max_width=30, printed=False,
                     parse=_parse_text),
    ),
    orientation="landscape",
    freeze_columns=2,
    info=_funds_info,
    unit="笔",
    summary=_funds_summary,
    repeat_columns=("date", "serial"),
)


# --- import -------------------------------------------------------------------------------------------------


class _Sources:
    """The source records of the database by the words of 来源编号 (loaded once)."""

    def __init__(self):
        from union_desk.db.models import Activity, Assistance, HardshipFile, Member, Visit

        self.visits = dict(Visit.select(Visit.serial, Visit.id).tuples())
        self.helps: dict[str, list[int]] = {}
        for aid, day, kind, name in (
            Assistance.select(Assistance.id, Assistance.date, Assistance.kind, Member.name).join(HardshipFile).join(Member).tuples()
        ):
            self.helps.setdefault(f"{name} {day.isoformat()} {kind}", []).append(aid)
        self.activities: dict[str, list[int]] = {}
        for aid, start, title in Activity.select(Activity.id, Activity.start, Activity.title).tuples():
            self.activities.setdefault(f"{start.date().isoformat()} {textclean.clean_text(title)}", []).append(aid)
        self.dues: dict[str, list[int]] = {}
        from union_desk.db.membership_models import DuesPayment

        if DuesPayment.table_exists():
            for pid, batch, period, day, name in (
                DuesPayment.select(DuesPayment.id, DuesPayment.batch, DuesPayment.period, DuesPayment.date, Member.name)
                .join(Member).where(~DuesPayment.voided).tuples()
            ):
                self.dues.setdefault(f"{name} {period} {day.isoformat()}", []).append(pid)
                if batch:
                    self.dues.setdefault(f"批次 {batch}", []).append(pid)

    def find(self, kind: str, key: str) -> tuple[int | list[int] | None, str]:
        """(record id, '') or (None, why); a dues batch gives the ids of all its payments."""
        if kind == "visit":
            found = self.visits.get(key)
            return (found, "") if found else (None, f"找不到走访慰问记录 {key}（请先导入走访慰问台账）")
        if kind == "assistance":
            found = self.helps.get(re.sub(r"\s+", " ", key))
            if not found:
                return None, f"找不到帮扶记录“{key}”（请先导入帮扶台账）"
            return (found[0], "") if len(found) == 1 else (None, f"有 {len(found)} 条帮扶记录都是“{key}”，无法确定是哪一条")
        if kind == "activity":
            head, _, title = key.partition(" ")
            found = self.activities.get(f"{head} {textclean.clean_text(title)}")
            if not found:
                return None, f"找不到活动“{key}”（请先导入活动台账）"
            return (found[0], "") if len(found) == 1 else (None, f"有 {len(found)} 个活动都是“{key}”，无法确定是哪一个")
        if kind == "dues":
            found = self.dues.get(re.sub(r"\s+", " ", key))
            if not found:
                return None, f"找不到会费缴纳记录“{key}”（请先导入会费收缴台账）"
            if key.startswith("批次 "):
                return found, ""
            return (found[0], "") if len(found) == 1 else (None, f"有 {len(found)} 笔会费都是“{key}”，无法确定是哪一笔")
        return None, f"暂不能导入来自{SOURCE_LABELS.get(kind, kind)}的凭证（{key}）"


@dataclass
class _Stored:
    id: int
    serial: str
    date: dt.date
    amount: Decimal
    category_id: int
    summary: str
    reverses_id: int | None
    sources: frozenset


def _money(fen) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(CENT)


class FundImporter(RecordImporter):
    spec = FUNDS
    noun = "凭证"
    table = "fund_entry"
    needs_member = False
    required = (("serial",), ("date",), ("category",), ("income", "spending"))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        from union_desk.db.fund_models import FundEntry, FundLink
        from union_desk.services import funds

        self.funds = funds
        self.categories = {c.code: c for c in funds.categories()}
        self.sources = _Sources()
        self.stored: dict[str, _Stored] = {}
        self.by_id: dict[int, _Stored] = {}
        links: dict[int, set] = {}
        for entry_id, kind, source_id in FundLink.select(FundLink.entry, FundLink.source_kind, FundLink.source_id).tuples().iterator():
            links.setdefault(entry_id, set()).add((kind, source_id))
        for eid, serial, day, amount, category, summary, reverses in FundEntry.select(
                FundEntry.id, FundEntry.serial, FundEntry.date, FundEntry.amount, FundEntry.category, FundEntry.summary,
                FundEntry.reverses).tuples().iterator():
            s = _Stored(eid, serial, day, amount, category, summary, reverses, frozenset(links.get(eid, ())))
            self.stored[serial] = s
            self.by_id[eid] = s
        self.by_source: dict[frozenset, list[_Stored]] = {}
        self.by_ref: dict[tuple, list[_Stored]] = {}
        self.reversals: dict[int, list[_Stored]] = {}
        for s in self.by_id.values():
            if s.sources:
                self.by_source.setdefault(s.sources, []).append(s)
                for ref in s.sources:
                    self.by_ref.setdefault(ref, []).append(s)
            if s.reverses_id:
                self.reversals.setdefault(s.reverses_id, []).append(s)
        self.found_categories: dict[str, object] = {}
        self.entries: list[ImportRow] = []  # the entry rows, in file order (the opening row aside)

    # --- check: each row on its own ---

    def check(self, row: ImportRow) -> None:
        v = row.values
        serial = textclean.clean_text(v.get("serial", "")).upper()
        summary = str(v.get("summary") or "").strip()  # as the book has it (the 冲销 summaries keep their '：')
        if not serial and any(textclean.clean_text(summary).startswith(w) for w in OPENING_WORDS):
            self._check_opening(row)
            return
        day = v.get("date")
        if day is None:
            self.issue(row, "date", "请填写日期")
            return
        if not serial:
            self.issue(row, "serial", "请填写凭证号")
            return
        match = re.fullmatch(r"JZ(\d{4})-(\d{4,6})", serial)
        if not match or int(match.group(1)) != day.year:
            self.issue(row, "serial", f"凭证号“{serial}”应为 JZ{day.year}-0001 的形式（年份与日期一致）")
            return
        if not self.once(row, serial, "凭证（凭证号相同）"):
            return
        text = textclean.clean_text(v.get("category", ""))
        if text not in self.found_categories:
            self.found_categories[text] = self.funds.find_category(text)
        category = self.found_categories[text]
        if category is None:
            self.issue(row, "category", f"没有科目“{v.get('category', '')}”（可写科目编号，如 1.4）")
            return
        income, spending = v.get("income"), v.get("spending")
        if income is not None and spending is not None and income and spending:
            self.issue(row, "spending", "收入和支出只能填一个")
            return
        income_kind = category.kind == "收入"
        amount = income if income_kind else spending
        wrong = spending if income_kind else income
        if wrong:
            self.issue(row, "spending" if income_kind else "income",
                       f"科目“{category.code} {category.name}”是{category.kind}科目，金额应填在“{category.kind}”列")
            return
        if not amount:
            self.issue(row, "income" if income_kind else "spending", "请填写金额（不能为 0）")
            return
        if not summary:
            self.issue(row, "summary", "请填写摘要")
            return
        reverses = textclean.clean_text(v.get("reverses", "")).upper()
        if amount < 0 and not reverses:
            self.issue(row, "reverses", "负数金额只能是冲销凭证：请填写冲销凭证号（冲销由系统生成，不能手工录入负数）")
            return
        if amount > 0 and reverses:
            self.issue(row, "reverses", "冲销凭证的金额应为负数")
            return
        sources: set = set()
        for kind, key in v.get("source_ref") or self._refs_from_text(v.get("source")):
            found, why = self.sources.find(kind, key)
            if found is None:
                self.issue(row, "source_ref" if "source_ref" in v else "source", why)
                return
            sources.update((kind, one) for one in (found if isinstance(found, list) else [found]))
        row.context.update(serial=serial, date=day, category=category, amount=amount, summary=summary, reverses=reverses,
                           sources=frozenset(sources))
        row.write = {
            "date": day, "summary": summary, "category": category, "amount": amount,
            "handler": textclean.clean_text(v.get("handler", "")), "attachments": v.get("attachments") or 0,
            "over_budget_reason": v.get("over_budget_reason") or "", "notes": v.get("notes") or "",
        }
        row.context["backfilled"] = bool(v.get("backfilled")) or "补记" in str(v.get("source") or "")
        self.entries.append(row)

    @staticmethod
    def _refs_from_text(text) -> list[tuple[str, str]]:
        """Without 来源编号: the slip numbers in 来源 ('走访慰问 WF2026-0012')."""
        return [("visit", s) for s in _VISIT_SERIAL.findall(str(text or ""))]

    def _check_opening(self, row: ImportRow) -> None:
        day, balance = row.values.get("date"), row.values.get("balance")
        row.context["opening"] = True
        if day is None or balance is None:
            self.issue(row, "balance", "上年结余行应有日期和余额", "warning")
            row.action = SAME
            return
        if (day.month, day.day) != (1, 1):  # 期初余额 of a part of the year: only compared
            have = self.funds.balance_before(day)
            row.action = SAME
            if have != balance:
                self.issue(row, "balance", f"期初余额 {balance:,.2f} 元与本数据库算出的 {have:,.2f} 元不同，未修改", "warning")
            return
        from union_desk.db.fund_models import FundYear

        stored = FundYear.get_or_none(FundYear.year == day.year)
        row.context["year"] = day.year
        row.write = {"opening": balance}
        if stored is None:
            row.action = NEW if balance else SAME
        else:
            row.record_id = stored.id
            self.diff(row, {"opening": stored.opening}, {"opening": balance})

    # --- check: the whole file (chains of an entry and its reversals, postings) ---

    def checked(self) -> None:
        rows = [r for r in self.entries if r.action != ERROR]
        by_serial = {r.context["serial"]: r for r in rows}
        chains: dict[str, list[ImportRow]] = {}
        for r in rows:
            root = r.context["reverses"] or r.context["serial"]
            if r.context["reverses"] and r.context["reverses"] not in by_serial and r.context["reverses"] not in self.stored:
                self.issue(r, "reverses", f"找不到被冲销的凭证 {r.context['reverses']}（应在本文件或数据库中）")
                continue
            chains.setdefault(root, []).append(r)
        claimed: set[int] = set()
        renames: dict[int, str] = {}
        for root, chain in chains.items():
            head = by_serial.get(root)
            if head is None:  # reversals of an entry already in the database
                for r in chain:
                    self._plain(r, self.stored[root])
                continue
            if head.context["sources"]:
                self._sourced(head, [r for r in chain if r is not head], claimed, renames)
            else:
                for r in [head] + [x for x in chain if x is not head]:
                    self._plain(r, None)
        self._settle_serials(rows, renames)

    def _plain(self, row: ImportRow, original: _Stored | None) -> None:
        """A manual entry or a reversal: the same number stored → 未变 (or an error when it is another entry)."""
        c = row.context
        stored = self.stored.get(c["serial"])
        if stored is not None:
            if stored.amount == c["amount"] and stored.date == c["date"] and stored.category_id == c["category"].id:
                row.action, row.record_id, row.write = SAME, stored.id, {}
            else:
                c["taken"] = stored.id  # may be freed by a renumbered posting (see _settle_serials)
                c["kind"] = "reversal" if c["reverses"] else "manual"
                row.action = NEW
            return
        if not c["sources"] and self.funds.closing_of(c["date"]) is not None and not c["reverses"]:
            self.issue(row, "date", f"{c['date'].isoformat()} 所在期间已结账，不能再记账（如需补记，请先反结账）")
            return
        row.action = NEW
        c["kind"] = "reversal" if c["reverses"] else "manual"

    def _sourced(self, head: ImportRow, reversals: list[ImportRow], claimed: set, renames: dict) -> None:
        """An entry posted from source records, and its reversals."""
        c = head.context
        match = self._match(c, claimed)
        if match is not None:
            self._matched(head, match, claimed, renames)
            for r in reversals:
                found = next((s for s in self.reversals.get(match.id, ()) if s.amount == r.context["amount"]
                              and s.id not in claimed), None)
                if found is None:
                    self.issue(r, "reverses", f"本数据库中凭证 {match.serial} 没有这笔冲销：来源记录与明细账不一致（请先导入最新的来源台账）")
                else:
                    self._matched(r, found, claimed, renames)
            return
        chain = [head, *reversals]
        if sum((r.context["amount"] for r in chain), ZERO) == 0:
            for r in chain:  # history that nets to nothing (a visit voided since): reproduced as it was
                r.context["kind"] = "reversal" if r.context["reverses"] else "posting"
                stored = self.stored.get(r.context["serial"])
                if stored is not None:
                    r.context["taken"] = stored.id
                r.action = NEW
            return
        from union_desk.services import fund_posting

        posted = {ref: fund_posting.posted_amount(*ref) for ref in c["sources"]}
        if any(posted.values()):
            where = sorted({s.serial for ref in c["sources"] for s in self._postings_of(ref)})
            for r in chain:
                r.action, r.write = SAME, {}
                self.issue(r, "source_ref" if "source_ref" in r.values else "source",
                           f"来源记录已记账（{'、'.join(where[:5])}{'等' if len(where) > 5 else ''}），不重复记账", "warning")
            return
        for r in chain:
            self.issue(r, "source_ref" if "source_ref" in r.values else "source",
                       "来源记录在本数据库中没有记入经费账（已作废或不是工会经费支付？），与明细账不一致，未导入")

    def _postings_of(self, ref) -> list[_Stored]:
        return self.by_ref.get(ref, [])

    def _match(self, c: dict, claimed: set) -> _Stored | None:
        """The stored posting of the same records, amount and category: the one with the same number first."""
        found = [s for s in self.by_source.get(c["sources"], ()) if s.id not in claimed and s.amount == c["amount"]
                 and s.category_id == c["category"].id and not s.reverses_id]
        found.sort(key=lambda s: (s.serial != c["serial"], s.date != c["date"], s.id))
        return found[0] if found else None

    def _matched(self, row: ImportRow, stored: _Stored, claimed: set, renames: dict) -> None:
        claimed.add(stored.id)
        row.record_id = stored.id
        row.write = {}
        if stored.serial == row.context["serial"]:
            row.action = SAME
        else:
            renames[stored.id] = row.context["serial"]
            row.action = UPDATE
            row.changes = {"serial": (stored.serial, row.context["serial"])}
            row.context["rename"] = stored.id

    def _settle_serials(self, rows: list[ImportRow], renames: dict[int, str]) -> None:
        """The file's voucher numbers win where the database holds them for postings of the same
        source records (made when the visits ledger was imported first, numbered in its order): a
        matched posting takes the file's number; a posting holding a number the file gives to
        another entry moves to a new number after the file's highest (`self.bumps`). A number held
        by any other entry is an error of the row (the file is not from this book)."""
        covered = {ref for r in rows for ref in r.context["sources"]}
        leaving = set(renames)  # stored ids whose number changes
        self.bumps: list[int] = []

        def free(holder: _Stored, row: ImportRow) -> bool:
            if holder.id in leaving:
                return True
            if holder.sources and holder.sources <= covered:
                leaving.add(holder.id)
                self.bumps.append(holder.id)
                self.issue(row, "serial", f"本数据库中的凭证 {holder.serial}（{holder.summary}）是导入来源台账时记的账，"
                                          "将改用新的凭证号，凭证号按明细账", "warning")
                return True
            return False

        for row in rows:
            c = row.context
            if "rename" in c:
                holder = self.stored.get(c["serial"])
                if holder is not None and holder.id != c["rename"] and not free(holder, row):
                    stored = self.by_id[c["rename"]]
                    row.action, row.changes = SAME, {}
                    del c["rename"]
                    leaving.discard(stored.id)
                    self.issue(row, "serial", f"凭证号 {c['serial']} 在本数据库中已被另一笔使用，这笔已记账的凭证保留 {stored.serial}", "warning")
        for row in rows:
            c = row.context
            if row.action == NEW and "taken" in c and not free(self.by_id[c["taken"]], row):
                holder = self.by_id[c["taken"]]
                self.issue(row, "serial", f"凭证号 {c['serial']} 在本数据库中是另一笔凭证（{holder.date.isoformat()} {holder.summary}）")
        self.renames = {row.context["rename"]: row.context["serial"] for row in rows if "rename" in row.context}
        self.file_serials = {row.context["serial"] for row in rows}

    # --- write ---

    def write_rows(self, todo: list, ticker) -> Written:
        """Renumbered postings first (their old numbers free the numbers of new entries), then new
        entries in the file's order, reversals after the entries they reverse."""
        written = Written()
        made: dict[str, int] = {}  # the file's serial → the entry written
        order = sorted(range(len(todo)), key=lambda i: (
            0 if "rename" in todo[i].context else 2 if todo[i].context.get("kind") == "reversal" else 1, i))
        renames = [i for i in order if "rename" in todo[i].context]
        if renames or self.bumps:
            try:
                with self._atomic():
                    self._renumber()
                for i in renames:
                    written.done[i] = todo[i].record_id
                    made[todo[i].context["serial"]] = todo[i].record_id
            except ValidationError as exc:
                for i in renames:
                    written.failed[i] = self.refused(todo[i], exc)
            for _ in renames:
                ticker.step()
        for i in order:
            if "rename" in todo[i].context:
                continue
            row = todo[i]
            try:
                with self._atomic():
                    written.done[i] = self._write(row, made)
                if row.context.get("serial"):
                    made[row.context["serial"]] = written.done[i]
            except NotWritten as kept:
                written.kept[i] = kept
            except ValidationError as exc:
                written.failed[i] = self.refused(row, exc)
            ticker.step()
        return written

    @staticmethod
    def _atomic():
        from union_desk.db.models import database_proxy

        return database_proxy.atomic()

    def _renumber(self) -> None:
        """Matched postings take the file's numbers; postings in the way get new numbers after the
        highest number of their year in the file and the database."""
        from union_desk.db.fund_models import FundEntry
        from union_desk.services import audit

        moving = {**self.renames, **{i: "" for i in self.bumps}}
        entries = {i: FundEntry.get_by_id(i) for i in moving}
        for entry_id in entries:  # out of the way first: two postings may swap numbers
            FundEntry.update(serial=f"~{entry_id}").where(FundEntry.id == entry_id).execute()
        used: dict[int, int] = {}
        staying = [s.serial for s in self.by_id.values() if s.id not in moving]
        for serial in [*self.file_serials, *staying]:
            year, number = int(serial[2:6]), int(serial.rsplit("-", 1)[1])
            used[year] = max(used.get(year, 0), number)
        for entry_id, serial in moving.items():
            entry = entries[entry_id]
            if not serial:
                used[entry.date.year] = used.get(entry.date.year, 0) + 1
                serial = f"JZ{entry.date.year}-{used[entry.date.year]:04d}"
            self.funds.claim_serial(serial, entry.date)
            audit.update(entry, note=f"{self.note}（凭证号按明细账）", serial=serial)

    def _write(self, row: ImportRow, made: dict[str, int]) -> int:
        if row.context.get("opening"):
            self.funds.set_opening(row.context["year"], row.write["opening"])
            from union_desk.db.fund_models import FundYear

            return FundYear.get(FundYear.year == row.context["year"]).id
        kind = row.context.get("kind", "manual")
        if kind == "reversal":
            return self._reverse(row, made)
        return self._add(row, kind == "posting")

    def _add(self, row: ImportRow, linked: bool) -> int:
        from union_desk.db.fund_models import FundLink
        from union_desk.services import audit

        c = row.context
        data = {k: val for k, val in row.write.items() if k not in ("over_budget_reason",) or val}
        data["attachments"] = data.get("attachments") or 0
        try:
            entry, _warnings = self.funds.add_entry(data, serial=c["serial"])
        except self.funds.OverBudget as exc:  # the book as it was: the reason is said, not invented
            data["over_budget_reason"] = f"按明细账导入（{exc.warning}）"
            entry, _warnings = self.funds.add_entry(data, serial=c["serial"])
            self.issue(row, "over_budget_reason", f"{exc.warning}：明细账中没有超预算原因，已注明“按明细账导入”", "warning")
        extra = {}
        if entry.summary != c["summary"]:
            extra["summary"] = c["summary"]
        if c.get("backfilled"):
            extra["backfilled"] = True
        if extra:
            audit.update(entry, note=self.note, **extra)
        if linked:
            for kind, source_id, part in self._parts(c["sources"], c["amount"]):
                FundLink.create(entry=entry, source_kind=kind, source_id=source_id, amount=part)
        return entry.id

    @staticmethod
    def _parts(sources: frozenset, amount: Decimal) -> list[tuple[str, int, Decimal]]:
        """How much of an entry is each source's: all of it for one; for a batch, each visit's cash
        when they add up to the entry, else the whole on the first."""
        refs = sorted(sources)
        if len(refs) == 1:
            return [(refs[0][0], refs[0][1], amount)]
        from union_desk.db.models import Visit

        cash = {("visit", vid): c for vid, c in Visit.select(Visit.id, Visit.cash).where(Visit.id.in_([i for k, i in refs if k == "visit"])).tuples()}
        dues_ids = [i for k, i in refs if k == "dues"]
        if dues_ids:
            from union_desk.db.membership_models import DuesPayment

            cash.update({("dues", pid): paid for pid, paid in
                         DuesPayment.select(DuesPayment.id, DuesPayment.amount).where(DuesPayment.id.in_(dues_ids)).tuples()})
        parts = [(k, i, cash.get((k, i), ZERO)) for k, i in refs]
        if sum((p for _, _, p in parts), ZERO) == amount:
            return parts
        return [(refs[0][0], refs[0][1], amount)] + [(k, i, ZERO) for k, i in refs[1:]]

    def _reverse(self, row: ImportRow, made: dict[str, int]) -> int:
        from union_desk.db.fund_models import FundEntry
        from union_desk.services import audit

        c = row.context
        original_id = made.get(c["reverses"]) or (self.stored[c["reverses"]].id if c["reverses"] in self.stored else None)
        if original_id is None:
            raise ValidationError(f"被冲销的凭证 {c['reverses']} 没有导入", field="reverses")
        original = FundEntry.get_by_id(original_id)
        reason = (row.write.get("notes") or "").strip() or c["summary"].split("：", 1)[-1] or "按明细账导入"
        links = self._parts(c["sources"], c["amount"]) if c.get("sources") else None  # each source's own part
        entry = self.funds.reverse_entry(original, reason, today=c["date"], amount=-c["amount"], links=links)
        changes = {}
        if entry.serial != c["serial"]:
            # reverse_entry numbers the reversal itself: it takes the file's number instead (the
            # number it was given is free again when it was the year's last)
            given = entry.serial
            self.funds.claim_serial(c["serial"], entry.date)
            changes["serial"] = c["serial"]
            self._give_back(given, entry.date.year)
        if entry.date != c["date"]:
            self.funds.check_open(c["date"])
            changes["date"] = c["date"]
        for key in ("summary", "handler", "attachments"):
            value = row.write.get(key) if key != "summary" else c["summary"]
            if value not in (None, "") and value != getattr(entry, key):
                changes[key] = value
        if c.get("backfilled"):
            changes["backfilled"] = True
        if changes:
            audit.update(entry, note=self.note, **changes)
        return entry.id

    @staticmethod
    def _give_back(serial: str, year: int) -> None:
        """A voucher number taken for a moment inside this import (never committed with an entry):
        the year's counter goes back below it when it was the last given."""
        from union_desk.db.models import Counter

        number = int(serial.rsplit("-", 1)[1])
        Counter.update(value=number - 1).where((Counter.name == f"fund-serial-{year}") & (Counter.value == number)).execute()


# --- 收支汇总表 ---------------------------------------------------------------------------------------------


@dataclass
class SummaryLine:
    """One category of the 收支汇总表, with the figures of the whole period (for the info and the
    opening/income/spending/closing lines)."""

    code: str
    name: str
    kind: str
    budget: Decimal | None
    income: Decimal | None
    spending: Decimal | None
    execution: Decimal | None
    report: object

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


def summary_records(period: LedgerPeriod) -> list[SummaryLine]:
    from union_desk.services import funds

    report = funds.report(period.first, period.last)
    return [
        SummaryLine(f.code, f.name, f.kind, f.budget, f.amount if f.kind == "收入" else None,
                    f.amount if f.kind == "支出" else None, f.execution, report)
        for f in report.categories
    ]


def _summary_info(records: list[SummaryLine], options) -> str:
    if not records:
        return ""
    r = records[0].report
    over = "、".join(f"{f.code} {f.name}" for f in r.over_budget)
    return (f"期初结余 {r.opening:,.2f} 元；本期收入 {r.income:,.2f} 元，支出 {r.spending:,.2f} 元；期末结余 {r.closing:,.2f} 元"
            + (f"；超出预算：{over}" if over else ""))


def _summary_blocks(records: list[SummaryLine], options) -> list[Block]:
    if not records:
        return []
    r = records[0].report
    columns = (block_column("项目"), block_column("金额", "money", total=False))
    lines = [("期初结余", r.opening), ("本期收入", r.income), ("本期支出", r.spending), ("期末结余", r.closing)]
    posted = [("其中：走访慰问记账", r.posted_from.get("visit", ZERO)), ("其中：帮扶记账", r.posted_from.get("assistance", ZERO)),
              ("其中：活动记账", r.posted_from.get("activity", ZERO)), ("其中：会费记账", r.posted_from.get("dues", ZERO))]
    return [Block("收支总况", columns, lines + [p for p in posted if p[1]], total_label=None)]


def _execution(record: SummaryLine, options):
    return None if record.execution is None else float(record.execution)


SUMMARY = LedgerSpec(
    kind="funds-summary",
    title="收支汇总表",
    columns=(
        LedgerColumn("code", "编号", lambda r, o: r.code, 5),
        LedgerColumn("category", "科目", lambda r, o: r.name, 14),
        LedgerColumn("budget", "预算", lambda r, o: r.budget, 12, kind="money", total=False),
        LedgerColumn("income", "收入", lambda r, o: r.income, 12, kind="money"),
        LedgerColumn("spending", "支出", lambda r, o: r.spending, 12, kind="money"),
        LedgerColumn("execution", "执行率", _execution, 8, kind="percent"),
    ),
    orientation="landscape",  # as every sheet of the inspection pack
    info=_summary_info,
    unit="个科目",
    muted=None,
    summary=_summary_blocks,
    repeat_columns=("code", "category"),
)


FUNDS_LEDGER = Ledger("funds", FUNDS, funds_records, FundImporter, order=100, help="经费收支明细账")
FUNDS_SUMMARY_LEDGER = Ledger("funds-summary", SUMMARY, summary_records, None, order=102, help="收支汇总表（预算执行）")

__all__ = [
    "FUNDS",
    "FUNDS_LEDGER",
    "FUNDS_SUMMARY_LEDGER",
    "FundImporter",
    "FundLine",
    "SUMMARY",
    "SummaryLine",
    "funds_records",
    "parse_signed_amount",
    "parse_source_ref",
    "summary_records",
]
