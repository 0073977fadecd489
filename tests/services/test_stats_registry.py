"""年度统计 knows the areas only through the registry: a fake area's statistics section, registered
at run time, shows in the tables, the key paragraph, the JSON, the xlsx sheet, the PDF report, the
statistics page and the CLI, in its order; and the common modules name no area."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from union_desk import areas
from union_desk.areas import Area
from union_desk.services import stats
from union_desk.services.stats import Chart, Note, Series, StatsSection, StatTable, TableLook

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the area below names this module as tests.services.test_stats_registry
    sys.path.insert(0, str(ROOT))

YEAR = 2026
REFERENCE = "tests.services.test_stats_registry:FAKE_SECTION"


@dataclass
class FakeFigures:
    year: int
    as_of: dt.date
    things: int = 3


def fake_tables(data: FakeFigures, year_stats) -> list[StatTable]:
    return [
        StatTable("fake_things", "测试事项", ["事项", "数量"], ["text", "int"], [["甲事项", 2], ["乙事项", 1]],
                  ["合计", data.things], "bar", "项",
                  TableLook(Chart("bar", (Series(1, "数量"),), height=40, screen_height=200), beside=True, span=2)),
    ]


FAKE_SECTION = StatsSection(
    key="fake",
    order=45,  # between 活动 (40) and 工作计划 (50)
    heading="测试工作",
    compute=lambda period, as_of: FakeFigures(period.first_day.year, as_of),
    tables=fake_tables,
    paragraph=lambda data, year_stats: f"测试事项共{data.things}项",
    as_json=lambda data: {"things": data.things, "year": data.year},
    notes=lambda data, year_stats: {"fake_things": "测试注释：甲乙两项。"},
    screen_notes=lambda data, year_stats: {"fake_things": [("Fake note: {n} things.", {"n": data.things})]},
    sheet_notes=lambda data, year_stats: [Note("测试表注。")],
)


@pytest.fixture
def fake_area():
    areas.register(Area(key="fake", title="测试", stats=(REFERENCE,)))
    try:
        yield
    finally:
        areas.unregister("fake")


@pytest.fixture
def figures(db, fake_area):
    return stats.year_stats(YEAR, today=dt.date(YEAR, 6, 30))


def test_the_section_is_computed_in_its_order(figures):
    assert [s.key for s in stats.sections()] == ["members", "membership", "visits", "assistance", "activities", "fake", "plan", "congress", "funds", "meetings", "honours"]
    assert list(figures.sections) == ["members", "membership", "visits", "assistance", "activities", "fake", "plan", "congress", "funds", "meetings", "honours"]
    assert figures.fake.things == 3 and figures.fake.year == YEAR  # read through YearStats like the others
    assert figures.sections["fake"] is figures.fake
    with pytest.raises(AttributeError):
        figures.no_such_section  # noqa: B018


def test_tables_paragraph_and_json(figures):
    keys = [t.key for t in stats.tables(figures)]
    assert keys.index("activities") < keys.index("fake_things") < keys.index("plan")
    paragraph = stats.key_paragraph(figures)
    assert "；测试事项共3项；" in paragraph or paragraph.endswith("；测试事项共3项。")
    assert paragraph.index("测试事项共3项") > paragraph.index("未登记走访慰问")
    data = json.loads(json.dumps(stats.as_json(figures), ensure_ascii=False))
    assert data["fake"] == {"things": 3, "year": YEAR}
    assert list(data) == ["period", "school_name", "members", "membership", "membership_rate", "visits", "assistance",
                          "activities", "fake", "plan", "congress", "funds", "meetings", "honours", "paragraph"]
    notes = stats.sheet_notes(figures)
    assert "测试表注。" in notes and notes.index("测试表注。") < len(notes) - 1


def test_unregistered_it_is_gone(db, fake_area):
    areas.unregister("fake")
    plain = stats.year_stats(YEAR)
    assert "fake" not in plain.sections and "fake_things" not in [t.key for t in stats.tables(plain)]
    assert "测试事项" not in stats.key_paragraph(plain)


def test_xlsx_sheet_has_the_table_and_its_note(figures, tmp_path):
    from union_desk.ledgers.stats_sheet import SHEET_NAME, table_rows, write_stats_workbook

    ws = openpyxl.load_workbook(write_stats_workbook(figures.period, tmp_path / "统计.xlsx", stats=figures))[SHEET_NAME]
    table = next(t for t in stats.tables(figures) if t.key == "fake_things")
    head = table_rows(ws, table)
    assert head
    assert [ws.cell(head, c).value for c in (1, 2)] == ["事项", "数量"]
    assert [[ws.cell(r, c).value for c in (1, 2)] for r in range(head + 1, head + 4)] == [["甲事项", 2], ["乙事项", 1], ["合计", 3]]
    assert ws.cell(head + 3, 1).font.bold
    plan_head = table_rows(ws, next(t for t in stats.tables(figures) if t.key == "plan"))
    activities_head = table_rows(ws, next(t for t in stats.tables(figures) if t.key == "activities"))
    assert activities_head < head < plan_head
    assert ws["A3"].value == stats.key_paragraph(figures)
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "　　测试表注。" in values


def test_pdf_report_has_its_chapter_table_and_note(figures, tmp_path):
    from union_desk.printing.stats_report import print_stats_report

    out = tmp_path / "统计.pdf"
    print_stats_report(figures.period, out, stats=figures)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "五、活动开展" in flat and "六、测试工作" in flat and "七、工作计划完成情况" in flat
    assert flat.index("五、活动开展") < flat.index("六、测试工作") < flat.index("七、工作计划完成情况")
    assert "测试事项" in flat and "甲事项2" in flat and "合计3" in flat
    assert "测试注释：甲乙两项。" in flat
    assert "测试事项共3项" in flat


def test_statistics_page_shows_it(db, fake_area, qtbot, qapp, monkeypatch):
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import QMessageBox

    from union_desk.ui.stats import charts
    from union_desk.ui.stats.page import StatsPage

    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a))
    page = StatsPage(today=dt.date(YEAR, 6, 30))
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.refresh()
    assert not errors
    box = page.boxes["fake_things"]
    assert box.title() == "测试事项"  # no English title given: the printed one
    widget = page.tables["fake_things"]
    assert [widget.horizontalHeaderItem(c).text() for c in range(2)] == ["事项", "数量"]
    assert [[widget.item(r, c).text() for c in range(2)] for r in range(2)] == [["甲事项", "2"], ["乙事项", "1"]]
    assert widget.item(2, 1).text() == "3"
    assert charts.series_values(page.charts["fake_things"]) == {"数量": [2.0, 1.0]}
    assert page.chart_views["fake_things"].findChild(QChartView, "chart_fake_things") is not None
    assert page.notes["fake_things"].text() == "Fake note: 3 things."
    assert "测试事项共3项" in page.paragraph.text()
    grid = page.sections
    row_of = {key: grid.getItemPosition(grid.indexOf(b))[0] for key, b in page.boxes.items()}
    assert row_of["activities"] < row_of["fake_things"] < row_of["plan"]
    assert grid.getItemPosition(grid.indexOf(box))[3] == 2  # across the page

    areas.unregister("fake")  # the page rebuilds its boxes when the sections change
    page.refresh()
    assert "fake_things" not in page.boxes and "fake_things" not in page.tables
    assert "plan" in page.boxes and page.tables["plan"].rowCount() > 0


def test_cli_prints_it(fake_area, db_path, capsys):
    from union_desk.cli import main
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    assert main(["--db", str(db_path), "stats", "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert "【测试事项】" in out and "测试事项共3项" in out
    assert out.index("【活动报名、签到与参与率】") < out.index("【测试事项】") < out.index("【工作计划完成情况（按月）】")
    assert main(["--db", str(db_path), "stats", "--year", str(YEAR), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fake"]["things"] == 3


COMMON = (
    "union_desk/services/stats.py",
    "union_desk/printing/stats_report.py",
    "union_desk/ledgers/stats_sheet.py",
    "union_desk/ui/stats/page.py",
    "union_desk/ui/stats/charts.py",
    "union_desk/commands/stats.py",
)


@pytest.mark.parametrize("path", COMMON)
def test_common_modules_name_no_section(path):
    """The sections' keys and table keys appear only in their own modules."""
    source = (ROOT / path).read_text(encoding="utf-8")
    for key in [s.key for s in stats.sections()]:
        assert f'"{key}"' not in source and f"'{key}'" not in source, (path, key)
    for name in ("member_stats", "visit_stats", "assistance_stats", "activity_stats", "plan_stats"):
        assert name not in source, (path, name)
    for key in ("members_status", "members_department", "visits_count", "visits_amount", "assistance"):
        assert f'"{key}"' not in source, (path, key)
