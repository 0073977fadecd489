"""QtCharts for the statistics page: pies, vertical, horizontal and stacked bars in a Chinese font.

Every text a chart draws (axis labels, bar labels, legend, slice labels) gets `chart_font()`, a
font whose family list starts with the application font and falls back to the Chinese fonts of
Windows and Linux (offscreen tests use WenQuanYi), so no label turns into empty boxes.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = ["Microsoft YaHei", "SimHei", "SimSun", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC"]
PALETTE = [
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
    "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#1F3F6E", "#8CD17D",
    "#B6992D", "#D37295", "#86BCB6", "#A0CBE8",
]


def color(i: int) -> QColor:
    return QColor(PALETTE[i % len(PALETTE)])


def chart_font(point_size: float = 9) -> QFont:
    font = QFont(QApplication.font())
    families = [QApplication.font().family()] + [f for f in CJK_FAMILIES if f != QApplication.font().family()]
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


def new_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setTitleFont(chart_font(10))
    legend = chart.legend()
    legend.setFont(chart_font(9))
    return chart


def chart_view(chart: QChart, min_height: int = 240) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(min_height)
    return view


def nice_scale(maximum: float, max_ticks: int = 6) -> tuple[float, int]:
    """(axis maximum, tick count) with whole-number steps of 1, 2 or 5 × 10^k and some headroom."""
    top = max(float(maximum), 1.0) * 1.08
    step = 1.0
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if top / candidate <= max_ticks - 1:
                ticks = int(-(-top // candidate))
                return candidate * ticks, ticks + 1
        step *= 10


def _value_axis(maximum: float, money: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelsFont(chart_font(8))
    top, ticks = nice_scale(maximum)
    axis.setRange(0, top)
    axis.setTickCount(ticks)
    axis.setLabelFormat("%.0f")
    return axis


def _category_axis(labels: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(chart_font(8))
    return axis


def pie(labels: list[str], values: list[int]) -> QChart:
    """A pie of the non-zero values; each slice reads 'label n'; the legend at the right."""
    chart = new_chart()
    series = QPieSeries()
    total = sum(values)
    for i, (label, value) in enumerate(zip(labels, values)):
        if not value:
            continue
        part = series.append(f"{label} {value}", value)
        part.setColor(color(i))
        part.setLabelFont(chart_font(8))
        part.setLabelVisible(total > 0 and value / total >= 0.06)
        part.setBorderColor(QColor("white"))
    series.setPieSize(0.72)
    chart.addSeries(series)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignRight)
    legend.setFont(chart_font(9))
    return chart


def bars(
    categories: list[str],
    sets: list[tuple[str, list[float]]],
    *,
    horizontal: bool = False,
    stacked: bool = False,
    labels: bool = True,
    money: bool = False,
    legend: Qt.AlignmentFlag | None = None,
) -> QChart:
    """Bars of one or more sets over `categories` (horizontal bars list the first category on top)."""
    chart = new_chart()
    if horizontal:
        series = QHorizontalBarSeries()
        categories = list(reversed(categories))
        sets = [(name, list(reversed(values))) for name, values in reversed(sets)]
    else:
        series = QStackedBarSeries() if stacked else QBarSeries()
    colour_of = {name: color(i) for i, (name, _v) in enumerate(reversed(sets) if horizontal else sets)}
    for name, values in sets:
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(colour_of[name])
        bar_set.setBorderColor(colour_of[name])
        bar_set.setLabelFont(chart_font(7.5))
        bar_set.setLabelColor(QColor("#222222") if not stacked else QColor("white"))
        series.append(bar_set)
    if labels and not stacked:
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(12)
    chart.addSeries(series)
    if stacked:
        top = max([sum(float(values[i]) for _n, values in sets) for i in range(len(categories))] + [0.0])
    else:
        top = max([float(v) for _n, values in sets for v in values] + [0.0])
    value_axis = _value_axis(top, money)
    category_axis = _category_axis(categories)
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    if len(sets) > 1:
        chart.legend().setVisible(True)
        chart.legend().setAlignment(legend or Qt.AlignmentFlag.AlignBottom)
        if horizontal:  # the legend in the order the sets were given
            chart.legend().setReverseMarkers(True)
    else:
        chart.legend().setVisible(False)
    return chart


def series_values(chart: QChart) -> dict[str, list[float]]:
    """{set label: values} of a bar chart, {slice label: [value]} of a pie (for tests and checks)."""
    out: dict[str, list[float]] = {}
    for series in chart.series():
        if isinstance(series, QPieSeries):
            for part in series.slices():
                out[part.label()] = [part.value()]
        else:
            for bar_set in series.barSets():
                out[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
    return out


def categories(chart: QChart) -> list[str]:
    for axis in chart.axes():
        if isinstance(axis, QBarCategoryAxis):
            return list(axis.categories())
    return []
