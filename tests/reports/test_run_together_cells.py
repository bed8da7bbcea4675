"""Cells that ran together or fell apart are recovered from the table's identities, or reported."""

from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_text
from tests.reports.makers import example_figures, text_report

NEW_RECEIVED = "一、本年新收政府信息公开申请数量 120 15 2 1 6 4 148"


def _read(text: str):
    return parse_document(read_text(text))


def _replace(text: str, published: str, damaged: str) -> str:
    assert published in text
    return text.replace(published, damaged)


def test_issue_example_1700000_17_is_17_then_zeros():
    figures = example_figures("2021")
    rows = figures.table3
    # Seventeen new applications, all from natural persons, all granted.
    rows["new_received"] = dict.fromkeys(rows["new_received"], 0) | {
        "natural_person": 17,
        "total": 17,
    }
    rows["carried_over"] = dict.fromkeys(rows["carried_over"], 0)
    for key in rows:
        if key not in ("new_received", "carried_over"):
            rows[key] = dict.fromkeys(rows[key], 0)
    rows["granted"] |= {"natural_person": 17, "total": 17}
    rows["total"] |= {"natural_person": 17, "total": 17}
    text = text_report(figures, "2021", 2022)
    text = _replace(
        text,
        "一、本年新收政府信息公开申请数量 17 0 0 0 0 0 17",
        "一、本年新收政府信息公开申请数量1700000 17",
    )

    report = _read(text)

    assert report.figures.table3["new_received"] == {
        "natural_person": 17,
        "commercial": 0,
        "research": 0,
        "social_welfare": 0,
        "legal_service": 0,
        "other_org": 0,
        "total": 17,
    }
    assert report.inconsistencies == []
    assert len(report.notes) == 1
    assert "1700000 17" in report.notes[0]
    assert "17,0,0,0,0,0,17" in report.notes[0]


def test_row_with_every_border_lost_is_split_by_the_column_identities():
    figures = example_figures("2021")
    text = _replace(
        text_report(figures, "2021", 2022),
        NEW_RECEIVED,
        "一、本年新收政府信息公开申请数量120152164148",
    )

    report = _read(text)

    assert report.figures.table3["new_received"] == figures.table3["new_received"]
    assert report.inconsistencies == []


def test_cell_split_by_stray_spaces_is_joined_back():
    figures = example_figures("2021")
    text = _replace(
        text_report(figures, "2021", 2022),
        NEW_RECEIVED,
        "一、本年新收政府信息公开申请数量 1 20 15 2 1 6 4 1 48",
    )

    report = _read(text)

    assert report.figures.table3["new_received"] == figures.table3["new_received"]
    assert report.inconsistencies == []


def test_two_rows_that_could_swap_are_reported_as_ambiguous_not_guessed():
    figures = example_figures("2021")
    table3 = figures.table3
    # 4.保护第三方 is 11, 0 and 8.行政查询事项 is 1, 10 for the first two columns; read run
    # together, each could be either, and both readings satisfy every identity.
    table3["denied_third_party"] |= {"natural_person": 11, "commercial": 0, "total": 11}
    table3["denied_admin_query"] |= {"natural_person": 1, "commercial": 10, "total": 11}
    for column, change in (("natural_person", 9), ("commercial", 9), ("total", 18)):
        table3["total"][column] += change
        table3["new_received"][column] += change
    text = text_report(figures, "2021", 2022)
    text = _replace(text, "4.保护第三方合法权益 11 0 0 0 0 0 11", "4.保护第三方合法权益 1100000 11")
    text = _replace(text, "8.属于行政查询事项 1 10 0 0 0 0 11", "8.属于行政查询事项 1100000 11")

    report = _read(text)

    ambiguous = [item for item in report.inconsistencies if item.rule == "ambiguous_split"]
    assert [item.where for item in ambiguous] == [
        "表三 4.保护第三方合法权益",
        "表三 8.属于行政查询事项",
    ]
    assert "11,0,0,0,0,0,11" in ambiguous[0].detail
    assert "1,10,0,0,0,0,11" in ambiguous[0].detail
    assert report.figures.table3["denied_third_party"]["total"] is None
    assert report.figures.table3["denied_admin_query"]["total"] is None


def test_a_single_doubtful_row_is_settled_by_the_column_totals():
    figures = example_figures("2021")
    table3 = figures.table3
    table3["denied_admin_query"] |= {"natural_person": 1, "commercial": 10, "total": 11}
    for column, change in (("natural_person", 1), ("commercial", 10), ("total", 11)):
        table3["total"][column] += change
        table3["new_received"][column] += change
    text = _replace(
        text_report(figures, "2021", 2022),
        "8.属于行政查询事项 1 10 0 0 0 0 11",
        "8.属于行政查询事项 1100000 11",
    )

    report = _read(text)

    assert report.figures.table3["denied_admin_query"]["commercial"] == 10
    assert report.inconsistencies == []
    assert len(report.notes) == 1


def test_row_with_too_few_numbers_is_reported_unreadable():
    figures = example_figures("2021")
    text = _replace(
        text_report(figures, "2021", 2022), "2.重复申请 3 1 0 0 0 0 4", "2.重复申请 3 4"
    )

    report = _read(text)

    unreadable = [item for item in report.inconsistencies if item.rule == "unreadable_cells"]
    assert [item.where for item in unreadable] == ["表三 2.重复申请"]
    assert report.figures.table3["not_processed_repeat"]["total"] is None
