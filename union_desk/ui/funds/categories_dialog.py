"""文件 → 经费科目与预算…: the categories (编码, 名称, 收入/支出, 启用, the budget of the chosen year)
with 新增 / 保存 (rename, retire or bring back) / 删除 (refused by the service for a category with
entries: it can only be retired), and the chosen category's budget for the year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from union_desk.db.fund_models import FundCategory
from union_desk.domain import funds as rules
from union_desk.errors import UnionDeskError
from union_desk.services import funds
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds import common
from union_desk.ui.funds.common import error_label, message_of, say
from union_desk.ui.hardship.common import money_edit
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class CategoriesDialog(FormDialog):
    confirm_discard = False  # each change is saved by its own button

    def __init__(self, parent=None, year: int | None = None):
        super().__init__(parent)
        from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

        self.setWindowTitle(self.tr("Fund categories and budgets"))
        self.changed = False
        self.current: FundCategory | None = None
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year or dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        columns = [
            Column(self.tr("Code"), lambda c: c.code, 50),
            Column(self.tr("Name"), lambda c: c.name, 150, stretch=True),
            Column(self.tr("Kind"), lambda c: c.kind, 50),
            Column(self.tr("In use"), lambda c: c.active, 50, full="✓"),
            Column(self.tr("Budget"), lambda c: self._budget(c), 90),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda c: not c.active
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=22,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection, row_numbers=False)
        self.view.setObjectName("categories")
        self.view.setMinimumSize(420, 300)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())

        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("e.g. 3.5 (income starts with 0.)"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.active = QCheckBox(self.tr("In use"))
        self.active.setObjectName("active")
        self.budget = money_edit(placeholder=self.tr("no budget"))
        self.budget.setObjectName("budget")
        self.budget_label = QLabel()
        self.kind_label = QLabel()
        self.kind_label.setStyleSheet(f"color: {common.MUTED_COLOR};")
        self.error = error_label()
        editor = QGroupBox(self.tr("Category"))
        form = QFormLayout(editor)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.active)
        form.addRow(self.budget_label, self.budget)
        form.addRow(self.kind_label)
        form.addRow(self.error)
        self.new_button = QPushButton(self.tr("New"))
        self.save_button_ = QPushButton(self.tr("Save category"))
        self.delete_button = QPushButton(self.tr("Delete"))
        editor_buttons = QHBoxLayout()
        editor_buttons.addWidget(self.new_button)
        editor_buttons.addWidget(self.save_button_)
        editor_buttons.addWidget(self.delete_button)
        editor_buttons.addStretch(1)
        form.addRow(editor_buttons)
        note = QLabel(self.tr("A category that has entries cannot be deleted: untick 'In use' to retire it. Income"
                              " codes start with 0., spending codes with 1.–6."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {common.MUTED_COLOR};")

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Budgets of")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(editor)
        right.addWidget(note)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(year_row)
        left.addWidget(self.view, 1)
        outer = QHBoxLayout(self.body)
        outer.addLayout(left, 3)
        outer.addLayout(right, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("FundsCommon", "Close"))
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)

        self.new_button.clicked.connect(self.start_new)
        self.save_button_.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.refresh()
        self.start_new()
        self.resize(820, 520)

    def _budget(self, category: FundCategory):
        if category.kind != "支出":
            return None
        return funds.budget_of(category, self.year.value())

    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id or (self.current.id if self.current else None)
        self.model.set_records(funds.categories())
        self.budget_label.setText(self.tr("Budget of {year}").format(year=self.year.value()))
        if select_id:
            self.select(select_id)
        elif self.current is None:
            self.start_new()

    def select(self, category_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == category_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return

    def _load_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if len(rows) != 1:
            return
        category = self.model.record_at(rows[0].row())
        self.current = category
        self.code.setText(category.code)
        self.name.setText(category.name)
        self.active.setChecked(category.active)
        budget = self._budget(category)
        self.budget.setText("" if budget is None else f"{budget:.2f}")
        self.budget.setEnabled(category.kind == "支出")
        count = category.entries.count()
        self.code.setReadOnly(count > 0)
        self.kind_label.setText(self.tr("{kind} · {n} entries").format(kind=category.kind, n=count))
        self.delete_button.setEnabled(count == 0)
        self.delete_button.setToolTip("" if count == 0 else self.tr("It has entries: untick 'In use' to retire it."))
        say(self.error, "")

    def start_new(self) -> None:
        self.current = None
        self.view.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self.name.clear()
        self.active.setChecked(True)
        self.budget.clear()
        self.budget.setEnabled(True)
        self.kind_label.setText(self.tr("New category"))
        self.delete_button.setEnabled(False)
        say(self.error, "")

    @surfaces_errors
    def save(self) -> FundCategory | None:
        say(self.error, "")
        data = {"code": self.code.text(), "name": self.name.text(), "active": self.active.isChecked()}
        try:
            from union_desk.db.models import database_proxy

            with database_proxy.atomic():
                category = funds.save_category(data, self.current)
                budget_text = self.budget.text().strip().replace(",", "")
                if not rules.is_income(category.code):
                    before = funds.budget_of(category, self.year.value())
                    if budget_text:
                        common.check_cents(budget_text, "预算")
                        funds.set_budget(self.year.value(), category, budget_text)
                    elif before is not None:
                        from union_desk.errors import ValidationError

                        raise ValidationError("预算不能清空（不安排经费请填 0）", field="budget")
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            return None
        self.changed = True
        self.current = category
        self.refresh(category.id)
        return category

    @surfaces_errors
    def delete(self) -> bool:
        category = self.current
        if category is None:
            return False
        answer = QMessageBox.question(self, self.tr("Delete category"),
                                      self.tr("Delete the category {label}?").format(label=funds.category_label(category)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            funds.delete_category(category)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            return False
        self.changed = True
        self.current = None
        self.refresh()
        self.start_new()
        return True
