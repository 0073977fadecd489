"""Schema step 7's 补记 (issue 19 decision "Upgrade"): the visits, assistance payments and activities
made before the funds book existed are posted, dated as the records and marked 补记, exactly as
`services.fund_posting` would have posted them (a 送温暖 batch as one entry; cash only — the goods
setting starts off).

Plain SQL on the columns it needs (money as integer fen), so that later changes to the models
cannot break the step; it runs inside the step's transaction and skips records already posted."""

from __future__ import annotations

from collections import defaultdict

from union_desk.domain import funds as rules


def _category_ids(db) -> dict[str, int]:
    return dict(db.execute_sql("SELECT code, id FROM fund_category").fetchall())


def _posted(db, kind: str) -> set[int]:
    return {row[0] for row in db.execute_sql("SELECT source_id FROM fund_link WHERE source_kind = ?", (kind,)).fetchall()}


def _single_visit(row) -> tuple:
    code = rules.DEFAULT_MAP[rules.visit_map_kind(row[8], batch=bool(row[4]))]
    return (row[1], rules.visit_summary(row[6], row[7], row[5]), code, row[2], row[3], [("visit", row[0], row[2])])


def backfill(db, stamp: str, *, mark: bool = True) -> int:
    """Post the old records; returns the number of entries written. `mark=False` (the demo school,
    whose records are written in bulk) posts them as ordinary postings, not 补记."""
    codes = _category_ids(db)
    entries: list[tuple] = []  # (date, summary, code, fen, handler, [(kind, id, fen)])

    done = _posted(db, "visit")
    visits = db.execute_sql(
        "SELECT v.id, v.date, v.cash, v.handler, v.batch, v.serial, t.name, m.name, t.\"group\" FROM visit v "
        "JOIN visit_type t ON t.id = v.visit_type_id JOIN member m ON m.id = v.member_id "
        "WHERE v.voided = 0 AND v.fund_source = ? AND v.cash > 0 ORDER BY v.date, v.id",
        (rules.UNION_FUNDS,),
    ).fetchall()
    batches: dict[str, list] = defaultdict(list)
    for row in visits:
        if row[0] in done:
            continue
        if row[4]:
            batches[row[4]].append(row)
        else:
            entries.append(_single_visit(row))
    for rows in batches.values():
        if len(rows) == 1:
            entries.append(_single_visit(rows[0]))
            continue
        first = rows[0]
        code = rules.DEFAULT_MAP[rules.visit_map_kind(first[8], batch=True)]
        entries.append((first[1], rules.batch_summary(first[6], len(rows)), code,
                        sum(r[2] for r in rows), first[3], [("visit", r[0], r[2]) for r in rows]))

    done = _posted(db, "assistance")
    for row in db.execute_sql(
        "SELECT a.id, a.date, a.cash, a.handler, a.kind, m.name FROM assistance a "
        "JOIN hardship_file f ON f.id = a.file_id JOIN member m ON m.id = f.member_id "
        "WHERE a.voided = 0 AND a.fund_source = ? AND a.cash > 0 ORDER BY a.date, a.id",
        (rules.UNION_FUNDS,),
    ).fetchall():
        if row[0] not in done:
            entries.append((row[1], f"困难帮扶·{row[4]} {row[5]}"[:128], rules.DEFAULT_MAP["assistance"], row[2], row[3],
                            [("assistance", row[0], row[2])]))

    done = _posted(db, "activity")
    for row in db.execute_sql(
        "SELECT id, COALESCE(\"end\", start), actual_cost, organiser, title, category FROM activity "
        "WHERE status = '已结束' AND fund_source = ? AND actual_cost > 0 ORDER BY start, id",
        (rules.UNION_FUNDS,),
    ).fetchall():
        if row[0] not in done:
            code = rules.DEFAULT_MAP["activity_training" if row[5] in rules.TRAINING_CATEGORIES else "activity"]
            entries.append((str(row[1])[:10], f"活动经费：{row[4]}"[:128], code, row[2], row[3] or "",
                            [("activity", row[0], row[2])]))

    entries.sort(key=lambda e: str(e[0])[:10])
    counters: dict[int, int] = {}
    for day, summary, code, fen, handler, links in entries:
        day = str(day)[:10]
        year = int(day[:4])
        if year not in counters:
            row = db.execute_sql("SELECT value FROM counter WHERE name = ?", (f"fund-serial-{year}",)).fetchone()
            counters[year] = row[0] if row else 0
        counters[year] += 1
        cursor = db.execute_sql(
            "INSERT INTO fund_entry (serial, date, summary, category_id, amount, handler, attachments, reverses_id, "
            "backfilled, over_budget_reason, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, '', ?, ?, ?)",
            (rules.serial(year, counters[year]), day, summary, codes[code], fen, handler or "", int(mark),
             "补记" if mark else "", stamp, stamp),
        )
        entry_id = cursor.lastrowid
        db.cursor().executemany(
            "INSERT INTO fund_link (entry_id, source_kind, source_id, amount) VALUES (?, ?, ?, ?)",
            [(entry_id, kind, source_id, part) for kind, source_id, part in links],
        )
    for year, value in counters.items():
        db.execute_sql("INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = "
                       "MAX(value, excluded.value)", (f"fund-serial-{year}", value))
    return len(entries)
