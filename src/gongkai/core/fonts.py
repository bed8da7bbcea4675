"""Find a CJK font with TrueType outlines, which PDF writers can embed.

OpenType fonts with CFF outlines (Noto CJK) cannot be embedded by reportlab, so the search
looks for TrueType-outlined families by file name under the usual font directories. A
deployment may name a file with the GONGKAI_LETTER_FONT setting instead.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

# Preferred first: WenQuanYi Zen Hei is packaged by Debian as fonts-wqy-zenhei.
KNOWN_FILES = (
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "uming.ttc",
    "ukai.ttc",
    "DroidSansFallbackFull.ttf",
    "simsun.ttc",
    "simfang.ttf",
)
FONT_DIRECTORIES = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)
PDF_FONT_NAME = "GongkaiCJK"


class FontMissing(RuntimeError):
    """No embeddable CJK font is installed; the message says what to install."""


def cjk_font_path() -> Path:
    """The configured font file, or the first known TrueType CJK font found on the system."""
    configured = getattr(settings, "GONGKAI_LETTER_FONT", "")
    if configured:
        if Path(configured).is_file():
            return Path(configured)
        raise FontMissing(f"GONGKAI_LETTER_FONT 指定的字体文件不存在：{configured}")
    found = _search()
    if found is None:
        raise FontMissing(
            "找不到可嵌入 PDF 的中文 TrueType 字体：请安装 fonts-wqy-zenhei，"
            "或用环境变量 GONGKAI_LETTER_FONT 指定字体文件"
        )
    return found


@cache
def _search() -> Path | None:
    for name in KNOWN_FILES:
        for directory in FONT_DIRECTORIES:
            if directory.is_dir():
                match = next(directory.rglob(name), None)
                if match is not None:
                    return match
    return None


@cache
def _register(path: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT_NAME, path, subfontIndex=0))
    return PDF_FONT_NAME


def register_pdf_font() -> str:
    """Register the CJK font with reportlab (once) and return the name to draw with."""
    return _register(str(cjk_font_path()))
