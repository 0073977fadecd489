"""评优表彰 (issue 18): award types, rounds with quotas and eligibility, nominations (and those sent
upward), the decision that writes the honours register, honours from activity results and by hand.

Every write goes through `services.audit`; the pure rules are in `domain.honours`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, Case, fn

from union_desk.db.honour_models import AwardRound, AwardType, Honour, Nomination
from union_desk.db.models import Activity, ActivityItem, Member, SignUp, Team, database_proxy
from union_desk.domain import honours as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.services import audit
from union_desk.services.record_fields import choice, delete_audited, get_record, member_ref, parse_date

MAX_QUOTA = 1000
MAX_VOTES = 100_000


def get_award_type(type_id) -> AwardType:
    return get_record(AwardType, type_id, "奖项")


def get_round(round_id) -> AwardRound:
    return get_record(AwardRound, round_id, "评选")


def get_nomination(nomination_id) -> Nomination:
    return get_record(Nomination, nomination_id, "推荐")


def get_honour(honour_id) -> Honour:
    return get_record(Honour, honour_id, "荣誉记录")


def school_union() -> str:
    from union_desk.services import settings

    return settings.union_title()


def awarding_body(award: AwardType) -> str:
    return award.awarding_body or school_union()


# --- award types -----------------------------------------------------------------------------------


def award_types(active_only: bool = True) -> list[AwardType]:
    query = AwardType.select()
    if active_only:
        query = query.where(AwardType.active)
    return list(query.order_by(AwardType.sort_order, AwardType.id))


def award_by_name(name: str) -> AwardType | None:
    return AwardType.get_or_none(AwardType.name == (name or "").strip())


def _list_words(raw, allowed: tuple[str, ...], label: str, key: str) -> str:
    items = raw if isinstance(raw, (list, tuple)) else textclean.clean_text(raw).replace("、", ",").replace("，", ",").split(",")
    items = [s.strip() for s in items if s and s.strip()]
    unknown = [s for s in items if s not in allowed]
    if unknown:
        raise ValidationError(f"未知的{label}：{'、'.join(unknown)}（可选：{'、'.join(allowed)}）", field=key)
    return ",".join(dict.fromkeys(items))


def save_award_type(data: dict, award: AwardType | None = None) -> AwardType:
    from union_desk.services.members import MEMBER_STATUSES, UNION_ROLES

    values: dict = {}
    for key, raw in data.items():
        if key == "name":
            values[key] = textclean.clean_field(raw, "short", "奖项名称", field=key)
        elif key == "level":
            values[key] = choice(raw, rules.LEVELS, "级别", key, "校")
        elif key == "target":
            values[key] = choice(raw, rules.TARGETS, "授予对象", key, "个人")
        elif key == "eligible_sex":
            values[key] = choice(raw or "", ("", "男", "女"), "性别条件", key, "")
        elif key == "eligible_statuses":
            values[key] = _list_words(raw, MEMBER_STATUSES, "会员状态", key)
        elif key == "eligible_roles":
            values[key] = _list_words(raw, UNION_ROLES, "工会职务", key)
        elif key in ("min_age", "max_age"):
            values[key] = textclean.clean_int(raw, "年龄条件", 16, 100, field=key)
        elif key == "default_quota":
            values[key] = textclean.clean_int(raw, "默认名额", 1, MAX_QUOTA, field=key)
        elif key == "awarding_body":
            values[key] = textclean.clean_field(raw, "line", "授予单位", field=key)
        elif key == "active":
            values[key] = bool(raw)
        elif key == "notes":
            values[key] = textclean.clean_field(raw, "notes", "备注", field=key)
        else:
            raise ValueError(f"unknown award type field {key}")
    name = values.get("name", award.name if award else "")
    if not name:
        raise ValidationError("请填写奖项名称", field="name")
    clash = AwardType.select().where(AwardType.name == name)
    if award is not None:
        clash = clash.where(AwardType.id != award.id)
    if clash.exists():
        raise ValidationError(f"奖项“{name}”已经存在", field="name")
    low = values.get("min_age", award.min_age if award else None)
    high = values.get("max_age", award.max_age if award else None)
    if low is not None and high is not None and low > high:
        raise ValidationError("最小年龄大于最大年龄", field="min_age")
    if award is None:
        values.setdefault("sort_order", (AwardType.select(fn.MAX(AwardType.sort_order)).scalar() or 0) + 1)
        return audit.create(AwardType, **values)
    audit.update(award, **values)
    return award


def award_eligibility_text(award: AwardType) -> str:
    return rules.eligibility_text(sex=award.eligible_sex, statuses=award.eligible_statuses, roles=award.eligible_roles,
                                  min_age=award.min_age, max_age=award.max_age)


# --- rounds ----------------------------------------------------------------------------------------


def round_title(award: AwardType, year: int) -> str:
    """'2027年校级三八红旗手' (the 公示 reads "关于<title>评选结果的公示")."""
    return f"{year}年{award.level}级{award.name}"


def save_round(data: dict, award_round: AwardRound | None = None) -> AwardRound:
    from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

    values: dict = {}
    for key, raw in data.items():
        if key == "award_type":
            values[key] = raw if isinstance(raw, AwardType) else (award_by_name(str(raw)) if not str(raw).isdigit() else get_award_type(raw))
            if values[key] is None:
                raise ValidationError(f"未知的奖项“{raw}”", field=key)
        elif key == "year":
            values[key] = textclean.clean_int(raw, "年度", MIN_YEAR, MAX_YEAR, field=key)
        elif key == "title":
            values[key] = textclean.clean_field(raw, "long_line", "评选名称", field=key)
        elif key == "quota":
            values[key] = textclean.clean_int(raw, "名额", 1, MAX_QUOTA, field=key)
        elif key in ("nomination_deadline", "notice_start", "notice_end", "decision_date"):
            label = {"nomination_deadline": "推荐截止日期", "notice_start": "公示开始日期", "notice_end": "公示结束日期",
                     "decision_date": "表彰日期"}[key]
            values[key] = parse_date(raw, label, key)
        elif key == "warn_repeat":
            values[key] = bool(raw)
        elif key == "contact":
            values[key] = textclean.clean_field(raw, "line", "联系人及电话", field=key)
        elif key == "notes":
            values[key] = textclean.clean_field(raw, "notes", "备注", field=key)
        else:
            raise ValueError(f"unknown round field {key}")
    merged = {k: getattr(award_round, k) for k in ("award_type", "year", "notice_start", "notice_end", "nomination_deadline")} if award_round else {}
    merged.update(values)
    if merged.get("award_type") is None:
        raise ValidationError("请选择奖项", field="award_type")
    if merged.get("year") is None:
        raise ValidationError("请填写年度", field="year")
    if merged.get("notice_start") and merged.get("notice_end") and merged["notice_end"] < merged["notice_start"]:
        raise ValidationError("公示结束日期早于开始日期", field="notice_end")
    if merged.get("nomination_deadline") and merged.get("notice_start") and merged["notice_start"] < merged["nomination_deadline"]:
        raise ValidationError("公示开始日期早于推荐截止日期", field="notice_start")
    if award_round is None:
        award = merged["award_type"]
        values.setdefault("quota", award.default_quota)
        if not values.get("title"):
            values["title"] = round_title(award, merged["year"])
        return audit.create(AwardRound, **values)
    if "title" in values and not values["title"]:
        values["title"] = round_title(merged["award_type"], merged["year"])
    audit.update(award_round, **values)
    return award_round


def list_rounds(year: int | None = None) -> list[AwardRound]:
    query = AwardRound.select(AwardRound, AwardType).join(AwardType)
    if year is not None:
        query = query.where(AwardRound.year == year)
    return list(query.order_by(AwardRound.year.desc(), AwardType.sort_order, AwardRound.id))


def delete_round(award_round: AwardRound) -> None:
    if award_round.decision_date or Honour.select().join(Nomination).where(Nomination.award_round == award_round).exists():
        raise ValidationError("这次评选已经表彰，不能删除", field="round")
    with database_proxy.atomic():
        for nomination in award_round.nominations:
            delete_audited(nomination, note="随评选删除")
        delete_audited(award_round, note="删除评选")


# --- nominations -------------------------------------------------------------------------------------


def eligibility_problems(award: AwardType, member: Member, day: dt.date) -> list[str]:
    from union_desk.services.members import age_on

    return rules.eligibility_problems(
        sex=award.eligible_sex, statuses=award.eligible_statuses, roles=award.eligible_roles, min_age=award.min_age,
        max_age=award.max_age, member_sex=member.sex, member_status=member.status, member_roles=member.union_roles,
        age=age_on(member.birth_date, day),
    )


def _round_day(award_round: AwardRound) -> dt.date:
    return award_round.nomination_deadline or dt.date(award_round.year, 12, 31)


def repeat_winner(award_round: AwardRound, member: Member | None, group_name: str = "") -> Honour | None:
    """Last year's honour of the same award for the same member or group (from a decided round)."""
    query = (
        Honour.select().join(Nomination).join(AwardRound)
        .where((AwardRound.award_type == award_round.award_type) & (Honour.year == award_round.year - 1)
               & Honour.parent.is_null())
    )
    if member is not None:
        query = query.where(Honour.member == member)
    else:
        query = query.where(Honour.group_name == group_name)
    return query.first()


def _warnings(award_round: AwardRound, member: Member | None, group_name: str) -> list[str]:
    warnings = []
    if award_round.warn_repeat and repeat_winner(award_round, member, group_name):
        who = member.name if member is not None else group_name
        warnings.append(f"{who}去年已获评“{award_round.award_type.name}”")
    return warnings


NOMINATION_TEXT = {
    "group_name": ("line", "工会小组"),
    "nominated_by": ("line", "推荐单位"),
    "deeds": ("long", "先进事迹"),
    "notes": ("notes", "备注"),
}


def _nomination_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in NOMINATION_TEXT:
            kind, label = NOMINATION_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "member":
            values[key] = member_ref(raw, "被推荐人") if raw not in (None, "") else None
        elif key == "votes":
            values[key] = textclean.clean_int(raw, "票数", 0, MAX_VOTES, field=key)
        elif key == "result":
            values[key] = choice(raw or "", rules.RESULTS, "评选结果", key, "")
        elif key == "sent_level":
            values[key] = choice(raw or "", ("", *rules.UPWARD_LEVELS), "上报级别", key, "")
        elif key == "upward_outcome":
            values[key] = choice(raw or "", rules.UPWARD_OUTCOMES, "上级评选结果", key, "")
        else:
            raise ValueError(f"unknown nomination field {key}")
    return values


def nominate(award_round: AwardRound, data: dict, day: dt.date | None = None) -> tuple[Nomination, list[str]]:
    """Add a nominee. An ineligible member is refused with the reason; a repeat winner warns."""
    values = _nomination_values(data)
    award = award_round.award_type
    member = values.get("member")
    group = values.get("group_name", "")
    if award.target == "工会小组":
        if not group:
            raise ValidationError(f"“{award.name}”授予工会小组，请填写被推荐的工会小组", field="group_name")
        values["member"] = member = None
        if Nomination.select().where((Nomination.award_round == award_round) & (Nomination.group_name == group)).exists():
            raise ValidationError(f"{group}已经在这次评选的推荐名单中", field="group_name")
    else:
        if member is None:
            raise ValidationError("请选择被推荐的会员", field="member")
        problems = eligibility_problems(award, member, day or _round_day(award_round))
        if problems:
            raise ValidationError(f"{member.name}不符合“{award.name}”的条件：{'；'.join(problems)}", field="member")
        if Nomination.select().where((Nomination.award_round == award_round) & (Nomination.member == member)).exists():
            raise ValidationError(f"{member.name}已经在这次评选的推荐名单中", field="member")
        values.setdefault("nominated_by", member.union_group or member.department)
    _check_upward(values)
    nomination = audit.create(Nomination, award_round=award_round, **values)
    return nomination, _warnings(award_round, member, group) + result_warnings(award_round)


def _check_upward(merged: dict) -> None:
    if merged.get("result") == "上报" and not merged.get("sent_level"):
        raise ValidationError("上报的推荐请选择上报级别", field="sent_level")
    if merged.get("result") != "上报" and (merged.get("sent_level") or merged.get("upward_outcome")):
        raise ValidationError("只有上报的推荐才有上报级别和上级评选结果", field="sent_level")


def update_nomination(nomination: Nomination, data: dict) -> tuple[dict, list[str]]:
    """Edit a nomination (deeds, votes, result, upward level and outcome). Past the quota warns."""
    values = _nomination_values({k: v for k, v in data.items() if k != "member"})
    merged = {k: getattr(nomination, k) for k in ("result", "sent_level", "upward_outcome")}
    merged.update(values)
    if merged["result"] != "上报":  # no longer sent upward: its level and outcome go with it
        values.update(sent_level="", upward_outcome="")
        merged.update(sent_level="", upward_outcome="")
    _check_upward(merged)
    award_round = nomination.award_round
    with database_proxy.atomic():
        changed = audit.update(nomination, **values)
        if award_round.decision_date:
            _write_honours(award_round)
    return changed, result_warnings(award_round)


def result_warnings(award_round: AwardRound) -> list[str]:
    elected = Nomination.select().where((Nomination.award_round == award_round) & (Nomination.result == "当选")).count()
    warning = rules.quota_warning(elected, award_round.quota)
    return [warning] if warning else []


def delete_nomination(nomination: Nomination) -> None:
    if Honour.select().where(Honour.nomination == nomination).exists():
        raise ValidationError("这条推荐已生成荣誉记录，不能删除；请把结果改为未当选", field="nomination")
    delete_audited(nomination, note="删除推荐")


def nominations_of(award_round: AwardRound) -> list[Nomination]:
    return list(
        Nomination.select(Nomination, Member).join(Member, on=(Nomination.member == Member.id), join_type=JOIN.LEFT_OUTER)
        .where(Nomination.award_round == award_round)
        .order_by(Case(Nomination.result, (("当选", 0), ("上报", 1), ("", 2)), 3), Nomination.votes.desc(nulls="LAST"),
                  Nomination.id)
    )


def nominee_name(nomination: Nomination) -> str:
    return nomination.member.name if nomination.member_id else nomination.group_name


# --- deciding a round ----------------------------------------------------------------------------------


def decide_warnings(award_round: AwardRound, day: dt.date) -> list[str]:
    """What to confirm before deciding on `day`: the 公示 still running, the quota passed."""
    warnings = []
    if award_round.notice_end and day <= award_round.notice_end:
        warnings.append(f"公示期到{award_round.notice_end:%Y-%m-%d}，还没有结束")
    elif not award_round.notice_start:
        warnings.append("这次评选没有登记公示日期")
    warnings += result_warnings(award_round)
    if not Nomination.select().where((Nomination.award_round == award_round) & (Nomination.result == "当选")).exists():
        warnings.append("还没有当选的推荐")
    return warnings


def decide_round(award_round: AwardRound, day=None) -> list[Honour]:
    """表彰: set the decision date and write the honours of the elected (and of those sent upward and
    awarded there). Deciding again updates the register without duplicates. Returns the new honours."""
    day = parse_date(day, "表彰日期", "decision_date") if day is not None else dt.date.today()
    with database_proxy.atomic():
        audit.update(award_round, decision_date=day, note="表彰")
        return _write_honours(award_round)


def _write_honours(award_round: AwardRound) -> list[Honour]:
    """Make the register follow the round's results: an honour per 当选 (and per 上报 that was
    获评 at the level sent to); an honour whose nomination is no longer elected is removed."""
    award = award_round.award_type
    made = []
    for nomination in nominations_of(award_round):
        elected = nomination.result == "当选"
        upward = nomination.result == "上报" and nomination.upward_outcome == "获评"
        existing = Honour.get_or_none(Honour.nomination == nomination)
        if not (elected or upward):
            if existing is not None:
                delete_audited(existing, note="推荐结果已改，撤销荣誉记录")
            continue
        values = {
            "year": award_round.year,
            "title": award.name,
            "level": nomination.sent_level if upward else award.level,
            "awarding_body": ("" if upward else awarding_body(award)),
            "member": nomination.member,
            "group_name": nomination.group_name,
            "date": award_round.decision_date,
            "source": "评选",
        }
        if existing is None:
            made.append(audit.create(Honour, nomination=nomination, **values))
        else:
            audit.update(existing, **values)
    return made


# --- the register ------------------------------------------------------------------------------------

HONOUR_TEXT = {
    "title": ("long_line", "荣誉名称"),
    "awarding_body": ("line", "授予单位"),
    "group_name": ("line", "工会小组"),
    "notes": ("notes", "备注"),
}


def _honour_values(data: dict) -> dict:
    from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

    values: dict = {}
    for key, raw in data.items():
        if key in HONOUR_TEXT:
            kind, label = HONOUR_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "year":
            values[key] = textclean.clean_int(raw, "年度", MIN_YEAR, MAX_YEAR, field=key)
        elif key == "level":
            values[key] = choice(raw, rules.LEVELS, "级别", key, "校")
        elif key == "member":
            values[key] = member_ref(raw, "获得者") if raw not in (None, "") else None
        elif key == "date":
            values[key] = parse_date(raw, "获得日期", key)
        else:
            raise ValueError(f"unknown honour field {key}")
    return values


def add_honour(data: dict, listed_members: list | None = None) -> Honour:
    """An honour entered by hand (from elsewhere): a member's, or a union group's with the members
    listed on it (each gets a personal entry pointing to the group honour)."""
    values = _honour_values(data)
    if not values.get("title"):
        raise ValidationError("请填写荣誉名称", field="title")
    if values.get("year") is None:
        values["year"] = values["date"].year if values.get("date") else None
    if values.get("year") is None:
        raise ValidationError("请填写年度", field="year")
    if values.get("member") is None and not values.get("group_name"):
        raise ValidationError("请选择获得荣誉的会员，或填写工会小组", field="member")
    if values.get("member") is not None and values.get("group_name"):
        raise ValidationError("一条荣誉记录只属于一位会员或一个工会小组", field="group_name")
    if listed_members and values.get("member") is not None:
        raise ValidationError("只有集体荣誉才能列出成员", field="member")
    with database_proxy.atomic():
        honour = audit.create(Honour, source="录入", **values)
        for raw in listed_members or []:
            member = member_ref(raw, "成员")
            audit.create(Honour, source="录入", parent=honour, member=member, group_name="",
                         **{k: v for k, v in values.items() if k not in ("member", "group_name")})
    return honour


def update_honour(honour: Honour, data: dict) -> dict:
    if honour.source != "录入":
        raise ValidationError(f"这条荣誉来自{honour.source}，请在{'评选' if honour.source == '评选' else '活动'}中修改", field="source")
    values = _honour_values(data)
    with database_proxy.atomic():
        changed = audit.update(honour, **values)
        shared = {k: v for k, v in values.items() if k not in ("member", "group_name")}
        for child in honour.members_listed:
            audit.update(child, **shared)
    return changed


def delete_honour(honour: Honour) -> None:
    if honour.source == "评选":
        raise ValidationError("评选产生的荣誉请在评选中把结果改为未当选", field="source")
    with database_proxy.atomic():
        for child in list(honour.members_listed):
            delete_audited(child, note="随集体荣誉删除")
        delete_audited(honour, note="删除荣誉记录")


def list_honours(year: int | None = None, member: Member | None = None, level: str = "", text: str = "") -> list[Honour]:
    query = Honour.select(Honour, Member).join(Member, on=(Honour.member == Member.id), join_type=JOIN.LEFT_OUTER)
    if year is not None:
        query = query.where(Honour.year == year)
    if member is not None:
        query = query.where(Honour.member == member)
    if level:
        query = query.where(Honour.level == level)
    text = (text or "").strip()
    if text:
        query = query.where(Honour.title.contains(text) | Member.name.contains(text) | Honour.group_name.contains(text))
    return list(query.order_by(Honour.year.desc(), Honour.date.desc(nulls="LAST"), Honour.id))


def holder_name(honour: Honour) -> str:
    return honour.member.name if honour.member_id else honour.group_name


def honours_json(year: int | None = None, member: Member | None = None) -> list[dict]:
    return [
        {"id": h.id, "year": h.year, "title": h.title, "level": h.level, "awarding_body": h.awarding_body or school_union(),
         "member_id": h.member_id, "holder": holder_name(h), "group": h.group_name or (h.parent.group_name if h.parent_id else ""),
         "date": h.date.isoformat() if h.date else None, "source": h.source}
        for h in list_honours(year, member)
    ]


# --- honours from activity results -----------------------------------------------------------------


@dataclass
class FromActivity:
    created: list[Honour]
    existing: int  # results that already had their honour (a repeat adds nothing)


def honours_from_activity(activity: Activity) -> FromActivity:
    """Turn the activity's results (an award, or 第一 to 第三名) into honours, one action; doing it
    again adds nothing. A team's result gives each of its members a personal honour."""
    year = activity.start.year
    day = (activity.end or activity.start).date()
    body = school_union()
    created: list[Honour] = []
    existing = 0
    with database_proxy.atomic():
        items = list(ActivityItem.select().where(ActivityItem.activity == activity).order_by(ActivityItem.sort_order))
        for item in items:
            for signup in SignUp.select().where((SignUp.item == item) & (SignUp.state == "已报名") & SignUp.team.is_null()):
                if not rules.counts_as_honour(signup.award, signup.rank):
                    continue
                if Honour.select().where(Honour.signup == signup).exists():
                    existing += 1
                    continue
                title = rules.activity_honour_title(activity.title, item.name, signup.award, signup.rank)
                created.append(audit.create(Honour, year=year, title=title, level="校", awarding_body=body,
                                            member=signup.member, date=day, source="活动", signup=signup))
            for team in Team.select().where(Team.item == item):
                if not rules.counts_as_honour(team.award, team.rank):
                    continue
                title = rules.activity_honour_title(activity.title, f"{item.name}（{team.name}）", team.award, team.rank)
                for signup in SignUp.select().where((SignUp.team == team) & (SignUp.state == "已报名")):
                    if Honour.select().where((Honour.team == team) & (Honour.member == signup.member)).exists():
                        existing += 1
                        continue
                    created.append(audit.create(Honour, year=year, title=title, level="校", awarding_body=body,
                                                member=signup.member, date=day, source="活动", team=team))
    return FromActivity(created, existing)


def activity_results_count(activity: Activity) -> int:
    """How many results of the activity would become honours (for the button's label)."""
    singles = sum(1 for s in SignUp.select().join(ActivityItem).where(
        (ActivityItem.activity == activity) & (SignUp.state == "已报名") & SignUp.team.is_null())
        if rules.counts_as_honour(s.award, s.rank))
    teams = sum(SignUp.select().where((SignUp.team == t) & (SignUp.state == "已报名")).count()
                for t in Team.select().join(ActivityItem).where(ActivityItem.activity == activity)
                if rules.counts_as_honour(t.award, t.rank))
    return singles + teams


# --- figures -----------------------------------------------------------------------------------------


def counts_by_level(start: dt.date, end: dt.date) -> dict[str, int]:
    """人次 of honours dated (or, undated, of a year) within the period, by level (group honours
    count once; members listed on a group honour are not counted again)."""
    query = Honour.select(Honour.level, fn.COUNT(Honour.id)).where(
        Honour.parent.is_null()
        & ((Honour.date.between(start, end)) | (Honour.date.is_null() & Honour.year.between(start.year, end.year)))
    ).group_by(Honour.level)
    found = dict(query.tuples())
    return {level: found.get(level, 0) for level in rules.LEVELS}


# --- the certificate template ------------------------------------------------------------------------


def check_template_setting(value: str) -> str:
    """SettingKey check of `certificate_template`: a template the certificates can be printed from."""
    return rules.parse_template(value).to_json()


def certificate_template() -> rules.CertificateTemplate:
    from union_desk.services import settings

    return rules.parse_template(settings.get("certificate_template"))


def save_certificate_template(template: rules.CertificateTemplate) -> None:
    from union_desk.services import settings

    rules.check_template(template)
    settings.save({"certificate_template": template.to_json()})


def certificate_values(honour: Honour) -> dict[str, str]:
    """What the template's {placeholders} are filled with for one honour."""
    from union_desk.services import settings

    member = honour.member if honour.member_id else None
    day = honour.date
    return {
        "姓名": member.name if member else honour.group_name,
        "部门": member.department if member else "",
        "奖项": honour.title,
        "级别": honour.level,
        "年度": str(honour.year),
        "授予单位": honour.awarding_body or school_union(),
        "学校": settings.get("school_name").strip(),
        "日期": f"{day.year}年{day.month}月{day.day}日" if day else "",
    }


def round_honours(award_round: AwardRound) -> list[Honour]:
    """The honours a decided round wrote (certificates, the 表彰名单), in the nominations' order."""
    return list(
        Honour.select(Honour, Nomination).join(Nomination).where(Nomination.award_round == award_round)
        .order_by(Nomination.votes.desc(nulls="LAST"), Nomination.id)
    )
