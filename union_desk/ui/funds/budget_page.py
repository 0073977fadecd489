"""预算与限额: the year's opening balance (上年结余), the budget of each spending category (editable
cells, 保存预算), and the cap groups of the year (caps across visit types per member per year:
name, cap, goods counted, visit types) with their form (CapGroupForm) and 复制上一年."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.fund_models import CapGroup
from union_desk.db.models import VisitType
from union_desk.domain import funds as rules
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services import funds
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds import common
from union_desk.ui.funds.common import AMBER_BACKGROUND, AMBER_TEXT, error_label, message_of, money, percent, say
from union_desk.ui.hardship.common import money_edit, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def group_types_text(group: CapGroup) -> str:
    return "、".join(t.visit_type.name for t in group.types)


# --- the cap group form -------------------------------------------------------------------------------------


class CapGroupForm(FormDialog):
    """A cap group of a year: 名称, 年度, 每人每年限额, 慰问品计入, and the visit types it covers."""

    def __init__(self, year: int, group: CapGroup | None = None, parent=None):
        super().__init__(parent)
        from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

        self.group = group
        self.saved: CapGroup | None = None
        self.setWindowTitle(self.tr("Edit cap group {name}").format(name=group.name) if group else self.tr("New cap group"))
        self.name = QLineEdit(group.name if group else "")
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 节日慰问"))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(group.year if group else year)
        self.cap = money_edit(group.cap if group else None, self.tr("yuan"))
        self.cap.setObjectName("cap")
        self.goods = QCheckBox(self.tr("Goods count towards the cap (at their value)"))
        self.goods.setObjectName("goods_count")
        self.goods.setChecked(group.goods_count if group else True)
        chosen = {t.visit_type_id for t in group.types} if group else set()
        types_box = QGroupBox(self.tr("Visit types in the group"))
        grid = QGridLayout(types_box)
        self.type_boxes: dict[int, QCheckBox] = {}
        shown = [t for t in VisitType.select().order_by(VisitType.sort_order, VisitType.id) if t.active or t.id in chosen]
        for i, vtype in enumerate(shown):
            box = QCheckBox(vtype.name)
            box.setObjectName(f"type_{vtype.id}")
            box.setChecked(vtype.id in chosen)
            self.type_boxes[vtype.id] = box
            grid.addWidget(box, i // 3, i % 3)
        note = QLabel(self.tr("Each type keeps its own caps too; the group adds up what a member received across all"
                              " its types in the year."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {common.MUTED_COLOR};")
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Cap per member per year"), self.cap)
        form.addRow("", self.goods)
        form.addRow(types_box)
        form.addRow(note)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.name.setMinimumWidth(300)

    def data(self) -> dict:
        return {
            "name": self.name.text(),
            "year": self.year.value(),
            "cap": self.cap.text(),
            "goods_count": self.goods.isChecked(),
            "visit_types": [type_id for type_id, box in self.type_boxes.items() if box.isChecked()],
        }

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            common.check_cents(self.cap.text(), "每人每年限额")
            self.saved = funds.save_cap_group(self.data(), self.group)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            return
        super().accept()


def edit_cap_group(parent: QWidget, year: int, group: CapGroup | None = None) -> CapGroup | None:
    form = CapGroupForm(year, group, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


# --- the page -------------------------------------------------------------------------------------------------


class BudgetPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = None
        self._budgets: dict[str, str] = {}  # code → the text shown when filled (to save only changes)

        # opening balance
        self.opening = money_edit(placeholder=self.tr("yuan"))
        self.opening.setObjectName("opening")
        self.opening_button = QPushButton(self.tr("Save opening balance"))
        opening_row = QHBoxLayout()
        self.opening_label = QLabel()
        opening_row.addWidget(self.opening_label)
        opening_row.addWidget(self.opening)
        opening_row.addWidget(self.opening_button)
        opening_row.addStretch(1)

        # budgets
        self.budgets = QTableWidget(0, 4)
        self.budgets.setObjectName("budgets")
        self.budgets.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Budget"), self.tr("Spent"),
                                                self.tr("Execution")])
        self.budgets.verticalHeader().setVisible(False)
        self.budgets.verticalHeader().setDefaultSectionSize(24)
        self.budgets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.budgets.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed
                                     | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.budgets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.budgets.setColumnWidth(column, 100)
        self.save_budgets_button = QPushButton(self.tr("Save budgets"))
        self.budget_total = QLabel()
        budget_buttons = QHBoxLayout()
        budget_buttons.addWidget(self.budget_total, 1)
        budget_buttons.addWidget(self.save_budgets_button)
        self.budget_box = QGroupBox()
        budget_layout = QVBoxLayout(self.budget_box)
        hint = QLabel(self.tr("Type the budget in the cells (yuan), then save. An entry that takes a category past its"
                              " budget needs a reason."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {common.MUTED_COLOR};")
        budget_layout.addWidget(hint)
        budget_layout.addWidget(self.budgets, 1)
        budget_layout.addLayout(budget_buttons)

        # cap groups
        columns = [
            Column(self.tr("Name"), lambda g: g.name, 90),
            Column(self.tr("Cap per member"), lambda g: g.cap, 90, full="99,999.00"),
            Column(self.tr("Goods count"), lambda g: g.goods_count, 60, full="✓"),
            Column(self.tr("Visit types"), group_types_text, 160, stretch=True),
        ]
        self.groups_model = RecordTableModel(columns, self)
        self.groups = setup_table_view(QTableView(), self.groups_model, columns, row_height=24,
                                       selection=QAbstractItemView.SelectionMode.SingleSelection, row_numbers=False)
        self.groups.setObjectName("capGroups")
        self.groups.doubleClicked.connect(lambda _i: self.edit_group())
        self.add_group_button = QPushButton(self.tr("New…"))
        self.edit_group_button = QPushButton(self.tr("Edit…"))
        self.delete_group_button = QPushButton(self.tr("Delete"))
        self.copy_groups_button = QPushButton(self.tr("Copy last year's"))
        group_buttons = QHBoxLayout()
        for b in (self.add_group_button, self.edit_group_button, self.delete_group_button, self.copy_groups_button):
            group_buttons.addWidget(b)
        group_buttons.addStretch(1)
        self.groups_box = QGroupBox()
        groups_layout = QVBoxLayout(self.groups_box)
        note = QLabel(self.tr("A cap group adds up what each member received across its visit types in the year"
                              " (goods too when they count); the visit form warns past it."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {common.MUTED_COLOR};")
        groups_layout.addWidget(note)
        groups_layout.addWidget(self.groups, 1)
        groups_layout.addLayout(group_buttons)

        columns_row = QHBoxLayout()
        columns_row.addWidget(self.budget_box, 3)
        columns_row.addWidget(self.groups_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(opening_row)
        layout.addLayout(columns_row, 1)

        self.opening_button.clicked.connect(self.save_opening)
        self.save_budgets_button.clicked.connect(self.save_budgets)
        self.add_group_button.clicked.connect(self.new_group)
        self.edit_group_button.clicked.connect(self.edit_group)
        self.delete_group_button.clicked.connect(self.delete_group)
        self.copy_groups_button.clicked.connect(self.copy_last_year)
        self.groups.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.refresh()

    def refresh(self) -> None:
        if self.year is None:
            return
        year = self.year
        self.opening_label.setText(self.tr("Opening balance of {year} (left over from last year)").format(year=year))
        self.opening.setText(f"{funds.opening_of(year):.2f}")
        self.budget_box.setTitle(self.tr("Budgets of {year}").format(year=year))
        self.groups_box.setTitle(self.tr("Cap groups of {year}").format(year=year))
        self._fill_budgets()
        self.groups_model.set_records(funds.cap_groups(year))
        self.copy_groups_button.setEnabled(not self.groups_model.records and bool(funds.cap_groups(year - 1)))
        self._update_buttons()

    def _fill_budgets(self) -> None:
        year = self.year
        shown = [c for c in funds.categories() if c.kind == "支出" and (c.active or funds.budget_of(c, year) is not None)]
        self.budgets.blockSignals(True)
        self.budgets.setRowCount(len(shown))
        self._budgets = {}
        total = rules.ZERO
        for row, category in enumerate(shown):
            budget = funds.budget_of(category, year)
            spent = funds.spent_in(category, year)
            total += budget or rules.ZERO
            name = QTableWidgetItem(funds.category_label(category))
            name.setData(Qt.ItemDataRole.UserRole, category.code)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text = "" if budget is None else f"{budget:.2f}"
            self._budgets[category.code] = text
            cell = QTableWidgetItem(text)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spent_item = QTableWidgetItem(money(spent))
            rate = QTableWidgetItem(percent(rules.execution(spent, budget)))
            for item in (spent_item, rate):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if budget is not None and spent > budget:
                for item in (name, cell, spent_item, rate):
                    item.setBackground(QBrush(QColor(AMBER_BACKGROUND)))
                    item.setForeground(QBrush(QColor(AMBER_TEXT)))
                name.setToolTip(rules.budget_warning(rules.ZERO, spent, budget))
            for column, item in enumerate((name, cell, spent_item, rate)):
                self.budgets.setItem(row, column, item)
        self.budgets.blockSignals(False)
        self.budget_total.setText(self.tr("Total budget {total} yuan").format(total=money(total)))

    def _update_buttons(self) -> None:
        chosen = self.current_group() is not None
        self.edit_group_button.setEnabled(chosen)
        self.delete_group_button.setEnabled(chosen)

    def current_group(self) -> CapGroup | None:
        rows = self.groups.selectionModel().selectedRows()
        return self.groups_model.record_at(rows[0].row()) if len(rows) == 1 else None

    # --- actions -----------------------------------------------------------------------------------------

    @surfaces_errors
    def save_opening(self) -> None:
        try:
            common.check_cents(self.opening.text(), "上年结余")
            funds.set_opening(self.year, self.opening.text().replace(",", ""))
        except UnionDeskError as exc:
            show_error(self, self.tr("Opening balance"), exc)
            return
        self.changed.emit()
        self.refresh()

    def budget_changes(self) -> list[tuple[str, str]]:
        """(code, text) of the budget cells whose text differs from what was shown."""
        out = []
        for row in range(self.budgets.rowCount()):
            code = self.budgets.item(row, 0).data(Qt.ItemDataRole.UserRole)
            text = (self.budgets.item(row, 1).text() if self.budgets.item(row, 1) else "").strip()
            if text != self._budgets.get(code, ""):
                out.append((code, text))
        return out

    @surfaces_errors
    def save_budgets(self) -> int:
        """Save the budget cells that changed (all or none); returns how many."""
        changes = self.budget_changes()
        try:
            from union_desk.db.models import database_proxy
            from union_desk.domain import money as money_rules

            with database_proxy.atomic():
                for code, text in changes:
                    category = funds.category_by_code(code)
                    if not text:
                        raise ValidationError(
                            f"“{funds.category_label(category)}”的预算不能清空（不安排经费请填 0）", field="budget")
                    common.check_cents(text, f"“{funds.category_label(category)}”的预算")
                    try:
                        value = money_rules.parse_amount(text)
                    except ValueError as exc:
                        raise ValidationError(f"“{funds.category_label(category)}”的预算：{exc}", field="budget") from exc
                    if value < Decimal(0):
                        raise ValidationError(f"“{funds.category_label(category)}”的预算不能为负数", field="budget")
                    funds.set_budget(self.year, category, text)
        except UnionDeskError as exc:
            show_error(self, self.tr("Budgets"), exc)
            return 0
        if changes:
            self.changed.emit()
        self.refresh()
        return len(changes)

    def new_group(self) -> CapGroup | None:
        saved = edit_cap_group(self, self.year)
        if saved is not None:
            self.changed.emit()
            self.refresh()
        return saved

    def edit_group(self) -> CapGroup | None:
        group = self.current_group()
        if group is None:
            return None
        saved = edit_cap_group(self, self.year, group)
        if saved is not None:
            self.changed.emit()
            self.refresh()
        return saved

    @surfaces_errors
    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete cap group"),
                                      self.tr("Delete the cap group {name} of {year}?").format(name=group.name, year=group.year))
        if answer != QMessageBox.StandardButton.Yes:
            return
        funds.delete_cap_group(group)
        self.changed.emit()
        self.refresh()

    @surfaces_errors
    def copy_last_year(self) -> int:
        """Last year's cap groups, same names, caps and types, for this year."""
        copied = 0
        try:
            from union_desk.db.models import database_proxy

            with database_proxy.atomic():
                for group in funds.cap_groups(self.year - 1):
                    funds.save_cap_group({"name": group.name, "year": self.year, "cap": group.cap,
                                          "goods_count": group.goods_count,
                                          "visit_types": [t.visit_type_id for t in group.types]})
                    copied += 1
        except UnionDeskError as exc:
            show_error(self, self.tr("Copy last year's"), exc)
            return 0
        self.changed.emit()
        self.refresh()
        return copied
