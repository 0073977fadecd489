"""Colours of the plan views: one per item status, activities, birthdays, days off."""

from __future__ import annotations

from PySide6.QtGui import QColor

# status -> (background, text)
STATUS_COLORS = {
    "未开始": ("#e3ecfa", "#1f4e8c"),
    "进行中": ("#fff0d1", "#8a5300"),
    "已完成": ("#dcf1e2", "#1e6b34"),
    "已取消": ("#eeeeee", "#8a8a8a"),
    "顺延": ("#efe4f7", "#6a3d8f"),
}
ACTIVITY_COLORS = ("#ffffff", "#0b6e6e")  # outlined
BIRTHDAY_COLOR = "#b0306a"
HOLIDAY_BG = "#fdf0f0"
HOLIDAY_BADGE = "#d23b3b"
WORKDAY_BADGE = "#55606e"
FESTIVAL_TEXT = "#c0392b"
TODAY = "#1f6fd1"
SELECTED = "#1f6fd1"
OTHER_MONTH_BG = "#f6f7f9"
GRID_LINE = "#d5dde8"
HEADER_BG = "#eef2f7"
WEEKEND_TEXT = "#b03030"
ESTIMATE_TEXT = "#a85d00"


def status_colors(status: str) -> tuple[QColor, QColor]:
    bg, fg = STATUS_COLORS.get(status, STATUS_COLORS["未开始"])
    return QColor(bg), QColor(fg)
