"""The side list of areas: grouped entries, keyboard reachable.

Entries come from the registry (`union_desk.areas.nav_entries()`); a thin line separates the
groups. Ctrl+1…9 go to the first nine entries, Ctrl+PgUp/PgDn to the previous/next one (wrapping);
arrow keys move inside the list. Ctrl+Tab is left to the sub-tabs inside an area.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QSizePolicy

from union_desk.areas import NAV_CONTEXT, NavEntry

KEY_ROLE = Qt.ItemDataRole.UserRole


class NavigationList(QListWidget):
    area_chosen = Signal(str)  # the key of the entry chosen

    def __init__(self, entries: list[NavEntry], parent=None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Areas"))
        self.keys: list[str] = []
        group = None
        for entry in entries:
            if group is not None and entry.group != group:
                self._separator()
            group = entry.group
            item = QListWidgetItem(QCoreApplication.translate(NAV_CONTEXT, entry.label))
            item.setData(KEY_ROLE, entry.key)
            item.setSizeHint(QSize(0, 34))
            self.addItem(item)
            self.keys.append(entry.key)
        self.currentItemChanged.connect(self._changed)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._shortcuts(parent)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the longest entry in the styled font (the stylesheet pads the items)."""
        longest = max((self.fontMetrics().horizontalAdvance(self.item(i).text()) for i in range(self.count())), default=80)
        return QSize(longest + 48, super().sizeHint().height())

    def _separator(self) -> None:
        item = QListWidgetItem()
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: the arrow keys step over it
        item.setSizeHint(QSize(0, 9))
        self.addItem(item)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.setItemWidget(item, line)

    def _shortcuts(self, window) -> None:
        target = window if window is not None else self
        for n, key in enumerate(self.keys[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), target)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda key=key: self.choose(key))
        for sequence, step in ((QKeySequence("Ctrl+PgDown"), 1), (QKeySequence("Ctrl+PgUp"), -1)):
            shortcut = QShortcut(sequence, target)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))

    def _item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return self.item(row)
        return None

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def choose(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.setCurrentItem(item)

    def step(self, step: int) -> None:
        """The next (1) or previous (-1) entry, wrapping round."""
        if not self.keys:
            return
        current = self.current_key()
        index = self.keys.index(current) if current in self.keys else 0
        self.choose(self.keys[(index + step) % len(self.keys)])

    def _changed(self, current, _previous) -> None:
        if current is not None and current.data(KEY_ROLE):
            self.area_chosen.emit(current.data(KEY_ROLE))
