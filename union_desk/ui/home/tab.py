"""首页: the year's figures and what needs doing this week."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk import areas
from union_desk.db import backup
from union_desk.services import maintenance
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList


class FigureCard(QFrame):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName("figureValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class HomeTab(QWidget):
    """首页. The figures, lists and quick actions come from each area's registration
    (union_desk.areas: `home`, `quick_actions`); this page lays them out by their order.

    Only lists with entries get a box, and those boxes share the space (up to LIST_COLUMNS a row):
    an empty box said nothing but "（无）" and took a third of the screen from a list that needs
    it. The empty ones are named on one line instead ("暂无：本周计划事项、…"), so the chair still
    sees they were looked at and are clear."""

    backup_requested = Signal()
    ledgers_requested = Signal()  # 台账
    action_requested = Signal(str, str)  # a quick action: (navigation key, page method)
    # an entry was opened (double-click / Enter): (kind, record), e.g. ('plan', PlanItem),
    # ('member', Member), ('due_visit', visits.DueVisit); the page registered for the kind opens it
    open_requested = Signal(str, object)
    LIST_COLUMNS = 3

    def __init__(self, db_path: Path | None = None, parent=None):
        super().__init__(parent)
        self._db_path = Path(db_path) if db_path else None
        self.title = QLabel()
        self.title.setObjectName("homeTitle")
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.ledgers_button = QPushButton(self.tr("Ledgers…"))
        self.ledgers_button.clicked.connect(self.ledgers_requested)
        self.backup_state = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.backup_state)
        self.action_buttons: dict[str, QPushButton] = {}
        for action in areas.quick_actions():
            button = QPushButton(QCoreApplication.translate("HomeTab", action.label))
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a.nav_key, a.method))
            self.action_buttons[action.method] = button
            header.addWidget(button)
        header.addWidget(self.ledgers_button)
        header.addWidget(self.backup_button)

        self.cards: dict[str, FigureCard] = {}
        self.lists: dict[str, tuple[QGroupBox, QListWidget]] = {}
        self._cards_row = QHBoxLayout()
        self._grid = QGridLayout()
        self._order: list[str] = []  # list keys in their order
        self._entries: dict[str, int] = {}  # entries shown in each list
        # the lists with nothing in them, on one line
        self.empty_lists = QLabel()
        self.empty_lists.setObjectName("homeEmptyLists")
        self.empty_lists.setWordWrap(True)
        self.empty_lists.setStyleSheet("color: #555;")
        self.empty_lists.hide()

        # Problems met when the file was opened (a failed daily backup, read-only, network drive).
        self.warnings = QLabel()
        self.warnings.setObjectName("homeWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b00020; font-weight: bold;")
        self.warnings.hide()
        # No backup outside the data folder for a week: a dead disk or a 还原卡 takes both.
        self.outside_backup = QLabel()
        self.outside_backup.setObjectName("outsideBackupWarning")
        self.outside_backup.setWordWrap(True)
        self.outside_backup.setStyleSheet("color: #b00020;")
        self.outside_backup.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.warnings)
        layout.addWidget(self.outside_backup)
        layout.addLayout(self._cards_row)
        layout.addWidget(self.empty_lists)
        layout.addLayout(self._grid, 1)

    @property
    def new_visit_button(self) -> QPushButton:
        return self.action_buttons["new_visit"]

    @property
    def new_member_button(self) -> QPushButton:
        return self.action_buttons["add_member"]

    @property
    def db_path(self) -> Path:
        if self._db_path is not None:
            return self._db_path
        from union_desk.db.database import current_database

        return Path(current_database().path)

    @db_path.setter
    def db_path(self, path: Path) -> None:
        self._db_path = Path(path)

    def _list_box(self, title: str):
        box = QGroupBox(title)
        widget = QListWidget()
        widget.setToolTip(self.tr("Double-click an entry to open it"))
        widget.itemActivated.connect(self._open_entry)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        return box, widget

    def _parts(self, today: dt.date) -> tuple[list[HomeFigure], list[HomeList]]:
        context = HomeContext(today, self.db_path)
        parts = [part for provider in areas.home_providers() for part in provider(context)]
        figures = sorted((p for p in parts if isinstance(p, HomeFigure)), key=lambda p: p.order)
        lists = sorted((p for p in parts if isinstance(p, HomeList)), key=lambda p: p.order)
        return figures, lists

    def _place(self, figures: list[HomeFigure], lists: list[HomeList]) -> None:
        """Make the cards and list boxes of parts seen for the first time, in their order."""
        if all(f.key in self.cards for f in figures) and all(part.key in self.lists for part in lists):
            return
        for figure in figures:
            if figure.key not in self.cards:
                self.cards[figure.key] = FigureCard(figure.caption)
        for part in lists:
            if part.key not in self.lists:
                self.lists[part.key] = self._list_box(part.title)
        for figure in figures:
            self._cards_row.addWidget(self.cards[figure.key])
        self._order = [part.key for part in lists]

    def refresh(self) -> None:
        today = dt.date.today()
        figures, lists = self._parts(today)
        self._place(figures, lists)
        self.title.setText(self.tr("Today is {date}").format(date=today.isoformat()))
        for figure in figures:
            self.cards[figure.key].value.setText(figure.value)
        for part in lists:
            self._fill(part.key, part.lines, (part.kind, part.records))
        shown = {part.key for part in lists}
        for key in self.lists:  # a list an area no longer returns (nothing to say) is emptied, not left stale
            if key not in shown:
                self._fill(key, [])
        self._arrange()
        self._show_warnings()
        outside = maintenance.outside_backup_warning(self.db_path, today)
        self.outside_backup.setText("⚠ " + outside if outside else "")
        self.outside_backup.setVisible(bool(outside))
        backups = backup.list_backups(self.db_path)
        age = (today - backups[0].taken_at.date()).days if backups else None
        if age is None:
            text, warn = self.tr("No backup yet"), True
        elif age == 0:
            text, warn = self.tr("Last backup: today"), False
        else:
            text, warn = self.tr("Last backup: %n day(s) ago", "", age), age > 7
        self.backup_state.setText(text)
        self.backup_state.setProperty("warn", warn)
        self.backup_state.setStyleSheet("color: #b00020; font-weight: bold;" if warn else "")

    def _show_warnings(self) -> None:
        from union_desk.db.database import current_database

        warnings = getattr(current_database(), "warnings", [])
        self.warnings.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def _arrange(self) -> None:
        """Boxes for the lists with entries, sharing the grid; the empty lists named on one line."""
        full = [key for key in self._order if self._has_entries(key)]
        empty = [key for key in self._order if key not in full]
        for key in self._order:
            self._grid.removeWidget(self.lists[key][0])
        columns = 2 if len(full) in (2, 4) else min(self.LIST_COLUMNS, max(1, len(full)))
        for i, key in enumerate(full):
            self._grid.addWidget(self.lists[key][0], i // columns, i % columns)
        for key in self._order:
            self.lists[key][0].setVisible(key in full)
        for c in range(self._grid.columnCount()):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)
        names = "、".join(self.lists[key][0].title() for key in empty)
        self.empty_lists.setText(self.tr("Nothing at present: {lists}").format(lists=names) if empty else "")
        self.empty_lists.setVisible(bool(empty))

    def _has_entries(self, key: str) -> bool:
        return self._entries.get(key, 0) > 0

    def _fill(self, key: str, lines: list[str], records: tuple[str, list] | None = None) -> None:
        """Show `lines`; `records` = (kind, the record of each line) lets an entry open its record."""
        widget = self.lists[key][1]
        widget.clear()
        self._entries[key] = len(lines)
        if lines:
            widget.addItems(lines)
            if records is not None:
                kind, items = records
                for row, record in enumerate(items):
                    widget.item(row).setData(Qt.ItemDataRole.UserRole, (kind, record))
        else:
            widget.addItem(self.tr("(none)"))

    def _open_entry(self, item) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.open_requested.emit(*target)
