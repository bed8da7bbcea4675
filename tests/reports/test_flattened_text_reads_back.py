"""Reports whose tables were flattened to text read back exactly, whatever the separators."""

import pytest

from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_text
from tests.reports.makers import example_figures, text_report


@pytest.mark.parametrize(("format_code", "year"), [("2021", 2022), ("2019", 2020)])
@pytest.mark.parametrize("separator", [" ", "\t", " | ", "\n"])
def test_flattened_text_reads_back(format_code, year, separator):
    figures = example_figures(format_code)
    text = text_report(figures, format_code, year, separator=separator)

    report = parse_document(read_text(text))

    assert report.format == format_code
    assert report.year == year
    assert report.figures.as_json() == figures.as_json()
    assert report.inconsistencies == []


def test_punctuation_and_width_variants_are_matched():
    figures = example_figures("2021")
    text = text_report(figures, "2021", 2022)
    variants = {
        "1.申请人无正当理由逾期不补正、行政机关": "1. 申请人无正当理由逾期不补正，行政机关",
        "2.申请人逾期未按收费通知要求缴纳费用、": "2、申请人逾期未按收费通知要求缴纳费用，",
        "3.危及“三安全一稳定”": '3．危及"三安全一稳定"',
        "（七）总计 119": "(七)总 计 １１９",
        "四、结转下年度继续办理": "四 、结转下年度继续办理",
    }
    for published, variant in variants.items():
        assert published in text
        text = text.replace(published, variant)

    report = parse_document(read_text(text))

    assert report.figures.as_json() == figures.as_json()
    assert report.inconsistencies == []


def test_table_text_in_gb18030_is_decoded(tmp_path):
    from gongkai.reports.importer import read_report

    figures = example_figures("2021")
    path = tmp_path / "report.txt"
    path.write_bytes(text_report(figures, "2021", 2022).encode("gb18030"))

    assert read_report(path).figures.as_json() == figures.as_json()
