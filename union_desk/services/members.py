"""Members (会员档案): searching and reading. Writing services arrive with the member-archive issue."""

from __future__ import annotations

from peewee import fn

from union_desk.db.models import Member

MEMBER_STATUSES = ("在职", "退休", "调出", "去世", "退会")


def search(text: str = "", statuses: tuple[str, ...] | None = None, limit: int | None = None):
    """Members whose name, pinyin (all readings), ID-number fragment or phone contain `text`."""
    query = Member.select()
    text = (text or "").strip().lower().replace(" ", "")
    if text:
        like = f"%{text}%"
        query = query.where(
            Member.name.contains(text)
            | (fn.LOWER(Member.pinyin_key) ** like)
            | (fn.UPPER(Member.id_number) ** f"%{text.upper()}%")
            | (Member.phone ** like)
        )
    if statuses:
        query = query.where(Member.status.in_(statuses))
    query = query.order_by(Member.department, Member.name, Member.id)
    if limit:
        query = query.limit(limit)
    return list(query)
