"""代表 sub-tab of the staff congress: the term's delegates (those who left greyed, with their date
and reason), the figures (总数, by category with shares, 女代表) and the share warnings, and the
actions 添加代表, 编辑, 离任, 补选, 删除.

The CongressTab holds the term selector and calls `set_term` and `refresh`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.congress_models import CongressTerm, Delegate
from union_desk.domain import congress as rules
from union_desk.errors import ValidationError
from union_desk.services import congress
from union_desk.ui.congress.delegate_forms import (
    AddDelegatesDialog,
    ByElectionDialog,
    DelegateForm,
    LeaveDialog,
    vacant_seats,
)
from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import FULL_DATE, Column

WARNING_COLOR = "#a15c00"  # amber, as the other notes that are not errors


def how_text(delegate: Delegate) -> str:
    """选举, or 补选（接替王芳）."""
    if delegate.replaces_id:
        old = Delegate.get_or_none(Delegate.id == delegate.replaces_id)
        if old is not None:
            return f"{delegate.how}（接替{old.member.name}）"
    return delegate.how


def figures_text(figures: congress.DelegateFigures) -> str:
    """共 20 人：教师 14 人（70%）、干部 4 人（20%）、职工 2 人（10%）；女代表 11 人（55%）."""
    if not figures.total:
        return ""
    parts = [f"{category} {count} 人（{rules.percent_text(figures.share(category))}）"
             for category, count in figures.by_category.items() if count]
    women = rules.percent_text(rules.percent(figures.women, figures.total))
    return f"共 {figures.total} 人：" + "、".join(parts) + f"；女代表 {figures.women} 人（{women}）"


class DelegatesPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.term: CongressTerm | None = None
        columns = [
            Column(self.tr("Delegation (group)"), lambda d: d.group_name, 130),
            Column(self.tr("Name"), lambda d: d.member.name, 70),
            Column(self.tr("Sex"), lambda d: d.member.sex, 44),
            Column(self.tr("Department"), lambda d: d.member.department, 100),
            Column(self.tr("Category"), lambda d: d.category, 66),
            Column(self.tr("Elected on"), lambda d: d.elected_date, 96, full=FULL_DATE),
            Column(self.tr("How"), how_text, 130),
            Column(self.tr("Left on"), lambda d: d.left_date, 96, full=FULL_DATE),
            Column(self.tr("Reason for leaving"), lambda d: d.left_reason, 120, stretch=True),
        ]
        self.list = RecordList(columns, self._fetch, self.tr("Search name, department or group"))
        self.model = self.list.model
        self.view = self.list.view
        self.model.muted = lambda d: d.left_date is not None
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _index: self.edit_delegate())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.list.count_text = self._count_text
        self.show_left = QCheckBox(self.tr("Show those who left"))
        self.show_left.setChecked(True)
        self.show_left.toggled.connect(lambda _on: self.refresh())
        self.list.toolbar.insertWidget(1, self.show_left)

        self.add_button = QPushButton(self.tr("Add delegates…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.leave_button = QPushButton(self.tr("Leaves…"))
        self.by_election_button = QPushButton(self.tr("By-election…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(lambda: self.add_delegates())
        self.edit_button.clicked.connect(lambda: self.edit_delegate())
        self.leave_button.clicked.connect(lambda: self.leave())
        self.by_election_button.clicked.connect(lambda: self.by_election())
        self.delete_button.clicked.connect(lambda: self.delete())
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.leave_button, self.by_election_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setStyleSheet("font-weight: bold;")
        self.figures.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        self.warnings.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #666;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.warnings)
        self._update_buttons()

    # --- what the CongressTab calls -------------------------------------------------------------

    def set_term(self, term: CongressTerm | None) -> None:
        self.term = term
        self.refresh()

    def refresh(self) -> None:
        keep = self.current()
        if self.term is not None:
            self.term = CongressTerm.get_or_none(CongressTerm.id == self.term.id)
        self.list.refresh()
        if keep is not None:
            self._select_id(keep.id)
        self._show_figures()
        self._update_buttons()

    # --- data -----------------------------------------------------------------------------------

    def _fetch(self, text: str) -> list[Delegate]:
        if self.term is None:
            return []
        rows = congress.delegates_of(self.term, include_left=self.show_left.isChecked())
        text = text.strip().lower()
        if text:
            rows = [d for d in rows if text in d.member.name or text in (d.member.pinyin_key or "")
                    or text in (d.member.department or "") or text in d.group_name]
        return rows

    def _count_text(self, rows) -> str:
        left = sum(1 for d in rows if d.left_date)
        text = self.tr("%n delegate(s)", "", len(rows))
        if left:
            text += self.tr(", {count} left").format(count=left)
        return text

    def _show_figures(self) -> None:
        if self.term is None:
            self.empty.setText(self.tr("No term yet: add one on the 会议 page."))
            self.empty.show()
            self.figures.clear()
            self.warnings.clear()
            self.warnings.hide()
            return
        self.empty.hide()
        figures = congress.delegate_figures(self.term)
        self.figures.setText(figures_text(figures) or self.tr("No delegates in this term yet."))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in figures.warnings))
        self.warnings.setVisible(bool(figures.warnings))

    def current(self) -> Delegate | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        delegate = self.model.record_at(rows[0].row())
        return Delegate.get_or_none(Delegate.id == delegate.id)

    def _select_id(self, delegate_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.id == delegate_id:
                index = self.model.index(row, 0)
                self.view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.view.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self) -> None:
        delegate = self.current()
        self.add_button.setEnabled(self.term is not None)
        self.edit_button.setEnabled(delegate is not None)
        self.leave_button.setEnabled(delegate is not None and delegate.left_date is None)
        self.by_election_button.setEnabled(self.term is not None and bool(vacant_seats(self.term)))
        self.delete_button.setEnabled(delegate is not None)

    # --- actions --------------------------------------------------------------------------------

    def add_delegates(self) -> list[Delegate]:
        if self.term is None:
            return []
        current = self.current()
        dialog = AddDelegatesDialog(self.term, self, group=current.group_name if current else "")
        dialog.exec()
        self.refresh()
        if dialog.saved:
            self._select_id(dialog.saved[-1].id)
            self._update_buttons()
        return dialog.saved

    def edit_delegate(self) -> bool:
        delegate = self.current()
        if delegate is None:
            return False
        dialog = DelegateForm(delegate, self)
        dialog.exec()
        self.refresh()
        return dialog.saved

    def leave(self) -> bool:
        delegate = self.current()
        if delegate is None or delegate.left_date is not None:
            return False
        dialog = LeaveDialog(delegate, self)
        dialog.exec()
        self.refresh()
        return dialog.saved

    def by_election(self) -> Delegate | None:
        if self.term is None:
            return None
        current = self.current()
        dialog = ByElectionDialog(self.term, self, left=current if current is not None and current.left_date else None)
        dialog.exec()
        self.refresh()
        if dialog.saved is not None:
            self._select_id(dialog.saved.id)
            self._update_buttons()
        return dialog.saved

    def delete(self) -> bool:
        delegate = self.current()
        if delegate is None:
            return False
        title = self.tr("Delete delegate")
        answer = QMessageBox.question(
            self, title,
            self.tr("Delete {name} from the roster of {term}? Only for a seat entered by mistake; "
                    "a delegate who leaves is recorded with 离任.").format(
                name=delegate.member.name, term=congress.term_label(delegate.term)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            congress.remove_delegate(delegate)
        except ValidationError as exc:
            show_error(self, title, exc)
            return False
        self.refresh()
        return True
