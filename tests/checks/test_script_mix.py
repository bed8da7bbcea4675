"""Characters of the other script are caught in both directions; a single-script text passes."""

from .support import found

SIMPLIFIED_WITH_STRAY = "县政府信息公开工作领导小组办公室设在县政府办公室，負责日常工作。"
TRADITIONAL_WITH_STRAY = (
    "牟定縣信訪局政府信息與政務公開工作在縣委的正確領導下，取得了實效，干部职工認真學習。"
)


def test_traditional_character_in_a_simplified_text():
    [finding] = found(SIMPLIFIED_WITH_STRAY, "script_mix")
    assert (finding.text, finding.suggestion) == ("負", "负")
    assert "简体" in finding.message


def test_simplified_character_in_a_traditional_text():
    [finding] = found(TRADITIONAL_WITH_STRAY, "script_mix")
    assert (finding.text, finding.suggestion) == ("职", "職")


def test_characters_valid_in_traditional_text_are_not_stray():
    # 干 (若干, 干涉), 余 and 咸 are traditional characters too, though simplified text uses
    # 干 for 幹: only characters outside Big5 count as simplified.
    assert found("各部會首長若干人，不受任何干涉，余必遵守憲法，永矢咸遵。", "script_mix") == []


def test_characters_listed_as_normal_in_simplified_text_pass():
    assert found("开展二噁英监测，保护白鱀豚，电影《哪吒》创造纪录。", "script_mix") == []


def test_single_script_texts_pass():
    assert found("县政府信息公开工作领导小组办公室负责日常工作。", "script_mix") == []
    assert found("縣政府資訊公開工作領導小組辦公室負責日常工作。", "script_mix") == []


def test_characters_shared_by_regional_standards_are_not_stray():
    # Taiwan writes 群, not OpenCC's 羣: 群眾 is correct traditional text.
    assert found("接受群眾查閱和監督，認真學習條例。", "script_mix") == []
