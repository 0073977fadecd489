"""工作计划: the year's plan calendar, its template and its ledger."""

from union_desk.areas import Area, DemoStep, NavEntry, QT_TRANSLATE_NOOP

AREA = Area(
    key="plan",
    title="工作计划",
    nav=(
        NavEntry("plan", QT_TRANSLATE_NOOP("Navigation", "Work plan"), group=0, order=1,
                 page="union_desk.ui.plan.tab:PlanTab",
                 shows=frozenset({"plan_item", "plan_template_rule", "activity", "visit", "member", "setting"}),
                 record_kinds=("plan",)),
    ),
    ledgers=("union_desk.ledgers.plan_ledger:PLAN_LEDGER",),
    home="union_desk.ui.plan.home:home_parts",
    stats=("union_desk.services.plan_stats:SECTION",),
    demo=(DemoStep(40, "正在生成工作计划", 20, "union_desk.demo.generator:_Generator._make_plan"),),
    models=("union_desk.db.models:PlanItem", "union_desk.db.models:PlanTemplateRule"),
    cli=("union_desk.commands.plan:register",),
    print_targets=("plan",),
    check_counts=(("计划事项", "union_desk.db.models:PlanItem"),),
    changes=frozenset({"plan_item", "plan_template_rule"}),
)
