"""文件 → 会议类别…: the meeting kinds, who should attend (union roles; none = every 在职 member)
and the minimum count per month / quarter / year that feeds the meeting-count warning.

Kinds are saved through `meetings.save_kind`; a kind no longer used is retired (启用 off), never
deleted, so old meetings keep their kind."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
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

from union_desk.db.meeting_models import MeetingKind
from union_desk.domain import meetings as rules
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.services.members import UNION_ROLES
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, show_error
from union_desk.ui.meetings.common import error_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def roles_text(kind: MeetingKind) -> str:
    roles = [r for r in (kind.roles or "").split(",") if r]
    return "、".join(roles) if roles else "全体在职会员"


def minimum_text(kind: MeetingKind) -> str:
    return f"每{kind.min_period}≥{kind.min_count}次" if kind.min_count else ""


class KindsDialog(FormDialog):
    confirm_discard = False  # asked by its own reject() about the kind being edited

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting kinds"))
        self.changed = False
        self.current: MeetingKind | None = None
        columns = [
            Column(self.tr("Name"), lambda k: k.name, 110),
            Column(self.tr("Who attends"), lambda k: roles_text(k), 130, stretch=True),
            Column(self.tr("Minimum"), lambda k: minimum_text(k), 90),
            Column(self.tr("In use"), lambda k: k.active, 50, full="✓"),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda k: not k.active
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("kinds")
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())

        self.name = QLineEdit()
        self.name.setObjectName("name")
        roles_box = QWidget()
        grid = QGridLayout(roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[str, QCheckBox] = {}
        for i, role in enumerate(UNION_ROLES):
            box = QCheckBox(role)
            box.setObjectName(f"role_{role}")
            self.role_boxes[role] = box
            grid.addWidget(box, i // 2, i % 2)
        self.min_count = QSpinBox()
        self.min_count.setObjectName("min_count")
        self.min_count.setRange(0, meetings.MAX_COUNT)
        self.min_count.setSpecialValueText(self.tr("no minimum"))
        self.min_period = choice_combo(rules.PERIODS, "季度")
        self.min_period.setObjectName("min_period")
        minimum = QHBoxLayout()
        minimum.addWidget(QLabel(self.tr("at least")))
        minimum.addWidget(self.min_count)
        minimum.addWidget(QLabel(self.tr("time(s) every")))
        minimum.addWidget(self.min_period)
        minimum.addStretch(1)
        self.active = QCheckBox(self.tr("In use (untick to retire the kind)"))
        self.active.setObjectName("active")
        self.save_button = QPushButton(self.tr("Save kind"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New kind"))
        self.new_button.clicked.connect(self.new_kind)
        self.editing = QLabel()
        self.editing.setStyleSheet("font-weight: bold;")
        self.error = error_label()

        box = QGroupBox(self.tr("Kind"))
        form = QFormLayout(box)
        form.addRow(self.editing)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Who attends"), roles_box)
        hint = QLabel(self.tr("Members holding one of the ticked roles are listed on a new meeting; "
                              "with none ticked, every member in service."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)
        form.addRow(self.tr("Minimum"), minimum)
        form.addRow(self.active)
        form.addRow(self.error)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        form.addRow(buttons_row)
        box.setFixedWidth(430)

        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addLayout(body, 1)
        self.set_buttons(close)
        self.refresh()
        if self.model.records:
            self.view.selectRow(0)
        else:
            self.new_kind()
        self.resize(900, 420)

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_records(meetings.kinds(active_only=False))
        if select_id is not None:
            self.select(select_id)

    def select(self, kind_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == kind_id:
                self.view.selectRow(row)

    def _load_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        kind = self.model.record_at(rows[0].row())
        self.current = kind
        say(self.error, "")
        self.editing.setText(self.tr("Editing: {name}").format(name=kind.name))
        self.name.setText(kind.name)
        roles = set(r for r in (kind.roles or "").split(",") if r)
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)
        self.min_count.setValue(kind.min_count)
        self.min_period.setCurrentText(kind.min_period)
        self.active.setChecked(kind.active)

    def new_kind(self) -> None:
        self.view.clearSelection()
        self.current = None
        say(self.error, "")
        self.editing.setText(self.tr("New kind"))
        self.name.clear()
        for box in self.role_boxes.values():
            box.setChecked(False)
        self.min_count.setValue(0)
        self.min_period.setCurrentText("季度")
        self.active.setChecked(True)
        self.name.setFocus()

    def data(self) -> dict:
        return {
            "name": self.name.text(),
            "roles": [role for role, box in self.role_boxes.items() if box.isChecked()],
            "min_count": self.min_count.value(),
            "min_period": self.min_period.currentText(),
            "active": self.active.isChecked(),
        }

    @surfaces_errors
    def save(self) -> bool:
        say(self.error, "")
        try:
            saved = meetings.save_kind(self.data(), self.current)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return False
        self.changed = True
        self.refresh(saved.id)
        return True

    def reject(self) -> None:
        """Close (the user's own closing only): offer to save the kind being edited first."""
        if self._user_closing and self.isVisible() and self._unsaved() and QMessageBox.question(
            self, self.windowTitle(), self.tr("Save the changes to this kind first?")
        ) == QMessageBox.StandardButton.Yes and not self.save():
            return
        super().reject()

    def _unsaved(self) -> bool:
        kind = self.current
        if kind is None:
            return bool(self.name.text().strip())
        loaded = {
            "name": kind.name,
            "roles": [r for r in UNION_ROLES if r in (kind.roles or "").split(",")],
            "min_count": kind.min_count,
            "min_period": kind.min_period,
            "active": kind.active,
        }
        return loaded != self.data()
