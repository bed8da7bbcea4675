"""Reports laid out as HTML tables with rowspan/colspan read back to exactly their figures."""

import pytest

from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_html
from tests.reports.makers import example_figures, html_report


@pytest.mark.parametrize(("format_code", "year"), [("2021", 2022), ("2019", 2019)])
def test_html_figures_read_back_exactly(format_code, year):
    figures = example_figures(format_code)

    report = parse_document(read_html(html_report(figures, format_code, year, "某县交通运输局")))

    assert report.format == format_code
    assert report.year == year
    assert report.agency == "某县交通运输局"
    assert report.figures.as_json() == figures.as_json()
    assert report.inconsistencies == []
    assert report.notes == []


def test_html_2021_figures_as_published():
    report = parse_document(read_html(html_report(example_figures("2021"), "2021", 2022)))
    table3 = report.figures.table3

    assert table3["new_received"]["total"] == 148
    assert table3["total"]["natural_person"] == 119
    assert table3["carried_forward"]["total"] == 14
    assert table3["other_no_fee"]["natural_person"] == 1
    assert report.figures.table2.licensing == 1200
    assert str(report.figures.table2.fees) == "12.5"
    assert report.figures.table4["reconsideration"] == {
        "upheld": 2,
        "corrected": 1,
        "other": 0,
        "pending": 1,
        "total": 4,
    }


def test_html_2019_keeps_trial_only_cells_and_its_single_other_row():
    report = parse_document(read_html(html_report(example_figures("2019"), "2019", 2019)))

    assert report.figures.table3["other_other"]["natural_person"] == 3
    assert report.figures.table3["other_no_correction"]["total"] is None
    assert report.figures.table2.trial_extras["licensing"] == {
        "上一年项目数量": "310",
        "本年增/减": "+12",
    }
    assert report.figures.table2.trial_extras["procurement"] == {
        "采购项目数量": "14",
        "采购总金额": "251000元",
    }


def test_header_with_line_break_and_blank_cells():
    figures = example_figures("2021")
    page = html_report(figures, "2021", 2022).replace("本年制发件数", "本年<br />制发件数")
    # A blank published cell (&nbsp;) is None, not 0.
    page = page.replace("<td>1200</td>", "<td>&nbsp;</td>").replace(
        'colspan="3">1200</td>', 'colspan="3">&nbsp;</td>'
    )

    report = parse_document(read_html(page))

    assert report.figures.table2.licensing is None
    assert report.figures.table2.regulations == {"issued": 2, "repealed": 1, "in_force": 15}
    assert [item.rule for item in report.inconsistencies] == ["blank_cells"]
