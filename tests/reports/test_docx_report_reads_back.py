"""Reports published as DOCX, with merged table cells, read back to exactly their figures."""

import pytest

from gongkai.reports.importer import read_report
from tests.reports.makers import docx_report, example_figures


@pytest.mark.parametrize(("format_code", "year"), [("2021", 2023), ("2019", 2019)])
def test_docx_figures_read_back_exactly(tmp_path, format_code, year):
    figures = example_figures(format_code)
    path = tmp_path / "report.docx"
    path.write_bytes(docx_report(figures, format_code, year, "某区生态环境局"))

    report = read_report(path)

    assert report.format == format_code
    assert report.year == year
    assert report.agency == "某区生态环境局"
    assert report.figures.as_json() == figures.as_json()
    assert report.inconsistencies == []
