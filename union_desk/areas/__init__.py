"""The area registry: every area of the app (工作计划, 会员档案, 困难帮扶 …) registers itself here once.

The main window, 首页, the 台账 dialog, the inspection pack, 年度统计, the CLI, `check`, the demo
and the schema read the areas from here; none of them imports an area by name. An area is one
module in this package holding one `Area(...)`, plus one line in `INSTALLED`
(see docs/adding-an-area.md). Everything an area points at is a *reference*, "module:attribute",
imported only when it is used, so this package never imports Qt or an area's code on its own and
the start-up stays light (OpenLP's plugins are the model).

    from union_desk import areas
    for area in areas.all_areas(): ...
    areas.resolve("union_desk.ui.plan.tab:PlanTab")
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

# The areas, in the order their parts are listed where no other order is given. One line per area.
INSTALLED = (
    "union_desk.areas.home",
    "union_desk.areas.members",
    "union_desk.areas.hardship",
    "union_desk.areas.activities",
    "union_desk.areas.plan",
    "union_desk.areas.books",
    "union_desk.areas.congress",
    "union_desk.areas.meetings",
    "union_desk.areas.honours",
    "union_desk.areas.funds",
    "union_desk.areas.membership",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks an English source string for the zh_CN catalogue; the UI translates it in `context`."""
    return text


NAV_CONTEXT = "Navigation"


@dataclass(frozen=True)
class NavEntry:
    """One entry of the side list. `page` builds the page (no arguments), the first time it is shown.

    The page may have `refresh()` (called when shown and after a change of one of `shows`),
    `open_record(kind, record)` for the 首页 entries of `record_kinds`, and any method a quick
    action names."""

    key: str
    label: str  # English source, translated in the context "Navigation"
    group: int  # entries with the same group sit together; groups are separated by a line
    order: int  # position in the side list (Ctrl+1…9 go to the first nine)
    page: str  # reference to the page class or factory
    shows: frozenset[str] = frozenset()  # record kinds (table names) the page shows: '*' = all
    record_kinds: tuple[str, ...] = ()  # the 首页 entries this page opens


@dataclass(frozen=True)
class QuickAction:
    """A button on the 首页 header: show page `nav_key` and call its method `method()`."""

    label: str  # English source, translated in the context "HomeTab"
    nav_key: str
    method: str
    order: int


@dataclass(frozen=True)
class MenuAction:
    """An entry of the 文件 menu for an area's own lists (e.g. 慰问类别与标准…): builds page
    `nav_key` if needed (without showing it) and calls its method `method()`."""

    label: str  # English source, translated in the context "MainWindow"
    nav_key: str
    method: str
    order: int


@dataclass(frozen=True)
class MemberTab:
    """A read-only panel on an existing member's form (e.g. 走访帮扶记录): `panel(member)` is a widget."""

    label: str  # English source, translated in the context "MemberForm"
    panel: str
    order: int
    shows: frozenset[str] = frozenset()  # record kinds the panel shows (it refreshes when they change)


@dataclass(frozen=True)
class PlanLink:
    """A kind of record a plan item can be linked to (a foreign key `plan_item` on its table)."""

    kind: str  # the table name, e.g. 'visit'
    model: str  # reference to the peewee model (it has a nullable `plan_item` foreign key)
    label: str  # Chinese, as printed: '走访慰问'
    count_text: str = "{label} {n} 条"  # how a count reads on the plan page and the printed plan
    counted: str | None = None  # reference to `() -> peewee expression`: which records count (not voided)
    order: int = 100  # position where the links are listed ('活动 2 项、走访 5 人次')


@dataclass(frozen=True)
class DemoStep:
    """A stage of the demo school: `run(generator)`; steps run in `order` (members first)."""

    order: int
    label: str  # Chinese progress text
    weight: int  # share of the progress bar
    run: str


@dataclass(frozen=True)
class ImportEntry:
    """An import offered in the 文件 menu: `opener(main_window)` runs it."""

    label: str  # English source, translated in the context "MainWindow"
    opener: str
    order: int


@dataclass(frozen=True)
class SettingKey:
    """A setting an area keeps (in the `setting` table, audited like the others)."""

    key: str
    default: str
    label: str  # Chinese, for messages and the audit log
    kind: str = "line"  # a textclean.TEXT_LIMITS kind: the cleaning and length limit
    # reference to `(cleaned text) -> text` that refuses a bad value with a ValidationError
    check: str | None = None


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # Chinese, for messages and the docs
    nav: tuple[NavEntry, ...] = ()
    # references to `ledgers.ledger.Ledger` objects (the 台账 dialog, CLI kinds, the pack)
    ledgers: tuple[str, ...] = ()
    # reference to a UI function `(HomeContext) -> list[HomeFigure | HomeList]` for 首页
    home: str | None = None
    quick_actions: tuple[QuickAction, ...] = ()
    menu_actions: tuple[MenuAction, ...] = ()
    # references to `services.stats.StatsSection`s: its parts of 年度统计 (screen, PDF, xlsx, CLI)
    stats: tuple[str, ...] = ()
    plan_links: tuple[PlanLink, ...] = ()
    demo: tuple[DemoStep, ...] = ()
    models: tuple[str, ...] = ()  # references to the area's peewee models (created by its steps)
    schema_steps: dict[int, str] = field(default_factory=dict)  # step number → reference
    member_tabs: tuple[MemberTab, ...] = ()
    # references to settings page widgets shown in 设置: no-argument constructor, `title` (translated)
    # and `values() -> {key: text}` of the area's `settings` keys, saved with the others
    settings_pages: tuple[str, ...] = ()
    settings: tuple[SettingKey, ...] = ()
    cli: tuple[str, ...] = ()  # references to `register(verbs)` functions adding its commands
    print_targets: tuple[str, ...] = ()  # the `print …` targets its CLI adds (for the help and docs)
    check_counts: tuple[tuple[str, str], ...] = ()  # (Chinese label, model reference) for `check`
    import_entries: tuple[ImportEntry, ...] = ()
    changes: frozenset[str] = frozenset()  # the record kinds (table names) its writes change
    # functions other areas' services call at named moments, e.g. {"money": ("…:posted",)}: when a
    # visit, an assistance payment or an activity's cost moves money, the funds area posts it
    # ("Money moves once"); {"visit_caps": ("…:cap_warnings",)}: more caps a visit is checked against
    hooks: dict[str, tuple[str, ...]] = field(default_factory=dict)


_areas: dict[str, Area] | None = None


def resolve(ref: str):
    """'package.module:attr.sub' → the object (imported now)."""
    module, _, attr = ref.partition(":")
    obj = importlib.import_module(module)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


def _load() -> dict[str, Area]:
    global _areas
    if _areas is None:
        found: dict[str, Area] = {}
        for name in INSTALLED:
            area = importlib.import_module(name).AREA
            if area.key in found:
                raise RuntimeError(f"two areas named {area.key!r}")
            found[area.key] = area
        _areas = found
    return _areas


def all_areas() -> list[Area]:
    return list(_load().values())


def get(key: str) -> Area:
    return _load()[key]


def register(area: Area) -> None:
    """Add an area at run time (tests, a plug-in). `INSTALLED` is the normal way."""
    areas = _load()
    if area.key in areas:
        raise ValueError(f"area {area.key!r} is already registered")
    areas[area.key] = area


def unregister(key: str) -> None:
    _load().pop(key, None)


# --- what the rest of the app reads ------------------------------------------------------------------


def nav_entries() -> list[NavEntry]:
    return sorted((e for a in all_areas() for e in a.nav), key=lambda e: (e.order, e.key))


def ledgers() -> list:
    """Every ledger (`ledgers.ledger.Ledger`), in the order of the inspection pack."""
    found = [resolve(ref) for a in all_areas() for ref in a.ledgers]
    return sorted(found, key=lambda ledger: ledger.order)


def stats_sections() -> list:
    """Every area's yearly statistics section, in report order."""
    found = [resolve(ref) for a in all_areas() for ref in a.stats]
    return sorted(found, key=lambda section: section.order)


def plan_links() -> list[PlanLink]:
    return sorted((link for a in all_areas() for link in a.plan_links), key=lambda link: link.order)


def demo_steps() -> list[DemoStep]:
    return sorted((s for a in all_areas() for s in a.demo), key=lambda s: s.order)


def check_counts() -> list[tuple[str, object]]:
    return [(label, resolve(ref)) for a in all_areas() for label, ref in a.check_counts]


def models() -> list:
    return [resolve(ref) for a in all_areas() for ref in a.models]


def schema_steps() -> dict[int, object]:
    steps: dict[int, object] = {}
    for a in all_areas():
        for number, ref in a.schema_steps.items():
            if number in steps:
                raise RuntimeError(f"schema step {number} is claimed twice (area {a.key!r})")
            steps[number] = ref
    return steps


def member_tabs() -> list[MemberTab]:
    return sorted((t for a in all_areas() for t in a.member_tabs), key=lambda t: t.order)


def quick_actions() -> list[QuickAction]:
    return sorted((q for a in all_areas() for q in a.quick_actions), key=lambda q: q.order)


def menu_actions() -> list[MenuAction]:
    return sorted((m for a in all_areas() for m in a.menu_actions), key=lambda m: m.order)


def import_entries() -> list[ImportEntry]:
    return sorted((i for a in all_areas() for i in a.import_entries), key=lambda i: i.order)


def cli_registrations() -> list:
    return [resolve(ref) for a in all_areas() for ref in a.cli]


def home_providers() -> list:
    return [resolve(a.home) for a in all_areas() if a.home]


def settings_pages() -> list:
    return [resolve(ref) for a in all_areas() for ref in a.settings_pages]


def setting_keys() -> list[SettingKey]:
    return [key for a in all_areas() for key in a.settings]


def hooks(name: str) -> list:
    """The functions the areas hook to moment `name` (see `Area.hooks`), imported now."""
    return [resolve(ref) for a in all_areas() for ref in a.hooks.get(name, ())]


def nav_for_record(kind: str) -> NavEntry | None:
    """The navigation entry whose page opens a 首页 entry of `kind`."""
    for entry in nav_entries():
        if kind in entry.record_kinds:
            return entry
    return None
