"""A seeded year of cases, documents and appeals gives the tables a person would count by hand."""

from datetime import date

from gongkai.appeals.models import AppealKind, AppealResult
from gongkai.reports.build import build_report
from gongkai.reports.figures import TABLE3_ROW_KEYS

from .seed import seed_year

YEAR = 2025
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)


def _expected_table3(cases) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}

    def add(row, column):
        counts[row, column] = counts.get((row, column), 0) + 1
        counts[row, "total"] = counts.get((row, "total"), 0) + 1

    for case in cases:
        column = case.applicant_category
        if case.received_on > END or (case.decided_on and case.decided_on < START):
            continue
        add("new_received" if case.received_on >= START else "carried_over", column)
        if case.decided_on and case.decided_on <= END:
            add(case.outcome, column)
            add("total", column)
        else:
            add("carried_forward", column)
    return counts


def test_table3_counts_every_case_once_in_its_row_and_column(agency_a):
    seeded = seed_year(agency_a, YEAR)
    built = build_report(agency_a, YEAR)
    expected = _expected_table3(seeded.cases)
    for row in TABLE3_ROW_KEYS:
        for column, value in built.figures.table3[row].items():
            assert value == expected.get((row, column), 0), (row, column)
    assert built.figures.table3["new_received"]["total"] > 10
    assert built.figures.table3["carried_over"]["total"] > 0
    assert built.figures.table3["carried_forward"]["total"] > 0


def test_every_identity_holds_by_construction(agency_a):
    seed_year(agency_a, YEAR, seed=11, cases=300)
    assert build_report(agency_a, YEAR).inconsistencies == []


def test_table2_counts_public_documents_issued_repealed_and_in_force(agency_a):
    seeded = seed_year(agency_a, YEAR)
    built = build_report(agency_a, YEAR)
    for name, genre in (("regulations", "规章"), ("normative_documents", "规范性文件")):
        versions = [
            item.published_version
            for item in seeded.items
            if item.published_version and item.published_version.genre.name == genre
        ]
        issued = sum(1 for v in versions if START <= v.written_on <= END)
        repealed = sum(
            1 for v in versions if v.validity == "repealed" and START <= v.expires_on <= END
        )
        in_force = sum(
            1
            for v in versions
            if v.written_on <= END and not (v.expires_on and v.expires_on <= END)
        )
        assert getattr(built.figures.table2, name) == {
            "issued": issued,
            "repealed": repealed,
            "in_force": in_force,
        }
        assert (issued, repealed) == (1, 1)


def test_table4_counts_appeals_decided_in_the_year_or_pending_at_its_end(agency_a):
    seeded = seed_year(agency_a, YEAR)
    built = build_report(agency_a, YEAR)
    groups = {
        AppealKind.RECONSIDERATION: "reconsideration",
        AppealKind.LITIGATION_DIRECT: "litigation_direct",
        AppealKind.LITIGATION_AFTER: "litigation_after_reconsideration",
    }
    columns = {
        AppealResult.MAINTAINED: "upheld",
        AppealResult.CORRECTED: "corrected",
        AppealResult.OTHER: "other",
    }
    expected: dict[tuple[str, str], int] = {}
    for appeal in seeded.appeals:
        if appeal.kind == AppealKind.COMPLAINT or appeal.filed_on > END:
            continue
        concluded = appeal.concluded_on
        if concluded and concluded < START:
            continue
        column = "pending" if not concluded or concluded > END else columns[appeal.result]
        for key in (column, "total"):
            expected[groups[appeal.kind], key] = expected.get((groups[appeal.kind], key), 0) + 1
    for group, cells in built.figures.table4.items():
        for column, value in cells.items():
            assert value == expected.get((group, column), 0), (group, column)


def test_each_cell_traces_to_the_records_it_counts(agency_a):
    seeded = seed_year(agency_a, YEAR)
    built = build_report(agency_a, YEAR)
    granted = built.trace["t3.granted.natural_person"]
    expected = sorted(
        c.pk
        for c in seeded.cases
        if c.outcome == "granted"
        and c.applicant_category == "natural_person"
        and c.decided_on
        and START <= c.decided_on <= END
    )
    assert list(granted.ids) == expected
    assert granted.kind == "case"
    assert len(built.trace["t3.total.total"].ids) == built.figures.table3["total"]["total"]
    assert built.trace["t2.regulations.repealed"].kind == "item"


def test_the_trial_format_folds_the_other_rows_into_one(agency_a):
    seed_year(agency_a, 2020)
    built = build_report(agency_a, 2020)
    assert built.format_code == "2019"
    assert built.figures.table3["other_no_fee"]["total"] is None
    assert built.figures.table2.regulations["repealed"] is None
    assert built.inconsistencies == []
