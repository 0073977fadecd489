"""首页: the year's figures and what needs doing this week, gathered from every area."""

from union_desk.areas import Area, NavEntry, QT_TRANSLATE_NOOP

AREA = Area(
    key="home",
    title="首页",
    nav=(
        NavEntry("home", QT_TRANSLATE_NOOP("Navigation", "Home"), group=0, order=0,
                 page="union_desk.ui.home.tab:HomeTab", shows=frozenset({"*"})),
    ),
)
