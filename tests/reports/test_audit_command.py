"""`gongkai report audit`: one report in detail or as JSON, a folder as a summary table."""

import io
import json

from django.core.management import call_command

from tests.reports.makers import example_figures, html_report, text_report


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "audit", *args, stdout=out)
    return out.getvalue()


def test_json_has_exactly_the_published_keys(tmp_path):
    figures = example_figures()
    figures.table4["reconsideration"]["total"] = 5
    path = tmp_path / "report.html"
    path.write_text(html_report(figures, "2021", 2022, "某县财政局"), encoding="utf-8")

    data = json.loads(_run(str(path), "--json"))

    assert list(data) == [
        "format",
        "year",
        "agency",
        "table2",
        "table3",
        "table4",
        "inconsistencies",
    ]
    assert (data["format"], data["year"], data["agency"]) == ("2021", 2022, "某县财政局")
    assert list(data["table2"]) == [
        "regulations",
        "normative_documents",
        "licensing",
        "punishment",
        "coercion",
        "fees",
    ]
    assert data["table2"]["fees"] == 12.5
    assert data["table3"]["carried_forward"]["legal_service"] == 1
    assert list(data["table3"]["granted"]) == [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other_org",
        "total",
    ]
    assert data["table4"]["reconsideration"]["total"] == 5
    assert data["inconsistencies"] == [
        {
            "rule": "t4_total",
            "where": "表四 行政复议",
            "detail": "结果维持、结果纠正、其他结果、尚未审结之和为 4，总计为 5",
        }
    ]


def test_text_output_shows_figures_and_failures(tmp_path):
    figures = example_figures()
    figures.table3["total"]["total"] = 144
    path = tmp_path / "report.txt"
    path.write_text(text_report(figures, "2021", 2022), encoding="utf-8")

    output = _run(str(path))

    assert "年度：2022" in output
    assert "120 | 15 | 2 | 1 | 6 | 4 | 148 | 一、本年新收政府信息公开申请数量" in output
    assert "[t3_results_sum] 表三 （七）总计 × 总计" in output
    assert "[t3_row_total] 表三 （七）总计" in output


def test_folder_gives_a_summary_of_which_file_fails_which_rule(tmp_path):
    good = example_figures()
    unbalanced = example_figures()
    unbalanced.table3["carried_forward"]["natural_person"] = 12
    unbalanced.table3["carried_forward"]["total"] = 15
    bad_appeals = example_figures("2019")
    bad_appeals.table4["litigation_direct"]["total"] = 3
    (tmp_path / "a-good.html").write_text(html_report(good, "2021", 2022), encoding="utf-8")
    (tmp_path / "b-unbalanced.html").write_text(
        html_report(unbalanced, "2021", 2022), encoding="utf-8"
    )
    (tmp_path / "c-appeals.txt").write_text(
        text_report(bad_appeals, "2019", 2020), encoding="utf-8"
    )
    (tmp_path / "d-broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")

    lines = _run(str(tmp_path)).splitlines()

    assert lines[0].split("\t") == ["文件", "格式", "年度", "t3_balance", "t4_total"]
    rows = {line.split("\t")[0].rsplit("/", 1)[-1]: line.split("\t")[1:] for line in lines[1:-1]}
    assert rows["a-good.html"] == ["2021", "2022", "", ""]
    assert rows["b-unbalanced.html"] == ["2021", "2022", "✗", ""]
    assert rows["c-appeals.txt"] == ["2019", "2020", "", "✗"]
    assert rows["d-broken.pdf"][0] == "读取失败"
    assert "ignored.png" not in rows
    assert lines[-1] == "共 4 份：读取失败 1 份，全部通过 1 份，有不一致 2 份"


def test_several_files_as_json_list_each_with_its_file(tmp_path):
    first = tmp_path / "one.html"
    second = tmp_path / "two.html"
    first.write_text(html_report(example_figures(), "2021", 2022), encoding="utf-8")
    second.write_text(html_report(example_figures("2019"), "2019", 2019), encoding="utf-8")

    data = json.loads(_run(str(first), str(second), "--json"))

    assert [(item["file"], item["format"]) for item in data] == [
        (str(first), "2021"),
        (str(second), "2019"),
    ]
