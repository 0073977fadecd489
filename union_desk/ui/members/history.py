"""修改记录: the audit history of one member and their relatives, field by field, before → after."""

from __future__ import annotations

import json
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from union_desk.db.models import Member
from union_desk.services import members
from union_desk.services.audit import ACTION_LABELS
from union_desk.ui.widgets.form_base import FormDialog

HIDDEN_FIELDS = {"id", "pinyin_key", "created_at", "updated_at", "member"}


def show_value(field: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("HistoryDialog", "yes") if value else QCoreApplication.translate("HistoryDialog", "no")
    if field == "union_roles":
        return str(value).replace(",", "、")
    return str(value)


class HistoryRow(NamedTuple):
    entry: int  # the audit entry's id: the rows of one change share it
    time: str
    actor: str
    action: str
    item: str
    before: str
    after: str
    note: str


def history_rows(member: Member) -> list[HistoryRow]:
    """One row per changed field (time, who, action, item, before, after, note), oldest first.

    A new record is one row listing what it was created with; relatives' rows are labelled
    亲属 with the relative's name.
    """
    rows = []
    relatives: dict[int, dict] = {r.id: {"name": r.name, "relation": r.relation} for r in member.relatives}
    for entry in members.history(member):
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        when = entry.at.strftime("%Y-%m-%d %H:%M")
        action = ACTION_LABELS.get(entry.action, entry.action)
        if entry.table_name == "relative":
            labels = members.RELATIVE_LABELS
            # an update names only what changed: the relative's name comes from earlier entries
            known = relatives.setdefault(entry.record_id, {})
            if entry.action == "create":
                known.update(name=after.get("name", ""), relation=after.get("relation", ""))
            name = before.get("name") or known.get("name", "")
            relation = before.get("relation") or known.get("relation", "")
            for key in ("name", "relation"):
                if after.get(key):
                    known[key] = after[key]
            prefix = QCoreApplication.translate("HistoryDialog", "Relative {name}").format(name=name) + (f"（{relation}）" if relation else "")
        else:
            labels = members.FIELD_LABELS
            prefix = ""
        if entry.action in ("create", "delete") or not (before and after):
            values = after or before
            summary = "；".join(
                f"{labels.get(k, k)}：{show_value(k, v)}"
                for k, v in values.items()
                if k not in HIDDEN_FIELDS and show_value(k, v) and v is not False
            )
            item = prefix or QCoreApplication.translate("HistoryDialog", "Member file")
            old, new = (summary, "") if entry.action == "delete" else ("", summary)
            rows.append(HistoryRow(entry.id, when, entry.actor, action, item, old, new, entry.note))
            continue
        for key in after:
            if key in HIDDEN_FIELDS:
                continue
            label = labels.get(key, key)
            item = f"{prefix}：{label}" if prefix else label
            rows.append(HistoryRow(entry.id, when, entry.actor, action, item,
                                   show_value(key, before.get(key)), show_value(key, after.get(key)), entry.note))
    return rows


class HistoryDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, member: Member, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history: {name}").format(name=member.name))
        headers = [self.tr("Time"), self.tr("By"), self.tr("Action"), self.tr("Item"),
                   self.tr("Before"), self.tr("After"), self.tr("Note")]
        self.rows = history_rows(member)
        self.table = QTableWidget(len(self.rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        previous = None
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row[1:]):
                # time, who, action and note once per change, not on each field of it
                shown = "" if c in (0, 1, 2, 6) and row.entry == previous else text
                item = QTableWidgetItem(shown)
                item.setToolTip(text)
                if c == 4 and text:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(r, c, item)
            previous = row.entry
        for c, width in enumerate((120, 70, 50, 190, 190, 190)):
            self.table.setColumnWidth(c, width)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeRowsToContents()

        self.empty_label = QLabel(self.tr("No changes recorded."))
        self.empty_label.setVisible(not self.rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.set_buttons(buttons)
        self.resize(940, 520)
