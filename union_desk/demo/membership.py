"""会籍与会费's demo step (issue 20): each member's history from the archive (the demo writes its
members in bulk, as schema step 8 would find them), staff who are not members (so 入会率 is not
100%), wage bases, a year of dues deducted from pay month by month (one funds entry a month) with a
few members in arrears, one of them over six months, a cash payment with its receipt, one
exemption, a transfer out, a transfer in (the newest member came from another school) and one of the
staff joining; the retirees keep their membership."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from union_desk.db.membership_models import DuesPayment, MembershipEvent, NonMemberStaff
from union_desk.db.models import Member, database_proxy, now
from union_desk.domain import membership as rules
from union_desk.services import audit, dues, members, membership, membership_backfill

STAFF_POSTS = (("后勤", "合同"), ("后勤", "临时工"), ("保卫科", "临时工"), ("食堂", "临时工"), ("语文组", "合同"),
               ("数学组", "合同"), ("英语组", "合同"), ("信息中心", "合同"))


def _base(rng, member: Member) -> Decimal:
    low, high = (4200, 6800) if member.employment_type in ("合同", "临时工") else (5600, 11800)
    return Decimal(rng.randrange(low, high, 10) + rng.choice((0, 3, 5, 7)))


def make_membership(gen) -> None:
    rng, today = gen.rng, gen.today
    membership_backfill.backfill(database_proxy.obj, now().isoformat(sep=" "), today)
    in_service = list(Member.select().where(Member.status == "在职").order_by(Member.id))
    handler = gen.handler.name

    # staff who are not members: about one in fifteen, at least three
    for n in range(max(3, len(in_service) // 15)):
        department, employment = STAFF_POSTS[n % len(STAFF_POSTS)]
        sex = rng.choice("男女")
        born = dt.date(rng.randrange(1975, 2001), rng.randrange(1, 13), rng.randrange(1, 29))
        _, name = gen._name(sex, born.year)
        membership.save_staff({"name": name, "sex": sex, "department": department, "employment_type": employment,
                               "birth_date": born, "id_number": gen._id_number(gen._region(), born, sex),
                               "phone": gen._phone(), "start_date": today - dt.timedelta(days=rng.randrange(60, 2000))})

    first = rules.period_of(today, "month").first.replace(year=today.year - 1)
    late = {m.id: months for m, months in zip(rng.sample(in_service, min(3, len(in_service))), (7, 3, 2))}
    sick = in_service[-1] if len(in_service) > 4 else None
    cash_member = in_service[len(in_service) // 2] if in_service else None

    # the year's moves: one member leaves for another school, the newest came from one, one of the
    # staff joins
    movers = [m for m in in_service if m.id not in late and m != sick and m != cash_member]
    if movers:
        membership.add_event(movers[-1], {"kind": "转出", "date": today - dt.timedelta(days=75), "handler": handler,
                                          "other_union": "市第十二中学工会", "note": "工作调动"})
    newest = max((m for m in movers[:-1] if m.joined_union_date), key=lambda m: m.joined_union_date, default=None)
    if newest is not None:  # her history here starts with the transfer
        first_event = MembershipEvent.get((MembershipEvent.member == newest) & (MembershipEvent.kind == "入会"))
        audit.update(first_event, note="演示：转入", values={
            "kind": "转入", "other_union": "区实验小学工会", "letter_number": f"实小工介〔{newest.joined_union_date.year}〕3号",
            "handler": handler, "backfilled": False, "note": "原在区实验小学入会"})
    # the newest of the staff joined the union five weeks ago (on the staff list before that)
    recruits = [m for m in movers[:-1] if m != newest]
    new_member = max(recruits, key=lambda m: (m.work_start_date or dt.date.min, m.id)) if recruits else None
    joined_on = today - dt.timedelta(days=35)
    if new_member is not None:
        members.update_member(new_member, {"joined_union_date": joined_on})
        event = MembershipEvent.get((MembershipEvent.member == new_member) & (MembershipEvent.kind == "入会"))
        audit.update(event, note="演示：入会", values={
            "application_date": joined_on - dt.timedelta(days=20), "approval_date": joined_on, "handler": handler,
            "card_number": f"HY{today.year}-{rng.randrange(100, 999)}", "backfilled": False, "note": "新入职教师申请入会"})
        audit.create(NonMemberStaff, name=new_member.name, pinyin_key=new_member.pinyin_key, sex=new_member.sex,
                     department=new_member.department, employment_type=new_member.employment_type,
                     start_date=min(new_member.work_start_date or joined_on, joined_on), status="已入会",
                     status_date=joined_on, member=new_member)

    # a year of dues: a base for everyone in service a year and a month back (and the new member from
    # her joining), monthly payroll deductions; a few members behind, one of them over six months
    in_service_then = {mid for mid, status in membership.statuses_on(first).items() if status == "在职"}
    for member in Member.select().where(Member.id.in_(sorted(in_service_then))).order_by(Member.id):
        dues.set_base(member, _base(rng, member), first, source="工资表")
    if new_member is not None:
        dues.set_base(new_member, _base(rng, new_member), joined_on, source="录入")
    if sick is not None:
        dues.add_exemption(sick, first.replace(month=1) if first.month > 1 else first, None, "长期病休")
    periods = rules.periods_between(first, today, "month")[:-1]  # the months that have ended
    for index, period in enumerate(periods):
        values = []
        left = len(periods) - index
        day = min(period.last, period.first + dt.timedelta(days=19))
        for row in dues.dues_rows(period, today):
            member = row.member
            if late.get(member.id, 0) >= left or member.id == getattr(cash_member, "id", None) and left == 1:
                continue
            if row.owed and not row.exempt_reason:
                values.append({"member": member, "period": period.code, "amount": row.owed, "date": day,
                               "method": "工资代扣", "collector": handler, "batch": "", "note": ""})
        if values:
            dues.record_payments(values, f"{period.code}·工资表")
    if cash_member is not None and periods:
        period = periods[-1]
        row = dues.owed_for(cash_member, period)
        if row.owed and not row.exempt_reason:
            dues.record_payment(cash_member, {"period": period.code, "amount": row.owed, "method": "现金",
                                              "date": min(today, period.last + dt.timedelta(days=3)), "collector": handler,
                                              "note": "产假期间现金补缴"}, force=True)

    gen.counts["非会员教职工"] = NonMemberStaff.select().where(NonMemberStaff.status != "已入会").count()
    gen.counts["会籍变动"] = MembershipEvent.select().count()
    gen.counts["会费缴纳"] = DuesPayment.select().count()
