"""年度统计: the figures of a year (or 学年 / 学期) for the statistics page, the PDF report, the xlsx
sheet and `union-desk stats`, and a paragraph of them ready to quote in a 工作总结.

    stats = year_stats(2026)                      # calendar year
    stats = year_stats(plan.school_year(2025))    # 2025—2026学年 (Sep 2025 – Aug 2026)
    text = key_paragraph(stats)

This module knows no area. Each area registers its part of the statistics, a `StatsSection`
(`Area.stats` in `union_desk.areas`: a module `services.<name>_stats` holding `SECTION`). A
section counts its figures, turns them into `StatTable`s (the rows the page, the PDF report and
the xlsx sheet show, with how they are charted and placed in `TableLook`), and gives its piece of
the key paragraph, its part of the JSON and its notes. `year_stats` computes every registered section into `YearStats.sections`, in the
sections' `order`; `stats.members`, `stats.visits` … read a section's figures by its key.

Every figure is an SQL aggregate (GROUP BY), so 50,000 members take well under a second. What each
section counts is written at the top of its module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from peewee import fn

from union_desk.domain import money as money_domain
from union_desk.errors import ValidationError
from union_desk.services import plan
from union_desk.services.plan import Period, Rate

ZERO = Decimal("0.00")
PERIOD_KINDS = ("year", "school_year", "spring", "autumn")
MIN_YEAR, MAX_YEAR = plan.MIN_YEAR, plan.MAX_YEAR  # the years a period may start in
CHINESE_NUMBERS = "一二三四五六七八九十"


# --- tables (what the PDF report, the xlsx sheet and the page show beside each chart) ------------


@dataclass(frozen=True)
class Series:
    """One series of a chart: the values of `column` in the table's rows."""

    column: int
    label: str  # as printed (the PDF legend)
    screen: str = ""  # English source for the page, translated in the context "StatsPage" ('' = `label`)


@dataclass(frozen=True)
class Chart:
    """How a table is charted, in the PDF report and on the page. The categories are the first
    column of the rows; `series` () charts a month table: one series per row over the columns
    between the first and the last (the months)."""

    kind: str  # pie / bar / stacked (bars stacked) / hbar (horizontal bars, the first row on top)
    series: tuple[Series, ...] = ()
    limit: int = 0  # only the first `limit` rows are charted (0: all)
    rest: str = ""  # printed label of one more bar summing the rows past `limit` ('' = left out)
    rest_screen: str = ""  # the same on the page (English source)
    shorten: int = 0  # category labels longer than this are cut with '…'
    money: bool = False  # the values are yuan
    height: float = 52  # mm, in the PDF (a pie or vertical bars; horizontal bars grow with their rows)
    legend_right: float = 0  # mm: the legend at the right of the chart (on the page too), not below
    screen_kind: str = ""  # the page's kind when it differs from the PDF's
    screen_height: int = 240  # px on the page (with `screen_per_row`: added to the bars' height)
    screen_per_row: int = 0  # px per bar on the page: the chart grows with its rows (at least 220)


@dataclass(frozen=True)
class TableLook:
    """How a table is laid out (the PDF report and the page), what its rows do not say."""

    chart: Chart | None = None
    beside: bool = False  # the chart beside the table (else above it, a wide table)
    beside_rows: int = 0  # in the PDF: beside only while the table has at most this many rows (0: always)
    chart_width: float = 98  # mm, the chart beside the table in the PDF
    wide_first: bool = False  # the first column (long names) takes the width left
    join: bool = False  # on the page: shown in the box of the table before, under it, `title` as caption
    span: int = 1  # on the page: 1 = half the width (two boxes a row), 2 = the whole width
    # The page's own words, English sources translated in the context "StatsPage" ('' / () = the
    # printed title and headers). A month table gives the first and the last header only; the
    # page puts its month names between. `total`: the 合计 label, {n} = the number of rows and
    # `total_args` any other figure it names.
    title: str = ""
    headers: tuple[str, ...] = ()
    total: str = ""
    total_args: tuple[tuple[str, object], ...] = ()


@dataclass
class StatTable:
    """One table of figures. `kinds` per column: text, int, money, rate, date. `total` is the 合计
    row (or None). The headers and titles are the printed (Chinese) ones; the page translates its
    own headers (`look`) but shows these rows."""

    key: str
    title: str
    headers: list[str]
    kinds: list[str]
    rows: list[list]
    total: list | None = None
    chart: str = ""  # pie / bar / hbar / stacked / grouped / '' (no chart)
    unit: str = ""
    look: TableLook = field(default_factory=TableLook)
    months: tuple[int, ...] = ()  # a month table: the month of each column between the first and the last
    row_months: tuple[int, ...] = ()  # a table by month: the month of each of its first rows


@dataclass(frozen=True)
class Note:
    """A note under the tables of the xlsx sheet; `run_on` continues the line of the note before."""

    text: str
    run_on: bool = False


ScreenNote = tuple[str, dict]  # (English source in the context "StatsPage", its format arguments)


def _nothing(_data, _stats):
    return None


def _no_json(_data) -> dict:
    return {}


def _no_notes(_data, _stats) -> dict:
    return {}


def _no_sheet_notes(_data, _stats) -> list:
    return []


@dataclass(frozen=True)
class StatsSection:
    """One area's part of 年度统计 (registered as `Area.stats`).

    compute(period, as_of) → the section's figures (`as_of`: the reference day of snapshots);
    tables(data, stats) → its `StatTable`s; paragraph(data, stats) → its piece of the key
    paragraph (or None); as_json(data) → its part of the JSON (under `key`); top_json(data) → keys
    put at the JSON's top level; notes(data, stats) →
    {table key: the note printed under it in the PDF}; screen_notes(data, stats) → {table key:
    [ScreenNote, …]} shown under it on the page; sheet_notes(data, stats) → [str | Note] written
    under the tables of the xlsx sheet."""

    key: str  # YearStats.<key> and the JSON key
    order: int  # report order: the tables, the paragraph pieces, the PDF chapters
    heading: str  # the PDF chapter ('会员情况'; numbered 一、二、… in order)
    compute: Callable[[Period, dt.date], Any]
    tables: Callable[[Any, YearStats], list[StatTable]]
    paragraph: Callable[[Any, YearStats], str | None] = _nothing
    as_json: Callable[[Any], dict] = _no_json
    notes: Callable[[Any, YearStats], dict[str, str]] = _no_notes
    screen_notes: Callable[[Any, YearStats], dict[str, list[ScreenNote]]] = _no_notes
    sheet_notes: Callable[[Any, YearStats], list] = _no_sheet_notes
    top_json: Callable[[Any], dict] = _no_json  # keys of the JSON's top level (e.g. membership_rate)

    HOOKS = ("tables", "paragraph", "as_json", "notes", "screen_notes", "sheet_notes", "top_json")

    @classmethod
    def of(cls, module: str, key: str, order: int, heading: str, compute) -> StatsSection:
        """A section from a module's functions named like the hooks (`tables`, `paragraph` …);
        a hook the module does not define keeps its default."""
        import sys

        found = {hook: getattr(sys.modules[module], hook) for hook in cls.HOOKS if hasattr(sys.modules[module], hook)}
        return cls(key=key, order=order, heading=heading, compute=compute, **found)


# --- results ------------------------------------------------------------------------------------


@dataclass
class YearStats:
    period: Period
    school_name: str
    union_name: str
    as_of: dt.date  # the reference day of the snapshots: the period's last day, or today while it runs
    sections: dict[str, Any] = field(default_factory=dict)  # section key → its figures
    parts: tuple[StatsSection, ...] = field(default=(), repr=False)  # the sections computed, in order

    def __getattr__(self, name: str):
        """A section's figures by its key: `stats.members`, `stats.visits` …"""
        sections = self.__dict__.get("sections")
        if sections is not None and name in sections:
            return sections[name]
        raise AttributeError(f"{type(self).__name__} has no attribute or statistics section {name!r}")

    def each(self) -> list[tuple[StatsSection, Any]]:
        """(section, its figures) in report order."""
        return [(section, self.sections[section.key]) for section in self.parts]

    @property
    def label(self) -> str:
        """'2026年' or '2025—2026学年' or '2026年春季学期' (no months in brackets)."""
        return period_name(self.period)

    @property
    def whole_year(self) -> bool:
        return self.period.kind == "year"

    @property
    def period_word(self) -> str:
        """How the paragraph names the period: 全年, 本学年, 本学期."""
        return "全年" if self.whole_year else ("本学年" if self.period.kind == "school_year" else "本学期")

    @property
    def union_words(self) -> str:
        """Who the paragraph speaks of: '文澜实验学校工会', else the union's name, else '工会'."""
        return f"{self.school_name}工会" if self.school_name else (self.union_name or "工会")


# --- periods ------------------------------------------------------------------------------------


def period_name(period: Period) -> str:
    text = period.label.split("（")[0]
    return text.replace("全年", "")


def make_period(year: int, kind: str = "year") -> Period:
    """The period a year switch names: 'year' (calendar year), 'school_year' (Sep Y – Aug Y+1),
    'spring' (Feb – Jul Y), 'autumn' (Sep Y – Jan Y+1)."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError(f"年份不对：{year}", field="year") from None
    if not plan.MIN_YEAR <= year <= plan.MAX_YEAR:
        raise ValidationError(f"年份应在 {plan.MIN_YEAR} 到 {plan.MAX_YEAR} 之间，而不是 {year}", field="year")
    makers = {
        "year": plan.year_period,
        "school_year": plan.school_year,
        "spring": plan.spring_term,
        "autumn": plan.autumn_term,
    }
    if kind not in makers:
        raise ValidationError(f"不认识的统计期间：{kind}", field="kind")
    return makers[kind](year)


def _as_period(period) -> Period:
    if isinstance(period, Period):
        return period
    return make_period(period)


def month_label(period: Period, year: int, month: int) -> str:
    return f"{month}月"


# --- helpers for the sections -------------------------------------------------------------------


def day_end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59))


def years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def yuan(fen) -> Decimal:
    """An amount stored in fen, in yuan."""
    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


def sql_sum(column):
    return fn.COALESCE(fn.SUM(column), 0).coerce(False)


def shares(items, whole: int) -> list[list]:
    """[label, n, share] rows."""
    return [[label, n, (n / whole) if whole else None] for label, n in items]


def share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "—"


def money_json(value: Decimal) -> float:
    return float(value)


def rate_json(rate: Rate) -> dict:
    return {"total": rate.total, "done": rate.done, "cancelled": rate.cancelled, "planned": rate.planned,
            "rate": None if rate.rate is None else round(rate.rate, 4)}


def date_words(day: dt.date) -> str:
    """'2026年5月1日', as the printed notes write a day."""
    return f"{day.year}年{day.month}月{day.day}日"


def yuan_sign(amount) -> str:
    """'￥1,005.50', as the printed notes write an amount."""
    return "￥" + money_domain.format_yuan(amount)


# --- the whole ----------------------------------------------------------------------------------


def sections() -> list[StatsSection]:
    """The registered sections, in report order."""
    from union_desk import areas

    return areas.stats_sections()


def year_stats(period, today: dt.date | None = None) -> YearStats:
    """The statistics of `period`: a calendar year (int) or a `plan.Period` (学年, 学期)."""
    from union_desk.services import settings

    period = _as_period(period)
    today = today or dt.date.today()
    as_of = min(period.last_day, today)
    if as_of < period.first_day:  # a period still to come: the snapshot is its first day
        as_of = period.first_day
    parts = tuple(sections())
    keys = [section.key for section in parts]
    if len(set(keys)) != len(keys):
        raise RuntimeError(f"two statistics sections share a key: {keys}")
    return YearStats(
        period=period,
        school_name=settings.get("school_name").strip(),
        union_name=settings.get("union_name").strip(),
        as_of=as_of,
        sections={section.key: section.compute(period, as_of) for section in parts},
        parts=parts,
    )


def tables(stats: YearStats) -> list[StatTable]:
    """Every section's tables, in report order."""
    return [table for section, data in stats.each() for table in section.tables(data, stats)]


def section_tables(stats: YearStats) -> list[tuple[StatsSection, list[StatTable]]]:
    """(section, its tables) in report order (the PDF report's chapters)."""
    return [(section, section.tables(data, stats)) for section, data in stats.each()]


def notes(stats: YearStats) -> dict[str, str]:
    """{table key: the note printed under it in the PDF report}."""
    found: dict[str, str] = {}
    for section, data in stats.each():
        found.update(section.notes(data, stats))
    return found


def screen_notes(stats: YearStats) -> dict[str, list[ScreenNote]]:
    """{table key: [(English source, format arguments), …]} for the notes on the page."""
    found: dict[str, list[ScreenNote]] = {}
    for section, data in stats.each():
        found.update(section.screen_notes(data, stats))
    return found


def sheet_notes(stats: YearStats) -> list[str]:
    """The lines of notes under the tables of the xlsx sheet."""
    lines: list[str] = []
    for section, data in stats.each():
        for note in section.sheet_notes(data, stats):
            note = note if isinstance(note, Note) else Note(note)
            if note.run_on and lines:
                lines[-1] += note.text
            else:
                lines.append(note.text)
    return lines


def chapter_number(index: int) -> str:
    """1 → '一', 12 → '十二', 20 → '二十' (the PDF chapters)."""
    if index <= 10:
        return CHINESE_NUMBERS[index - 1]
    tens, ones = divmod(index, 10)
    return (CHINESE_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CHINESE_NUMBERS[ones - 1] if ones else "")


def format_cell(value, kind: str) -> str:
    """How a table cell reads on paper and on screen: money with two decimals, rates as percent."""
    if value is None:
        return "—" if kind == "rate" else ""
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "rate":
        return percent(value)
    if kind == "date":
        return f"{value:%Y-%m-%d}"
    return str(value)


# --- words --------------------------------------------------------------------------------------


def yuan_text(amount: Decimal) -> str:
    """'12,345.00元' → written as '12345元' when whole, '12345.50元' otherwise (how summaries quote money)."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    text = f"{amount:.0f}" if amount == amount.to_integral() else f"{amount:.2f}"
    return f"{text}元"


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def key_paragraph(stats: YearStats) -> str:
    """The key figures as one Chinese paragraph for a 工作总结: each section's piece, in order."""
    parts = [piece for section, data in stats.each() if (piece := section.paragraph(data, stats))]
    return "；".join(parts) + "。"


# --- JSON ---------------------------------------------------------------------------------------


def as_json(stats: YearStats) -> dict:
    """Plain JSON-ready data (money as numbers of yuan with two decimals, rates as fractions)."""
    data: dict = {
        "period": {
            "label": stats.label,
            "kind": stats.period.kind,
            "first_day": stats.period.first_day.isoformat(),
            "last_day": stats.period.last_day.isoformat(),
            "as_of": stats.as_of.isoformat(),
        },
        "school_name": stats.school_name,
    }
    for section, figures in stats.each():
        data[section.key] = section.as_json(figures)
        data.update(section.top_json(figures))
    data["paragraph"] = key_paragraph(stats)
    return data
