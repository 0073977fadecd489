"""Activities and sign-ups (活动报名): listing and per-activity figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from union_desk.db.models import Activity, ActivityItem, SignUp


@dataclass
class ActivityRow:
    activity: Activity
    signed_up: int
    waiting: int
    checked_in: int


def list_activities(year: int | None = None, text: str = "") -> list[ActivityRow]:
    query = Activity.select()
    if year:
        query = query.where(
            Activity.start.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59, 59))
        )
    text = (text or "").strip()
    if text:
        query = query.where(Activity.title.contains(text) | Activity.place.contains(text))
    activities = list(query.order_by(Activity.start.desc()))
    counts = {}
    if activities:
        rows = (
            SignUp.select(
                ActivityItem.activity,
                SignUp.state,
                fn.COUNT(SignUp.id).alias("n"),
                fn.SUM(SignUp.checked_in).alias("c"),
            )
            .join(ActivityItem, JOIN.INNER)
            .where(ActivityItem.activity.in_([a.id for a in activities]))
            .group_by(ActivityItem.activity, SignUp.state)
            .tuples()
        )
        for activity_id, state, n, checked in rows:
            entry = counts.setdefault(activity_id, {"已报名": 0, "候补": 0, "checked": 0})
            entry[state] = entry.get(state, 0) + n
            entry["checked"] += checked or 0
    result = []
    for a in activities:
        c = counts.get(a.id, {})
        result.append(ActivityRow(a, c.get("已报名", 0), c.get("候补", 0), c.get("checked", 0)))
    return result
