"""Classification and internal-circulation marks are caught; legal wording about secrets is not."""

import pytest

from gongkai.checks import Severity

from .support import found, found_texts

DOCUMENT_WITH_MARK = (
    "机密★10年\n"
    "县人民政府办公室关于做好防汛物资调拨工作的通知\n"
    "各乡镇人民政府，县直各有关单位：\n"
    "现将有关事项通知如下。"
)


def test_classification_with_period_is_a_blocking_finding_at_its_offsets():
    [finding] = found(DOCUMENT_WITH_MARK, "secret_marking")
    assert finding.severity == Severity.BLOCK
    assert (finding.start, finding.end) == (0, 6)
    assert DOCUMENT_WITH_MARK[finding.start : finding.end] == "机密★10年"
    assert "不得公开" in finding.message


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("绝密★启用前\n2024年全县事业单位公开招聘笔试试卷", "绝密★启用前"),
        ("秘密，保密期限：5年\n关于调整干部任职的通知", "秘密，保密期限：5年"),
        ("密级：机密\n紧急程度：特急", "密级：机密"),
        ("【内部资料】\n全县信访形势分析", "内部资料"),
        ("内部资料 注意保密\n2023年第三季度维稳工作简报", "内部资料 注意保密"),
        ("本材料仅供内部参考，请勿转发。", "仅供内部参考"),
        ("会议纪要（此件不公开）", "（此件不公开）"),
        ("秘密\n县委办公室关于某项工作的请示", "秘密"),
        ("会议材料\n注意保密\n", "注意保密"),
        ("（请勿外传）工作简报", "请勿外传"),
    ],
)
def test_marks_of_every_form_are_found(text, mark):
    assert found_texts(text, "secret_marking") == [mark]


@pytest.mark.parametrize(
    "text",
    [
        "行政机关不得公开涉及国家秘密、商业秘密、个人隐私的政府信息。",
        "第三方认为涉及其商业秘密的，应当在15个工作日内提出意见。",
        "认真落实保守国家秘密法，严格执行保密审查制度，做到“先审查、后公开”。",
        "对于是否属于国家秘密不明确的，及时报请保密工作部门确定。",
        "印发文件只针对单位内部股室，不宜在政府网站进行公开。",
        "主动公开的政府信息不包括机关内部管理信息。",
        "对举报人的姓名、身份应当注意保密，不得泄露。",
        "相关材料严禁外传，由专人保管。",
    ],
)
def test_ordinary_wording_about_secrets_is_not_a_mark(text):
    assert found(text, "secret_marking") == []
