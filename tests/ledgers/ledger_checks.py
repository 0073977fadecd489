"""Shared checks of the record-ledger tests: reopening an export, print set-up, snapshots of the
records by their natural keys (to compare two databases), moving to an empty database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from union_desk.db.models import Activity, ActivityItem, Assistance, HardshipFile, Member, SignUp, Visit
from union_desk.domain import textclean
from union_desk.ledgers.catalog import LEDGERS, export_ledger, ledger_options
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import ExportOptions

TODAY = dt.date.today()
YEAR = TODAY.year
PERIOD = LedgerPeriod.year(YEAR)


def options(**more) -> ExportOptions:
    return ledger_options(PERIOD, today=TODAY, **more)


def export(kind: str, folder: Path, **more) -> tuple[Path, object]:
    """Export one ledger of this year and reopen it: (file, worksheet)."""
    path, _ = export_ledger(kind, PERIOD, folder / f"{kind}.xlsx", options=options(**more))
    return path, openpyxl.load_workbook(path).active


def header_map(ws, row: int = 3) -> dict[str, int]:
    return {ws.cell(row, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(row, c).value}


def column_values(ws, header: str, first: int = 4, last: int | None = None, row: int = 3) -> list:
    col = header_map(ws, row)[header]
    last = last or ws.max_row
    return [ws.cell(r, col).value for r in range(first, last + 1)]


def find_row(ws, text: str, col: int = 1) -> int | None:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    return None


def printed_columns(ws) -> int:
    """How many columns (from A) the sheet's print area holds."""
    from openpyxl.utils import column_index_from_string

    last = ws.print_area.split("!")[-1].split(":")[-1]
    return column_index_from_string(last.replace("$", "").rstrip("0123456789"))


def assert_printable(ws, header_row: int = 3) -> None:
    """A4 landscape, one page wide, any number tall, the header repeated, page numbers."""
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    for c in range(1, ws.max_column + 1):
        cell = ws.cell(header_row, c)
        assert cell.font.b and cell.border.bottom.style == "thin", get_column_letter(c)


def switch_to_empty(path: Path) -> None:
    """Close the current database and open a new, empty one at `path`."""
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    close_database()
    open_for_use(path, auto_backup=False)


def import_roster(path: Path):
    from union_desk.imports.roster import import_roster as run

    return run(path)


def export_all(folder: Path, kinds=tuple(LEDGERS), **more) -> dict[str, Path]:
    """Every ledger of this year, all columns, full ID numbers (what a move to a new PC uses)."""
    more = {"all_columns": True, "full_id": True, **more}
    return {kind: export(kind, folder, **more)[0] for kind in kinds}


# --- snapshots by natural key (ids differ between databases) -------------------------------------

def _t(text) -> str:
    return textclean.clean_text(text)


def _who(member) -> str:
    return member.id_number or f"{member.name}/{member.department}"


def hardship_snapshot() -> dict:
    files = {f.id: f for f in HardshipFile.select()}
    members = {m.id: m for m in Member.select()}
    return {
        (_who(members[f.member_id]), f.found_date): (
            f.grade, f.main_cause, f.secondary_causes, f.household_size, f.monthly_income, f.housing, f.description,
            f.found_how, f.status, f.status_date, f.status_reason, f.last_review_date,
            f.next_review_date if f.status in ("在档", "临时") else None,
        )
        for f in files.values()
        if PERIOD.first <= (f.status_date or PERIOD.last) and f.found_date <= PERIOD.last
    }


def assistance_snapshot() -> list:
    members = {m.id: m for m in Member.select()}
    files = {f.id: f for f in HardshipFile.select()}
    return sorted(
        (
            _who(members[files[a.file_id].member_id]), a.date, a.kind, a.cash, a.goods, a.goods_value, a.fund_source,
            a.handler, a.notes, a.voided, a.void_reason,
        )
        for a in Assistance.select().where(Assistance.date.between(PERIOD.first, PERIOD.last))
    )


def visit_snapshot() -> dict:
    members = {m.id: m for m in Member.select()}
    out = {}
    for v in Visit.select().where(Visit.date.between(PERIOD.first, PERIOD.last)):
        relative = (v.relative.relation, v.relative.name) if v.relative_id else None
        out[v.serial] = (
            _who(members[v.member_id]), v.date, v.visit_type.name, relative, v.reason, v.place, v.visitors, v.cash,
            v.goods, v.goods_value, v.fund_source, v.handler, v.follow_up, v.over_cap_reason, v.batch,
            _t(v.plan_item.title) if v.plan_item_id else None, v.voided, v.void_reason,
            v.replaces.serial if v.replaces_id else None,
        )
    return out


def activity_snapshot() -> dict:
    out = {}
    for a in Activity.select().where(Activity.start.between(PERIOD.start, PERIOD.end)):
        items = sorted((_t(i.name), i.capacity, i.team_based) for i in a.items)
        out[(_t(a.title), a.start)] = (
            a.category, a.end, a.place, a.organiser, a.description, a.signup_deadline, a.eligible_sex, a.min_age,
            a.max_age, a.eligible_statuses, a.status, a.budget, a.actual_cost,
            _t(a.plan_item.title) if a.plan_item_id else None, items,
        )
    return out


def signup_snapshot() -> dict:
    members = {m.id: m for m in Member.select()}
    out = {}
    query = SignUp.select(SignUp, ActivityItem, Activity).join(ActivityItem).join(Activity).where(
        Activity.start.between(PERIOD.start, PERIOD.end)
    )
    for s in query:
        team = s.team if s.team_id else None
        out[(_t(s.item.activity.title), _t(s.item.name), _who(members[s.member_id]))] = (
            s.state, s.queue_no, s.signed_at, team.name if team else None, team.rank if team else None,
            team.award if team else None, s.checked_in, s.checked_in_at, s.walk_in, s.rank, s.award,
            s.override_reason, s.notes,
        )
    return out


def plan_snapshot() -> dict:
    from union_desk.services import plan

    return {
        (i.year, _t(i.title), plan.item_month(i)): (i.category, i.date, i.end_date, i.responsible, i.status, i.notes, i.template_key)
        for i in plan_records()
    }


def plan_records():
    return LEDGERS["plan"].records(PERIOD)


def add_ugly_records() -> dict:
    """A few records this year made through the services, with the strings that must stay text:
    a member note '=SUM(A1)', a hardship description '+86 …', assistance (one voided), visits."""
    from union_desk.db.models import VisitType
    from union_desk.services import hardship, members, visits

    staff = list(Member.select().where(Member.status == "在职").order_by(Member.id).limit(3))
    first, second, third = staff
    members.update_member(first, {"notes": "=SUM(A1)", "phone": "13800138000"})
    day = min(TODAY, PERIOD.first.replace(month=3, day=10))
    for member in (first, second):
        HardshipFile.update(status="已注销", status_date=PERIOD.first.replace(day=2), status_reason="测试前注销",
                            next_review_date=None).where(
            (HardshipFile.member == member) & HardshipFile.status.in_(("在档", "临时"))
        ).execute()
    file = hardship.open_file(first, {"grade": "深度困难", "main_cause": "大病/重病", "secondary_causes": "低收入、残疾",
                                      "household_size": 4, "monthly_income": "3200", "found_date": day,
                                      "description": "+86 家庭收入低；-其他说明", "found_how": "摸底"})
    other = hardship.open_file(second, {"grade": "相对困难", "main_cause": "单亲", "found_date": day, "description": "@单亲"})
    helped = [
        hardship.add_assistance(file, {"date": day, "kind": "医疗救助", "cash": "1500.50", "fund_source": "上级工会",
                                       "handler": "张三", "notes": "=1+1"}),
        hardship.add_assistance(other, {"date": day, "kind": "生活救助", "cash": 800, "goods": "大米、食用油",
                                        "goods_value": 150}),
        hardship.add_assistance(other, {"date": day, "kind": "法律援助", "notes": "联系律师提供免费法律咨询"}),
    ]
    wrong = hardship.add_assistance(file, {"date": day, "kind": "生活救助", "cash": 9999})
    hardship.void_assistance(wrong, "金额错误")
    birthday = VisitType.get(VisitType.name == "生日")
    made = [
        visits.create_visit({"member": third.id, "visit_type": birthday.id, "date": day, "reason": "=SUM(A1:A3)",
                             "visitors": "-工会主席", "cash": 200, "over_cap_reason": "@测试"})
    ]
    voided = visits.create_visit({"member": second.id, "visit_type": birthday.id, "date": day, "cash": 2000,
                                  "over_cap_reason": "测试"})
    visits.void_visit(voided, "重复登记")
    return {"members": staff, "files": [file, other], "assistance": helped, "voided_assistance": wrong,
            "visits": made, "voided_visit": voided}


def edited_preview(kind: str, folder: Path, edits: dict, *, empty_db: Path | None = None, **more) -> dict:
    """Export a ledger, change cells {(row, header): value} as a person would, and preview the
    import (into an empty database at `empty_db` when given). Returns the preview's rows by row."""
    from union_desk.imports.records import preview_ledger

    path, _ = export(kind, folder, **more)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    cols = header_map(ws)
    for (row, header), value in edits.items():
        ws.cell(row, cols[header]).value = value
    workbook.save(path)
    if empty_db is not None:
        switch_to_empty(empty_db)
    preview = preview_ledger(kind, path)
    rows = {r.row: r for r in preview.rows}
    rows["preview"] = preview
    return rows


def export_for(kind: str, period, folder: Path, today: dt.date = TODAY, **more) -> tuple[Path, object, int]:
    """Export one ledger of `period`, made on `today`, and reopen it: (file, worksheet, row count)."""
    path, count = export_ledger(kind, period, folder / f"{kind}.xlsx", options=ledger_options(period, today=today, **more))
    return path, openpyxl.load_workbook(path).active, count


def data_rows(ws, first: int = 4) -> list[dict]:
    """Data rows as {header: value} (and "_row"), until the first row without a 序号."""
    cols = header_map(ws)
    out = []
    for r in range(first, ws.max_row + 1):
        if not isinstance(ws.cell(r, 1).value, int):
            break
        out.append({h: ws.cell(r, c).value for h, c in cols.items()} | {"_row": r})
    return out
