"""文件 → 会议类别…: the meeting kinds, who should attend (union roles; none = every 在职 member)
and the minimum count per month / quarter / year that feeds the meeting-count warning.

Kinds are saved through `meetings.save_kind`; a kind no longer used is retired (启用 off), never
deleted, so old meetings keep their kind."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from union_desk.db.meeting_models import MeetingKind
from union_desk.domain import meetings as rules
from union_desk.services import meetings
from union_desk.services.members import UNION_ROLES
from union_desk.ui.hardship.common import choice_combo
from union_desk.ui.meetings.common import error_label
from union_desk.ui.widgets.list_editor import ListEditorDialog
from union_desk.ui.widgets.table_model import Column


def roles_text(kind: MeetingKind) -> str:
    roles = [r for r in (kind.roles or "").split(",") if r]
    return "、".join(roles) if roles else "全体在职会员"


def minimum_text(kind: MeetingKind) -> str:
    return f"每{kind.min_period}≥{kind.min_count}次" if kind.min_count else ""


class KindsDialog(ListEditorDialog):
    ask_only_when_user_closes = True  # the question about the kind being edited

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting kinds"))
        columns = [
            Column(self.tr("Name"), lambda k: k.name, 110),
            Column(self.tr("Who attends"), lambda k: roles_text(k), 130, stretch=True),
            Column(self.tr("Minimum"), lambda k: minimum_text(k), 90),
            Column(self.tr("In use"), lambda k: k.active, 50, full="✓"),
        ]
        self.setup_list(columns, "kinds")

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
        self.error = error_label()

        form = self.setup_editor(self.tr("Kind"), self.tr("Save kind"), self.tr("New kind"))
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
        self.finish_editor(form, 430, 900, 420)

    def records(self) -> list:
        return meetings.kinds(active_only=False)

    def show_record(self, kind: MeetingKind | None) -> None:
        if kind is None:
            self.name.clear()
            for box in self.role_boxes.values():
                box.setChecked(False)
            self.min_count.setValue(0)
            self.min_period.setCurrentText("季度")
            self.active.setChecked(True)
            return
        self.name.setText(kind.name)
        roles = set(r for r in (kind.roles or "").split(",") if r)
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)
        self.min_count.setValue(kind.min_count)
        self.min_period.setCurrentText(kind.min_period)
        self.active.setChecked(kind.active)

    def new_kind(self) -> None:
        self.new_record()

    def data(self) -> dict:
        return {
            "name": self.name.text(),
            "roles": [role for role, box in self.role_boxes.items() if box.isChecked()],
            "min_count": self.min_count.value(),
            "min_period": self.min_period.currentText(),
            "active": self.active.isChecked(),
        }

    def save_record(self, data: dict, current: MeetingKind | None) -> MeetingKind:
        return meetings.save_kind(data, current)

    def unsaved_question(self) -> str:
        return self.tr("Save the changes to this kind first?")

    def loaded(self, kind: MeetingKind) -> dict:
        return {
            "name": kind.name,
            "roles": [r for r in UNION_ROLES if r in (kind.roles or "").split(",")],
            "min_count": kind.min_count,
            "min_period": kind.min_period,
            "active": kind.active,
        }
