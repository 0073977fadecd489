"""年度统计 page (pytest-qt, offscreen): charts render with the expected series, tables repeat the
figures, the period switch, the paragraph, the two exports."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QChartView, QPieSeries
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from union_desk.services import stats
from union_desk.ui import i18n
from union_desk.ui.stats import charts
from union_desk.ui.stats.page import StatsPage

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, qapp, demo_db):
    i18n.install(qapp, "zh_CN")
    widget = StatsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    yield widget
    i18n.install(qapp, "zh_CN")


def screenshot(page: StatsPage, name: str) -> None:
    folder = os.environ.get("UNION_DESK_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(Path(folder) / f"{name}.png"))
    page.content.grab().save(str(Path(folder) / f"{name}-all.png"))


def distinct_colours(image, step: int = 7) -> int:
    seen = set()
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_every_chart_renders_offscreen(page):
    figures = page.stats
    assert figures is not None and figures.period.kind == "year"
    screenshot(page, "stats-page")
    empty = {t.key for t in stats.tables(figures) if not any(
        v for row in t.rows for v, k in zip(row, t.kinds) if k in ("int", "money") and v)}
    for key, holder in page.chart_views.items():
        shown = holder.findChild(QChartView, f"chart_{key}") or holder.findChild(QLabel, f"chart_{key}")
        assert shown is not None, key
        if key in empty:
            assert isinstance(shown, QLabel), key
            continue
        assert isinstance(shown, QChartView), key
        image = shown.grab().toImage()
        assert not image.isNull() and image.width() > 200 and image.height() > 150, key
        assert distinct_colours(image) > 5, key  # more than a blank background


def test_chart_fonts_have_chinese_glyphs(page):
    for key, chart in page.charts.items():
        for font in [chart.legend().font(), *(axis.labelsFont() for axis in chart.axes())]:
            metrics = QFontMetrics(font)
            assert all(metrics.inFontUcs4(ord(ch)) for ch in "在职退休月慰问"), (key, font.families())


def test_series_have_the_figures(page):
    figures = page.stats
    m, v, act, p = figures.members, figures.visits, figures.activities, figures.plan
    status = charts.series_values(page.charts["members_status"])
    assert {label.rsplit(" ", 1)[0]: values[0] for label, values in status.items()} == {k: n for k, n in m.by_status.items() if n}
    assert isinstance(page.charts["members_status"].series()[0], QPieSeries)
    sex = charts.series_values(page.charts["members_sex"])
    assert {label.rsplit(" ", 1)[0]: values[0] for label, values in sex.items()} == {k: n for k, n in m.by_sex.items() if n}
    age = page.charts["members_age"]
    assert charts.categories(age) == list(reversed(list(m.by_age)))  # horizontal: first band on top
    assert list(charts.series_values(age).values())[0] == list(reversed(list(m.by_age.values())))
    dept = page.charts["members_department"]
    assert list(reversed(charts.categories(dept))) == [d for d, _n in m.by_department][:15]
    count_chart = page.charts["visits_count"]
    assert charts.categories(count_chart) == [f"{mo.month}月" for mo in v.months]
    assert charts.series_values(count_chart) == {t: [mo.counts[t] for mo in v.months] for t in v.types}
    amount_chart = charts.series_values(page.charts["visits_amount"])
    assert amount_chart == {t: [float(mo.amounts[t]) for mo in v.months] for t in v.types}
    activities = charts.series_values(page.charts["activities"])
    assert list(reversed(activities["报名人数"])) == [r.signed_up for r in act.rows][:30]
    assert list(reversed(activities["签到人数"])) == [r.checked_in for r in act.rows][:30]
    plan_chart = charts.series_values(page.charts["plan"])
    assert plan_chart["计划项数"] == [mo.rate.total for mo in p.months]
    assert plan_chart["已完成"] == [mo.rate.done for mo in p.months]


def table_texts(widget):
    return [[widget.item(r, c).text() for c in range(widget.columnCount())] for r in range(widget.rowCount())]


def test_tables_match_the_statistics(page):
    figures = page.stats
    for table in stats.tables(figures):
        widget = page.tables[table.key]
        rows = table.rows + ([table.total] if table.total else [])
        assert widget.rowCount() == len(rows), table.key
        assert widget.columnCount() == len(table.headers), table.key
        texts = table_texts(widget)
        for r, row in enumerate(rows):
            for c, (value, kind) in enumerate(zip(row, table.kinds)):
                if c == 0 and (r == len(rows) - 1 and table.total or table.key == "plan"):
                    continue  # 合计 / month names are the page's own words
                expected = stats.format_cell(value, kind)
                if table.key in ("visits_count", "visits_amount") and 0 < c < len(row) - 1 and value == 0 and r < len(table.rows):
                    expected = ""
                assert texts[r][c] == expected, (table.key, r, c)
        headers = [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())]
        assert headers == table.headers or table.key == "plan" and headers[1:] == table.headers[1:], (table.key, headers)
    assert page.tables["plan"].item(0, 0).text() == "1月"
    total = page.tables["members_status"].item(len(figures.members.by_status), 0).text()
    left = sum(figures.members.by_status.values()) - figures.members.total
    assert total == (f"合计（含离会{left}人）" if left else "合计")


def test_paragraph_and_copy(page):
    assert page.paragraph.text() == stats.key_paragraph(page.stats)
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == page.paragraph.text()
    assert str(TODAY.year) in page.period_label.text()


def test_switch_to_a_school_year(page, qtbot):
    page.year.setValue(TODAY.year - 1)
    page.kind.setCurrentIndex(page.kind.findData("school_year"))
    figures = page.stats
    assert figures.period.kind == "school_year" and figures.period.first_day == dt.date(TODAY.year - 1, 9, 1)
    assert page.tables["visits_count"].horizontalHeaderItem(1).text() == "9月"
    assert charts.categories(page.charts["plan"])[0] == "9月"
    assert page.paragraph.text().startswith(f"{TODAY.year - 1}—{TODAY.year}学年，")
    screenshot(page, "stats-page-school-year")


def test_exports_write_the_files(page, tmp_path, monkeypatch):
    from pypdf import PdfReader

    opened = []
    monkeypatch.setattr(page, "open_file", lambda path: opened.append(Path(path)))
    monkeypatch.setattr(page, "ask_path", lambda title, suffix, _f: tmp_path / f"统计{suffix}")
    written = page.export_pdf()
    assert written == tmp_path / "统计.pdf" and opened[-1] == written
    text = "".join("".join(p.extract_text() for p in PdfReader(str(written)).pages).split())
    assert "".join(stats.key_paragraph(page.stats).split()) in text
    written = page.export_xlsx()
    assert written == tmp_path / "统计.xlsx" and opened[-1] == written
    ws = openpyxl.load_workbook(written).active
    assert ws["A3"].value == page.paragraph.text()


def test_export_cancelled_writes_nothing(page, tmp_path, monkeypatch):
    monkeypatch.setattr(page, "ask_path", lambda *a: None)
    assert page.export_pdf() is None and page.export_xlsx() is None
    assert not list(tmp_path.glob("*.pdf"))


def test_main_window_has_the_statistics_tab(qtbot, qapp, demo_db, db_path):
    from union_desk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    keys = win.nav.keys
    assert keys.index("stats") == keys.index("ledgers") + 1 and keys[-1] == "stats"
    assert win.nav.currentItem().text() != "年度统计"
    win.show_page("stats")
    assert win.nav.currentItem().text() == "年度统计"
    assert win.page("stats").stats is not None
    first = win.page("stats").stats
    win.show_page("home")
    win.show_page("stats")
    assert win.page("stats").stats is first  # nothing changed: not counted again
    win.show_page("home")
    from union_desk.services import members
    from union_desk.ui.change_bus import bus

    members.create_member({"name": "新来的", "status": "在职"})
    bus().flush()
    win.show_page("stats")
    assert win.page("stats").stats is not first  # a member was added: counted again
