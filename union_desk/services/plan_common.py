"""What the plan (`services.plan`) and its template (`services.plan_template`) both need: the
categories of an item and the plan years. Both import this module; neither imports the other
back (`plan.generate_year` hands over to `plan_template`)."""

from __future__ import annotations

from union_desk.domain import textclean
from union_desk.errors import ValidationError

CATEGORIES = ("会议", "节日", "慰问", "活动", "考核评议", "上报检查", "培训", "其他")
MIN_YEAR, MAX_YEAR = 1990, 2100


def check_year(value) -> int:
    """A plan year (1990–2100) from a number or text; ValidationError in Chinese otherwise."""
    try:
        year = textclean.clean_int(value, "计划年度", MIN_YEAR, MAX_YEAR, field="year")
    except ValidationError:
        year = None
    if year is None:
        raise ValidationError(f"计划年度应为 {MIN_YEAR} 到 {MAX_YEAR} 之间的四位数年份", field="year")
    return year
