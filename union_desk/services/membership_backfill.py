"""Schema step 8's history (issue 20 decision "Statuses"): every member gets an 入会 event on their
join date and, when today's status is not 在职, the event that status stands for on its date
(退休 → 保留会籍（退休）, 调出 → 转出, 退会 → 退会, 去世 → 去世), both marked 补记.

Plain SQL on the member columns it needs, so later model changes cannot break the step; it skips
members who already have events (the demo school calls it after writing its members)."""

from __future__ import annotations

import datetime as dt

from union_desk.domain import membership as rules

_INSERT = (
    "INSERT INTO membership_event (member_id, kind, date, handler, note, card_number, other_union, letter_number, "
    "reason, backfilled, voided, void_reason, created_at, updated_at) VALUES (?, ?, ?, '', ?, '', ?, '', ?, 1, 0, '', ?, ?)"
)


def backfill(db, stamp: str, today: dt.date) -> int:
    """Write the events; returns how many. A status without a date is dated today, and says so."""
    have = {row[0] for row in db.execute_sql("SELECT DISTINCT member_id FROM membership_event").fetchall()}
    rows: list[tuple] = []
    for member_id, joined, status, status_date in db.execute_sql(
            "SELECT id, joined_union_date, status, status_date FROM member ORDER BY id").fetchall():
        if member_id in have:
            continue
        if joined:
            rows.append((member_id, "入会", str(joined)[:10], "按档案入会日期补记", "", "", stamp, stamp))
        if status and status != "在职" and status in ("退休", "保留会籍", "调出", "退会", "去世"):
            kind, reason = rules.event_for_status(status)
            day = str(status_date)[:10] if status_date else today.isoformat()
            note = "按档案补记" + ("" if status_date else "（档案未填变动日期，按升级当天记）")
            other = "档案未载" if kind == "转出" else ""  # the archive does not say which union
            rows.append((member_id, kind, day, note, other, reason, stamp, stamp))
    if rows:
        db.cursor().executemany(_INSERT, rows)
    return len(rows)
