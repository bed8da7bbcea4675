"""Table 2's 规章 and 规范性文件 rows are read when their digits ran together, or listed."""

from gongkai.reports.audit import render_report
from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_text
from tests.reports.makers import example_figures, text_report


def _read(regulations: str, normative: str):
    text = text_report(example_figures("2021"), "2021", 2022)
    assert "规章 2 1 15" in text and "行政规范性文件 8 3 60" in text
    text = text.replace("规章 2 1 15", regulations).replace("行政规范性文件 8 3 60", normative)
    return parse_document(read_text(text), "2022.txt")


def test_a_run_that_splits_one_way_only_is_read():
    report = _read("规章000", "行政规范性文件 8 3 60")

    assert report.figures.table2.regulations == {"issued": 0, "repealed": 0, "in_force": 0}
    assert not [i for i in report.inconsistencies if i.where.startswith("表二")]
    assert report.notes == ["表二 规章：「000」只有一种拆分，读作 0,0,0"]


def test_a_run_of_many_splits_is_listed_with_its_candidates_not_left_blank_silently():
    report = _read("规章 2 1 15", "行政规范性文件693665")

    assert report.figures.table2.normative_documents == dict.fromkeys(
        ("issued", "repealed", "in_force")
    )
    [unsure] = [i for i in report.inconsistencies if i.rule == "ambiguous_split"]
    assert unsure.where == "表二 行政规范性文件"
    assert "「693665」可拆分为多种读法（6,9,3665；6,93,665；6,936,65；6,9366,5等）" in unsure.detail
    assert "[ambiguous_split] 表二 行政规范性文件：「693665」" in render_report(report)
