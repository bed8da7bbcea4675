"""Reports published as PDF with a text layer read back to exactly their figures."""

import pytest

from gongkai.reports.importer import read_report
from tests.reports.makers import example_figures, pdf_report


@pytest.mark.parametrize(("format_code", "year"), [("2021", 2024), ("2019", 2020)])
def test_pdf_figures_read_back_exactly(tmp_path, format_code, year):
    figures = example_figures(format_code)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_report(figures, format_code, year, "某市卫生健康委员会"))

    report = read_report(path)

    assert report.format == format_code
    assert report.year == year
    assert report.agency == "某市卫生健康委员会"
    assert report.figures.as_json() == figures.as_json()
    assert report.inconsistencies == []
