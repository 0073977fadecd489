"""困难帮扶 · 走访慰问: hardship files, assistance, visits and condolences (one entry, sub-tabs)."""

from union_desk.areas import (
    Area,
    DemoStep,
    MemberTab,
    MenuAction,
    NavEntry,
    PlanLink,
    QuickAction,
    QT_TRANSLATE_NOOP,
)

AREA = Area(
    key="hardship",
    title="困难帮扶与走访慰问",
    nav=(
        NavEntry("hardship", QT_TRANSLATE_NOOP("Navigation", "Hardship and visits"), group=2, order=3,
                 page="union_desk.ui.hardship.tab:HardshipTab",
                 shows=frozenset({"hardship_file", "hardship_review", "assistance", "visit", "visit_type", "member",
                                  "relative", "plan_item"}),
                 record_kinds=("hardship_file", "due_visit")),
    ),
    ledgers=(
        "union_desk.ledgers.hardship_ledger:HARDSHIP_LEDGER",
        "union_desk.ledgers.hardship_ledger:ASSISTANCE_LEDGER",
        "union_desk.ledgers.visit_ledger:VISITS_LEDGER",
    ),
    home="union_desk.ui.hardship.home:home_parts",
    quick_actions=(QuickAction(QT_TRANSLATE_NOOP("HomeTab", "New visit…"), "hardship", "new_visit", 10),),
    menu_actions=(MenuAction(QT_TRANSLATE_NOOP("MainWindow", "&Visit types and standards…"), "hardship",
                             "edit_visit_types", 10),),
    stats=("union_desk.services.visit_stats:SECTION", "union_desk.services.assistance_stats:SECTION"),
    plan_links=(PlanLink("visit", "union_desk.db.models:Visit", "走访慰问", "走访 {n} 人次",
                         "union_desk.services.visits:counted_visits", order=20),),
    demo=(
        DemoStep(30, "正在生成困难档案", 50, "union_desk.demo.generator:_Generator._make_hardship"),
        DemoStep(50, "正在生成走访慰问", 150, "union_desk.demo.generator:_Generator._make_visits"),
    ),
    models=tuple(f"union_desk.db.models:{m}" for m in ("HardshipFile", "HardshipReview", "Assistance", "VisitType", "Visit")),
    member_tabs=(MemberTab(QT_TRANSLATE_NOOP("MemberForm", "Visits and assistance"),
                           "union_desk.ui.hardship.member_visits:MemberVisitsPanel", 10,
                           frozenset({"visit", "assistance", "visit_type", "hardship_file"})),),
    cli=("union_desk.commands.hardship:register",),
    print_targets=("visit", "signoff"),
    check_counts=(
        ("困难档案", "union_desk.db.models:HardshipFile"),
        ("帮扶记录", "union_desk.db.models:Assistance"),
        ("慰问类别", "union_desk.db.models:VisitType"),
        ("走访慰问", "union_desk.db.models:Visit"),
    ),
    changes=frozenset({"hardship_file", "hardship_review", "assistance", "visit_type", "visit"}),
)
