"""The rules of 评优表彰 as plain functions (issue 18, DOMAIN.md §7.4): eligibility, the quota and
repeat-winner warnings, how an activity result reads as an honour, and the certificate template
(fields with text, position and font size; paper size and offsets for pre-printed inserts)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from union_desk.errors import ValidationError

LEVELS = ("校", "区", "市", "省", "全国")
UPWARD_LEVELS = LEVELS[1:]
TARGETS = ("个人", "工会小组", "家庭")
RESULTS = ("", "当选", "未当选", "上报")
UPWARD_OUTCOMES = ("", "获评", "未获评")
SOURCES = ("评选", "活动", "录入")
TOP_RANK = 3  # activity results up to 第三名 become honours (besides any named award)


def eligibility_problems(*, sex: str, statuses: str, roles: str, min_age: int | None, max_age: int | None,
                         member_sex: str, member_status: str, member_roles: str, age: int | None) -> list[str]:
    """Why a member may not be nominated for an award (empty = eligible)."""
    problems = []
    if sex and member_sex != sex:
        problems.append(f"限{sex}性")
    allowed = [s for s in (statuses or "").split(",") if s]
    if allowed and member_status not in allowed:
        problems.append(f"限{'、'.join(allowed)}会员（现为{member_status}）")
    needed = [r for r in (roles or "").split(",") if r]
    held = set(filter(None, (member_roles or "").split(",")))
    if needed and not held & set(needed):
        problems.append(f"须担任{'或'.join(needed)}")
    if min_age is not None and (age is None or age < min_age):
        problems.append(f"限{min_age}岁以上（{'年龄不详' if age is None else f'现{age}岁'}）")
    if max_age is not None and (age is None or age > max_age):
        problems.append(f"限{max_age}岁及以下（{'年龄不详' if age is None else f'现{age}岁'}）")
    return problems


def eligibility_text(*, sex: str, statuses: str, roles: str, min_age: int | None, max_age: int | None) -> str:
    """'女性；在职；须担任工会小组长' or '不限'."""
    parts = []
    if sex:
        parts.append(f"{sex}性")
    if statuses:
        parts.append("、".join(s for s in statuses.split(",") if s))
    if roles:
        parts.append("须担任" + "或".join(r for r in roles.split(",") if r))
    if min_age is not None or max_age is not None:
        low = f"{min_age}岁以上" if min_age is not None else ""
        high = f"{max_age}岁及以下" if max_age is not None else ""
        parts.append("、".join(p for p in (low, high) if p))
    return "；".join(parts) or "不限"


def quota_warning(elected: int, quota: int | None) -> str:
    if quota is None or elected <= quota:
        return ""
    return f"当选{elected}人，超过名额{quota}人"


def activity_honour_title(activity: str, item: str, award: str, rank: int | None) -> str:
    """'羽毛球 女子单打 第一名' (the activity title is left out when the item names it already)."""
    result = award or (f"第{_rank_words(rank)}名" if rank else "")
    head = item if activity in item else f"{activity} {item}".strip()
    return f"{head} {result}".strip()


def _rank_words(rank: int) -> str:
    digits = "零一二三四五六七八九十"
    return digits[rank] if 0 < rank <= 10 else str(rank)


def counts_as_honour(award: str, rank: int | None) -> bool:
    return bool(award) or (rank is not None and 1 <= rank <= TOP_RANK)


# --- the certificate template --------------------------------------------------------------------------

PLACEHOLDERS = ("姓名", "部门", "奖项", "级别", "年度", "授予单位", "学校", "日期")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
MIN_FONT, MAX_FONT = 9, 72  # pt: printed text stays readable
MAX_PAPER_MM = 500


@dataclass
class CertificateField:
    text: str  # may contain {姓名} {奖项} …
    x_mm: float  # the anchor from the left of the paper (after the offset)
    y_mm: float  # from the top
    size: float = 16
    align: str = "center"  # left / center / right


@dataclass
class CertificateTemplate:
    """A4 landscape by default; a pre-printed insert (内芯) has its own size and x/y offsets."""

    width_mm: float = 297
    height_mm: float = 210
    offset_x_mm: float = 0
    offset_y_mm: float = 0
    fields: list[CertificateField] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def default_template() -> CertificateTemplate:
    return CertificateTemplate(fields=[
        CertificateField("荣誉证书", 148.5, 45, 36),
        CertificateField("{姓名} 同志：", 40, 85, 20, "left"),
        CertificateField("在{年度}年度工作中表现突出，被评为", 55, 105, 18, "left"),
        CertificateField("{级别}级“{奖项}”", 148.5, 128, 26),
        CertificateField("特发此证，以资鼓励。", 55, 150, 18, "left"),
        CertificateField("{授予单位}", 230, 172, 16),
        CertificateField("{日期}", 230, 184, 14),
    ])


def parse_template(text: str) -> CertificateTemplate:
    """The stored template (JSON) → a checked template; bad values refused in Chinese."""
    if not (text or "").strip():
        return default_template()
    try:
        raw = json.loads(text)
        template = CertificateTemplate(
            width_mm=float(raw.get("width_mm", 297)), height_mm=float(raw.get("height_mm", 210)),
            offset_x_mm=float(raw.get("offset_x_mm", 0)), offset_y_mm=float(raw.get("offset_y_mm", 0)),
            fields=[CertificateField(str(f["text"]), float(f["x_mm"]), float(f["y_mm"]), float(f.get("size", 16)),
                                     str(f.get("align", "center"))) for f in raw.get("fields", [])],
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValidationError("证书模板格式不对，请在“证书模板”中重新设置", field="certificate_template") from None
    check_template(template)
    return template


def check_template(template: CertificateTemplate) -> None:
    for value, label in ((template.width_mm, "纸张宽度"), (template.height_mm, "纸张高度")):
        if not 50 <= value <= MAX_PAPER_MM:
            raise ValidationError(f"{label}应在 50 到 {MAX_PAPER_MM} 毫米之间", field="paper")
    for value, label in ((template.offset_x_mm, "左右偏移"), (template.offset_y_mm, "上下偏移")):
        if abs(value) > 100:
            raise ValidationError(f"{label}不能超过 100 毫米", field="offset")
    if not template.fields:
        raise ValidationError("证书模板至少要有一行文字", field="fields")
    for number, f in enumerate(template.fields, start=1):
        if not f.text.strip():
            raise ValidationError(f"第{number}行文字是空的", field="fields")
        unknown = [p for p in _PLACEHOLDER.findall(f.text) if p not in PLACEHOLDERS]
        if unknown:
            raise ValidationError(
                f"第{number}行有未知的填充项：{'、'.join('{' + p + '}' for p in unknown)}（可用：{'、'.join('{' + p + '}' for p in PLACEHOLDERS)}）",
                field="fields")
        if not MIN_FONT <= f.size <= MAX_FONT:
            raise ValidationError(f"第{number}行字号应在 {MIN_FONT} 到 {MAX_FONT} 磅之间", field="fields")
        if f.align not in ("left", "center", "right"):
            raise ValidationError(f"第{number}行对齐方式不对", field="fields")
        if not (0 <= f.x_mm <= template.width_mm and 0 <= f.y_mm <= template.height_mm):
            raise ValidationError(f"第{number}行的位置超出了纸张", field="fields")


def fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
