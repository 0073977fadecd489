"""台账 · 年度统计: the ledgers of every area, the inspection pack and the year's statistics.

This area owns no records: its pages read the other areas through the registry."""

from union_desk.areas import Area, ImportEntry, NavEntry, QT_TRANSLATE_NOOP

AREA = Area(
    key="books",
    title="台账与年度统计",
    nav=(
        NavEntry("ledgers", QT_TRANSLATE_NOOP("Navigation", "Ledgers"), group=9, order=90,
                 page="union_desk.ui.books.ledger_page:LedgerPage", shows=frozenset({"setting"})),
        NavEntry("stats", QT_TRANSLATE_NOOP("Navigation", "Statistics"), group=9, order=91,
                 page="union_desk.ui.stats.page:StatsPage", shows=frozenset({"*"})),
    ),
    import_entries=(ImportEntry(QT_TRANSLATE_NOOP("MainWindow", "&Import a ledger…"),
                                "union_desk.ui.ledger_import_dialog:open_from_main_window", 10),),
    cli=("union_desk.commands.ledgers:register", "union_desk.commands.stats:register"),
)
