"""会议与登记 (issue 17): meetings (minutes, attendance, decisions), 来信来访, 合理化建议."""

from union_desk.areas import Area, DemoStep, MenuAction, NavEntry, PlanLink, SettingKey, QT_TRANSLATE_NOOP

_MODELS = ("MeetingKind", "Meeting", "MeetingAttendance", "Decision", "Letter", "SuggestionCampaign", "Suggestion")
_KINDS = frozenset({"meeting_kind", "meeting", "meeting_attendance", "decision", "letter", "suggestion_campaign",
                    "suggestion"})

AREA = Area(
    key="meetings",
    title="会议与登记",
    nav=(
        NavEntry("meetings", QT_TRANSLATE_NOOP("Navigation", "Meetings and registers"), group=4, order=6,
                 page="union_desk.ui.meetings.tab:MeetingsTab",
                 shows=_KINDS | {"member", "plan_item", "setting"},
                 record_kinds=("decision", "letter", "meeting")),
    ),
    ledgers=(
        "union_desk.ledgers.meeting_ledger:MEETINGS_LEDGER",
        "union_desk.ledgers.meeting_ledger:LETTERS_LEDGER",
        "union_desk.ledgers.meeting_ledger:SUGGESTIONS_LEDGER",
    ),
    home="union_desk.ui.meetings.home:home_parts",
    menu_actions=(MenuAction(QT_TRANSLATE_NOOP("MainWindow", "Meeting &kinds…"), "meetings", "edit_kinds", 40),),
    stats=("union_desk.services.meeting_stats:SECTION",),
    plan_links=(
        PlanLink("meeting", "union_desk.db.meeting_models:Meeting", "会议", "会议 {n} 次", order=40),
        PlanLink("decision", "union_desk.db.meeting_models:Decision", "决定事项", "决定事项 {n} 条", order=41),
    ),
    demo=(DemoStep(75, "正在生成会议记录与登记簿", 30, "union_desk.demo.meetings:make_meetings"),),
    models=tuple(f"union_desk.db.meeting_models:{name}" for name in _MODELS),
    schema_steps={5: "union_desk.db.meeting_models:step_5"},
    settings_pages=("union_desk.ui.meetings.settings_page:MeetingsSettingsPage",),
    settings=(
        SettingKey("letters_reply_days", "15", "来信来访答复期限（天）", "word",
                   "union_desk.services.meetings:check_days_setting"),
        SettingKey("letters_hide_names", "0", "导出来信来访台账时隐去姓名", "word",
                   "union_desk.services.meetings:check_flag_setting"),
    ),
    cli=("union_desk.commands.meetings:register",),
    print_targets=("minutes",),
    check_counts=(
        ("会议记录", "union_desk.db.meeting_models:Meeting"),
        ("来信来访", "union_desk.db.meeting_models:Letter"),
        ("合理化建议", "union_desk.db.meeting_models:Suggestion"),
    ),
    changes=_KINDS | {"plan_item"},
)
