"""文件 → 证书模板…: the certificate template edited as fields (text with {placeholders}, x and y
in millimetres from the top left, font size, alignment) plus the paper size and x/y offsets for a
pre-printed insert (内芯), with a live preview.

The preview is the real certificate: `printing.honours.certificate_pdf_bytes(template, sample
values)` rendered with QtPdf (as ui/print_preview.py shows PDFs), redrawn shortly after each edit.
Saving goes through `honours.save_certificate_template`; a bad field shows the service's message
and the dialog stays open. 恢复默认 puts back `domain.honours.default_template()`."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.domain import honours as rules
from union_desk.errors import UnionDeskError
from union_desk.services import honours
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.honours.common import error_label, hint_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog

PRESET_A4 = "A4 横向"
PRESET_CUSTOM = "自定义"
A4_LANDSCAPE = (297.0, 210.0)
ALIGNS = (("left", "左对齐"), ("center", "居中"), ("right", "右对齐"))
PREVIEW_DELAY_MS = 300  # the preview is redrawn this long after the last edit
PREVIEW_WIDTH = 480  # px of the preview image at least (its height follows the paper)
ROW_HEIGHT = 30


class CertificateTemplateDialog(FormDialog):
    TEXT, X, Y, SIZE, ALIGN = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate template"))
        self.preview_image = QImage()
        self.preview_error = ""
        self._pdf_document = None
        self._pdf_buffer: QBuffer | None = None
        self._loading = False

        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        self.preset.addItems([PRESET_A4, PRESET_CUSTOM])
        self.width_mm = self._mm_box("width_mm", 50, rules.MAX_PAPER_MM)
        self.height_mm = self._mm_box("height_mm", 50, rules.MAX_PAPER_MM)
        self.offset_x = self._mm_box("offset_x_mm", -100, 100)
        self.offset_y = self._mm_box("offset_y_mm", -100, 100)
        paper = QGroupBox(self.tr("Paper"))
        paper_form = QFormLayout(paper)
        paper_form.addRow(self.tr("Paper"), self.preset)
        size_row = QHBoxLayout()
        size_row.addWidget(QLabel(self.tr("width")))
        size_row.addWidget(self.width_mm)
        size_row.addWidget(QLabel(self.tr("height")))
        size_row.addWidget(self.height_mm)
        size_row.addStretch(1)
        paper_form.addRow(self.tr("Size"), size_row)
        offset_row = QHBoxLayout()
        offset_row.addWidget(QLabel(self.tr("right")))
        offset_row.addWidget(self.offset_x)
        offset_row.addWidget(QLabel(self.tr("down")))
        offset_row.addWidget(self.offset_y)
        offset_row.addStretch(1)
        paper_form.addRow(self.tr("Offset"), offset_row)
        paper_form.addRow(hint_label(self.tr(
            "For a pre-printed insert: its paper size, and how far every line moves (negative: left or up).")))

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("fields")
        self.table.setHorizontalHeaderLabels([self.tr("Text"), self.tr("x mm"), self.tr("y mm"), self.tr("Size pt"),
                                              self.tr("Align")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((self.X, 76), (self.Y, 76), (self.SIZE, 64), (self.ALIGN, 84)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumSize(520, 250)
        self.table.itemChanged.connect(lambda _i: self._edited())
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_line(1))
        self.default_button = QPushButton(self.tr("Restore default"))
        self.default_button.setObjectName("restoreDefault")
        self.default_button.clicked.connect(self.restore_default)
        line_tools = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            line_tools.addWidget(b)
        line_tools.addStretch(1)
        line_tools.addWidget(self.default_button)
        fields = QGroupBox(self.tr("Lines"))
        fields_layout = QVBoxLayout(fields)
        fields_layout.addWidget(self.table, 1)
        fields_layout.addLayout(line_tools)
        fields_layout.addWidget(hint_label(self.tr("Placeholders: {names}. x, y: the line's anchor from the "
                                                   "paper's left and top edges.").format(
            names=" ".join("{" + p + "}" for p in rules.PLACEHOLDERS))))

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, 300)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # not the pixmap's size
        self.preview.setStyleSheet("background: #8a8a8a;")
        self.preview_note = hint_label(self.tr("Preview with sample values."))
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.preview_note)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(paper)
        left_layout.addWidget(fields, 1)
        self.error = error_label()
        left_layout.addWidget(self.error)
        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addWidget(preview_box, 1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(columns, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.preset.currentTextChanged.connect(self._preset_chosen)
        for box in (self.width_mm, self.height_mm, self.offset_x, self.offset_y):
            box.valueChanged.connect(lambda _v: self._edited())
        for box in (self.width_mm, self.height_mm):
            box.valueChanged.connect(lambda _v: self._size_changed())

        try:
            template = honours.certificate_template()
        except UnionDeskError as exc:  # a stored template that no longer reads: start from the default
            say(self.error, message_of(exc))
            template = rules.default_template()
        self.load(template)
        self.update_preview()
        self.resize(1240, 640)

    # --- editors -------------------------------------------------------------------------------------

    def _mm_box(self, name: str, low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(low, high)
        box.setDecimals(1)
        box.setSingleStep(1)
        box.setSuffix(" mm")
        return box

    def _cell_box(self, value: float, low: float, high: float, decimals: int = 1) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(decimals)
        box.setValue(value)
        box.setFrame(False)
        box.valueChanged.connect(lambda _v: self._edited())
        return box

    def _append(self, f: rules.CertificateField, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self._loading, was = True, self._loading
        self.table.insertRow(row)
        self.table.setItem(row, self.TEXT, QTableWidgetItem(f.text))
        self.table.setCellWidget(row, self.X, self._cell_box(f.x_mm, 0, rules.MAX_PAPER_MM))
        self.table.setCellWidget(row, self.Y, self._cell_box(f.y_mm, 0, rules.MAX_PAPER_MM))
        self.table.setCellWidget(row, self.SIZE, self._cell_box(f.size, 1, 200))
        align = QComboBox()
        align.setFrame(False)
        for value, label in ALIGNS:
            align.addItem(label, value)
        align.setCurrentIndex(max(0, align.findData(f.align)))
        align.currentIndexChanged.connect(lambda _i: self._edited())
        self.table.setCellWidget(row, self.ALIGN, align)
        self._loading = was

    def load(self, template: rules.CertificateTemplate) -> None:
        """Show `template` in the editors."""
        self._loading = True
        self.width_mm.setValue(template.width_mm)
        self.height_mm.setValue(template.height_mm)
        self.offset_x.setValue(template.offset_x_mm)
        self.offset_y.setValue(template.offset_y_mm)
        self.table.setRowCount(0)
        for f in template.fields:
            self._append(f)
        self._loading = False
        self._size_changed()
        self._edited()

    def template(self) -> rules.CertificateTemplate:
        """The template the editors hold (unchecked)."""
        fields = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.TEXT)
            fields.append(rules.CertificateField(
                text=item.text() if item else "",
                x_mm=self.table.cellWidget(row, self.X).value(),
                y_mm=self.table.cellWidget(row, self.Y).value(),
                size=self.table.cellWidget(row, self.SIZE).value(),
                align=self.table.cellWidget(row, self.ALIGN).currentData(),
            ))
        return rules.CertificateTemplate(
            width_mm=self.width_mm.value(), height_mm=self.height_mm.value(),
            offset_x_mm=self.offset_x.value(), offset_y_mm=self.offset_y.value(), fields=fields,
        )

    def add_line(self) -> None:
        row = self.table.currentRow()
        row = self.table.rowCount() if row < 0 else row + 1
        self._append(rules.CertificateField("{姓名}", round(self.width_mm.value() / 2, 1),
                                            round(self.height_mm.value() / 2, 1), 18), row)
        self.table.selectRow(row)
        self._edited()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._edited()

    def move_line(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        fields = self.template().fields
        fields[row], fields[target] = fields[target], fields[row]
        self._loading = True
        for r in sorted((row, target)):
            self.table.removeRow(r)
            self._append(fields[r], r)
        self._loading = False
        self.table.selectRow(target)
        self._edited()

    def restore_default(self) -> None:
        self.load(rules.default_template())
        self.preset.setCurrentText(PRESET_A4)

    def _preset_chosen(self, preset: str) -> None:
        if preset == PRESET_A4:
            self._loading = True
            self.width_mm.setValue(A4_LANDSCAPE[0])
            self.height_mm.setValue(A4_LANDSCAPE[1])
            self._loading = False
            self._edited()

    def _size_changed(self) -> None:
        a4 = (self.width_mm.value(), self.height_mm.value()) == A4_LANDSCAPE
        self.preset.blockSignals(True)
        self.preset.setCurrentText(PRESET_A4 if a4 else PRESET_CUSTOM)
        self.preset.blockSignals(False)

    def _edited(self) -> None:
        if not self._loading:
            self._timer.start()

    # --- the preview ---------------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Render the certificate with sample values into the preview (now)."""
        self._timer.stop()
        from union_desk.printing import honours as printing

        try:
            data = printing.certificate_pdf_bytes(self.template(), None)
        except UnionDeskError as exc:
            self._show_preview_error(message_of(exc))
            return
        image = self.render_pdf(data, self._preview_width())
        if image.isNull():
            self._show_preview_error(self.tr("The preview could not be drawn."))
            return
        self.preview_error = ""
        self.preview_image = image
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setToolTip("")

    def _preview_width(self) -> int:
        """As wide as the preview area allows (the paper whole inside it), at least PREVIEW_WIDTH."""
        room_w, room_h = self.preview.width() - 16, self.preview.height() - 16
        ratio = self.width_mm.value() / max(1.0, self.height_mm.value())
        if not self.preview.isVisible() or room_w <= 0 or room_h <= 0:
            return PREVIEW_WIDTH
        return max(PREVIEW_WIDTH, min(room_w, round(room_h * ratio)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.isVisible():
            self._timer.start()  # redraw at the new size

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._timer.start()

    def _show_preview_error(self, text: str) -> None:
        self.preview_error = text
        self.preview_image = QImage()
        self.preview.setPixmap(QPixmap())
        self.preview.setText(text)

    def render_pdf(self, data: bytes, width: int) -> QImage:
        """The first page of the PDF `data`, `width` pixels wide, on white paper with a thin frame."""
        from PySide6.QtPdf import QPdfDocument

        if self._pdf_document is None:
            self._pdf_document = QPdfDocument(self)
        document = self._pdf_document
        document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if self._pdf_buffer is not None:
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer  # QtPdf reads from it while the document is open
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return QImage()
        page = document.pagePointSize(0)
        height = max(1, round(width * page.height() / page.width()))
        size = QSize(width, height)
        rendered = document.render(0, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.setPen(QColor("#b0b0b0"))
        painter.drawRect(0, 0, width - 1, height - 1)
        painter.end()
        return image

    # --- saving --------------------------------------------------------------------------------------

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            honours.save_certificate_template(self.template())
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        if self._pdf_document is not None:
            self._pdf_document.close()
        super().done(result)
