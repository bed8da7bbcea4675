"""The 赣州 2011 report's pre-2019 statistics table (历年累计数 / 年度数 / 同比增减) is read."""

from decimal import Decimal

from gongkai.reports.importer import read_report


def test_ganzhou_old_table_is_read_row_by_row(samples):
    report = read_report(samples / "ganzhou-poverty-office-2011-report.txt")

    assert report.format == "pre2019"
    assert report.year == 2011
    assert report.agency == "市扶贫和移民办"
    table = report.legacy
    assert table is not None
    assert table.title == "赣州市2011年政府信息公开工作情况统计表"
    assert table.value("主动公开政府信息数", "历年累计数") == Decimal(1825)
    assert table.value("主动公开政府信息数", "2011年度数") == Decimal(928)
    assert table.value("网上政府信息公开专栏公开", "历年累计数") == Decimal(660)
    assert table.value("网上政府信息公开专栏公开", "2011年度数") == Decimal(202)
    assert table.value("公共信息查阅场所公开", "2011年度数") == Decimal(726)
    assert table.value("政府公报公开", "历年累计数") is None
    assert table.value("受理政府信息公开申请数", "2011年度数") is None
    sections = {row.section for row in table.rows}
    assert sections == {
        "一、主动公开政府信息情况",
        "二、政府信息公开申请办理情况",
        "三、行政复议和诉讼情况",
    }
    assert len(table.rows) == 5 + 11 + 3
    assert {row.unit for row in table.rows} == {"条", "件"}


def test_ganzhou_json_keeps_the_old_table_and_the_fixed_keys(samples):
    data = read_report(samples / "ganzhou-poverty-office-2011-report.txt").as_json()

    assert list(data)[:7] == [
        "format",
        "year",
        "agency",
        "table2",
        "table3",
        "table4",
        "inconsistencies",
    ]
    assert data["table3"]["new_received"]["total"] is None
    first = data["legacy"]["rows"][0]
    assert first == {
        "section": "一、主动公开政府信息情况",
        "label": "主动公开政府信息数",
        "unit": "条",
        "values": {"历年累计数": 1825, "2011年度数": 928, "同比增减(%)": None},
    }
    # An old report has no national tables to miss, so nothing is reported as inconsistent.
    assert data["inconsistencies"] == []


def test_ganzhou_prose_states_no_applications_and_no_appeals(samples):
    narrative = read_report(samples / "ganzhou-poverty-office-2011-report.txt").narrative

    assert narrative.applications_received == 0
    assert narrative.reconsiderations == 0
    assert narrative.litigations == 0
