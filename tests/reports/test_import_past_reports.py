"""`gongkai report import` loads published reports into an agency's history for comparisons."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ReportOrigin, ReportStatus
from tests.conftest import make_staff

from .makers import example_figures, html_report, pdf_report
from .seed import seed_year


def test_a_published_html_report_becomes_last_years_history(agency_a, tmp_path, capsys):
    figures = example_figures("2021")
    path = tmp_path / "2024.html"
    path.write_text(html_report(figures, "2021", 2024, agency_a.name), encoding="utf-8")
    call_command("report", "import", str(path), "--agency", agency_a.credit_code, "--year", "2024")
    report = AnnualReport.objects.get(agency=agency_a, year=2024)
    assert (report.status, report.origin) == (ReportStatus.PUBLISHED, ReportOrigin.IMPORTED)
    assert report.figures["table3"] == figures.as_json()["table3"]
    assert services.verify_published(report)
    assert "勾稽关系全部成立" in capsys.readouterr().out
    # This year's draft compares with it from the first year of use.
    seed_year(agency_a, 2025, cases=30)
    draft = services.create_draft(agency_a, 2025, user=make_staff(agency_a, "clerk"))
    assert "（上年148件）" in draft.overview
    years = [entry["year"] for entry in services.content_of(draft).history]
    assert years == [2024, 2025]


def test_a_trial_format_pdf_imports_for_2020(agency_a, tmp_path, client):
    path = tmp_path / "2020.pdf"
    path.write_bytes(pdf_report(example_figures("2019"), "2019", 2020, agency_a.name))
    call_command("report", "import", str(path), "--agency", agency_a.credit_code, "--year", "2020")
    report = AnnualReport.objects.get(agency=agency_a, year=2020)
    assert report.format_code == "2019"
    page = client.get(reverse("annual_reports:detail", args=[report.pk])).content.decode()
    assert "（六）其他处理" in page and 'rowspan="20"' in page


@pytest.mark.parametrize(
    ("content", "year", "message"),
    [
        (b"\x00\x01 not a report", "2024", "没有找到"),
        (None, "2023", "年度为2024年"),
    ],
)
def test_a_bad_file_is_refused_in_chinese_and_nothing_is_stored(
    agency_a, tmp_path, content, year, message
):
    path = tmp_path / "bad.html"
    if content is None:
        content = html_report(example_figures("2021"), "2021", 2024).encode()
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command(
            "report", "import", str(path), "--agency", agency_a.credit_code, "--year", year
        )
    assert not AnnualReport.objects.exists()


def test_an_unknown_agency_is_named(db, tmp_path):
    path = tmp_path / "r.html"
    path.write_text("x")
    with pytest.raises(CommandError, match="没有统一社会信用代码"):
        call_command("report", "import", str(path), "--agency", "NOPE", "--year", "2024")
