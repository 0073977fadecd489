"""活动报名: activities, their items and teams, sign-ups and check-in."""

from union_desk.areas import Area, DemoStep, MemberTab, NavEntry, PlanLink, QT_TRANSLATE_NOOP

AREA = Area(
    key="activities",
    title="活动报名",
    nav=(
        NavEntry("activities", QT_TRANSLATE_NOOP("Navigation", "Activities"), group=3, order=4,
                 page="union_desk.ui.activities.tab:ActivitiesTab",
                 shows=frozenset({"activity", "activity_item", "team", "sign_up", "member", "plan_item"}),
                 record_kinds=("activity",)),
    ),
    ledgers=(
        "union_desk.ledgers.activity_ledger:ACTIVITIES_LEDGER",
        "union_desk.ledgers.activity_ledger:SIGNUPS_LEDGER",
    ),
    home="union_desk.ui.activities.home:home_parts",
    stats=("union_desk.services.activity_stats:SECTION",),
    plan_links=(PlanLink("activity", "union_desk.db.models:Activity", "活动", "活动 {n} 项", order=10),),
    demo=(DemoStep(60, "正在生成活动报名", 200, "union_desk.demo.generator:_Generator._make_activities"),),
    models=tuple(f"union_desk.db.models:{m}" for m in ("Activity", "ActivityItem", "Team", "SignUp")),
    member_tabs=(MemberTab(QT_TRANSLATE_NOOP("MemberForm", "Activities this year"),
                           "union_desk.ui.activities.member_activities:MemberActivitiesPanel", 20,
                           frozenset({"activity", "activity_item", "sign_up", "team"})),),
    cli=("union_desk.commands.activities:register",),
    print_targets=("signin",),
    check_counts=(("活动", "union_desk.db.models:Activity"), ("报名", "union_desk.db.models:SignUp")),
    changes=frozenset({"activity", "activity_item", "team", "sign_up"}),
)
