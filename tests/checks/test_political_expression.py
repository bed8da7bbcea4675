"""Non-standard political formulations are caught; the standard forms pass."""

import pytest

from gongkai.checks import Severity

from .support import found


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("统筹推进五位一体战略布局和四个全面战略布局。", "五位一体总体布局"),
        ("深入学习习近平新时代特色社会主义思想。", "习近平新时代中国特色社会主义思想"),
        ("积极参与一带一路战略，扩大对外开放。", "一带一路倡议"),
        ("台湾总统选举结果公布后，", "台湾地区领导人"),
    ],
)
def test_wrong_form_blocks_with_the_standard_form_suggested(text, right):
    [finding] = found(text, "political_expression")
    assert finding.suggestion == right
    assert finding.severity == Severity.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "坚持和发展中国特色的社会主义。",
        # Correct when writing about the years before 1997, so a reviewer decides.
        "据香港政府公布的数据，",
    ],
)
def test_entries_marked_as_warnings_do_not_block(text):
    [finding] = found(text, "political_expression")
    assert finding.severity == Severity.WARN


@pytest.mark.parametrize(
    "text",
    [
        "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
        "以习近平新时代中国特色社会主义思想为指导。",
        "高质量共建“一带一路”倡议。",
        "香港特别行政区政府和澳门特区政府。",
        "促进内地与香港经贸合作。",
    ],
)
def test_standard_forms_pass(text):
    assert found(text, "political_expression") == []
