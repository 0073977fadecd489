"""Ledger declarations (台账): one `LedgerSpec` per ledger drives the Excel export, the Excel
import and, where it fits, the on-screen table.

A column says what it is called (`header`), how to read its value from a record for export
(`value(record, options)`), what kind of value it holds (which decides the number format: ID
numbers and phones are text, dates real dates, money two decimals), which header words are
accepted on import (`aliases`) and which model field it imports into (`field`; None for
export-only columns such as 序号 and 年龄).

It also says how it goes on paper (xlsx_export): whether it is printed at all (`printed`; the
columns left off paper stay in the sheet, after the printed ones, outside the print area),
whether its text may wrap (`wrap` for long text, `fold` for short text whose rare long value may
wrap when the page is tight), and how narrow a wrapping column may get (`width`, in Excel
characters) and how wide a column may grow (`max_width`). The widths themselves come from the
content.

The record ledgers (困难职工档案, 帮扶, 走访慰问, 活动, 计划) live one module per ledger beside
this one and are listed, in the order of the inspection pack, in `ledgers.catalog`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from union_desk.domain import idcard

KINDS = ("text", "id", "phone", "date", "datetime", "money", "int", "bool", "percent")

NUMBER_FORMATS = {
    "text": "General",
    "id": "@",
    "phone": "@",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "money": "#,##0.00",
    "int": "0",
    "bool": "General",
    "percent": "0.0%",
}


@dataclass(frozen=True)
class ExportOptions:
    """What the person exporting chooses; everything has a sensible default.

    `title` overrides the spec's title; `period` overrides the text made from `year` or
    `date_from`/`date_to`. `columns` picks and orders columns by key (None = the spec's default
    columns). `today` is the day ages are counted on and the default 制表日期.
    """

    full_id: bool = False
    school_name: str = ""
    title: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    period: str = ""
    prepared_by: str = ""  # 制表人
    reviewed_by: str = ""  # 审核人
    made_on: dt.date | None = None  # 制表日期
    today: dt.date | None = None
    columns: tuple[str, ...] | None = None
    all_columns: bool = False  # every column of the spec (for a full export meant for re-import)
    subtitle: str | None = None  # None = the spec's own info line

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def period_text(self) -> str:
        if self.period:
            return self.period
        if self.year:
            return f"{self.year}年度"
        if self.date_from and self.date_to:
            return f"{self.date_from.isoformat()} 至 {self.date_to.isoformat()}"
        if self.date_from:
            return f"{self.date_from.isoformat()} 起"
        if self.date_to:
            return f"截至 {self.date_to.isoformat()}"
        return ""


ValueGetter = Callable[[Any, ExportOptions], Any]


@dataclass(frozen=True)
class LedgerColumn:
    """One column of a ledger. `value=None` means the running number (序号)."""

    key: str
    header: str
    value: ValueGetter | None
    width: float = 10
    kind: str = "text"
    aliases: tuple[str, ...] = ()
    field: str | None = None
    wrap: bool = False  # long text (备注): wrap inside the cell instead of widening the column (imported with its lines)
    fold: bool = False  # short text (部门): one line unless the page is tight, then a long value wraps on paper
    max_width: float = 40
    in_default: bool = True  # False: exported only when asked for by key
    printed: bool = True  # False: in the sheet (after the printed columns), outside the print area
    total: bool | None = None  # a total in the total row; None = yes for money columns
    parse: Callable[[Any], Any] | None = None  # import: a cell (not blank) to the value; None = by kind

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def number_format(self) -> str:
        return NUMBER_FORMATS[self.kind]

    @property
    def is_seq(self) -> bool:
        return self.value is None

    @property
    def has_total(self) -> bool:
        return self.kind == "money" if self.total is None else self.total

    @property
    def header_words(self) -> tuple[str, ...]:
        """The header itself and every alias: what import accepts for this column."""
        return tuple(dict.fromkeys((self.header, *self.aliases)))

    def get(self, record, options: ExportOptions, seq: int | None = None):
        return seq if self.value is None else self.value(record, options)


@dataclass(frozen=True)
class Block:
    """A small table under a ledger or on the statistics sheet: a title, columns (header and
    kind, which gives the number format; money and `total=True` columns are summed) and rows of
    values in column order."""

    title: str
    columns: tuple[LedgerColumn, ...]
    rows: list[tuple]
    total_label: str | None = "合计"


def block_column(header: str, kind: str = "text", total: bool | None = None) -> LedgerColumn:
    return LedgerColumn(header, header, None, kind=kind, total=total)


@dataclass(frozen=True)
class LedgerSpec:
    kind: str  # 'members', later 'hardship', 'assistance', 'visits' ...
    title: str  # 会员花名册
    columns: tuple[LedgerColumn, ...]
    orientation: str = "landscape"
    sheet_name: str = ""  # default: the title
    freeze_columns: int = 0  # columns kept in view when scrolling right (序号, 姓名)
    info: Callable[[list, ExportOptions], str] | None = None  # the line under the title
    unit: str = "条"  # 共 N 人 / 共 N 条
    signatures: bool = True  # 制表人 / 审核人 / 日期 under the table and in the print footer
    muted: Callable[[Any], bool] | None = None  # records shown struck through and left out of totals (作废)
    summary: Callable[[list, ExportOptions], list[Block]] | None = None  # small tables under the ledger
    # columns repeated on every page when the printed columns need more than one page wide
    # (`print_title_cols`): the leading columns up to the last of these
    repeat_columns: tuple[str, ...] = ("seq", "name")

    def column(self, key: str) -> LedgerColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def export_columns(self, options: ExportOptions | None = None) -> list[LedgerColumn]:
        """The columns of an export, in sheet order: the printed ones first (see `paper_columns`)."""
        printed, rest = self.paper_columns(options)
        return printed + rest

    def paper_columns(self, options: ExportOptions | None = None) -> tuple[list[LedgerColumn], list[LedgerColumn]]:
        """(printed, not printed) columns of an export. The spec decides what goes on paper: its
        default columns marked `printed`; the others of the export (`all_columns`, or a default
        column not printed) follow them in the sheet, outside the print area — an xlsx cannot hide
        a column from print only. Columns picked by key (`options.columns`) are all printed."""
        keys = options.columns if options and options.columns else None
        if keys is not None:
            return [self.column(k) for k in keys], []
        wanted = [c for c in self.columns if c.in_default or (options and options.all_columns)]
        printed = [c for c in wanted if c.in_default and c.printed]
        return printed, [c for c in wanted if not (c.in_default and c.printed)]

    @property
    def import_columns(self) -> list[LedgerColumn]:
        return [c for c in self.columns if c.field]

    def field_label(self, field_name: str) -> str:
        for column in self.columns:
            if column.field == field_name:
                return column.header
        return field_name

    @property
    def has_totals(self) -> bool:
        return any(c.has_total for c in self.columns)


# --- display (on-screen tables use the same values as the export) --------------------------------


def display_text(column: LedgerColumn, value) -> str:
    """A value as text, the way a table on screen shows it."""
    if value is None or value == "":
        return ""
    if column.kind == "date" and isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if column.kind == "datetime" and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if column.kind == "percent" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if column.kind == "money":
        return f"{Decimal(str(value)):,.2f}"
    if column.kind == "bool":
        return "是" if value else "否"
    return str(value)


# --- 会员花名册 -----------------------------------------------------------------------------------


def _attr(name: str) -> ValueGetter:
    return lambda record, options: getattr(record, name)


def _id_value(record, options: ExportOptions):
    number = record.id_number or ""
    return number if options.full_id else idcard.mask_id(number)


def _age_value(record, options: ExportOptions):
    from union_desk.services.members import age_on

    return age_on(record.birth_date, options.day)


def _roles_value(record, options: ExportOptions) -> str:
    return "、".join(r for r in (record.union_roles or "").split(",") if r)


def _members_info(records: list, options: ExportOptions) -> str:
    statuses: dict[str, int] = {}
    for record in records:
        statuses[record.status] = statuses.get(record.status, 0) + 1
    parts = "，".join(f"{s} {n} 人" for s, n in sorted(statuses.items(), key=lambda kv: _STATUS_ORDER.get(kv[0], 99)))
    text = f"统计日期：{options.day.isoformat()}    共 {len(records)} 人"
    return f"{text}（{parts}）" if parts else text


_STATUS_ORDER = {"在职": 0, "退休": 1, "调出": 2, "退会": 3, "去世": 4}


def seq_column() -> LedgerColumn:
    return LedgerColumn("seq", "序号", None, width=5, kind="int", aliases=("编号",))


MEMBER_COLUMNS = (
    seq_column(),
    LedgerColumn("name", "姓名", _attr("name"), 8, aliases=("名字", "会员姓名", "职工姓名", "教职工姓名"), field="name"),
    LedgerColumn("sex", "性别", _attr("sex"), 5, field="sex"),
    LedgerColumn("ethnicity", "民族", _attr("ethnicity"), 6, field="ethnicity"),
    LedgerColumn(
        "id_number",
        "身份证号",
        _id_value,
        20,
        kind="id",
        aliases=("身份证号码", "证件号码", "公民身份号码", "身份证", "证件号"),
        field="id_number",
    ),
    LedgerColumn("birth_date", "出生日期", _attr("birth_date"), 11, kind="date", aliases=("出生年月", "生日", "出生年月日"), field="birth_date"),
    LedgerColumn("age", "年龄", _age_value, 5, kind="int", aliases=("周岁",), in_default=False),
    LedgerColumn("phone", "联系电话", _attr("phone"), 13, kind="phone", aliases=("手机", "电话", "手机号码", "联系方式", "手机号"), field="phone"),
    LedgerColumn("department", "部门", _attr("department"), 10, aliases=("科室", "组室", "教研组", "所在部门", "部门组室"), field="department",
                 fold=True, max_width=16),
    LedgerColumn("union_group", "工会小组", _attr("union_group"), 10, aliases=("小组",), field="union_group", in_default=False),
    LedgerColumn("post", "职务", _attr("post"), 8, aliases=("行政职务",), field="post"),
    LedgerColumn("title", "职称", _attr("title"), 8, aliases=("专业技术职称", "专业技术职务"), field="title", fold=True, max_width=16),
    LedgerColumn("employment_type", "用工性质", _attr("employment_type"), 8, aliases=("用工形式", "人员类别", "编制"), field="employment_type", in_default=False),
    LedgerColumn("status", "状态", _attr("status"), 6, aliases=("在职状态", "人员状态"), field="status"),
    LedgerColumn("status_date", "状态变动日期", _attr("status_date"), 11, kind="date", aliases=("变动日期", "离职日期", "退休日期"), field="status_date", in_default=False),
    LedgerColumn("retirement_track", "退休类别", _attr("retirement_track"), 9, aliases=("退休年龄类别",), field="retirement_track", in_default=False),
    LedgerColumn("joined_union_date", "入会时间", _attr("joined_union_date"), 11, kind="date", aliases=("入会日期", "入会年月"), field="joined_union_date"),
    LedgerColumn(
        "work_start_date",
        "参加工作时间",
        _attr("work_start_date"),
        11,
        kind="date",
        aliases=("参加工作日期", "工作时间", "参工时间", "参加工作年月"),
        field="work_start_date",
        in_default=False,
    ),
    LedgerColumn("political_status", "政治面貌", _attr("political_status"), 9, aliases=("政治身份",), field="political_status"),
    LedgerColumn("education", "学历", _attr("education"), 9, aliases=("文化程度", "最高学历"), field="education"),
    LedgerColumn("union_roles", "工会职务", _roles_value, 12, aliases=("工会任职",), field="union_roles", wrap=True, max_width=20, in_default=False),
    LedgerColumn(
        "birthday_lunar",
        "过农历生日",
        _attr("birthday_lunar"),
        8,
        kind="bool",
        aliases=("农历生日",),
        field="birthday_lunar",
        in_default=False,
    ),
    LedgerColumn("notes", "备注", _attr("notes"), 8, field="notes", wrap=True, max_width=24),
)

MEMBERS = LedgerSpec(
    kind="members",
    title="会员花名册",
    columns=MEMBER_COLUMNS,
    freeze_columns=2,
    info=_members_info,
    unit="人",
)

SPECS: dict[str, LedgerSpec] = {MEMBERS.kind: MEMBERS}


def get_spec(kind: str) -> LedgerSpec:
    """The spec of any ledger kind (members, hardship, assistance, visits, activities, signups, plan)."""
    from union_desk import areas  # the registry, not ledgers.catalog: that one imports this module

    if kind in SPECS:
        return SPECS[kind]
    for ledger in areas.ledgers():
        if ledger.kind == kind:
            return ledger.spec
    raise KeyError(f"unknown ledger {kind!r}")


def member_columns(get: Callable[[Any], Any], *, with_id: bool = True, id_printed: bool = True) -> tuple[LedgerColumn, ...]:
    """姓名, 部门 and 身份证号 (masked unless `full_id`) of the member a record belongs to
    (`get(record)` gives the member); on import they tell which member a row means. The ID is
    left off paper when not `id_printed` (it stays in the sheet)."""

    def name(record, options):
        return get(record).name

    def department(record, options):
        return get(record).department

    def id_number(record, options):
        return _id_value(get(record), options)

    return (
        LedgerColumn("name", "姓名", name, 8, aliases=MEMBERS.column("name").aliases, field="name"),
        LedgerColumn("department", "部门", department, 10, aliases=MEMBERS.column("department").aliases, field="department",
                     fold=True, max_width=16),
        LedgerColumn("id_number", "身份证号", id_number, 20, kind="id", aliases=MEMBERS.column("id_number").aliases,
                     field="id_number", in_default=with_id, printed=id_printed),
    )


def totals_block(title: str, label: str, records, key: Callable[[Any], str], amounts: tuple[tuple[str, Callable[[Any], Any]], ...],
                 *, count_header: str = "人次", order: tuple[str, ...] = ()) -> Block:
    """A table of counts and amounts per group (e.g. per visit type): `key(record)` names the
    group, `amounts` are (header, getter) money columns. Groups in `order` first, then the rest
    in order of appearance."""
    groups: dict[str, list] = {}
    for record in records:
        total = groups.setdefault(key(record), [0] + [Decimal("0.00")] * len(amounts))
        total[0] += 1
        for i, (_header, get) in enumerate(amounts, start=1):
            total[i] += get(record) or 0
    names = [g for g in order if g in groups] + [g for g in groups if g not in order]
    columns = (block_column(label), block_column(count_header, "int", total=True), *(block_column(h, "money") for h, _ in amounts))
    return Block(title, columns, [(name, *groups[name]) for name in names])
