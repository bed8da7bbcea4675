"""The identities of ogi-spec §3.6 as pure functions, on tables of cases."""

import pytest

from gongkai.reports.figures import empty_table3, empty_table4
from gongkai.reports.validate import check_table3, check_table4
from tests.reports.makers import example_figures


def test_a_consistent_table_passes():
    figures = example_figures()
    assert check_table3(figures.table3) == []
    assert check_table4(figures.table4) == []


def test_an_empty_table_has_no_identity_to_fail():
    assert check_table3(empty_table3()) == []
    assert check_table4(empty_table4()) == []


@pytest.mark.parametrize(
    ("row", "column", "value", "rules"),
    [
        ("granted", "natural_person", 61, ["t3_results_sum", "t3_row_total"]),
        ("new_received", "research", 3, ["t3_balance", "t3_row_total"]),
        ("carried_over", "total", 12, ["t3_balance", "t3_row_total"]),
        ("total", "other_org", 5, ["t3_balance", "t3_results_sum", "t3_row_total"]),
        ("other_other", "legal_service", 1, ["t3_results_sum", "t3_row_total"]),
    ],
)
def test_one_changed_cell_breaks_the_identities_it_is_part_of(row, column, value, rules):
    table3 = example_figures().table3
    table3[row][column] = value

    assert sorted({item.rule for item in check_table3(table3)}) == rules


def test_blank_total_counts_as_zero():
    table3 = example_figures().table3
    table3["total"]["research"] = None

    found = {(item.rule, item.where) for item in check_table3(table3)}

    assert ("t3_results_sum", "表三 （七）总计 × 科研机构") in found


@pytest.mark.parametrize("group", ["reconsideration", "litigation_direct"])
def test_table4_group_total(group):
    table4 = example_figures().table4
    table4[group]["pending"] += 1

    assert [item.rule for item in check_table4(table4)] == ["t4_total"]
