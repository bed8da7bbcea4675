"""Every real published report in shared/samples parses, with the figures its text states."""

import pytest

from gongkai.reports.importer import read_report


@pytest.mark.parametrize(
    ("name", "format_code", "year", "agency", "received"),
    [
        ("city-civil-affairs-review-report.txt", "2021", 2023, "民政局", 26),
        ("county-resettlement-bureau-report.txt", "pre2019", None, "移民局", 0),
        ("ganzhou-poverty-office-2011-report.txt", "pre2019", 2011, "市扶贫和移民办", 0),
        ("lijia-town-2017-report.txt", "pre2019", 2017, "励家镇", 0),
        ("mouding-petitions-bureau-2019-report.txt", "2019", 2019, "牟定县信访局", 0),
    ],
)
def test_sample_parses(samples, name, format_code, year, agency, received):
    report = read_report(samples / name)

    assert report.format == format_code
    assert report.year == year
    assert report.agency == agency
    assert report.narrative.applications_received == received


def test_traditional_text_with_pinyin_annotations_is_understood(samples):
    # 「沒有發(fā)生引發(fā)行政復(fù)議(yì)、行政訴(sù)訟」: no appeals and no suits.
    report = read_report(samples / "mouding-petitions-bureau-2019-report.txt")

    assert report.narrative.reconsiderations == 0
    assert report.narrative.litigations == 0


def test_reports_of_formatted_years_without_tables_are_flagged(samples):
    for name, year in (
        ("city-civil-affairs-review-report.txt", 2023),
        ("mouding-petitions-bureau-2019-report.txt", 2019),
    ):
        report = read_report(samples / name)
        missing = {item.where for item in report.inconsistencies if item.rule == "table_missing"}
        assert report.year == year
        assert missing == {"表二", "表三", "表四"}


def test_pre_2019_narrative_reports_have_no_table_checks(samples):
    for name in ("lijia-town-2017-report.txt", "county-resettlement-bureau-report.txt"):
        report = read_report(samples / name)
        assert report.legacy is None
        assert report.inconsistencies == []
