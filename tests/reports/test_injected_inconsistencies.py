"""Inconsistencies injected into a published report are flagged by rule name and place."""

from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_html, read_text
from tests.reports.makers import example_figures, html_report, text_report


def _audit(figures, format_code="2021", year=2022, **options):
    return parse_document(read_html(html_report(figures, format_code, year)), **options)


def _found(report) -> list[tuple[str, str]]:
    return [(item.rule, item.where) for item in report.inconsistencies]


def test_wrong_total_row_breaks_results_sum_and_row_total():
    figures = example_figures()
    figures.table3["total"]["natural_person"] = 118

    found = _found(_audit(figures))

    assert found == [
        ("t3_results_sum", "表三 （七）总计 × 自然人"),
        ("t3_balance", "表三 自然人列"),
        ("t3_row_total", "表三 （七）总计"),
    ]


def test_carried_forward_off_by_one_breaks_the_balance_only():
    figures = example_figures()
    figures.table3["carried_forward"]["commercial"] = 3
    figures.table3["carried_forward"]["total"] = 15

    report = _audit(figures)

    assert _found(report) == [
        ("t3_balance", "表三 商业企业列"),
        ("t3_balance", "表三 总计列"),
    ]
    assert "本年新收 15 加上年结转 1 为 16" in report.inconsistencies[0].detail
    assert "结转下年度 3 为 17" in report.inconsistencies[0].detail


def test_row_whose_total_is_not_the_sum_of_applicants():
    figures = example_figures()
    figures.table3["granted"]["total"] = 75
    figures.table3["total"]["total"] = 146
    figures.table3["carried_forward"]["total"] = 13

    found = _found(_audit(figures))

    assert found == [
        ("t3_row_total", "表三 （一）予以公开"),
        ("t3_row_total", "表三 （七）总计"),
        ("t3_row_total", "表三 四、结转下年度继续办理"),
    ]


def test_table4_total_mismatch():
    figures = example_figures()
    figures.table4["litigation_after_reconsideration"]["total"] = 1

    report = _audit(figures)

    assert _found(report) == [("t4_total", "表四 行政诉讼·复议后起诉")]
    assert "之和为 0，总计为 1" in report.inconsistencies[0].detail


def test_narrative_that_contradicts_the_table():
    figures = example_figures()
    text = text_report(figures, "2021", 2022).replace(
        "全年新收政府信息公开申请148件", "全年新收政府信息公开申请150件"
    )

    report = parse_document(read_text(text))

    assert _found(report) == [("narrative_mismatch", "本年新收申请数")]
    assert report.inconsistencies[0].detail == "正文所述本年新收申请数为 150，表格为 148"


def test_blank_cells_are_counted_as_zero_and_reported():
    figures = example_figures()
    figures.table3["denied_admin_query"]["research"] = None

    report = _audit(figures)

    assert _found(report) == [("blank_cells", "表三")]
    assert "8.属于行政查询事项 × 科研机构" in report.inconsistencies[0].detail


def test_trial_rows_in_a_2021_format_year():
    figures = example_figures("2019")

    report = _audit(figures, "2019", 2022)

    assert _found(report) == [("t3_format_rows", "表三 （六）其他处理")]


def test_last_years_carry_forward_and_documents_in_force():
    previous = example_figures()
    previous.table3["carried_forward"]["natural_person"] = 9
    previous.table2.regulations["in_force"] = 10
    figures = example_figures()

    found = _found(_audit(figures, previous=previous))

    assert found == [
        ("carry_over_mismatch", "表三 二、上年结转 × 自然人"),
        ("carry_over_mismatch", "表三 二、上年结转 × 商业企业"),
        ("carry_over_mismatch", "表三 二、上年结转 × 法律服务机构"),
        ("carry_over_mismatch", "表三 二、上年结转 × 总计"),
        ("in_force_mismatch", "表二 规章"),
        ("in_force_mismatch", "表二 行政规范性文件"),
    ]


def test_fees_not_reported_when_applications_lapsed_for_unpaid_fees():
    figures = example_figures()
    page = html_report(figures, "2021", 2022).replace("收取信息处理费共计400元", "工作平稳")

    report = parse_document(read_html(page))

    assert _found(report) == [("fees_not_reported", "六、其他需要报告的事项")]
