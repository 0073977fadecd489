"""会籍与会费 (issue 20): staff who are not members (for 入会率), membership events the member's status
follows, wage bases, dues per period, payments posted to the funds book, arrears, the transfer
letter and the dues and membership ledgers. It extends the member archive (a tab on the member
form, the hook "member_status") rather than keeping members of its own."""

from union_desk.areas import Area, DemoStep, ImportEntry, MemberTab, NavEntry, SettingKey, QT_TRANSLATE_NOOP

_MODELS = ("NonMemberStaff", "MembershipEvent", "WageBase", "DuesExemption", "DuesPayment", "PastDuesRule")
_KINDS = frozenset({"non_member_staff", "membership_event", "wage_base", "dues_exemption", "dues_payment", "past_dues_rule"})
_DUES = "union_desk.services.dues"

AREA = Area(
    key="membership",
    title="会籍与会费",
    nav=(
        NavEntry("membership", QT_TRANSLATE_NOOP("Navigation", "Membership and dues"), group=1, order=2,
                 page="union_desk.ui.membership.tab:MembershipTab",
                 shows=_KINDS | {"member", "setting"}, record_kinds=("dues_arrears",)),
    ),
    ledgers=(
        "union_desk.ledgers.membership_ledger:MEMBERSHIP_LEDGER",  # first: the statuses the dues follow
        "union_desk.ledgers.membership_ledger:DUES_LEDGER",
    ),
    home="union_desk.ui.membership.home:home_parts",
    import_entries=(ImportEntry(QT_TRANSLATE_NOOP("MainWindow", "Import a &payroll deduction list…"),
                                "union_desk.ui.membership.payroll_import:open_from_main_window", 30),),
    stats=("union_desk.services.membership_stats:SECTION",),
    demo=(DemoStep(85, "正在生成会籍与会费", 30, "union_desk.demo.membership:make_membership"),),
    models=tuple(f"union_desk.db.membership_models:{name}" for name in _MODELS),
    schema_steps={8: "union_desk.db.membership_models:step_8"},
    member_tabs=(MemberTab(QT_TRANSLATE_NOOP("MemberForm", "Membership and dues"),
                           "union_desk.ui.membership.member_panel:MembershipPanel", 15,
                           frozenset({"membership_event", "wage_base", "dues_payment", "dues_exemption"})),),
    settings_pages=("union_desk.ui.membership.settings_page:DuesSettingsPage",),
    settings=(
        SettingKey("dues_rate", "0.5", "会费比例（%）", "word", f"{_DUES}:check_rate_setting"),
        SettingKey("dues_rounding", "fen", "会费取整方式", "word", f"{_DUES}:check_rounding_setting"),
        SettingKey("dues_floor_ten", "1", "工资不足十元部分不计", "word", f"{_DUES}:check_flag_setting"),
        SettingKey("dues_period", "month", "会费收缴周期", "word", f"{_DUES}:check_period_setting"),
    ),
    cli=("union_desk.commands.membership:register",),
    print_targets=("transfer-letter", "join-form", "member-register", "dues-sheet", "dues-receipt"),
    check_counts=(
        ("非会员教职工", "union_desk.db.membership_models:NonMemberStaff"),
        ("会籍变动", "union_desk.db.membership_models:MembershipEvent"),
        ("会费缴纳", "union_desk.db.membership_models:DuesPayment"),
    ),
    changes=_KINDS | {"member"},
    hooks={
        "member_status": ("union_desk.services.membership:status_moved",),
        "settings_saved": ("union_desk.services.dues:settings_saved",),
    },
)
