"""Find CJK fonts with TrueType outlines, which PDF writers can embed, one face per role.

A 公文 (GB/T 9704-2012) prints its title in 小标宋, its body in 仿宋 and its first-level
headings in 黑体. Those faces are commercial; the search takes the deployment's own copy when
installed and otherwise the nearest freely licensed face packaged by Debian: AR PL UMing
(fonts-arphic-uming, a Ming/Song face) for title and body, WenQuanYi Zen Hei
(fonts-wqy-zenhei) for headings. OpenType fonts with CFF outlines (Noto CJK) cannot be
embedded by reportlab, so the search looks for TrueType-outlined families by file name.

A deployment may name a file per role (GONGKAI_FONT_TITLE, GONGKAI_FONT_BODY,
GONGKAI_FONT_HEADING), or one file for every role (GONGKAI_LETTER_FONT).
"""

from enum import StrEnum
from functools import cache
from pathlib import Path

from django.conf import settings


class Role(StrEnum):
    TITLE = "title"
    BODY = "body"
    HEADING = "heading"


# Each role's faces, preferred first; every list ends with the other roles' free faces so a
# machine with any one of them still prints.
KNOWN_FILES = {
    Role.TITLE: ("FZXBSJW.TTF", "simsun.ttc", "uming.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc"),
    Role.BODY: ("simfang.ttf", "uming.ttc", "simsun.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc"),
    Role.HEADING: ("simhei.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc", "uming.ttc"),
}
FONT_DIRECTORIES = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)
SETTINGS = {
    Role.TITLE: "GONGKAI_FONT_TITLE",
    Role.BODY: "GONGKAI_FONT_BODY",
    Role.HEADING: "GONGKAI_FONT_HEADING",
}
# The names reportlab draws with, one per role.
PDF_FONT_NAMES = {role: f"GongkaiCJK-{role}" for role in Role}


class FontMissing(RuntimeError):
    """No embeddable CJK font is installed; the message says what to install."""


def cjk_font_path(role: Role = Role.BODY) -> Path:
    """The file configured for the role, or the first of the role's known faces installed."""
    for name in (SETTINGS[role], "GONGKAI_LETTER_FONT"):
        configured = getattr(settings, name, "")
        if configured:
            if Path(configured).is_file():
                return Path(configured)
            raise FontMissing(f"{name} 指定的字体文件不存在：{configured}")
    found = _search(KNOWN_FILES[role])
    if found is None:
        raise FontMissing(
            "找不到可嵌入 PDF 的中文 TrueType 字体：请安装 fonts-arphic-uming 和 "
            "fonts-wqy-zenhei，或用环境变量 GONGKAI_LETTER_FONT 指定字体文件"
        )
    return found


@cache
def _search(names: tuple[str, ...]) -> Path | None:
    for name in names:
        for directory in FONT_DIRECTORIES:
            if directory.is_dir():
                match = next(directory.rglob(name), None)
                if match is not None:
                    return match
    return None


@cache
def _register(font_name: str, path: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(font_name, path, subfontIndex=0))
    return font_name


def register_pdf_font(role: Role = Role.BODY) -> str:
    """Register the role's face with reportlab (once) and return the name to draw with."""
    return _register(PDF_FONT_NAMES[role], str(cjk_font_path(role)))
