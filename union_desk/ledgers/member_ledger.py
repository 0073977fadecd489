"""会员花名册 as a ledger: everyone who was a member at some time in the period."""

from __future__ import annotations

from union_desk.db.models import Member
from union_desk.ledgers.common import ledger_fields
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import MEMBERS


def member_records(period: LedgerPeriod) -> list[Member]:
    """Everyone who was a member at some time in the period: joined by its end, and 在职 or 退休
    now or left (退休/调出/去世/退会 dated) on or after its first day."""
    from union_desk.services.members import search_query

    still = Member.status.in_(("在职", "退休")) | Member.status_date.is_null() | (Member.status_date >= period.first)
    joined = Member.joined_union_date.is_null() | (Member.joined_union_date <= period.last)
    return list(search_query("").select(*ledger_fields(Member, "pinyin_key")).where(still & joined))


MEMBERS_LEDGER = Ledger("members", MEMBERS, member_records, order=10, help="会员花名册")
