"""文件 → 奖项设置…: the award types (三八红旗手, 优秀工会小组长 …): level, whom they go to, who may be
nominated (sex, member statuses, union roles, ages), the default quota and the awarding body.

Saved through `honours.save_award_type`; an award no longer given is retired (启用 off), never
deleted, so old rounds keep it."""

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

from union_desk.db.honour_models import AwardType
from union_desk.domain import honours as rules
from union_desk.errors import UnionDeskError
from union_desk.services import honours
from union_desk.services.members import MEMBER_STATUSES, UNION_ROLES
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, show_error
from union_desk.ui.honours.common import error_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

ANY_SEX = "不限"


def _words(raw: str) -> list[str]:
    return [w for w in (raw or "").split(",") if w]


class AwardTypesDialog(FormDialog):
    confirm_discard = False  # asked by its own reject() about the award being edited

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Award types"))
        self.changed = False
        self.current: AwardType | None = None
        columns = [
            Column(self.tr("Award"), lambda a: a.name, 130, full="优秀工会积极分子"),
            Column(self.tr("Level"), lambda a: a.level, 40),
            Column(self.tr("Awarded to"), lambda a: a.target, 60, full="工会小组"),
            Column(self.tr("Who may be nominated"), honours.award_eligibility_text, 140, stretch=True),
            Column(self.tr("Quota"), lambda a: a.default_quota, 44),
            Column(self.tr("Awarded by"), honours.awarding_body, 100),
            Column(self.tr("In use"), lambda a: a.active, 44, full="✓"),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda a: not a.active
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("awardTypes")
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.level = choice_combo(rules.LEVELS, "校")
        self.level.setObjectName("level")
        self.target = choice_combo(rules.TARGETS, "个人")
        self.target.setObjectName("target")
        self.sex = choice_combo((ANY_SEX, "男", "女"), ANY_SEX)
        self.sex.setObjectName("eligible_sex")
        statuses = QWidget()
        status_row = QHBoxLayout(statuses)
        status_row.setContentsMargins(0, 0, 0, 0)
        self.status_boxes: dict[str, QCheckBox] = {}
        for status in MEMBER_STATUSES:
            box = QCheckBox(status)
            box.setObjectName(f"status_{status}")
            self.status_boxes[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[str, QCheckBox] = {}
        for i, role in enumerate(UNION_ROLES):
            box = QCheckBox(role)
            box.setObjectName(f"role_{role}")
            self.role_boxes[role] = box
            grid.addWidget(box, i // 3, i % 3)
        self.min_age = self._age_box("min_age")
        self.max_age = self._age_box("max_age")
        ages = QHBoxLayout()
        ages.addWidget(self.min_age)
        ages.addWidget(QLabel("～"))
        ages.addWidget(self.max_age)
        ages.addStretch(1)
        self.quota = QSpinBox()
        self.quota.setObjectName("default_quota")
        self.quota.setRange(0, honours.MAX_QUOTA)
        self.quota.setSpecialValueText(self.tr("no quota"))
        self.awarding_body = QLineEdit()
        self.awarding_body.setObjectName("awarding_body")
        self.awarding_body.setPlaceholderText(honours.school_union())
        self.active = QCheckBox(self.tr("In use (untick to retire the award)"))
        self.active.setObjectName("active")
        self.save_button = QPushButton(self.tr("Save award"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New award"))
        self.new_button.clicked.connect(self.new_award)
        self.editing = QLabel()
        self.editing.setStyleSheet("font-weight: bold;")
        self.error = error_label()

        box = QGroupBox(self.tr("Award"))
        form = QFormLayout(box)
        form.addRow(self.editing)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Awarded to"), self.target)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Member status"), statuses)
        form.addRow(self.tr("Union role (any one)"), roles)
        form.addRow(self.tr("Age"), ages)
        form.addRow(self.tr("Default quota"), self.quota)
        form.addRow(self.tr("Awarded by"), self.awarding_body)
        form.addRow(self.active)
        form.addRow(self.error)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        form.addRow(buttons_row)
        box.setFixedWidth(470)

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
            self.new_award()
        self.resize(1220, 540)

    def _age_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(15, 100)
        box.setSpecialValueText(self.tr("any"))
        box.setSuffix(self.tr(" years"))
        return box

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_records(honours.award_types(active_only=False))
        if select_id is not None:
            self.select(select_id)

    def select(self, award_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == award_id:
                self.view.selectRow(row)

    def _show(self, award: AwardType | None) -> None:
        self.name.setText(award.name if award else "")
        self.level.setCurrentText(award.level if award else "校")
        self.target.setCurrentText(award.target if award else "个人")
        self.sex.setCurrentText((award.eligible_sex if award else "") or ANY_SEX)
        statuses = set(_words(award.eligible_statuses)) if award else {"在职"}
        for status, box in self.status_boxes.items():
            box.setChecked(status in statuses)
        roles = set(_words(award.eligible_roles)) if award else set()
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)
        self.min_age.setValue(award.min_age if award and award.min_age is not None else 15)
        self.max_age.setValue(award.max_age if award and award.max_age is not None else 15)
        self.quota.setValue(award.default_quota or 0 if award else 0)
        self.awarding_body.setText(award.awarding_body if award else "")
        self.active.setChecked(award.active if award else True)

    def _load_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        award = self.model.record_at(rows[0].row())
        self.current = award
        say(self.error, "")
        self.editing.setText(self.tr("Editing: {name}").format(name=award.name))
        self._show(award)

    def new_award(self) -> None:
        self.view.clearSelection()
        self.current = None
        say(self.error, "")
        self.editing.setText(self.tr("New award"))
        self._show(None)
        self.name.setFocus()

    def data(self) -> dict:
        sex = self.sex.currentText()
        return {
            "name": self.name.text(),
            "level": self.level.currentText(),
            "target": self.target.currentText(),
            "eligible_sex": "" if sex == ANY_SEX else sex,
            "eligible_statuses": [s for s, box in self.status_boxes.items() if box.isChecked()],
            "eligible_roles": [r for r, box in self.role_boxes.items() if box.isChecked()],
            "min_age": self.min_age.value() if self.min_age.value() > self.min_age.minimum() else None,
            "max_age": self.max_age.value() if self.max_age.value() > self.max_age.minimum() else None,
            "default_quota": self.quota.value() or None,
            "awarding_body": self.awarding_body.text(),
            "active": self.active.isChecked(),
        }

    @surfaces_errors
    def save(self) -> bool:
        say(self.error, "")
        try:
            saved = honours.save_award_type(self.data(), self.current)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return False
        self.changed = True
        self.refresh(saved.id)
        return True

    def reject(self) -> None:
        if self._unsaved() and QMessageBox.question(
            self, self.windowTitle(), self.tr("Save the changes to this award first?")
        ) == QMessageBox.StandardButton.Yes and not self.save():
            return
        super().reject()

    def _unsaved(self) -> bool:
        award = self.current
        if award is None:
            return bool(self.name.text().strip())
        loaded = {
            "name": award.name,
            "level": award.level,
            "target": award.target,
            "eligible_sex": award.eligible_sex,
            "eligible_statuses": [s for s in MEMBER_STATUSES if s in _words(award.eligible_statuses)],
            "eligible_roles": [r for r in UNION_ROLES if r in _words(award.eligible_roles)],
            "min_age": award.min_age,
            "max_age": award.max_age,
            "default_quota": award.default_quota,
            "awarding_body": award.awarding_body,
            "active": award.active,
        }
        return loaded != self.data()
