"""Text normalisation shared by the readers: width, punctuation and traditional characters.

Published reports mix full-width and half-width forms, and some sites serve them in traditional
characters; labels and narrative patterns are matched against one normalised form.
"""

import re
import unicodedata

# Only the traditional characters that occur in report labels and the narrative phrases the
# importer looks for; a full converter would be a dependency for no gain here.
_TRADITIONAL = str.maketrans(
    "務開請數結轉處區計這屬國祕規穩護權類內過執詢項無機關現沒補訪舉報訴複復確認獲費納總繼續辦議"
    "訟維糾審許罰強廢發條製實縣級單門構經營業組織學團體會種應為與個來對從將網絡時間產際劃歸並據"
    "狀況誤錯稱說詳於衛電話郵傳統資訊價負責當歷證們",
    "务开请数结转处区计这属国秘规稳护权类内过执询项无机关现没补访举报诉复复确认获费纳总继续办议"
    "讼维纠审许罚强废发条制实县级单门构经营业组织学团体会种应为与个来对从将网络时间产际划归并据"
    "状况误错称说详于卫电话邮传统资讯价负责当历证们",
)
_PUNCTUATION = str.maketrans({"、": ",", "，": ",", "；": ";", "：": ":", "—": "-", "－": "-"})
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
# Some converters annotate characters with their pinyin, 「復(fù)議(yì)」, which splits every word.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)")


def normalise(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), simplified characters, no pinyin
    annotations, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL)
    return _SPACES.sub(" ", _PINYIN.sub("", text))


def loose(text: str) -> str:
    """A regular expression for `text` that tolerates any punctuation or spacing between its
    characters, and either form of list punctuation."""
    plain = [ch for ch in normalise(text).translate(_PUNCTUATION) if ch.isalnum()]
    return r"[\W_]*".join(re.escape(ch) for ch in plain)
