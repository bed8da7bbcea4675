"""The five real reports in shared/samples produce the findings their README describes."""

import pytest

from gongkai.checks import Severity, check_file

from .support import SAMPLE_REPORTS

REPORTS = [
    "county-resettlement-bureau-report.txt",
    "city-civil-affairs-review-report.txt",
    "ganzhou-poverty-office-2011-report.txt",
    "lijia-town-2017-report.txt",
    "mouding-petitions-bureau-2019-report.txt",
]


def findings_of(name: str, kind: str) -> list[tuple[str, str]]:
    text, findings = check_file(SAMPLE_REPORTS / name)
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    return [(f.text, f.suggestion) for f in findings if f.kind == kind]


def test_spam_is_found_in_exactly_the_two_defaced_reports():
    spammed = {name for name in REPORTS if findings_of(name, "spam_injection")}
    assert spammed == {"ganzhou-poverty-office-2011-report.txt", "lijia-town-2017-report.txt"}


def test_ganzhou_report_carries_the_injected_casino_names():
    texts = [
        text for text, _ in findings_of("ganzhou-poverty-office-2011-report.txt", "spam_injection")
    ]
    assert texts == ["英皇娱乐", "英皇国际娱乐"]


def test_lijia_report_carries_the_injected_brand_in_title_and_links():
    texts = [text for text, _ in findings_of("lijia-town-2017-report.txt", "spam_injection")]
    # Title, the body's two mentions, and the two "previous/next" links.
    assert texts.count("开云手机") == 5
    assert texts.count("官网入口") == 5
    assert texts.count("·(中国)官方网站") == 5


def test_lijia_blocks_publication():
    _, findings = check_file(SAMPLE_REPORTS / "lijia-town-2017-report.txt")
    assert any(f.severity == Severity.BLOCK for f in findings)


def test_rewriter_damage_is_found_in_the_city_report():
    found = set(findings_of("city-civil-affairs-review-report.txt", "miswritten_word"))
    # The words the README names, with the word the rewriter replaced.
    assert {
        ("根底", "基础"),
        ("原那么", "原则"),
        ("本钱费", "成本费"),
        ("催促检查", "督促检查"),
        ("宣扬培训", "宣传培训"),
        ("播送、电视", "广播、电视"),
    } <= found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "county-resettlement-bureau-report.txt",
            ["年3月11日", "年12月31日", "年度", "年", "年度", "年", "年"],
        ),
        (
            "city-civil-affairs-review-report.txt",
            ["年1月1日", "年12月31日", "年", "年12月31日", "年1月1日", "年12月31日", "年"],
        ),
    ],
)
def test_blanked_years_are_found_in_the_two_reports_that_lost_them(name, expected):
    assert [text for text, _ in findings_of(name, "incomplete_date")] == expected


def test_no_blanked_years_in_the_other_reports():
    for name in REPORTS[2:]:
        assert findings_of(name, "incomplete_date") == []


def test_pinyin_debris_is_found_only_in_the_mouding_report():
    glosses = [
        text for text, _ in findings_of("mouding-petitions-bureau-2019-report.txt", "garbled_text")
    ]
    assert glosses[:3] == ["(wù)", "(lǐng)", "(dǎo)"]
    assert "/font>" in glosses
    for name in REPORTS[:4]:
        assert findings_of(name, "garbled_text") == []


def test_mouding_doc_number_missing_hao_is_found():
    assert findings_of("mouding-petitions-bureau-2019-report.txt", "doc_number_format") == [
        ("〔2019〕26", "〔2019〕26号")
    ]
