"""The official layouts as data: the right format for each year and the exact labels."""

import pytest

from gongkai.reports.figures import TABLE3_ROW_KEYS
from gongkai.reports.formats import (
    FORMAT_2019_SPEC,
    FORMAT_2021_SPEC,
    LEGACY,
    format_for_year,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2011, LEGACY),
        (2018, LEGACY),
        (2019, FORMAT_2019_SPEC),
        (2020, FORMAT_2019_SPEC),
        (2021, FORMAT_2021_SPEC),
        (2025, FORMAT_2021_SPEC),
    ],
)
def test_format_for_year(year, expected):
    assert format_for_year(year) is expected


def test_results_label_spans_22_rows_in_2021_and_20_in_2019():
    # The rowspan of 「三、本年度办理结果」 in the official pages (ogi-spec §3.4).
    assert sum(1 for row in FORMAT_2021_SPEC.table3_rows if row.group) == 22
    assert sum(1 for row in FORMAT_2019_SPEC.table3_rows if row.group) == 20


def test_2021_rows_cover_every_key_in_order():
    assert tuple(row.key for row in FORMAT_2021_SPEC.table3_rows) == TABLE3_ROW_KEYS
    assert FORMAT_2021_SPEC.table3_row("other_no_fee").label == (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert FORMAT_2019_SPEC.table3_row("other_other").label == "（六）其他处理"


def test_table_headers_are_the_official_text():
    assert FORMAT_2021_SPEC.table2[0].headers == (
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    )
    assert FORMAT_2019_SPEC.table2[0].headers[1:] == (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    )
    assert [column.label for column in FORMAT_2021_SPEC.table3_columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert len(FORMAT_2021_SPEC.table4_groups) * len(FORMAT_2021_SPEC.table4_columns) == 15
