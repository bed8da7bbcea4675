"""Every query the annual report makes against the catalog, the cases and the appeals.

Each function returns plain figures: for every cell, the ids of the records counted in it, so a
number can be traced back to its records. Nothing here decides a table's layout or arithmetic;
`build.py` does that from these lists. The period is the calendar year (1 January to
31 December, ogi-spec §3.1).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, CharField, F, Q, Value, When

from gongkai.appeals.models import Appeal, AppealKind, AppealResult, table4_records
from gongkai.applications.ledger import EventKind
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.outcomes import ApplicantCategory, Outcome
from gongkai.catalog.models import InfoItem, Validity

Ids = list[int]

# Genre names of the catalog (catalog/taxonomy.py) that table 2's 第二十条第（一）项 counts.
DOCUMENT_GENRES = {"规章": "regulations", "规范性文件": "normative_documents"}
APPEAL_GROUPS = {
    AppealKind.RECONSIDERATION: "reconsideration",
    AppealKind.LITIGATION_DIRECT: "litigation_direct",
    AppealKind.LITIGATION_AFTER: "litigation_after_reconsideration",
}
APPEAL_COLUMNS = {
    AppealResult.MAINTAINED: "upheld",
    AppealResult.CORRECTED: "corrected",
    AppealResult.OTHER: "other",
    AppealResult.PENDING: "pending",
}
# Which record each part of the report counts, for the cell → records page.
RECORD_ITEM = "item"
RECORD_CASE = "case"
RECORD_APPEAL = "appeal"


@dataclass
class SourceFigures:
    """The record ids behind every generated cell of one agency-year (or a roll-up)."""

    year: int
    # kind ("regulations", "normative_documents") → issued / repealed / in_force → item ids
    documents: dict[str, dict[str, Ids]] = field(default_factory=dict)
    # row key (new_received, carried_over, an Outcome value, carried_forward) → column → case ids
    cases: dict[str, dict[str, Ids]] = field(default_factory=dict)
    # table 4 group → upheld / corrected / other / pending → appeal ids
    appeals: dict[str, dict[str, Ids]] = field(default_factory=dict)
    proactive_items: Ids = field(default_factory=list)


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def documents(agency_ids: list[int], year: int) -> dict[str, dict[str, Ids]]:
    """规章 and 规范性文件 on the portal: issued (成文日期) and repealed (废止, 失效日期) in the
    year, and in force at its end (issued by then and not yet expired or repealed)."""
    start, end = _bounds(year)
    found = {
        kind: {"issued": [], "repealed": [], "in_force": []} for kind in DOCUMENT_GENRES.values()
    }
    rows = (
        InfoItem.objects.public()
        .filter(agency_id__in=agency_ids, published_version__genre__name__in=DOCUMENT_GENRES)
        .values_list(
            "id",
            "published_version__genre__name",
            "published_version__written_on",
            "published_version__formed_on",
            "published_version__validity",
            "published_version__expires_on",
        )
    )
    for item_id, genre, written_on, formed_on, validity, expires_on in rows.iterator():
        cells = found[DOCUMENT_GENRES[genre]]
        issued_on = written_on or formed_on
        if start <= issued_on <= end:
            cells["issued"].append(item_id)
        if validity == Validity.REPEALED and expires_on and start <= expires_on <= end:
            cells["repealed"].append(item_id)
        ended = expires_on is not None and expires_on <= end
        # A document marked no longer valid without a date has left force at an unknown time.
        if validity != Validity.VALID and expires_on is None:
            ended = True
        if issued_on <= end and not ended:
            cells["in_force"].append(item_id)
    return found


def proactive_items(agency_ids: list[int], year: int) -> Ids:
    """Items first published on the portal during the year (主动公开 in the year)."""
    start, end = _bounds(year)
    return list(
        InfoItem.objects.public()
        .filter(
            agency_id__in=agency_ids,
            first_published_at__date__gte=start,
            first_published_at__date__lte=end,
        )
        .values_list("id", flat=True)
    )


def cases(agency_ids: list[int], year: int) -> dict[str, dict[str, Ids]]:
    """Table 3's case lists by row and applicant column.

    A case counts as decided on `decided_on` when it carries an outcome; until then it is open
    and is carried forward. So 新收 + 上年结转 = decided + 结转下年度 holds for every column.
    """
    start, end = _bounds(year)
    columns = [category.value for category in ApplicantCategory]
    rows = ["new_received", "carried_over", *(o.value for o in Outcome), "carried_forward"]
    found: dict[str, dict[str, Ids]] = {row: {c: [] for c in columns} for row in rows}
    # The row each case enters and leaves by is decided in SQL, so no date is parsed per row.
    decided = Q(decided_on__isnull=False) & ~Q(outcome="")
    rows_in = Case(
        When(received_on__gte=start, then=Value("new_received")),
        default=Value("carried_over"),
        output_field=CharField(),
    )
    rows_out = Case(
        When(decided & Q(decided_on__lte=end), then=F("outcome")),
        default=Value("carried_forward"),
        output_field=CharField(),
    )
    queryset = (
        Application.objects.filter(agency_id__in=agency_ids, received_on__lte=end)
        .exclude(decided & Q(decided_on__lt=start))
        .annotate(row_in=rows_in, row_out=rows_out)
        .values_list("id", "applicant_category", "row_in", "row_out")
    )
    for case_id, category, row_in, row_out in queryset.iterator(chunk_size=10000):
        found[row_in][category].append(case_id)
        found[row_out][category].append(case_id)
    return found


def fees_collected(agency_ids: list[int], year: int) -> tuple[Decimal, Ids]:
    """信息处理费 collected in the year (国办函〔2020〕109号): the amount of each case's fee notice
    whose payment (缴纳) was recorded in the year, and those cases."""
    start, end = _bounds(year)
    paid = CaseEvent.objects.filter(
        case__agency__in=agency_ids, kind=EventKind.FEE_PAID, on__range=(start, end)
    ).values_list("case_id", flat=True)
    notices = CaseEvent.objects.filter(case_id__in=paid, kind=EventKind.FEE_NOTICE).order_by("id")
    # The last notice of a case is the one its payment answers.
    amounts = {
        case_id: Decimal(data["amount"]) for case_id, data in notices.values_list("case_id", "data")
    }
    return sum(amounts.values(), Decimal("0")), sorted(amounts)


def appeals(agency_ids: list[int], year: int) -> dict[str, dict[str, Ids]]:
    """Table 4: appeals decided in the year or still pending at its end, by kind and result."""
    found = {group: {c: [] for c in APPEAL_COLUMNS.values()} for group in APPEAL_GROUPS.values()}
    records = table4_records(Appeal.objects.filter(agency_id__in=agency_ids), year)
    for (kind, result), ids in records.items():
        found[APPEAL_GROUPS[kind]][APPEAL_COLUMNS[result]] = ids
    return found


def collect(agency_ids: list[int], year: int) -> SourceFigures:
    """Everything the report of these agencies for `year` counts."""
    return SourceFigures(
        year=year,
        documents=documents(agency_ids, year),
        cases=cases(agency_ids, year),
        appeals=appeals(agency_ids, year),
        proactive_items=proactive_items(agency_ids, year),
    )


def records(kind: str, ids: Ids):
    """The records behind one cell, for the trace page."""
    if kind == RECORD_ITEM:
        return InfoItem.objects.filter(pk__in=ids).select_related("published_version")
    if kind == RECORD_CASE:
        return Application.objects.filter(pk__in=ids).order_by("received_on", "pk")
    return Appeal.objects.filter(pk__in=ids).order_by("filed_on", "pk")
