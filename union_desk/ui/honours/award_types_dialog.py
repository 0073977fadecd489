"""文件 → 奖项设置…: the award types (三八红旗手, 优秀工会小组长 …): level, whom they go to, who may be
nominated (sex, member statuses, union roles, ages), the default quota and the awarding body.

Saved through `honours.save_award_type`; an award no longer given is retired (启用 off), never
deleted, so old rounds keep it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from union_desk.db.honour_models import AwardType
from union_desk.domain import honours as rules
from union_desk.services import honours
from union_desk.services.members import MEMBER_STATUSES, UNION_ROLES
from union_desk.ui.hardship.common import choice_combo
from union_desk.ui.honours.common import error_label
from union_desk.ui.widgets.list_editor import ListEditorDialog
from union_desk.ui.widgets.table_model import Column

ANY_SEX = "不限"


def _words(raw: str) -> list[str]:
    return [w for w in (raw or "").split(",") if w]


class AwardTypesDialog(ListEditorDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Award types"))
        columns = [
            Column(self.tr("Award"), lambda a: a.name, 130, full="优秀工会积极分子"),
            Column(self.tr("Level"), lambda a: a.level, 40),
            Column(self.tr("Awarded to"), lambda a: a.target, 60, full="工会小组"),
            Column(self.tr("Who may be nominated"), honours.award_eligibility_text, 140, stretch=True),
            Column(self.tr("Quota"), lambda a: a.default_quota, 44),
            Column(self.tr("Awarded by"), honours.awarding_body, 100),
            Column(self.tr("In use"), lambda a: a.active, 44, full="✓"),
        ]
        self.setup_list(columns, "awardTypes")

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
        self.error = error_label()

        form = self.setup_editor(self.tr("Award"), self.tr("Save award"), self.tr("New award"))
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
        self.finish_editor(form, 470, 1220, 540)

    def _age_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(15, 100)
        box.setSpecialValueText(self.tr("any"))
        box.setSuffix(self.tr(" years"))
        return box

    def records(self) -> list:
        return honours.award_types(active_only=False)

    def show_record(self, award: AwardType | None) -> None:
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

    def new_award(self) -> None:
        self.new_record()

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

    def save_record(self, data: dict, current: AwardType | None) -> AwardType:
        return honours.save_award_type(data, current)

    def unsaved_question(self) -> str:
        return self.tr("Save the changes to this award first?")

    def loaded(self, award: AwardType) -> dict:
        return {
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
