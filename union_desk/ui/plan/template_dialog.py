"""The plan template (工作计划模板): the school's own rules, edited in a table and a rule form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from union_desk.db.models import PlanTemplateRule
from union_desk.errors import UnionDeskError
from union_desk.services import plan, plan_template
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def shown_title(title: str) -> str:
    """Rule titles are shown and edited with the short tokens {N}, {年}, {月}."""
    return title.replace("{ordinal}", "{N}").replace("{year}", "{年}").replace("{month}", "{月}")


class RuleDialog(FormDialog):
    """A new rule (`rule=None`) or an existing one; saves through the service on accept."""

    def __init__(self, rule: PlanTemplateRule | None = None, parent=None):
        super().__init__(parent)
        self.rule = rule
        self.saved: PlanTemplateRule | None = None
        self.setWindowTitle(self.tr("Edit template rule") if rule else self.tr("New template rule"))
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit(shown_title(rule.title) if rule else "")
        self.title_edit.setPlaceholderText(self.tr("e.g. Celebrate the {N}th Teachers' Day"))
        hint = QLabel(self.tr(
            "In the item name, {第N个:1911} counts from a first year (第117个 in 2027), {N周年:1921} the "
            "years since a founding (106周年 in 2027), {N} the number of the Teachers' Day, {月} the "
            "month and {年} the year."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.category = QComboBox()
        self.category.addItems(plan.CATEGORIES)
        self.category.setCurrentText(rule.category if rule else "活动")
        self.kind = QComboBox()
        for key, label in plan_template.KINDS.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(rule.kind if rule else "month")))

        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(self.tr("Month {m}").format(m=m), m)
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.lunar_month = QComboBox()
        for i, name in enumerate(plan_template.LUNAR_MONTHS, start=1):
            self.lunar_month.addItem(self.tr("{name} month (lunar)").format(name=name), i)
        self.lunar_day = QComboBox()
        for d in range(1, 31):
            self.lunar_day.addItem(plan_template.lunar_text(1, d).removeprefix("农历正月"), d)
        self.festival = QComboBox()
        self.festival.addItems(plan_template.festival_names())
        self.offset = QSpinBox()
        self.offset.setRange(-plan_template.MAX_OFFSET, plan_template.MAX_OFFSET)
        self.offset.setSuffix(self.tr(" days"))
        self.offset_hint = QLabel(self.tr("negative = before, positive = after"))
        self.offset_hint.setStyleSheet("color: #666;")
        self.every_day = QCheckBox(self.tr("On a fixed day of each month"))
        self.responsible = QLineEdit(rule.responsible if rule else "")
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(rule.active if rule else True)
        self.preview = QLabel()
        self.preview.setStyleSheet("color: #1f4e8c;")

        if rule is not None:
            if rule.month:
                self.month.setCurrentIndex(rule.month - 1)
                self.lunar_month.setCurrentIndex(rule.month - 1)
            if rule.day:
                self.day.setValue(rule.day)
                self.lunar_day.setCurrentIndex(rule.day - 1)
                self.every_day.setChecked(True)
            if rule.festival:
                self.festival.setCurrentText(rule.festival)
            self.offset.setValue(rule.offset_days or 0)

        offset_row = QHBoxLayout()
        offset_row.addWidget(self.offset)
        offset_row.addWidget(self.offset_hint, 1)
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.title_edit)
        form.addRow("", hint)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Rule"), self.kind)
        self._rows = {
            "month": (QLabel(self.tr("Month")), self.month),
            "day": (QLabel(self.tr("Day")), self.day),
            "every_day": (QLabel(""), self.every_day),
            "lunar_month": (QLabel(self.tr("Lunar month")), self.lunar_month),
            "lunar_day": (QLabel(self.tr("Lunar day")), self.lunar_day),
            "festival": (QLabel(self.tr("Festival")), self.festival),
        }
        for label, widget in self._rows.values():
            form.addRow(label, widget)
        self.offset_label = QLabel(self.tr("Earlier / later"))
        form.addRow(self.offset_label, offset_row)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow("", self.active)
        form.addRow(self.tr("This year"), self.preview)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        self.set_buttons(buttons)

        for signal in (
            self.kind.currentIndexChanged,
            self.month.currentIndexChanged,
            self.day.valueChanged,
            self.lunar_month.currentIndexChanged,
            self.lunar_day.currentIndexChanged,
            self.festival.currentIndexChanged,
            self.offset.valueChanged,
            self.every_day.toggled,
            self.title_edit.textChanged,
        ):
            signal.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        kind = self.kind.currentData()
        visible = {
            "fixed": {"month", "day"},
            "lunar": {"lunar_month", "lunar_day"},
            "offset": {"festival"},
            "month": {"month"},
            "monthly": {"every_day"} | ({"day"} if self.every_day.isChecked() else set()),
        }[kind]
        for name, (label, widget) in self._rows.items():
            label.setVisible(name in visible)
            widget.setVisible(name in visible)
        with_offset = kind in ("fixed", "lunar", "offset")
        self.offset_label.setVisible(with_offset)
        self.offset.setVisible(with_offset)
        self.offset_hint.setVisible(with_offset)
        self.preview.setText(self._preview())

    def values(self) -> dict:
        kind = self.kind.currentData()
        data = {
            "title": self.title_edit.text(),
            "category": self.category.currentText(),
            "kind": kind,
            "month": None,
            "day": None,
            "festival": "",
            "offset_days": 0,
            "responsible": self.responsible.text(),
            "active": self.active.isChecked(),
        }
        if kind in ("fixed", "month"):
            data["month"] = self.month.currentData()
        if kind == "fixed":
            data["day"] = self.day.value()
        if kind == "lunar":
            data["month"] = self.lunar_month.currentData()
            data["day"] = self.lunar_day.currentData()
        if kind == "offset":
            data["festival"] = self.festival.currentText()
        if kind in ("fixed", "lunar", "offset"):
            data["offset_days"] = self.offset.value()
        if kind == "monthly" and self.every_day.isChecked():
            data["day"] = self.day.value()
        return data

    def _preview(self) -> str:
        year = dt.date.today().year
        try:
            values = plan_template.check_rule(self.values() | {"title": self.title_edit.text() or "—"})
            rule = PlanTemplateRule(key="preview", **values)
            rows = plan_template.expand_rule(rule, year)
        except (UnionDeskError, ValueError):
            return ""
        if not rows:  # a lunar date that does not fall in this year (腊八 in 2023)
            described = plan_template.describe_rule(rule)
            return f"{described} → {plan_template.no_date_text(rule, year).removeprefix(described + '在')}"
        first = rows[0]
        when = first["date"].isoformat() if first["date"] else self.tr("Month {m}").format(m=first["month"])
        if rule.kind == "monthly":
            when = self.tr("every month, first: {when}").format(when=when)
        elif len(rows) > 1:  # falls twice in the year (腊八 in 2022)
            when = "、".join(row["date"].isoformat() for row in rows)
        return f"{plan_template.describe_rule(rule)} → {when}  {first['title']}"

    @surfaces_errors
    def accept(self) -> None:
        try:
            if self.rule is None:
                self.saved = plan_template.create_rule(self.values())
            else:
                plan_template.update_rule(self.rule, self.values())
                self.saved = self.rule
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()


class TemplateDialog(FormDialog):
    """The template's rules; add, edit, switch off/on, delete. Items made earlier are untouched."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan template"))
        self.resize(860, 560)
        columns = [
            Column(self.tr("Item"), lambda r: shown_title(r.title), 300),
            Column(self.tr("Category"), lambda r: r.category, 80),
            Column(self.tr("When"), plan_template.describe_rule, 170),
            Column(self.tr("Responsible"), lambda r: r.responsible, 90),
            Column(self.tr("In use"), lambda r: bool(r.active), 60),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26, alternating=True,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit())

        note = QLabel(
            self.tr(
                "Changing the template only affects plans generated later; items already in a plan "
                "stay as they are."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.toggle_button = QPushButton(self.tr("Stop / resume using"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.holidays_button = QPushButton(self.tr("School holidays…"))
        self.holidays_button.clicked.connect(self.edit_holidays)
        close = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.holidays_button)
        row.addWidget(close)
        layout = QVBoxLayout(self.body)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        self.set_buttons(row)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        rules = plan_template.list_rules()
        self.model.set_records(rules)
        if select_id is not None:
            for row, rule in enumerate(rules):
                if rule.id == select_id:
                    self.view.selectRow(row)

    def current(self) -> PlanTemplateRule | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def add(self) -> None:
        dialog = RuleDialog(None, self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def edit(self) -> None:
        rule = self.current()
        if rule is None:
            return
        dialog = RuleDialog(rule, self)
        if dialog.exec():
            self.refresh(rule.id)

    def holidays_year(self) -> int:
        """The plan tab's year when opened from it, else this year."""
        year = getattr(self.parent(), "year", None)
        return year.value() if hasattr(year, "value") else dt.date.today().year

    def edit_holidays(self) -> None:
        from union_desk.ui.plan.holidays_dialog import SchoolHolidaysDialog

        SchoolHolidaysDialog(self.holidays_year(), self).exec()

    @surfaces_errors
    def toggle(self) -> None:
        rule = self.current()
        if rule is None:
            return
        plan_template.set_rule_active(rule, not rule.active)
        self.refresh(rule.id)

    @surfaces_errors
    def delete(self) -> None:
        rule = self.current()
        if rule is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr(
                "Delete the rule “{title}” from the template?\n"
                "Items already generated from it stay in their plans."
            ).format(
                title=shown_title(rule.title)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            plan_template.delete_rule(rule)
            self.refresh()
