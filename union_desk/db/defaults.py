"""Default lists seeded into a new database from `resources/` (visit types, plan template)."""

from __future__ import annotations

import json

from union_desk.db.models import PlanTemplateRule, VisitType
from union_desk.paths import resources_dir


def load_resource_json(name: str) -> dict:
    return json.loads((resources_dir() / name).read_text(encoding="utf-8"))


def seed_defaults() -> None:
    """Fill empty lists with the shipped defaults; never touches lists the user has edited."""
    if not VisitType.select().exists():
        for order, row in enumerate(load_resource_json("visit_types.json")["visit_types"]):
            VisitType.create(sort_order=order, **row)
    if not PlanTemplateRule.select().exists():
        for order, row in enumerate(load_resource_json("plan_template.json")["rules"]):
            PlanTemplateRule.create(sort_order=order, **row)
