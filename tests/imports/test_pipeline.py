"""The import pipeline (`imports.pipeline`): an importer that declares only its columns, its row
check and its write gets the rest — reading, header mapping, the row walk, the preview, one
transaction with progress and cancel, refused rows, all-or-nothing, the audit row, the report."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from union_desk.db.models import AuditLog, PlanItem
from union_desk.errors import ValidationError
from union_desk.imports import plan as plan_import
from union_desk.imports.common import ERROR, NEW, SAME, RowsRejected
from union_desk.imports.pipeline import Importer, apply_preview, preview_file
from union_desk.ledgers.common import Cancelled
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec
from union_desk.services import plan

ITEMS = LedgerSpec(
    "test_items",
    "测试事项",
    (
        LedgerColumn("seq", "序号", None),
        LedgerColumn("title", "事项", None, aliases=("工作内容",), field="title"),
        LedgerColumn("month", "月份", None, field="month"),
    ),
    unit="项",
)


class ItemImporter(Importer):
    """All a new import has to say: its columns, a row's check, a row's write."""

    spec = ITEMS
    required = (("title",),)
    table = "plan_item"

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.stored = {i.title for i in PlanItem.select()}

    def check(self, row):
        title = str(row.values.get("title", "")).strip()
        if not title:
            self.issue(row, "title", "请填写事项")
            return
        row.write = {"title": title, "month": row.values.get("month"), "category": "其他"}
        row.action = SAME if title in self.stored else NEW

    def write(self, row):
        return plan.create_item(2026, row.write, note=self.note).id  # the service checks the month


def table(tmp_path, rows, name="事项.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年事项表"])  # a title row above the header
    ws.append(["序号", "事项", "月份"])
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def imports() -> int:
    return AuditLog.select().where(AuditLog.action == "import").count()


@pytest.fixture
def items(db, tmp_path):
    plan.create_item(2026, {"title": "已有的事", "month": 1, "category": "其他"})
    return table(tmp_path, [
        [1, "工会委员会议", 3],  # 3
        [2, "", 4],  # 4: no title
        [3, "已有的事", 1],  # 5: already there
        [4, "月份不对", 13],  # 6: the service refuses it when applying
        [5, "年终总结", 12],  # 7
        ["", "合计", ""],  # 8
        ["", "制表人：张三", ""],  # 9
    ])


def test_preview_reads_maps_checks_and_writes_nothing(items):
    preview = preview_file(ItemImporter, items)
    assert (preview.header_row, preview.mapping) == (2, {1: "title", 2: "month"})
    assert [(r.row, r.action) for r in preview.rows] == [(3, NEW), (4, ERROR), (5, SAME), (6, NEW), (7, NEW)]
    assert preview.rows[1].issues[0].text() == "第 4 行 事项：请填写事项"
    assert [(s.row, s.reason) for s in preview.skipped] == [(8, "合计行"), (9, "签名行")]
    assert preview.summary() == "新增 3 项，更新 0 项，未变 1 项，错误 1 行"
    assert preview.importer.note == "测试事项导入：事项.xlsx"
    assert PlanItem.select().count() == 1 and imports() == 0


def test_required_columns_and_no_header(db, tmp_path):
    wb = Workbook()
    wb.active.append(["序号", "月份"])
    wb.active.append([1, 3])
    wb.save(tmp_path / "no_title.xlsx")
    with pytest.raises(ValidationError, match="文件中没有“事项”列，无法导入测试事项。"):
        preview_file(ItemImporter, tmp_path / "no_title.xlsx")
    wb = Workbook()
    wb.active.append(["甲", "乙"])
    wb.save(tmp_path / "nothing.xlsx")
    with pytest.raises(ValidationError, match="找不到表头（如“事项”“月份”）。请确认这是测试事项。"):
        preview_file(ItemImporter, tmp_path / "nothing.xlsx")


def test_apply_writes_in_one_transaction_and_reports(items):
    preview = preview_file(ItemImporter, items)
    steps = []
    report = apply_preview(preview, lambda done, total, label: steps.append((done, total, label)))
    assert steps[0] == (0, 3, "正在导入测试事项") and steps[-1] == (3, 3, "正在保存")
    # the refused row is an error row now, the others were written
    assert [(r.row, r.action) for r in preview.rows] == [(3, NEW), (4, ERROR), (5, SAME), (6, ERROR), (7, NEW)]
    assert "月份" in preview.rows[3].errors[0].message and preview.rows[3].errors[0].column == "月份"
    assert (report.added, report.updated, report.unchanged, report.error_rows) == (2, 0, 1, 2)
    made = {i.title: i.id for i in PlanItem.select()}
    assert report.record_ids == [made["工会委员会议"], made["年终总结"]] == [preview.rows[0].record_id, preview.rows[4].record_id]
    entry = AuditLog.get(AuditLog.action == "import")
    assert entry.table_name == "plan_item" and entry.note == "测试事项导入：事项.xlsx"
    with pytest.raises(ValidationError, match="已经导入过了"):
        apply_preview(preview)


def test_all_or_nothing(items):
    preview = preview_file(ItemImporter, items)
    with pytest.raises(RowsRejected) as info:
        apply_preview(preview, skip_bad_rows=False)
    assert [r.row for r in info.value.rows] == [6]
    assert PlanItem.select().count() == 1 and imports() == 0


def test_cancel_writes_nothing_and_leaves_the_preview(items):
    preview = preview_file(ItemImporter, items)
    before = [(r.action, list(r.issues), r.record_id) for r in preview.rows]
    with pytest.raises(Cancelled):
        apply_preview(preview, lambda done, total, label: label != "正在保存")
    assert PlanItem.select().count() == 1 and imports() == 0
    assert [(r.action, list(r.issues), r.record_id) for r in preview.rows] == before and not preview.applied
    assert apply_preview(preview).added == 2  # and it can be applied after all


def test_a_cancelled_plan_import_leaves_its_preview_as_it_was(db, tmp_path):
    path = table(tmp_path, [[1, "工会委员会议", 3], [2, "年终总结", 12]], "计划.xlsx")
    preview = plan_import.preview_plan_import(path, 2026)
    plan.create_item(2026, {"title": "年终总结", "month": 12, "category": "其他"})  # meanwhile
    with pytest.raises(Cancelled):
        plan_import.apply_plan_import(preview, lambda done, total, label: label != "正在保存")
    assert [r.action for r in preview.rows] == [NEW, NEW] and not any(r.issues for r in preview.rows)
    report = plan_import.apply_plan_import(preview)
    assert (report.added, report.skipped) == (1, 1)
    assert [r.action for r in preview.rows] == [NEW, plan_import.EXISTS]
    assert "已有 12 月的“年终总结”（跳过）" in preview.rows[1].warnings[0].message
