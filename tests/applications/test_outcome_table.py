"""Outcomes and applicant categories are the rows and columns of annual report table 3."""

from gongkai.applications.outcomes import (
    LEGAL_BASIS,
    REPORT_COLUMNS,
    REPORT_ROWS,
    ROW_BY_KEY,
    ApplicantCategory,
    Outcome,
)

# The row keys the annual report (issue 6) reads, in table order.
ROW_KEYS = [
    "new_received", "carried_over", "granted", "partial", "denied_state_secret",
    "denied_other_law", "denied_three_safety", "denied_third_party", "denied_internal_affairs",
    "denied_process_info", "denied_enforcement_file", "denied_admin_query", "unable_not_held",
    "unable_need_creation", "unable_unclear_after_correction", "not_processed_petition",
    "not_processed_repeat", "not_processed_publication", "not_processed_mass",
    "not_processed_confirm", "other_no_correction", "other_no_fee", "other_other", "total",
    "carried_forward",
]  # fmt: skip


def test_rows_are_the_report_keys_in_table_order():
    assert [row.key for row in REPORT_ROWS] == ROW_KEYS


def test_every_leaf_row_is_an_outcome_and_nothing_else_is():
    leaves = [row.key for row in REPORT_ROWS if row.number.startswith("R3.") and row.key != "total"]
    assert leaves == list(Outcome.values)
    assert len(Outcome) == 21  # 2 + 8 + 3 + 5 + 3 leaf rows of the 2021 format


def test_the_result_block_spans_22_rows():
    # The 2021 format's 「三、本年度办理结果」 cell has rowspan=22 (ogi-spec §3.4).
    assert sum(row.number.startswith("R3.") for row in REPORT_ROWS) == 22


def test_official_labels():
    assert ROW_BY_KEY["partial"].label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert ROW_BY_KEY["denied_three_safety"].label == "3.危及“三安全一稳定”"
    assert ROW_BY_KEY["denied_three_safety"].group == "（三）不予公开"
    assert ROW_BY_KEY["other_no_fee"].label == (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert ROW_BY_KEY["carried_forward"].label == "四、结转下年度继续办理"


def test_every_outcome_has_a_basis_entry():
    assert set(LEGAL_BASIS) == set(Outcome)
    assert LEGAL_BASIS[Outcome.PARTIAL] == "《中华人民共和国政府信息公开条例》第三十七条"
    assert LEGAL_BASIS[Outcome.DENIED_THIRD_PARTY].endswith("第十五条")


def test_columns_in_table_order():
    assert REPORT_COLUMNS == (
        ("natural_person", "自然人"),
        ("commercial", "商业企业"),
        ("research", "科研机构"),
        ("social_welfare", "社会公益组织"),
        ("legal_service", "法律服务机构"),
        ("other_org", "其他"),
        ("total", "总计"),
    )
    assert ApplicantCategory.NATURAL_PERSON.label == "自然人"


def test_the_report_formats_lay_out_these_rows_and_columns():
    """One definition: the report's table 3 is the outcome table, laid out."""
    from gongkai.reports.formats import TABLE3_COLUMNS, TABLE3_ROWS_2019, TABLE3_ROWS_2021

    assert [(r.key, r.label, r.group) for r in TABLE3_ROWS_2021] == [
        (row.key, row.label, row.group) for row in REPORT_ROWS
    ]
    assert [(c.key, c.label) for c in TABLE3_COLUMNS] == list(REPORT_COLUMNS)
    # The trial format folds the three （六） rows into one under the 2021 key for 其他.
    keys_2019 = [r.key for r in TABLE3_ROWS_2019]
    assert "other_no_correction" not in keys_2019 and "other_no_fee" not in keys_2019
    assert TABLE3_ROWS_2019[keys_2019.index("other_other")].label == "（六）其他处理"


def test_outcome_groups_follow_the_table_headings():
    from gongkai.applications.outcomes import OUTCOME_GROUPS

    assert [name for name, _ in OUTCOME_GROUPS] == [
        "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理",
    ]  # fmt: skip
    assert sorted(k for _, keys in OUTCOME_GROUPS for k in keys) == sorted(Outcome.values)
