"""工作计划 tab: the month grid (main view) with a day panel, and a list view by month.

The grid shows every day of the month with plan items, activities, 休/班 days and birthdays;
clicking a day lists everything on it at the right, double-clicking adds an item on that day.
The list view shows the items of a year, a term or a 学年 with status colours. Buttons generate
the year from the template, open the template and show the completion rates.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import PlanItem
from union_desk.errors import UnionDeskError
from union_desk.services import plan, plan_calendar, plan_template
from union_desk.ui.plan import styles
from union_desk.ui.plan.completion_dialog import CompletionDialog
from union_desk.ui.plan.item_dialog import ItemDialog
from union_desk.ui.plan.month_grid import MonthGrid
from union_desk.ui.plan.template_dialog import TemplateDialog
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column, RecordTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanItemModel(RecordTableModel):
    """Plan items with their status colour on the status column and struck-out cancelled titles."""

    status_column = 5
    title_column = 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            item = self.records[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.status_column:
                return QBrush(styles.status_colors(item.status)[0])
            if role == Qt.ItemDataRole.ForegroundRole:
                if index.column() == self.status_column or item.status == plan.CANCELLED:
                    return QBrush(styles.status_colors(item.status)[1])
            cancelled_title = item.status == plan.CANCELLED and index.column() == self.title_column
            if role == Qt.ItemDataRole.FontRole and cancelled_title:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return super().data(index, role)


class PlanTab(QWidget):

    def __init__(self, parent=None):
        super().__init__(parent)
        today = dt.date.today()
        self.shown_year, self.shown_month = today.year, today.month
        self.selected_day: dt.date | None = today
        self.events: plan_calendar.MonthEvents | None = None
        self._links: dict[int, dict[str, int]] = {}

        # --- toolbar ---------------------------------------------------------------------------------
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.month_label = QLabel()
        self.month_label.setObjectName("planMonthTitle")
        self.month_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.month_label.setMinimumWidth(120)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_button = QPushButton(self.tr("This month"))
        self.year = QSpinBox()
        self.year.setRange(plan.MIN_YEAR, plan.MAX_YEAR)
        self.year.setValue(self.shown_year)
        self.year.setSuffix(self.tr(" (year)"))
        self.view_month = QToolButton()
        self.view_month.setText(self.tr("Calendar"))
        self.view_list = QToolButton()
        self.view_list.setText(self.tr("List"))
        self.view_group = QButtonGroup(self)
        for i, button in enumerate((self.view_month, self.view_list)):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_group.addButton(button, i)
        self.view_month.setChecked(True)
        self.add_button = QPushButton(self.tr("New item…"))
        self.generate_button = QPushButton(self.tr("Generate from template"))
        self.template_button = QPushButton(self.tr("Template…"))
        self.completion_button = QPushButton(self.tr("Completion…"))
        self.print_button = QPushButton(self.tr("Print plan…"))
        self.import_button = QPushButton(self.tr("Import plan…"))

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.prev_button)
        toolbar.addWidget(self.month_label)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.today_button)
        toolbar.addSpacing(8)
        toolbar.addWidget(self.year)
        toolbar.addSpacing(8)
        toolbar.addWidget(self.view_month)
        toolbar.addWidget(self.view_list)
        toolbar.addStretch(1)
        for button in (self.add_button, self.generate_button, self.template_button, self.completion_button,
                       self.print_button, self.import_button):
            toolbar.addWidget(button)

        # --- the line under the toolbar: legend, month figures, estimate note ----------------------
        self.legend = self._legend()
        self.month_summary = QLabel()
        self.month_summary.setStyleSheet("color: #444;")
        self.estimate_label = QLabel()
        self.estimate_label.setStyleSheet(f"color: {styles.ESTIMATE_TEXT}; font-weight: bold;")
        self.estimate_label.hide()
        info = QHBoxLayout()
        info.addWidget(self.legend)
        info.addSpacing(12)
        info.addWidget(self.month_summary)
        info.addStretch(1)
        info.addWidget(self.estimate_label)

        # --- calendar page ----------------------------------------------------------------------------
        self.grid = MonthGrid()
        self.day_title = QLabel()
        self.day_title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.day_info = QLabel()
        self.day_info.setWordWrap(True)
        self.day_list = QListWidget()
        self.day_list.setWordWrap(True)
        self.add_on_day_button = QPushButton(self.tr("New item on this day…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.done_button = QPushButton(self.tr("Mark done"))
        day_buttons = QHBoxLayout()
        for button in (self.add_on_day_button, self.edit_button, self.done_button):
            day_buttons.addWidget(button)
        self.undated_box = QGroupBox()
        self.undated_list = QListWidget()
        for widget in (self.day_list, self.undated_list):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        undated_layout = QVBoxLayout(self.undated_box)
        undated_layout.setContentsMargins(6, 6, 6, 6)
        undated_layout.addWidget(self.undated_list)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_info)
        side_layout.addWidget(self.day_list, 3)
        side_layout.addLayout(day_buttons)
        side_layout.addWidget(self.undated_box, 2)
        side.setMinimumWidth(220)
        side.setMaximumWidth(420)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([860, 300])
        self.splitter.setChildrenCollapsible(False)

        # --- list page ----------------------------------------------------------------------------------
        columns = [
            Column(self.tr("Month"), self._month_text, 60),
            Column(self.tr("Date"), plan.when_text, 110),
            Column(self.tr("Item"), lambda i: i.title, 280),
            Column(self.tr("Category"), lambda i: i.category, 80),
            Column(self.tr("Responsible"), lambda i: i.responsible, 90),
            Column(self.tr("Status"), lambda i: i.status, 70),
            Column(self.tr("Linked records"), self._links_text, 110),
            Column(self.tr("Notes"), lambda i: i.notes, 200),
        ]
        self.period = QComboBox()
        self.list = RecordList(columns, self._fetch_list, self.tr("Search item, responsible person or notes"))
        self.list.model = PlanItemModel(columns, self.list)
        self.list.view.setModel(self.list.model)
        self.list.toolbar.insertWidget(0, self.period)
        self.list.activated.connect(self.edit_item)
        self._fill_periods()

        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(toolbar)
        layout.addLayout(info)
        layout.addWidget(self.stack, 1)

        # --- wiring ----------------------------------------------------------------------------------------
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button.clicked.connect(self.go_today)
        self.year.valueChanged.connect(self._year_changed)
        self.view_group.idClicked.connect(self.stack.setCurrentIndex)
        self.period.currentIndexChanged.connect(lambda _i: self.list.refresh())
        self.grid.dayClicked.connect(self.select_day)
        self.grid.dayActivated.connect(self.add_item_on)
        self.grid.dayOutside.connect(self._keyboard_outside)
        self.add_button.clicked.connect(lambda: self.add_item_on(None))
        self.add_on_day_button.clicked.connect(lambda: self.add_item_on(self.selected_day))
        self.edit_button.clicked.connect(self._edit_selected)
        self.done_button.clicked.connect(self._mark_selected_done)
        self._picked_entry = None
        self.day_list.currentItemChanged.connect(lambda e, _p: self._picked(self.day_list, e))
        self.undated_list.currentItemChanged.connect(lambda e, _p: self._picked(self.undated_list, e))
        self.day_list.itemDoubleClicked.connect(self._open_entry)
        self.undated_list.itemDoubleClicked.connect(self._open_entry)
        self.generate_button.clicked.connect(self.generate)
        self.template_button.clicked.connect(self.open_template)
        self.completion_button.clicked.connect(self.show_completion)
        self.print_button.clicked.connect(self.print_plan)
        self.import_button.clicked.connect(self.import_plan)
        self._update_month_label()

    # --- texts --------------------------------------------------------------------------------------

    def _legend(self) -> QWidget:
        """One small label per status colour, the activity outline, and what the grid's ♥ and
        休/班 marks mean."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for status in plan.STATUSES:
            bg, fg = styles.STATUS_COLORS[status]
            label = QLabel(status)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setStyleSheet(f"background: {bg}; color: {fg}; padding: 1px 5px; border-radius: 3px;")
            row.addWidget(label)
        activity = QLabel(self.tr("Activity"))
        activity.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        fg = styles.ACTIVITY_COLORS[1]
        activity.setStyleSheet(f"color: {fg}; border: 1px solid {fg}; padding: 0px 5px; border-radius: 3px;")
        row.addWidget(activity)
        row.addSpacing(8)
        # the marks of the month grid (month_grid.py): ♥n birthdays, 休 / 班 badges
        marks = [
            ("♥", f"color: {styles.BIRTHDAY_COLOR}; font-weight: bold;", self.tr("birthdays")),
            (QCoreApplication.translate("MonthGrid", "Off"),
             f"background: {styles.HOLIDAY_BADGE}; color: white; padding: 0px 3px; border-radius: 3px;",
             self.tr("day off")),
            (QCoreApplication.translate("MonthGrid", "Workday"),
             f"background: {styles.WORKDAY_BADGE}; color: white; padding: 0px 3px; border-radius: 3px;",
             self.tr("make-up workday")),
        ]
        self.legend_marks: list[tuple[QLabel, QLabel]] = []
        for mark, style, meaning in marks:
            sign = QLabel(mark)
            sign.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            sign.setStyleSheet(style)
            words = QLabel(meaning)
            words.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            words.setStyleSheet("color: #444;")
            row.addWidget(sign)
            row.addWidget(words)
            row.addSpacing(4)
            self.legend_marks.append((sign, words))
        box.setToolTip(self.tr(
            "♥3: three members have their birthday that day (the list is in the day's panel). "
            "休: a statutory day off. 班: a weekend day worked in exchange for a day off (调休)."
        ))
        return box

    def _month_text(self, item: PlanItem):
        """The month; with the year too when a term or 学年 reaches into another plan year."""
        month = plan.item_month(item)
        if item.year != self.year.value() and month:
            return self.tr("{year}/{month}").format(year=item.year, month=month)
        return month

    def _links_text(self, item: PlanItem) -> str:
        # the count texts come from the areas that can be linked (Chinese, as on the printed plan)
        return plan.links_text(self._links.get(item.id, {}))

    def _weekday(self, day: dt.date) -> str:
        return [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ][day.weekday()]

    def _update_month_label(self) -> None:
        self.month_label.setText(self.tr("{year}/{month}").format(year=self.shown_year, month=self.shown_month))

    # --- navigation ---------------------------------------------------------------------------------

    def open_record(self, kind: str, record) -> None:
        """A 首页 entry (a plan item): its month, with its day selected."""
        month = record.date.month if record.date else record.month or 1
        self.go_month(record.year, month, select=record.date)

    def go_month(self, year: int, month: int, select: dt.date | None = None) -> None:
        self.shown_year, self.shown_month = year, month
        if self.year.value() != year:
            self.year.blockSignals(True)
            self.year.setValue(year)
            self.year.blockSignals(False)
            self._fill_periods()
        if select is None:
            today = dt.date.today()
            select = today if (today.year, today.month) == (year, month) else dt.date(year, month, 1)
        self.selected_day = select
        self._update_month_label()
        self.refresh()

    def step_month(self, step: int) -> None:
        index = self.shown_year * 12 + self.shown_month - 1 + step
        year, month = divmod(index, 12)
        if plan.MIN_YEAR <= year <= plan.MAX_YEAR:
            self.go_month(year, month + 1)

    def go_today(self) -> None:
        today = dt.date.today()
        self.go_month(today.year, today.month, today)

    def _year_changed(self, year: int) -> None:
        self._fill_periods()
        self.go_month(year, self.shown_month)

    def _keyboard_outside(self, day: dt.date) -> None:
        self.go_month(day.year, day.month, day)

    def _fill_periods(self) -> None:
        year = self.year.value()
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for period in plan.periods(year):
            self.period.addItem(period.label, period)
        self.period.setCurrentIndex(max(0, current))
        self.period.blockSignals(False)

    # --- loading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.events = plan_calendar.month_events(self.shown_year, self.shown_month, whole_weeks=True)
        self.grid.set_events(self.events)
        if self.selected_day not in self.events.days:
            self.selected_day = dt.date(self.shown_year, self.shown_month, 1)
        self.grid.set_selected_date(self.selected_day)
        self._show_day(self.selected_day)
        self._fill_undated()
        self._update_summary()
        self.estimate_label.setVisible(self.events.is_estimate)
        if self.events.is_estimate:
            self.estimate_label.setText(
                self.tr("Estimate: the official holiday arrangement for {year} is not published yet").format(
                    year=self.shown_year
                )
            )
            self.estimate_label.setToolTip(
                self.tr(
                    "Days off follow the statutory festivals; make-up workdays are unknown until the "
                    "State Council publishes the year's arrangement."
                )
            )
        self.list.refresh()

    def _fetch_list(self, text: str) -> list[PlanItem]:
        period = self.period.currentData()
        items = plan.list_items(self.year.value(), text, period=period)
        self._links = plan.link_counts(i.id for i in items)
        return items

    def _update_summary(self) -> None:
        month_period = plan.Period("", (self.shown_year, self.shown_month), (self.shown_year, self.shown_month))
        items = plan.list_items(self.shown_year, period=month_period)
        rate = plan.Rate()
        for item in items:
            rate.add(item.status)
        if not items:
            if not PlanItem.select().where(PlanItem.year == self.shown_year).exists():
                self.month_summary.setText(
                    self.tr("No plan for {year} yet: use “Generate from template” or add items").format(
                        year=self.shown_year
                    )
                )
            else:
                self.month_summary.setText(self.tr("No plan items this month"))
            return
        self.month_summary.setText(
            self.tr("This month: {total} items, {done} done, completion {rate}").format(
                total=rate.total, done=rate.done, rate=plan.format_rate(rate.rate)
            )
        )

    def _fill_undated(self) -> None:
        self.undated_box.setTitle(
            self.tr("Month {m}: items without a date").format(m=self.shown_month)
            + f"（{len(self.events.undated_items)}）"
        )
        self.undated_list.clear()
        self._picked_entry = None
        for item in self.events.undated_items:
            self.undated_list.addItem(self._item_entry(item))
        if not self.events.undated_items:
            self.undated_list.addItem(self.tr("(none)"))

    def _item_entry(self, item: PlanItem, prefix: str = "") -> QListWidgetItem:
        extra = f"  {item.responsible}" if item.responsible else ""
        entry = QListWidgetItem(f"{prefix}{item.title}  〔{item.status}〕{extra}")
        bg, fg = styles.status_colors(item.status)
        entry.setBackground(QBrush(bg))
        entry.setForeground(QBrush(fg))
        if item.status == plan.CANCELLED:
            font = entry.font()
            font.setStrikeOut(True)
            entry.setFont(font)
        entry.setData(ENTRY_ROLE, ("item", item))
        entry.setToolTip(f"{plan.when_text(item)}  {item.category}\n{item.notes}".strip())
        return entry

    # --- the day panel ------------------------------------------------------------------------------

    def select_day(self, day: dt.date) -> None:
        self.selected_day = day
        self._show_day(day)

    def day_entries(self) -> list[tuple[str, object]]:
        """What the day panel lists: (kind, record) for items, activities, birthdays."""
        entries = (self.day_list.item(i).data(ENTRY_ROLE) for i in range(self.day_list.count()))
        return [entry for entry in entries if entry]

    def _show_day(self, day: dt.date) -> None:
        events = self.events.days.get(day) if self.events else None
        self.day_title.setText(
            self.tr("{month}/{day} {weekday}").format(month=day.month, day=day.day, weekday=self._weekday(day))
        )
        notes = []
        if events is not None:
            if events.festivals:
                notes.append("、".join(events.festivals))
            if events.holiday:
                notes.append(self.tr("Day off: {name}").format(name=events.holiday))
            if events.workday:
                notes.append(self.tr("Make-up workday: {name}").format(name=events.workday))
            if (events.holiday or events.workday) and events.is_estimate:
                notes.append(self.tr("(estimate)"))
        self.day_info.setText("  ".join(notes))
        self.day_info.setStyleSheet(f"color: {styles.FESTIVAL_TEXT};" if notes else "")
        self.day_info.setVisible(bool(notes))
        self.day_list.clear()
        self._picked_entry = None
        if events is None:
            return
        for item in events.items:
            self.day_list.addItem(self._item_entry(item))
        for activity in events.activities:
            when = f"{activity.start:%H:%M}" if activity.start.date() == day else ""
            place = f"  {activity.place}" if activity.place else ""
            text = self.tr("Activity: {title}").format(title=activity.title) + f"  {when}{place}".rstrip()
            entry = QListWidgetItem(text)
            entry.setForeground(QBrush(QColor(styles.ACTIVITY_COLORS[1])))
            entry.setData(ENTRY_ROLE, ("activity", activity))
            self.day_list.addItem(entry)
        for birthday in events.birthdays:
            member = birthday.member
            text = self.tr("Birthday: {name}").format(name=member.name)
            if member.department:
                text += f"（{member.department}）"
            if birthday.lunar:
                text += self.tr(" · lunar")
            entry = QListWidgetItem(text)
            entry.setForeground(QBrush(QColor(styles.BIRTHDAY_COLOR)))
            entry.setData(ENTRY_ROLE, ("birthday", birthday))
            self.day_list.addItem(entry)
        if events.is_empty:
            self.day_list.addItem(self.tr("Nothing on this day. Double-click the day to add an item."))

    def _picked(self, widget: QListWidget, entry: QListWidgetItem | None) -> None:
        """The last entry chosen in either list is the one 编辑 and 标为已完成 act on."""
        if entry is None:
            return
        other = self.undated_list if widget is self.day_list else self.day_list
        other.blockSignals(True)
        other.clearSelection()
        other.setCurrentItem(None)
        other.blockSignals(False)
        self._picked_entry = entry.data(ENTRY_ROLE)

    def _selected_item(self) -> PlanItem | None:
        data = self._picked_entry
        return data[1] if data and data[0] == "item" else None

    def _open_entry(self, entry: QListWidgetItem) -> None:
        data = entry.data(ENTRY_ROLE)
        if data and data[0] == "item":
            self.edit_item(data[1])

    def _edit_selected(self) -> None:
        item = self._selected_item()
        if item is None:
            QMessageBox.information(self, self.tr("Edit"), self.tr("Choose a plan item in the list first."))
            return
        self.edit_item(item)

    def _mark_selected_done(self) -> None:
        item = self._selected_item()
        if item is None:
            QMessageBox.information(self, self.tr("Mark done"), self.tr("Choose a plan item in the list first."))
            return
        try:
            plan.set_status(item, plan.DONE)
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.tr("Mark done"), exc.message)
            return
        self._after_change()

    # --- actions ------------------------------------------------------------------------------------

    def item_dialog(self, item: PlanItem | None = None, day: dt.date | None = None) -> ItemDialog:
        year = day.year if day else self.shown_year
        dialog = ItemDialog(year, item, day, self)
        if item is None and day is None:
            dialog.month.setCurrentIndex(self.shown_month - 1)
        return dialog

    def add_item_on(self, day: dt.date | None) -> PlanItem | None:
        dialog = self.item_dialog(None, day)
        if dialog.exec() and dialog.saved is not None:
            saved = dialog.saved
            if saved.date and (saved.date.year, saved.date.month) == (self.shown_year, self.shown_month):
                self.selected_day = saved.date
            self._after_change()
            return saved
        return None

    def edit_item(self, item: PlanItem) -> None:
        fresh = PlanItem.get_or_none(PlanItem.id == item.id)
        if fresh is None:
            return
        dialog = self.item_dialog(fresh)
        if dialog.exec() or dialog.links_changed:
            self._after_change()

    def generate(self) -> None:
        year = self.year.value()
        answer = QMessageBox.question(
            self,
            self.tr("Generate from template"),
            self.tr(
                "Generate the {year} work plan from the template?\n"
                "Items already in the plan are neither duplicated nor changed."
            ).format(year=year),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            result = plan_template.generate_year(year)
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.tr("Generate from template"), exc.message)
            return
        created, skipped = result
        text = self.tr("{year}: {created} items created, {skipped} already in the plan (skipped).").format(
            year=year, created=created, skipped=skipped
        )
        missing = result.missing  # lunar rules with no date in the year (腊八 in 2023)
        if missing:
            text += "\n\n" + self.tr("These rules have no date in {year}, so they give no item:").format(year=year)
            text += "".join(f"\n· {line}" for line in missing)
        QMessageBox.information(self, self.tr("Generate from template"), text)
        self._after_change()

    def open_template(self) -> None:
        TemplateDialog(self).exec()

    def show_completion(self) -> None:
        CompletionDialog(self.year.value(), self).exec()

    def print_plan(self):
        """工作计划表 as a PDF: the list view's term / 学年 when the list is shown, else the year."""
        from union_desk.printing import plan_sheet
        from union_desk.ui.hardship.print_actions import print_pdf

        year = self.year.value()
        period = self.period.currentData() if self.stack.currentIndex() == 1 else None
        name = plan_sheet.title_of(year, period)
        return print_pdf(self, self.tr("Print plan"), name, lambda path: plan_sheet.print_plan(year, path, period=period))

    def import_plan(self) -> None:
        from union_desk.ui.plan.import_dialog import PlanImportDialog

        dialog = PlanImportDialog(self.year.value(), self)
        dialog.exec()
        if dialog.report is not None and dialog.report.added:
            self._after_change()

    def _after_change(self) -> None:
        self.refresh()

