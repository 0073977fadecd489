"""The month grid of the 工作计划 tab: a custom-painted calendar, Monday first.

Each day cell shows the day number (today in a blue disc), festival names, the number of
birthdays (♥3), a 休 or 班 badge for statutory days off and 调休 make-up workdays, then the plan
items (filled, coloured by status, struck through when cancelled) and the activities (outlined). When a day holds more
than fits, the last line says "+N 更多"; the tooltip and the side panel list everything.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from union_desk.services.plan_calendar import DayEvents, MonthEvents
from union_desk.ui.plan import styles

_PAD = 4


class MonthGrid(QWidget):
    """`set_events(MonthEvents)` (whole weeks); `dayClicked(date)`, `dayActivated(date)`."""

    dayClicked = Signal(object)  # noqa: N815 - Qt naming
    dayActivated = Signal(object)  # noqa: N815 - double click or Enter
    dayOutside = Signal(object)  # noqa: N815 - the keyboard moved beyond the shown weeks

    def __init__(self, parent=None):
        super().__init__(parent)
        self.events: MonthEvents | None = None
        self._days: list[dt.date] = []
        self._selected: dt.date | None = None
        self.today = dt.date.today()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(7 * 64, 300)
        self.weekday_names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    # --- data -------------------------------------------------------------------------------------

    def set_events(self, events: MonthEvents) -> None:
        self.events = events
        self._days = sorted(events.days)
        if self._selected not in events.days:
            self._selected = None
        self.update()

    def days(self) -> list[dt.date]:
        return list(self._days)

    def selected_date(self) -> dt.date | None:
        return self._selected

    def set_selected_date(self, day: dt.date | None) -> None:
        self._selected = day if day in (self.events.days if self.events else {}) else None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(7 * 130, 6 * 100 + 30)

    # --- geometry ---------------------------------------------------------------------------------

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.86))
        return font

    def _header_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def _rows(self) -> int:
        return max(1, len(self._days) // 7)

    def cell_rect(self, day: dt.date) -> QRect:
        """Where a day is drawn (empty when it is not shown)."""
        if day not in self._days:
            return QRect()
        index = self._days.index(day)
        row, col = divmod(index, 7)
        top = self._header_height()
        width = self.width() / 7
        height = (self.height() - top) / self._rows()
        x0, x1 = round(col * width), round((col + 1) * width)
        y0, y1 = round(top + row * height), round(top + (row + 1) * height)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def date_at(self, pos: QPoint) -> dt.date | None:
        top = self._header_height()
        if pos.y() < top or not self._days:
            return None
        col = int(pos.x() / (self.width() / 7))
        row = int((pos.y() - top) / ((self.height() - top) / self._rows()))
        index = row * 7 + min(col, 6)
        return self._days[index] if 0 <= index < len(self._days) else None

    # --- what a cell says ---------------------------------------------------------------------------

    def entries(self, day: DayEvents) -> list[tuple[str, str, str]]:
        """(kind, text, status) for the lines of a day: plan items, then activities."""
        lines = [("item", item.title, item.status) for item in day.items]
        lines += [("activity", activity.title, activity.status) for activity in day.activities]
        return lines

    def birthday_text(self, day: DayEvents) -> str:
        return self.tr("Birthdays: %n", "", len(day.birthdays)) if day.birthdays else ""

    def layout_lines(self, day: DayEvents, rect: QRect) -> tuple[list[tuple[str, str, str]], int]:
        """The entries that fit in a cell and how many are left for "+N more"."""
        entries = self.entries(day)
        line_h = QFontMetrics(self._small_font()).height() + 3
        free = rect.height() - (QFontMetrics(self.font()).height() + _PAD + 2) - _PAD
        fits = max(0, free // line_h)
        if len(entries) <= fits:
            return entries, 0
        shown = max(0, fits - 1)
        return entries[:shown], len(entries) - shown

    # --- painting -----------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._paint_header(painter)
        if self.events is not None:
            for day in self._days:
                self._paint_cell(painter, day, self.events.days[day])
        painter.setPen(QPen(QColor(styles.GRID_LINE), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self._selected in self._days:
            painter.setPen(QPen(QColor(styles.SELECTED), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.cell_rect(self._selected)).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def _paint_header(self, painter: QPainter) -> None:
        height = self._header_height()
        painter.fillRect(QRect(0, 0, self.width(), height), QColor(styles.HEADER_BG))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        width = self.width() / 7
        for col, name in enumerate(self.weekday_names):
            rect = QRect(round(col * width), 0, round(width), height)
            painter.setPen(QColor(styles.WEEKEND_TEXT if col >= 5 else "#333333"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_cell(self, painter: QPainter, day: dt.date, events: DayEvents) -> None:
        rect = self.cell_rect(day)
        in_month = self.events is not None and day.month == self.events.month
        if not in_month:
            background = styles.OTHER_MONTH_BG
        elif events.holiday:
            background = styles.HOLIDAY_BG
        else:
            background = "#ffffff"
        painter.fillRect(rect, QColor(background))
        painter.setPen(QPen(QColor(styles.GRID_LINE), 1))
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.drawLine(rect.topLeft(), rect.bottomLeft())
        faded = 0.45 if not in_month else 1.0
        painter.setOpacity(faded)

        # the first line: day number, festivals, 休/班 badge
        number_font = QFont(self.font())
        number_font.setBold(True)
        fm = QFontMetrics(number_font)
        x, y = rect.left() + _PAD, rect.top() + _PAD
        number = str(day.day)
        line_h = fm.height()
        if day == self.today:
            size = max(line_h, fm.horizontalAdvance(number) + 8)
            painter.setBrush(QColor(styles.TODAY))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(x - 1, y, size, line_h), line_h / 2, line_h / 2)
            painter.setPen(QColor("white"))
            painter.setFont(number_font)
            painter.drawText(QRect(x - 1, y, size, line_h), Qt.AlignmentFlag.AlignCenter, number)
            x += size + 3
        else:
            weekend = day.weekday() >= 5 and not events.workday
            painter.setPen(QColor(styles.WEEKEND_TEXT if weekend or events.holiday else "#222222"))
            painter.setFont(number_font)
            painter.drawText(QRect(x, y, fm.horizontalAdvance(number) + 2, line_h), Qt.AlignmentFlag.AlignLeft, number)
            x += fm.horizontalAdvance(number) + 5
        small = self._small_font()
        sfm = QFontMetrics(small)
        badge_w = 0
        badge = self.tr("Off") if events.holiday else self.tr("Workday") if events.workday else ""
        if badge:
            badge_w = sfm.horizontalAdvance(badge) + 8
            badge_rect = QRectF(rect.right() - _PAD - badge_w, y + 1, badge_w, line_h - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(styles.HOLIDAY_BADGE if events.holiday else styles.WORKDAY_BADGE))
            painter.drawRoundedRect(badge_rect, 3, 3)
            painter.setPen(QColor("white"))
            painter.setFont(small)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        if events.birthdays:  # a compact count at the right of the first line: ♥3
            count = f"♥{len(events.birthdays)}"
            count_font = QFont(small)
            count_font.setBold(True)
            count_w = QFontMetrics(count_font).horizontalAdvance(count) + 4
            painter.setFont(count_font)
            painter.setPen(QColor(styles.BIRTHDAY_COLOR))
            painter.drawText(
                QRect(rect.right() - _PAD - badge_w - 3 - count_w, y, count_w, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                count,
            )
            badge_w += count_w + 3
        if events.festivals:
            painter.setFont(small)
            painter.setPen(QColor(styles.FESTIVAL_TEXT))
            room = rect.right() - _PAD - badge_w - 3 - x
            text = sfm.elidedText("、".join(events.festivals), Qt.TextElideMode.ElideRight, max(0, room))
            painter.drawText(
                QRect(x, y, max(0, room), line_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )

        # the entries
        lines, more = self.layout_lines(events, rect)
        entry_h = sfm.height() + 3
        top = y + line_h + 2
        left, width = rect.left() + 3, rect.width() - 6
        painter.setFont(small)
        for kind, text, status in lines:
            box = QRectF(left, top, width, entry_h - 1)
            if kind == "item":
                bg, fg = styles.status_colors(status)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(bg)
                painter.drawRoundedRect(box, 3, 3)
                font = QFont(small)
                font.setStrikeOut(status == "已取消")
                painter.setFont(font)
                painter.setPen(fg)
            else:
                color = QColor("#8a8a8a" if status == "已取消" else styles.ACTIVITY_COLORS[1])
                painter.setPen(QPen(color, 1))
                painter.setBrush(QColor(styles.ACTIVITY_COLORS[0]))
                painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
                font = QFont(small)
                font.setStrikeOut(status == "已取消")
                painter.setFont(font)
                painter.setPen(color)
            inner = box.adjusted(4, 0, -3, 0)
            elided = QFontMetrics(painter.font()).elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
            top += entry_h
        painter.setFont(small)
        if more:
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(left + 4, top, width - 4, entry_h - 1),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("+%n more", "", more),
            )
        painter.setOpacity(1.0)

    # --- interaction --------------------------------------------------------------------------------

    def tooltip_text(self, day: dt.date) -> str:
        events = self.events.days[day]
        lines = [day.isoformat()]
        if events.festivals:
            lines.append("、".join(events.festivals))
        if events.holiday:
            lines.append(self.tr("Day off: {name}").format(name=events.holiday))
        if events.workday:
            lines.append(self.tr("Make-up workday: {name}").format(name=events.workday))
        lines += [f"· {item.title}（{item.status}）" for item in events.items]
        lines += [self.tr("· Activity: {title}").format(title=a.title) for a in events.activities]
        if events.birthdays:
            names = "、".join(b.member.name for b in events.birthdays[:12])
            if len(events.birthdays) > 12:
                names += "…"
            lines.append(self.birthday_text(events) + "：" + names)
        return "\n".join(lines)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and self.events is not None:
            day = self.date_at(event.pos())
            if day is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(day), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        day = self.date_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self._selected = day
            self.update()
            self.dayClicked.emit(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        day = self.date_at(event.position().toPoint())
        if day is not None:
            self.dayActivated.emit(day)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        key = event.key()
        if key in steps and self._days:
            current = self._selected or (self.today if self.today in self._days else self._days[0])
            target = current + dt.timedelta(days=steps[key])
            if target in self._days:
                self._selected = target
                self.update()
                self.dayClicked.emit(target)
            else:
                self.dayOutside.emit(target)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.dayActivated.emit(self._selected)
            return
        super().keyPressEvent(event)
