"""The annual report's named transitions: draft, edit, submit, return, accept, publish, import.

Each checks the user's right through `agencies.access`, checks its precondition, writes the
audit trail and refuses an illegal move with a `Refused` in Chinese. The 主管部门 that
accepts or returns a report is a supervisor at the report's agency or above it (Art. 47, 49).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.applications.outcomes import OUTCOME_GROUPS
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import sources
from .build import (
    Built,
    Entered,
    build_report,
    cell_value,
    format_code_for,
    generated_cells,
    summed,
)
from .content import ReportContent, content_hash, figures_from_json, figures_json
from .figures import Figures
from .formats import FORMAT_2019, FORMAT_2021
from .models import AnnualReport, FigureOverride, ReportOrigin, ReportStatus, deadline
from .rules import REPORT_RULES
from .signals import report_published
from .validate import check_year_over_year

# Finalising moves refuse a report whose tables break an identity (ogi-spec §3.6 V1–V4).
# Carry-over is an identity between consecutive reports: this year's 上年结转 is last year's
# 结转下年度, whether last year's report was built here or imported.
IDENTITY_RULES = ("t3_results_sum", "t3_balance", "t3_row_total", "t4_total", "carry_over_mismatch")
MAX_SECTION_LENGTH = 20000
# A hand correction of a generated cell, and the 主管部门's return, must say why in a few words.
MIN_OVERRIDE_REASON_CHARS = 4
MIN_RETURN_REASON_CHARS = 4


def _require(user, action: str, agency: Agency) -> None:
    if not access.can(user, action, agency):
        raise Refused("您没有在该机关执行此操作的权限")


def _require_supervisor(user, agency: Agency) -> None:
    if not access.can(user, "report.accept", agency):
        raise Refused("只有主管部门可以审核或退回年度报告")


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("agency").get(pk=report.pk)


# ---- computing ---------------------------------------------------------------------------


def entered(report: AnnualReport) -> Entered:
    return Entered(report.licensing, report.punishment, report.coercion, report.fees)


def rollup_entered(agencies, year: int) -> Entered:
    """The entered table 2 figures of these agencies' reports for `year`, added up."""
    reports = AnnualReport.objects.filter(agency__in=agencies, year=year)
    return summed(entered(report) for report in reports)


def overrides_of(report: AnnualReport) -> dict[str, int]:
    return {o.cell: o.value for o in report.overrides.all()}


def compute(report: AnnualReport) -> Built:
    """The report's tables from the records as they are now, with its overrides applied."""
    return build_report(report.agency, report.year, entered(report), overrides_of(report))


def refresh(report: AnnualReport) -> Built:
    """Recompute a draft's tables and checks and store them (a draft follows its records)."""
    built = compute(report)
    found = list(built.inconsistencies)
    previous = previous_figures(report)
    if previous is not None:
        found += check_year_over_year(built.figures, previous)
    report.figures = figures_json(built.figures)
    report.proactive_items = built.proactive_items
    report.inconsistencies = [item.as_json() for item in found]
    report.computed_at = timezone.now()
    AnnualReport.objects.filter(pk=report.pk).update(
        figures=report.figures,
        proactive_items=report.proactive_items,
        inconsistencies=report.inconsistencies,
        computed_at=report.computed_at,
    )
    return built


def previous_figures(report: AnnualReport) -> Figures | None:
    """The figures of the agency's report for the year before, as published or imported, or
    as its draft stands; None when there is none."""
    return figures_of_year(report.agency_id, report.year - 1)


def figures_of_year(agency_id: int, year: int) -> Figures | None:
    previous = AnnualReport.objects.filter(agency_id=agency_id, year=year).first()
    if previous is None or not previous.figures:
        return None
    # A report's figures stop following the records once it leaves the draft stage.
    return figures_from_json(previous.figures)


def recalculate(report: AnnualReport, *, user) -> Built:
    """Recompute a draft on request, after records changed elsewhere."""
    _require(user, "report.edit", report.agency)
    REPORT_RULES.require("refresh", report)
    return refresh(report)


def failing_identities(report: AnnualReport) -> list[dict]:
    return [item for item in report.inconsistencies if item["rule"] in IDENTITY_RULES]


def _require_identities(report: AnnualReport, doing: str) -> None:
    failing = failing_identities(report)
    if failing:
        shown = "；".join(f"{item['where']}：{item['detail']}" for item in failing[:3])
        raise Refused(f"表格勾稽关系不成立，不能{doing}：{shown}")


# ---- drafting ----------------------------------------------------------------------------


def _prefill(report: AnnualReport, built: Built, previous: AnnualReport | None) -> None:
    """Sections 一 and 六 start from the figures the draft needs; staff rewrite the prose."""
    table3 = built.figures.table3
    received = table3["new_received"]["total"]
    compared = ""
    if previous is not None and previous.figures:
        before = previous.figures["table3"]["new_received"]["total"]
        if before is not None:
            compared = f"（上年{before}件）"
    appeals = built.figures.table4
    suits = (
        appeals["litigation_direct"]["total"] + appeals["litigation_after_reconsideration"]["total"]
    )
    report.overview = (
        f"{report.year}年，{report.agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年主动公开政府信息{built.proactive_items}条；"
        f"新收政府信息公开申请{received}件{compared}，上年结转{table3['carried_over']['total']}件，"
        f"办结{table3['total']['total']}件，结转下年度{table3['carried_forward']['total']}件；"
        f"因政府信息公开被申请行政复议{appeals['reconsideration']['total']}件，被提起行政诉讼"
        f"{suits}件。"
    )
    no_fee = table3["other_no_fee"]["total"]
    collected, paying = sources.fees_collected([report.agency_id], report.year)
    report.other_matters = (
        f"{report.year}年，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        f"收取信息处理费{len(paying)}件，共计{_yuan(collected)}元。"
        + (f"因申请人逾期未缴纳信息处理费不再处理的申请{no_fee}件。" if no_fee else "")
    )


def _yuan(amount: Decimal) -> str:
    """An amount of money as a report states it: 「0」, 「150」, 「12.5」."""
    return f"{amount.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")


def create_draft(agency: Agency, year: int, *, user) -> AnnualReport:
    """Start the report of `agency` for `year`, its tables computed and its prose pre-filled."""
    _require(user, "report.edit", agency)
    if year < 2019 or year > timezone.localdate().year:
        raise Refused("报告年度须在2019年至今年之间（2019年以前没有统一格式）", "year")
    with transaction.atomic():
        if AnnualReport.objects.filter(agency=agency, year=year).exists():
            raise Refused(f"{agency.name}{year}年度报告已经存在", "year")
        report = AnnualReport.objects.create(
            agency=agency, year=year, format_code=format_code_for(year)
        )
        built = refresh(report)
        previous = AnnualReport.objects.filter(agency=agency, year=year - 1).first()
        _prefill(report, built, previous)
        report.save(update_fields=["overview", "other_matters"])
        record_transition(report, "create_draft", year=year, format=report.format_code)
    return report


def save_sections(report: AnnualReport, *, user, overview: str, problems: str, other: str):
    """Edit the narrative sections 一、五、六 of a draft (二–四 are generated)."""
    _require(user, "report.edit", report.agency)
    texts = {"overview": overview, "problems": problems, "other_matters": other}
    for name, text in texts.items():
        if len(text) > MAX_SECTION_LENGTH:
            raise Refused(f"每部分正文不能超过{MAX_SECTION_LENGTH}字", name)
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("sections", report)
        for name, text in texts.items():
            setattr(report, name, text.strip())
        report.save(update_fields=list(texts))
        refresh(report)
    return report


def _amount(text: str | None, what: str, field: str) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise Refused(f"{what}须是数字", field) from None
    if value < 0 or value != value.quantize(Decimal("0.0001")):
        raise Refused(f"{what}须是非负数，最多四位小数", field)
    return value


def _count(text: str | int | None, what: str, field: str) -> int | None:
    if text in (None, ""):
        return None
    try:
        value = int(str(text).strip())
    except ValueError:
        raise Refused(f"{what}须是非负整数", field) from None
    if value < 0:
        raise Refused(f"{what}须是非负整数", field)
    return value


def enter_figures(report: AnnualReport, *, user, licensing, punishment, coercion, fees):
    """Table 2's 行政许可/处罚/强制 decision counts and 行政事业性收费 amount, entered by staff."""
    _require(user, "report.edit", report.agency)
    values = {
        "licensing": _count(licensing, "行政许可处理决定数量", "licensing"),
        "punishment": _count(punishment, "行政处罚处理决定数量", "punishment"),
        "coercion": _count(coercion, "行政强制处理决定数量", "coercion"),
        "fees": _amount(fees, "行政事业性收费金额", "fees"),
    }
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("figures", report)
        for name, value in values.items():
            setattr(report, name, value)
        report.entered_by = user
        report.entered_at = timezone.now()
        report.save(update_fields=[*values, "entered_by", "entered_at"])
        refresh(report)
        record_transition(report, "enter_figures", **{k: str(v) for k, v in values.items()})
    return report


def override_cell(report: AnnualReport, *, user, cell: str, value, reason: str) -> FigureOverride:
    """Replace a generated cell by hand; the reason is kept and the checks run again."""
    _require(user, "report.edit", report.agency)
    reason = reason.strip()
    if cell not in generated_cells(report.format_code):
        raise Refused("没有这个单元格", "cell")
    number = _count(value, "更正后数值", "value")
    if number is None:
        raise Refused("请填写更正后的数值", "value")
    if len(reason) < MIN_OVERRIDE_REASON_CHARS:
        raise Refused(
            f"请写明更正理由（至少{MIN_OVERRIDE_REASON_CHARS}个字）："
            "数字应在记录中更正，确需改表的须说明原因",
            "reason",
        )
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("override", report)
        computed = cell_value(build_report(report.agency, report.year).figures, cell)
        override, _ = FigureOverride.objects.update_or_create(
            report=report,
            cell=cell,
            defaults={
                "value": number,
                "computed_value": computed,
                "reason": reason,
                "created_by": user,
            },
        )
        refresh(report)
        record_transition(report, "override_cell", cell=cell, value=number, reason=reason)
    return override


def remove_override(report: AnnualReport, *, user, cell: str) -> None:
    _require(user, "report.edit", report.agency)
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("remove_override", report)
        deleted, _ = FigureOverride.objects.filter(report=report, cell=cell).delete()
        if not deleted:
            raise Refused("该单元格没有更正记录", "cell")
        refresh(report)
        record_transition(report, "remove_override", cell=cell)


# ---- the lifecycle -----------------------------------------------------------------------


def submit(report: AnnualReport, *, user) -> AnnualReport:
    """Send the draft to the 主管部门 (Art. 49), its tables computed afresh and consistent."""
    _require(user, "report.submit", report.agency)
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("submit", report)
        refresh(report)
        _require_identities(report, "报送")
        if not report.overview.strip():
            raise Refused("请填写“一、总体情况”后再报送", "overview")
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = timezone.now()
        report.return_reason = ""
        report.save(update_fields=["status", "submitted_at", "return_reason"])
        record_transition(report, "submit", inconsistencies=len(report.inconsistencies))
    return report


def return_report(report: AnnualReport, *, user, reason: str) -> AnnualReport:
    """The 主管部门 sends the report back with its reasons; it becomes editable again."""
    _require_supervisor(user, report.agency)
    reason = reason.strip()
    if len(reason) < MIN_RETURN_REASON_CHARS:
        raise Refused(f"请写明退回理由（至少{MIN_RETURN_REASON_CHARS}个字）", "reason")
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("return", report)
        report.status = ReportStatus.RETURNED
        report.return_reason = reason
        report.save(update_fields=["status", "return_reason"])
        record_transition(report, "return", reason=reason)
    return report


def accept(report: AnnualReport, *, user) -> AnnualReport:
    _require_supervisor(user, report.agency)
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("accept", report)
        _require_identities(report, "审核通过")
        report.status = ReportStatus.ACCEPTED
        report.accepted_at = timezone.now()
        report.save(update_fields=["status", "accepted_at"])
        record_transition(report, "accept")
    return report


def publish(report: AnnualReport, *, user) -> AnnualReport:
    """Put the accepted report on the portal; its content is frozen and hashed."""
    _require(user, "report.publish", report.agency)
    with transaction.atomic():
        report = _locked(report)
        REPORT_RULES.require("publish", report)
        _require_identities(report, "公开")
        content = content_of(report).as_json()
        report.published_content = content
        report.content_hash = content_hash(content)
        report.status = ReportStatus.PUBLISHED
        report.published_at = timezone.now()
        report.save(update_fields=["published_content", "content_hash", "status", "published_at"])
        record_transition(report, "publish", sha256=report.content_hash)
        report_published.send(sender=AnnualReport, report=report)
    return report


def verify_published(report: AnnualReport) -> bool:
    """True if the frozen published content still matches the hash taken when it was published."""
    return bool(report.published_content) and (
        content_hash(report.published_content) == report.content_hash
    )


# ---- content and history -----------------------------------------------------------------


def content_of(report: AnnualReport) -> ReportContent:
    """What the exports show: the frozen version once published, the stored draft before."""
    if report.status == ReportStatus.PUBLISHED and report.published_content:
        return ReportContent.from_json(report.published_content)
    reasons = {o.cell: o.reason for o in report.overrides.all()}
    return ReportContent(
        agency=report.agency.name,
        year=report.year,
        format_code=report.format_code,
        overview=report.overview,
        problems=report.problems,
        other_matters=report.other_matters,
        figures=figures_from_json(report.figures),
        proactive_items=report.proactive_items,
        overrides=reasons,
        history=history(report),
    )


@dataclass(frozen=True)
class YearFigures:
    year: int
    received: int | None
    proactive_items: int | None
    outcomes: dict[str, int]


def year_figures(year: int, figures_data: dict, proactive: int | None) -> dict:
    table3 = figures_data.get("table3") or {}

    def total(row: str) -> int:
        return (table3.get(row) or {}).get("total") or 0

    return {
        "year": year,
        "received": (table3.get("new_received") or {}).get("total"),
        "proactive_items": proactive,
        "outcomes": {name: sum(total(r) for r in rows) for name, rows in OUTCOME_GROUPS},
    }


def history(report: AnnualReport, span: int = 5) -> list[dict]:
    """Headline figures of the agency's published reports of the `span` years before this one,
    then this report's own, for the year-over-year charts."""
    earlier = AnnualReport.objects.published().filter(
        agency_id=report.agency_id, year__gt=report.year - span, year__lt=report.year
    )
    rows = [*earlier.order_by("year"), report]
    return [year_figures(r.year, r.figures, r.proactive_items) for r in rows if r.figures]


# ---- importing the past ------------------------------------------------------------------


def import_published(agency: Agency, year: int, path: Path, *, user) -> AnnualReport:
    """Load a report published before the system was used, so comparisons start at once.

    The figures are those the importer reads; the report is stored as published, with its
    inconsistencies kept as found (the past cannot be corrected, only shown).
    """
    from .importer import ReportReadError, read_report

    _require(user, "report.edit", agency)
    # Last year's figures settle run-together rows and check the carry-over identities.
    previous = figures_of_year(agency.pk, year - 1)
    try:
        parsed = read_report(path, previous)
    except ReportReadError as error:
        raise Refused(f"{Path(path).name}：{error}", "file") from error
    if parsed.format not in (FORMAT_2019, FORMAT_2021):
        raise Refused("只能导入2019年以后统一格式的报告表格", "file")
    if parsed.year is not None and parsed.year != year:
        raise Refused(f"文件中的报告年度为{parsed.year}年，与指定的{year}年不符", "year")
    with transaction.atomic():
        if AnnualReport.objects.filter(agency=agency, year=year).exists():
            raise Refused(f"{agency.name}{year}年度报告已经存在", "year")
        report = AnnualReport.objects.create(
            agency=agency,
            year=year,
            format_code=parsed.format,
            origin=ReportOrigin.IMPORTED,
            status=ReportStatus.PUBLISHED,
            figures=figures_json(parsed.figures),
            inconsistencies=[item.as_json() for item in parsed.inconsistencies],
            source_name=Path(path).name[:200],
            computed_at=timezone.now(),
        )
        content = ReportContent(
            agency=agency.name,
            year=year,
            format_code=parsed.format,
            overview="",
            problems="",
            other_matters="",
            figures=parsed.figures,
        ).as_json()
        report.published_content = content
        report.content_hash = content_hash(content)
        report.published_at = timezone.now()
        report.save(update_fields=["published_content", "content_hash", "published_at"])
        record_transition(
            report, "import_published", file=report.source_name, sha256=report.content_hash
        )
        report_published.send(sender=AnnualReport, report=report)
    return report


def due_status(report: AnnualReport | None, kind: str, year: int, today: date) -> str:
    """How a subordinate stands against its deadline: 未开始, 已逾期, 按时 and so on."""
    due = deadline(kind, year)
    if report is None:
        return "已逾期未报" if today > due else "尚未开始"
    if report.status == ReportStatus.PUBLISHED:
        late = report.published_at and report.published_at.date() > due
        return "逾期公开" if late else "已公开"
    return "已逾期" if today > due else report.get_status_display()
