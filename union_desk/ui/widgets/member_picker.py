"""A compact member picker: a line edit whose popup lists members found by name or pinyin.

Typing searches through `members.search_query` (name, full pinyin, pinyin initials, every reading
of a heteronym; also ID fragment and phone) and shows at most `LIMIT` matches as
"name  department  status". Choosing one (click, Enter, or a unique exact name) makes it the
picker's member; editing the text again clears the choice. Reused by the visit form, the hardship
file form, the batch dialog and the activities tab.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from union_desk.db.models import Member
from union_desk.services import members
from union_desk.services.members import MemberFilter

LIMIT = 20
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def member_label(member: Member) -> str:
    """How a member is shown in the popup: name, department and status."""
    parts = [member.name, member.department or "—", member.status]
    return "\u3000".join(parts)


class MemberPicker(QLineEdit):
    """`member()` is the chosen Member or None; `memberChanged(Member | None)` says when it changes."""

    memberChanged = Signal(object)  # noqa: N815 - Qt naming

    def __init__(self, parent=None, *, statuses: tuple[str, ...] = (), limit: int = LIMIT):
        super().__init__(parent)
        self._statuses = tuple(statuses)
        self._limit = limit
        self._member: Member | None = None
        self._results: list[Member] = []
        self.setPlaceholderText(self.tr("Name or pinyin initials"))
        self.setClearButtonEnabled(True)

        self.results_model = QStandardItemModel(self)
        self.completer_ = QCompleter(self)
        self.completer_.setModel(self.results_model)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._on_activated)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_editing_finished)
        # the clear button empties the text without textEdited
        self.textChanged.connect(lambda text: self.clear_member() if not text else None)

    # --- public API ---------------------------------------------------------------------------

    def member(self) -> Member | None:
        return self._member

    def set_member(self, member: Member | None) -> None:
        """Choose `member` (or clear with None) without searching."""
        self._debounce.stop()
        changed = (member.id if member else None) != (self._member.id if self._member else None)
        self._member = member
        self.blockSignals(True)
        self.setText(member.name if member else "")
        self.blockSignals(False)
        self.setToolTip(member_label(member) if member else "")
        self.completer_.popup().hide()
        if changed:
            self.memberChanged.emit(member)

    def clear_member(self) -> None:
        if self._member is not None:
            self._member = None
            self.setToolTip("")
            self.memberChanged.emit(None)

    def results(self) -> list[Member]:
        """The members listed in the popup after the last search."""
        return list(self._results)

    def choose_row(self, row: int) -> None:
        """Pick the `row`-th result (what clicking a popup row does)."""
        self.set_member(self._results[row])

    def search_now(self) -> None:
        text = self.text().strip()
        self.results_model.clear()
        if not text:
            self._results = []
            self.completer_.popup().hide()
            return
        query = members.search_query(text, MemberFilter(statuses=self._statuses)).limit(self._limit)
        self._results = list(query)
        for member in self._results:
            item = QStandardItem(member_label(member))
            item.setData(member.name, Qt.ItemDataRole.EditRole)
            item.setData(member_label(member), Qt.ItemDataRole.DisplayRole)
            item.setData(member.id, MEMBER_ROLE)
            item.setEditable(False)
            self.results_model.appendRow(item)
        if not self._results:
            item = QStandardItem(self.tr("No member found"))
            item.setEnabled(False)
            item.setSelectable(False)
            self.results_model.appendRow(item)
        if self.hasFocus() or self.isVisible():
            self.completer_.complete()
            popup = self.completer_.popup()
            popup.setMinimumWidth(max(self.width(), 260))
            if self._results:
                popup.setCurrentIndex(self.results_model.index(0, 0))

    # --- internals ----------------------------------------------------------------------------

    def _on_edited(self, _text: str) -> None:
        self.clear_member()
        self._debounce.start()

    def _on_activated(self, index: QModelIndex) -> None:
        member_id = index.data(MEMBER_ROLE)
        match = next((m for m in self._results if m.id == member_id), None)
        if match is not None:
            # QCompleter also writes the item's EditRole (the plain name) into the line edit
            self.set_member(match)

    def _on_editing_finished(self) -> None:
        """Leaving the field with an unambiguous text chooses that member."""
        if self._member is not None or not self.text().strip():
            return
        if self._debounce.isActive():
            self._debounce.stop()
            self.search_now()
        text = self.text().strip()
        exact = [m for m in self._results if m.name == text]
        if len(exact) == 1:
            self.set_member(exact[0])
        elif len(self._results) == 1:
            self.set_member(self._results[0])

