"""Hardship files (困难职工档案) and assistance (帮扶): open, review yearly, leave, cancel, help.

One open file per member household. Files are never deleted: they leave hardship (已脱困) or are
cancelled (已注销: retired, transferred, died) with a date and a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import JOIN, fn

from union_desk.db.models import Assistance, HardshipFile, HardshipReview, Member, database_proxy
from union_desk import money_moves
from union_desk.domain import money, textclean
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit

GRADES = ("深度困难", "相对困难", "意外致困")
CAUSES = ("大病/重病", "因病致困", "残疾", "单亲", "子女就学", "家庭变故", "灾害", "配偶下岗/失业", "低收入", "其他")
FOUND_HOW = ("摸底", "走访", "本人申请", "他人反映")
FILE_STATUSES = ("在档", "临时", "已脱困", "已注销")
OPEN_STATUSES = ("在档", "临时")
ASSISTANCE_KINDS = ("生活救助", "医疗救助", "助学", "法律援助", "就业帮扶", "其他")
SERVICE_KINDS = ("法律援助", "就业帮扶")  # may be given without money or goods
FILE_FIELDS = (
    "grade",
    "main_cause",
    "secondary_causes",
    "household_size",
    "monthly_income",
    "housing",
    "description",
    "found_date",
    "found_how",
    "status",
)


MAX_HOUSEHOLD = 20
FILE_TEXT = {"housing": ("line", "住房情况"), "description": ("long", "情况说明")}


def _amount(raw, label: str, field: str):
    """A money field (blank is 0): at most money.MAX_AMOUNT, never negative."""
    try:
        return money.parse_amount(raw if raw not in (None, "") else 0)
    except ValueError as exc:
        raise ValidationError(f"{label}：{exc}", field=field) from exc


def _one_of(value: str, allowed: tuple[str, ...], label: str, field: str) -> str:
    if value not in allowed:
        raise ValidationError(f"请选择{label}（可选：{'、'.join(allowed)}）", field=field)
    return value


def check_file(data: dict) -> dict:
    values = {}
    for key, raw in data.items():
        if key not in FILE_FIELDS:
            raise ValueError(f"unknown hardship field {key}")
        if key == "grade":
            values[key] = _one_of(textclean.clean_text(raw), GRADES, "困难类别", key)
        elif key == "main_cause":
            values[key] = _one_of(textclean.clean_text(raw), CAUSES, "主要致困原因", key)
        elif key == "secondary_causes":
            causes = raw if isinstance(raw, (list, tuple)) else textclean.clean_text(raw).replace("、", ",").split(",")
            causes = [c.strip() for c in causes if c and c.strip()]
            for cause in causes:
                _one_of(cause, CAUSES, "次要致困原因", key)
            if len(causes) > 3:
                raise ValidationError("次要致困原因最多三项", field=key)
            values[key] = ",".join(dict.fromkeys(causes))
        elif key == "household_size":
            size = textclean.clean_int(raw, "家庭人口", 1, MAX_HOUSEHOLD, field=key)
            if size is None:
                raise ValidationError(f"家庭人口应为 1 到 {MAX_HOUSEHOLD} 之间的整数", field=key)
            values[key] = size
        elif key == "monthly_income":
            values[key] = _amount(raw, "家庭月收入", key)
        elif key == "found_date":
            try:
                values[key] = textclean.parse_loose_date(raw) or dt.date.today()
            except ValueError as exc:
                raise ValidationError(f"建档日期：{exc}", field=key) from exc
            if values[key] > dt.date.today():
                raise ValidationError("建档日期不能晚于今天", field=key)
        elif key == "found_how":
            values[key] = _one_of(textclean.clean_text(raw), FOUND_HOW, "发现途径", key)
        elif key == "status":
            values[key] = _one_of(textclean.clean_text(raw), OPEN_STATUSES, "档案状态（在档或临时）", key)
        else:
            kind, label = FILE_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
    return values


def open_file(member: Member, data: dict) -> HardshipFile:
    """建档: at most one open file per member."""
    if member.status not in ("在职", "退休"):
        raise ValidationError(f"{member.name} 的状态是“{member.status}”，不能建立困难档案", field="member")
    existing = HardshipFile.select().where(
        (HardshipFile.member == member) & HardshipFile.status.in_(OPEN_STATUSES)
    ).first()
    if existing:
        raise ValidationError(f"{member.name} 已有在档的困难档案（{existing.found_date:%Y-%m-%d} 建档）", field="member")
    values = check_file(data)
    for key in ("grade", "main_cause"):
        if key not in values:
            raise ValidationError("请选择困难类别和主要致困原因", field=key)
    found = values.get("found_date", dt.date.today())
    values.setdefault("next_review_date", _add_year(found))
    return audit.create(HardshipFile, member=member, **values)


def update_file(file: HardshipFile, data: dict) -> dict:
    if file.status not in OPEN_STATUSES and set(data) - {"description"}:
        raise ValidationError("已脱困或已注销的档案只能修改情况说明", field="status")
    return audit.update(file, **check_file(data))


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def review_file(file: HardshipFile, when, note: str, reviewer: str = "") -> HardshipReview:
    """Yearly 复核: records the review and sets the next review date a year on."""
    try:
        day = textclean.parse_loose_date(when)
    except ValueError as exc:
        raise ValidationError(f"复核日期：{exc}", field="date") from exc
    if day is None or day > dt.date.today():
        raise ValidationError("请填写不晚于今天的复核日期", field="date")
    if file.status not in OPEN_STATUSES:
        raise ValidationError("只有在档的档案需要复核", field="status")
    note = textclean.clean_field(note, "notes", "复核意见", field="note")
    reviewer = textclean.clean_field(reviewer, "line", "复核人", field="reviewer")
    with database_proxy.atomic():
        # HardshipReview has its own `note` field, so it cannot go through audit.create(note=...).
        review = HardshipReview.create(file=file, date=day, note=note, reviewer=reviewer)
        audit.record("create", review, after=audit.snapshot(review))
        audit.update(file, last_review_date=day, next_review_date=_add_year(day))
    return review


def close_file(file: HardshipFile, status: str, when, reason: str) -> dict:
    """已脱困 (left hardship) or 已注销 (retired, transferred, died), with date and reason."""
    if status not in ("已脱困", "已注销"):
        raise ValidationError("状态只能改为已脱困或已注销", field="status")
    if file.status not in OPEN_STATUSES:
        raise ValidationError(f"档案已经是“{file.status}”", field="status")
    try:
        day = textclean.parse_loose_date(when)
    except ValueError as exc:
        raise ValidationError(f"日期：{exc}", field="status_date") from exc
    if day is None:
        raise ValidationError("请填写日期", field="status_date")
    reason = textclean.clean_field(reason, "notes", "原因", field="status_reason")
    if not reason:
        raise ValidationError("请填写原因", field="status_reason")
    return audit.update(file, status=status, status_date=day, status_reason=reason, next_review_date=None)


def _day(value, label: str, field: str) -> dt.date | None:
    try:
        return textclean.parse_loose_date(value)
    except ValueError as exc:
        raise ValidationError(f"{label}：{exc}", field=field) from exc


def restore_file(member: Member, data: dict, file: HardshipFile | None = None, note: str = "") -> HardshipFile:
    """A file as a ledger records it (台账导入): the fields of `check_file` plus its status with
    date and reason and its review dates. A closed file (已脱困 / 已注销) is restored as it was,
    whatever the member's status is now; an open one follows `open_file`'s rules (the member is
    在职 or 退休, one open file per member). `file` given: that file is brought to these values."""
    status = textclean.clean_text(data.get("status")) or (file.status if file else "在档")
    _one_of(status, FILE_STATUSES, "档案状态", "status")
    values = check_file({k: v for k, v in data.items() if k in FILE_FIELDS and k != "status"})
    values["status"] = status
    for key, label in (("status_date", "状态变动日期"), ("last_review_date", "最近复核日期"), ("next_review_date", "下次复核日期")):
        if key in data:
            values[key] = _day(data[key], label, key)
    if "status_reason" in data:
        values["status_reason"] = textclean.clean_field(data["status_reason"], "notes", "状态变动原因", field="status_reason")
    if status in OPEN_STATUSES:
        if member.status not in ("在职", "退休"):
            raise ValidationError(f"{member.name} 的状态是“{member.status}”，不能有在档的困难档案", field="status")
        other = HardshipFile.select().where(
            (HardshipFile.member == member) & HardshipFile.status.in_(OPEN_STATUSES) & (HardshipFile.id != (file.id if file else 0))
        ).first()
        if other:
            raise ValidationError(f"{member.name} 已有在档的困难档案（{other.found_date:%Y-%m-%d} 建档）", field="status")
    else:
        when = values.get("status_date", file.status_date if file else None)
        reason = values.get("status_reason", file.status_reason if file else "")
        if when is None or not reason:
            raise ValidationError(f"档案状态为“{status}”时请填写变动日期和原因", field="status_date")
        values["next_review_date"] = None
    if file is None:
        for key in ("grade", "main_cause"):
            if key not in values:
                raise ValidationError("请填写困难类别和主要致困原因", field=key)
        if status in OPEN_STATUSES and "next_review_date" not in values:
            values["next_review_date"] = _add_year(values.get("last_review_date") or values.get("found_date") or dt.date.today())
        return audit.create(HardshipFile, note=note, member=member, **values)
    audit.update(file, note=note, **values)
    return file


def add_assistance(file: HardshipFile, data: dict, note: str = "") -> Assistance:
    values = {}
    try:
        values["date"] = textclean.parse_loose_date(data.get("date")) or dt.date.today()
    except ValueError as exc:
        raise ValidationError(f"帮扶日期：{exc}", field="date") from exc
    values["kind"] = _one_of(textclean.clean_text(data.get("kind")), ASSISTANCE_KINDS, "帮扶类型", "kind")
    for key, label in (("cash", "救助金"), ("goods_value", "物品价值")):
        values[key] = _amount(data.get(key), label, key)
    values["goods"] = textclean.clean_field(data.get("goods"), "long_line", "物品", field="goods")
    from union_desk.services.visits import FUND_SOURCES

    values["fund_source"] = _one_of(textclean.clean_text(data.get("fund_source") or "工会经费"), FUND_SOURCES, "经费来源", "fund_source")
    values["handler"] = textclean.clean_field(data.get("handler"), "line", "经办人", field="handler")
    values["notes"] = textclean.clean_field(data.get("notes"), "notes", "备注", field="notes")
    if values["cash"] == 0 and values["goods_value"] == 0 and not values["goods"]:
        # legal aid and job help are often a service, not money: then the note says what was done
        if values["kind"] not in SERVICE_KINDS or not values["notes"]:
            raise ValidationError("请填写救助金或物品（法律援助、就业帮扶可只在备注中写明帮扶内容）", field="cash")
    with database_proxy.atomic():
        record = audit.create(Assistance, note=note, file=file, **values)
        money_moves.moved("assistance", [record])  # its 工会经费 payment goes to the funds book
    return record


def void_assistance(record: Assistance, reason: str) -> None:
    reason = textclean.clean_field(reason, "notes", "作废原因", field="void_reason")
    if not reason:
        raise ValidationError("作废必须填写原因", field="void_reason")
    if record.voided:
        raise ValidationError("这条帮扶记录已经作废", field="voided")
    with database_proxy.atomic():
        audit.update(record, action="void", note=reason, voided=True, void_reason=reason)
        money_moves.moved("assistance", [record])  # the reversal


def get_file(file_id: int) -> HardshipFile:
    file = HardshipFile.get_or_none(HardshipFile.id == file_id) if textclean.fits_db_int(file_id) else None
    if file is None:
        raise NotFoundError(f"找不到编号为 {file_id} 的困难档案")
    return file


# --- reading ------------------------------------------------------------------------------------


@dataclass
class FileFilter:
    text: str = ""
    grade: str = ""
    cause: str = ""
    statuses: tuple[str, ...] = ()
    not_reviewed_for_a_year: bool = False
    never_helped: bool = False


def files_query(filters: FileFilter | None = None, today: dt.date | None = None):
    filters = filters or FileFilter()
    today = today or dt.date.today()
    query = HardshipFile.select(HardshipFile, Member).join(Member)
    text = (filters.text or "").strip().lower()
    if text:
        query = query.where(
            Member.name.contains(text) | (Member.pinyin_key ** f"%{text}%") | HardshipFile.description.contains(text)
        )
    if filters.grade:
        query = query.where(HardshipFile.grade == filters.grade)
    if filters.cause:
        query = query.where((HardshipFile.main_cause == filters.cause) | HardshipFile.secondary_causes.contains(filters.cause))
    if filters.statuses:
        query = query.where(HardshipFile.status.in_(filters.statuses))
    if filters.not_reviewed_for_a_year:
        year_ago = today - dt.timedelta(days=365)
        query = query.where(
            HardshipFile.status.in_(OPEN_STATUSES)
            & (
                (HardshipFile.last_review_date.is_null() & (HardshipFile.found_date <= year_ago))
                | (HardshipFile.last_review_date <= year_ago)
            )
        )
    if filters.never_helped:
        helped = Assistance.select(Assistance.file).where(Assistance.voided == False)  # noqa: E712
        query = query.where(HardshipFile.id.not_in(helped))
    return query.order_by(HardshipFile.status, Member.department, Member.name)


def list_files(text: str = "", statuses: tuple[str, ...] | None = None, filters: FileFilter | None = None):
    filters = filters or FileFilter(text=text, statuses=tuple(statuses or ()))
    return list(files_query(filters))


def assistance_of(file: HardshipFile) -> list[Assistance]:
    return list(file.assistance.order_by(Assistance.date.desc(), Assistance.id.desc()))


def assistance_of_member(member: Member) -> list[Assistance]:
    """All assistance under any of the member's hardship files (voided ones too), newest first."""
    query = (
        Assistance.select(Assistance, HardshipFile)
        .join(HardshipFile)
        .where(HardshipFile.member == member)
        .order_by(Assistance.date.desc(), Assistance.id.desc())
    )
    return list(query)


@dataclass
class HardshipFigures:
    open_files: int
    opened_this_year: int
    helped_this_year: int
    assistance_amount: Decimal

    @property
    def help_rate(self) -> float | None:
        """帮困率: open files helped this year / open files."""
        return self.helped_this_year / self.open_files if self.open_files else None


def figures(year: int) -> HardshipFigures:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    open_ids = [f.id for f in HardshipFile.select(HardshipFile.id).where(HardshipFile.status.in_(OPEN_STATUSES))]
    year_help = Assistance.select().where(
        Assistance.date.between(start, end) & (Assistance.voided == False)  # noqa: E712
    )
    helped = {a.file_id for a in year_help}
    amount = sum((a.cash + a.goods_value for a in year_help), Decimal("0.00"))
    return HardshipFigures(
        open_files=len(open_ids),
        opened_this_year=HardshipFile.select().where(HardshipFile.found_date.between(start, end)).count(),
        helped_this_year=len(helped & set(open_ids)),
        assistance_amount=amount,
    )


def last_assistance_dates() -> dict[int, dt.date]:
    rows = (
        HardshipFile.select(HardshipFile.id, fn.MAX(Assistance.date))
        .join(Assistance, JOIN.LEFT_OUTER)
        .where((Assistance.voided == False) | Assistance.id.is_null())  # noqa: E712
        .group_by(HardshipFile.id)
        .tuples()
    )
    return {file_id: when for file_id, when in rows if when}
