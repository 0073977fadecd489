"""Import a payroll deduction list (工资代扣表) for one dues period (issue 20).

    preview = preview_payroll("2027年3月工资代扣.xlsx", "2027-03")     # reads and checks, writes nothing
    report = apply_preview(preview)                                   # one transaction (the pipeline's)

The list needs 姓名 or 身份证号, and 基数 or 会费 (部门 is optional; the headers payroll offices use —
职工姓名, 缴费基数, 工资基数, 应发工资, 代扣会费, 工会会费, 扣款金额, 实缴 — are understood). Each row:

- the member by 身份证号 first, else by 姓名 (told apart by 部门): none or several is an error of
  the row, with its number (`imports.records.MemberIndex`);
- 基数: refused when negative or above 1,000,000; when it differs from the base in effect on the
  period's first day, a new base from that day (source 工资表);
- 会费: a payment (工资代扣, dated the period's last day or today if earlier), all of the import's
  payments in ONE batch (`services.dues.new_batch_name`) through `services.dues.record_payments`:
  one entry in the funds book (0.1 会费收入). The same payment already there (member, period,
  amount, 工资代扣) is 未变: importing the same list twice changes nothing. A row for an exempt
  member or a period already paid otherwise is a warning and is left out unless `force`;
- without a 会费 column only the bases are set (the report says so).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from union_desk.domain import membership as rules
from union_desk.domain.money import MoneyError, to_decimal
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, SAME, UPDATE, ImportPreview, ImportRow, RowIssue, read_only_value
from union_desk.imports.pipeline import Written, apply_preview, preview_file
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.common import ProgressFn
from union_desk.ledgers.specs import MEMBERS, LedgerColumn, LedgerSpec

__all__ = ["PAYROLL", "PayrollImporter", "apply_preview", "import_payroll", "preview_payroll"]

METHOD = "工资代扣"
ONLY_BASES = "文件中没有“会费”列：只更新缴费基数，不登记缴费。"


def parse_base(raw) -> Decimal:
    try:
        amount = to_decimal(raw, allow_negative=True)
    except MoneyError as exc:
        raise ValueError(f"缴费基数：{exc.message}") from None
    if amount < 0:
        raise ValueError(f"缴费基数 {amount:,.2f} 元不能为负数")
    return rules.check_base(amount)


def parse_dues(raw) -> Decimal:
    try:
        amount = to_decimal(raw, allow_negative=True)
    except MoneyError as exc:
        raise ValueError(f"会费：{exc.message}") from None
    if amount < 0:
        raise ValueError(f"会费 {amount:,.2f} 元不能为负数")
    if amount > rules.MAX_BASE:
        raise ValueError(f"会费 {amount:,.2f} 元不合常理，请核对")
    return amount


PAYROLL = LedgerSpec(
    kind="payroll",
    title="工资代扣表",
    columns=(
        LedgerColumn("seq", "序号", None, aliases=("编号",)),
        LedgerColumn("name", "姓名", read_only_value, aliases=(*MEMBERS.column("name").aliases, "职工姓名"), field="name"),
        LedgerColumn("id_number", "身份证号", read_only_value, kind="id", aliases=MEMBERS.column("id_number").aliases,
                     field="id_number"),
        LedgerColumn("department", "部门", read_only_value, aliases=(*MEMBERS.column("department").aliases, "单位"),
                     field="department"),
        LedgerColumn("base", "基数", read_only_value, kind="money", aliases=("缴费基数", "工资基数", "应发工资", "会费基数"),
                     field="base", parse=parse_base),
        LedgerColumn("dues", "会费", read_only_value, kind="money", aliases=("代扣会费", "工会会费", "扣款金额", "实缴", "扣会费"),
                     field="dues", parse=parse_dues),
    ),
    unit="人",
)


class PayrollImporter(RecordImporter):
    """One payroll deduction list for one period (`options`: period, force, today)."""

    spec = PAYROLL
    noun = "人"
    table = "dues_payment"
    required = (("name", "id_number"), ("base", "dues"))
    examples = "“姓名”“身份证号”“基数”“会费”"
    hint = "（工资代扣表：姓名或身份证号，加上基数或会费）"
    stop_at_total = True

    def __init__(self, preview: ImportPreview, note: str, period=None, force: bool = False, today: dt.date | None = None):
        super().__init__(preview, note)
        from union_desk.db.membership_models import DuesPayment
        from union_desk.services import dues

        if period is None:
            raise ValidationError("请指定会费期间（如 2027-03）", field="period")
        self.period = period if isinstance(period, rules.DuesPeriod) else dues.parse_period(period)
        self.force = force
        today = today or dt.date.today()
        self.day = min(today, self.period.last)
        self.batch = dues.new_batch_name(self.period)
        self.has_dues = "dues" in preview.mapping.values()
        self.same_payments: set[tuple[int, Decimal]] = set()
        for member_id, amount in (DuesPayment.select(DuesPayment.member, DuesPayment.amount)
                                  .where(~DuesPayment.voided & (DuesPayment.period == self.period.code)
                                         & (DuesPayment.method == METHOD)).tuples()):
            self.same_payments.add((member_id, amount))  # MoneyField: Decimal yuan
        if not self.has_dues:
            preview.file_issues.append(RowIssue(0, "", ONLY_BASES, "warning"))

    @classmethod
    def note_for(cls, path: Path) -> str:
        return f"工资代扣表导入：{path.name}"

    @classmethod
    def label(cls, preview) -> str:
        return "工资代扣表"

    def check(self, row: ImportRow) -> None:
        from union_desk.services import dues

        v = row.values
        base, amount = v.get("base"), v.get("dues")
        if base is None and amount is None:
            self.issue(row, "base" if not self.has_dues else "dues", "没有基数也没有会费", "warning")
            row.action = SAME
            return
        member_id = self.member(row)
        if member_id is None:
            return
        if not self.once(row, member_id, "会员（同一人出现两次）"):
            return
        row.context["member"] = member_id
        self._name_agrees(row, member_id)
        write: dict = {}
        if base is not None:
            stored = dues.base_on(member_id, self.period.first)
            if stored is None or stored.amount != base:
                write["base"] = base
                row.changes["base"] = (stored.amount if stored else None, base)
        if amount:
            if (member_id, amount) in self.same_payments:
                pass  # this list (or the same deduction) was imported already
            else:
                try:
                    values, warnings = dues.check_payment(member_id, {
                        "period": self.period.code, "amount": amount, "date": self.day, "method": METHOD})
                except ValidationError as exc:
                    self.issue(row, "dues", exc.message)
                    return
                if warnings and not self.force:
                    for warning in warnings:
                        self.issue(row, "dues", f"{warning}（此行未导入；确认无误后可勾选“也导入需要确认的行”，命令行加 --force）", "warning")
                    row.action, row.write, row.changes = SAME, {}, {}
                    row.context["asked"] = True
                    return
                for warning in warnings:
                    self.issue(row, "dues", f"{warning}（已按要求导入）", "warning")
                write["payment"] = values
                row.changes["dues"] = (None, amount)
        elif amount is not None:
            self.issue(row, "dues", "会费为 0，不登记缴费", "warning")
        row.write = write
        row.action = NEW if "payment" in write else UPDATE if write else SAME

    def _name_agrees(self, row: ImportRow, member_id: int) -> None:
        """A row found by its ID number whose name is another's: said (a list copied over a wrong line)."""
        from union_desk.db.models import Member
        from union_desk.domain import textclean

        name = textclean.clean_text(row.values.get("name") or "")
        if name and row.values.get("id_number"):
            owner = Member.get_by_id(member_id)
            if name.replace(" ", "") != owner.name.replace(" ", ""):
                self.issue(row, "name", f"姓名“{name}”与身份证号的会员“{owner.name}”不一致，按身份证号记给{owner.name}，请核对",
                           "warning")

    @property
    def asked(self) -> list[ImportRow]:
        """The rows left out because they ask first (an exempt member, a period already paid)."""
        return [r for r in self.preview.rows if r.context.get("asked")]

    def write_rows(self, todo: list, ticker) -> Written:
        """The bases of rows without a payment row by row; then the rows with a payment together: their
        bases and every payment of the list in one batch (one funds entry), all or none — a refused
        batch (a closed funds period) leaves none of those rows' bases behind."""
        from union_desk.db.models import database_proxy
        from union_desk.services import dues

        written = Written()
        paying = [index for index, row in enumerate(todo) if "payment" in row.write]
        for index, row in enumerate(todo):
            if index in paying:
                continue
            try:
                with database_proxy.atomic():
                    if "base" in row.write:
                        written.done[index] = self._set_base(row).id
            except ValidationError as exc:
                written.failed[index] = self.refused(row, exc)
            ticker.step()
        if paying:
            try:
                with database_proxy.atomic():
                    for i in paying:
                        if "base" in todo[i].write:
                            self._set_base(todo[i])
                    made = dues.record_payments([todo[i].write["payment"] for i in paying], self.batch)
                for i, payment in zip(paying, made, strict=True):
                    written.done[i] = payment.id
            except ValidationError as exc:
                for i in paying:
                    written.failed[i] = self.refused(todo[i], exc)
            for _ in paying:
                ticker.step()
        return written

    def _set_base(self, row):
        from union_desk.services import dues

        return dues.set_base(row.context["member"], row.write["base"], self.period.first, source="工资表", note=self.note)

    def audit_entry(self, todo: list, written: Written) -> dict | None:
        entry = super().audit_entry(todo, written)
        if entry is not None:
            entry.update(period=self.period.code, batch=self.batch)
        return entry


def preview_payroll(path, period, *, force: bool = False, sheet: str | None = None, progress: ProgressFn | None = None,
                    today: dt.date | None = None) -> ImportPreview:
    """Read a payroll deduction list for `period` ('2027-03', a `DuesPeriod`) and say, row by row,
    what importing it would do. Nothing is written. `force`: rows that would ask first (an exempt
    member, a period already paid) are imported too."""
    from union_desk.services import dues

    period = period if isinstance(period, rules.DuesPeriod) else dues.parse_period(period)
    if not Path(path).exists():
        raise ValidationError(f"文件不存在：{path}", field="file")
    return preview_file(PayrollImporter, path, sheet, progress, options={"period": period, "force": force, "today": today})


def import_payroll(path, period, *, force: bool = False, sheet: str | None = None, progress: ProgressFn | None = None):
    """Preview and apply in one go."""
    return apply_preview(preview_payroll(path, period, force=force, sheet=sheet, progress=progress), progress)
