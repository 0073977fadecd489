"""The audit log and the audited create/update helpers every service uses.

Each change is written in the same transaction as the change itself: who, when, which table and
record, and the changed values before → after (JSON).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from decimal import Decimal

from peewee import ForeignKeyField, Model

from union_desk import changes
from union_desk.db.models import AuditLog, Setting, database_proxy, now

ACTION_LABELS = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "void": "作废",
    "restore": "恢复",
    "import": "导入",
}


def current_actor() -> str:
    """Who is working: the operator set in settings, else the union chair, else the OS user."""
    for key in ("operator", "chair"):
        row = Setting.get_or_none(Setting.key == key)
        if row and row.value.strip():
            return row.value.strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser can fail on odd Windows setups
        return "未知用户"


def _jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.get_id()
    return value


def snapshot(obj: Model) -> dict:
    """The stored field values of a record, JSON-ready (foreign keys as ids)."""
    data = {}
    for name, field in obj._meta.fields.items():
        if isinstance(field, ForeignKeyField):
            data[name] = obj.__data__.get(name)
        else:
            data[name] = _jsonable(getattr(obj, name))
    return data


def record(action: str, obj_or_table, record_id=None, before=None, after=None, note="") -> AuditLog:
    if isinstance(obj_or_table, Model):
        table = obj_or_table._meta.table_name
        record_id = obj_or_table.get_id()
    else:
        table = obj_or_table
    changes.noted(table)
    return AuditLog.create(
        actor=current_actor(),
        action=action,
        table_name=table,
        record_id=record_id,
        before=json.dumps(before, ensure_ascii=False) if before is not None else None,
        after=json.dumps(after, ensure_ascii=False) if after is not None else None,
        note=note,
    )


def create(model_cls: type[Model], note: str = "", values: dict | None = None, **fields) -> Model:
    """Create a record and its audit row (`note`: the audit row's note). A model with a field named
    like a parameter here (`note`) passes its fields as `values`."""
    with database_proxy.atomic():
        obj = model_cls.create(**(values or {}), **fields)
        record("create", obj, after=snapshot(obj), note=note)
    return obj


CHUNK = 300  # rows per INSERT: well under SQLite's limit of bound variables


def create_many(model_cls: type[Model], rows: list[dict], note: str = "") -> list[int]:
    """Insert many records and their audit rows in batches; returns the new ids in order.

    The same audit trail as calling `create` for each row, for imports of thousands of rows.
    """
    if not rows:
        return []
    fields = [f for name, f in model_cls._meta.fields.items() if not f.primary_key]
    primary_key = model_cls._meta.primary_key
    # One prepared statement run per row: peewee's insert_many spends most of its time building
    # SQL text value by value; values still go through each field's db_value, as peewee does.
    sql = 'INSERT INTO "{}" ({}) VALUES ({}) RETURNING "{}"'.format(
        model_cls._meta.table_name,
        ", ".join(f'"{f.column_name}"' for f in fields),
        ", ".join("?" for _ in fields),
        primary_key.column_name,
    )
    actor = current_actor()
    ids: list[int] = []
    changes.noted(model_cls._meta.table_name)
    with database_proxy.atomic():
        cursor = database_proxy.obj.cursor()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            new_ids = []
            for row in chunk:
                params = []
                for field in fields:
                    if field.name in row:
                        value = row[field.name]
                    elif field.default is not None:
                        value = field.default() if callable(field.default) else field.default
                    else:
                        value = None
                    params.append(field.db_value(value))
                cursor.execute(sql, params)
                new_ids.append(cursor.fetchone()[0])
            ids.extend(new_ids)
            stored = {obj.get_id(): obj for obj in model_cls.select().where(model_cls._meta.primary_key.in_(new_ids))}
            AuditLog.insert_many(
                [
                    {
                        "at": now(),
                        "actor": actor,
                        "action": "create",
                        "table_name": model_cls._meta.table_name,
                        "record_id": new_id,
                        "before": None,
                        "after": json.dumps(snapshot(stored[new_id]), ensure_ascii=False),
                        "note": note,
                    }
                    for new_id in new_ids
                ]
            ).execute()
    return ids


def update(obj: Model, note: str = "", action: str = "update", values: dict | None = None, **changes) -> dict:
    """Apply `changes`; audit only the fields whose stored value changes. Returns those fields.
    A model with a field named like a parameter here (`note`, `action`) passes its changes as `values`."""
    changes = {**(values or {}), **changes}
    with database_proxy.atomic():
        before_all = snapshot(obj)
        for name, value in changes.items():
            setattr(obj, name, value)
        if "updated_at" in obj._meta.fields:
            obj.updated_at = now()
        after_all = snapshot(obj)
        changed = [
            n for n in after_all if n != "updated_at" and after_all[n] != before_all[n]
        ]
        if not changed:
            # Nothing really changed: keep the old timestamp too.
            if "updated_at" in obj._meta.fields:
                obj.updated_at = dt.datetime.fromisoformat(before_all["updated_at"])
            return {}
        obj.save()
        record(
            action,
            obj,
            before={n: before_all[n] for n in changed},
            after={n: after_all[n] for n in changed},
            note=note,
        )
    return {n: after_all[n] for n in changed}


def history(table: str, record_id: int) -> list[AuditLog]:
    return list(
        AuditLog.select()
        .where((AuditLog.table_name == table) & (AuditLog.record_id == record_id))
        .order_by(AuditLog.at, AuditLog.id)
    )
