"""Hardship files (困难职工档案): listing. Writing services arrive with the hardship issue."""

from __future__ import annotations

from union_desk.db.models import HardshipFile, Member


def list_files(text: str = "", statuses: tuple[str, ...] | None = None):
    query = HardshipFile.select(HardshipFile, Member).join(Member)
    text = (text or "").strip().lower()
    if text:
        query = query.where(
            Member.name.contains(text)
            | (Member.pinyin_key ** f"%{text}%")
            | HardshipFile.main_cause.contains(text)
        )
    if statuses:
        query = query.where(HardshipFile.status.in_(statuses))
    return list(query.order_by(HardshipFile.status, Member.department, Member.name))
