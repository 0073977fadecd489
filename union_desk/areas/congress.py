"""教代会与提案 (issue 16): terms and sessions, delegates, proposals and their handling, 民主评议."""

from union_desk.areas import Area, DemoStep, MemberTab, NavEntry, PlanLink, SettingKey, QT_TRANSLATE_NOOP

_SERVICE = "union_desk.services.congress"
_MODELS = ("CongressTerm", "CongressSession", "Delegate", "SessionAttendance", "AgendaItem", "Proposal",
           "Evaluation", "EvaluationSubject")

AREA = Area(
    key="congress",
    title="教代会与提案",
    nav=(
        NavEntry("congress", QT_TRANSLATE_NOOP("Navigation", "Staff congress"), group=4, order=5,
                 page="union_desk.ui.congress.tab:CongressTab",
                 shows=frozenset({"congress_term", "congress_session", "delegate", "session_attendance",
                                  "agenda_item", "proposal", "evaluation", "evaluation_subject", "member",
                                  "plan_item", "setting"}),
                 record_kinds=("proposal", "congress_session")),
    ),
    ledgers=(
        "union_desk.ledgers.congress_ledger:PROPOSALS_LEDGER",
        "union_desk.ledgers.congress_ledger:DELEGATES_LEDGER",
    ),
    home="union_desk.ui.congress.home:home_parts",
    stats=("union_desk.services.congress_stats:SECTION",),
    plan_links=(PlanLink("congress_session", "union_desk.db.congress_models:CongressSession", "教代会",
                         "教代会 {n} 次", order=30),),
    demo=(DemoStep(70, "正在生成教代会与提案", 40, "union_desk.demo.congress:make_congress"),),
    models=tuple(f"union_desk.db.congress_models:{name}" for name in _MODELS),
    schema_steps={4: "union_desk.db.congress_models:step_4"},
    member_tabs=(MemberTab(QT_TRANSLATE_NOOP("MemberForm", "Staff congress"),
                           "union_desk.ui.congress.member_panel:MemberCongressPanel", 40,
                           frozenset({"delegate", "proposal", "congress_term"})),),
    settings_pages=("union_desk.ui.congress.settings_page:CongressSettingsPage",),
    settings=(
        SettingKey("congress_quorum", "2/3", "教代会法定人数（出席代表占应到代表的比例）", "word",
                   f"{_SERVICE}:check_ratio_setting"),
        SettingKey("congress_majority", "1/2", "表决通过（赞成票须超过出席代表的比例）", "word",
                   f"{_SERVICE}:check_ratio_setting"),
        SettingKey("congress_teacher_min", "60", "一线教师代表最低比例（%）", "word", f"{_SERVICE}:check_percent_setting"),
        SettingKey("congress_leader_max", "20", "干部代表最高比例（%）", "word", f"{_SERVICE}:check_percent_setting"),
        SettingKey("congress_women_gap", "10", "女代表比例可低于女教职工比例的百分点", "word",
                   f"{_SERVICE}:check_percent_setting"),
        SettingKey("congress_reply_days", "30", "提案答复期限（交办后天数）", "word", f"{_SERVICE}:check_days_setting"),
        SettingKey("congress_departments", "校长室、党政办公室、教务处、德育处、总务处、教科室、财务室、工会",
                   "提案承办部门", "notes"),
    ),
    cli=("union_desk.commands.congress:register",),
    print_targets=("proposal", "proposal-reply", "proposals-report", "evaluation", "congress-signin"),
    check_counts=(
        ("教代会会议", "union_desk.db.congress_models:CongressSession"),
        ("教代会代表", "union_desk.db.congress_models:Delegate"),
        ("提案", "union_desk.db.congress_models:Proposal"),
    ),
    changes=frozenset({"congress_term", "congress_session", "delegate", "session_attendance", "agenda_item",
                       "proposal", "evaluation", "evaluation_subject", "member", "plan_item"}),
)
