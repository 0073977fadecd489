"""The member form (会员档案): every field of the member file, their close relatives, one save.

Validation is the service's (`services.members.check_member`): the form only shows what it says,
under each field — errors in red, warnings (e.g. a birth date that disagrees with the ID number)
in orange. Typing a full ID number fills birth date and sex when they are empty. Saving goes
through `members.save_member` (member and relatives in one transaction); a same-name-and-birthday
member is asked about, a same ID number is refused.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from union_desk import areas, changes
from union_desk.db.models import Member, Relative
from union_desk.domain import idcard, retirement, textclean
from union_desk.errors import ValidationError
from union_desk.services import members
from union_desk.ui.change_bus import bus
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import FULL_DATE, FULL_ID_NUMBER, FULL_PHONE, Column
from union_desk.ui.widgets.table_view import fit_columns

ERROR_COLOR = "#c62828"
WARNING_COLOR = "#d97706"
NOTE_COLOR = "#2e6da4"
INVALID_STYLE = f"border: 1px solid {ERROR_COLOR};"

# Offered in the 民族 box (typing another is allowed): the most common first, then the rest.
ETHNICITIES = (
    "汉族 壮族 回族 满族 维吾尔族 苗族 彝族 土家族 藏族 蒙古族 侗族 布依族 瑶族 白族 朝鲜族 哈尼族 黎族 "
    "哈萨克族 傣族 畲族 傈僳族 东乡族 仡佬族 拉祜族 佤族 水族 纳西族 羌族 土族 仫佬族 锡伯族 柯尔克孜族 "
    "景颇族 达斡尔族 撒拉族 布朗族 毛南族 塔吉克族 普米族 阿昌族 怒族 鄂温克族 京族 基诺族 德昂族 保安族 "
    "俄罗斯族 裕固族 乌孜别克族 门巴族 鄂伦春族 独龙族 赫哲族 高山族 珞巴族 塔塔尔族"
).split()


def _date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class DateEdit(QLineEdit):
    """A date typed as text; empty is allowed. 1985.6.3, 1985年6月3日 and 19850603 are tidied
    to 1985-06-03 when the field is left; what cannot be read is reported by the service."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 1985-06-03"))
        self.setMaxLength(20)
        self.setMinimumWidth(110)
        self.editingFinished.connect(self._tidy)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(_date_text(value))

    def _tidy(self) -> None:
        text = self.text()
        try:
            day_one = textclean.parse_loose_date(text, month_only_day=1)
            day_fifteen = textclean.parse_loose_date(text, month_only_day=15)
        except ValueError:
            return
        if day_one is not None and day_one == day_fifteen:  # a full date, not '1985.06'
            self.setText(day_one.isoformat())


class RelationDelegate(QStyledItemDelegate):
    """The 关系 column is chosen from the service's list."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        combo.addItems(members.RELATIONS)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        text = index.data() or ""
        editor.setCurrentIndex(max(0, editor.findText(text)))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        model.setData(index, editor.currentText())


class RelativesTable(QWidget):
    """直系亲属 as a small editable table: add and remove rows; saved with the member."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keys = members.RELATIVE_FIELDS
        headers = {
            "name": self.tr("Name"),
            "relation": self.tr("Relation"),
            "birth_date": self.tr("Birth date"),
            "id_number": self.tr("ID number"),
            "phone": self.tr("Phone"),
            "work_or_school": self.tr("Work or school"),
            "health": self.tr("Health"),
            "death_date": self.tr("Date of death"),
            "notes": self.tr("Notes"),
        }
        # the least widths: dates, ID numbers and phones widen to show in full (fit_columns)
        widths = {"name": 60, "relation": 56, "birth_date": 88, "id_number": 150, "phone": 100,
                  "work_or_school": 108, "health": 66, "death_date": 88, "notes": 50}
        full = {"birth_date": FULL_DATE, "death_date": FULL_DATE, "id_number": FULL_ID_NUMBER, "phone": FULL_PHONE}
        self.table = QTableWidget(0, len(self.keys))
        self.table.setHorizontalHeaderLabels([headers[k] for k in self.keys])
        # dates, ID numbers and phones whole; 备注 takes the spare width
        fit_columns(self.table, [Column(headers[k], None, widths[k], full=full.get(k), stretch=k == "notes")
                                 for k in self.keys])
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(self.keys.index("relation"), RelationDelegate(self.table))
        self.table.setMinimumHeight(110)

        self.add_button = QPushButton(self.tr("Add relative"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def load(self, relatives) -> None:
        self.table.setRowCount(0)
        for relative in relatives:
            values = {k: getattr(relative, k) for k in self.keys}
            self.add_row(values, relative.id, edit=False)

    def add_row(self, values: dict | None = None, relative_id: int | None = None, edit: bool = True) -> int:
        values = values or {}
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, key in enumerate(self.keys):
            value = values.get(key)
            text = _date_text(value) if isinstance(value, dt.date) else ("" if value is None else str(value))
            item = QTableWidgetItem(text)
            if col == 0:
                item.setData(self.ID_ROLE, relative_id)
            self.table.setItem(row, col, item)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def rows(self) -> list[dict]:
        """The rows as the service wants them (blank rows left out), each with its stored id."""
        self.table.setCurrentItem(None)  # commit an open editor
        rows = []
        for row in range(self.table.rowCount()):
            values = {k: (self.table.item(row, c).text() if self.table.item(row, c) else "")
                      for c, k in enumerate(self.keys)}
            relative_id = self.table.item(row, 0).data(self.ID_ROLE) if self.table.item(row, 0) else None
            if not relative_id and not any(v.strip() for v in values.values()):
                continue
            values["id"] = relative_id
            values["_row"] = row
            rows.append(values)
        return rows

    def clear_marks(self) -> None:
        self.message.hide()
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                item = self.table.item(row, col)
                if item is not None:
                    item.setBackground(Qt.GlobalColor.transparent)

    def mark(self, row: int, key: str | None, message: str) -> None:
        col = self.keys.index(key) if key in self.keys else 0
        item = self.table.item(row, col)
        if item is not None:
            item.setBackground(Qt.GlobalColor.yellow)
            self.table.setCurrentItem(item)
        self.message.setText(message)
        self.message.show()


class MemberForm(FormDialog):
    """New member (member None) or edit one; after `exec()` succeeds, `self.member` is saved."""

    def __init__(self, member: Member | None = None, parent=None):
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(
            self.tr("New member") if member is None else self.tr("Member file: {name}").format(name=member.name)
        )
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._auto: dict[str, str] = {}  # what the ID number filled in: birth_date, sex
        self._id_note = ""

        # --- 基本信息 ---
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(members.TEXT_LIMITS["name"])
        self.sex_combo = self._combo(("", *members.SEXES))
        self.ethnicity_combo = self._combo(ETHNICITIES, editable=True)
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(24)
        self.id_edit.setPlaceholderText(self.tr("18 characters; birth date and sex are read from it"))
        self.birth_edit = DateEdit()
        self.solar_radio = QRadioButton(self.tr("Solar"))
        self.lunar_radio = QRadioButton(self.tr("Lunar"))
        self.solar_radio.setChecked(True)
        self._birthday_group = QButtonGroup(self)
        self._birthday_group.addButton(self.solar_radio)
        self._birthday_group.addButton(self.lunar_radio)
        birth_row = QWidget()
        birth_layout = QHBoxLayout(birth_row)
        birth_layout.setContentsMargins(0, 0, 0, 0)
        birth_layout.addWidget(self.birth_edit, 1)
        birth_layout.addWidget(QLabel(self.tr("Birthday by")))
        birth_layout.addWidget(self.solar_radio)
        birth_layout.addWidget(self.lunar_radio)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.political_combo = self._combo(("", *members.POLITICAL_STATUSES), editable=True)
        self.education_combo = self._combo(("", *members.EDUCATIONS), editable=True)

        basic = QFormLayout()
        self._row(basic, "name", self.tr("Name"), self.name_edit)
        self._row(basic, "sex", self.tr("Sex"), self.sex_combo)
        self._row(basic, "ethnicity", self.tr("Ethnicity"), self.ethnicity_combo)
        self._row(basic, "id_number", self.tr("ID number"), self.id_edit)
        self._row(basic, "birth_date", self.tr("Birth date"), birth_row)
        self.inputs["birth_date"] = self.birth_edit
        self._row(basic, "phone", self.tr("Phone"), self.phone_edit)
        self._row(basic, "political_status", self.tr("Political status"), self.political_combo)
        self._row(basic, "education", self.tr("Education"), self.education_combo)

        # --- 工作信息 ---
        self.department_combo = self._combo(("", *members.distinct_values("department")), editable=True)
        self.post_combo = self._combo(("", *members.distinct_values("post")), editable=True)
        self.title_combo = self._combo(("", *members.distinct_values("title")), editable=True)
        self.employment_combo = self._combo(members.EMPLOYMENT_TYPES)
        # 退休类别 (issue 15): "" = from sex and post; the three tracks keep their pre-2025 names
        self.retirement_combo = self._combo(())
        self.retirement_combo.addItem(self.tr("Automatic (by sex and post)"), "")
        for track in retirement.TRACKS:
            self.retirement_combo.addItem(track, track)
        self.retirement_combo.setToolTip(self.tr(
            "Sets the statutory retirement age (gradual rise since 2025). Automatic: men 男60; "
            "women 女职工50 when the post names 工勤 or 工人, otherwise 女干部55."))
        self.work_start_edit = DateEdit()
        self.status_combo = self._combo(members.MEMBER_STATUSES)
        self.status_date_edit = DateEdit()
        status_row = QWidget()
        status_layout = QHBoxLayout(status_row)
        status_layout.setContentsMargins(0, 0, 0, 0)
        status_layout.addWidget(self.status_combo)
        status_layout.addWidget(QLabel(self.tr("since")))
        status_layout.addWidget(self.status_date_edit, 1)
        work = QFormLayout()
        self._row(work, "department", self.tr("Department"), self.department_combo)
        self._row(work, "post", self.tr("Post"), self.post_combo)
        self._row(work, "title", self.tr("Professional title"), self.title_combo)
        self._row(work, "employment_type", self.tr("Employment type"), self.employment_combo)
        self._row(work, "retirement_track", self.tr("Retirement track"), self.retirement_combo)
        self._row(work, "work_start_date", self.tr("Started work"), self.work_start_edit)
        self._row(work, "status", self.tr("Status"), status_row)
        self.inputs["status"] = self.status_combo
        # status_date shares the status row; its message goes under it too
        self.inputs["status_date"] = self.status_date_edit
        self.messages["status_date"] = self.messages["status"]

        # --- 工会信息 ---
        self.group_combo = self._combo(("", *members.distinct_values("union_group")), editable=True)
        self.joined_edit = DateEdit()
        self.role_boxes = {role: QCheckBox(role) for role in members.UNION_ROLES}
        for role in members.DERIVED_ROLES & set(self.role_boxes):  # 教代会代表: from the delegates
            self.role_boxes[role].setEnabled(False)
            self.role_boxes[role].setToolTip(self.tr("Decided by the staff congress delegate roster"))
        roles = QWidget()
        roles_layout = QGridLayout(roles)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        roles_layout.setHorizontalSpacing(12)
        for i, box in enumerate(self.role_boxes.values()):
            roles_layout.addWidget(box, i // 3, i % 3)
        union = QFormLayout()
        self._row(union, "union_group", self.tr("Union group"), self.group_combo)
        self._row(union, "joined_union_date", self.tr("Joined the union"), self.joined_edit)
        self._row(union, "union_roles", self.tr("Union roles"), roles)

        # --- 直系亲属, 备注 ---
        self.relatives = RelativesTable()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.inputs["notes"] = self.notes_edit
        self.messages["notes"] = self._message_label()

        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes_edit)
        notes_layout.addWidget(self.messages["notes"])
        left = QVBoxLayout()
        left.addWidget(self._group(self.tr("Basic information"), basic))
        left.addWidget(notes_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("Work"), work))
        right.addWidget(self._group(self.tr("Union"), union))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.panels: dict[str, QWidget] = {}  # the other areas' tabs, by panel reference
        if member is None:
            relatives_box = QGroupBox(self.tr("Close relatives"))
            QVBoxLayout(relatives_box).addWidget(self.relatives)
        else:
            # an existing member: relatives and, read-only, what the other areas hold of them
            # (union_desk.areas: member_tabs), kept up to date by the change notification
            relatives_box = QTabWidget()
            page = QWidget()
            QVBoxLayout(page).addWidget(self.relatives)
            relatives_box.addTab(page, self.tr("Close relatives"))
            for tab in areas.member_tabs():
                panel = areas.resolve(tab.panel)(member)
                self.panels[tab.panel] = panel
                page = QWidget()
                QVBoxLayout(page).addWidget(panel)
                relatives_box.addTab(page, QCoreApplication.translate("MemberForm", tab.label))
            self.lower_tabs = relatives_box
            bus().changed.connect(self._records_changed)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addLayout(columns)
        layout.addWidget(relatives_box, 1)
        self.set_buttons(self.buttons)

        if member is not None:
            self._load(member)
        self._connect()
        self.resize(1000, 700)

    # --- building helpers -----------------------------------------------------------------------

    def _combo(self, items, editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        combo.addItems(list(items))
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setMaxLength(64)
        return combo

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        """A form row: the input with its message line underneath."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = self._message_label()
        column.addWidget(message)
        form.addRow(label, holder)
        self.inputs[key] = widget
        self.messages[key] = message

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        box = QGroupBox(title)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box.setLayout(form)
        return box

    def _connect(self) -> None:
        line_edits = {
            "name": self.name_edit, "phone": self.phone_edit, "birth_date": self.birth_edit,
            "work_start_date": self.work_start_edit, "status_date": self.status_date_edit,
            "joined_union_date": self.joined_edit,
        }
        for key, edit in line_edits.items():
            edit.editingFinished.connect(lambda key=key: self._touch(key))
        for key, combo in {
            "ethnicity": self.ethnicity_combo, "political_status": self.political_combo,
            "education": self.education_combo, "department": self.department_combo,
            "post": self.post_combo, "title": self.title_combo, "union_group": self.group_combo,
        }.items():
            combo.lineEdit().editingFinished.connect(lambda key=key: self._touch(key))
        for key, combo in {"sex": self.sex_combo, "employment_type": self.employment_combo,
                           "status": self.status_combo, "retirement_track": self.retirement_combo}.items():
            combo.currentIndexChanged.connect(lambda _i, key=key: self._touch(key))
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.id_edit.textChanged.connect(self._id_typed)
        self.id_edit.editingFinished.connect(self._id_finished)

    # --- values ---------------------------------------------------------------------------------

    def _records_changed(self, kinds: frozenset[str]) -> None:
        """Another window saved records: the panels that show them reload this member's."""
        for tab in areas.member_tabs():
            panel = self.panels.get(tab.panel)
            if panel is not None and changes.touches(kinds, tab.shows):
                panel.set_member(self.member)

    def _load(self, m: Member) -> None:
        self.name_edit.setText(m.name)
        self._set_combo(self.sex_combo, m.sex)
        self._set_combo(self.ethnicity_combo, m.ethnicity)
        self.id_edit.setText(m.id_number or "")
        self.birth_edit.set_date(m.birth_date)
        self.lunar_radio.setChecked(bool(m.birthday_lunar))
        self.solar_radio.setChecked(not m.birthday_lunar)
        self.phone_edit.setText(m.phone)
        self._set_combo(self.political_combo, m.political_status)
        self._set_combo(self.education_combo, m.education)
        self._set_combo(self.department_combo, m.department)
        self._set_combo(self.post_combo, m.post)
        self._set_combo(self.title_combo, m.title)
        self._set_combo(self.employment_combo, m.employment_type)
        self.retirement_combo.setCurrentIndex(max(0, self.retirement_combo.findData(m.retirement_track or "")))
        self.work_start_edit.set_date(m.work_start_date)
        self._set_combo(self.status_combo, m.status)
        self.status_date_edit.set_date(m.status_date)
        self._set_combo(self.group_combo, m.union_group)
        self.joined_edit.set_date(m.joined_union_date)
        held = set(filter(None, m.union_roles.split(",")))
        for role, box in self.role_boxes.items():
            box.setChecked(role in held)
        self.notes_edit.setPlainText(m.notes)
        self.relatives.load(m.relatives.order_by(Relative.id))

    @staticmethod
    def _set_combo(combo: QComboBox, text: str) -> None:
        index = combo.findText(text or "")
        if index >= 0:
            combo.setCurrentIndex(index)
        elif combo.isEditable():
            combo.setEditText(text or "")

    def values(self) -> dict:
        """What the form holds, as check_member / save_member take it."""
        data = {
            "name": self.name_edit.text(),
            "sex": self.sex_combo.currentText(),
            "ethnicity": self.ethnicity_combo.currentText(),
            "id_number": self.id_edit.text(),
            "birth_date": self.birth_edit.text(),
            "birthday_lunar": self.lunar_radio.isChecked(),
            "phone": self.phone_edit.text(),
            "department": self.department_combo.currentText(),
            "union_group": self.group_combo.currentText(),
            "post": self.post_combo.currentText(),
            "title": self.title_combo.currentText(),
            "employment_type": self.employment_combo.currentText(),
            "retirement_track": self.retirement_combo.currentData() or "",
            "status": self.status_combo.currentText(),
            "status_date": self.status_date_edit.text(),
            "joined_union_date": self.joined_edit.text(),
            "work_start_date": self.work_start_edit.text(),
            "political_status": self.political_combo.currentText(),
            "education": self.education_combo.currentText(),
            "union_roles": [role for role, box in self.role_boxes.items() if box.isChecked()],
            "notes": self.notes_edit.toPlainText(),
        }
        if self.member is not None and not self._status_edited():
            # An edit of other fields never trips over an old record's missing status date.
            del data["status"], data["status_date"]
        return data

    def _status_edited(self) -> bool:
        m = self.member
        return self.status_combo.currentText() != m.status or self.status_date_edit.text().strip() != _date_text(m.status_date)

    # --- live checks ----------------------------------------------------------------------------

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._revalidate()

    def _status_changed(self, _index: int) -> None:
        if self.status_combo.currentText() != "在职" and not self.status_date_edit.text().strip():
            self.status_date_edit.setFocus()

    def _id_typed(self, text: str) -> None:
        length = len(idcard.normalize_id(text))
        if length >= 18 or length == 0:
            self._id_note = ""
            self._touched.add("id_number")
            self._fill_from_id()
            self._revalidate()
        elif "id_number" in self._touched and not self._show_all:
            self._touched.discard("id_number")  # typing: no complaint until it is complete or left
            self._id_note = ""
            self._revalidate()

    def _id_finished(self) -> None:
        self._touched.add("id_number")
        checked = members.check_member({"id_number": self.id_edit.text()})
        number = checked.values.get("id_number")
        if checked.ok and number and number != idcard.normalize_id(self.id_edit.text()):
            # an old 15-digit number: show the 18-digit one it becomes
            self.id_edit.blockSignals(True)
            self.id_edit.setText(number)
            self.id_edit.blockSignals(False)
            self._id_note = self.tr("Old 15-digit number converted to 18 digits.")
        self._fill_from_id()
        self._revalidate()

    def _fill_from_id(self) -> None:
        """Birth date and sex from a valid ID number, where empty (or filled by an earlier one)."""
        checked = members.check_member({"id_number": self.id_edit.text()})
        if not checked.ok or not checked.values.get("id_number"):
            return
        birth = checked.values["birth_date"].isoformat()
        sex = checked.values["sex"]
        if self.birth_edit.text().strip() in ("", self._auto.get("birth_date")):
            self.birth_edit.setText(birth)
            self._auto["birth_date"] = birth
        if self.sex_combo.currentText() in ("", self._auto.get("sex")):
            self._set_combo(self.sex_combo, sex)
            self._auto["sex"] = sex

    def check(self) -> members.Checked:
        data = self.values()
        data.setdefault("status", self.status_combo.currentText())
        data.setdefault("status_date", self.status_date_edit.text())
        return members.check_member(data, require_status_date=self.member is None or self._status_edited())

    def _revalidate(self) -> members.Checked:
        checked = self.check()
        errors = {}
        warnings = {}
        for issue in checked.errors:
            errors.setdefault(issue.field, []).append(issue.message)
        for issue in checked.warnings:
            warnings.setdefault(issue.field, []).append(issue.message)
        shown = set(self.messages) if self._show_all else self._touched
        if "status_date" in shown:
            shown = shown | {"status"}
        for key in self.messages:
            if key == "status_date":
                continue
            keys = (key, "status_date") if key == "status" else (key,)
            found_errors = [m for k in keys if k in shown for m in errors.get(k, [])]
            found_warnings = [m for k in keys if k in shown for m in warnings.get(k, [])]
            note = self._id_note if key == "id_number" and not found_errors else ""
            self._show(key, found_errors, found_warnings, note)
        return checked

    def _show(self, key: str, errors: list[str], warnings: list[str], note: str = "") -> None:
        label = self.messages[key]
        if errors:
            label.setText("；".join(errors))
            label.setStyleSheet(f"color: {ERROR_COLOR};")
        elif warnings:
            label.setText("；".join(warnings))
            label.setStyleSheet(f"color: {WARNING_COLOR};")
        elif note:
            label.setText(note)
            label.setStyleSheet(f"color: {NOTE_COLOR};")
        label.setVisible(bool(errors or warnings or note))
        widgets = [self.inputs[key]]
        if key == "status":
            widgets.append(self.inputs["status_date"])
        for widget in widgets:
            target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
            target.setStyleSheet(INVALID_STYLE if errors else "")

    def message_for(self, key: str) -> tuple[str, str]:
        """(text, colour) of the message under a field; ('', '') when none is shown."""
        label = self.messages[key]
        if label.isHidden():
            return "", ""
        style = label.styleSheet()
        colour = "red" if ERROR_COLOR in style else "orange" if WARNING_COLOR in style else "note"
        return label.text(), colour

    # --- saving ---------------------------------------------------------------------------------

    def _show_error(self, error: ValidationError) -> None:
        issues = getattr(error, "issues", None)
        if issues:
            for issue in issues:
                if issue.field in self.messages:
                    self._show(issue.field, [issue.message], [])
        elif error.field in self.messages:
            self._show(error.field, [error.message], [])
        first = issues[0].field if issues else error.field
        widget = self.inputs.get(first)
        if widget is not None:
            widget.setFocus()
        QMessageBox.warning(self, self.windowTitle(), error.message)

    @surfaces_errors
    def accept(self) -> None:
        self._show_all = True
        checked = self._revalidate()
        if not checked.ok:
            error = ValidationError(checked.error_text(), field=checked.errors[0].field)
            error.issues = checked.errors
            self._show_error(error)
            return
        self.relatives.clear_marks()
        rows = self.relatives.rows()
        for row in rows:
            try:
                members.check_relative(row)
            except ValidationError as exc:
                message = self.tr("Close relatives, row {row}: {message}").format(row=row["_row"] + 1, message=exc.message)
                self.relatives.mark(row["_row"], exc.field, message)
                QMessageBox.warning(self, self.windowTitle(), message)
                return
        relatives = [{k: v for k, v in row.items() if k != "_row"} for row in rows]
        confirm = False
        while True:
            try:
                saved = members.save_member(self.member, self.values(), relatives, confirm_duplicate=confirm)
            except members.DuplicateNameBirth as exc:
                answer = QMessageBox.question(self, self.tr("Same name and birth date"), exc.message)
                if answer != QMessageBox.StandardButton.Yes:
                    return
                confirm = True
                continue
            except ValidationError as exc:
                if exc.field == "relatives":
                    self.relatives.message.setText(exc.message)
                    self.relatives.message.show()
                    QMessageBox.warning(self, self.windowTitle(), exc.message)
                    return
                self._show_error(exc)
                return
            break
        self.member = saved
        super().accept()
