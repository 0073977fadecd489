"""Small checks the newer areas' services share: a date, a choice among Chinese words, a member
reference, a record by id, an audited delete, a yes/no. Each raises a ValidationError / NotFoundError with a
Chinese message naming the field."""

from __future__ import annotations

import datetime as dt

from union_desk.db.models import Member, database_proxy
from union_desk.domain import textclean
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit


def parse_date(raw, label: str, key: str, required: bool = False) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        day = raw
    else:
        try:
            day = textclean.parse_loose_date(raw)
        except ValueError as exc:
            raise ValidationError(f"{label}：{exc}", field=key) from exc
    if day is None and required:
        raise ValidationError(f"请填写{label}", field=key)
    return day


def choice(raw, choices: tuple[str, ...], label: str, key: str, default: str) -> str:
    value = textclean.clean_text(raw) if raw not in (None, "") else default
    if value not in choices:
        raise ValidationError(f"{label}应为：{'、'.join(choices)}", field=key)
    return value


def member_ref(raw, label: str = "会员", key: str = "member") -> Member:
    """A Member from a record or an id; a missing one is refused."""
    if isinstance(raw, Member):
        return raw
    number = textclean.clean_int(getattr(raw, "id", raw), f"{label}编号", 1, textclean.MAX_DB_INT, field=key)
    member = Member.get_or_none(Member.id == number) if number else None
    if member is None:
        raise ValidationError(f"找不到{label}（编号 {raw}）", field=key)
    return member


def get_record(model, record_id, label: str):
    obj = model.get_or_none(model.id == record_id) if textclean.fits_db_int(record_id) else None
    if obj is None:
        raise NotFoundError(f"找不到编号为 {record_id} 的{label}")
    return obj


def delete_audited(obj, note: str = "") -> None:
    """Delete a record, keeping its last values in the audit log."""
    with database_proxy.atomic():
        audit.record("delete", obj, before=audit.snapshot(obj), note=note)
        obj.delete_instance()


def yes_no(raw) -> bool:
    """A yes/no from a form (bool) or a spreadsheet ('是', '否', '0', 'False')."""
    if isinstance(raw, str):
        return raw.strip() not in ("", "否", "0", "False", "false", "无")
    return bool(raw)
