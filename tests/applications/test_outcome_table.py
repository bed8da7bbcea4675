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
