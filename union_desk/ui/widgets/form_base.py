"""One base for every form and dialog (issue 12, decision "One form base").

`FormDialog` gives each dialog the same manners:

- **Fits the screen.** On first show it is sized to min(what it asks for, the available area of
  its screen minus the window frame and a margin) and placed inside that area (centred on its
  parent window when it has one). A 1366×768 screen or a laptop at 150 % (about 1280×690
  usable) shows every dialog whole.
- **Scrolls inside.** Build the content on `self.body` (a widget inside a QScrollArea) and hand
  the button row to `set_buttons()`: the buttons sit outside the scroll area, so 保存/取消 are
  always visible. A dialog that sets its own layout on itself (the import wizards, built by a
  shared mixin, whose tables scroll by themselves) keeps it and gets the fitting only.
- **Asks before losing edits.** Esc, the close button and 取消 all go through `reject()`; when
  the editors hold something else than when the dialog was shown, it asks "放弃未保存的修改？"
  (Yes = discard, No = stay). The comparison is a snapshot of the editors' values, so typing and
  deleting again is not a change. Only the user's own closing asks; a reject() or close() the
  program calls itself does not. Choosers and viewers set `confirm_discard = False`.
- **Enter does not save by surprise.** Return/Enter in a one-line editor (line edit, combo box,
  spin box, date edit) is swallowed after the editor's own handling (returnPressed still fires,
  e.g. for a search box); it never clicks the default button. Ctrl+Enter, or the 保存 button,
  saves. Buttons with the focus still react to Enter, and multi-line editors keep their newline.
- **Write errors are shown.** A form's accept()/save() is decorated with
  `error_handling.surfaces_errors`: whatever a service raises (a read-only file, a full disk, not
  only a ValidationError) is shown and logged and the form stays open with the user's input.

`fit_to_screen(widget)` is the fitting alone, for windows that are not forms (the main window).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

MARGIN = 8  # kept free between a window's frame and the edge of the available area
# What the platform adds around a window (title bar, borders) when it cannot tell yet: a Windows
# 10/11 caption is about 31 logical pixels high at any scaling.
FRAME_ALLOWANCE = QSize(16, 40)
MAX_SNAPSHOT_CELLS = 5000  # item views bigger than this are not compared (not a form's table)


# --- fitting ----------------------------------------------------------------------------------------


def screen_for(widget: QWidget) -> QScreen:
    """The screen `widget` will show on: its parent window's, else the one under the cursor."""
    parent = widget.parentWidget()
    if parent is not None and parent.window() is not widget:
        return parent.window().screen()
    if widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        screen = QGuiApplication.screenAt(widget.geometry().center())
        if screen is not None:
            return screen
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def frame_extra(widget: QWidget) -> QSize:
    """Width and height the window frame adds: the real one once known, at least the allowance."""
    handle = widget.windowHandle()
    known = QSize(0, 0)
    if handle is not None:
        m = handle.frameMargins()
        known = QSize(m.left() + m.right(), m.top() + m.bottom())
    return known.expandedTo(FRAME_ALLOWANCE)


def room_on_screen(widget: QWidget) -> QRect:
    """The client-area rectangle a window may take: available area less frame and margin."""
    area = screen_for(widget).availableGeometry()
    extra = frame_extra(widget)
    top = extra.height() - extra.width() // 2  # the caption is on top, the borders share the rest
    side = extra.width() // 2
    return area.adjusted(MARGIN + side, MARGIN + top, -(MARGIN + side), -(MARGIN + side))


def fit_to_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Size `widget` (a window) to at most its screen's available area and move it inside.

    `preferred` is the size it would like (default: the size it was given, else its size hint).
    A window never moved before is centred (on its parent window when it has one)."""
    room = room_on_screen(widget)
    if preferred is None:
        resized = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
        preferred = widget.size() if resized else widget.sizeHint()
    size = preferred.boundedTo(room.size()).expandedTo(widget.minimumSize())
    widget.resize(size)
    rect = QRect(widget.pos(), size)
    parent = widget.parentWidget()
    if parent is not None and parent.window() is not widget and parent.window().isVisible():
        rect.moveCenter(parent.window().geometry().center())
    elif not widget.testAttribute(Qt.WidgetAttribute.WA_Moved) or not room.intersects(rect):
        rect.moveCenter(room.center())
    widget.move(_inside(rect, room))


def _inside(rect: QRect, room: QRect) -> QPoint:
    """The top-left that keeps `rect` inside `room` (top-left wins when it cannot fit)."""
    x = min(rect.x(), room.right() + 1 - rect.width())
    y = min(rect.y(), room.bottom() + 1 - rect.height())
    return QPoint(max(x, room.x()), max(y, room.y()))


# --- the form ---------------------------------------------------------------------------------------


class _FormScroll(QScrollArea):
    """A scroll area that asks for its content's full size (QScrollArea caps its hint at about
    36×24 lines); fit_to_screen then decides what the screen allows."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return widget.sizeHint() + QSize(frame, frame)


ONE_LINE_EDITORS = (QLineEdit, QComboBox, QAbstractSpinBox)


class FormDialog(QDialog):
    """Base of every form and dialog (see the module docstring).

    Subclass use::

        super().__init__(parent)
        layout = QVBoxLayout(self.body)   # the content, scrolls when the screen is small
        ...
        self.set_buttons(buttons)         # a QDialogButtonBox or a layout: always visible
    """

    confirm_discard = True  # False for choosers and viewers: nothing typed to lose

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._body: QWidget | None = None
        self.scroll_area: QScrollArea | None = None
        self._button_row: QVBoxLayout | None = None
        self.button_box: QDialogButtonBox | None = None
        self._snapshot: list | None = None
        self._ignored: list[QWidget] = []
        self._fitted = False
        self._user_closing = False  # set while Esc, 取消 or the close button is being handled

    # --- building ---------------------------------------------------------------------------

    @property
    def body(self) -> QWidget:
        """The content widget, inside the scroll area (created on first use)."""
        if self._body is None:
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.setSpacing(0)
            self.scroll_area = _FormScroll()
            self.scroll_area.setObjectName("formScroll")
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            self._body = QWidget()
            self._body.setObjectName("formBody")
            self.scroll_area.setWidget(self._body)
            outer.addWidget(self.scroll_area, 1)
            row = QWidget()
            row.setObjectName("formButtons")
            self._button_row = QVBoxLayout(row)
            margins = self.style().pixelMetric(self.style().PixelMetric.PM_LayoutLeftMargin)
            self._button_row.setContentsMargins(margins, margins // 2, margins, margins)
            outer.addWidget(row)
        return self._body

    def set_buttons(self, buttons: QWidget | QLayout) -> None:
        """Put the button row (a QDialogButtonBox, or a layout of buttons) below the scroll area."""
        _ = self.body
        if isinstance(buttons, QLayout):
            self._button_row.addLayout(buttons)
        else:
            self._button_row.addWidget(buttons)
            if isinstance(buttons, QDialogButtonBox):
                self.button_box = buttons
                buttons.clicked.connect(self._button_clicked)

    def ignore_changes(self, *widgets: QWidget) -> None:
        """Editors that are not data (a search box, a filter): typing there is no unsaved change."""
        self._ignored.extend(widgets)

    # --- showing ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self._fitted:
            self._fitted = True
            if self._body is not None and self._body.layout() is not None:
                # Combo boxes take their final size only now: drop the body's cached size, or
                # the body comes out a few pixels short and a vertical scroll bar brings a
                # horizontal one.
                self._body.layout().invalidate()
                self.scroll_area.updateGeometry()
            fit_to_screen(self)
        if self._snapshot is None:
            self.mark_clean()
        super().showEvent(event)

    # --- unsaved changes --------------------------------------------------------------------

    def mark_clean(self) -> None:
        """What the editors hold now is the saved state (taken on first show)."""
        self._snapshot = self.form_state()

    def has_unsaved_changes(self) -> bool:
        return self._snapshot is not None and self.form_state() != self._snapshot

    def form_state(self) -> list:
        """The values of every editor in the dialog, in a stable order. Subclasses whose data
        is not in editors (e.g. a list they keep) may add to it."""
        state = []
        for widget in self.findChildren(QWidget):
            if self._is_ignored(widget):
                continue
            value = _editor_value(widget)
            if value is not None:
                state.append((widget.objectName(), type(widget).__name__, value))
        return state

    def _is_ignored(self, widget: QWidget) -> bool:
        if widget.window() is not self:
            return True  # a popup (a completer's list, a calendar): not the dialog's data
        while widget is not None and widget is not self:
            if widget in self._ignored or isinstance(widget, QDialogButtonBox):
                return True
            widget = widget.parentWidget()
        return False

    def reject(self) -> None:
        """Esc, the close button and 取消: ask first when there are unsaved changes. A reject()
        or close() called by the program itself (after a task, at shut-down) does not ask."""
        by_user, self._user_closing = self._user_closing, False
        if by_user and self.confirm_discard and self.isVisible() and self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                QCoreApplication.translate("FormDialog", "Discard the unsaved changes?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    # --- keys -------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._user_closing = event.spontaneous()  # the window's close button
        super().closeEvent(event)
        self._user_closing = False

    def _button_clicked(self, button: QAbstractButton) -> None:
        """取消 of the button box: QDialogButtonBox emits clicked() before rejected()."""
        if self.button_box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
            self._user_closing = True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self._user_closing = True
            super().keyPressEvent(event)  # QDialog: Esc → reject()
            self._user_closing = False
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                button = self.save_button()
                if button is not None and button.isEnabled():
                    button.click()
                event.accept()
                return
            if self._in_one_line_editor():
                event.accept()  # the editor had its say (returnPressed); the form is not saved
                return
        super().keyPressEvent(event)

    def _in_one_line_editor(self) -> bool:
        widget = self.focusWidget()  # where the keys go (also while the window is not active)
        while isinstance(widget, QWidget) and widget is not self:
            if isinstance(widget, ONE_LINE_EDITORS):
                return True
            widget = widget.parentWidget()
        return False

    def save_button(self) -> QAbstractButton | None:
        """The button Ctrl+Enter clicks: 保存/确定 of the button box, else the default button."""
        if self.button_box is not None:
            for standard in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok):
                button = self.button_box.button(standard)
                if button is not None:
                    return button
            for button in self.button_box.buttons():
                if self.button_box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                    return button
        for button in self.findChildren(QPushButton):
            if button.isDefault() and button.isVisible():
                return button
        return None


def _editor_value(widget: QWidget):
    """A comparable value for an editor the user can change; None for anything else."""
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly() or isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            return None  # the combo box / spin box answers for it
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() and not isinstance(widget.parentWidget(), QDialogButtonBox) else None
    if isinstance(widget, QAbstractItemView):
        return _view_value(widget)
    return None


def _view_value(view: QAbstractItemView):
    """Texts (when editable) and check states of a small table or list."""
    model = view.model()
    if model is None:
        return None
    # a list model's columnCount() is private in C++; calling it through PySide corrupts memory
    rows = model.rowCount()
    columns = 1 if isinstance(view, QListView) else model.columnCount()
    if rows * columns > MAX_SNAPSHOT_CELLS:
        return None
    editable = view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    cells = []
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column)
            check = model.data(index, Qt.ItemDataRole.CheckStateRole)
            text = model.data(index, Qt.ItemDataRole.DisplayRole) if editable else None
            if check is not None or text is not None:
                cells.append((row, column, str(text), str(check)))
    return (rows, tuple(cells)) if editable or cells else None
