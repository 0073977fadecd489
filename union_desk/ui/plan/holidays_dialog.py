"""寒暑假 of one year (setting ``school_holidays_<year>``): generating a plan keeps items out of
them unless their rule allows it (see services.plan_template). Unset = the defaults."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.domain.festivals import default_school_holidays
from union_desk.errors import UnionDeskError
from union_desk.services import plan_template, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SchoolHolidaysDialog(FormDialog):
    """The winter and summer holidays of `year`; 保存 stores them (the defaults store nothing)."""

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.year = year
        self.setWindowTitle(self.tr("School holidays {year}").format(year=year))
        self.edits: list[QDateEdit] = []
        for _ in range(4):
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
            self.edits.append(edit)
        self._show(plan_template.school_holidays(year))
        self.state = QLabel()
        self.state.setStyleSheet("color: #666;")
        self._update_state()
        for edit in self.edits:
            edit.dateChanged.connect(self._update_state)
        hint = QLabel(
            self.tr(
                "Generating a plan keeps dated items out of these holidays: they move to the last "
                "working day before (or the first after), except items allowed in the holidays such "
                "as the Spring Festival visits. Default winter holiday: from the Saturday 15–21 days "
                "before the Spring Festival (not before 13 January) to the Sunday nearest the Lantern "
                "Festival, at least four weeks; default summer holiday: 10 July to 31 August. Plans "
                "already generated do not change."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("Winter holiday"), self._pair(self.edits[0], self.edits[1]))
        form.addRow(self.tr("Summer holiday"), self._pair(self.edits[2], self.edits[3]))
        form.addRow("", self.state)
        self.defaults_button = QPushButton(self.tr("Use the defaults"))
        self.defaults_button.clicked.connect(lambda: self._show(default_school_holidays(year)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.defaults_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self.body)
        layout.addWidget(hint)
        layout.addLayout(form)
        self.set_buttons(row)

    def _pair(self, start: QDateEdit, end: QDateEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(start)
        row.addWidget(QLabel("~"))
        row.addWidget(end)
        row.addStretch(1)
        return box

    def _show(self, ranges) -> None:
        for edit, day in zip(self.edits, [d for pair in ranges for d in pair]):
            edit.setDate(_qdate(day))

    def ranges(self) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
        days = [_date(edit.date()) for edit in self.edits]
        return (days[0], days[1]), (days[2], days[3])

    def _update_state(self, *_args) -> None:
        default = self.ranges() == default_school_holidays(self.year)
        self.state.setText(self.tr("The defaults") if default else self.tr("The school's own dates"))

    def value(self) -> str:
        """The setting's text: empty when the dates are the defaults."""
        ranges = self.ranges()
        return "" if ranges == default_school_holidays(self.year) else settings.format_school_holidays(ranges)

    @surfaces_errors
    def accept(self) -> None:
        try:
            settings.save({settings.holiday_key(self.year): self.value()})
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()
