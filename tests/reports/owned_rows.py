"""Rows of the annual report owned by an agency, for the cross-agency isolation walk."""

from gongkai.reports.models import AnnualReport


def report(agency, marker: str) -> AnnualReport:
    return AnnualReport.objects.create(
        agency=agency, year=2025, format_code="2021", overview=marker, problems=marker
    )


def report_payload(agency, marker: str) -> dict:
    return {"agency": agency.pk, "year": "2024", "op": "sections", "overview": marker}
