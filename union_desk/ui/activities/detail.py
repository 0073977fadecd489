"""The view of one activity: its facts and figures, its items, and three pages —
报名名单 (per item), 队伍与成绩 (team items), 现场签到 — plus printing and the Excel import."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Activity, ActivityItem
from union_desk.errors import UnionDeskError
from union_desk.services import activities
from union_desk.ui.activities.activity_form import edit_activity
from union_desk.ui.activities.checkin_page import CheckInPage
from union_desk.ui.activities.common import ask_text, big_font, show_error
from union_desk.ui.activities.dialogs import AddItemDialog
from union_desk.ui.activities.import_dialog import SignUpImportDialog
from union_desk.ui.activities.signups_page import SignUpsPage
from union_desk.ui.activities.teams_page import TeamsPage
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.print_actions import print_pdf

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class Figure(QFrame):
    """A number with a caption."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


class ActivityDetail(QWidget):
    back_requested = Signal()
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.activity: Activity | None = None

        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel()
        big_font(self.title, 14, "font-weight: bold;")
        self.edit_button = QPushButton(self.tr("Edit activity…"))
        self.edit_button.clicked.connect(self.edit)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.clicked.connect(self.import_signups)
        self.print_signup_button = QPushButton(self.tr("Print sign-up list"))
        self.print_signin_button = QPushButton(self.tr("Print sign-in sheet"))
        self.print_awards_button = QPushButton(self.tr("Print award list"))
        self.print_signup_button.clicked.connect(lambda: self.print_sheet("signup"))
        self.print_signin_button.clicked.connect(lambda: self.print_sheet("signin"))
        self.print_awards_button.clicked.connect(lambda: self.print_sheet("awards"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.figures = {
            "signed_up": Figure(self.tr("signed up")),
            "waiting": Figure(self.tr("waiting")),
            "checked_in": Figure(self.tr("checked in")),
            "eligible": Figure(self.tr("eligible")),
            "rate": Figure(self.tr("participation rate")),
        }

        # items
        self.items = QListWidget()
        self.items.setSpacing(2)
        self.items.currentItemChanged.connect(lambda *_a: self._item_chosen())
        self.add_item_button = QPushButton(self.tr("Add item…"))
        self.add_item_button.clicked.connect(self.add_item)
        self.capacity_button = QPushButton(self.tr("Change places…"))
        self.capacity_button.clicked.connect(self.change_capacity)
        items_panel = QWidget()
        items_layout = QVBoxLayout(items_panel)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(QLabel(self.tr("Items")))
        items_layout.addWidget(self.items, 1)
        items_layout.addWidget(self.add_item_button)
        items_layout.addWidget(self.capacity_button)

        self.signups = SignUpsPage()
        self.teams = TeamsPage()
        self.checkin = CheckInPage()
        self.pages = QTabWidget()
        self.pages.addTab(self.signups, self.tr("Sign-ups"))
        self.pages.addTab(self.teams, self.tr("Teams"))
        self.pages.addTab(self.checkin, self.tr("Check-in"))
        self.pages.currentChanged.connect(self._page_shown)
        for page in (self.signups, self.teams, self.checkin):
            page.changed.connect(lambda page=page: self._changed(page))

        splitter = QSplitter()
        splitter.addWidget(items_panel)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        splitter.setChildrenCollapsible(False)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.import_button)
        head.addWidget(self.print_signup_button)
        head.addWidget(self.print_signin_button)
        head.addWidget(self.print_awards_button)
        figures = QHBoxLayout()
        for figure in self.figures.values():
            figures.addWidget(figure)
        figures.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addLayout(figures)
        layout.addWidget(splitter, 1)

    # --- data -----------------------------------------------------------------------------------

    def set_activity(self, activity: Activity | int | None) -> None:
        if isinstance(activity, int):
            activity = activities.get_activity(activity)
        self.activity = activity
        self.reload()

    def reload(self) -> None:
        """Read the activity again and show it (after any change)."""
        if self.activity is None:
            return
        self.activity = activities.get_activity(self.activity.id)
        a = self.activity
        self.title.setText(a.title)
        self.facts.setText(self._facts(a))
        self._fill_items()
        self.checkin.set_activity(a)
        self.refresh_figures()

    def _facts(self, a: Activity) -> str:
        when = a.start.strftime("%Y-%m-%d %H:%M")
        if a.end:
            when += "—" + a.end.strftime("%H:%M" if a.end.date() == a.start.date() else "%Y-%m-%d %H:%M")
        parts = [
            self.tr("Time: {when}").format(when=when),
            self.tr("Place: {place}").format(place=a.place or "—"),
            self.tr("Status: {status}").format(status=a.status),
            self.tr("Category: {category}").format(category=a.category),
        ]
        if a.organiser:
            parts.append(self.tr("Organiser: {who}").format(who=a.organiser))
        if a.signup_deadline:
            parts.append(self.tr("Sign-up deadline: {when}").format(when=a.signup_deadline.strftime("%Y-%m-%d %H:%M")))
        rules = activities.eligibility_text(a)
        parts.append(self.tr("Who may sign up: {rules}").format(rules=rules or self.tr("anyone")))
        return "　".join(parts)

    def _item_label(self, item: ActivityItem) -> str:
        signups = activities.signups_of(item)
        waiting = sum(1 for s in signups if s.state == activities.WAITING)
        places = self.tr("no limit") if item.capacity is None else str(item.capacity)
        return self.tr("{name}  {signed}/{places}, waiting {waiting}").format(
            name=item.name + (self.tr(" (teams)") if item.team_based else ""),
            signed=len(signups) - waiting, places=places, waiting=waiting,
        )

    def _fill_items(self) -> None:
        current = self.current_item()
        current_id = current.id if current else None
        self.items.blockSignals(True)
        self.items.clear()
        select = 0
        for row, item in enumerate(self.activity.items.order_by(ActivityItem.sort_order, ActivityItem.id)):
            entry = QListWidgetItem(self._item_label(item))
            entry.setData(ITEM_ROLE, item.id)
            self.items.addItem(entry)
            if item.id == current_id:
                select = row
        self.items.blockSignals(False)
        if self.items.count():
            self.items.setCurrentRow(select)
        self._item_chosen()

    def current_item(self) -> ActivityItem | None:
        entry = self.items.currentItem()
        if entry is None:
            return None
        return ActivityItem.get_or_none(ActivityItem.id == entry.data(ITEM_ROLE))

    def select_item(self, name: str) -> None:
        for row in range(self.items.count()):
            if ActivityItem.get_by_id(self.items.item(row).data(ITEM_ROLE)).name == name:
                self.items.setCurrentRow(row)
                return

    def _item_chosen(self) -> None:
        item = self.current_item()
        self.capacity_button.setEnabled(item is not None)
        self.signups.set_item(item)
        self.teams.set_item(item)

    def _page_shown(self, index: int) -> None:
        if self.pages.widget(index) is self.checkin:
            self.checkin.refresh()
            self.checkin.entry.setFocus()

    def refresh_figures(self) -> None:
        row = activities.activity_figures(self.activity)
        self.figures["signed_up"].value.setText(str(row.signed_up))
        self.figures["waiting"].value.setText(str(row.waiting))
        self.figures["checked_in"].value.setText(str(row.checked_in))
        self.figures["eligible"].value.setText(str(row.eligible))
        self.figures["rate"].value.setText(rate_text(row.participation_rate))

    def _changed(self, source: QWidget) -> None:
        """A page changed sign-ups: item counts, figures and the other pages follow."""
        for row in range(self.items.count()):
            entry = self.items.item(row)
            entry.setText(self._item_label(ActivityItem.get_by_id(entry.data(ITEM_ROLE))))
        item = self.current_item()
        for page in (self.signups, self.teams):
            if page is not source:
                page.set_item(item)
        if source is not self.checkin:
            self.checkin.refresh()
        self.refresh_figures()
        self.changed.emit()

    # --- actions --------------------------------------------------------------------------------

    def edit(self) -> None:
        if edit_activity(self, self.activity) is not None:
            self.reload()
            self.changed.emit()

    def add_item(self) -> None:
        dialog = AddItemDialog(self.activity, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.select_item(dialog.added.name)
            self.changed.emit()

    @surfaces_errors
    def change_capacity(self) -> None:
        item = self.current_item()
        if item is None:
            return
        title = self.tr("Change places")
        current = "" if item.capacity is None else str(item.capacity)
        text = ask_text(self, title, self.tr("Places for “{item}” (blank = no limit):").format(item=item.name), current)
        if text is None:
            return
        try:
            promoted = activities.set_capacity(item, text)
        except UnionDeskError as exc:
            show_error(self, title, exc)
            return
        message = self.tr("Places for “{item}”: {places}.").format(item=item.name, places=text or self.tr("no limit"))
        if promoted:
            message += "\n" + self.tr("Moved up from the waiting list: {names}").format(
                names="、".join(s.member.name for s in promoted)
            )
        self.reload()
        self.signups.say(message.replace("\n", " "))
        self.changed.emit()
        QMessageBox.information(self, title, message)

    def import_signups(self) -> None:
        dialog = SignUpImportDialog(self.activity, self)
        dialog.exec()
        if dialog.report is not None:
            self.reload()
            self.changed.emit()

    def print_sheet(self, kind: str) -> None:
        a = self.activity
        names = {
            "signup": (self.tr("Print sign-up list"), self.tr("sign-up list")),
            "signin": (self.tr("Print sign-in sheet"), self.tr("sign-in sheet")),
            "awards": (self.tr("Print award list"), self.tr("award list")),
        }
        title, sheet = names[kind]

        def write(path):
            from union_desk.printing import activity_sheets

            function = {
                "signup": activity_sheets.print_signup_list,
                "signin": activity_sheets.print_signin,
                "awards": activity_sheets.print_awards,
            }[kind]
            return function(a.id, path)

        print_pdf(self, title, f"{a.title}{sheet}", write)

