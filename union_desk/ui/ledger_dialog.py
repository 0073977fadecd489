"""台账 dialog: the ledger export panel (`ui.books.ledger_panel.LedgerPanel`: tick ledgers and/or
the inspection pack, choose the period, full or masked ID numbers, the folder) in a dialog, with
导出 / 关闭 / 导入台账… in its button row. The same panel is the 台账 page of the side navigation
(`ui.books.ledger_page.LedgerPage`).

Each ledger is `ledgers.catalog.export_ledger` and the pack `ledgers.pack.write_pack`: the same
files `union-desk export ledger …` and `union-desk export pack …` write.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

from union_desk.ui.books.ledger_panel import LedgerPanel
from union_desk.ui.widgets.form_base import FormDialog


class LedgerDialog(FormDialog):
    """After a successful export `written` lists the files and `folder` is where they are (and the
    dialog is accepted). 导入台账… opens the ledger import dialog; `imported(report)` after an
    import through it. The panel's widgets and methods (`kind_boxes`, `period()`, `export()` …)
    are reachable on the dialog too."""

    confirm_discard = False  # nothing typed here to lose

    imported = Signal(object)

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export ledgers"))
        self.panel = LedgerPanel(today=today, buttons=False)
        self.panel.imported.connect(self.imported.emit)
        self.panel.exported.connect(lambda _files: self.accept())

        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.panel.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.panel.import_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self.body)
        layout.addWidget(self.panel)
        self.set_buttons(self.buttons)
        self.resize(640, 480)

    def __getattr__(self, name: str):
        """The panel's parts as the dialog's own: dialog.kind_boxes, dialog.export() …"""
        panel = self.__dict__.get("panel")
        if panel is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(panel, name)
