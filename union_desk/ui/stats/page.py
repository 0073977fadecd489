"""年度统计 page: a year (or 学年 / 学期) switch, the key paragraph, and each chart with its table.

The figures come from `services.stats` (computed off the UI thread), the tables beside the charts
are `stats.tables()` — the same rows as the PDF report and the xlsx sheet, which the two export
buttons write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.errors import UnionDeskError
from union_desk.services import plan
from union_desk.services import stats as stats_service
from union_desk.services.stats import StatTable, YearStats
from union_desk.ui.stats import charts
from union_desk.ui.widgets.task_runner import run_with_progress
from union_desk.ui.open_file import open_path

NUMBER_KINDS = ("int", "money", "rate")
# the tables whose chart stands above them (too wide to sit beside)
WIDE = ("visits_count", "visits_amount", "assistance", "activities")
# (row, column, columns spanned) of each section on the page
GRID = {
    "members_status": (0, 0, 1),
    "members_sex": (0, 1, 1),
    "members_age": (1, 0, 1),
    "members_department": (1, 1, 1),
    "visits_count": (2, 0, 2),
    "visits_amount": (3, 0, 2),
    "assistance": (4, 0, 2),
    "activities": (5, 0, 2),
    "plan": (6, 0, 2),
}
MONTH_TABLES = ("visits_count", "visits_amount")
MAX_DEPARTMENT_BARS = 15
MAX_ACTIVITY_BARS = 30


def documents_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def safe_name(name: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "union-desk"


class StatsPage(QWidget):
    """The statistics page (a main-window tab)."""

    PERIOD_KINDS = ("year", "school_year", "spring", "autumn")

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        today = today or dt.date.today()
        self.stats: YearStats | None = None
        self.charts: dict[str, object] = {}
        self.chart_views: dict[str, object] = {}
        self.tables: dict[str, QTableWidget] = {}

        # --- toolbar ---------------------------------------------------------------------------------
        self.year = QSpinBox()
        self.year.setRange(plan.MIN_YEAR, plan.MAX_YEAR)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" (year)"))
        self.kind = QComboBox()
        for kind, text in zip(
            self.PERIOD_KINDS,
            (
                self.tr("Calendar year"),
                self.tr("School year (Sep–Aug)"),
                self.tr("Spring term (Feb–Jul)"),
                self.tr("Autumn term (Sep–Jan)"),
            ),
        ):
            self.kind.addItem(text, kind)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.pdf_button = QPushButton(self.tr("Export PDF report"))
        self.xlsx_button = QPushButton(self.tr("Export Excel"))
        self.period_label = QLabel()
        self.period_label.setStyleSheet("color: #555;")
        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("Statistics for")))
        toolbar.addWidget(self.year)
        toolbar.addWidget(self.kind)
        toolbar.addWidget(self.refresh_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.period_label, 1)
        toolbar.addWidget(self.pdf_button)
        toolbar.addWidget(self.xlsx_button)

        # --- key paragraph ---------------------------------------------------------------------------
        self.paragraph = QLabel()
        self.paragraph.setWordWrap(True)
        self.paragraph.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paragraph.setStyleSheet("font-size: 11pt; line-height: 150%;")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the paragraph to paste it into a work summary"))
        key_box = QGroupBox(self.tr("Key figures (ready to quote in a work summary)"))
        key_layout = QHBoxLayout(key_box)
        key_layout.addWidget(self.paragraph, 1)
        key_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        # --- sections ----------------------------------------------------------------------------------
        self.content = QWidget()
        self.sections = QGridLayout(self.content)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QGroupBox] = {}
        self.notes: dict[str, QLabel] = {}
        for key, title in self._titles().items():
            self._add_section(key, title)
        self.sections.setRowStretch(self.sections.rowCount(), 1)
        self.sections.setColumnStretch(0, 1)
        self.sections.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(key_box)
        layout.addWidget(scroll, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.year.editingFinished.connect(self._period_changed)
        self.kind.currentIndexChanged.connect(self._period_changed)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.copy_button.clicked.connect(self.copy_paragraph)
        self._shown_period = None

    # --- building ---------------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {
            "members_status": self.tr("Members by status"),
            "members_sex": self.tr("Members by sex"),
            "members_age": self.tr("Members by age band"),
            "members_department": self.tr("Members by department"),
            "visits_count": self.tr("Visits per month by type (visits)"),
            "visits_amount": self.tr("Visit cash per month by type (yuan)"),
            "assistance": self.tr("Hardship assistance by kind"),
            "activities": self.tr("Activities: sign-ups, check-ins and participation"),
            "plan": self.tr("Plan completion per month"),
        }

    def _headers(self, table: StatTable) -> list[str]:
        """The translated column headers of a statistics table (same columns as the printed one)."""
        count_share = [self.tr("Members"), self.tr("Share")]
        if table.key in ("visits_count", "visits_amount"):
            months = [self.month_name(mo.month) for mo in self.stats.visits.months]
            return [self.tr("Visit type"), *months, self.tr("Total")]
        return {
            "members_status": [self.tr("Status"), *count_share],
            "members_sex": [self.tr("Sex"), *count_share],
            "members_age": [self.tr("Age band"), *count_share],
            "members_department": [self.tr("Department"), *count_share],
            "members_changes": [self.tr("Change"), self.tr("Members")],
            "assistance": [self.tr("Kind"), self.tr("Times"), self.tr("Households"), self.tr("Cash (yuan)"),
                           self.tr("Goods value (yuan)"), self.tr("Total (yuan)")],
            "activities": [self.tr("Activity"), self.tr("Date"), self.tr("Status"), self.tr("Signed up"),
                           self.tr("Waiting"), self.tr("Checked in"), self.tr("Eligible"), self.tr("Participation")],
            "plan": [self.tr("Month"), self.tr("Planned"), self.tr("Done"), self.tr("Cancelled"), self.tr("Completion")],
        }[table.key]

    def month_name(self, month: int) -> str:
        return self.tr("Month {m}").format(m=month)

    def _add_section(self, key: str, title: str) -> None:
        box = QGroupBox(title)
        box.setObjectName(f"stats_{key}")
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        table.verticalHeader().setVisible(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.tables[key] = table
        holder = QWidget()
        holder.setObjectName(f"chartHolder_{key}")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.chart_views[key] = holder
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.notes[key] = note
        if key in WIDE:
            inner = QVBoxLayout(box)
            inner.addWidget(holder)
            inner.addWidget(table)
            inner.addWidget(note)
        else:
            inner = QHBoxLayout(box)
            inner.addWidget(holder, 1)
            side = QVBoxLayout()
            side.addWidget(table)
            side.addWidget(note)
            side.addStretch(1)
            inner.addLayout(side, 0)
            if key == "members_department":
                changes = QTableWidget()
                changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                changes.verticalHeader().setVisible(False)
                changes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                changes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                self.tables["members_changes"] = changes
                caption = QLabel(self.tr("Changes in the period"))
                side.insertWidget(2, caption)
                side.insertWidget(3, changes)
        self.boxes[key] = box
        row, column, span = GRID[key]
        self.sections.addWidget(box, row, column, 1, span)

    # --- data -------------------------------------------------------------------------------------

    def period(self) -> plan.Period:
        return stats_service.make_period(self.year.value(), self.kind.currentData())

    def _period_changed(self) -> None:
        if self._shown_period != (self.year.value(), self.kind.currentData()):
            self.refresh()

    def refresh(self) -> None:
        period = self.period()

        def work(progress):
            progress(0, 0, QCoreApplication.translate("StatsPage", "Counting…"))
            return stats_service.year_stats(period)

        result, error = run_with_progress(self, self.tr("Statistics"), work, cancellable=False)
        if error is not None:
            self._show_error(self.tr("Statistics"), error)
            return
        self.show_stats(result)

    def show_stats(self, stats: YearStats) -> None:
        self.stats = stats
        self._shown_period = (self.year.value(), self.kind.currentData())
        period = stats.period
        self.period_label.setText(
            self.tr("{first} to {last}; members as of {as_of}").format(
                first=period.first_day.isoformat(), last=period.last_day.isoformat(), as_of=stats.as_of.isoformat()
            )
        )
        self.paragraph.setText(stats_service.key_paragraph(stats))
        tables = {t.key: t for t in stats_service.tables(stats)}
        for key, table in tables.items():
            self._fill_table(self.tables[key], table)
        for key in self._titles():
            self._set_chart(key, self._chart(tables[key]))
        self._fill_notes(stats)

    def _fill_notes(self, stats: YearStats) -> None:
        v, a, act = stats.visits, stats.assistance, stats.activities
        self.notes["members_status"].setText(
            self.tr("Members are those in service or retired: {n}.").format(n=stats.members.total)
        )
        self.notes["visits_count"].setText(
            self.tr("{count} visits to {people} members; {voided} voided record(s) not counted.").format(
                count=v.count, people=v.people, voided=v.voided
            )
        )
        self.notes["visits_amount"].setText(
            self.tr("Cash {cash} yuan; goods worth {goods} yuan besides.").format(
                cash=f"{v.amount:,.2f}", goods=f"{v.goods_value:,.2f}"
            )
        )
        self.notes["assistance"].setText(
            self.tr("{open} hardship files open, {helped} of them helped in the period (help rate {rate}); {opened} opened.").format(
                open=a.open_files, helped=a.helped_open, rate=stats_service.percent(a.help_rate), opened=a.opened
            )
        )
        text = self.tr("{held} activities held, {cancelled} cancelled (not counted). Participation = checked in (signed up before the day) / eligible members.").format(
            held=act.held, cancelled=act.cancelled
        )
        if act.held > MAX_ACTIVITY_BARS:
            text += " " + self.tr("The chart shows the first {n}.").format(n=MAX_ACTIVITY_BARS)
        self.notes["activities"].setText(text)
        self.notes["plan"].setText(self.tr("Completion = done / (planned − cancelled)."))
        departments = len(stats.members.by_department)
        self.notes["members_department"].setText(
            self.tr("The chart shows the {n} largest departments.").format(n=MAX_DEPARTMENT_BARS)
            if departments > MAX_DEPARTMENT_BARS
            else ""
        )

    def _fill_table(self, widget: QTableWidget, table: StatTable) -> None:
        headers = self._headers(table)
        rows = list(table.rows) + ([table.total] if table.total else [])
        widget.clear()
        widget.setColumnCount(len(headers))
        widget.setRowCount(len(rows))
        widget.setHorizontalHeaderLabels(headers)
        bold = widget.font()
        bold.setBold(True)
        for r, row in enumerate(rows):
            is_total = table.total is not None and r == len(rows) - 1
            for c, (value, kind) in enumerate(zip(row, table.kinds)):
                text = stats_service.format_cell(value, kind)
                if table.key in MONTH_TABLES and 0 < c < len(row) - 1 and not is_total and value == 0:
                    text = ""  # a month table full of zeros hides its figures
                if table.key == "plan" and c == 0 and not is_total and r < len(self.stats.plan.months):
                    text = self.month_name(self.stats.plan.months[r].month)
                if is_total and c == 0:
                    text = self.tr("Total") if table.key != "activities" else self.tr("Total ({n}; average participation)").format(n=self.stats.activities.held)
                item = QTableWidgetItem(text)
                if kind in NUMBER_KINDS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif kind == "date":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if is_total:
                    item.setFont(bold)
                widget.setItem(r, c, item)
        header = widget.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if table.key == "activities":
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        elif table.key in MONTH_TABLES:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        widget.resizeRowsToContents()
        widget.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if table.key not in WIDE else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if table.key not in WIDE:  # a narrow table takes the width of its columns, no more
            widget.resizeColumnsToContents()
            width = sum(widget.columnWidth(c) for c in range(widget.columnCount())) + 2 * widget.frameWidth() + 2
            widget.setFixedWidth(width)
        height = header.sizeHint().height() + widget.verticalHeader().length() + 2 * widget.frameWidth()
        widget.setFixedHeight(height)

    # --- charts -------------------------------------------------------------------------------------

    def _chart(self, table: StatTable):
        rows = table.rows
        labels = [r[0] for r in rows]
        if table.key in ("members_status", "members_sex"):
            return charts.pie(labels, [r[1] for r in rows]), 240
        if table.key == "members_age":
            return charts.bars(labels, [(self.tr("Members"), [r[1] for r in rows])], horizontal=True), 240
        if table.key == "members_department":
            shown = rows[:MAX_DEPARTMENT_BARS]
            names = [r[0] for r in shown]
            values = [r[1] for r in shown]
            if len(rows) > MAX_DEPARTMENT_BARS:
                names.append(self.tr("Other departments"))
                values.append(sum(r[1] for r in rows[MAX_DEPARTMENT_BARS:]))
            return charts.bars(names, [(self.tr("Members"), values)], horizontal=True), max(220, 26 * len(names) + 60)
        if table.key in ("visits_count", "visits_amount"):
            months = [self.month_name(mo.month) for mo in self.stats.visits.months]
            sets = [(r[0], r[1:-1]) for r in rows]
            chart = charts.bars(months, sets, stacked=True, money=table.key == "visits_amount",
                                legend=Qt.AlignmentFlag.AlignRight)
            if len(sets) == 1:
                chart.legend().setVisible(True)
                chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
            return chart, 320
        if table.key == "assistance":
            return charts.bars(labels, [(self.tr("Cash"), [r[3] for r in rows]), (self.tr("Goods value"), [r[4] for r in rows])],
                               stacked=True, money=True), 260
        if table.key == "activities":
            shown = rows[:MAX_ACTIVITY_BARS]
            names = [r[0] if len(r[0]) <= 16 else r[0][:15] + "…" for r in shown]
            sets = [(self.tr("Signed up"), [r[3] for r in shown]), (self.tr("Checked in"), [r[5] for r in shown])]
            return charts.bars(names, sets, horizontal=True), max(220, 34 * len(names) + 80)
        if table.key == "plan":
            months = [self.month_name(mo.month) for mo in self.stats.plan.months]
            planned = [mo.rate.total for mo in self.stats.plan.months]
            done = [mo.rate.done for mo in self.stats.plan.months]
            return charts.bars(months, [(self.tr("Planned"), planned), (self.tr("Done"), done)]), 280
        raise KeyError(table.key)

    def _set_chart(self, key: str, made) -> None:
        """Show the chart (or, when the period has no figures for it, a line saying so)."""
        chart, height = made
        holder = self.chart_views[key]
        layout = holder.layout()
        while layout.count():
            old = layout.takeAt(0).widget()  # a stretch item has no widget
            if old is not None:
                old.hide()  # at once: deleteLater waits for the event loop
                old.deleteLater()
        self.charts[key] = chart
        if not any(v for values in charts.series_values(chart).values() for v in values):
            empty = QLabel(self.tr("No figures in this period."))
            empty.setObjectName(f"chart_{key}")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setStyleSheet("color: #888; padding: 16px;")
            layout.addWidget(empty)
            empty.show()  # a layout shows new children only once the event loop runs
            return
        view = charts.chart_view(chart, height)
        view.setMaximumHeight(int(height * 1.25))  # beside a long neighbour, stay a chart, not a poster
        view.setObjectName(f"chart_{key}")
        layout.addWidget(view)
        layout.addStretch(1)
        view.show()

    # --- actions ------------------------------------------------------------------------------------

    def copy_paragraph(self) -> None:
        QGuiApplication.clipboard().setText(self.paragraph.text())

    def default_name(self) -> str:
        school = self.stats.school_name if self.stats else ""
        label = self.stats.label if self.stats else str(self.year.value())
        return safe_name(f"{school}{label}工会工作统计")

    def ask_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, title, str(documents_dir() / f"{self.default_name()}{suffix}"), file_filter)
        return Path(path) if path else None

    def open_file(self, path: Path) -> None:
        open_path(self, path)

    def _current_stats(self) -> YearStats | None:
        if self.stats is None or self._shown_period != (self.year.value(), self.kind.currentData()):
            self.refresh()
        return self.stats

    def export_pdf(self) -> Path | None:
        stats = self._current_stats()
        if stats is None:
            return None
        title = self.tr("Export PDF report")
        path = self.ask_path(title, ".pdf", self.tr("PDF files (*.pdf)"))
        if path is None:
            return None

        def work(progress):
            from union_desk.printing.stats_report import print_stats_report

            progress(0, 0, QCoreApplication.translate("StatsPage", "Writing {name}…").format(name=path.name))
            return print_stats_report(stats.period, path, stats=stats).path

        return self._export(title, work)

    def export_xlsx(self) -> Path | None:
        stats = self._current_stats()
        if stats is None:
            return None
        title = self.tr("Export Excel")
        path = self.ask_path(title, ".xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if path is None:
            return None

        def work(progress):
            from union_desk.ledgers.stats_sheet import write_stats_workbook

            progress(0, 0, QCoreApplication.translate("StatsPage", "Writing {name}…").format(name=path.name))
            return write_stats_workbook(stats.period, path, stats=stats)

        return self._export(title, work)

    def _export(self, title: str, work) -> Path | None:
        written, error = run_with_progress(self, title, work, cancellable=False)
        if error is not None:
            self._show_error(title, error)
            return None
        self.open_file(written)
        return written

    def _show_error(self, title: str, error: Exception) -> None:
        text = error.message if isinstance(error, UnionDeskError) else str(error)
        QMessageBox.critical(self, title, text)

