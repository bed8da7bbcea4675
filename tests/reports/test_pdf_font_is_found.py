"""The PDF font is the configured file, or a TrueType CJK font found in the font directories."""

import pytest

from gongkai.core import fonts


def test_a_truetype_cjk_font_is_found_without_configuration(settings):
    settings.GONGKAI_LETTER_FONT = ""
    path = fonts.cjk_font_path()
    assert path.name in fonts.KNOWN_FILES


def test_a_configured_file_that_is_missing_is_named(settings, tmp_path):
    settings.GONGKAI_LETTER_FONT = str(tmp_path / "missing.ttf")
    with pytest.raises(fonts.FontMissing, match="字体文件不存在"):
        fonts.cjk_font_path()
