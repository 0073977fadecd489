"""The visit form (走访慰问登记): new visit, edit, and the printed-slip path to 作废重开.

Every rule is the service's (visits.check_visit, caps, printed slips): the form gathers values,
calls `visits.create_visit` / `update_visit` / `reissue`, and shows what they say. An amount over
a cap asks for a reason and tries again with `over_cap_reason`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Member, Relative, Visit, VisitType
from union_desk.errors import ValidationError
from union_desk.services import settings, visits
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import (
    ask_text,
    choice_combo,
    date_edit,
    edit_date,
    money_edit,
    save_cancel_buttons,
    show_error,
    with_over_cap_reason,
)
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker

PLACES = ("家中", "医院", "学校", "殡仪馆")


def relative_label(relative: Relative) -> str:
    if relative.death_date:
        return QCoreApplication.translate("VisitForm", "{relation} {name} (died {date})").format(
            relation=relative.relation, name=relative.name, date=f"{relative.death_date:%Y-%m-%d}"
        )
    return f"{relative.relation} {relative.name}"


def type_label(visit_type: VisitType) -> str:
    return f"{visit_type.name}（{visit_type.group}）" if visit_type.group else visit_type.name


def fill_type_combo(combo: QComboBox, placeholder: str, keep: VisitType | None = None) -> None:
    """Active visit types (plus `keep` when it has been retired), each with its id as data."""
    combo.clear()
    combo.addItem(placeholder, None)
    types = visits.visit_types(active_only=True)
    if keep is not None and all(t.id != keep.id for t in types):
        types.append(keep)
    for vt in types:
        combo.addItem(type_label(vt), vt.id)


def fill_relative_combo(combo: QComboBox, member: Member | None, placeholder: str, current_id: int | None = None) -> None:
    combo.clear()
    combo.addItem(placeholder, None)
    if member is None:
        return
    relatives = sorted(member.relatives, key=lambda r: (r.death_date is None, -(r.death_date.toordinal() if r.death_date else 0), r.id))
    for relative in relatives:
        combo.addItem(relative_label(relative), relative.id)
    if current_id is not None:
        combo.setCurrentIndex(max(0, combo.findData(current_id)))


class VisitForm(FormDialog):
    """New visit (`visit=None`, optionally prefilled) or edit of `visit`. After exec(), `saved`
    holds the visit written (for 作废重开 the new one); `print_requested` is True when it was
    saved with 保存并打印."""

    def __init__(
        self,
        parent=None,
        *,
        visit: Visit | None = None,
        member: Member | None = None,
        visit_type_name: str = "",
        relative: Relative | None = None,
    ):
        super().__init__(parent)
        self.visit = visit
        self.saved: Visit | None = None
        self.setWindowTitle(self.tr("Edit visit {serial}").format(serial=visit.serial) if visit else self.tr("New visit"))
        self._loading = True

        self.date = date_edit(visit.date if visit else None)
        self.member = MemberPicker(self)
        self.member.setMinimumWidth(220)
        self.type_combo = QComboBox()
        self.type_combo.setMinimumWidth(220)
        fill_type_combo(self.type_combo, self.tr("Choose a visit type"), visit.visit_type if visit else None)
        self.standard_hint = QLabel()
        self.standard_hint.setObjectName("hint")
        self.standard_hint.setWordWrap(True)
        self.standard_hint.setStyleSheet("color: #666;")
        self.relative = QComboBox()
        self.relative.setMinimumWidth(220)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. in hospital after an operation"))
        self.place = choice_combo(PLACES, editable=True)
        self.place.setCurrentText("")
        self.place.setMinimumWidth(180)
        self.visitors = QLineEdit()
        self.visitors.setPlaceholderText(self.tr("Union chair, committee members, school leaders"))
        self.cash = money_edit()
        self.goods = QLineEdit()
        self.goods.setPlaceholderText(self.tr("e.g. fruit, milk"))
        self.goods_value = money_edit(placeholder="0.00")
        self.fund_source = choice_combo(visits.FUND_SOURCES)
        self.handler = QLineEdit(settings.get("default_handler"))
        self.follow_up = QPlainTextEdit()
        self.follow_up.setFixedHeight(56)
        self.over_cap_reason = QLineEdit()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Member"), self.member)
        form.addRow(self.tr("Visit type"), self.type_combo)
        form.addRow(self.tr("Deceased relative"), self.relative)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Visitors"), self.visitors)
        cash_row = QWidget()
        row = QHBoxLayout(cash_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cash)
        row.addSpacing(8)
        row.addWidget(self.standard_hint, 1)
        form.addRow(self.tr("Cash (yuan)"), cash_row)
        goods_row = QWidget()
        row = QHBoxLayout(goods_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.goods, 1)
        row.addWidget(QLabel(self.tr("Value (yuan)")))
        row.addWidget(self.goods_value)
        form.addRow(self.tr("Goods"), goods_row)
        form.addRow(self.tr("Fund source"), self.fund_source)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Follow-up"), self.follow_up)
        form.addRow(self.tr("Reason over the standard"), self.over_cap_reason)
        self.form = form

        self.printed_note = QLabel()
        self.printed_note.setWordWrap(True)
        self.printed_note.setStyleSheet("color: #a15c00;")
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.printed_note)
        layout.addLayout(form)
        self.buttons = save_cancel_buttons(self)
        # 保存并打印: save, then the caller opens the print preview of the slip (`print_requested`)
        self.print_requested = False
        self.save_print_button = QPushButton(self.tr("Save and print…"))
        self.save_print_button.setToolTip(self.tr("Save the visit, then preview and print its slip"))
        self.buttons.addButton(self.save_print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_print_button.clicked.connect(self.save_and_print)
        self.set_buttons(self.buttons)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.member.memberChanged.connect(self._member_changed)
        self._fields = {
            "date": self.date,
            "member": self.member,
            "visit_type": self.type_combo,
            "relative": self.relative,
            "cash": self.cash,
            "goods_value": self.goods_value,
            "fund_source": self.fund_source,
            "over_cap_reason": self.over_cap_reason,
        }

        if visit is not None:
            self._load(visit)
        else:
            if member is not None:
                self.member.set_member(member)
            fill_relative_combo(self.relative, member, self.tr("Choose the relative"), relative.id if relative else None)
            if visit_type_name:
                vt = next((t for t in visits.visit_types() if t.name == visit_type_name), None)
                if vt is not None:
                    self.type_combo.setCurrentIndex(self.type_combo.findData(vt.id))
        self._loading = False
        if visit is None:
            self._apply_standard()
        self._show_rows()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    # --- loading ------------------------------------------------------------------------------

    def _load(self, visit: Visit) -> None:
        self.member.set_member(visit.member)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(visit.visit_type_id)))
        fill_relative_combo(self.relative, visit.member, self.tr("Choose the relative"), visit.relative_id)
        self.reason.setText(visit.reason)
        self.place.setCurrentText(visit.place)
        self.visitors.setText(visit.visitors)
        self.cash.setText(f"{visit.cash:.2f}")
        self.goods.setText(visit.goods)
        self.goods_value.setText(f"{visit.goods_value:.2f}" if visit.goods_value else "")
        index = self.fund_source.findText(visit.fund_source)
        if index < 0:
            self.fund_source.addItem(visit.fund_source, visit.fund_source)
            index = self.fund_source.count() - 1
        self.fund_source.setCurrentIndex(index)
        self.handler.setText(visit.handler)
        self.follow_up.setPlainText(visit.follow_up)
        self.over_cap_reason.setText(visit.over_cap_reason)
        if visit.printed_at:
            self.printed_note.setText(
                self.tr(
                    "Slip {serial} was printed on {when}: its amount, member, type and date are fixed. "
                    "To change them, void it and issue a new one."
                ).format(serial=visit.serial, when=f"{visit.printed_at:%Y-%m-%d}")
            )
        self._update_hint()

    # --- reacting -----------------------------------------------------------------------------

    def current_type(self) -> VisitType | None:
        type_id = self.type_combo.currentData()
        return VisitType.get_or_none(VisitType.id == type_id) if type_id else None

    def _type_changed(self, _index: int) -> None:
        if not self._loading:
            self._apply_standard()
        self._update_hint()
        self._show_rows()

    def _apply_standard(self) -> None:
        vt = self.current_type()
        if vt is not None:
            self.cash.setText(f"{vt.standard_amount:.2f}")
        self._update_hint()

    def _update_hint(self) -> None:
        vt = self.current_type()
        if vt is None:
            self.standard_hint.setText("")
            return
        parts = [self.tr("standard {amount}").format(amount=f"{vt.standard_amount:,.2f}")]
        if vt.cap_per_visit is not None:
            parts.append(self.tr("at most {amount} a visit").format(amount=f"{vt.cap_per_visit:,.2f}"))
        if vt.cap_per_member_year is not None:
            parts.append(self.tr("at most {amount} a year").format(amount=f"{vt.cap_per_member_year:,.2f}"))
        self.standard_hint.setText(self.tr("; ").join(parts))

    def _member_changed(self, member: Member | None) -> None:
        fill_relative_combo(self.relative, member, self.tr("Choose the relative"))
        deceased = [r for r in (member.relatives if member else []) if r.death_date]
        if len(deceased) == 1:
            self.relative.setCurrentIndex(self.relative.findData(deceased[0].id))

    def _relative_wanted(self) -> bool:
        vt = self.current_type()
        return bool(vt and vt.needs_relative) or bool(self.visit and self.visit.relative_id)

    def _show_rows(self) -> None:
        self.form.setRowVisible(self.relative, self._relative_wanted())
        self.form.setRowVisible(self.over_cap_reason, bool(self.over_cap_reason.text()))
        self.printed_note.setVisible(bool(self.printed_note.text()))

    # --- saving -------------------------------------------------------------------------------

    def data(self) -> dict:
        vt = self.current_type()
        return {
            "date": edit_date(self.date),
            "member": self.member.member(),
            "visit_type": vt,
            "relative": self.relative.currentData() if self._relative_wanted() else None,
            "reason": self.reason.text(),
            "place": self.place.currentText(),
            "visitors": self.visitors.text(),
            "cash": self.cash.text(),
            "goods": self.goods.text(),
            "goods_value": self.goods_value.text(),
            "fund_source": self.fund_source.currentData() or self.fund_source.currentText(),
            "handler": self.handler.text(),
            "follow_up": self.follow_up.toPlainText(),
            "over_cap_reason": self.over_cap_reason.text(),
        }

    @surfaces_errors
    def accept(self) -> None:
        data = self.data()

        def save(reason: str):
            values = dict(data, over_cap_reason=reason) if reason else data
            if self.visit is None:
                return visits.create_visit(values)
            visits.update_visit(self.visit, values)
            return self.visit

        try:
            saved = with_over_cap_reason(self, save)
        except ValidationError as exc:
            if self.visit is not None and self.visit.printed_at and exc.field in visits.FIXED_ONCE_PRINTED:
                saved = self._offer_reissue(exc, data)
            else:
                self._show_problem(exc)
                return
        if saved is None:
            return
        self.saved = saved
        super().accept()

    def save_and_print(self) -> None:
        """保存并打印: like 保存; when the visit was saved, `print_requested` tells the caller to
        open the print preview of its slip."""
        self.print_requested = True
        self.accept()
        if self.saved is None:  # refused or cancelled: the form stays open, a later 保存 does not print
            self.print_requested = False

    def _show_problem(self, exc: ValidationError) -> None:
        show_error(self, self.windowTitle(), exc)
        widget = self._fields.get(exc.field or "")
        if widget is not None and widget.isVisible():
            widget.setFocus()

    def _offer_reissue(self, exc: ValidationError, data: dict) -> Visit | None:
        answer = QMessageBox.question(
            self,
            self.tr("Printed slip"),
            exc.message + "\n\n" + self.tr("Void slip {serial} and issue a corrected one now?").format(serial=self.visit.serial),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        reason = ask_text(self, self.tr("Void and reissue"), self.tr("Why is slip {serial} voided?").format(serial=self.visit.serial))
        if reason is None:
            return None
        return reissue_visit(self, self.visit, reason, data)


def reissue_visit(parent: QWidget, visit: Visit, reason: str, changes: dict) -> Visit | None:
    """作废重开 through the service, asking for an over-cap reason when needed; None if not done."""
    visit_id = visit.id

    def run(over_cap_reason: str):
        # reissue voids the object it is given; after a refused try, start from the stored row
        fresh = visits.get_visit(visit_id)
        values = dict(changes, over_cap_reason=over_cap_reason) if over_cap_reason else changes
        return visits.reissue(fresh, reason, values)

    try:
        return with_over_cap_reason(parent, run)
    except ValidationError as exc:
        show_error(parent, QCoreApplication.translate("VisitForm", "Void and reissue"), exc)
        return None

