"""首页: the year's figures and what needs doing this week."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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

from union_desk.services import maintenance, overview


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
    backup_requested = Signal()
    ledgers_requested = Signal()  # 导出台账
    new_visit_requested = Signal()  # 新增走访
    new_member_requested = Signal()  # 新增会员
    # an entry was opened (double-click / Enter): ('plan', PlanItem), ('activity', Activity),
    # ('member', Member), ('hardship_file', HardshipFile) or ('due_visit', visits.DueVisit)
    open_requested = Signal(str, object)

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.title = QLabel()
        self.title.setObjectName("homeTitle")
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.ledgers_button = QPushButton(self.tr("Ledgers…"))
        self.ledgers_button.clicked.connect(self.ledgers_requested)
        self.new_visit_button = QPushButton(self.tr("New visit…"))
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        self.new_member_button = QPushButton(self.tr("New member…"))
        self.new_member_button.clicked.connect(self.new_member_requested)
        self.backup_state = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.backup_state)
        header.addWidget(self.new_visit_button)
        header.addWidget(self.new_member_button)
        header.addWidget(self.ledgers_button)
        header.addWidget(self.backup_button)

        self.cards = {
            "members_active": FigureCard(self.tr("Members in service")),
            "members_retired": FigureCard(self.tr("Retired members")),
            "hardship_open": FigureCard(self.tr("Hardship files open")),
            "visits_count": FigureCard(self.tr("Visits this year")),
            "visits_amount": FigureCard(self.tr("Visit cash this year (yuan)")),
            "activities_year": FigureCard(self.tr("Activities this year")),
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        self.lists = {
            "plan_due": self._list_box(self.tr("Plan items this week")),
            "plan_overdue": self._list_box(self.tr("Overdue plan items")),
            "deadlines": self._list_box(self.tr("Sign-up deadlines this week")),
            "birthdays": self._list_box(self.tr("Birthdays this month")),
            "hardship_due": self._list_box(self.tr("Hardship files due for review")),
            "due_visits": self._list_box(self.tr("Members due a visit")),
        }
        grid = QGridLayout()
        for i, (box, _list) in enumerate(self.lists.values()):
            grid.addWidget(box, i // 3, i % 3)

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
        layout.addLayout(cards)
        layout.addLayout(grid, 1)

    def _list_box(self, title: str):
        box = QGroupBox(title)
        widget = QListWidget()
        widget.setToolTip(self.tr("Double-click an entry to open it"))
        widget.itemActivated.connect(self._open_entry)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        return box, widget

    def refresh(self) -> None:
        data = overview.build(self.db_path)
        self.title.setText(self.tr("Today is {date}").format(date=data.today.isoformat()))
        self.cards["members_active"].value.setText(str(data.members_active))
        self.cards["members_retired"].value.setText(str(data.members_retired))
        self.cards["hardship_open"].value.setText(str(data.hardship_open))
        self.cards["visits_count"].value.setText(str(data.visits_count))
        self.cards["visits_amount"].value.setText(f"{data.visits_amount:,.2f}")
        self.cards["activities_year"].value.setText(str(data.activities_year))
        self._fill("plan_due", [f"{i.date:%m-%d}  {i.title}" for i in data.plan_due], ("plan", data.plan_due))
        self._fill(
            "plan_overdue",
            [
                f"{i.date:%m-%d}  {i.title}" if i.date else self.tr("Month {m}").format(m=i.month) + f"  {i.title}"
                for i in data.plan_overdue
            ],
            ("plan", data.plan_overdue),
        )
        self._fill(
            "deadlines", [f"{a.signup_deadline:%m-%d %H:%M}  {a.title}" for a in data.deadlines], ("activity", data.deadlines)
        )
        self._fill(
            "birthdays",
            [
                f"{b.date:%m-%d}  {b.member.name}（{b.member.department}）" + (self.tr(" lunar") if b.lunar else "")
                for b in data.birthdays
            ],
            ("member", [b.member for b in data.birthdays]),
        )
        self._fill(
            "hardship_due",
            [
                (f"{f.next_review_date:%Y-%m-%d}" if f.next_review_date else self.tr("no date"))
                + f"  {f.member.name}  {f.grade}"
                + (self.tr(" (late)") if f.next_review_date and f.next_review_date < data.today else "")
                for f in data.hardship_due
            ],
            ("hardship_file", data.hardship_due),
        )
        self._fill(
            "due_visits",
            [f"{d.member.name}  {d.visit_type_name}：{d.reason}" for d in data.due_visits],
            ("due_visit", data.due_visits),
        )
        self._show_warnings()
        outside = maintenance.outside_backup_warning(self.db_path, data.today)
        self.outside_backup.setText("⚠ " + outside if outside else "")
        self.outside_backup.setVisible(bool(outside))
        age = data.backup_age_days
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

    def _fill(self, key: str, lines: list[str], records: tuple[str, list] | None = None) -> None:
        """Show `lines`; `records` = (kind, the record of each line) lets an entry open its record."""
        widget = self.lists[key][1]
        widget.clear()
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
