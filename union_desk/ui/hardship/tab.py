"""困难帮扶 tab: hardship files, visits and condolences, and 应访未访 — one sub-tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from union_desk.ui.hardship.due_page import DuePage
from union_desk.ui.hardship.files_page import FilesPage
from union_desk.ui.hardship.visits_page import VisitsPage


class HardshipTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.files = FilesPage()
        self.visits = VisitsPage()
        self.due = DuePage()
        self.inner = QTabWidget()
        self.inner.addTab(self.files, self.tr("Hardship files"))
        self.inner.addTab(self.visits, self.tr("Visits and condolences"))
        self.inner.addTab(self.due, self.tr("Due visits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.inner)

        self.files.changed.connect(self.due.refresh)
        self.visits.changed.connect(self.due.refresh)
        self.due.visit_requested.connect(self.visit_due)

    def refresh(self) -> None:
        self.files.refresh()
        self.visits.refresh()
        self.due.refresh()

    def open_record(self, kind: str, record) -> None:
        """A 首页 entry: a hardship file (shown in 困难档案) or a member due a visit (the visit form)."""
        if kind == "hardship_file":
            self.inner.setCurrentWidget(self.files)
            self.files.select_file(record.id)
        elif kind == "due_visit":
            self.inner.setCurrentWidget(self.due)
            self.visit_due(record)  # the visit form, filled in for this member and reason

    def new_visit(self) -> None:
        """首页 → 新增走访."""
        self.inner.setCurrentWidget(self.visits)
        self.visits.new_visit()

    def reload_visit_types(self) -> None:
        self.visits.reload_types()

    def visit_due(self, due) -> None:
        """Open the visit form prefilled from a 应访未访 row; on save show it in the visits list."""
        saved = self.visits.new_visit(member=due.member, visit_type_name=due.visit_type_name, relative=due.relative)
        if saved is not None:
            self.due.refresh()

    def edit_visit_types(self) -> None:
        """文件 → 慰问类别与标准."""
        from union_desk.ui.hardship.visit_types_dialog import VisitTypesDialog

        dialog = VisitTypesDialog(self.window())
        dialog.exec()
        if dialog.changed:
            self.reload_visit_types()
