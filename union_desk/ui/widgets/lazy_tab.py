"""A tab page that builds its real widget (and imports its module) only when first needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], on_built: Callable[[QWidget], None] | None = None, parent=None):
        super().__init__(parent)
        self._factory = factory
        self._on_built = on_built
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._factory()
            self._layout.addWidget(self._widget)
            if self._on_built:
                self._on_built(self._widget)
        return self._widget
