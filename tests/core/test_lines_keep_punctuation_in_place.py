"""Lines of the 公文 grid never start with a closing mark nor end with an opening one (避头尾),
keep numbers and «——» whole, and fill the measure otherwise."""

import pytest

from gongkai.core.line_breaking import CANNOT_END, CANNOT_START, break_lines


@pytest.mark.parametrize(
    ("text", "columns", "indent", "expected"),
    [
        # A plain break fills the measure.
        ("一二三四五六七八九十", 4, 0, ["一二三四", "五六七八", "九十"]),
        # The first line stands two characters in.
        ("一二三四五六七八", 4, 2, ["一二", "三四五六", "七八"]),
        # 「，」 would start the second line: one character goes down with it.
        ("一二三四，五六", 4, 0, ["一二三", "四，五六"]),
        # So would 「。”」: both marks go down with the character before them.
        ("一二三明细。”完", 5, 0, ["一二三明", "细。”完"]),
        # 「（」 would end the first line: it goes down to the bracket's text.
        ("一二三（四）五", 4, 0, ["一二三", "（四）五"]),
        # 「“」 likewise.
        ("一二三“四”", 4, 0, ["一二三", "“四”"]),
        # Full-width ；：？！ and 》 are closing marks too.
        ("一二三四；五", 4, 0, ["一二三", "四；五"]),
        ("一二三四：五", 4, 0, ["一二三", "四：五"]),
        ("一二三《四》", 5, 0, ["一二三", "《四》"]),
        # A year stays whole (two digits are one cell).
        ("一二三2026年", 4, 0, ["一二三", "2026年"]),
        # A 破折号 is not split.
        ("一二三——四", 4, 0, ["一二三", "——四"]),
        # Nothing to move to: the line breaks where it must.
        ("，，，，，，", 4, 0, ["，，，，", "，，"]),
        # Continuation lines of an enclosure hang under its name.
        ("附件：1. 名称很长的文件", 10, 2, ["附件：1. 名称很", "长的文", "件"]),
    ],
)
def test_breaks(text, columns, indent, expected):
    hanging = 6.5 if text.startswith("附件") else 0
    assert break_lines(text, columns, indent, hanging) == expected


def test_no_line_of_a_real_letter_starts_or_ends_with_a_wrong_mark():
    text = (
        "本机关于2025年10月27日收到您（单位）提出的政府信息公开申请（申请编号GK2025-00012），"
        "所需信息为：“2024年度本县城乡低保资金发放情况”。经审查，现答复如下：您申请获取的"
        "政府信息中含有不应当公开的内容；本机关作区分处理！是否？《条例》第三十七条。"
    )
    for columns in range(6, 29):
        lines = break_lines(text, columns, 2)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (columns, line)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (columns, line)
