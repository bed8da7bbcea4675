"""Known 错别字 and rewriter damage are caught with the right word as the suggestion."""

import pytest

from gongkai.checks import Severity

from .support import found


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("夯实信息工作根底，政府信息公开取得良好效果。", "根底", "基础"),
        ("坚持“谁公开、谁审核、谁负责”的原那么。", "原那么", "原则"),
        ("对申请费用进行减免或收取本钱费。", "本钱费", "成本费"),
        ("市政府办公室定期对各部门进行催促检查。", "催促检查", "督促检查"),
        ("利用播送电视、网络、报纸等媒体加大宣传力度。", "播送电视", "广播电视"),
        ("对年度重点任务作出全面布署。", "布署", "部署"),
        ("希望全体干部再接再励，再创佳绩。", "再接再励", "再接再厉"),
    ],
)
def test_wrong_word_is_found_with_the_right_one_suggested(text, wrong, right):
    [finding] = found(text, "miswritten_word")
    assert (finding.text, finding.suggestion) == (wrong, right)
    assert finding.severity == Severity.WARN
    assert right in finding.message


def test_rewriter_damage_is_explained_as_such():
    [finding] = found("强化政府信息公开宣扬培训。", "miswritten_word")
    assert "改写" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "截止2023年12月31日，共公开信息30余条。",
        "截止年12月31日，共公开信息30余条。",
        "截止目前，我局未收到申请。",
        "截止二〇二三年底，全县脱贫人口稳定增收。",
    ],
)
def test_jiezhi_before_a_date_should_be_jiezhi_until(text):
    [finding] = found(text, "miswritten_word")
    assert (finding.text, finding.suggestion) == ("截止", "截至")


@pytest.mark.parametrize(
    "text",
    [
        "报名时间于2024年5月31日17:00截止。",
        "申报截止日期为6月30日。",
        "截止到2023年底，累计完成投资5亿元。",
        "逾期未缴纳的，视为放弃，受理工作即行截止。",
        "不得宣扬恐怖主义、极端主义。",
        "各地要加强应急物资的供应保障。",
        "会议准时召开。",
        "按排名先后确定入围人选。",
        "严禁在网上发布署名不实的文章。",
    ],
)
def test_correct_usage_is_not_flagged(text):
    assert found(text, "miswritten_word") == []
