"""Members (会员档案): validation, saving with the audit log, status changes, relatives, search.

The same validation serves the member form, the roster import and the CLI, so a value accepted in
one place is accepted everywhere. Problems are collected per field (not raised one at a time) so a
form can mark every bad field and an import can report every bad cell of a row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from peewee import Case, Value, fn

from union_desk.db.models import AuditLog, Member, Relative, Visit, database_proxy
from union_desk.domain import idcard, pinyin, retirement, textclean
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit

SEXES = ("男", "女")
MEMBER_STATUSES = ("在职", "退休", "保留会籍", "调出", "去世", "退会")  # 保留会籍: kept for another reason than retirement (issue 20)
EMPLOYMENT_TYPES = ("在编", "合同", "临时工", "返聘")
UNION_ROLES = ("工会委员", "女工委员", "经审委员", "工会小组长", "教代会代表")
# Roles set by other records, not by hand: 教代会代表 follows the delegates of the current term.
DERIVED_ROLES = frozenset({"教代会代表"})
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派", "群众")
EDUCATIONS = ("博士研究生", "硕士研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下")
RELATIONS = ("配偶", "父亲", "母亲", "儿子", "女儿", "配偶父亲", "配偶母亲", "其他")
CLOSE_RELATIONS = ("配偶", "父亲", "母亲", "儿子", "女儿")

FIELD_LABELS = {
    "name": "姓名",
    "sex": "性别",
    "ethnicity": "民族",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "birthday_lunar": "过农历生日",
    "phone": "联系电话",
    "department": "部门",
    "union_group": "工会小组",
    "post": "职务",
    "title": "职称",
    "employment_type": "用工性质",
    "status": "状态",
    "status_date": "状态变动日期",
    "joined_union_date": "入会时间",
    "work_start_date": "参加工作时间",
    "political_status": "政治面貌",
    "education": "学历",
    "union_roles": "工会职务",
    "notes": "备注",
    "retirement_track": "退休类别",
}
# The kind of each free-text field in textclean.TEXT_LIMITS (its length limit; notes are multi-line).
TEXT_KINDS = {
    "name": "name",
    "ethnicity": "word",
    "department": "line",
    "union_group": "line",
    "post": "line",
    "title": "line",
    "political_status": "word",
    "education": "word",
    "notes": "long",
}
TEXT_LIMITS = {key: textclean.TEXT_LIMITS[kind] for key, kind in TEXT_KINDS.items()}
DATE_FIELDS = ("birth_date", "status_date", "joined_union_date", "work_start_date")


@dataclass
class Issue:
    field: str
    message: str


@dataclass
class Checked:
    """The outcome of validating member data: cleaned values, errors, warnings."""

    values: dict
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_text(self) -> str:
        return "；".join(f"{FIELD_LABELS.get(i.field, i.field)}：{i.message}" for i in self.errors)


class DuplicateNameBirth(ValidationError):
    """Same name and birth date as an existing member: the caller should ask before saving."""

    def __init__(self, message: str, others: list[Member]):
        super().__init__(message, field="name")
        self.others = others


def _choice(value: str, allowed: tuple[str, ...], label: str, issues: list[Issue], name: str):
    if value and value not in allowed:
        issues.append(Issue(name, f"“{value}”不是有效的{label}（可选：{'、'.join(allowed)}）"))


def check_member(data: dict, *, today: dt.date | None = None, require_status_date: bool = True) -> Checked:
    """Clean and check member data. Only the keys present in `data` are checked and returned."""
    today = today or dt.date.today()
    values: dict = {}
    checked = Checked(values)
    errors, warnings = checked.errors, checked.warnings

    for key, raw in data.items():
        if key not in FIELD_LABELS:
            raise ValueError(f"unknown member field {key}")
        if key in DATE_FIELDS:
            try:
                values[key] = textclean.parse_loose_date(raw)
            except ValueError as exc:
                errors.append(Issue(key, str(exc)))
            continue
        if key == "birthday_lunar":
            values[key] = bool(raw) and str(raw).strip() not in ("否", "0", "False", "false")
            continue
        if key == "union_roles":
            roles = raw if isinstance(raw, (list, tuple)) else textclean.clean_text(raw).replace("，", ",").replace("、", ",").split(",")
            roles = [r.strip() for r in roles if r and r.strip()]
            unknown = [r for r in roles if r not in UNION_ROLES]
            if unknown:
                errors.append(Issue(key, f"未知的工会职务：{'、'.join(unknown)}（可选：{'、'.join(UNION_ROLES)}）"))
            values[key] = ",".join(dict.fromkeys(roles))
            continue
        text = textclean.clean_text(raw)
        if key == "retirement_track":
            track = clean_retirement_track(text)
            if track is None:
                errors.append(Issue(key, f"“{text}”不是有效的退休类别（可选：自动、{'、'.join(retirement.TRACKS)}）"))
                track = ""
            values[key] = track
            continue
        if key == "sex":
            try:
                values[key] = textclean.parse_sex(text) or ""
            except ValueError as exc:
                errors.append(Issue(key, str(exc)))
            continue
        if key == "phone":
            try:
                values[key] = textclean.parse_phone(raw if not isinstance(raw, str) else text)
            except ValueError as exc:
                errors.append(Issue(key, str(exc)))
            continue
        if key == "id_number":
            if not text:
                values[key] = None
                continue
            try:
                values[key] = idcard.parse_id(raw if not isinstance(raw, str) else text).number
            except idcard.IdCardError as exc:
                errors.append(Issue(key, exc.message if hasattr(exc, "message") else str(exc)))
            continue
        try:
            values[key] = textclean.clean_field(raw, TEXT_KINDS.get(key, "line"), field=key)
        except ValidationError as exc:
            errors.append(Issue(key, exc.message))
            values[key] = text

    if "name" in values and not values["name"]:
        errors.append(Issue("name", "姓名不能为空"))
    _choice(values.get("status", ""), MEMBER_STATUSES, "状态", errors, "status")
    _choice(values.get("employment_type", ""), EMPLOYMENT_TYPES, "用工性质", errors, "employment_type")

    # The ID number gives birth date and sex; fill them, or say where they disagree.
    number = values.get("id_number")
    if number:
        info = idcard.parse_id(number)
        typed = values.get("birth_date")
        if typed is None or (
            _month_only(data.get("birth_date")) and (typed.year, typed.month) == (info.birth_date.year, info.birth_date.month)
        ):
            values["birth_date"] = info.birth_date
        elif typed != info.birth_date:
            warnings.append(
                Issue("birth_date", f"与身份证号不一致（身份证为 {info.birth_date.isoformat()}）")
            )
        if not values.get("sex"):
            values["sex"] = info.sex
        elif values["sex"] != info.sex:
            warnings.append(Issue("sex", f"与身份证号不一致（身份证为{info.sex}）"))

    birth = values.get("birth_date")
    if birth and (birth > today or birth.year < 1900):
        errors.append(Issue("birth_date", f"出生日期 {birth.isoformat()} 不合理"))
    for key in ("joined_union_date", "work_start_date"):
        when = values.get(key)
        if when and when > today:
            errors.append(Issue(key, f"{when.isoformat()} 晚于今天"))
        if when and birth and when < birth:
            errors.append(Issue(key, "早于出生日期"))
    status = values.get("status")
    if status and status != "在职" and "status_date" in data and values.get("status_date") is None:
        issue = Issue("status_date", f"状态为“{status}”时请填写变动日期")
        (errors if require_status_date else warnings).append(issue)
    return checked


def clean_retirement_track(text) -> str | None:
    """The stored track: "" (自动: from sex and post, domain.retirement.default_track) or one of
    男60 / 女干部55 / 女职工50; None when the text is none of them."""
    text = textclean.clean_text(text or "").replace(" ", "")
    if text in ("", "自动", "默认") or text.startswith("自动"):
        return ""
    return text if text in retirement.TRACKS else None


def retirement_date(member: Member) -> dt.date | None:
    """The member's statutory retirement date (issue 15: birth date, sex and track)."""
    return retirement.member_retirement_date(member.birth_date, member.sex, member.post or "",
                                             member.retirement_track or "")


RETIRING_MONTHS = 6  # 即将退休: the statutory date falls within this many months from today


def retirement_track_sql():
    """SQL: the member's retirement track — the own field when set, else the default from sex and
    post (domain.retirement.default_track, written out as SQL)."""
    worker_post = Member.post.contains(retirement.WORKER_POST_WORDS[0])
    for word in retirement.WORKER_POST_WORDS[1:]:
        worker_post = worker_post | Member.post.contains(word)
    return Case(None, [
        *((Member.retirement_track == t, t) for t in retirement.TRACKS),
        ((Member.sex != "女") | Member.sex.is_null(), retirement.TRACK_MEN_60),
        (worker_post, retirement.TRACK_WOMEN_WORKER_50),
    ], retirement.TRACK_WOMEN_CADRE_55)


def retired_by(day: dt.date):
    """SQL: the member's statutory retirement date is on or before `day` — one comparison per
    track against the latest birth date already retired (domain.retirement.latest_birth_retired_by)."""
    track = retirement_track_sql()
    cutoff = Case(None, [(track == t, retirement.latest_birth_retired_by(day, t).isoformat())
                         for t in retirement.TRACKS])
    return Member.birth_date.is_null(False) & (Member.birth_date <= cutoff)


def retiring_between(first: dt.date, last: dt.date) -> list[tuple[Member, dt.date]]:
    """Members 在职 whose statutory retirement date falls in first…last (inclusive), by that date.
    Only the forecast uses the rule; a recorded 退休 is not forecast again. SQL picks the members
    (retired by `last`, not yet by the day before `first`); the dates are the domain rule's."""
    found = []
    for m in Member.select().where(
        (Member.status == "在职") & retired_by(last) & ~retired_by(first - dt.timedelta(days=1))
    ):
        when = retirement_date(m)
        if when and first <= when <= last:
            found.append((m, when))
    found.sort(key=lambda mw: (mw[1], mw[0].department or "", mw[0].pinyin_key or mw[0].name, mw[0].id))
    return found


def retiring_soon(today: dt.date | None = None) -> list[tuple[Member, dt.date]]:
    """即将退休: members 在职 whose statutory date is today or within the next 6 months."""
    today = today or dt.date.today()
    return retiring_between(today, retirement.add_months(today, RETIRING_MONTHS))


def _month_only(raw) -> bool:
    """True for a date typed to the month only ('1985.06', '1985年6月')."""
    try:
        return textclean.parse_loose_date(raw, month_only_day=15) != textclean.parse_loose_date(raw)
    except (ValueError, TypeError):
        return False


def _raise_if_invalid(checked: Checked) -> None:
    if not checked.ok:
        first = checked.errors[0]
        error = ValidationError(checked.error_text(), field=first.field)
        error.issues = checked.errors
        raise error


def _guard_duplicates(values: dict, member_id: int | None, confirm_duplicate: bool) -> None:
    number = values.get("id_number")
    if number:
        clash = Member.select().where(Member.id_number == number)
        if member_id:
            clash = clash.where(Member.id != member_id)
        other = clash.first()
        if other:
            raise ValidationError(
                f"身份证号 {idcard.mask_id(number)} 已属于会员 {other.name}（{other.department}），不能重复登记。",
                field="id_number",
            )
    name, birth = values.get("name"), values.get("birth_date")
    if name and birth and not confirm_duplicate:
        same = Member.select().where((Member.name == name) & (Member.birth_date == birth))
        if member_id:
            same = same.where(Member.id != member_id)
        others = list(same)
        if others:
            where = "、".join(f"{m.name}（{m.department or '未填部门'}，{m.status}）" for m in others)
            raise DuplicateNameBirth(f"已有同名且出生日期相同的会员：{where}。确定是另一个人吗？", others)


def create_member(data: dict, *, confirm_duplicate: bool = False, note: str = "") -> Member:
    checked = check_member(data)
    _raise_if_invalid(checked)
    values = checked.values
    _guard_duplicates(values, None, confirm_duplicate)
    values["pinyin_key"] = pinyin.search_key(values["name"])
    with database_proxy.atomic():
        member = audit.create(Member, note=note, **values)
        _status_moved([(member, None, None, None)])
    return member


def _status_moved(changes: list[tuple[Member, str | None, dt.date | None, dt.date | None]]) -> None:
    """Tell the areas that keep a membership history (hook "member_status") that statuses, their dates
    or join dates were set in the archive: (member as saved, status before or None when new, join date
    before, status date before). A hook may refuse (ValidationError): the save is undone."""
    from union_desk import areas

    if changes:
        for hook in areas.hooks("member_status"):
            hook(changes)


def create_members(rows: list[dict], *, note: str = "") -> tuple[dict[int, int], dict[int, ValidationError]]:
    """Many new members at once (roster import): the checks of `create_member`, batched writes.

    Returns ({row index: new member id}, {row index: the error that kept the row out}). Name +
    birth-date duplicates are not asked about (an import reports them as warnings beforehand).
    """
    errors: dict[int, ValidationError] = {}
    prepared: list[tuple[int, dict]] = []
    for index, data in enumerate(rows):
        checked = check_member(data)
        try:
            _raise_if_invalid(checked)
        except ValidationError as exc:
            errors[index] = exc
            continue
        prepared.append((index, checked.values))
    numbers = [v["id_number"] for _, v in prepared if v.get("id_number")]
    owners: dict[str, Member] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        owners.update({m.id_number: m for m in Member.select().where(Member.id_number.in_(chunk))})
    keep: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for index, values in prepared:
        number = values.get("id_number")
        if number and (number in owners or number in seen):
            other = owners.get(number)
            who = f"会员 {other.name}（{other.department}）" if other else f"第 {seen[number] + 1} 条"
            errors[index] = ValidationError(
                f"身份证号 {idcard.mask_id(number)} 已属于{who}，不能重复登记。", field="id_number"
            )
            continue
        if number:
            seen[number] = index
        values["pinyin_key"] = pinyin.search_key(values["name"])
        keep.append((index, values))
    with database_proxy.atomic():
        ids = audit.create_many(Member, [values for _, values in keep], note=note)
        for start in range(0, len(ids), 500):
            _status_moved([(m, None, None, None) for m in Member.select().where(Member.id.in_(ids[start:start + 500]))])
    return {index: new_id for (index, _), new_id in zip(keep, ids, strict=True)}, errors


def update_member(member: Member, data: dict, *, confirm_duplicate: bool = False, note: str = "") -> dict:
    """Apply the given fields; returns the fields that changed (empty when nothing did)."""
    checked = check_member(data)
    _raise_if_invalid(checked)
    values = checked.values
    merged = {"name": member.name, "birth_date": member.birth_date, **values}
    name_or_birth_changed = merged["name"] != member.name or merged["birth_date"] != member.birth_date
    _guard_duplicates(
        {"id_number": values.get("id_number"), "name": merged["name"], "birth_date": merged["birth_date"]},
        member.id,
        confirm_duplicate or not name_or_birth_changed,
    )
    if "name" in values:
        values["pinyin_key"] = pinyin.search_key(values["name"])
    if "union_roles" in values:
        values["union_roles"] = _keep_derived_roles(values["union_roles"], member.union_roles)
    before = (member.status, member.joined_union_date, member.status_date)
    with database_proxy.atomic():
        changed = audit.update(member, note=note, **values)
        if {"status", "joined_union_date", "status_date"} & set(changed):
            _status_moved([(member, *before)])
    return changed


def _keep_derived_roles(new: str, stored: str) -> str:
    """Roles that follow other records (教代会代表 follows the current term's delegates, issue 16)
    keep their stored state when a member is edited."""
    held = {r for r in (stored or "").split(",") if r}
    roles = [r for r in (new or "").split(",") if r and (r not in DERIVED_ROLES or r in held)]
    roles += [r for r in UNION_ROLES if r in DERIVED_ROLES and r in held and r not in roles]
    return ",".join(dict.fromkeys(roles))


def change_status(member: Member, status: str, when: dt.date, note: str = "") -> dict:
    """Members leave by status (退休 on 2026-07-31), never by deletion."""
    if status not in MEMBER_STATUSES:
        raise ValidationError(f"“{status}”不是有效的状态", field="status")
    if when is None:
        raise ValidationError("请填写状态变动日期", field="status_date")
    note = textclean.clean_field(note, "notes", "说明", field="note")
    before = (member.status, member.joined_union_date, member.status_date)
    with database_proxy.atomic():
        changed = audit.update(member, note=note, status=status, status_date=when)
        if {"status", "status_date"} & set(changed):
            _status_moved([(member, *before)])
    return changed


def get_member(member_id: int) -> Member:
    member = Member.get_or_none(Member.id == member_id) if textclean.fits_db_int(member_id) else None
    if member is None:
        raise NotFoundError(f"找不到编号为 {member_id} 的会员")
    return member


# --- relatives ----------------------------------------------------------------------------------

RELATIVE_FIELDS = ("name", "relation", "birth_date", "id_number", "phone", "work_or_school", "health", "death_date", "notes")


RELATIVE_KINDS = {"name": "name", "work_or_school": "long_line", "health": "line", "notes": "notes"}
RELATIVE_LABELS = {
    "name": "姓名",
    "relation": "关系",
    "birth_date": "出生日期",
    "id_number": "身份证号",
    "phone": "联系电话",
    "work_or_school": "工作单位或学校",
    "health": "健康状况",
    "death_date": "去世日期",
    "notes": "备注",
}


def check_relative(data: dict) -> dict:
    values = {}
    for key in RELATIVE_FIELDS:
        raw = data.get(key)
        if key in ("birth_date", "death_date"):
            try:
                values[key] = textclean.parse_loose_date(raw)
            except ValueError as exc:
                raise ValidationError(f"亲属{'出生日期' if key == 'birth_date' else '去世日期'}：{exc}", field=key) from exc
        elif key == "id_number":
            text = textclean.clean_text(raw)
            if text and not idcard.is_valid_id(text):
                raise ValidationError(f"亲属身份证号无效：{text}", field=key)
            values[key] = idcard.parse_id(text).number if text else ""
        elif key == "phone":
            try:
                values[key] = textclean.parse_phone(raw)
            except ValueError as exc:
                raise ValidationError(f"亲属电话：{exc}", field=key) from exc
        else:
            kind = RELATIVE_KINDS.get(key, "word")
            values[key] = textclean.clean_field(raw, kind, f"亲属{RELATIVE_LABELS[key]}", field=key)
    if not values["name"]:
        raise ValidationError("亲属姓名不能为空", field="name")
    if values["relation"] not in RELATIONS:
        raise ValidationError(f"“{values['relation']}”不是有效的关系（可选：{'、'.join(RELATIONS)}）", field="relation")
    if values["death_date"] and values["death_date"] > dt.date.today():
        raise ValidationError("亲属去世日期晚于今天", field="death_date")
    return values


def add_relative(member: Member, data: dict, note: str = "") -> Relative:
    """One more close relative of a member (e.g. named in an imported visit ledger)."""
    values = check_relative(data)
    return audit.create(Relative, note=note, member=member, **values)


def save_relatives(member: Member, rows: list[dict]) -> None:
    """Make the member's relatives equal to `rows` (each may carry an 'id'); all or nothing.

    A relative named in a visit (e.g. a condolence) cannot be removed: the record relies on it.
    """
    cleaned = [(row.get("id"), check_relative(row)) for row in rows]
    with database_proxy.atomic():
        existing = {r.id: r for r in member.relatives}
        keep = {rid for rid, _ in cleaned if rid}
        for rid, relative in existing.items():
            if rid in keep:
                continue
            if Visit.select().where(Visit.relative == relative).exists():
                raise ValidationError(
                    f"亲属 {relative.name} 已有走访慰问记录，不能删除。", field="relatives"
                )
            before = audit.snapshot(relative)
            relative.delete_instance()
            audit.record("delete", "relative", rid, before=before)
        for rid, values in cleaned:
            if rid and rid in existing:
                audit.update(existing[rid], **values)
            else:
                audit.create(Relative, member=member, **values)


def save_member(
    member: Member | None,
    data: dict,
    relatives: list[dict] | None = None,
    *,
    confirm_duplicate: bool = False,
    note: str = "",
) -> Member:
    """The member form's save: create (member None) or update the member and, when `relatives`
    is given, make their relatives equal to it, all in one transaction (nothing is written when
    any part is refused). Relatives are checked before anything is written."""
    for row in relatives or ():
        check_relative(row)
    with database_proxy.atomic():
        if member is None:
            member = create_member(data, confirm_duplicate=confirm_duplicate, note=note)
        else:
            # A fresh copy: when the save is refused part-way, the caller's object is unchanged.
            member = get_member(member.id)
            update_member(member, data, confirm_duplicate=confirm_duplicate, note=note)
        if relatives is not None:
            save_relatives(member, relatives)
    return member


# --- search -------------------------------------------------------------------------------------


@dataclass
class MemberFilter:
    statuses: tuple[str, ...] = ()
    department: str = ""
    union_group: str = ""
    sex: str = ""
    employment_type: str = ""
    union_role: str = ""
    min_age: int | None = None
    max_age: int | None = None


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _text_condition(text: str):
    """The WHERE condition for the search box text (already cleaned, lower case, no spaces).

    Only the columns that can match are tested, which keeps a search of 50,000 members fast:
    letters are pinyin (the key also holds the name itself), Chinese is the name (via the key,
    so '阿依古丽买买提' finds '阿依古丽·买买提'), digits are an ID-number or phone fragment.
    Anything mixed tests every column. `contains` is LIKE with the wildcards escaped (ASCII case
    ignored).
    """
    if _LETTERS.fullmatch(text):
        return Member.pinyin_key.contains(text)
    if _DIGITS.fullmatch(text):
        return Member.id_number.contains(text) | Member.phone.contains(text)
    key = pinyin.clean(text)  # separators dropped, as in the stored key
    if _HAN_ONLY.fullmatch(text):
        return Member.pinyin_key.contains(key) | Member.name.contains(text)
    condition = Member.name.contains(text) | Member.id_number.contains(text) | Member.phone.contains(text)
    return condition | Member.pinyin_key.contains(key) if key else condition


_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"[0-9\-]*[0-9][0-9\-]*x?")
_HAN = "\u3400-\u9fff\U00020000-\U0002fa1f"
_HAN_ONLY = re.compile(f"[·•・．.\\-_'’]*[{_HAN}][{_HAN}·•・．.\\-_'’]*")


def search_rank(text: str):
    """How well a member matches the search text (already cleaned), best first, as SQL:
    0 the name itself, 1 a whole common spelling ('wangfang' for 王芳), 2 the start of the name or
    of a common spelling ('chen' finds 陈 before 付成瑞), 3 elsewhere in them (the surname as a
    surname, the given name as read), 4 a rare reading only (丁 read zheng). The common spellings
    are the key's tokens before its '|' (domain.pinyin)."""
    key = pinyin.clean(text)
    if not key:
        return None
    common = fn.substr(Member.pinyin_key, 1, fn.instr(Member.pinyin_key.concat(" |"), " |"))
    first = fn.substr(Member.pinyin_key, 1, fn.instr(Member.pinyin_key.concat(" "), " ") - 1)
    return Case(None, [
        ((Member.name == text) | (first == key), 0),
        (fn.instr(Value(" ").concat(common).concat(" "), f" {key} ") > 0, 1),
        (fn.instr(Value(" ").concat(common), f" {key}") > 0, 2),
        (fn.instr(common, key) > 0, 3),
    ], 4)


def search_query(text: str = "", filters: MemberFilter | None = None, today: dt.date | None = None):
    """The SQL query behind the search box and the filters (matching done in SQLite); with a
    search text the best matches come first (`search_rank`), then department and name."""
    today = today or dt.date.today()
    filters = filters or MemberFilter()
    query = Member.select()
    text = textclean.clean_text(text).lower().replace(" ", "")
    if text:
        query = query.where(_text_condition(text))
    if filters.statuses:
        query = query.where(Member.status.in_(filters.statuses))
    for name in ("department", "union_group", "sex", "employment_type"):
        value = getattr(filters, name)
        if value:
            query = query.where(getattr(Member, name) == value)
    if filters.union_role:
        query = query.where(Member.union_roles.contains(filters.union_role))
    if filters.max_age is not None:  # younger than max_age+1 years: born after that day
        query = query.where(Member.birth_date > _years_ago(today, filters.max_age + 1))
    if filters.min_age is not None:
        query = query.where(Member.birth_date <= _years_ago(today, filters.min_age))
    rank = search_rank(text) if text and not _DIGITS.fullmatch(text) else None
    if rank is not None:
        query = query.order_by(rank, Member.department, Member.name, Member.id)
        query.search_rank = rank  # the member list keeps the best matches first in its own order
        return query
    return query.order_by(Member.department, Member.name, Member.id)


def search(text: str = "", statuses: tuple[str, ...] | None = None, limit: int | None = None, filters: MemberFilter | None = None):
    """Members matching `text` by name, pinyin (every reading), ID fragment or phone."""
    filters = filters or MemberFilter()
    if statuses:
        filters.statuses = tuple(statuses)
    query = search_query(text, filters)
    if limit:
        query = query.limit(limit)
    return list(query)


def distinct_values(field_name: str) -> list[str]:
    column = getattr(Member, field_name)
    return [v for (v,) in Member.select(column).where(column != "").distinct().order_by(column).tuples()]


def history(member: Member) -> list[AuditLog]:
    """The audit entries of the member and of their relatives (also removed ones), oldest first."""
    relative_ids = {r.id for r in Relative.select(Relative.id).where(Relative.member == member)}
    # A removed relative is gone from the table; its create/delete entries still name the member.
    marker = f'%"member": {member.id}%'
    for entry in AuditLog.select(AuditLog.record_id, AuditLog.before, AuditLog.after).where(
        (AuditLog.table_name == "relative")
        & AuditLog.action.in_(("create", "delete"))
        & ((AuditLog.after ** marker) | (AuditLog.before ** marker))
    ):
        data = json.loads(entry.after or entry.before or "{}")
        if data.get("member") == member.id:
            relative_ids.add(entry.record_id)
    query = AuditLog.select().where(
        ((AuditLog.table_name == "member") & (AuditLog.record_id == member.id))
        | ((AuditLog.table_name == "relative") & AuditLog.record_id.in_(sorted(relative_ids) or [0]))
    )
    return list(query.order_by(AuditLog.at, AuditLog.id))


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if not birth:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
