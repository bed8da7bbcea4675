"""Internal-circulation marks without a 密级 are caught; the same words in legal prose are not."""

import pytest

from gongkai.checks import Severity

from .support import found


@pytest.mark.parametrize(
    ("text", "marks", "severity"),
    [
        ("此件注意保密，用后收回。\n全县安全生产大检查情况通报", ["注意保密"], Severity.BLOCK),
        ("本材料不得外传\n2024年第三季度信访形势分析", ["不得外传"], Severity.BLOCK),
        ("本简报系内部资料\n一、基本情况", ["内部资料"], Severity.BLOCK),
        ("本件为内部文件，阅后请交回。", ["内部文件"], Severity.BLOCK),
        ("内部资料　第5期\n县政府办公室编　2024年6月3日", ["内部资料"], Severity.BLOCK),
        ("内部文件 2023年\n关于调整工作分工的通知", ["内部文件"], Severity.BLOCK),
        ("内部资料，免费交流\n准印证号：（2024）第0012号", ["内部资料，免费交流"], Severity.WARN),
    ],
)
def test_internal_marks_are_found_at_their_severity(text, marks, severity):
    findings = found(text, "secret_marking")
    assert [f.text for f in findings] == marks
    assert {f.severity for f in findings} == {severity}
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    "text",
    [
        # Real wording from the shared corpus: 上海市宗教事务条例, 最高人民法院关于审理名誉权案件
        # 若干问题的解答.
        "宗教团体、宗教院校和寺观教堂可以编印、发送宗教内部资料性出版物。",
        "机关、社会团体、学术机构、企事业单位分发本单位、本系统或者其他一定范围内的"
        "一般内部刊物和内部资料所载内容引起的名誉权纠纷，人民法院是否受理？",
        "本办法所称内部资料性出版物，是指在本行业、本系统、本单位内部，用于指导工作的资料。",
        "本文件所称内部文件，是指机关内部管理形成的文件。",
        "对举报人的姓名、身份应当注意保密，不得泄露。",
        "各单位要严格管理内部文件，不得将内部文件上传至门户网站。",
    ],
)
def test_internal_wording_in_prose_is_not_a_mark(text):
    assert found(text, "secret_marking") == []
