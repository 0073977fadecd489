"""Windows 11 dark mode: the figure cards' captions and the table headers stay readable.

The system's dark palette is simulated by setting one on the application before application()
runs (as Qt's Windows theme would). The check renders the widgets and measures the contrast
between the text pixels and the background, as a reader's eye would.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTableView


def dark_palette() -> QPalette:
    palette = QPalette()
    dark, darker, light = QColor("#202020"), QColor("#2b2b2b"), QColor("#ffffff")
    for role, colour in (
        (QPalette.ColorRole.Window, dark), (QPalette.ColorRole.WindowText, light),
        (QPalette.ColorRole.Base, darker), (QPalette.ColorRole.Text, light),
        (QPalette.ColorRole.Button, dark), (QPalette.ColorRole.ButtonText, light),
        (QPalette.ColorRole.AlternateBase, dark), (QPalette.ColorRole.ToolTipText, light),
    ):
        palette.setColor(role, colour)
    return palette


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(widget) -> float:
    """Contrast of the strongest pixel against the most common one (the background). The
    parent renders the area, so the background the widget sits on is in the picture."""
    parent = widget.parentWidget()
    return image_contrast((parent.grab(widget.geometry()) if parent is not None else widget.grab()).toImage())


def image_contrast(image) -> float:
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(p), background) for p in pixels)


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 2

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "数据" if role == Qt.ItemDataRole.DisplayRole else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("姓名", "部门")[section]
        return None


@pytest.fixture
def dark_app(qapp):
    """The app as application() leaves it when the system hands Qt a dark palette."""
    from union_desk.app import application

    palette, sheet = qapp.palette(), qapp.styleSheet()
    qapp.setPalette(dark_palette())
    yield application()
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_figure_card_captions_are_readable_in_dark_mode(qtbot, dark_app, demo_db, db_path):
    from union_desk.ui.home.tab import FigureCard, HomeTab

    home = HomeTab(db_path)
    qtbot.addWidget(home)
    home.resize(1000, 700)
    home.refresh()  # the areas' figures are placed on the first refresh
    home.show()
    cards = home.findChildren(FigureCard)
    assert cards
    for card in cards:
        assert card.caption.text()
        assert text_contrast(card.caption) >= 4.5, card.caption.text()
        assert text_contrast(card.value) >= 3.0  # large bold figures


def test_table_headers_are_readable_in_dark_mode(qtbot, dark_app):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(_Model(view))
    view.resize(400, 200)
    view.show()
    header = view.horizontalHeader()
    for section in range(2):
        area = QRect(header.sectionViewportPosition(section), 0, header.sectionSize(section), header.height())
        assert image_contrast(header.grab(area).toImage()) >= 4.5


def test_the_check_sees_white_on_white(qtbot, qapp):
    """The measurement itself: white text on the cards' light background fails it."""
    from PySide6.QtWidgets import QLabel

    label = QLabel("困难职工")
    qtbot.addWidget(label)
    label.setStyleSheet("background: #f5f8fc; color: #ffffff;")
    label.show()
    assert text_contrast(label) < 1.5
    label.setStyleSheet("background: #f5f8fc; color: #1f2933;")
    assert text_contrast(label) >= 4.5
