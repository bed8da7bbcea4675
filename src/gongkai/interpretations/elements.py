"""What an interpretation is made of: its forms and the element headings its text starts from.

国办发〔2016〕80号 实施细则 asks for text, graphic, audio-visual and question-and-answer
interpretations and for the media's; the local rules list the elements an interpretation covers
(engagement-and-oversight spec §4). A new interpretation's text is pre-filled with those headings
so the drafting unit writes under each ("谁起草、谁解读")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InterpretationForm(models.TextChoices):
    TEXT = "text", _("文字")
    GRAPHIC = "graphic", _("图解")
    VIDEO = "video", _("音视频")
    QA = "qa", _("问答")
    MEDIA = "media", _("媒体解读")


ELEMENT_HEADINGS = (
    "背景依据",
    "目标任务",
    "主要内容",
    "适用范围",
    "执行标准",
    "注意事项",
    "关键词注释",
    "新旧政策差异",
)
NUMERALS = "一二三四五六七八九十"

# The 体裁 an interpretation's catalog item carries, created by this app's data migration.
GENRE = "政策解读"
# The genre every agency's 同步 setting covers; the agency marks others besides.
REGULATORY_GENRE = "规范性文件"


def template_body() -> str:
    """The text a new interpretation starts with: each element as a numbered heading."""
    return (
        "\n\n".join(
            f"{NUMERALS[n]}、{heading}\n" for n, heading in enumerate(ELEMENT_HEADINGS)
        ).rstrip()
        + "\n"
    )
