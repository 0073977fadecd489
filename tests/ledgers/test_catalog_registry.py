"""The ledgers come from the area registry (union_desk.areas): an area registered at run time with
a ledger of its own shows in the catalogue, the CLI's ledger kinds, the inspection pack and the
台账 dialog and page, without editing any of them; unregistered, it is gone again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import openpyxl
import pytest

from union_desk import areas
from union_desk.areas import Area
from union_desk.ledgers import catalog
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, get_spec

YEAR = dt.date.today().year
PERIOD = LedgerPeriod.year(YEAR)
REAL_KINDS = ("members", "hardship", "assistance", "visits", "activities", "signups", "plan", "delegates", "proposals",
              "meetings", "letters", "suggestions", "nominations", "honours", "membership", "dues", "funds", "funds-summary")
IMPORT_KINDS = tuple(k for k in REAL_KINDS[1:] if k != "funds-summary")  # the roster and the summary: no import


@dataclass
class Thing:
    name: str
    amount: int


FAKE_SPEC = LedgerSpec(
    kind="fake",
    title="测试台账",
    columns=(
        LedgerColumn("seq", "序号", None, 6),
        LedgerColumn("name", "名称", lambda r, o: r.name, 16),
        LedgerColumn("amount", "数量", lambda r, o: r.amount, 8, kind="int"),
    ),
    unit="项",
)


def fake_records(period: LedgerPeriod) -> list[Thing]:
    return [Thing("甲", 1), Thing("乙", 2)]


# between 活动参与明细 (60) and 工作计划 (70); no importer: exported only
FAKE_LEDGER = Ledger("fake", FAKE_SPEC, fake_records, order=65, help="测试台账")


@pytest.fixture
def fake_area():
    areas.register(Area(key="fake", title="测试", ledgers=(f"{__name__}:FAKE_LEDGER",)))
    try:
        yield FAKE_LEDGER
    finally:
        areas.unregister("fake")


def test_the_catalogue_lists_every_area_s_ledgers_in_pack_order():
    assert catalog.kinds() == REAL_KINDS
    assert catalog.import_kinds() == IMPORT_KINDS  # the roster has its own import
    assert all(isinstance(ledger, Ledger) for ledger in catalog.all_ledgers().values())
    assert tuple(catalog.LEDGERS) == catalog.KINDS == REAL_KINDS  # the old names, read afresh
    assert catalog.IMPORT_KINDS == IMPORT_KINDS
    with pytest.raises(AttributeError):
        catalog.NO_SUCH_THING  # noqa: B018


def test_a_registered_area_s_ledger_is_in_the_catalogue(fake_area):
    assert catalog.kinds() == (*REAL_KINDS[:6], "fake", *REAL_KINDS[6:])
    assert "fake" not in catalog.import_kinds()
    assert catalog.get_ledger("fake") is FAKE_LEDGER and "fake" in catalog.LEDGERS
    assert get_spec("fake") is FAKE_SPEC
    assert catalog.file_name("fake", PERIOD, "红星中学") == f"红星中学测试台账（{YEAR}年度）.xlsx"


def test_unregistered_it_is_gone():
    areas.register(Area(key="fake", title="测试", ledgers=(f"{__name__}:FAKE_LEDGER",)))
    areas.unregister("fake")
    assert catalog.kinds() == REAL_KINDS
    with pytest.raises(Exception, match="没有“fake”台账"):
        catalog.get_ledger("fake")
    with pytest.raises(KeyError):
        get_spec("fake")


def test_it_exports_and_is_a_cli_kind(fake_area, cli, capsys, db_path, tmp_path):
    from union_desk.cli import build_parser

    args = build_parser().parse_args(["export", "ledger", "fake", "--year", str(YEAR), "-o", "x.xlsx"])
    assert args.kind == "fake"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "ledger", "-h"])
    assert "fake 测试台账" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # no importer: not an import kind
        build_parser().parse_args(["import", "ledger", "fake", "x.xlsx"])
    err = capsys.readouterr().err
    assert "'fake'" in err and "'visits'" in err and "'plan'" in err  # refused, the kinds listed

    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    target = tmp_path / "fake.xlsx"
    code, out, err = cli("--db", db_path, "export", "ledger", "fake", "--year", YEAR, "-o", target)
    assert code == 0, err
    assert "已导出测试台账" in out and "2 项" in out
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value.endswith(f"（{YEAR}年度）")
    assert [ws.cell(r, 2).value for r in (4, 5)] == ["甲", "乙"]


def test_the_pack_has_its_sheet(fake_area, db, tmp_path):
    from union_desk.ledgers.pack import write_pack

    result = write_pack(PERIOD, tmp_path / "pack.xlsx")
    names = openpyxl.load_workbook(result.path).sheetnames
    assert names.index("测试台账") == names.index("活动参与明细") + 1 == names.index("工作计划及完成情况") - 1
    assert ("测试台账", "测试台账", 2) in result.sheets


def test_the_dialog_and_the_page_offer_it(fake_area, qtbot, db):
    from union_desk.ui.books.ledger_page import LedgerPage
    from union_desk.ui.ledger_dialog import LedgerDialog
    from union_desk.ui.ledger_import_dialog import LedgerImportDialog

    dialog = LedgerDialog()
    page = LedgerPage()
    imports = LedgerImportDialog()
    for widget in (dialog, page, imports):
        qtbot.addWidget(widget)
    for boxes in (dialog.kind_boxes, page.panel.kind_boxes):
        assert list(boxes) == list(catalog.kinds()) and boxes["fake"].text() == "测试台账"
    offered = [imports.kind_combo.itemData(i) for i in range(imports.kind_combo.count())]
    assert offered == ["members", *IMPORT_KINDS]  # not the fake ledger nor the summary: nothing to import them with
