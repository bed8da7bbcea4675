"""An agency's report of the year before settles run-together rows and checks the identities
between the years: 上年结转 = last year's 结转下年度, 现行有效 = last year's + 制发 − 废止."""

from django.core.management import call_command

from gongkai.reports.audit import audit_files
from gongkai.reports.figures import TABLE3_COLUMN_KEYS
from gongkai.reports.importer import parse_document
from gongkai.reports.importer.documents import read_text
from gongkai.reports.models import AnnualReport
from tests.reports.makers import example_figures, text_report

ELEVEN = (11, 0, 0, 0, 0, 0, 11)


def _figures(in_force: int):
    """A consistent year that carries 11 applications of natural persons in and out again."""
    figures = example_figures("2021")
    table3 = figures.table3
    table3["carried_over"] = dict(zip(TABLE3_COLUMN_KEYS, ELEVEN, strict=True))
    table3["carried_forward"] = dict(zip(TABLE3_COLUMN_KEYS, ELEVEN, strict=True))
    table3["new_received"] = dict(table3["total"])
    figures.table2.regulations = {"issued": 0, "repealed": 0, "in_force": 15}
    figures.table2.normative_documents = {"issued": 69, "repealed": 3, "in_force": in_force}
    return figures


def _run_together(year: int, agency: str = "某市自然资源局") -> str:
    """This year's report with the digits of three rows run together as scraped pages show."""
    text = text_report(_figures(665), "2021", year, agency)
    for published, damaged in (
        ("行政规范性文件 69 3 665", "行政规范性文件693665"),
        (
            "二、上年结转政府信息公开申请数量 11 0 0 0 0 0 11",
            "二、上年结转政府信息公开申请数量 1100000 11",
        ),
        ("四、结转下年度继续办理 11 0 0 0 0 0 11", "四、结转下年度继续办理 1100000 11"),
    ):
        assert published in text
        text = text.replace(published, damaged)
    return text


def _unsure(report) -> list[str]:
    return [item.where for item in report.inconsistencies if item.rule == "ambiguous_split"]


def test_alone_the_three_rows_are_listed_as_unsure():
    report = parse_document(read_text(_run_together(2022)))

    assert _unsure(report) == [
        "表二 行政规范性文件",
        "表三 二、上年结转政府信息公开申请数量",
        "表三 四、结转下年度继续办理",
    ]


def test_last_years_report_settles_them():
    # 599 + 69 − 3 = 665 is the only split of 693665 that continues last year's count in force.
    report = parse_document(read_text(_run_together(2022)), previous=_figures(599))

    assert _unsure(report) == []
    assert report.figures.table2.normative_documents == {
        "issued": 69,
        "repealed": 3,
        "in_force": 665,
    }
    assert tuple(report.figures.table3["carried_over"].values()) == ELEVEN
    assert tuple(report.figures.table3["carried_forward"].values()) == ELEVEN
    assert report.inconsistencies == []
    assert any("按上年报告的结转下年度和现行有效件数拆分为 69,3,665" in n for n in report.notes)
    assert any("在上年结转确定后按表内勾稽关系拆分为 11,0,0,0,0,0,11" in n for n in report.notes)


def test_the_audit_of_a_folder_compares_an_agencys_consecutive_years(tmp_path):
    (tmp_path / "2021.txt").write_text(text_report(_figures(599), "2021", 2021), "utf-8")
    (tmp_path / "2022.txt").write_text(_run_together(2022), "utf-8")
    (tmp_path / "other-2021.txt").write_text(
        text_report(_figures(599), "2021", 2021, "某市交通运输局"), "utf-8"
    )
    (tmp_path / "other-2022.txt").write_text(_run_together(2022, "某市生态环境局"), "utf-8")

    entries = {entry.path.name: entry.report for entry in audit_files(sorted(tmp_path.iterdir()))}

    assert entries["2022.txt"].inconsistencies == []
    # Another agency's report of the year before settles nothing.
    assert len(_unsure(entries["other-2022.txt"])) == 3


def test_breaks_between_the_years_are_reported(tmp_path):
    before = _figures(500)
    before.table3["carried_forward"] = dict(
        zip(TABLE3_COLUMN_KEYS, (9, 0, 0, 0, 0, 0, 9), strict=True)
    )
    (tmp_path / "2021.txt").write_text(text_report(before, "2021", 2021), "utf-8")
    (tmp_path / "2022.txt").write_text(text_report(_figures(665), "2021", 2022), "utf-8")

    [_, this_year] = audit_files(sorted(tmp_path.iterdir()))

    rules = [(item.rule, item.where) for item in this_year.report.inconsistencies]
    assert ("in_force_mismatch", "表二 行政规范性文件") in rules
    assert ("carry_over_mismatch", "表三 二、上年结转 × 自然人") in rules
    assert ("carry_over_mismatch", "表三 二、上年结转 × 总计") in rules


def test_importing_the_next_year_uses_the_report_already_imported(agency_a, tmp_path):
    for year, text in (
        (2021, text_report(_figures(599), "2021", 2021)),
        (2022, _run_together(2022)),
    ):
        path = tmp_path / f"{year}.txt"
        path.write_text(text, "utf-8")
        call_command(
            "report", "import", str(path), "--agency", agency_a.credit_code, "--year", str(year)
        )

    imported = AnnualReport.objects.get(agency=agency_a, year=2022)
    assert imported.inconsistencies == []
    assert imported.figures["table2"]["normative_documents"]["in_force"] == 665


def test_reports_that_share_a_name_and_year_are_not_paired(tmp_path):
    (tmp_path / "2021.txt").write_text(text_report(_figures(599), "2021", 2021), "utf-8")
    (tmp_path / "2021-copy.txt").write_text(text_report(_figures(500), "2021", 2021), "utf-8")
    (tmp_path / "2022.txt").write_text(_run_together(2022), "utf-8")

    entries = {entry.path.name: entry.report for entry in audit_files(sorted(tmp_path.iterdir()))}

    assert len(_unsure(entries["2022.txt"])) == 3
