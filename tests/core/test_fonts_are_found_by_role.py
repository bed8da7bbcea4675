"""PDF faces are found per role of the 公文 layout: a Song face for title and body, a Hei face
for headings; a deployment's setting for a role wins, and a missing file is named."""

import pytest

from gongkai.core import fonts


@pytest.fixture
def unconfigured(settings):
    for name in (*fonts.SETTINGS.values(), "GONGKAI_LETTER_FONT"):
        setattr(settings, name, "")
    return settings


def test_each_role_finds_its_free_face(unconfigured):
    # CI installs fonts-arphic-uming and fonts-wqy-zenhei (.ci/run).
    assert fonts.cjk_font_path(fonts.Role.TITLE).name == "uming.ttc"
    assert fonts.cjk_font_path(fonts.Role.BODY).name == "uming.ttc"
    assert fonts.cjk_font_path(fonts.Role.HEADING).name == "wqy-zenhei.ttc"


def test_a_role_setting_wins_over_the_letter_font(unconfigured):
    hei = fonts.cjk_font_path(fonts.Role.HEADING)
    song = fonts.cjk_font_path(fonts.Role.BODY)
    unconfigured.GONGKAI_LETTER_FONT = str(hei)
    unconfigured.GONGKAI_FONT_BODY = str(song)
    assert fonts.cjk_font_path(fonts.Role.BODY) == song
    assert fonts.cjk_font_path(fonts.Role.TITLE) == hei


def test_a_configured_file_that_is_missing_is_named(unconfigured, tmp_path):
    unconfigured.GONGKAI_FONT_HEADING = str(tmp_path / "missing.ttf")
    with pytest.raises(fonts.FontMissing, match="GONGKAI_FONT_HEADING 指定的字体文件不存在"):
        fonts.cjk_font_path(fonts.Role.HEADING)
