"""会员档案 tab: the member list with one search box, a row of filters, and the member actions.

The search box matches name, pinyin initials, full pinyin (every reading of a heteronym), ID-number
fragment and phone; `services.members.search_query` does the matching in SQL. Typing is
debounced; the list model loads only the ids of the matches and the rows it shows, so a search of
50,000 members stays well under 100 ms.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Member
from union_desk.domain.idcard import mask_id
from union_desk.services import members
from union_desk.ui.members.model import PINYIN_ORDER, MemberColumn, MemberTableModel
from union_desk.ui.widgets.table_model import FULL_ID_NUMBER, FULL_PHONE
from union_desk.ui.widgets.table_view import setup_table_view

SEARCH_DELAY_MS = 150


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    return members.age_on(birth, today)


class MemberList(QWidget):
    """Search box, "共 N 人" and the table; `refresh()` runs the query from `make_query(text)`."""

    activated = Signal(object)

    def __init__(self, columns, make_query, placeholder: str, parent=None):
        super().__init__(parent)
        self._make_query = make_query
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.model = MemberTableModel(columns, self)
        # sortable, starting unsorted: department, then name in pinyin order
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26, sortable=True, alternating=True,
                                     selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(self._on_double_click)

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search, 1)
        self.toolbar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

    def refresh(self) -> None:
        self._debounce.stop()
        self.model.set_query(self._make_query(self.search.text()))
        self.count_label.setText(self.tr("%n member(s)", "", len(self.model.ids)))

    def current(self) -> Member | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def selected(self) -> list[Member]:
        """Every selected member (Ctrl/Shift-click), in list order."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.record_at(r) for r in rows]

    def select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.activated.emit(self.model.record_at(index.row()))


class MembersTab(QWidget):

    AGE_PRESETS = ((None, None), (None, 34), (35, 49), (50, None))

    def __init__(self, parent=None):
        super().__init__(parent)
        today = dt.date.today()
        self._today = today
        columns = [
            MemberColumn(self.tr("Name"), lambda m: m.name, 80, (PINYIN_ORDER,)),
            MemberColumn(self.tr("Sex"), lambda m: m.sex, 44, (Member.sex,)),
            MemberColumn(
                self.tr("Age"), lambda m: age_on(m.birth_date, today), 44,
                (Member.birth_date,), descending_first=True, align_right=True,
            ),
            MemberColumn(self.tr("Department"), lambda m: m.department, 110, (Member.department,)),
            MemberColumn(self.tr("Union group"), lambda m: m.union_group, 95, (Member.union_group,)),
            MemberColumn(self.tr("Post"), lambda m: m.post, 90, (Member.post,)),
            MemberColumn(self.tr("Title"), lambda m: m.title, 85, (Member.title,)),
            MemberColumn(self.tr("Employment"), lambda m: m.employment_type, 70, (Member.employment_type,)),
            MemberColumn(self.tr("Status"), lambda m: m.status, 50, (Member.status,)),
            MemberColumn(self.tr("Phone"), lambda m: m.phone, 110, (Member.phone,), full=FULL_PHONE),
            MemberColumn(self.tr("ID number"), lambda m: mask_id(m.id_number or ""), 178, (Member.id_number,),
                         full=FULL_ID_NUMBER),
            MemberColumn(self.tr("Union roles"), lambda m: m.union_roles.replace(",", "、"), 120, (Member.union_roles,),
                         stretch=True),
        ]
        self.list = MemberList(
            columns,
            self._query,
            self.tr("Search name, pinyin or initials, ID number or phone"),
        )
        self.list.activated.connect(self.edit_member)

        # --- actions (no delete: members leave by a status change) ---
        self.add_button = QPushButton(self.tr("New member"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.status_button = QPushButton(self.tr("Change status"))
        self.history_button = QPushButton(self.tr("Change history"))
        self.batch_button = QPushButton(self.tr("Batch visits"))
        self.batch_button.setToolTip(self.tr("Visit the selected members in one go (Ctrl or Shift selects several)"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(lambda: self.edit_member(self.list.current()))
        self.status_button.clicked.connect(self.change_status)
        self.history_button.clicked.connect(self.show_history)
        self.batch_button.clicked.connect(self.batch_visits)
        for button in (self.add_button, self.edit_button, self.status_button, self.history_button, self.batch_button):
            self.list.toolbar.addWidget(button)
        # 花名册 in and out
        self.import_button = QPushButton(self.tr("Import roster"))
        self.export_button = QPushButton(self.tr("Export roster"))
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_roster)
        self.list.toolbar.addSpacing(12)
        self.list.toolbar.addWidget(self.import_button)
        self.list.toolbar.addWidget(self.export_button)
        self.list.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.list.model.modelReset.connect(self._update_buttons)

        # --- filters: one compact row ---
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in members.MEMBER_STATUSES:
            self.status_filter.addItem(status, status)
        self.status_filter.setCurrentIndex(1)  # 在职 by default
        self.department_filter = self._value_filter(self.tr("All departments"))
        self.group_filter = self._value_filter(self.tr("All union groups"))
        self.sex_filter = self._choice_filter(self.tr("Any sex"), members.SEXES)
        self.employment_filter = self._choice_filter(self.tr("Any employment"), members.EMPLOYMENT_TYPES)
        self.role_filter = self._choice_filter(self.tr("Any union role"), members.UNION_ROLES)
        self.age_preset = QComboBox()
        self.age_preset.addItem(self.tr("Any age"))
        self.age_preset.addItem(self.tr("Under 35"))
        self.age_preset.addItem(self.tr("35 to 49"))
        self.age_preset.addItem(self.tr("50 and over"))
        self.age_preset.addItem(self.tr("Custom"))
        self.age_from = self._age_spin()
        self.age_to = self._age_spin()
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        for combo in (self.status_filter, self.department_filter, self.group_filter, self.sex_filter,
                      self.employment_filter, self.role_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.list.refresh())
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Age")))
        bar.addWidget(self.age_preset)
        bar.addWidget(self.age_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.age_to)
        bar.addWidget(self.clear_filters_button)
        bar.addStretch(1)
        self.age_preset.currentIndexChanged.connect(self._apply_age_preset)
        self.age_from.valueChanged.connect(self._age_edited)
        self.age_to.valueChanged.connect(self._age_edited)

        self.list.layout().insertLayout(1, bar)  # the filter row, under the search row
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        self._update_buttons()

    # --- filters --------------------------------------------------------------------------------

    def _value_filter(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        combo.setMinimumContentsLength(6)
        return combo

    def _choice_filter(self, everything: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for choice in choices:
            combo.addItem(choice, choice)
        return combo

    def _age_spin(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 120)
        spin.setSpecialValueText(self.tr("any"))
        spin.setSuffix(self.tr(" yrs"))
        spin.setKeyboardTracking(False)
        spin.setFixedWidth(72)
        return spin

    def _fill_values(self, combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _apply_age_preset(self, index: int) -> None:
        if index >= len(self.AGE_PRESETS):
            return  # 自定义: the spin boxes say it
        low, high = self.AGE_PRESETS[index]
        for spin, value in ((self.age_from, low), (self.age_to, high)):
            spin.blockSignals(True)
            spin.setValue(value or 0)
            spin.blockSignals(False)
        self.list.refresh()

    def _age_edited(self, _value: int) -> None:
        pair = (self.age_from.value() or None, self.age_to.value() or None)
        index = self.AGE_PRESETS.index(pair) if pair in self.AGE_PRESETS else len(self.AGE_PRESETS)
        self.age_preset.blockSignals(True)
        self.age_preset.setCurrentIndex(index)
        self.age_preset.blockSignals(False)
        self.list.refresh()

    def filters(self) -> members.MemberFilter:
        status = self.status_filter.currentData()
        return members.MemberFilter(
            statuses=(status,) if status else (),
            department=self.department_filter.currentData() or "",
            union_group=self.group_filter.currentData() or "",
            sex=self.sex_filter.currentData() or "",
            employment_type=self.employment_filter.currentData() or "",
            union_role=self.role_filter.currentData() or "",
            min_age=self.age_from.value() or None,
            max_age=self.age_to.value() or None,
        )

    def clear_filters(self) -> None:
        widgets = (self.status_filter, self.department_filter, self.group_filter, self.sex_filter,
                   self.employment_filter, self.role_filter, self.age_preset, self.age_from, self.age_to)
        for widget in widgets:
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(1)
        for combo in widgets[1:7]:
            combo.setCurrentIndex(0)
        self.age_from.setValue(0)
        self.age_to.setValue(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.list.refresh()

    def _query(self, text: str):
        return members.search_query(text, self.filters(), today=self._today)

    def refresh(self) -> None:
        self._today = dt.date.today()
        self._fill_values(self.department_filter, members.distinct_values("department"))
        self._fill_values(self.group_filter, members.distinct_values("union_group"))
        self.list.refresh()

    # --- actions --------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        chosen = len(self.list.view.selectionModel().selectedRows())  # counted, not loaded
        for button in (self.edit_button, self.status_button, self.history_button):
            button.setEnabled(chosen == 1)
        self.batch_button.setEnabled(chosen > 0)

    def _after_change(self, member_id: int) -> None:
        self.refresh()
        self.list.select_member(member_id)

    def add_member(self) -> None:
        from union_desk.ui.members.form import MemberForm

        form = MemberForm(None, self)
        if form.exec():
            self._after_change(form.member.id)

    def open_record(self, kind: str, record) -> None:
        """A 首页 entry (a birthday): the member's form."""
        self.edit_member(record)

    def edit_member(self, member: Member | None) -> None:
        if member is None:
            return
        from union_desk.ui.members.form import MemberForm

        form = MemberForm(members.get_member(member.id), self)
        if form.exec():
            self._after_change(member.id)

    def change_status(self) -> None:
        member = self.list.current()
        if member is None:
            return
        from union_desk.ui.members.status_dialog import StatusDialog

        if StatusDialog(members.get_member(member.id), self).exec():
            self._after_change(member.id)

    def show_history(self) -> None:
        member = self.list.current()
        if member is None:
            return
        from union_desk.ui.members.history import HistoryDialog

        HistoryDialog(members.get_member(member.id), self).exec()

    def import_roster(self) -> None:
        """花名册导入: the wizard; the list is refreshed as soon as an import is written."""
        from union_desk.ui.members.import_wizard import RosterImportWizard

        wizard = RosterImportWizard(self)
        wizard.imported.connect(lambda _report: self.refresh())
        wizard.exec()

    def export_roster(self) -> None:
        from union_desk.ui.members.export_dialog import RosterExportDialog

        RosterExportDialog(self, status=self.status_filter.currentData()).exec()

    def batch_visits(self) -> None:
        """批量慰问 for the selected members (the dialog of the 困难帮扶 tab, pre-filled)."""
        chosen = self.list.selected()
        if not chosen:
            return
        from union_desk.ui.hardship.batch_dialog import BatchDialog

        dialog = BatchDialog(self, initial_members=chosen)
        if not dialog.exec() or not dialog.created:
            return
        created = dialog.created
        total = sum((v.cash for v in created), Decimal("0.00"))
        QMessageBox.information(
            self,
            dialog.windowTitle(),
            self.tr("{count} visit(s) saved, {amount} yuan in all, serials {first} to {last}.").format(
                count=len(created), amount=f"{total:,.2f}", first=created[0].serial, last=created[-1].serial
            ),
        )

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.view.hasFocus():
            self.edit_member(self.list.current())
            return
        super().keyPressEvent(event)
