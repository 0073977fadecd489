"""评优表彰 (issue 18): award types, rounds, nominations, 公示, the honours register, certificates."""

from union_desk.areas import Area, DemoStep, MemberTab, MenuAction, NavEntry, SettingKey, QT_TRANSLATE_NOOP

_MODELS = ("AwardType", "AwardRound", "Nomination", "Honour")
_KINDS = frozenset({"award_type", "award_round", "nomination", "honour"})

AREA = Area(
    key="honours",
    title="评优表彰",
    nav=(
        NavEntry("honours", QT_TRANSLATE_NOOP("Navigation", "Honours"), group=4, order=7,
                 page="union_desk.ui.honours.tab:HonoursTab",
                 shows=_KINDS | {"member", "activity", "sign_up", "team", "setting"},
                 record_kinds=("award_round", "honour")),
    ),
    ledgers=(
        "union_desk.ledgers.honour_ledger:NOMINATIONS_LEDGER",
        "union_desk.ledgers.honour_ledger:HONOURS_LEDGER",
    ),
    home="union_desk.ui.honours.home:home_parts",
    menu_actions=(
        MenuAction(QT_TRANSLATE_NOOP("MainWindow", "&Award types…"), "honours", "edit_award_types", 45),
        MenuAction(QT_TRANSLATE_NOOP("MainWindow", "&Certificate template…"), "honours", "edit_certificate_template", 46),
    ),
    stats=("union_desk.services.honour_stats:SECTION",),
    demo=(DemoStep(78, "正在生成评优表彰", 30, "union_desk.demo.honours:make_honours"),),
    models=tuple(f"union_desk.db.honour_models:{name}" for name in _MODELS),
    schema_steps={6: "union_desk.db.honour_models:step_6"},
    member_tabs=(MemberTab(QT_TRANSLATE_NOOP("MemberForm", "Honours"),
                           "union_desk.ui.honours.member_panel:MemberHonoursPanel", 50,
                           frozenset({"honour", "nomination"})),),
    settings=(
        SettingKey("certificate_template", "", "证书模板", "long", "union_desk.services.honours:check_template_setting"),
    ),
    cli=("union_desk.commands.honours:register",),
    print_targets=("nomination-form", "notice", "honour-roll", "certificates"),
    check_counts=(
        ("评选", "union_desk.db.honour_models:AwardRound"),
        ("推荐", "union_desk.db.honour_models:Nomination"),
        ("荣誉记录", "union_desk.db.honour_models:Honour"),
    ),
    changes=_KINDS,
)
