"""Schema steps of 会员档案 (registered in union_desk/areas/members.py, run by db.migrations)."""

from __future__ import annotations

from peewee import SqliteDatabase


def step_2(db: SqliteDatabase) -> None:
    """Rebuild every member's pinyin search key with the rules of issue 15 (surnames in every
    reading, given names in the default reading, ü as v, u and yu).

    Plain SQL on the two columns it needs, so that later changes to the Member model do not break
    it; `migrations.upgrade` runs it inside the step's transaction (all keys or none)."""
    from union_desk.domain.pinyin import search_key

    rows = db.execute_sql("SELECT id, name FROM member").fetchall()
    keys: dict[str, str] = {}
    updates = []
    for member_id, name in rows:
        name = name or ""
        key = keys.get(name)
        if key is None:
            key = keys[name] = search_key(name)
        updates.append((key, member_id))
    if updates:
        db.cursor().executemany("UPDATE member SET pinyin_key = ? WHERE id = ?", updates)


def step_3(db: SqliteDatabase) -> None:
    """Add `member.retirement_track` (issue 15 Decision "Retirement track": 男60 / 女干部55 /
    女职工50, "" = from sex and post). Existing members get "" and so the default track; their
    recorded statuses and dates (退休 on a day) are facts and stay as they are.

    Plain SQL; `migrations.upgrade` runs it inside the step's transaction."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(member)").fetchall()}
    if "retirement_track" not in columns:
        db.execute_sql("ALTER TABLE member ADD COLUMN retirement_track VARCHAR(8) NOT NULL DEFAULT ''")
