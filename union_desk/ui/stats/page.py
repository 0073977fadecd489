"""年度统计 page: a year (or 学年 / 学期) switch, the key paragraph, and each chart with its table.

The figures come from `services.stats` (computed off the UI thread), the tables beside the charts
are `stats.tables()` — the same rows as the PDF report and the xlsx sheet, which the two export
buttons write. The page names no area: it shows every registered section's tables in order, a box
per table (two half-width boxes a row, or one across), laid out, charted and titled as the table's
`look` says (`services.stats.TableLook`); the notes are the sections' `screen_notes`.
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
from union_desk.services import stats as stats_service
from union_desk.services.stats import Period, StatTable, YearStats
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.stats import charts
from union_desk.ui.widgets.task_runner import run_with_progress
from union_desk.ui.open_file import open_path

NUMBER_KINDS = ("int", "money", "rate")
CONTEXT = "StatsPage"  # the sections' own words (English sources) are translated in this context


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


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
        self.year.setRange(stats_service.MIN_YEAR, stats_service.MAX_YEAR)
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

        # --- sections (built from the first figures' tables) ---------------------------------------------
        self.boxes: dict[str, QGroupBox] = {}
        self.notes: dict[str, QLabel] = {}
        self._sides: dict[str, QVBoxLayout] = {}
        self._built: tuple[str, ...] | None = None  # the table keys the boxes were built for
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll
        self._new_content()
        scroll.setWidget(self.content)

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

    def _new_content(self) -> None:
        self.content = QWidget()
        self.sections = QGridLayout(self.content)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections.setColumnStretch(0, 1)
        self.sections.setColumnStretch(1, 1)

    def _build(self, tables: list[StatTable]) -> None:
        """A box per table, in order: two half-width boxes a row, or one across (`look.span`)."""
        for mapping in (self.boxes, self.notes, self.tables, self.chart_views, self.charts, self._sides):
            mapping.clear()
        self._new_content()
        row = column = 0
        last_box = None
        for table in tables:
            if table.look.join and last_box is not None:
                self._join(last_box, table)
                continue
            box = self._add_box(table)
            last_box = table.key
            if table.look.span >= 2:
                if column:
                    row, column = row + 1, 0
                self.sections.addWidget(box, row, 0, 1, 2)
                row += 1
            else:
                self.sections.addWidget(box, row, column, 1, 1)
                column += 1
                if column == 2:
                    row, column = row + 1, 0
        self.sections.setRowStretch(self.sections.rowCount(), 1)
        self.scroll.setWidget(self.content)  # the old content goes with its boxes
        self.content.show()
        self._built = tuple(t.key for t in tables)

    def _title(self, table: StatTable) -> str:
        return _t(table.look.title) if table.look.title else table.title

    def _headers(self, table: StatTable) -> list[str]:
        """The translated column headers of a statistics table (same columns as the printed one)."""
        look = table.look
        if not look.headers:
            return list(table.headers)
        names = [_t(h) for h in look.headers]
        if table.months:  # the first and the last header; the months between
            return [names[0], *(self.month_name(m) for m in table.months), names[-1]]
        return names

    def month_name(self, month: int) -> str:
        return self.tr("Month {m}").format(m=month)

    def _new_table(self, *, select: bool = True) -> QTableWidget:
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if select:
            table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        table.verticalHeader().setVisible(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return table

    def _add_box(self, stat: StatTable) -> QGroupBox:
        key, look = stat.key, stat.look
        box = QGroupBox(self._title(stat))
        box.setObjectName(f"stats_{key}")
        table = self._new_table()
        self.tables[key] = table
        holder = None
        if look.chart is not None:
            holder = QWidget()
            holder.setObjectName(f"chartHolder_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.chart_views[key] = holder
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.notes[key] = note
        if not look.beside:  # a wide table: the chart above it
            inner = QVBoxLayout(box)
            if holder is not None:
                inner.addWidget(holder)
            inner.addWidget(table)
            inner.addWidget(note)
        else:
            inner = QHBoxLayout(box)
            if holder is not None:
                inner.addWidget(holder, 1)
            side = QVBoxLayout()
            side.addWidget(table)
            side.addWidget(note)
            side.addStretch(1)
            inner.addLayout(side, 0)
            self._sides[key] = side
        self.boxes[key] = box
        return box

    def _join(self, box_key: str, stat: StatTable) -> None:
        """A table shown in the box before, under its table, with its title as a caption."""
        table = self._new_table(select=False)
        self.tables[stat.key] = table
        caption = QLabel(self._title(stat))
        side = self._sides.get(box_key)
        if side is not None:  # before the stretch
            side.insertWidget(side.count() - 1, caption)
            side.insertWidget(side.count() - 1, table)
        else:
            layout = self.boxes[box_key].layout()
            layout.addWidget(caption)
            layout.addWidget(table)

    # --- data -------------------------------------------------------------------------------------

    def period(self) -> Period:
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
        tables = stats_service.tables(stats)
        if self._built != tuple(t.key for t in tables):
            self._build(tables)
        for table in tables:
            self._fill_table(self.tables[table.key], table)
        for table in tables:
            if table.key in self.chart_views:
                self._set_chart(table.key, self._chart(table))
        self._fill_notes(stats)

    def _fill_notes(self, stats: YearStats) -> None:
        found = stats_service.screen_notes(stats)
        for key, label in self.notes.items():
            label.setText(" ".join(_t(source).format(**args) for source, args in found.get(key, [])))

    def _fill_table(self, widget: QTableWidget, table: StatTable) -> None:
        look = table.look
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
                if table.months and 0 < c < len(row) - 1 and not is_total and value == 0:
                    text = ""  # a month table full of zeros hides its figures
                if table.row_months and c == 0 and not is_total and r < len(table.row_months):
                    text = self.month_name(table.row_months[r])
                if is_total and c == 0:
                    text = _t(look.total).format(n=len(table.rows), **dict(look.total_args)) if look.total else self.tr("Total")
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
        if look.wide_first:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        elif table.months:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        widget.resizeRowsToContents()
        widget.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if look.beside else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if look.beside:  # a narrow table takes the width of its columns, no more
            widget.resizeColumnsToContents()
            width = sum(widget.columnWidth(c) for c in range(widget.columnCount())) + 2 * widget.frameWidth() + 2
            widget.setFixedWidth(width)
        height = header.sizeHint().height() + widget.verticalHeader().length() + 2 * widget.frameWidth()
        widget.setFixedHeight(height)

    # --- charts -------------------------------------------------------------------------------------

    def _chart(self, table: StatTable):
        """(chart, height) as the table's `look.chart` describes it."""
        spec = table.look.chart
        rows = table.rows
        if table.row_months:  # a table by month: the months charted, under the page's month names
            rows = rows[: len(table.row_months)]
            labels = [self.month_name(m) for m in table.row_months]
        else:
            labels = [r[0] for r in rows]
        if spec.kind == "pie":
            column = spec.series[0].column if spec.series else 1
            return charts.pie(labels, [r[column] for r in rows]), spec.screen_height
        if spec.series:
            shown = rows[: spec.limit] if spec.limit else rows
            names = [_short(n, spec.shorten) if spec.shorten else n for n in labels[: len(shown)]]
            sets = [(_t(s.screen) if s.screen else s.label, [r[s.column] for r in shown]) for s in spec.series]
            if spec.limit and spec.rest and len(rows) > spec.limit:
                names.append(_t(spec.rest_screen) if spec.rest_screen else spec.rest)
                for s, (_name, values) in zip(spec.series, sets):
                    values.append(sum(r[s.column] for r in rows[spec.limit:]))
        else:  # a month table: one set per row over the month columns
            names = [self.month_name(m) for m in table.months] if table.months else list(table.headers[1:-1])
            sets = [(r[0], r[1:-1]) for r in rows]
        kind = spec.screen_kind or spec.kind
        chart = charts.bars(names, sets, horizontal=kind == "hbar", stacked=kind == "stacked", money=spec.money,
                            legend=Qt.AlignmentFlag.AlignRight if spec.legend_right else None)
        if spec.legend_right and len(sets) == 1:
            chart.legend().setVisible(True)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        if spec.screen_per_row:
            return chart, max(220, spec.screen_per_row * len(names) + spec.screen_height)
        return chart, spec.screen_height

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

