"""批量送温暖: one visit type and amount for many members, all saved in one transaction.

The list of members is filled by a rule (every open hardship file, every retiree) or by hand with
the member picker, and can be trimmed by unticking. `visits.batch_visits` saves all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from union_desk.db.models import Member, Visit, VisitType
from union_desk.errors import ValidationError
from union_desk.services import hardship, members, settings, visits
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import (
    choice_combo,
    date_edit,
    edit_date,
    money_edit,
    save_cancel_buttons,
    show_error,
    with_over_cap_reason,
)
from union_desk.ui.hardship.visit_form import fill_type_combo
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker, member_label

RULE_FILES, RULE_RETIREES, RULE_OWN = "files", "retirees", "own"


def members_by_rule(rule: str) -> list[Member]:
    """The members a rule picks: open hardship files (in-post or retired members), or retirees."""
    if rule == RULE_FILES:
        query = hardship.files_query(hardship.FileFilter(statuses=hardship.OPEN_STATUSES)).where(
            Member.status.in_(("在职", "退休"))
        )
        seen: dict[int, Member] = {}
        for f in query:
            seen.setdefault(f.member.id, f.member)
        return list(seen.values())
    if rule == RULE_RETIREES:
        return list(members.search_query("", members.MemberFilter(statuses=("退休",))))
    return []


class BatchDialog(FormDialog):
    """After exec(), `created` holds the visits made; `print_requested` is True when they were
    saved with 保存并打印."""

    def __init__(self, parent=None, *, initial_members: list[Member] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch visits (send warmth)"))
        self.created: list[Visit] = []

        # who
        self.rule_files = QRadioButton(self.tr("All open hardship files"))
        self.rule_retirees = QRadioButton(self.tr("All retirees"))
        self.rule_own = QRadioButton(self.tr("Chosen by hand"))
        self.rules = QButtonGroup(self)
        for button, rule in ((self.rule_files, RULE_FILES), (self.rule_retirees, RULE_RETIREES), (self.rule_own, RULE_OWN)):
            self.rules.addButton(button)
            button.setProperty("rule", rule)
        self.picker = MemberPicker(self, statuses=("在职", "退休"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._add_picked)
        self.picker.memberChanged.connect(lambda m: self.add_button.setEnabled(m is not None))
        self.add_button.setEnabled(False)
        self.member_list = QListWidget()
        self.member_list.setMinimumHeight(220)
        self.member_list.itemChanged.connect(lambda _item: self._update_count())
        self.count = QLabel()
        select_all = QPushButton(self.tr("Tick all"))
        select_all.clicked.connect(lambda: self._tick_all(True))
        select_none = QPushButton(self.tr("Untick all"))
        select_none.clicked.connect(lambda: self._tick_all(False))

        who = QGroupBox(self.tr("Members"))
        who_layout = QVBoxLayout(who)
        rule_row = QHBoxLayout()
        for button in (self.rule_files, self.rule_retirees, self.rule_own):
            rule_row.addWidget(button)
        rule_row.addStretch(1)
        who_layout.addLayout(rule_row)
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(self.tr("Add a member:")))
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(self.add_button)
        who_layout.addLayout(pick_row)
        who_layout.addWidget(self.member_list, 1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addStretch(1)
        count_row.addWidget(select_all)
        count_row.addWidget(select_none)
        who_layout.addLayout(count_row)

        # what
        self.type_combo = QComboBox()
        fill_type_combo(self.type_combo, self.tr("Choose a visit type"))
        warmth = self.type_combo.findText("春节送温暖", Qt.MatchFlag.MatchStartsWith)
        self.amount = money_edit()
        self.date = date_edit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Spring Festival visit"))
        self._reason_is_type_name = True  # the reason follows the type until the user types one
        self.reason.textEdited.connect(self._reason_typed)
        self.fund_source = choice_combo(visits.FUND_SOURCES)
        self.handler = QLineEdit(settings.get("default_handler"))
        self.visitors = QLineEdit()
        what = QGroupBox(self.tr("Visit"))
        form = QFormLayout(what)
        form.addRow(self.tr("Visit type"), self.type_combo)
        form.addRow(self.tr("Amount each (yuan)"), self.amount)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Fund source"), self.fund_source)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Visitors"), self.visitors)

        body = QHBoxLayout()
        body.addWidget(who, 3)
        body.addWidget(what, 2)
        layout = QVBoxLayout(self.body)
        layout.addLayout(body, 1)
        self.buttons = save_cancel_buttons(self, self.tr("Save all"))
        # 保存并打印: save, then the caller previews the batch's slips (one preview) and sign-off sheet
        self.print_requested = False
        self.save_print_button = QPushButton(self.tr("Save all and print…"))
        self.save_print_button.setToolTip(self.tr("Save the visits, then preview and print their slips and the sign-off sheet"))
        self.buttons.addButton(self.save_print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_print_button.clicked.connect(self.save_and_print)
        self.set_buttons(self.buttons)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.rules.buttonClicked.connect(lambda button: self.apply_rule(button.property("rule")))
        if warmth >= 0:
            self.type_combo.setCurrentIndex(warmth)
        if initial_members:
            self.rule_own.setChecked(True)
            self.set_members(initial_members)
        else:
            self.rule_files.setChecked(True)
            self.apply_rule(RULE_FILES)
        self._update_count()
        self.resize(860, 560)

    # --- members ------------------------------------------------------------------------------

    def apply_rule(self, rule: str) -> None:
        self.picker.setEnabled(True)
        if rule == RULE_OWN:
            self.set_members([])
        else:
            self.set_members(members_by_rule(rule))

    def set_members(self, chosen: list[Member]) -> None:
        self.member_list.blockSignals(True)
        self.member_list.clear()
        for member in chosen:
            self._append(member)
        self.member_list.blockSignals(False)
        self._update_count()

    def _append(self, member: Member) -> None:
        for i in range(self.member_list.count()):
            item = self.member_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == member.id:
                item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(member_label(member))
        item.setData(Qt.ItemDataRole.UserRole, member.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.member_list.addItem(item)

    def _add_picked(self) -> None:
        member = self.picker.member()
        if member is not None:
            self._append(member)
            self.picker.set_member(None)
            self._update_count()

    def _tick_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for i in range(self.member_list.count()):
            self.member_list.item(i).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [
            self.member_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.member_list.count())
            if self.member_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_count(self) -> None:
        self.count.setText(self.tr("{count} member(s) ticked").format(count=len(self.chosen_ids())))

    # --- visit --------------------------------------------------------------------------------

    def _type_changed(self, _index: int) -> None:
        type_id = self.type_combo.currentData()
        vt = VisitType.get_or_none(VisitType.id == type_id) if type_id else None
        if vt is not None:
            self.amount.setText(f"{vt.standard_amount:.2f}")
            if not self.reason.text() or self._reason_is_type_name:
                self.reason.setText(vt.name)
                self._reason_is_type_name = True

    def _reason_typed(self, _text: str) -> None:
        self._reason_is_type_name = False

    @surfaces_errors
    def accept(self) -> None:
        ids = self.chosen_ids()
        type_id = self.type_combo.currentData()
        if type_id is None:
            show_error(self, self.windowTitle(), ValidationError(self.tr("Choose a visit type.")))
            return

        def save(reason: str):
            return visits.batch_visits(
                ids,
                type_id,
                self.amount.text(),
                edit_date(self.date),
                reason=self.reason.text(),
                fund_source=self.fund_source.currentData(),
                handler=self.handler.text(),
                visitors=self.visitors.text(),
                over_cap_reason=reason,
            )

        try:
            created = with_over_cap_reason(self, save)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        if created is None:
            return
        self.created = created
        super().accept()

    def save_and_print(self) -> None:
        """保存并打印: like 保存; when the visits were saved, `print_requested` tells the caller to
        open the print preview of their slips."""
        self.print_requested = True
        self.accept()
        if not self.created:  # refused or cancelled: the dialog stays open
            self.print_requested = False
