"""会员档案: the member archive, the roster and its import."""

from union_desk.areas import Area, DemoStep, NavEntry, QuickAction, QT_TRANSLATE_NOOP

AREA = Area(
    key="members",
    title="会员档案",
    nav=(
        NavEntry("members", QT_TRANSLATE_NOOP("Navigation", "Members"), group=1, order=2,
                 page="union_desk.ui.members.tab:MembersTab",
                 shows=frozenset({"member", "relative"}),
                 record_kinds=("member",)),
    ),
    ledgers=("union_desk.ledgers.member_ledger:MEMBERS_LEDGER",),
    home="union_desk.ui.members.home:home_parts",
    quick_actions=(QuickAction(QT_TRANSLATE_NOOP("HomeTab", "New member…"), "members", "add_member", 20),),
    stats=("union_desk.services.member_stats:SECTION",),
    demo=(DemoStep(10, "正在生成会员", 250, "union_desk.demo.generator:_Generator.make_member_step"),),
    models=("union_desk.db.models:Member", "union_desk.db.models:Relative"),
    schema_steps={2: "union_desk.db.member_steps:step_2", 3: "union_desk.db.member_steps:step_3"},
    cli=("union_desk.commands.members:register",),
    check_counts=(("会员", "union_desk.db.models:Member"), ("直系亲属", "union_desk.db.models:Relative")),
    changes=frozenset({"member", "relative"}),
)
