"""工会经费 (issue 19): the funds book fed by every payment, budgets, closed periods, cap groups and
the reports for the term check, the year-end check and the funds audit."""

from union_desk.areas import Area, DemoStep, MenuAction, NavEntry, SettingKey, QT_TRANSLATE_NOOP

_MODELS = ("FundCategory", "FundEntry", "FundLink", "FundYear", "Budget", "FundClosing", "CapGroup", "CapGroupType")
_KINDS = frozenset({"fund_category", "fund_entry", "fund_year", "budget", "fund_closing", "cap_group"})
_CODE_CHECK = "union_desk.services.funds:check_code_setting"

AREA = Area(
    key="funds",
    title="工会经费",
    nav=(
        NavEntry("funds", QT_TRANSLATE_NOOP("Navigation", "Union funds"), group=4, order=8,
                 page="union_desk.ui.funds.tab:FundsTab",
                 shows=_KINDS | {"visit", "assistance", "activity", "setting"},
                 record_kinds=("fund_entry",)),
    ),
    ledgers=(
        "union_desk.ledgers.fund_ledger:FUNDS_LEDGER",
        "union_desk.ledgers.fund_ledger:FUNDS_SUMMARY_LEDGER",
    ),
    home="union_desk.ui.funds.home:home_parts",
    menu_actions=(MenuAction(QT_TRANSLATE_NOOP("MainWindow", "&Fund categories and budgets…"), "funds", "edit_categories", 47),),
    stats=("union_desk.services.fund_stats:SECTION",),
    demo=(DemoStep(80, "正在生成经费收支", 30, "union_desk.demo.funds:make_funds"),),
    models=tuple(f"union_desk.db.fund_models:{name}" for name in _MODELS),
    schema_steps={7: "union_desk.db.fund_models:step_7"},
    settings_pages=("union_desk.ui.funds.settings_page:FundsSettingsPage",),
    settings=(
        SettingKey("funds_post_goods", "0", "慰问品价值记入经费账", "word", "union_desk.services.funds:check_flag_setting"),
        SettingKey("funds_map_visit", "1.4", "走访慰问记入科目", "word", _CODE_CHECK),
        SettingKey("funds_map_visit_batch", "2.5", "送温暖批量慰问记入科目", "word", _CODE_CHECK),
        SettingKey("funds_map_assistance", "2.4", "困难帮扶记入科目", "word", _CODE_CHECK),
        SettingKey("funds_map_activity", "1.2", "活动经费记入科目", "word", _CODE_CHECK),
        SettingKey("funds_map_activity_training", "1.1", "讲座培训记入科目", "word", _CODE_CHECK),
    ),
    cli=("union_desk.commands.funds:register",),
    print_targets=("voucher", "funds-audit", "funds-summary"),
    check_counts=(("经费凭证", "union_desk.db.fund_models:FundEntry"),),
    changes=_KINDS | {"fund_link"},
    hooks={
        "money": ("union_desk.services.fund_posting:posted",),
        "visit_caps": ("union_desk.services.funds:cap_group_warnings",),
    },
)
